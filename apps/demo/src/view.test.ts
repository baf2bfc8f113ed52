import { resolve, toAppLinks } from '@sharekit/resolver';
import { describe, expect, it } from 'vitest';
import {
  appHref,
  appLinkRows,
  candidateView,
  candidateViews,
  fitImage,
  posterFileName,
  readMakeFields,
  statusText,
  textLang,
  webHref,
} from './view.js';

describe('webHref', () => {
  it('keeps http and https links', () => {
    expect(webHref('https://item.jd.com/100012043978.html')).toBe('https://item.jd.com/100012043978.html');
    expect(webHref('http://example.com/a')).toBe('http://example.com/a');
  });

  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'file:///etc/passwd',
    'vbscript:msgbox(1)',
    'blob:https://example.com/uuid',
    'taobao://item.taobao.com/item.htm?id=1',
    'https://user:pass@item.taobao.com/item.htm?id=1',
    '//item.jd.com/1.html',
    '',
  ])('gives no href for %j', (link) => {
    expect(webHref(link)).toBeNull();
  });

  it('gives no href for null and oversized links', () => {
    expect(webHref(null)).toBeNull();
    expect(webHref(`https://a.example/${'x'.repeat(9000)}`)).toBeNull();
  });
});

describe('appHref', () => {
  it('keeps app schemes and intent links the page built', () => {
    expect(appHref('taobao://item.taobao.com/item.htm?id=1')).toBe('taobao://item.taobao.com/item.htm?id=1');
    expect(appHref('intent://x#Intent;scheme=taobao;end')).toBe('intent://x#Intent;scheme=taobao;end');
  });

  it.each([
    'javascript:alert(1)',
    'DATA:text/html,x',
    'file:///c:/x',
    'vbscript:x',
    'about:blank',
    'taobao://a b',
  ])('gives no href for %j', (link) => {
    expect(appHref(link)).toBeNull();
  });
});

describe('candidate views from the resolver', () => {
  it('link a safe target and name its platform', async () => {
    const r = await resolve('https://item.m.jd.com/product/100012043978.html?utm_source=iosapp');
    const [view] = candidateViews(r, 'zh');
    expect(view?.href).toBe('https://item.jd.com/100012043978.html');
    expect(view?.platform).toBe('京东');
    expect(view?.kind).toBe('商品');
    expect(view?.level).toBe('ok');
    expect(view?.appTarget).toBe('https://item.jd.com/100012043978.html');
    expect(statusText(r, 'en')).toBe('Found 1 target.');
  });

  it.each([
    'javascript:alert(1)',
    'https://item.taobao.com.evil.example/item.htm?id=1',
    'intent://item/1#Intent;scheme=taobao;S.browser_fallback_url=javascript%3Aalert(1);end',
  ])('never link the dangerous target %j and show it as text with its reasons', async (input) => {
    const r = await resolve(input);
    const views = candidateViews(r, 'en');
    expect(views.length).toBeGreaterThan(0);
    for (const view of views) {
      expect(view.href).toBeNull();
      expect(view.level).toBe('danger');
      expect(view.levelLabel).toBe('Dangerous — not opened');
      expect(view.text.length).toBeGreaterThan(0);
      expect(view.reasons.some((reason) => reason.level === 'danger')).toBe(true);
      expect(view.appTarget).toBeNull();
    }
  });

  it('withhold the href of a danger candidate even when it carries a link', async () => {
    const r = await resolve('https://item.jd.com/100012043978.html');
    const c = r.candidates[0];
    if (c === undefined) throw new Error('no candidate');
    const forged = { ...c, safety: { level: 'danger' as const, reasons: c.safety.reasons } };
    expect(candidateView(forged, 0, 'en').href).toBeNull();
  });

  it('list every target of a text with several, numbered in order', async () => {
    const r = await resolve(
      'https://www.bilibili.com/video/BV17x411w7KC and https://item.jd.com/100012043978.html',
    );
    const views = candidateViews(r, 'en');
    expect(views.map((v) => v.n)).toEqual([1, 2]);
    expect(views.map((v) => v.platform)).toEqual(['Bilibili', 'JD.com']);
    expect(statusText(r, 'zh')).toBe('找到 2 个目标。');
  });

  it('show reasons and steps in the interface language', async () => {
    const r = await resolve('javascript:alert(1)');
    const zh = candidateViews(r, 'zh')[0];
    const en = candidateViews(r, 'en')[0];
    expect(zh?.reasons[0]?.message).toBe(r.candidates[0]?.safety.reasons[0]?.messageZh);
    expect(en?.reasons[0]?.message).toBe(r.candidates[0]?.safety.reasons[0]?.message);
    expect(zh?.steps.map((s) => s.label)).toEqual(r.candidates[0]?.steps.map((s) => s.labelZh));
  });

  it('explain why nothing was found', async () => {
    expect(statusText(await resolve(''), 'en')).toBe('Paste something first.');
    expect(statusText(await resolve('hello there'), 'zh')).toBe('没有识别出链接、口令或应用链接。');
  });
});

