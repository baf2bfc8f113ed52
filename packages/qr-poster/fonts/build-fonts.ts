/**
 * Builds the bundled CJK font subsets from Noto Sans SC (SIL OFL 1.1).
 *
 * Run once by a maintainer, never at install or run time:
 *   npm pack @expo-google-fonts/noto-sans-sc && tar xzf expo-google-fonts-noto-sans-sc-*.tgz
 *   node --import tsx fonts/build-fonts.ts package
 *
 * Character set: ASCII, Latin-1, general punctuation, CJK symbols, full-width forms and every
 * character of GB2312 (levels 1 and 2, 6763 hanzi, plus its symbol rows), computed by decoding the
 * GB2312 code space with the platform's GBK decoder. It also prints the advance widths of ASCII in
 * em, which `src/poster/metrics.ts` uses to measure Latin runs.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import subsetFont from 'subset-font';

function gb2312Characters(lastRow: number): string {
  const decoder = new TextDecoder('gbk');
  const out: string[] = [];
  // Rows 0xA1–0xA9 are symbols, 0xB0–0xD7 level-1 hanzi, 0xD8–0xF7 level-2 hanzi.
  for (let hi = 0xa1; hi <= lastRow; hi++) {
    if (hi > 0xa9 && hi < 0xb0) continue;
    for (let lo = 0xa1; lo <= 0xfe; lo++) {
      const ch = decoder.decode(new Uint8Array([hi, lo]));
      if (ch.length > 0 && ch !== '\ufffd') out.push(ch);
    }
  }
  return out.join('');
}

function range(from: number, to: number): string {
  let s = '';
  for (let c = from; c <= to; c++) s += String.fromCodePoint(c);
  return s;
}

const common =
  range(0x20, 0x7e) +
  range(0xa0, 0xff) +
  range(0x2010, 0x2027) +
  range(0x2030, 0x203a) +
  '€™' +
  range(0x3000, 0x303f) +
  range(0xff01, 0xff60) +
  range(0xffe0, 0xffe6);

const source = process.argv[2];
if (!source) throw new Error('usage: build-fonts.ts <dir of @expo-google-fonts/noto-sans-sc>');
const outDir = new URL('.', import.meta.url).pathname;
// Regular carries all of GB2312; Bold (titles, prices) carries level 1 only to keep the package
// small. A level-2 character in a bold title falls back to the Regular face, never to a box.
for (const [dir, file, out, lastRow] of [
  ['400Regular', 'NotoSansSC_400Regular.ttf', 'NotoSansSC-Regular.subset.ttf', 0xf7],
  ['700Bold', 'NotoSansSC_700Bold.ttf', 'NotoSansSC-Bold.subset.ttf', 0xd7],
] as const) {
  const text = common + gb2312Characters(lastRow);
  const input = await readFile(join(source, dir, file));
  const subset = await subsetFont(input, text, { targetFormat: 'truetype' });
  await writeFile(join(outDir, out), subset);
  console.log(`${out}: ${subset.length} bytes, ${[...new Set(text)].length} characters requested`);
}
