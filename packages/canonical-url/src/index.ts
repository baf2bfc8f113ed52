/*
 * @sharekit/canonical-url — everything: core.ts (registry, identify, canonicalize, judge, …) plus
 * short-link following and address ranges, which only code that makes requests needs.
 */
export { addressRange, isPublicAddress, targetProblem } from './address.js';
export * from './core.js';
export { MAX_HOPS, resolveShortLink } from './resolve.js';
