import {
  type ContentKind,
  canonicalUrlFor,
  judgeTarget,
  type LinkIdentity,
  PLATFORMS,
  type PlatformId,
} from '@sharekit/canonical-url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fuzz } from '../../../test-utils/fuzz.js';
import { ALPHABET, inv, Q, symbolOf, tokenText } from './alphabet.js';
import { isShareTokenError, ShareTokenError } from './errors.js';
import { decodeToken, encodeToken, findTokens, TOKEN_KINDS, TOKEN_PLATFORMS } from './token.js';

const SEED = 20261120;

/** Every (platform, kind, idPattern) of the registry that the compact form covers. */
const SPECS = PLATFORMS.flatMap((row) =>
  row.kinds
    .filter((k) => (TOKEN_KINDS as readonly string[]).includes(k.kind))
    .map((k) => ({ platform: row.id, kind: k.kind, idPattern: k.idPattern })),
);

function identityOf(platform: PlatformId, kind: ContentKind, id: string): LinkIdentity | null {
  const url = canonicalUrlFor(platform, kind, id);
  return url === null ? null : { platform, kind, id, url };
}

const identityArb: fc.Arbitrary<LinkIdentity> = fc
  .constantFrom(...SPECS)
  .chain((s) => fc.stringMatching(s.idPattern).map((id) => identityOf(s.platform, s.kind as ContentKind, id)))
  .filter((x): x is LinkIdentity => x !== null);

const SAMPLE_IDENTITIES: LinkIdentity[] = [
  identityOf('taobao', 'item', '675330231400'),
  identityOf('taobao', 'item', '7012345678901'),
  identityOf('tmall', 'item', '608812345678'),
  identityOf('jd', 'item', '100012043978'),
  identityOf('douyin', 'video', '7301234567890123456'),
  identityOf('xiaohongshu', 'note', '64f1a2b3000000001f03c4d5'),
  identityOf('bilibili', 'video', 'BV1GJ411x7h7'),
  identityOf('amazon', 'item', 'B08N5WRWNW'),
  identityOf('kuaishou', 'video', '3xk9q8w7e6r5t4y'),
].filter((x): x is LinkIdentity => x !== null);

const SAMPLE_URLS = [
  'https://example.com/',
  'https://e.tb.cn/h.8qP8G0N3s7kCmIo?tk=Zxq1Ti8oakt',
  'https://shop.example.org/spring/sale?ref=poster&utm_source=wechat#top',
];

function rejects(token: string): boolean {
  try {
    decodeToken(token);
    return false;
  } catch (e) {
    if (!isShareTokenError(e)) throw e;
    return true;
  }
}

describe('the alphabet', () => {
  it('gives each symbol its value in any case and width, -2 for look-alikes and -1 for anything else', () => {
    for (const [v, c] of [...ALPHABET].entries()) {
      for (const form of [c, c.toLowerCase(), String.fromCharCode(c.charCodeAt(0) + 0xfee0)]) {
        expect(symbolOf(form.charCodeAt(0))).toBe(v);
      }
    }
    for (const c of '0Oo1IiLl０Ｏｏ１ＩｉＬｌ') expect(symbolOf(c.charCodeAt(0))).toBe(-2);
    for (const c of ' -_.#@~€￥淘\u{7f}') expect(symbolOf(c.charCodeAt(0))).toBe(-1);
  });

  it('inverts every nonzero value mod 31', () => {
    for (let a = 1; a < Q; a++) expect((a * inv(a)) % Q).toBe(1);
  });
});