describe('appLinkRows', () => {
  it('lists web, scheme, intent, universal and wrapper links, linking only safe ones', () => {
    const rows = appLinkRows(toAppLinks('https://item.jd.com/100012043978.html'), 'en');
    expect(rows.map((r) => r.key)).toEqual(['web', 'scheme', 'intent', 'universal', 'wrapper-jd']);
    expect(rows.map((r) => r.label)).toEqual([
      'Web',
      'App scheme',
      'Android intent',
      'Universal link',
      'Open inside JD.com',
    ]);
    for (const row of rows) expect(row.href).toBe(row.value);
  });

  it('never links a javascript: value even if one slipped into the links', () => {
    const rows = appLinkRows({ web: 'javascript:alert(1)', scheme: 'data:text/html,x' }, 'zh');
    expect(rows.map((r) => r.href)).toEqual([null, null]);
  });
});

describe('readMakeFields', () => {
  it('adds https:// to a scheme-less link and reads the price', () => {
    expect(
      readMakeFields({ url: ' item.jd.com/100012043978.html ', title: ' 杯子 ', price: '¥39.9', brand: '' }),
    ).toEqual({
      url: 'https://item.jd.com/100012043978.html',
      title: '杯子',
      price: '39.9',
      brand: null,
    });
  });

  it.each(['', 'javascript:alert(1)', 'ftp://example.com/x', 'https://'])('rejects the URL %j', (url) => {
    expect(readMakeFields({ url, title: '', price: '', brand: '' })).toEqual({ error: 'makeErrorUrl' });
  });

  it("lets a dangerous URL through, so that the make side can refuse it with the judge's reasons", () => {
    expect(
      readMakeFields({
        url: 'https://item.taobao.com.evil.example/item.htm?id=1',
        title: '',
        price: '',
        brand: '',
      }),
    ).toMatchObject({ url: 'https://item.taobao.com.evil.example/item.htm?id=1' });
    expect(readMakeFields({ url: 'http://127.0.0.1/', title: '', price: '', brand: '' })).toMatchObject({
      url: 'http://127.0.0.1/',
    });
  });

  it('rejects a URL with credentials', () => {
    expect(readMakeFields({ url: 'https://a@item.jd.com/1.html', title: '', price: '', brand: '' })).toEqual({
      error: 'makeErrorUrl',
    });
  });

  it('rejects a price that is not an amount', () => {
    expect(readMakeFields({ url: 'https://a.example/', title: '', price: '12abc', brand: '' })).toEqual({
      error: 'makeErrorPrice',
    });
  });
});

describe('fitImage', () => {
  it('keeps small images and scales large ones to the longest side', () => {
    expect(fitImage(800, 600, 4096)).toEqual({ scale: 1, width: 800, height: 600 });
    expect(fitImage(8000, 6000, 4096)).toEqual({ scale: 0.512, width: 4096, height: 3072 });
    expect(fitImage(1, 100000, 100)).toEqual({ scale: 0.001, width: 1, height: 100 });
  });
});

describe('posterFileName', () => {
  it('names the file after the host and the last path segment', () => {
    expect(posterFileName('https://item.jd.com/100012043978.html')).toBe(
      'poster-item.jd.com-100012043978.png',
    );
    expect(posterFileName('https://example.com/')).toBe('poster-example.com.png');
    expect(posterFileName('not a url')).toBe('poster-poster.png');
  });
});

describe('textLang', () => {
  it('marks Chinese titles in the English interface and English titles in the Chinese one', () => {
    expect(textLang('北欧风陶瓷马克杯 iPhone', 'en')).toBe('zh-CN');
    expect(textLang('Ceramic mug', 'zh')).toBe('en');
  });

  it('leaves text in the interface language, and text without letters, unmarked', () => {
    expect(textLang('北欧风陶瓷马克杯', 'zh')).toBeNull();
    expect(textLang('Ceramic mug', 'en')).toBeNull();
    expect(textLang('12345 ¥39.9', 'zh')).toBeNull();
  });
});
