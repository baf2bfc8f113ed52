import { describe, expect, it } from 'vitest';
import { HOMOGRAPH_AND_IP_LITERAL_TARGETS } from '../../../test-utils/issue15.js';
import { isResolverError, resolve } from './index.js';
import type { Resolution } from './types.js';

const TB_SHARE =
  '【淘宝】https://e.tb.cn/h.8IcTrtZuTU19ieN?tk=nyXpT7VA7lt CZ3457 「316不锈钢保温杯 大容量」\n点击链接直接打开 或者 淘宝搜索直接打开';

function codes(r: Resolution): string[] {
  return r.safety.reasons.map((x) => x.code);
}

describe('resolve: each kind of text input', () => {
  it('reads a Taobao share text and gives the cleaned short link with its title, token and channel code', async () => {
    const r = await resolve(TB_SHARE);
    expect(r.kind).toBe('share-text');
    expect(r.link).toBe('https://e.tb.cn/h.8IcTrtZuTU19ieN?tk=nyXpT7VA7lt');
    expect(r.identity).toMatchObject({ platform: 'taobao', kind: 'short' });
    expect(r.candidates[0]).toMatchObject({
      title: '316不锈钢保温杯 大容量',
      token: 'nyXpT7VA7lt',
      code: 'CZ3457',
    });
    expect(r.safety.level).toBe('ok');
    expect(codes(r)).toContain('short-link-unresolved');
    expect(r.steps.map((s) => s.kind)).toEqual(['share-text', 'short-link']);
    expect(r.steps[0]?.label).toBe('share text from Taobao');
  });

  it('canonicalises a plain URL and names the item', async () => {
    const r = await resolve('https://item.m.jd.com/product/100012043978.html?utm_source=iosapp&ad_od=share');
    expect(r).toMatchObject({
      kind: 'url',
      link: 'https://item.jd.com/100012043978.html',
      identity: { platform: 'jd', kind: 'item', id: '100012043978' },
    });
    expect(r.safety.level).toBe('ok');
    expect(r.steps.map((s) => s.labelZh)).toEqual(['链接 item.m.jd.com', '京东商品 100012043978']);
  });

  it('reads a Taobao scheme link back to the web item', async () => {
    const r = await resolve('taobao://item.taobao.com/item.htm?id=634567890123');
    expect(r.kind).toBe('app-link');
    expect(r.link).toBe('https://item.taobao.com/item.htm?id=634567890123');
  });

  it('reads an Android intent URL', async () => {
    const r = await resolve(
      'intent://item.taobao.com/item.htm?id=634567890123#Intent;scheme=taobao;package=com.taobao.taobao;end',
    );
    expect(r.kind).toBe('app-link');
    expect(r.identity).toMatchObject({ platform: 'taobao', id: '634567890123' });
  });

  it('reads a platform name with a bare id', async () => {
    expect((await resolve('淘宝 634567890123')).link).toBe(
      'https://item.taobao.com/item.htm?id=634567890123',
    );
    expect((await resolve('京东：100012043978')).link).toBe('https://item.jd.com/100012043978.html');
    expect((await resolve('B站 av170001')).link).toBe('https://www.bilibili.com/video/BV17x411w7KC');
    expect((await resolve('BV17x411w7KC')).link).toBe('https://www.bilibili.com/video/BV17x411w7KC');
  });

  it('does not take an ASCII alias inside a longer word for a platform name', async () => {
    expect((await resolve('jdk 17 release 100012043978')).kind).toBe('unknown');
  });

  it('reads one of our tokens', async () => {
    const { encodeToken } = await import('./index.js');
    const token = encodeToken({
      platform: 'jd',
      kind: 'item',
      id: '100012043978',
      url: 'https://item.jd.com/100012043978.html',
    });
    const r = await resolve(token);
    expect(r.kind).toBe('sharekit-token');
    expect(r.link).toBe('https://item.jd.com/100012043978.html');
  });

  it("refuses a hand-written token of a look-alike host with the judge's reason, also inside a text", async () => {
    // encodeToken refuses it; the format is public, so the token is written from its parts.
    const { tokenText } = await import('../../share-token/src/alphabet.js');
    const { urlData } = await import('../../share-token/src/token/url-form.js');
    const token = tokenText(urlData('https://item.taobao.com.evil.example/item.htm?id=675330231400'));
    for (const text of [token, `复制 ${token} 打开`]) {
      const r = await resolve(text);
      expect(r.kind).toBe('sharekit-token');
      expect(r.link).toBeNull();
      expect(r.safety.level).toBe('danger');
      expect(codes(r)).toContain('lookalike-host');
    }
  });

  it('lists several shares of one paste in order', async () => {
    const r = await resolve(
      `${TB_SHARE}\n\n【京东】https://3.cn/2V-chiOQ?jkl=@EDoxt4DBLAN@ MU5104 「蓝牙耳机」`,
    );
    expect(r.candidates.map((c) => c.identity?.platform)).toEqual(['taobao', 'jd']);
    expect(r.candidates[1]?.link).toBe('https://3.cn/2V-chiOQ?jkl=@EDoxt4DBLAN@');
  });

  it('gives one candidate for a target pasted twice: a repeated share, its link again, a token-only share again', async () => {
    const jd = '【京东】https://3.cn/2V-chiOQ?jkl=@EDoxt4DBLAN@ MU5104 「蓝牙耳机」';
    const r = await resolve(`${TB_SHARE}\n${TB_SHARE}\n${jd}\n见 3.cn/2V-chiOQ?jkl=@EDoxt4DBLAN@`);
    expect(r.candidates.map((c) => c.identity?.platform)).toEqual(['taobao', 'jd']);
    expect(r.candidates[0]?.title).toBe('316不锈钢保温杯 大容量');
    const twice = await resolve(
      '(s0jWcizeD02) 复制这条信息打开手机淘宝\n(s0jWcizeD02) 复制这条信息打开手机淘宝',
    );
    expect(twice.candidates.map((c) => c.token)).toEqual(['s0jWcizeD02']);
  });

  it('keeps different targets apart: another item, another token, another app link', async () => {
    const r = await resolve(
      'https://item.jd.com/100012043978.html https://item.jd.com/100012043979.html\n(s0jWcizeD02) 复制这条信息打开手机淘宝\n(s0jWcizeD03) 复制这条信息打开手机淘宝',
    );
    expect(r.candidates.map((c) => c.identity?.id ?? c.token)).toEqual([
      '100012043978',
      '100012043979',
      's0jWcizeD02',
      's0jWcizeD03',
    ]);
  });

  it('keeps a share with no link as a token-only candidate, not clickable', async () => {
    const r = await resolve('(s0jWcizeD02) 复制这条信息打开手机淘宝');
    expect(r.link).toBeNull();
    expect(r.candidates[0]?.token).toBe('s0jWcizeD02');
    expect(codes(r)).toEqual(['token-only']);
  });

  it('finds plain web links in free text and flags the lookalike among them', async () => {
    const r = await resolve(
      '看看这个 https://example.com/a?utm_source=x 还有 https://item.jd.com.evil.example/1.html',
    );
    expect(r.candidates.map((c) => [c.link, c.safety.level])).toEqual([
      ['https://example.com/a', 'ok'],
      [null, 'danger'],
    ]);
  });

  it.each([
    '【京东】https://item.jd.com/100012043978.html',
    '京东https://item.jd.com/100012043978.html',
    '<https://item.jd.com/100012043978.html>',
    '[京东](https://item.jd.com/100012043978.html)',
    '（https://item.jd.com/100012043978.html）',
    'ｈｔｔｐｓ://item.jd.com/100012043978.html',
  ])('opens the link of a paste with glued words, brackets or full-width letters: %s', async (text) => {
    const r = await resolve(text);
    expect(r.candidates.map((c) => [c.link, c.safety.level])).toEqual([
      ['https://item.jd.com/100012043978.html', 'ok'],
    ]);
  });
});

