/*
 * App-link reading, loaded with `import()` only when a text holds a link in an app's scheme, or a web
 * link that may wrap one: deep-link's app table and parser are the largest part of the resolver, and
 * most pastes (share texts, platform pages) never need them.
 */
export { isDeepLinkError, isUnsafeAppLink, parseAppLink } from '@sharekit/deep-link';
