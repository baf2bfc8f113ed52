import { describe, expect, it } from 'vitest';
import { hostMatches } from './host.js';
import { identify, unwrapUrl } from './identify.js';
import { pastedLink, trimTail } from './pasted.js';
import { PLATFORMS } from './platforms.js';
import type { ContentKind, PlatformId } from './types.js';
import { WRAPPERS } from './unwrap.js';

/*
 * Vectors: the URL shapes are the platforms' own public forms (url-forms.md, deep-links.md, the
 * platforms' share pages); the ids are sample values in each platform's id shape. The wrapper
 * forms are chat apps' link checkers and sites' leave pages as they appear in pasted links
 * (url-forms.md §1 names `c.pc.qq.com/middle.html?pfurl=`).
 */

type Row = readonly [name: string, input: string, platform: PlatformId, kind: ContentKind, id: string | null];

const KINDS: readonly Row[] = [
  [
    'a Taobao live room',
    'https://huodong.m.taobao.com/act/talent/live.html?id=371234567890&spm=a2141',
    'taobao',
    'live',
    '371234567890',
  ],
  [
    'a Taobao search',
    'https://s.taobao.com/search?q=%E4%BF%9D%E6%B8%A9%E6%9D%AF&spm=a21bo',
    'taobao',
    'search',
    '保温杯',
  ],
  [
    'a Taobao item page on another Taobao host',
    'https://detail.m.taobao.com/item.htm?id=634567890123',
    'taobao',
    'item',
    '634567890123',
  ],
  [
    'a Tmall shop by its shop id',
    'https://shop.m.tmall.com/shop/shop_index.htm?shop_id=104736810',
    'tmall',
    'shop',
    '104736810',
  ],
  [
    'a Tmall search',
    'https://list.tmall.com/search_product.htm?q=%E8%80%B3%E6%9C%BA',
    'tmall',
    'search',
    '耳机',
  ],
  [
    'a Xianyu seller page',
    'https://www.goofish.com/personal?userId=2201234567',
    'xianyu',
    'user',
    '2201234567',
  ],
  [
    'a JD item on the WeChat shop host',
    'https://wqitem.jd.com/item/view?sku=100012043978',
    'jd',
    'item',
    '100012043978',
  ],
  ['a JD item on Jingxi', 'https://m.jingxi.com/item/view?sku=100012043978', 'jd', 'item', '100012043978'],
  [
    'a JD promotion page',
    'https://pro.m.jd.com/mall/active/3Tz2vXjAAbL2wp3sbJtJZyk7vcgq/index.html?babelChannel=ttt1',
    'jd',
    'campaign',
    '3Tz2vXjAAbL2wp3sbJtJZyk7vcgq',
  ],
  [
    'a JD search',
    'https://search.jd.com/Search?keyword=%E6%89%8B%E6%9C%BA&enc=utf-8',
    'jd',
    'search',
    '手机',
  ],
  [
    'a Pinduoduo shop',
    'https://mobile.yangkeduo.com/mall_page.html?mall_id=123456789&refer_share_id=x',
    'pinduoduo',
    'shop',
    '123456789',
  ],
  [
    'a Pinduoduo search',
    'https://mobile.yangkeduo.com/search_result.html?search_key=%E7%BA%B8%E5%B7%BE',
    'pinduoduo',
    'search',
    '纸巾',
  ],
  [
    'a Douyin live-room share page',
    'https://webcast.amemv.com/douyin/webcast/reflow/7234567890123456789?u_code=abc',
    'douyin',
    'live',
    '7234567890123456789',
  ],
  [
    'a Douyin music page',
    'https://www.iesdouyin.com/share/music/6812345678901234567/?did=1',
    'douyin',
    'music',
    '6812345678901234567',
  ],
  [
    'a Douyin challenge page',
    'https://www.iesdouyin.com/share/challenge/1612345678901234/?u_code=x',
    'douyin',
    'topic',
    '1612345678901234',
  ],
  [
    'a Douyin mix',
    'https://www.iesdouyin.com/share/mix/detail/7012345678901234567/',
    'douyin',
    'collection',
    '7012345678901234567',
  ],
  ['a Douyin search', 'https://www.douyin.com/search/%E7%8C%AB?type=general', 'douyin', 'search', '猫'],
  [
    'an old Douyin user share page',
    'https://www.iesdouyin.com/share/user/58901234567/',
    'douyin',
    'user',
    '58901234567',
  ],
  [
    'a Douyin Shop item on the old host',
    'https://haohuo.snssdk.com/views/product/item?id=3412345678901234567',
    'douyin-shop',
    'item',
    '3412345678901234567',
  ],
  [
    'a Kuaishou user share page',
    'https://v.m.chenzhongtech.com/fw/user/3xabcdefghijk2m?fid=1',
    'kuaishou',
    'user',
    '3xabcdefghijk2m',
  ],
  [
    'a Kuaishou live share page',
    'https://v.m.chenzhongtech.com/fw/live/KPL704668133?cc=share',
    'kuaishou',
    'live',
    'KPL704668133',
  ],
  [
    'a Xiaohongshu note under its author',
    'https://www.xiaohongshu.com/user/profile/5a1b2c3d4e5f607182930a4b/64a1b2c3d4e5f60718293a4b?xsec_token=AB',
    'xiaohongshu',
    'note',
    '64a1b2c3d4e5f60718293a4b',
  ],
  [
    'a Xiaohongshu board',
    'https://www.xiaohongshu.com/board/5f1b2c3d4e5f607182930a4b?source=web',
    'xiaohongshu',
    'collection',
    '5f1b2c3d4e5f607182930a4b',
  ],
  [
    'a Xiaohongshu search',
    'https://www.xiaohongshu.com/search_result?keyword=%E7%A9%BF%E6%90%AD&source=web',
    'xiaohongshu',
    'search',
    '穿搭',
  ],
  [
    'a Bilibili episode',
    'https://www.bilibili.com/bangumi/play/ep123456?from_spmid=x',
    'bilibili',
    'video',
    'ep123456',
  ],
  [
    'a Bilibili article',
    'https://www.bilibili.com/read/cv19661826?spm_id_from=333',
    'bilibili',
    'article',
    'cv19661826',
  ],
  ['a Bilibili audio', 'https://m.bilibili.com/audio/au1234567', 'bilibili', 'music', 'au1234567'],
  [
    'a Bilibili player link by aid',
    'https://player.bilibili.com/player.html?aid=170001&page=1',
    'bilibili',
    'video',
    'BV17x411w7KC',
  ],
  [
    'a Bilibili search',
    'https://search.bilibili.com/all?keyword=%E5%8E%9F%E7%A5%9E',
    'bilibili',
    'search',
    '原神',
  ],
  [
    'a Weibo article',
    'https://weibo.com/ttarticle/p/show?id=2309404123456789012345',
    'weibo',
    'article',
    '2309404123456789012345',
  ],
  [
    'a Weibo video in the new player',
    'https://weibo.com/tv/show/1034:4712345678901234?from=old_pc_videoshow',
    'weibo',
    'video',
    '1034:4712345678901234',
  ],
  [
    'a Weibo profile on the mobile site',
    'https://m.weibo.cn/profile/1234567890',
    'weibo',
    'user',
    '1234567890',
  ],
  ['a Weibo search', 'https://s.weibo.com/weibo?q=%23%E7%83%AD%E6%90%9C%23', 'weibo', 'search', '#热搜#'],
  [
    'a 1688 item on the mobile page',
    'https://detail.m.1688.com/page/index.html?offerId=623456789012&sk=consign',
    '1688',
    'item',
    '623456789012',
  ],
  ['a Weidian shop', 'https://weidian.com/?userid=1234567890&wfr=wx', 'weidian', 'shop', '1234567890'],
  [
    'an AliExpress item with its old title path',
    'https://www.aliexpress.com/item/Phone-Case/32812345678.html',
    'aliexpress',
    'item',
    '32812345678',
  ],
  [
    'an Amazon item under a language path',
    'https://www.amazon.co.jp/-/zh/dp/B08N5WRWNW/ref=sr_1_1',
    'amazon',
    'item',
    'B08N5WRWNW',
  ],
  [
    'an Amazon search',
    'https://www.amazon.com/s?k=usb+cable&ref=nb_sb_noss',
    'amazon',
    'search',
    'usb cable',
  ],
  [
    'a TikTok photo post',
    'https://www.tiktok.com/@scout2015/photo/7234567890123456789?is_from_webapp=1',
    'tiktok',
    'post',
    '7234567890123456789',
  ],
  ['a TikTok live', 'https://www.tiktok.com/@scout2015/live', 'tiktok', 'live', 'scout2015'],
  ['a TikTok tag', 'https://www.tiktok.com/tag/fyp', 'tiktok', 'topic', 'fyp'],
  [
    'a YouTube playlist',
    'https://www.youtube.com/playlist?list=PLFgquLnL59alCl_2TQvOiD5Vgm1hCaGSI',
    'youtube',
    'collection',
    'PLFgquLnL59alCl_2TQvOiD5Vgm1hCaGSI',
  ],
  ['a YouTube search', 'https://www.youtube.com/results?search_query=lofi', 'youtube', 'search', 'lofi'],
  [
    'a Dianping shop share page',
    'https://m.dianping.com/shopinfo/k1a2B3c4D5?msource=wx',
    'dianping',
    'shop',
    'k1a2B3c4D5',
  ],
  ['a Meituan point of interest', 'https://i.meituan.com/poi/1234567', 'meituan', 'shop', '1234567'],
  [
    'a Taobao tag-list item page',
    'https://www.taobao.com/list/item/674680652328.htm?spm=a21wu',
    'taobao',
    'item',
    '674680652328',
  ],
  [
    'a Taobao international shop',
    'https://world.taobao.com/dianpu/57303596.htm',
    'taobao',
    'shop',
    '57303596',
  ],
  [
    'a Tmall Hong Kong item under a language path',
    'https://detail.tmall.hk/hk/item.htm?id=992113612565',
    'tmall',
    'item',
    '992113612565',
  ],
  [
    'a Tmall mobile description page',
    'https://mdetail.tmall.com/templates/pages/desc?id=583789686010',
    'tmall',
    'item',
    '583789686010',
  ],
  [
    'a JD group-buy detail page',
    'https://wqs.jd.com/my/pingou/detail.shtml?platform=2&sku=2481037',
    'jd',
    'item',
    '2481037',
  ],
  [
    'a Pinduoduo coupon landing page with the goods id',
    'https://mobile.yangkeduo.com/duo_coupon_landing.html?goods_id=278428510770&pid=1',
    'pinduoduo',
    'item',
    '278428510770',
  ],
  [
    'a Douyin video on the jingxuan host',
    'https://jingxuan.douyin.com/m/video/7574300896016862490?app=yumme',
    'douyin',
    'video',
    '7574300896016862490',
  ],
  [
    'a Douyin user on amemv.com',
    'https://www.amemv.com/share/user/97958991141?share_type=link',
    'douyin',
    'user',
    '97958991141',
  ],
  ['a Kuaishou user page', 'https://m.kuaishou.com/user/604908634', 'kuaishou', 'user', '604908634'],
  [
    'a Bilibili video on the bare domain',
    'https://bilibili.com/BV1uCzoYEEir',
    'bilibili',
    'video',
    'BV1uCzoYEEir',
  ],
  [
    'an old Bilibili mobile video page',
    'http://www.bilibili.com/mobile/video/av2782168.html',
    'bilibili',
    'video',
    'BV1zs411m74W',
  ],
  [
    'a Bilibili favourites list',
    'https://www.bilibili.com/medialist/detail/ml1103407912',
    'bilibili',
    'collection',
    'ml1103407912',
  ],
  [
    'a Bilibili mall item',
    'https://mall.bilibili.com/detail.html?noTitleBar=1&itemsId=10082880',
    'bilibili',
    'item',
    '10082880',
  ],
  [
    'a Weibo video with a hex id',
    'https://weibo.com/tv/show/1034:633c288cc043d0ca7808030f1157da64',
    'weibo',
    'video',
    '1034:633c288cc043d0ca7808030f1157da64',
  ],
  ['a Weibo user on its first host', 'http://t.sina.com.cn/1861343920', 'weibo', 'user', '1861343920'],
  [
    'a 1688 mobile shop (winport)',
    'https://m.1688.com/winport/b2b-22108725372987d9fa.html',
    '1688',
    'shop',
    'b2b-22108725372987d9fa',
  ],
  [
    'an AliExpress live room',
    'https://live.aliexpress.com/live/2800002704436634',
    'aliexpress',
    'live',
    '2800002704436634',
  ],
  ['an Amazon item on amzn.com', 'https://amzn.com/B0722DMYTN', 'amazon', 'item', 'B0722DMYTN'],
  [
    'an Amazon item under a Japanese title path',
    'https://www.amazon.co.jp/モンスター-355ml×24本/dp/B007V6MQJY/ref=mp_s_a_1_1',
    'amazon',
    'item',
    'B007V6MQJY',
  ],
  [
    'a TikTok share video page',
    'https://t.tiktok.com/i18n/share/video/7398162058153315605/',
    'tiktok',
    'video',
    '7398162058153315605',
  ],
  [
    'a TikTok music page',
    'https://www.tiktok.com/music/Build-a-Btch-6956990112127585029?lang=en',
    'tiktok',
    'music',
    '6956990112127585029',
  ],
  [
    'a TikTok user by sec_uid',
    'https://www.tiktok.com/@MS4wLjABAAAAiFnldaILebi5heDoVU6bn4jBWWycX6-9U3xuNPqZ8Ws',
    'tiktok',
    'user',
    'MS4wLjABAAAAiFnldaILebi5heDoVU6bn4jBWWycX6-9U3xuNPqZ8Ws',
  ],
  [
    'a YouTube channel tab',
    'https://www.youtube.com/channel/UCTwECeGqMZee77BjdoYtI2Q/featured',
    'youtube',
    'user',
    'UCTwECeGqMZee77BjdoYtI2Q',
  ],
  [
    'a YouTube pop-up player',
    'https://www.youtube.com/watch_popup?v=63RmMXCd_bQ',
    'youtube',
    'video',
    '63RmMXCd_bQ',
  ],
  [
    'a Dianping dish under its shop',
    'http://www.dianping.com/shop/32675893/dish86047',
    'dianping',
    'shop',
    '32675893',
  ],
  ['an Ele.me shop page', 'https://www.ele.me/shop/156263173/info', 'eleme', 'shop', '156263173'],
];