describe('resolve: Markdown targets', () => {
  it('keeps balanced parentheses inside a Markdown target in free text', async () => {
    const r = await resolve(
      '读 [Wikipedia](https://en.wikipedia.org/wiki/A_(b)) 再看 [Docs](https://a.example/c_(d)e)。',
    );
    expect(r.candidates.map((c) => c.link)).toEqual([
      'https://en.wikipedia.org/wiki/A_(b)',
      'https://a.example/c_(d)e',
    ]);
  });
});

describe('resolve: safety', () => {
  it.each([
    '【淘宝】https://item.taobao.com.evil.example/item.htm?id=1',
    '<javascript:alert(1)>',
    '[x](http://127.0.0.1/)',
  ])('never opens a dangerous link glued to words or brackets: %s', async (text) => {
    const r = await resolve(text);
    expect(r.candidates.length).toBeGreaterThan(0);
    expect(r.candidates.map((c) => [c.link, c.safety.level])).toEqual(
      r.candidates.map(() => [null, 'danger']),
    );
  });

  it.each([
    ['javascript:alert(document.cookie)'],
    ['JavaScript:alert(1)'],
    ['data:text/html,<script>alert(1)</script>'],
    ['file:///etc/passwd'],
    ['vbscript:msgbox(1)'],
  ])('never makes %s clickable', async (input) => {
    const r = await resolve(input);
    expect(r.link).toBeNull();
    expect(r.safety.level).toBe('danger');
    expect(codes(r)).toContain('unsafe-scheme');
  });

  it('never makes a javascript: link inside a share text clickable', async () => {
    const r = await resolve('【淘宝】快看 javascript:alert(1) 「好物」');
    expect(r.candidates.every((c) => c.link === null || c.link.startsWith('https://'))).toBe(true);
    expect(r.candidates.some((c) => c.safety.level === 'danger')).toBe(true);
  });

  it('keeps the closing parenthesis of a javascript: call in running text, and blocks it', async () => {
    const r = await resolve('别点 javascript:alert(1) 谢谢');
    expect(r.candidates.map((c) => [c.raw, c.link])).toEqual([['javascript:alert(1)', null]]);
  });

  it('drops a parenthesis that closes the sentence, not the link', async () => {
    const r = await resolve('（见 https://example.com/a)');
    expect(r.candidates[0]?.raw).toBe('https://example.com/a');
  });

  it('blocks an app wrapper whose target is javascript:', async () => {
    const r = await resolve(
      `tbopen://m.taobao.com/tbopen/index.html?action=ali.open.nav&module=h5&h5Url=${encodeURIComponent('javascript:alert(1)')}`,
    );
    expect(r.link).toBeNull();
    expect(r.safety.level).toBe('danger');
  });

  it('blocks a lookalike host', async () => {
    const r = await resolve('https://item.taobao.com.evil.example/item.htm?id=634567890123');
    expect(r.link).toBeNull();
    expect(codes(r)).toContain('lookalike-host');
  });

  it('blocks credentials that spell a platform host', async () => {
    const r = await resolve('https://item.taobao.com@evil.example/item.htm?id=634567890123');
    expect(r.link).toBeNull();
    expect(codes(r)).toEqual(expect.arrayContaining(['credentials', 'lookalike-host']));
  });

  it('lowers the level for plain http and a generic shortener', async () => {
    expect(codes(await resolve('http://example.com/login'))).toContain('insecure-http');
    expect((await resolve('http://example.com/login')).safety.level).toBe('caution');
    expect((await resolve('https://bit.ly/3abcDEF')).safety).toMatchObject({ level: 'caution' });
  });

  it('blocks an IP literal in any spelling, an internal name and a mixed-script host (decided in the one judge)', async () => {
    for (const target of ['http://192.168.1.10/login', 'https://203.119.1.10/', 'https://2130706433../']) {
      const r = await resolve(target);
      expect(r.link).toBeNull();
      expect(codes(r)).toContain('ip-literal');
    }
    const internal = await resolve('http://metadata.google.internal/computeMetadata/v1/');
    expect(internal.link).toBeNull();
    expect(codes(internal)).toContain('private-network');
    const mixed = await resolve('https://раypal.example/');
    expect(mixed.link).toBeNull();
    expect(codes(mixed)).toContain('idn-mixed-script');
  });

  it('gives every reason a message in English and Chinese', async () => {
    const r = await resolve('http://user@192.168.1.10/');
    for (const reason of r.safety.reasons) {
      expect(reason.message.length).toBeGreaterThan(10);
      expect(reason.messageZh.length).toBeGreaterThan(4);
    }
  });
});

