/**
 * Builds the bundled font subsets (all SIL OFL 1.1, from the npm packages of Google Fonts' Noto fonts).
 *
 * Run once by a maintainer, never at install or run time:
 *   for p in noto-sans-sc noto-sans-tc noto-sans-kr noto-sans noto-emoji; do
 *     npm pack @expo-google-fonts/$p && mkdir -p $p && tar xzf expo-google-fonts-$p-*.tgz -C $p; done
 *   node --import tsx fonts/build-fonts.ts <that directory>
 *
 * | file                              | source package                   | characters                                   |
 * | --------------------------------- | -------------------------------- | -------------------------------------------- |
 * | NotoSansSC-Regular.subset.ttf     | @expo-google-fonts/noto-sans-sc  | ASCII, Latin-1, punctuation, full-width forms, kana, all of GB2312 |
 * | NotoSansSC-Bold.subset.ttf        | @expo-google-fonts/noto-sans-sc  | the same, GB2312 level 1 only                |
 * | NotoSansTC-Regular.subset.ttf     | @expo-google-fonts/noto-sans-tc  | Big5 level 1 (5,401 common Traditional hanzi) not in GB2312 |
 * | NotoSansKR-Regular.subset.ttf     | @expo-google-fonts/noto-sans-kr  | the 2,350 Hangul syllables of KS X 1001, compatibility jamo |
 * | NotoSans-Regular.subset.ttf       | @expo-google-fonts/noto-sans     | Latin Extended-A/B and Additional (diacritics beyond Latin-1) |
 * | NotoEmoji-Regular.subset.ttf      | @expo-google-fonts/noto-emoji    | every emoji of Noto Emoji (monochrome outlines) |
 *
 * The Chinese character sets are computed by decoding the GB2312, Big5 and KS X 1001 code spaces with
 * the platform's decoders. It also prints the advance widths of ASCII in em, which
 * `src/poster/metrics.ts` uses to measure Latin runs.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import subsetFont from 'subset-font';

/** Characters of a double-byte code space: lead bytes `leads`, trail bytes `trails`. */
function decodeSpace(encoding: string, leads: [number, number][], trails: [number, number][]): string {
  const decoder = new TextDecoder(encoding);
  const out: string[] = [];
  for (const [from, to] of leads) {
    for (let hi = from; hi <= to; hi++) {
      for (const [lo0, lo1] of trails) {
        for (let lo = lo0; lo <= lo1; lo++) {
          const ch = decoder.decode(new Uint8Array([hi, lo]));
          if ([...ch].length === 1 && ch !== '\ufffd') out.push(ch);
        }
      }
    }
  }
  return out.join('');
}

// GB2312: rows 0xA1–0xA9 symbols, 0xB0–0xD7 level-1 hanzi, 0xD8–0xF7 level-2 hanzi.
const gb2312 = (lastRow: number): string =>
  decodeSpace(
    'gbk',
    [
      [0xa1, 0xa9],
      [0xb0, lastRow],
    ],
    [[0xa1, 0xfe]],
  );
// Big5 level 1: lead bytes 0xA4–0xC6 (frequently used hanzi).
const big5Level1 = (): string =>
  decodeSpace(
    'big5',
    [[0xa4, 0xc6]],
    [
      [0x40, 0x7e],
      [0xa1, 0xfe],
    ],
  );
// KS X 1001 Hangul: EUC-KR rows 0xB0–0xC8, and the compatibility jamo of row 0xA4.
const ksHangul = (): string =>
  decodeSpace(
    'euc-kr',
    [
      [0xa4, 0xa4],
      [0xb0, 0xc8],
    ],
    [[0xa1, 0xfe]],
  );

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
  range(0x3040, 0x30ff) + // hiragana, katakana
  range(0x31f0, 0x31ff) +
  range(0xff01, 0xff60) +
  range(0xffe0, 0xffe6);
const emoji =
  range(0x2190, 0x21ff) +
  range(0x2300, 0x23ff) +
  range(0x2460, 0x27bf) +
  range(0x2900, 0x2bff) +
  range(0x1f000, 0x1faff);

const source = process.argv[2];
if (!source) throw new Error('usage: build-fonts.ts <dir holding the unpacked @expo-google-fonts packages>');
const outDir = new URL('.', import.meta.url).pathname;
const simplified1 = gb2312(0xd7);
const simplified = gb2312(0xf7);
const inSc = new Set(common + simplified);
const traditional = [...big5Level1()].filter((c) => !inSc.has(c)).join('');
// Regular carries all of GB2312; Bold (titles, prices) carries level 1 only to keep the package
// small. A character the bold face lacks falls back to the regular faces, never to a box.
const builds: [string, string, string][] = [
  [
    'noto-sans-sc/package/400Regular/NotoSansSC_400Regular.ttf',
    'NotoSansSC-Regular.subset.ttf',
    common + simplified,
  ],
  ['noto-sans-sc/package/700Bold/NotoSansSC_700Bold.ttf', 'NotoSansSC-Bold.subset.ttf', common + simplified1],
  ['noto-sans-tc/package/400Regular/NotoSansTC_400Regular.ttf', 'NotoSansTC-Regular.subset.ttf', traditional],
  ['noto-sans-kr/package/400Regular/NotoSansKR_400Regular.ttf', 'NotoSansKR-Regular.subset.ttf', ksHangul()],
  [
    'noto-sans/package/400Regular/NotoSans_400Regular.ttf',
    'NotoSans-Regular.subset.ttf',
    range(0x100, 0x24f) + range(0x1e00, 0x1eff),
  ],
  ['noto-emoji/package/400Regular/NotoEmoji_400Regular.ttf', 'NotoEmoji-Regular.subset.ttf', emoji],
];
for (const [file, out, text] of builds) {
  const input = await readFile(join(source, file));
  const subset = await subsetFont(input, text, { targetFormat: 'truetype' });
  await writeFile(join(outDir, out), subset);
  console.log(`${out}: ${subset.length} bytes, ${[...new Set(text)].length} characters requested`);
}
