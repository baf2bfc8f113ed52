/*
 * Short-link following, loaded with `import()` only when a caller passes `fetch` and a short link
 * must be followed: canonical-url's main entry brings `resolveShortLink` and its address ranges
 * (ipaddr.js), which the rest of the resolver does not need (it imports `@sharekit/canonical-url/core`).
 */
export { resolveShortLink } from '@sharekit/canonical-url';
