import { describe, expect, it } from 'vitest';
import { isCanonicalUrlError } from './errors.js';
import { hostMatches } from './host.js';
import { inspectHost } from './inspect.js';
import { isMixedScript, oneEditApart, skeleton } from './lookalike.js';
import { decodePunycode } from './punycode.js';

describe('inspectHost', () => {
  it.each([
    ['a platform host', 'item.taobao.com', 'taobao', []],
    ['a platform host in upper case with a trailing dot', 'ITEM.TAOBAO.COM.', 'taobao', []],
    ['a short-link host', 'm.tb.cn', 'taobao', []],
    ['an unrelated host', 'example.com', null, []],
    ['an IPv4 literal', '192.168.1.10', null, ['ip-literal']],
    ['an IPv4 literal in hex', '0xC0A8010A', null, ['ip-literal']],
    ['an IPv4 literal in decimal with two trailing dots', '2130706433..', null, ['ip-literal']],
    ['an IPv6 literal', '[2001:db8::1]', null, ['ip-literal']],
    ['localhost with a port', 'localhost:8080', null, ['private-network']],
    ['a cloud metadata name', 'metadata.google.internal', null, ['private-network']],
    [
      'a platform domain followed by another domain',
      'item.taobao.com.evil.example',
      null,
      ['lookalike:taobao'],
    ],
    ['a platform domain glued to another with a hyphen', 'jd.com-login.xyz', null, ['lookalike:jd']],
    ['one inserted letter', 'taobaoo.com', null, ['lookalike:taobao']],
    ['one swapped pair of letters', 'toabao.com', null, ['lookalike:taobao']],
    ['one substituted letter', 'tmalI.com', null, ['lookalike:tmall']],
    ['a missing letter', 'pinduodo.com', null, ['lookalike:pinduoduo']],
    ['the wrong top-level domain one edit away', 'taobao.con', null, ['lookalike:taobao']],
    ['digits for letters', 'taoba0.com', null, ['lookalike:taobao']],
    ['rn for m', 'trnall.com', null, ['lookalike:tmall']],
    ['the brand as a label of another site', 'douyin.gift-card.example', null, ['lookalike:douyin']],
    ['the brand as a hyphen-separated part', 'secure-bilibili.net', null, ['lookalike:bilibili']],
    [
      'a Cyrillic homograph of a platform domain',
      'tаоbао.com',
      null,
      ['idn', 'idn-mixed-script', 'lookalike:taobao'],
    ],
    [
      'a Greek homograph of a platform domain',
      'wеibο.com',
      null,
      ['idn', 'idn-mixed-script', 'lookalike:weibo'],
    ],
    [
      'a mixed-script Latin/Cyrillic label',
      'xn--tobao-3ve.com',
      null,
      ['idn', 'idn-mixed-script', 'lookalike:taobao'],
    ],
    ['a Chinese IDN', 'xn--fiqs8s.xn--fiqs8s', null, ['idn']],
    ['a host that only shares the letters of a short domain', 'rabbit.cn', null, []],
  ] as const)('reports %s', (_name, host, platform, warnings) => {
    const report = inspectHost(host);
    expect(report.platform).toBe(platform);
    expect(report.warnings).toEqual(warnings);
  });

  it('accepts a whole URL and reads its host, not its credentials', () => {
    const report = inspectHost('https://item.taobao.com@evil.example/item.htm');
    expect(report.host).toBe('evil.example');
    expect(report.platform).toBeNull();
  });

  it('compares IDN hosts in punycode and shows them decoded', () => {
    const report = inspectHost('https://таоbао.com/');
    expect(report.host.startsWith('xn--')).toBe(true);
    expect(report.unicodeHost).toBe('таоbао.com');
    expect(report.warnings).toContain('idn-mixed-script');
    expect(report.warnings).toContain('lookalike:taobao');
  });

  it('throws a typed error for input that has no host', () => {
    for (const bad of ['', 'http://', 42 as unknown as string]) {
      try {
        inspectHost(bad);
        expect.unreachable();
      } catch (error) {
        expect(isCanonicalUrlError(error)).toBe(true);
      }
    }
  });
});

