import { QrPosterError } from '../errors.js';
import { jsqrEngine } from './engines/jsqr.js';
import type { QrEngine } from './engines/types.js';
import { configureZxing, ensureZxing, zxingEngine } from './engines/zxing.js';
import { checkMaxPixels, checkRgba, DEFAULT_MAX_PIXELS } from './image.js';
import { runStrategy } from './strategy.js';
import type { DecodeOptions, QrCode, QrEngineName, RgbaImage } from './types.js';

/**
 * Default `escalationBudget`: every code the escalation gains on boofcv-dev is read within it (0.5 would lose 7
 * of them); see scripts/README.md for what it costs in time.
 *
 * @example
 * ```ts
 * await decodeQr(image, { escalationBudget: DEFAULT_ESCALATION_BUDGET * 4 }) // a slower, more thorough read
 * ```
 */
export const DEFAULT_ESCALATION_BUDGET = 0.75;

const ENGINES: Readonly<Record<QrEngineName, QrEngine>> = { zxing: zxingEngine, jsqr: jsqrEngine };
const CHARSETS = ['auto', 'utf-8', 'shift_jis', 'gb18030', 'iso-8859-1'] as const;
const POLARITIES = ['auto', 'both'] as const;

/**
 * Resolves and checks options, and makes zxing ready when it is among the engines (by default it is: its
 * wasm comes from `zxingWasm`, {@link configureZxing}, or where the runtime finds it by itself); shared by
 * the main and `/node` entries.
 * @throws QrPosterError `invalid_option`; `decode_failed` when zxing is wanted and cannot load.
 */
export async function resolveOptions(options: DecodeOptions | undefined): Promise<{
  engines: QrEngine[];
  effort: 'fast' | 'thorough';
  charset: (typeof CHARSETS)[number];
  maxPixels: number;
  escalationBudget: number;
  polarity: (typeof POLARITIES)[number];
}> {
  const o = options ?? {};
  if (o.zxingWasm !== undefined) configureZxing(o.zxingWasm);
  const maxPixels = checkMaxPixels(o.maxPixels ?? DEFAULT_MAX_PIXELS);
  const effort = o.effort ?? 'thorough';
  if (effort !== 'fast' && effort !== 'thorough') {
    throw new QrPosterError('invalid_option', `effort must be 'fast' or 'thorough', got ${String(effort)}`);
  }
  const escalationBudget = o.escalationBudget ?? DEFAULT_ESCALATION_BUDGET;
  if (typeof escalationBudget !== 'number' || Number.isNaN(escalationBudget) || escalationBudget < 0) {
    throw new QrPosterError(
      'invalid_option',
      `escalationBudget must be a number ≥ 0, got ${String(escalationBudget)}`,
    );
  }
  const charset = o.charset ?? 'auto';
  if (!(CHARSETS as readonly string[]).includes(charset)) {
    throw new QrPosterError(
      'invalid_option',
      `charset must be one of ${CHARSETS.join(', ')}, got ${String(charset)}`,
    );
  }
  const polarity = o.polarity ?? 'auto';
  if (!(POLARITIES as readonly string[]).includes(polarity)) {
    throw new QrPosterError(
      'invalid_option',
      `polarity must be one of ${POLARITIES.join(', ')}, got ${String(polarity)}`,
    );
  }
  const names = o.engines ?? (['zxing', 'jsqr'] as const);
  if (!Array.isArray(names) || names.length === 0) {
    throw new QrPosterError('invalid_option', 'engines must be a non-empty array of engine names');
  }
  const engines: QrEngine[] = [];
  for (const name of names) {
    const engine = ENGINES[name as QrEngineName];
    if (engine === undefined)
      throw new QrPosterError('invalid_option', `unknown engine ${String(name).slice(0, 40)}`);
    if (!engines.includes(engine)) engines.push(engine);
  }
  // Never read less silently: when zxing is wanted and cannot load, say so (decode_failed).
  if (engines.includes(zxingEngine)) await ensureZxing();
  return { engines, effort, charset, maxPixels, escalationBudget, polarity };
}

/**
 * Finds every QR code in an RGBA image. Each code comes back once, with its text, its payload bytes and its
 * corners; a code whose text would be a guess (engines disagree, or bytes that no declared or unambiguous
 * charset decodes) is left out rather than returned wrong.
 *
 * In browsers zxing needs its wasm from you (`zxingWasm` or {@link configureZxing}); without it only jsQR runs.
 * `@sharekit/qr-poster/node` also accepts PNG, JPEG and WebP bytes and wires zxing up by itself.
 *
 * @param image - `{ data, width, height }` with `data.length === width * height * 4` (an `ImageData` works).
 * @returns The codes found, `[]` when there are none.
 * @throws QrPosterError `invalid_image` (not RGBA of the stated size, zero-sized), `image_too_large`
 *   (over `maxPixels`), `invalid_option`, `decode_failed` (an engine could not load).
 *
 * @example
 * ```ts
 * import { decodeQr } from '@sharekit/qr-poster'
 * const codes = await decodeQr(ctx.getImageData(0, 0, w, h), { zxingWasm: { wasmUrl: '/zxing_reader.wasm' } })
 * codes[0]?.text // 'https://item.taobao.com/item.htm?id=123'
 * ```
 */
export async function decodeQr(image: RgbaImage, options?: DecodeOptions): Promise<QrCode[]> {
  const settings = await resolveOptions(options);
  const rgba = checkRgba(image, settings.maxPixels);
  return runStrategy(rgba, settings);
}