describe('identify: content kinds beyond items and videos', () => {
  it.each(KINDS)('reads %s', (_name, input, platform, kind, id) => {
    expect(identify(input)).toMatchObject({ platform, kind, id });
  });
});

describe('identify: any page of a platform is that platform', () => {
  it.each(PLATFORMS.map((row) => [row.id, row.home] as const))(
    'gives %s for its home page',
    (platform, home) => {
      expect(identify(home)).toMatchObject({ platform, kind: 'page', id: null });
    },
  );

  it.each([
    ['a Tmall campaign page', 'https://pages.tmall.com/wow/z/hdwk/act-20231111/home?spm=a21bo', 'tmall'],
    ['an Ele.me H5 route in the fragment', 'https://h5.ele.me/shop/#id=E123456789', 'eleme'],
    ['a Kuaishou page on its share domain', 'https://v.kuaishouapp.com/', 'kuaishou'],
    ['an international Bilibili video', 'https://www.bilibili.tv/en/video/2041234567', 'bilibili'],
  ] as const)('reads %s as a page', (_name, input, platform) => {
    expect(identify(input)).toMatchObject({ platform, kind: 'page', id: null });
  });

  it('keeps the fragment of a page, where single-page apps keep their route', () => {
    expect(identify('https://h5.ele.me/shop/#id=E123456789')?.url).toBe(
      'https://h5.ele.me/shop/#id=E123456789',
    );
  });

  it('drops tracking parameters from a page', () => {
    expect(identify('https://www.taobao.com/markets/xie/nvxie?spm=a21bo.1&utm_source=x&page=2')?.url).toBe(
      'https://www.taobao.com/markets/xie/nvxie?page=2',
    );
  });
});