describe('resolve: bad input', () => {
  it.each([
    ['an empty string', '', 'empty-input'],
    ['white space only', ' \n\t ', 'empty-input'],
    ['text with nothing in it', 'hello world', 'no-target'],
    ['a 0-byte file', new Uint8Array(0), 'empty-input'],
    [
      'a corrupt PNG',
      Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]),
      'image-decoder-unavailable',
    ],
  ] as const)('resolves %s to unknown with a reason', async (_name, input, why) => {
    const r = await resolve(input as string | Uint8Array);
    expect(r).toMatchObject({ kind: 'unknown', link: null, candidates: [], reason: why });
  });

  it('refuses 100 MB of text by its length, at once', async () => {
    const r = await resolve('a'.repeat(100 * 1024 * 1024));
    expect(r).toMatchObject({ kind: 'unknown', reason: 'too-large' });
  });

  it('reads text handed over as bytes', async () => {
    const r = await resolve(new TextEncoder().encode('https://item.jd.com/100012043978.html'));
    expect(r.link).toBe('https://item.jd.com/100012043978.html');
  });

  it('resolves an RGBA image without a code to no-qr-code, and refuses a wrong buffer size as unreadable', async () => {
    const blank = { data: new Uint8ClampedArray(64 * 64 * 4).fill(255), width: 64, height: 64 };
    expect((await resolve(blank)).reason).toBe('no-qr-code');
    const wrong = { data: new Uint8ClampedArray(10), width: 64, height: 64 };
    expect((await resolve(wrong)).reason).toBe('image-unreadable');
  });

  it('throws ResolverError only for misuse', async () => {
    for (const bad of [42, null, { foo: 1 }]) {
      await expect(resolve(bad as unknown as string)).rejects.toSatisfy(isResolverError);
    }
    await expect(resolve('x', { maxHops: -1 })).rejects.toSatisfy(isResolverError);
    await expect(resolve('x', { fetch: 'no' as never })).rejects.toSatisfy(isResolverError);
  });
});

