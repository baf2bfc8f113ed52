/*
 * A link as people paste it: inside 「」, quotes, brackets or Markdown, glued to the words before
 * and after it, with Markdown's `\_` escapes, in full-width letters. `pastedLink` finds the link in
 * such a paste in one linear pass; it never changes what the link's own characters spell beyond
 * NFKC (which the URL parser applies to hosts anyway).
 */

/** What `pastedLink` undid. */
export type PasteRepair = 'nfkc' | 'markdown-link' | 'enclosed' | 'glued-text' | 'markdown-escape';

/*
 * Full-width marks (`（`, `）`, `，`, `！`…) are in none of these: a paste holding one is NFKC-folded
 * first, which writes them in ASCII.
 */
/** Closing marks that end a link pasted into text (CJK punctuation, quotes, brackets). */
const CLOSERS = '」』】》〉”’。、…';
/** Opening marks of enclosing pairs, and at the same index their closers. */
const OPENERS = '「『【《〈“‘"\'([<`';
const CLOSES = '」』】》〉”’"\')]>`';

const FULL_WIDTH = /[\uFF01-\uFF5E\u3000]/;
// regex-safe: one class, no quantifier nesting
const ESCAPED = /\\([!-/:-@[-`{-~])/g;

// regex-safe: one character class each
const SPACE = /[\0- \xa0\u2000-\u200b\u3000]/;
/** Spaces, CJK text, CJK punctuation and emoji (surrogates) end a link; other letters may be an IDN host. */
const ENDS_LINK =
  /[\0- \xa0\u2000-\u200b\u3000\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\ud800-\udfff]/;

/**
 * `s` without the sentence punctuation (`trailing`) and unbalanced closers that end it: `pairs` is
 * opener-closer pairs (`'()[]'`), and a closer goes only while more of it than of its opener remain.
 * Linear. Free-text scanning (`scanLinks`) and `pastedLink` trim link tails with it.
 * @example
 * trimTail('(see https://a.example/x_(y)).', '.,', '()') // '(see https://a.example/x_(y))'
 * trimTail('https://a.example/x_(y)).', '.,', '()')      // 'https://a.example/x_(y)'
 */
export function trimTail(s: string, trailing: string, pairs = '()[]'): string {
  /** Openers minus closers, per pair. */
  const open = [0, 0, 0];
  for (let i = 0; i < s.length; i++) {
    const k = pairs.indexOf(s[i] as string);
    if (k >= 0) open[k >> 1]! += k & 1 ? -1 : 1;
  }
  let e = s.length;
  for (; e; e--) {
    const ch = s[e - 1] as string;
    const k = pairs.indexOf(ch);
    if (k > 0 && k & 1 && open[k >> 1]! < 0) open[k >> 1]!++;
    else if (!trailing.includes(ch)) break;
  }
  return s.slice(0, e);
}

/** Printable ASCII without space, quotes, brackets or backslash: a link as it should be. */
// regex-safe: anchored, one class
const PLAIN = /^[!#-&*-;=?-Z^-_a-z|~]*$/;

/**
 * The link in a pasted snippet, and what was undone to find it. Text with no link in it comes back
 * trimmed and otherwise unchanged.
 * @example
 * pastedLink('[商品](https://item.jd.com/100012043978.html)').text // 'https://item.jd.com/100012043978.html'
 * pastedLink('链接「https://b23.tv/TUMG3e5」').text                 // 'https://b23.tv/TUMG3e5'
 */
export function pastedLink(input: string): { text: string; repairs: PasteRepair[] } {
  if (PLAIN.test(input)) return { text: input, repairs: [] };
  const repairs: PasteRepair[] = [];
  let s = input;
  if (FULL_WIDTH.test(s)) {
    const n = s.normalize('NFKC');
    if (n !== s) repairs.push('nfkc');
    s = n;
  }
  s = s.trim();
  // Markdown [text](url): the link is the part in the parentheses.
  const md = s.indexOf('](');
  if (s.startsWith('[') && md > 0 && s.endsWith(')')) {
    const target = s.slice(md + 2, -1).trim();
    const text = s.slice(1, md).trim();
    // `[https://…](url)`: a placeholder target, the link is the text.
    s = target.includes('.') || !text.includes('.') ? target : text;
    repairs.push('markdown-link');
  }
  // Enclosing pairs, outermost first.
  for (let guard = 0; guard < 4 && s.length >= 2; guard++) {
    const at = OPENERS.indexOf(s[0] as string);
    if (at < 0 || !s.endsWith(CLOSES[at] as string)) break;
    s = s.slice(1, -1).trim();
    repairs.push('enclosed');
  }
  // Words glued before the link: start at the first http(s):// when what precedes it is no link
  // (it holds a space, CJK text or an opening mark).
  const lower = s.toLowerCase();
  let k = lower.indexOf('http');
  while (k > 0 && !lower.startsWith('://', k + 4) && !lower.startsWith('s://', k + 4))
    k = lower.indexOf('http', k + 4);
  if (k > 0) {
    let prose = false;
    for (let i = 0; i < k && !prose; i++) {
      // Outside an ASCII link: spaces, CJK text, marks, opening brackets.
      const c = s.charCodeAt(i);
      prose = c < 0x21 || c > 0x7e || OPENERS.includes(s[i] as string);
    }
    if (prose) {
      s = s.slice(k);
      repairs.push('glued-text');
    }
  }
  // Words glued after it: the link ends at a space, CJK text or a closing mark.
  // It ends at a space or closing mark; CJK text ends it too, unless the link goes on after that
  // text (`amazon.co.jp/モンスター/dp/…`: a `/`, `?` or `=` follows before the space).
  let whole = 0;
  while (whole < s.length && !SPACE.test(s[whole] as string) && !CLOSERS.includes(s[whole] as string))
    whole++;
  let end = 0;
  while (end < whole && !ENDS_LINK.test(s[end] as string)) end++;
  if (end < whole) {
    // CJK that starts a path segment or a query value (`?q=充电宝`, `/search/霞浦`) is the link's own.
    let goesOn = end > 0 && (s[end - 1] === '=' || s[end - 1] === '/');
    for (let k = end; k < whole && !goesOn; k++) goesOn = s[k] === '/' || s[k] === '?' || s[k] === '=';
    if (goesOn) end = whole;
  }
  if (end > 0 && end < s.length) {
    s = s.slice(0, end);
    if (!repairs.includes('glued-text')) repairs.push('glued-text');
  }
  // Sentence punctuation and unbalanced closers after the link. Only a link that sat in running
  // text loses them: a bare link is kept exact.
  if (repairs.length) s = trimTail(s, '.,;:!?\'"*~', '()[]<>');
  if (s.includes('\\')) {
    const unescaped = s.replace(ESCAPED, '$1');
    if (unescaped !== s) repairs.push('markdown-escape');
    s = unescaped;
  }
  return { text: s, repairs };
}