const ITEM = 'https://item.jd.com/100012043978.html';
const ENC = encodeURIComponent(ITEM);

describe('identify: wrapper and redirect links identify as what they point at', () => {
  it.each([
    [
      'WeChat’s link checker',
      `https://weixin110.qq.com/cgi-bin/mmspamsupport-bin/newredirectconfirmcgi?main_type=2&evil_type=20&source=2&url=${ENC}`,
    ],
    ['QQ’s link checker', `https://c.pc.qq.com/middle.html?pfurl=${ENC}&pfuin=12345`],
    ['Zhihu’s leave page', `https://link.zhihu.com/?target=${ENC}`],
    ['a Taobao login page with redirectURL', `https://login.m.taobao.com/login.htm?redirectURL=${ENC}`],
    [
      'a JD login page with returnurl',
      `https://plogin.m.jd.com/user/login.action?appid=100&returnurl=${ENC}`,
    ],
    ['a Weibo leave page', `https://weibo.cn/sinaurl?u=${ENC}`],
    ['a wrapper whose target is encoded twice', `https://link.zhihu.com/?target=${encodeURIComponent(ENC)}`],
    ['a launch_url parameter', `https://www.douyin.com/link?launch_url=${ENC}`],
    ['a shopping agent page', `https://www.superbuy.com/en/page/buy?url=${ENC}`],
    [
      'a Xiaohongshu captcha page with redirectPath',
      `https://www.xiaohongshu.com/website-login/captcha?redirectPath=${ENC}`,
    ],
    ['a Tencent Docs leave page', `https://docs.qq.com/scenario/link.html?url=${ENC}`],
    [
      'two wrappers nested',
      `https://link.zhihu.com/?target=${encodeURIComponent(`https://weixin110.qq.com/x?url=${ENC}`)}`,
    ],
  ] as const)('opens %s', (_name, input) => {
    expect(identify(input)).toMatchObject({ platform: 'jd', kind: 'item', id: '100012043978' });
  });

  it('lists each wrapper it opened, outermost first', () => {
    const inner = `https://weixin110.qq.com/x?url=${ENC}`;
    const r = unwrapUrl(`https://link.zhihu.com/?target=${encodeURIComponent(inner)}`);
    expect(r.url).toBe(ITEM);
    expect(r.steps.map((s) => [s.wrapper, s.param])).toEqual([
      ['link.zhihu.com/', 'target'],
      ['weixin110.qq.com/x', 'url'],
    ]);
    expect(r.stopped).toBeUndefined();
  });

  it('never treats a content page as a wrapper, whatever its parameters', () => {
    expect(
      identify(`https://item.jd.com/100012043978.html?url=${encodeURIComponent('https://www.taobao.com/')}`),
    ).toMatchObject({
      platform: 'jd',
      kind: 'item',
    });
  });

  it('returns null when the wrapped target is on no platform', () => {
    expect(
      identify(`https://link.zhihu.com/?target=${encodeURIComponent('https://example.com/x')}`),
    ).toBeNull();
  });

  it('refuses a wrapper whose target is a lookalike host', () => {
    expect(
      identify(
        `https://weixin110.qq.com/x?url=${encodeURIComponent('https://item.jd.com.evil.example/1.html')}`,
      ),
    ).toBeNull();
  });

  it('refuses a wrapper whose target is a javascript: URL', () => {
    const input = `https://login.m.taobao.com/login.htm?redirectURL=${encodeURIComponent('javascript:alert(1)')}`;
    expect(identify(input)).toBeNull();
    expect(unwrapUrl(input).stopped).toBe('unsafe-scheme');
  });

  it('stops at eight wrappers and identifies nothing past them (nested wrapper bomb)', () => {
    let link = ITEM;
    for (let k = 0; k < 9; k++) link = `https://link.zhihu.com/?target=${encodeURIComponent(link)}`;
    expect(unwrapUrl(link).stopped).toBe('too-deep');
    expect(unwrapUrl(link).steps).toHaveLength(8);
    expect(identify(link)).toBeNull();
  });

  it('keeps a platform page that hands over to an app scheme as that page', () => {
    const input = `https://m.taobao.com/tbopen/index.html?h5Url=${encodeURIComponent('tbopen://m.taobao.com/x')}`;
    expect(identify(input)).toMatchObject({ platform: 'taobao', kind: 'page', id: null });
  });
});

