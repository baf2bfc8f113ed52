// The page's shared state: the language, what was last read and made, and the QR engine in use.
import type { Resolution } from '@sharekit/resolver';
import { defaultLang, type Lang, type MessageKey, t } from './i18n.js';
import type { Made } from './make.js';
import type { EngineState } from './zxing.js';

function readLangPreference(): Lang {
  const fromUrl = new URLSearchParams(location.search).get('lang');
  if (fromUrl === 'zh' || fromUrl === 'en') return fromUrl;
  return defaultLang(navigator.languages?.length ? navigator.languages : [navigator.language]);
}

/** What the page shows now; `readSeq` numbers reads so that only the newest one renders. */
export const state: {
  lang: Lang;
  resolution: Resolution | null;
  made: Made | null;
  engine: EngineState | null;
  readSeq: number;
} = {
  lang: readLangPreference(),
  resolution: null,
  made: null,
  engine: null,
  readSeq: 0,
};

/**
 * A message in the page's current language.
 *
 * @example
 * tr('copied') // 'Copied' (or '已复制')
 */
export const tr = (key: MessageKey, values?: Readonly<Record<string, string | number>>): string =>
  t(state.lang, key, values);

/**
 * An error's message, at most 200 characters, for a status line.
 *
 * @example
 * messageOf(new Error('bad')) // 'bad'
 */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message.slice(0, 200) : String(error).slice(0, 200);
}
