import { describe, expect, it } from 'vitest';
import { thrownCode } from '../test/thrown.js';
import { miniProgramLink } from './miniprogram.js';
import { parseAppLink } from './parse.js';

describe('miniProgramLink', () => {
  it('builds the plaintext WeChat URL Scheme with the query encoded once', () => {
    expect(
      miniProgramLink({
        app: 'wechat',
        appId: 'wx1234567890abcdef',
        path: 'pages/item/index',
        query: 'id=42&from=share',
      }),
    ).toBe(
      'weixin://dl/business/?appid=wx1234567890abcdef&path=pages%2Fitem%2Findex&query=id%3D42%26from%3Dshare&env_version=release',
    );
  });

  it('builds the WeChat ticket form', () => {
    expect(miniProgramLink({ app: 'wechat', ticket: 'aBc123_-' })).toBe('weixin://dl/business/?t=aBc123_-');
  });

  it('builds the Alipay startapp link with page and query encoded (or only the first parameter survives)', () => {
    expect(
      miniProgramLink({
        app: 'alipay',
        appId: '2021001234567890',
        page: 'pages/index/index',
        query: 'a=1&b=2',
      }),
    ).toBe(
      'alipays://platformapi/startapp?appId=2021001234567890&page=pages%2Findex%2Findex&query=a%3D1%26b%3D2',
    );
  });

  it('gives links that parseAppLink reads as Mini Programs with no web equivalent', () => {
    expect(parseAppLink(miniProgramLink({ app: 'alipay', appId: '2021001234567890' }))).toMatchObject({
      app: 'alipay',
      platform: null,
      kind: 'miniprogram',
      id: '2021001234567890',
      webUrl: 'https://www.alipay.com/',
    });
    expect(parseAppLink(miniProgramLink({ app: 'wechat', ticket: 'abc' }))).toMatchObject({
      app: 'wechat',
      kind: 'page',
      id: null,
    });
  });

  it('refuses a bad AppID, a path with ? or spaces, an over-long query and an unknown app', () => {
    expect(thrownCode(() => miniProgramLink({ app: 'wechat', appId: 'wx123', path: 'p' }))).toBe(
      'invalid_input',
    );
    expect(
      thrownCode(() => miniProgramLink({ app: 'wechat', appId: 'wx1234567890abcdef', path: 'p?x=1' })),
    ).toBe('invalid_input');
    expect(
      thrownCode(() =>
        miniProgramLink({ app: 'wechat', appId: 'wx1234567890abcdef', path: 'p', query: 'x'.repeat(513) }),
      ),
    ).toBe('invalid_input');
    expect(thrownCode(() => miniProgramLink({ app: 'alipay', appId: '20000067', page: 'a b' }))).toBe(
      'invalid_input',
    );
    expect(thrownCode(() => miniProgramLink({ app: 'line' } as never))).toBe('invalid_input');
  });
});
