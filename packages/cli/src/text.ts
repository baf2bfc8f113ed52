// Terminal text helpers: display width for aligned columns with CJK, colour that respects NO_COLOR,
// and defanging of links that must not be clickable.
import { displayWidth } from '@sharekit/canonical-url/text';

/** Columns a string takes in a terminal (CJK and emoji two, marks and controls none). */
export { displayWidth };

/**
 * Pads `text` with spaces to `width` display columns.
 * @example
 * padEnd('链接', 6) // '链接  '
 */
export function padEnd(text: string, width: number): string {
  const w = displayWidth(text);
  return w >= width ? text : text + ' '.repeat(width - w);
}

/** ANSI styles, or identity functions when colour is off. */
export interface Style {
  readonly enabled: boolean;
  bold(text: string): string;
  dim(text: string): string;
  red(text: string): string;
  yellow(text: string): string;
  green(text: string): string;
  cyan(text: string): string;
}

/**
 * Colour only on a terminal that is not `TERM=dumb`, never when `NO_COLOR` is set to anything
 * non-empty or `FORCE_COLOR` is `0`/`false`; `FORCE_COLOR` set otherwise (`1`, `2`, `3`, `true`, empty)
 * turns it on for a pipe or a dumb terminal — the rules of Node's own `getColorDepth` and of
 * `supports-color`.
 * @example
 * makeStyle(process.stdout.isTTY === true, process.env).green('ok')
 */
export function makeStyle(isTty: boolean, env: Readonly<Record<string, string | undefined>>): Style {
  const noColor = env.NO_COLOR !== undefined && env.NO_COLOR !== '';
  const forceSetting = env.FORCE_COLOR?.toLowerCase();
  const forceOff = forceSetting === '0' || forceSetting === 'false';
  const forceOn = forceSetting !== undefined && !forceOff;
  const enabled = !noColor && !forceOff && (forceOn || (isTty && env.TERM !== 'dumb'));
  const wrap =
    (open: number, close: number) =>
    (text: string): string =>
      enabled ? `\u001b[${open}m${text}\u001b[${close}m` : text;
  return {
    enabled,
    bold: wrap(1, 22),
    dim: wrap(2, 22),
    red: wrap(31, 39),
    yellow: wrap(33, 39),
    green: wrap(32, 39),
    cyan: wrap(36, 39),
  };
}

/**
 * A target that must not be opened, written so that terminals and chat apps do not turn it into a
 * link: every `://` becomes `[:]//`, every dot `[.]`, a scheme without `//` gets `[:]`
 * (`javascript[:]alert(1)`), and control characters are shown as `\uXXXX`.
 * @example
 * defang('https://evil.example/x') // 'https[:]//evil[.]example/x'
 * defang('javascript:alert(1)') // 'javascript[:]alert(1)'
 */
export function defang(raw: string): string {
  let text = escapeControls(raw).replaceAll('.', '[.]').replaceAll('://', '[:]//');
  const colon = text.indexOf(':');
  // A leading scheme such as `javascript:` or `data:` (letters, digits, + and - before the colon).
  if (colon > 0 && text[colon - 1] !== '[' && /^[a-z][a-z0-9+-]{0,31}$/i.test(text.slice(0, colon))) {
    text = `${text.slice(0, colon)}[:]${text.slice(colon + 1)}`;
  }
  return text;
}

/**
 * Replaces C0/C1 control characters and bidi overrides with `\uXXXX`, so terminal output of untrusted
 * text cannot carry escape sequences.
 * @example
 * escapeControls('a\u001b[2Jb') // 'a\\u001b[2Jb'
 */
export function escapeControls(text: string): string {
  let out = '';
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    const control =
      c < 0x20 || (c >= 0x7f && c < 0xa0) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
    out += control ? `\\u${c.toString(16).padStart(4, '0')}` : ch;
  }
  return out;
}