describe('the wrapper table', () => {
  it('gives every host at most one row, so the first row that fits a page is its row', () => {
    for (const a of WRAPPERS) {
      const host = a.host.replace(/^\*\./, '');
      const rows = WRAPPERS.filter((b) => hostMatches(host, b.host) || hostMatches(`x.${host}`, b.host));
      expect(rows, a.host).toEqual([a]);
    }
  });

  it('opens a wrapper on a subdomain of a `*.domain` row and on the domain itself, and no other host', () => {
    const target = encodeURIComponent('https://item.taobao.com/item.htm?id=634567890123');
    for (const host of ['www.superbuy.com', 'superbuy.com', 'm.cn.superbuy.com'])
      expect(unwrapUrl(`https://${host}/x?url=${target}`).steps, host).toHaveLength(1);
    for (const host of ['evilsuperbuy.com', 'superbuy.com.evil.example', 'weixin110.qq.com.evil.example'])
      expect(unwrapUrl(`https://${host}/x?url=${target}`).steps, host).toHaveLength(0);
  });

  it('opens a wrapper whose row names a path only on that path', () => {
    const target = encodeURIComponent('https://item.jd.com/100012043978.html');
    expect(unwrapUrl(`https://www.google.com/url?q=${target}`).steps).toHaveLength(1);
    expect(unwrapUrl(`https://www.google.com/search?q=${target}`).steps).toHaveLength(0);
  });
});

