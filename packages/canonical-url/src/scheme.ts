/*
 * The one scheme reader. Every package asks it, so `host.tld:8080/` is a host and port everywhere
 * (a dotted "scheme" not followed by `//` is a host), and `\tjava\nscript:` is `javascript`
 * everywhere (the WHATWG parser drops tabs and newlines before it reads the scheme).
 */

const SCHEME = /^([A-Za-z][A-Za-z0-9+.-]{0,31}):/;
/** A port after a dotted name's colon: 1–6 digits, then a path, query, fragment or the end (sticky: read at one place). */
// regex-safe: bounded digits, then one class or the end
const PORT_THEN_PATH = /\d{1,6}(?:[/?#]|$)/y;

/**
 * What the WHATWG parser does before anything else: strip leading and trailing C0 controls and
 * spaces, remove every tab, LF and CR. Done here too so the scheme test sees what the parser sees;
 * deep-link reads app links after the same clean-up.
 * @example
 * whatwgPreprocess(' \tjava\nscript:alert(1) ') // 'javascript:alert(1)'
 */
export function whatwgPreprocess(input: string): string {
  let start = 0;
  let end = input.length;
  while (start < end && input.charCodeAt(start) <= 0x20) start += 1;
  while (end > start && input.charCodeAt(end - 1) <= 0x20) end -= 1;
  return input.slice(start, end).replace(/[\t\n\r]/g, '');
}

/**
 * Schemes that must never become a clickable link, whatever produced them (a share text, a QR
 * code, an app wrapper's fallback, a redirect).
 */
export const UNSAFE_SCHEMES: ReadonlySet<string> = new Set([
  'javascript',
  'data',
  'file',
  'vbscript',
  'blob',
  'about',
  'filesystem',
  'view-source',
  'jar',
]);

/**
 * The lower-case scheme a link is written with (`javascript` for `JavaScript:alert(1)`), or `null`
 * when it has none. Leading C0 controls, spaces, tabs and newlines are ignored as the URL parser
 * ignores them, so `\tjava\nscript:` is still `javascript`.
 * @example
 * schemeOf(' JavaScript:alert(1)') // 'javascript'
 * schemeOf('item.jd.com/1.html')   // null
 */
export function schemeOf(link: string): string | null {
  if (typeof link !== 'string') return null;
  return writtenScheme(whatwgPreprocess(link.length > 256 ? link.slice(0, 256) : link));
}

/**
 * The scheme of text already cleaned the way the URL parser cleans it (`schemeOf` cleans first),
 * lower-cased; `null` for none. `host.tld:8080/…` looks like a scheme but is a dotted
 * name followed by a port (digits, then `/`, `?`, `#` or the end): it is a host and port. Any other
 * dotted scheme is one (`openapp.jdmobile://…`, YouTube's `vnd.youtube:dQw4w9WgXcQ`).
 * @example
 * writtenScheme('openApp.jdMobile://virtual') // 'openapp.jdmobile'
 * writtenScheme('shop.example:8080/p/1')      // null
 */
export function writtenScheme(text: string): string | null {
  const m = SCHEME.exec(text);
  const scheme = m?.[1];
  if (!scheme) return null;
  if (scheme.includes('.')) {
    PORT_THEN_PATH.lastIndex = scheme.length + 1;
    if (PORT_THEN_PATH.test(text)) return null;
  }
  return scheme.toLowerCase();
}

/**
 * A link as the URL parser should read it: as written when it has a scheme (`writtenScheme`'s), else read as
 * https (`//3.cn/…` and scheme-less `item.jd.com/1.html` alike).
 * @example
 * withScheme('item.jd.com/1.html', null) // 'https://item.jd.com/1.html'
 */
export function withScheme(text: string, scheme: string | null): string {
  return scheme !== null ? text : text.startsWith('//') ? `https:${text}` : `https://${text}`;
}
