/*
 * deep-link's functions and canonical-url's `displayWidth`, re-exported by the main entry. They are
 * bound here rather than re-exported from `index.ts` with `export … from`: esbuild (0.28, code
 * splitting) gives a chunk that holds live code a bare `import` of every chunk its files import from,
 * used or not, so one `export { parseAppLink } from '@sharekit/deep-link'` in index.ts put deep-link's
 * app table into the first load of `resolve` although `resolve` reads app links through `import()`
 * (app-link.ts). A file none of whose bindings a program uses is dropped whole, imports included.
 */

import { displayWidth as width } from '@sharekit/canonical-url/text';
import { parseAppLink as parse, toAppLinks as toLinks } from '@sharekit/deep-link';
import { detectInAppBrowser as detect, planOpen as plan } from '@sharekit/deep-link/open';

/**
 * `toAppLinks` of `@sharekit/deep-link`: the links that open a page in its app, with fallbacks.
 * @example
 * toAppLinks(identify('https://item.jd.com/100012043978.html')!).primary;
 */
export const toAppLinks: typeof toLinks = toLinks;

/**
 * `parseAppLink` of `@sharekit/deep-link`: the web page an app link (scheme, `intent://`, https
 * wrapper) stands for, or `{ danger }`.
 * @example
 * parseAppLink('openapp.jdmobile://virtual?params=%7B%22des%22%3A%22productDetail%22%2C%22skuId%22%3A%22100012043978%22%7D');
 */
export const parseAppLink: typeof parse = parse;

/**
 * `planOpen` of `@sharekit/deep-link`: how to open a link from the browser the page runs in.
 * @example
 * planOpen({ target: 'https://item.jd.com/100012043978.html', userAgent: navigator.userAgent }).steps;
 */
export const planOpen: typeof plan = plan;

/**
 * `detectInAppBrowser` of `@sharekit/deep-link`: which app's web view (WeChat, Weibo…) a user agent is.
 * @example
 * detectInAppBrowser(navigator.userAgent);
 */
export const detectInAppBrowser: typeof detect = detect;

/**
 * `displayWidth` of `@sharekit/canonical-url/text`: the columns a string takes in a terminal.
 * @example
 * displayWidth('淘宝 ok'); // 7
 */
export const displayWidth: typeof width = width;