describe('resolve: wrapper and redirect links', () => {
  const ITEM = 'https://item.jd.com/100012043978.html';

  it('opens WeChat’s link checker and shows the unwrap as a step', async () => {
    const r = await resolve(
      `https://weixin110.qq.com/cgi-bin/mmspamsupport-bin/newredirectconfirmcgi?main_type=2&url=${encodeURIComponent(ITEM)}`,
    );
    expect(r.link).toBe(ITEM);
    expect(r.identity).toMatchObject({ platform: 'jd', kind: 'item', id: '100012043978' });
    expect(r.steps.map((s) => s.kind)).toEqual(['unwrap', 'url', 'identity']);
    expect(r.steps[0]?.label).toBe('wrapper weixin110.qq.com (url=) → item.jd.com');
  });

  it('shows one step per wrapper when wrappers are nested', async () => {
    const inner = `https://c.pc.qq.com/middle.html?pfurl=${encodeURIComponent(ITEM)}`;
    const r = await resolve(`https://link.zhihu.com/?target=${encodeURIComponent(inner)}`);
    expect(r.link).toBe(ITEM);
    expect(r.steps.filter((s) => s.kind === 'unwrap')).toHaveLength(2);
  });

  it('never makes a wrapped javascript: target clickable', async () => {
    const r = await resolve(
      `https://login.m.taobao.com/login.htm?redirectURL=${encodeURIComponent('javascript:alert(1)')}`,
    );
    expect(r.link).toBeNull();
    expect(r.safety.level).toBe('danger');
  });

  it('judges a wrapped lookalike host as a lookalike', async () => {
    const r = await resolve(
      `https://weixin110.qq.com/x?url=${encodeURIComponent('https://item.jd.com.evil.example/1.html')}`,
    );
    expect(r.identity).toBeNull();
    expect(r.safety.level).not.toBe('ok');
  });
});