describe('encodeToken and decodeToken', () => {
  it('round-trips every platform, kind and id pattern (compact, or as the canonical URL when the id is too long)', () => {
    fc.assert(
      fc.property(identityArb, (x) => {
        const token = encodeToken(x);
        const back = decodeToken(token);
        // Numeric ids up to 20 digits and 24-hex note ids always fit the compact form.
        if (/^(?:[1-9][0-9]{0,19}|[0-9a-f]{24})$/.test(x.id as string)) expect(back.form).toBe('compact');
        expect(back.identity).toEqual(x);
        expect(back.corrected).toBe(false);
        // The level a compact token reports without asking is the one judge's level for its URL.
        const judged = judgeTarget(back.url);
        expect({ level: back.level, reasons: back.reasons }).toEqual({
          level: judged.level,
          reasons: judged.reasons,
        });
      }),
      fuzz(400, SEED),
    );
  });

  it('round-trips arbitrary http(s) URLs through the URL form exactly', () => {
    fc.assert(
      fc.property(fc.webUrl({ withQueryParameters: true, withFragments: true }), (url) => {
        const back = decodeToken(encodeToken(url));
        expect(back.url).toBe(url);
        expect(back.form).toBe('url');
      }),
      fuzz(200, SEED),
    );
  });

  it('writes a 12-digit Taobao item as a 17-character token of the 31-symbol alphabet', () => {
    const token = encodeToken(SAMPLE_IDENTITIES[0] as LinkIdentity);
    expect(token).toHaveLength(17);
    expect(token).toMatch(/^V[2-9A-HJKMNP-Z]+$/);
  });

  it('writes an id whose registry kind has a version-1 codec as its number, and the same id under another kind as text', () => {
    // Bilibili videos name the av-number codec (KindSpec.alternateId): 170001 packs in fewer symbols than its BV id.
    const video = identityOf('bilibili', 'video', 'BV17x411w7KC') as LinkIdentity;
    const viaNumber = encodeToken(video);
    expect(decodeToken(viaNumber).identity).toEqual(video);
    // Kuaishou users take the same spelling as an id of their own (no codec): it packs as text, longer.
    const user = identityOf('kuaishou', 'user', 'BV17x411w7KC') as LinkIdentity;
    const viaText = encodeToken(user);
    expect(decodeToken(viaText).identity).toEqual(user);
    expect(viaNumber.length).toBeLessThan(viaText.length);
  });

  it('reads lower case, full-width forms and grouping spaces or hyphens', () => {
    const x = SAMPLE_IDENTITIES[0] as LinkIdentity;
    const token = encodeToken(x);
    const fullWidth = token.replace(/[2-9A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    expect(decodeToken(token.toLowerCase()).identity).toEqual(x);
    expect(decodeToken(fullWidth).identity).toEqual(x);
    expect(decodeToken(`${token.slice(0, 5)}-${token.slice(5, 10)} ${token.slice(10)}`).identity).toEqual(x);
  });

  it('corrects every single substitution of sample tokens back to the same target (exhaustive)', () => {
    const tokens = [
      ...SAMPLE_IDENTITIES.map((x) => encodeToken(x)),
      ...SAMPLE_URLS.map((u) => encodeToken(u)),
    ];
    let checked = 0;
    for (const token of tokens) {
      const want = decodeToken(token);
      for (let i = 0; i < token.length; i++) {
        for (const sym of ALPHABET) {
          if (sym === token[i]) continue;
          const bad = token.slice(0, i) + sym + token.slice(i + 1);
          const got = decodeToken(bad);
          expect(got.corrected).toBe(true);
          expect(got.token).toBe(token);
          expect(got.url).toBe(want.url);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(5000);
  });

  it('rejects every adjacent transposition of sample tokens (exhaustive)', () => {
    const tokens = [
      ...SAMPLE_IDENTITIES.map((x) => encodeToken(x)),
      ...SAMPLE_URLS.map((u) => encodeToken(u)),
    ];
    let checked = 0;
    for (const token of tokens) {
      for (let i = 0; i + 1 < token.length; i++) {
        if (token[i] === token[i + 1]) continue;
        const swapped = token.slice(0, i) + token[i + 1] + token[i] + token.slice(i + 2);
        expect(rejects(swapped), `${token} with ${i}/${i + 1} swapped`).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('corrects a look-alike character (O for 0, I or L for 1) typed in place of a symbol', () => {
    const x = SAMPLE_IDENTITIES[3] as LinkIdentity;
    const token = encodeToken(x);
    for (const lookalike of ['0', 'O', 'o', '1', 'I', 'l']) {
      const typed = token.slice(0, 6) + lookalike + token.slice(7);
      const got = decodeToken(typed);
      expect(got.identity).toEqual(x);
      expect(got.corrected).toBe(true);
    }
  });

  it('rejects or corrects back any one-character mutation, never reading another target', () => {
    fc.assert(
      fc.property(
        identityArb,
        fc.nat(),
        fc.string({ minLength: 1, maxLength: 1, unit: 'binary' }),
        (x, at, ch) => {
          const token = encodeToken(x);
          const i = at % token.length;
          const mutated = token.slice(0, i) + ch + token.slice(i + 1);
          try {
            expect(decodeToken(mutated).identity).toEqual(x);
          } catch (e) {
            if (!isShareTokenError(e)) throw e;
          }
        },
      ),
      fuzz(500, SEED),
    );
  });

  it('rejects two substitutions in most cases and never crashes on them', () => {
    fc.assert(
      fc.property(identityArb, fc.nat(), fc.nat(), fc.nat(30), fc.nat(30), (x, a, b, s1, s2) => {
        const token = encodeToken(x);
        const i = a % token.length;
        const j = b % token.length;
        const chars = token.split('');
        chars[i] = ALPHABET[(ALPHABET.indexOf(chars[i] as string) + 1 + (s1 % 30)) % Q] as string;
        chars[j] = ALPHABET[(ALPHABET.indexOf(chars[j] as string) + 1 + (s2 % 30)) % Q] as string;
        try {
          decodeToken(chars.join(''));
        } catch (e) {
          if (!isShareTokenError(e)) throw e;
        }
      }),
      fuzz(300, SEED),
    );
  });

  it('reports a token of a newer format version as unsupported_version', () => {
    const data = [ALPHABET.indexOf('W'), 3, 5, 6, 7, 8];
    const token = tokenText(data);
    expect(() => decodeToken(token)).toThrow(expect.objectContaining({ code: 'unsupported_version' }));
  });

  it('reports a token whose checks pass but whose payload names nothing as invalid_payload', () => {
    // size symbol 0: a one-symbol payload; 30 (the last symbol) decodes to no valid id
    const data = [ALPHABET.indexOf('V'), 0, 30];
    const token = tokenText(data);
    expect(() => decodeToken(token)).toThrow(expect.objectContaining({ code: 'invalid_payload' }));
  });

  it('throws typed errors for non-strings, huge input, foreign characters and short input', () => {
    expect(() => decodeToken(42 as unknown as string)).toThrow(
      expect.objectContaining({ code: 'invalid_input' }),
    );
    expect(() => decodeToken('V'.repeat(70_000))).toThrow(expect.objectContaining({ code: 'too_long' }));
    expect(() => decodeToken('V2ABC#DEFGH')).toThrow(expect.objectContaining({ code: 'invalid_token' }));
    expect(() => decodeToken('V2A')).toThrow(expect.objectContaining({ code: 'invalid_token' }));
  });

  it('refuses javascript:, data: and file: targets and URLs over 2 KB', () => {
    for (const url of [
      'javascript:alert(1)',
      'data:text/html,hi',
      'file:///etc/passwd',
      'https://exa mple.com/',
    ]) {
      expect(() => encodeToken(url)).toThrow(expect.objectContaining({ code: 'invalid_target' }));
    }
    expect(() => encodeToken(`https://example.com/${'a'.repeat(2100)}`)).toThrow(
      expect.objectContaining({ code: 'too_long' }),
    );
  });

  it('refuses a compact form for a short link, which has no id', () => {
    const short: LinkIdentity = {
      platform: 'taobao',
      kind: 'short',
      id: null,
      url: 'https://m.tb.cn/h.3m5PFm3',
    };
    expect(() => encodeToken(short, { form: 'compact' })).toThrow(ShareTokenError);
    expect(decodeToken(encodeToken(short)).url).toBe('https://m.tb.cn/h.3m5PFm3');
  });

  it('keeps the version-1 platform order frozen', () => {
    // Written out, not read from PLATFORM_IDS: compact ids index this list, so reordering the registry
    // must fail here rather than silently re-map every version-1 token already shared.
    expect(TOKEN_PLATFORMS.join(' ')).toBe(
      'taobao tmall jd pinduoduo douyin douyin-shop kuaishou xiaohongshu bilibili weibo xianyu 1688 weidian ' +
        'aliexpress amazon tiktok youtube dianping meituan eleme',
    );
  });
});

describe('findTokens', () => {
  it('finds tokens glued to any text, without delimiters', () => {
    const x = SAMPLE_IDENTITIES[4] as LinkIdentity;
    const token = encodeToken(x);
    for (const wrap of [
      (t: string) => `复制${t}打开`,
      (t: string) => `look:${t}!`,
      (t: string) => `abc${t.toLowerCase()}xyz`,
      (t: string) => `🔑${t}🔑`,
      (t: string) => `VVV${t}`,
    ]) {
      const found = findTokens(wrap(token));
      expect(found).toHaveLength(1);
      expect(found[0]?.identity).toEqual(x);
    }
  });

  it('reports spans in the original text, also across zero-width characters', () => {
    const token = encodeToken(SAMPLE_URLS[0] as string);
    const text = `前缀 ${token.slice(0, 4)}\u200b${token.slice(4)} 后缀`;
    const [m] = findTokens(text);
    expect(m?.span).toEqual([3, 3 + token.length + 1]);
  });

  it('does not correct by default, and corrects on request', () => {
    const token = encodeToken(SAMPLE_IDENTITIES[1] as LinkIdentity);
    const bad = token.slice(0, 7) + (token[7] === 'A' ? 'B' : 'A') + token.slice(8);
    expect(findTokens(` ${bad} `)).toEqual([]);
    expect(findTokens(` ${bad} `, { correct: true })[0]?.corrected).toBe(true);
  });

  it('finds several tokens in one paste', () => {
    const a = encodeToken(SAMPLE_IDENTITIES[0] as LinkIdentity);
    const b = encodeToken(SAMPLE_URLS[2] as string);
    expect(findTokens(`${a}\n${b}`).map((m) => m.token)).toEqual([a, b]);
  });
});