describe('host helpers', () => {
  it('decodes punycode labels', () => {
    expect(decodePunycode('r8jz45g')).toBe('例え');
    expect(decodePunycode('fiqs8s')).toBe('中国');
  });

  it('reads punycode digits in either case, and refuses a label cut inside a number', () => {
    expect(decodePunycode('FIQS8S')).toBe('中国');
    expect(decodePunycode('bcher-KVA')).toBe('bücher');
    expect(decodePunycode('fiqs8')).toBeNull();
    expect(decodePunycode('fiq s8s')).toBeNull();
  });

  it('returns null for punycode that does not decode', () => {
    expect(decodePunycode('!!!')).toBeNull();
    expect(decodePunycode('zzzzzzzzzzzzzzzzzzzzzzzzzzzz9')).toBeNull();
  });

  it('folds confusables to the ASCII they imitate', () => {
    expect(skeleton('tаоbао.com')).toBe('taobao.com');
    expect(skeleton('taoba0.corn')).toBe('taobao.com');
  });

  it('folds each confusable of Latin, Greek, Cyrillic and Armenian, with or without a diacritic, to the letter it imitates', () => {
    // Each group: the letter, then the characters that imitate it. (Greek ϲ is not among them: hosts never
    // hold it, the URL parser writes it σ.)
    const groups =
      'aɑαа bƅвь cс dđԁ eεеё gɡԍց hħнһ iıɩɪιії jȷϳј kκк l1łӏℓ mм nηпո o0øοоօ pρр qԛ rг sѕ tŧτтᴛ uμυս vνѵ wωԝ xχх yγу';
    for (const [letter, ...imitations] of groups.split(' ').map((group) => [...group])) {
      for (const ch of imitations) expect(skeleton(`x${ch}y`), ch).toBe(`x${letter}y`);
    }
    // Letters that imitate nothing, and their neighbours in the table, stay as they are.
    for (const ch of 'бдж2ψϸӕԃչ') expect(skeleton(ch)).toBe(ch);
  });

  it('flags a platform domain spelled with confusable letters of Cyrillic, Greek or Armenian', () => {
    for (const host of ['тікток.com', 'ԁоuуіn.com', 'γουτυbε.com', 'tiktօk.com'])
      expect(
        inspectHost(host).warnings.some((w) => w.startsWith('lookalike:')),
        host,
      ).toBe(true);
  });

  it.each([
    ['Latin with Han', 'shop中文', false],
    ['Japanese: Latin, Han, Hiragana and Katakana', 'abc日本のショップ', false],
    ['Korean: Latin, Han and Hangul', 'abc韓國한국', false],
    ['one script of no allowed mix', 'магазин', false],
    ['letters of two scripts the judge does not name', 'कক', false],
    ['Latin with Cyrillic', 'tаobao', true],
    ['Latin with Greek', 'ebαy', true],
    ['Hiragana with Hangul', 'の한', true],
    ['Latin with a script the judge does not name', 'shopक', true],
    ['Japanese kana with Cyrillic', 'ショップд', true],
  ])('tells a mixed-script label: %s', (_name, label, mixed) => {
    expect(isMixedScript(label)).toBe(mixed);
  });

  it.each([
    ['taobao.com', '*.taobao.com', true],
    ['item.m.taobao.com', '*.taobao.com', true],
    ['xtaobao.com', '*.taobao.com', false],
    ['taobao.com.evil.example', '*.taobao.com', false],
    ['aobao.com', '*.taobao.com', false],
    ['item.taobao.com', 'item.taobao.com', true],
    ['m.item.taobao.com', 'item.taobao.com', false],
  ])('matches %s against the host pattern %s: %s', (host, pattern, matches) => {
    expect(hostMatches(host, pattern)).toBe(matches);
  });

  it('finds single edits and nothing more', () => {
    expect(oneEditApart('taobao.com', 'taobao.com')).toBe(false);
    expect(oneEditApart('taobao.com', 'taobaoo.com')).toBe(true);
    expect(oneEditApart('taobao.com', 'toabao.com')).toBe(true);
    expect(oneEditApart('taobao.com', 'taobao.cn')).toBe(false);
    expect(oneEditApart('taobao.com', 'tabao.com')).toBe(true);
    expect(oneEditApart('taobao.com', 'xaobao.com')).toBe(true);
    expect(oneEditApart('taobao.com', 'oatbao.cmo')).toBe(false);
  });
});