describe('identify: links as people paste them', () => {
  it.each([
    ['inside 「」', `「${ITEM}」`, ['enclosed']],
    ['inside parentheses', `(${ITEM})`, ['enclosed']],
    ['inside full-width parentheses', `（${ITEM}）`, ['enclosed']],
    ['inside quotes', `"${ITEM}"`, ['enclosed']],
    ['as a Markdown link', `[京东商品](${ITEM})`, ['markdown-link']],
    ['glued to the words before and after it', `链接${ITEM}快来买`, ['glued-text']],
    ['followed by a signature', `${ITEM} —— 来自小明的分享`, ['glued-text']],
    ['with sentence punctuation after it', `看这个：${ITEM}。`, ['glued-text']],
    [
      'in full-width letters',
      'ｈｔｔｐｓ：／／ｉｔｅｍ．ｊｄ．ｃｏｍ／１００２２４３９７８．ｈｔｍｌ'.replace(
        '１００２２４３９７８',
        '１０００１２０４３９７８',
      ),
      ['nfkc'],
    ],
  ] as const)('finds the link %s', (_name, input, repairs) => {
    expect(identify(input)).toMatchObject({ platform: 'jd', kind: 'item', id: '100012043978' });
    expect(pastedLink(input).repairs).toEqual(expect.arrayContaining([...repairs]));
  });

  it.each([...'）］，！？；：'])(
    'ends a link glued to the full-width mark %s and the words after it',
    (mark) => {
      const pasted = pastedLink(`看这个${ITEM}${mark}快来买`);
      expect(pasted.text).toBe(ITEM);
      expect(pasted.repairs).toEqual(['nfkc', 'glued-text']);
    },
  );

  it('reads Markdown-escaped underscores', () => {
    expect(identify('https://www.youtube.com/watch?v=abc\\_defghij')).toMatchObject({
      kind: 'video',
      id: 'abc_defghij',
    });
  });

  it('reads &amp; left in a link copied out of HTML as &', () => {
    expect(identify('//item.taobao.com/item.htm?spm=a2oq0.1&amp;ft=t&amp;id=14328821340')).toMatchObject({
      kind: 'item',
      id: '14328821340',
    });
  });

  it('takes the link text of a Markdown link whose target is a placeholder', () => {
    expect(identify('[https://www.iesdouyin.com/share/video/7139405476835364103](url)')).toMatchObject({
      platform: 'douyin',
      kind: 'video',
      id: '7139405476835364103',
    });
  });

  it('reads a second ? in the query as another parameter', () => {
    expect(identify('https://item.taobao.com/item.htm?id=634567890123?spm=a2141.7631564')).toMatchObject({
      platform: 'taobao',
      kind: 'item',
      id: '634567890123',
    });
  });

  it('keeps a bare link exact, trailing punctuation included', () => {
    expect(pastedLink('https://example.com/a.').text).toBe('https://example.com/a.');
  });

  it('drops the sentence punctuation and unbalanced closers after a link in running text', () => {
    expect(pastedLink('看 https://a.example/x_(y)>]).').text).toBe('https://a.example/x_(y)');
    expect(pastedLink('看 <https://a.example/[1]>').text).toBe('https://a.example/[1]');
    expect(trimTail('x)]>', '', '()[]<>')).toBe('x');
    expect(trimTail('(x))', '.')).toBe('(x)');
    expect(trimTail('x.#', '.')).toBe('x.#');
  });

  it('still refuses a lookalike host inside brackets', () => {
    expect(identify('「https://item.jd.com.evil.example/100012043978.html」')).toBeNull();
  });
});
