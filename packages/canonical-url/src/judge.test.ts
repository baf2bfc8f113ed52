import { describe, expect, it } from 'vitest';
import cases from '../test/fixtures/judge-reasons.json' with { type: 'json' };
import { canonicalize } from './canonicalize.js';
import { isCanonicalUrlError } from './errors.js';
import { MAX_HOST_INPUT } from './inspect.js';
import { judgeTarget, TARGET_REASONS, type TargetReasonCode } from './judge.js';
import { UNSAFE_SCHEMES } from './scheme.js';
import { DEFAULT_MAX_LENGTH } from './url.js';

const codes = (raw: string) => judgeTarget(raw).reasons.map((r) => r.code);

describe('judgeTarget: one fixture per reason', () => {
  it('has a fixture for every reason code', () => {
    const covered = new Set(cases.map((c) => c.code));
    for (const code of Object.keys(TARGET_REASONS)) expect(covered).toContain(code);
  });

  it.each(cases)('gives $target the level $level (reason $code)', ({ code, target, level }) => {
    const reading = judgeTarget(target);
    expect(reading.level).toBe(level);
    if (code !== null) expect(reading.reasons.map((r) => r.code)).toContain(code);
    expect(reading.url === null).toBe(level === 'danger');
    if (reading.url !== null) expect(reading.url).toMatch(/^https?:\/\//);
  });
});

describe('judgeTarget: decided disagreements', () => {
  it('reads host.tld:8080/ as a host and a port, never as a scheme', () => {
    const reading = judgeTarget('shop.example:8080/p/1');
    expect(reading.scheme).toBeNull();
    expect(reading.url).toBe('https://shop.example:8080/p/1');
  });

  it("reads YouTube's dotted vnd.youtube: as a scheme", () => {
    expect(judgeTarget('vnd.youtube:dQw4w9WgXcQ')).toMatchObject({ level: 'danger', scheme: 'vnd.youtube' });
  });

  // The schemes named as never clickable, and app schemes that are not on that list: all refused alike.
  it.each([...UNSAFE_SCHEMES, 'weixin', 'taobao'])('refuses every non-web scheme alike: %s', (scheme) => {
    expect(codes(`${scheme}:x`)).toEqual(['unsafe-scheme']);
  });

  it('makes a mixed-script host danger, whatever it imitates', () => {
    expect(judgeTarget('https://раypal.example/').level).toBe('danger');
  });

  it('makes every IP literal danger, private or public', () => {
    expect(codes('https://10.0.0.1/')).toContain('ip-literal');
    expect(judgeTarget('https://10.0.0.1/').level).toBe('danger');
    expect(judgeTarget('https://8.8.8.8/').level).toBe('danger');
  });
});

describe('judgeTarget: misuse', () => {
  it('throws invalid_input for a non-string and never for a string', () => {
    expect(() => judgeTarget(42 as unknown as string)).toThrowError(
      expect.objectContaining({ code: 'invalid_input' }),
    );
    expect(judgeTarget('')).toMatchObject({ level: 'danger' });
    expect(judgeTarget('x'.repeat(10_000)).reasons[0]?.code).toBe('invalid-url');
  });
});

// ------------------------------------------------------------------------------------------
// Issue 15, the verdict findings: each fixture is an input of the issue.

describe('issue 15 finding 3: homographs of platform domains', () => {
  it.each([
    ['tàobáo.com', 'taobao'],
    ['tạobạo.com', 'taobao'],
    ['bílíbílí.com', 'bilibili'],
    ['тікток.com', 'tiktok'],
    ['таоbао.co', 'taobao'],
    ['xn--tobo-0nai.com', 'taobao'],
  ])('rates %s danger as a look-alike of %s', (host, platform) => {
    const reading = judgeTarget(`https://${host}/item.htm?id=1`);
    expect(reading.level).toBe('danger');
    expect(reading.url).toBeNull();
    const lookalike = reading.reasons.find((r) => r.code === 'lookalike-host');
    expect(lookalike?.detail).toContain(platform);
  });

  it('rates xn--tobo-wqa3b.com (ûtoôbo.com, imitating no platform) at least caution and shows it in Unicode', () => {
    const reading = judgeTarget('https://xn--tobo-wqa3b.com/');
    expect(['caution', 'danger']).toContain(reading.level);
    expect(reading.reasons.find((r) => r.code === 'idn')?.detail).toBe('ûtoôbo.com');
  });

  it('rates an IDN host of no platform caution with the reason shown', () => {
    const reading = judgeTarget('https://bücher.example/');
    expect(reading.level).toBe('caution');
    expect(reading.reasons.find((r) => r.code === 'idn')?.detail).toBe('bücher.example');
  });
});

describe('issue 15 finding 4: ip literals in every spelling', () => {
  it.each([
    'https://2130706433/',
    'https://2130706433../',
    'https://0x7f000001/',
    'https://0x7f000001../',
    'https://0251.0376.0251.0376/',
    'https://0251.0376.0251.0376../',
    'https://127.0.0.1./',
    'https://[::1]/',
    'https://[::ffff:127.0.0.1]/',
    'https://0/',
  ])('never links to %s', (target) => {
    const reading = judgeTarget(target);
    expect(reading.level).toBe('danger');
    expect(reading.reasons.map((r) => r.code)).toContain('ip-literal');
  });

  it.each(['https://localhost./', 'https://metadata.google.internal/', 'https://intranet/'])(
    'never links to the internal name %s',
    (target) => {
      expect(judgeTarget(target).reasons.map((r) => r.code)).toContain('private-network');
    },
  );

  it('writes canonical links of trailing-dot numeric hosts that parse again', () => {
    expect(canonicalize('https://2130706433../a')).toBe('https://127.0.0.1/a');
    expect(canonicalize('https://8.8.8.8../a')).toBe('https://8.8.8.8/a');
    expect(canonicalize(canonicalize('https://0x08080808../'))).toBe('https://8.8.8.8/');
    try {
      canonicalize('https://256.1../');
      expect.unreachable();
    } catch (error) {
      expect(isCanonicalUrlError(error) && error.code).toBe('invalid_url');
    }
  });
});

describe('issue 15 finding 6: the judge never throws on undecodable credentials', () => {
  it.each(['%C@h.oD', 'https://%FF@example.com/'])('judges %s without a URIError', (target) => {
    const reading = judgeTarget(target);
    expect(reading.reasons.map((r) => r.code)).toContain('credentials');
    expect(reading.level).toBe('caution');
  });
});

describe('issue 15 finding 7: a platform host written as the user name', () => {
  it('refuses https://item.taobao.com@evil.example/…', () => {
    const reading = judgeTarget('https://item.taobao.com@evil.example/item.htm?id=634567890123');
    expect(reading.url).toBeNull();
    expect(reading.reasons.map((r) => r.code)).toEqual(
      expect.arrayContaining(['credentials', 'lookalike-host']),
    );
  });

  it.each([
    ['a URL as the user name', `https://${encodeURIComponent('https://item.taobao.com/')}@evil.example/`],
    ['a look-alike of a platform host', 'https://taoba0.com@evil.example/'],
    ['a platform host with trailing dots', 'https://item.jd.com..@evil.example/'],
  ])('refuses %s before the host', (_name, target) => {
    expect(judgeTarget(target).reasons.map((r) => r.code)).toContain('lookalike-host');
  });

  it('reads user names as inspectHost does: no host in one over its 8 KB, nor in one that is no host', () => {
    const long = `https://${'a.'.repeat(4100)}taobao.com@evil.example/`;
    expect(judgeTarget(long, { maxLength: 20_000 }).reasons.map((r) => r.code)).not.toContain(
      'lookalike-host',
    );
    expect(judgeTarget('https://..@evil.example/').reasons.map((r) => r.code)).toEqual([
      'credentials',
      'not-a-platform',
    ]);
  });

  it("bounds user names by the input limit, which is inspectHost's limit too", () => {
    expect(MAX_HOST_INPUT).toBe(DEFAULT_MAX_LENGTH);
  });
});

describe('TARGET_REASONS', () => {
  it('gives every code a level', () => {
    for (const [code, level] of Object.entries(TARGET_REASONS) as [TargetReasonCode, string][]) {
      expect(['info', 'caution', 'danger'], code).toContain(level);
    }
  });
});