describe('resolve: https wrappers of app links (deep-link is loaded for them on demand)', () => {
  const JD_APP =
    'openapp.jdmobile://virtual?params={"category":"jump","des":"productDetail","skuId":"100012043978"}';
  const ITEM = 'https://item.jd.com/100012043978.html';

  it('reads a JD universal link, a platform page that wraps an app link, as that app link', async () => {
    const r = await resolve(`https://linkst.m.jd.com/ul/ul.action?${encodeURIComponent(JD_APP)}`);
    expect(r.kind).toBe('app-link');
    expect(r.link).toBe(ITEM);
    expect(r.steps.map((s) => s.kind)).toEqual(['app-link', 'url', 'identity']);
  });

  it('reads an app store wrapper whose app link is percent-encoded twice', async () => {
    const twice = encodeURIComponent(encodeURIComponent(JD_APP));
    const r = await resolve(
      `https://a.app.qq.com/o/simple.jsp?pkgname=com.jingdong.app.mall&android_schema=${twice}`,
    );
    expect(r.kind).toBe('app-link');
    expect(r.link).toBe(ITEM);
  });

  it('blocks an Alipay wrapper whose scheme is javascript:', async () => {
    const r = await resolve(`https://ds.alipay.com/?scheme=${encodeURIComponent('javascript:alert(1)')}`);
    expect(r.kind).toBe('app-link');
    expect(r.link).toBeNull();
    expect(r.safety.level).toBe('danger');
  });

  it('asks deep-link about a wrapper canonical-url reads as platform content, when an app link is inside', async () => {
    // identify reads originalUrl= (a shop page); schema= carries the app link, so deep-link must see it.
    const shop = encodeURIComponent('https://www.dianping.com/shop/H1a2b3c4');
    const app = encodeURIComponent(encodeURIComponent('dianping://shopinfo?shopuuid=H1a2b3c4'));
    const r = await resolve(`https://link.dianping.com/universal-link?originalUrl=${shop}&schema=${app}`);
    expect(r.kind).toBe('app-link');
    expect(r.steps[0]).toMatchObject({ kind: 'app-link' });
  });

  it('reads a plain item page, with no colon past its scheme, as a URL', async () => {
    const r = await resolve(`${ITEM}?spm=a1.b2`);
    expect(r.kind).toBe('url');
    expect(r.link).toBe(ITEM);
  });
});

describe('issue 15 finding 6: resolve never throws on undecodable credentials', () => {
  it.each(['%C@h.oD', 'https://%FF@example.com/'])(
    'resolves %s with a credentials caution, no URIError',
    async (input) => {
      const r = await resolve(input);
      expect(r.safety.reasons.map((x) => x.code)).toContain('credentials');
    },
  );
});

describe('issue 15 findings 3 and 4: homographs and IP-literal spellings never become links', () => {
  it.each(HOMOGRAPH_AND_IP_LITERAL_TARGETS)('gives no link for %s', async (input) => {
    const r = await resolve(input);
    expect(r.link).toBeNull();
    expect(r.safety.level).toBe('danger');
  });
});
