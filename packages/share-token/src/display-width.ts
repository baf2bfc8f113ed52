/*
 * canonical-url's `displayWidth`, re-exported by the main entry. Bound here rather than written as
 * `export { displayWidth } from '@sharekit/canonical-url/text'` in index.ts: esbuild (0.28, code
 * splitting) gives every chunk with live code a bare `import` of each chunk its files import from,
 * used or not, so that line put canonical-url's text chunk into the first load of every program that
 * only parses (the resolver's `resolve`). A file none of whose bindings a program uses is dropped whole.
 */
import { displayWidth as width } from '@sharekit/canonical-url/text';

/**
 * `displayWidth` of `@sharekit/canonical-url/text`: the columns a string takes in a terminal (CJK and
 * emoji 2, combining marks 0).
 * @example
 * displayWidth('淘宝 ok'); // 7
 */
export const displayWidth: typeof width = width;
