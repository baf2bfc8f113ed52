import { isWideCodePoint as isWide, isZeroWidthCodePoint as isZeroWidth } from '@sharekit/canonical-url/text';

/**
 * Advance widths (per mille of an em) of printable ASCII 0x20–0x7E in the bundled Noto Sans SC Bold,
 * read from its `hmtx` table by `fonts/build-fonts.ts`'s companion reader (`readFontInfo`). The bold
 * face is the wider of the two bundled faces, so measuring with it never under-estimates a line.
 */
const ASCII_ADVANCE = [
  227, 370, 574, 590, 590, 963, 740, 325, 378, 378, 507, 590, 325, 370, 325, 387, 590, 590, 590, 590, 590,
  590, 590, 590, 590, 590, 325, 325, 590, 590, 590, 514, 1007, 641, 681, 656, 714, 615, 585, 717, 757, 330,
  568, 686, 578, 853, 749, 770, 667, 770, 682, 624, 625, 748, 619, 915, 627, 580, 613, 378, 387, 378, 590,
  567, 626, 591, 644, 527, 644, 581, 372, 597, 640, 304, 306, 604, 315, 964, 641, 626, 644, 644, 437, 495,
  421, 637, 576, 863, 562, 574, 511, 378, 296, 378, 590,
] as const;

/** Width in em of a narrow character that is not ASCII (Latin-1 letters, punctuation): a generous average. */
const NARROW_FALLBACK_EM = 0.65;

/** Width of one code point in em, as laid out by the renderer. */
export function advanceEm(cp: number): number {
  if (isZeroWidth(cp)) return 0;
  if (isWide(cp)) return 1;
  if (cp >= 0x20 && cp <= 0x7e) return (ASCII_ADVANCE[cp - 0x20] ?? 600) / 1000;
  return NARROW_FALLBACK_EM;
}
