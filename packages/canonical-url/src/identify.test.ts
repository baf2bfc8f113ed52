import { describe, expect, it } from 'vitest';
import {
  canonicalUrlFor,
  identify,
  identityFor,
  isCanonicalId,
  platformOf,
  tryPlatformOf,
} from './identify.js';
import type { ContentKind, PlatformId } from './types.js';

type Row = readonly [
  name: string,
  input: string,
  platform: PlatformId,
  kind: ContentKind,
  id: string | null,
  url: string,
];

const TB = 'https://item.taobao.com/item.htm?id=634567890123';
const TM = 'https://detail.tmall.com/item.htm?id=712345678901';
const JD = 'https://item.jd.com/100012043978.html';
const PDD = 'https://mobile.yangkeduo.com/goods.html?goods_id=345678901234';
const DY = 'https://www.douyin.com/video/7234567890123456789';
const XHS = 'https://www.xiaohongshu.com/explore/64a1b2c3d4e5f60718293a4b';
const BILI = 'https://www.bilibili.com/video/BV17x411w7KC';
const AMZ = 'https://www.amazon.com/dp/B08N5WRWNW';
const AE = 'https://www.aliexpress.com/item/1005006789012345.html';

/** Every alias form in the URL-form notes, with the identity it must map to. */
const FORMS: readonly Row[] = [
  // Taobao
  [
    'Taobao desktop item page',
    'https://item.taobao.com/item.htm?id=634567890123',
    'taobao',
    'item',
    '634567890123',
    TB,
  ],
  [
    'Taobao item page with tracking tail',
    'https://item.taobao.com/item.htm?spm=a1z10&id=634567890123&ut_sk=1.x&sourceType=item&price=9.9&shareurl=true&short_name=h.x&sp_abtk=a&tbSocialPopKey=b&shareUniqueId=c',
    'taobao',
    'item',
    '634567890123',
    TB,
  ],
  [
    'Taobao mobile detail page',
    'https://h5.m.taobao.com/awp/core/detail.htm?id=634567890123',
    'taobao',
    'item',
    '634567890123',
    TB,
  ],
  [
    'Taobao mobile page with itemId',
    'https://h5.m.taobao.com/awp/base/newdetail.htm?itemId=634567890123',
    'taobao',
    'item',
    '634567890123',
    TB,
  ],
  [
    'Taobao market page',
    'https://market.m.taobao.com/app/dinamic/h5-tb-detail/index.html?id=634567890123',
    'taobao',
    'item',
    '634567890123',
    TB,
  ],
  [
    'Taobao security detail page',
    'https://main.m.taobao.com/security-h5-detail/home?id=634567890123',
    'taobao',
    'item',
    '634567890123',
    TB,
  ],
  [
    'Taobao a.m page with the id in the path',
    'https://a.m.taobao.com/i634567890123.htm',
    'taobao',
    'item',
    '634567890123',
    TB,
  ],
  [
    'Taobao international mobile page',
    'https://m.intl.taobao.com/detail/detail.html?id=634567890123',
    'taobao',
    'item',
    '634567890123',
    TB,
  ],
  [
    'Taobao world page with the id in the path',
    'https://world.taobao.com/item/634567890123.htm',
    'taobao',
    'item',
    '634567890123',
    TB,
  ],
  [
    'Taobao old redirect host',
    'http://item.ny.taobao.com/item.htm?id=634567890123',
    'taobao',
    'item',
    '634567890123',
    TB,
  ],
  [
    'Taobao id under item_id',
    'https://h5.m.taobao.com/awp/core/detail.htm?item_id=634567890123',
    'taobao',
    'item',
    '634567890123',
    TB,
  ],
  [
    'Taobao id under default_item_id',
    'https://market.m.taobao.com/app/x/index.html?default_item_id=634567890123',
    'taobao',
    'item',
    '634567890123',
    TB,
  ],
  [
    'Taobao id under mallstItemId',
    'https://market.m.taobao.com/app/x/index.html?mallstitemid=634567890123',
    'taobao',
    'item',
    '634567890123',
    TB,
  ],
  [
    'Taobao shop subdomain',
    'https://shop123456789.taobao.com/index.htm?spm=a1z10',
    'taobao',
    'shop',
    '123456789',
    'https://shop123456789.taobao.com/',
  ],
  [
    'Taobao mobile shop page',
    'https://shop.m.taobao.com/shop/shop_index.htm?shop_id=123456789',
    'taobao',
    'shop',
    '123456789',
    'https://shop123456789.taobao.com/',
  ],
  [
    'Taobao m.tb.cn short link, 7-char path',
    'https://m.tb.cn/h.3m5PFm3?sm=33db3a',
    'taobao',
    'short',
    null,
    'https://m.tb.cn/h.3m5PFm3',
  ],
  [
    'Taobao e.tb.cn short link keeps tk',
    'http://e.tb.cn/h.8IcTrtZuTU19ieN?tk=nyXpT7VA7lt',
    'taobao',
    'short',
    null,
    'https://e.tb.cn/h.8IcTrtZuTU19ieN?tk=nyXpT7VA7lt',
  ],
  ['Taobao shop short link', 'https://s.tb.cn/c.ab12', 'taobao', 'short', null, 'https://s.tb.cn/c.ab12'],
  [
    'Taobao affiliate click link',
    'https://s.click.taobao.com/t?e=m%3D2%26s%3Dabc',
    'taobao',
    'short',
    null,
    'https://s.click.taobao.com/t',
  ],
  [
    'Taobao affiliate uland link',
    'https://uland.taobao.com/coupon/edetail?e=abc',
    'taobao',
    'short',
    null,
    'https://uland.taobao.com/coupon/edetail',
  ],
  // Tmall
  [
    'Tmall desktop item page',
    'https://detail.tmall.com/item.htm?id=712345678901&skuId=1',
    'tmall',
    'item',
    '712345678901',
    TM,
  ],
  [
    'Tmall mobile item page',
    'https://detail.m.tmall.com/item.htm?id=712345678901',
    'tmall',
    'item',
    '712345678901',
    TM,
  ],
  [
    'Tmall supermarket item page',
    'https://chaoshi.detail.tmall.com/item.htm?id=712345678901',
    'tmall',
    'item',
    '712345678901',
    TM,
  ],
  [
    'Tmall www detail subdomain with id later in the query',
    'https://www.detail.tmall.com/item.htm?spm=x&id=712345678901',
    'tmall',
    'item',
    '712345678901',
    TM,
  ],
  [
    'Tmall Global item page',
    'https://detail.tmall.hk/hk/item.htm?id=712345678901'.replace('/hk/', '/'),
    'tmall',
    'item',
    '712345678901',
    TM,
  ],
  [
    'Tmall 2018 喵口令 short link keeps tm',
    'https://yukhj.com/s/Ab3dE?tm=1a2b3c',
    'tmall',
    'short',
    null,
    'https://yukhj.com/s/Ab3dE?tm=1a2b3c',
  ],
  [
    'Tmall laiwang short link',
    'https://m.laiwang.com/s/Xy9Zq',
    'tmall',
    'short',
    null,
    'https://m.laiwang.com/s/Xy9Zq',
  ],
  // Xianyu
  [
    'Xianyu web item page',
    'https://www.goofish.com/item?spm=a21ybx&id=1234567890123',
    'xianyu',
    'item',
    '1234567890123',
    'https://www.goofish.com/item?id=1234567890123',
  ],
  [
    'Xianyu mobile item page',
    'https://h5.m.goofish.com/item?id=1234567890123&ut_sk=1',
    'xianyu',
    'item',
    '1234567890123',
    'https://www.goofish.com/item?id=1234567890123',
  ],
  [
    'Xianyu old host under taobao.com',
    'https://2.taobao.com/item.htm?id=1234567890123',
    'xianyu',
    'item',
    '1234567890123',
    'https://www.goofish.com/item?id=1234567890123',
  ],
  // JD
  ['JD desktop item page', 'https://item.jd.com/100012043978.html', 'jd', 'item', '100012043978', JD],
  [
    'JD mobile product page',
    'https://item.m.jd.com/product/100012043978.html?utm_source=iosapp&utm_medium=appshare&utm_campaign=t_335139774&utm_term=CopyURL&ad_od=share',
    'jd',
    'item',
    '100012043978',
    JD,
  ],
  [
    'JD mobile ware view page',
    'https://item.m.jd.com/ware/view.action?wareId=100012043978&sid=x',
    'jd',
    'item',
    '100012043978',
    JD,
  ],
  [
    'JD cps item page',
    'https://re.jd.com/cps/item/100012043978.html?cu=true',
    'jd',
    'item',
    '100012043978',
    JD,
  ],
  [
    'JD wqs item page',
    'https://wqsitem.jd.com/detail/100012043978_d1_normal.html',
    'jd',
    'item',
    '100012043978',
    JD,
  ],
  [
    'JD graphext draw page',
    'https://in.m.jd.com/graphext/draw?sku=100012043978&index=0',
    'jd',
    'item',
    '100012043978',
    JD,
  ],
  [
    'JD nested product path',
    'https://so.m.jd.com/product/abc/def/100012043978.html',
    'jd',
    'item',
    '100012043978',
    JD,
  ],
  [
    'JD old 7-digit SKU',
    'https://item.jd.com/1234567.html',
    'jd',
    'item',
    '1234567',
    'https://item.jd.com/1234567.html',
  ],
  [
    'JD Worldwide item page',
    'https://npcitem.jd.hk/100012043978.html',
    'jd',
    'item',
    '100012043978',
    'https://item.jd.hk/100012043978.html',
  ],
  [
    'JD Worldwide mobile page',
    'https://mitem.jd.hk/product/100012043978.html',
    'jd',
    'item',
    '100012043978',
    'https://item.jd.hk/100012043978.html',
  ],
  [
    'JD shop page',
    'https://mall.jd.com/index-1000004123.html?from=pc',
    'jd',
    'shop',
    '1000004123',
    'https://mall.jd.com/index-1000004123.html',
  ],
  [
    'JD mobile shop page',
    'https://shop.m.jd.com/?shopId=1000004123',
    'jd',
    'shop',
    '1000004123',
    'https://mall.jd.com/index-1000004123.html',
  ],
  [
    'JD 3.cn short link keeps jkl',
    'https://3.cn/2V-chiOQ?jkl=@EDoxt4DBLAN@',
    'jd',
    'short',
    null,
    'https://3.cn/2V-chiOQ?jkl=@EDoxt4DBLAN@',
  ],
  ['JD affiliate short link', 'https://u.jd.com/AbC1234', 'jd', 'short', null, 'https://u.jd.com/AbC1234'],
  // Pinduoduo
  [
    'Pinduoduo goods page',
    'https://mobile.yangkeduo.com/goods.html?goods_id=345678901234&_x_org=1&refer_share_uin=x',
    'pinduoduo',
    'item',
    '345678901234',
    PDD,
  ],
  [
    'Pinduoduo goods1 page',
    'https://mobile.yangkeduo.com/goods1.html?goods_id=345678901234',
    'pinduoduo',
    'item',
    '345678901234',
    PDD,
  ],
  [
    'Pinduoduo goods2 page on pinduoduo.com',
    'https://mobile.pinduoduo.com/goods2.html?goods_id=345678901234',
    'pinduoduo',
    'item',
    '345678901234',
    PDD,
  ],
  [
    'Pinduoduo share code without an id',
    'https://mobile.yangkeduo.com/goods.html?ps=Bo90h8nXsj&share_uin=x',
    'pinduoduo',
    'short',
    null,
    'https://mobile.yangkeduo.com/goods.html?ps=Bo90h8nXsj',
  ],
  [
    'Pinduoduo affiliate short link keeps sc',
    'https://p.pinduoduo.com/QVct0Drp?sc=EFAC',
    'pinduoduo',
    'short',
    null,
    'https://p.pinduoduo.com/QVct0Drp?sc=EFAC',
  ],
  // Douyin
  [
    'Douyin video page',
    'https://www.douyin.com/video/7234567890123456789?previous_page=app_code_link',
    'douyin',
    'video',
    '7234567890123456789',
    DY,
  ],
  [
    'Douyin iesdouyin share page',
    'https://www.iesdouyin.com/share/video/7234567890123456789/?region=CN&mid=1&u_code=x&did=1&iid=2&app=aweme',
    'douyin',
    'video',
    '7234567890123456789',
    DY,
  ],
  [
    'Douyin redirect form with vid',
    'https://www.iesdouyin.com/share/video/?vid=7234567890123456789',
    'douyin',
    'video',
    '7234567890123456789',
    DY,
  ],
  [
    'Douyin discover page with modal_id',
    'https://www.douyin.com/discover?modal_id=7234567890123456789',
    'douyin',
    'video',
    '7234567890123456789',
    DY,
  ],
  [
    'Douyin share note',
    'https://www.iesdouyin.com/share/note/7234567890123456789/',
    'douyin',
    'note',
    '7234567890123456789',
    'https://www.douyin.com/note/7234567890123456789',
  ],
  [
    'Douyin share slides',
    'https://www.iesdouyin.com/share/slides/7234567890123456789/',
    'douyin',
    'post',
    '7234567890123456789',
    'https://www.douyin.com/slides/7234567890123456789',
  ],
  [
    'Douyin user page',
    'https://www.douyin.com/user/MS4wLjABAAAAabcdefghijklmnop_qrstuv-wxyz',
    'douyin',
    'user',
    'MS4wLjABAAAAabcdefghijklmnop_qrstuv-wxyz',
    'https://www.douyin.com/user/MS4wLjABAAAAabcdefghijklmnop_qrstuv-wxyz',
  ],
  [
    'Douyin share user page with sec_uid',
    'https://www.iesdouyin.com/share/user/12345678?sec_uid=MS4wLjABAAAAabcdefghijklmnop_qrstuv-wxyz',
    'douyin',
    'user',
    'MS4wLjABAAAAabcdefghijklmnop_qrstuv-wxyz',
    'https://www.douyin.com/user/MS4wLjABAAAAabcdefghijklmnop_qrstuv-wxyz',
  ],
  [
    'Douyin live room',
    'https://live.douyin.com/123456789012',
    'douyin',
    'live',
    '123456789012',
    'https://live.douyin.com/123456789012',
  ],
  [
    'Douyin short link',
    'https://v.douyin.com/hyrnk3IG0Mo/',
    'douyin',
    'short',
    null,
    'https://v.douyin.com/hyrnk3IG0Mo/',
  ],
  [
    'Douyin short path with BV stays Douyin',
    'https://v.douyin.com/GeIocABVe5U/',
    'douyin',
    'short',
    null,
    'https://v.douyin.com/GeIocABVe5U/',
  ],
  // Douyin shop
  [
    'Douyin shop product detail',
    'https://haohuo.jinritemai.com/views/product/detail?id=3612345678901234567&origin_type=604',
    'douyin-shop',
    'item',
    '3612345678901234567',
    'https://haohuo.jinritemai.com/views/product/detail?id=3612345678901234567',
  ],
  [
    'Douyin shop item2 page',
    'https://haohuo.jinritemai.com/views/product/item2?id=3612345678901234567',
    'douyin-shop',
    'item',
    '3612345678901234567',
    'https://haohuo.jinritemai.com/views/product/detail?id=3612345678901234567',
  ],
  [
    'Douyin shop trade detail with goods_detail JSON',
    'https://haohuo.jinritemai.com/ecommerce/trade/detail/index.html?goods_detail=%7B%22a%22%3A1%7D&id=3612345678901234567',
    'douyin-shop',
    'item',
    '3612345678901234567',
    'https://haohuo.jinritemai.com/views/product/detail?id=3612345678901234567',
  ],
  // Kuaishou
  [
    'Kuaishou short-video page',
    'https://www.kuaishou.com/short-video/3xabcdefgh12345?fid=1&cc=share_copylink',
    'kuaishou',
    'video',
    '3xabcdefgh12345',
    'https://www.kuaishou.com/short-video/3xabcdefgh12345',
  ],
  [
    'Kuaishou chenzhongtech photo page',
    'https://v.m.chenzhongtech.com/fw/photo/3xabcdefgh12345?shareToken=x',
    'kuaishou',
    'video',
    '3xabcdefgh12345',
    'https://www.kuaishou.com/short-video/3xabcdefgh12345',
  ],
  [
    'Kuaishou profile page',
    'https://www.kuaishou.com/profile/3xuser12345',
    'kuaishou',
    'user',
    '3xuser12345',
    'https://www.kuaishou.com/profile/3xuser12345',
  ],
  [
    'Kuaishou live page',
    'https://live.kuaishou.com/u/3xuser12345',
    'kuaishou',
    'live',
    '3xuser12345',
    'https://live.kuaishou.com/u/3xuser12345',
  ],
  [
    'Kuaishou v short link',
    'https://v.kuaishou.com/aeh1wD',
    'kuaishou',
    'short',
    null,
    'https://v.kuaishou.com/aeh1wD',
  ],
  [
    'Kuaishou Lite short link',
    'https://v.kuaishouapp.com/s/k9obysBo',
    'kuaishou',
    'short',
    null,
    'https://v.kuaishouapp.com/s/k9obysBo',
  ],
  [
    'Kuaishou PC share link',
    'https://www.kuaishou.com/f/X-5KU0Yxb0eJk1w5',
    'kuaishou',
    'short',
    null,
    'https://www.kuaishou.com/f/X-5KU0Yxb0eJk1w5',
  ],
  [
    'Kuaishou old gifshow short link',
    'http://www.gifshow.com/s/AbCd1234',
    'kuaishou',
    'short',
    null,
    'https://www.gifshow.com/s/AbCd1234',
  ],
  [
    'Kuaishou old chenzhongtech short link',
    'https://c.m.chenzhongtech.com/s/AbCd1234',
    'kuaishou',
    'short',
    null,
    'https://c.m.chenzhongtech.com/s/AbCd1234',
  ],
  // Xiaohongshu
  [
    'Xiaohongshu explore page keeps xsec_token',
    'https://www.xiaohongshu.com/explore/64a1b2c3d4e5f60718293a4b?app_platform=ios&xsec_source=app_share&xsec_token=CBx1y2&xhsshare=CopyLink',
    'xiaohongshu',
    'note',
    '64a1b2c3d4e5f60718293a4b',
    `${XHS}?xsec_token=CBx1y2`,
  ],
  [
    'Xiaohongshu discovery item page',
    'https://www.xiaohongshu.com/discovery/item/64a1b2c3d4e5f60718293a4b',
    'xiaohongshu',
    'note',
    '64a1b2c3d4e5f60718293a4b',
    XHS,
  ],
  [
    'Xiaohongshu rednote mirror',
    'https://www.rednote.com/explore/64a1b2c3d4e5f60718293a4b',
    'xiaohongshu',
    'note',
    '64a1b2c3d4e5f60718293a4b',
    XHS,
  ],
  [
    'Xiaohongshu note id in upper case',
    'https://www.xiaohongshu.com/explore/64A1B2C3D4E5F60718293A4B',
    'xiaohongshu',
    'note',
    '64a1b2c3d4e5f60718293a4b',
    XHS,
  ],
  [
    'Xiaohongshu user profile',
    'https://www.xiaohongshu.com/user/profile/5a1b2c3d4e5f607182930a4b?xhsshare=x',
    'xiaohongshu',
    'user',
    '5a1b2c3d4e5f607182930a4b',
    'https://www.xiaohongshu.com/user/profile/5a1b2c3d4e5f607182930a4b',
  ],
  [
    'Xiaohongshu short link, 2022 form',
    'http://xhslink.com/zGL52u',
    'xiaohongshu',
    'short',
    null,
    'https://xhslink.com/zGL52u',
  ],
  [
    'Xiaohongshu short link, /a/ form',
    'http://xhslink.com/a/zGL52ubtpJ20',
    'xiaohongshu',
    'short',
    null,
    'https://xhslink.com/a/zGL52ubtpJ20',
  ],
  [
    'Xiaohongshu short link without a scheme',
    'xhslink.com/m/470umOpU7Ug',
    'xiaohongshu',
    'short',
    null,
    'https://xhslink.com/m/470umOpU7Ug',
  ],
  [
    'Xiaohongshu 2026 .cn short link',
    'https://xhslink.cn/o/9GubyGk1LPj',
    'xiaohongshu',
    'short',
    null,
    'https://xhslink.cn/o/9GubyGk1LPj',
  ],
  // Bilibili
  [
    'Bilibili video page',
    'https://www.bilibili.com/video/BV17x411w7KC/?spm_id_from=333.1007&vd_source=abc',
    'bilibili',
    'video',
    'BV17x411w7KC',
    BILI,
  ],
  [
    'Bilibili mobile video page',
    'https://m.bilibili.com/video/BV17x411w7KC',
    'bilibili',
    'video',
    'BV17x411w7KC',
    BILI,
  ],
  [
    'Bilibili bare host',
    'https://bilibili.com/video/BV17x411w7KC',
    'bilibili',
    'video',
    'BV17x411w7KC',
    BILI,
  ],
  [
    'Bilibili lower-case bv prefix',
    'https://www.bilibili.com/video/bv17x411w7KC',
    'bilibili',
    'video',
    'BV17x411w7KC',
    BILI,
  ],
  [
    'Bilibili av number converts to BV',
    'https://www.bilibili.com/video/av170001/',
    'bilibili',
    'video',
    'BV17x411w7KC',
    BILI,
  ],
  [
    'Bilibili festival page with bvid',
    'https://www.bilibili.com/festival/2024bnj?bvid=BV17x411w7KC',
    'bilibili',
    'video',
    'BV17x411w7KC',
    BILI,
  ],
  [
    'Bilibili keeps part and time',
    'https://www.bilibili.com/video/BV17x411w7KC?p=3&t=120&share_source=copy_web',
    'bilibili',
    'video',
    'BV17x411w7KC',
    `${BILI}?p=3&t=120`,
  ],
  [
    'Bilibili user space',
    'https://space.bilibili.com/2267573/video',
    'bilibili',
    'user',
    '2267573',
    'https://space.bilibili.com/2267573',
  ],
  [
    'Bilibili live room',
    'https://live.bilibili.com/h5/21452505',
    'bilibili',
    'live',
    '21452505',
    'https://live.bilibili.com/21452505',
  ],
  [
    'Bilibili opus post',
    'https://www.bilibili.com/opus/912345678901234567',
    'bilibili',
    'post',
    '912345678901234567',
    'https://www.bilibili.com/opus/912345678901234567',
  ],
  [
    'Bilibili dynamic post',
    'https://t.bilibili.com/912345678901234567',
    'bilibili',
    'post',
    '912345678901234567',
    'https://www.bilibili.com/opus/912345678901234567',
  ],
  ['Bilibili b23 short link', 'https://b23.tv/TUMG3e5', 'bilibili', 'short', null, 'https://b23.tv/TUMG3e5'],
  [
    'Bilibili bili2233 short link',
    'https://bili2233.cn/TUMG3e5?share_medium=android',
    'bilibili',
    'short',
    null,
    'https://bili2233.cn/TUMG3e5',
  ],
  // Weibo
  [
    'Weibo mobile detail page',
    'https://m.weibo.cn/detail/3491273850170657',
    'weibo',
    'post',
    '3491273850170657',
    'https://m.weibo.cn/detail/3491273850170657',
  ],
  [
    'Weibo mobile status page',
    'https://m.weibo.cn/status/3491273850170657?wm=3333',
    'weibo',
    'post',
    '3491273850170657',
    'https://m.weibo.cn/detail/3491273850170657',
  ],
  [
    'Weibo status page with a bid',
    'https://m.weibo.cn/status/yCirT0Iox',
    'weibo',
    'post',
    '3491273850170657',
    'https://m.weibo.cn/detail/3491273850170657',
  ],
  [
    'Weibo desktop page with uid and bid',
    'https://weibo.com/1234567890/MzVRA2E8G',
    'weibo',
    'post',
    '4885639100630954',
    'https://m.weibo.cn/detail/4885639100630954',
  ],
  [
    'Weibo share api page',
    'https://share.api.weibo.cn/share/123456789,3491273850170657.html?weibo_id=3491273850170657',
    'weibo',
    'post',
    '3491273850170657',
    'https://m.weibo.cn/detail/3491273850170657',
  ],
  [
    'Weibo video page',
    'https://video.weibo.com/show?fid=1034:4885639100630954',
    'weibo',
    'video',
    '1034:4885639100630954',
    'https://video.weibo.com/show?fid=1034:4885639100630954',
  ],
  [
    'Weibo user page',
    'https://weibo.com/u/1234567890',
    'weibo',
    'user',
    '1234567890',
    'https://weibo.com/u/1234567890',
  ],
  ['Weibo t.cn short link', 'http://t.cn/A6abCdEf', 'weibo', 'short', null, 'https://t.cn/A6abCdEf'],
  [
    'Weibo opaque fx page',
    'https://mapp.api.weibo.cn/fx/0123456789abcdef0123456789abcdef.html',
    'weibo',
    'short',
    null,
    'https://mapp.api.weibo.cn/fx/0123456789abcdef0123456789abcdef.html',
  ],
  // 1688, Weidian
  [
    '1688 offer page',
    'https://detail.1688.com/offer/612345678901.html?spm=a26352&sk=consign',
    '1688',
    'item',
    '612345678901',
    'https://detail.1688.com/offer/612345678901.html',
  ],
  [
    '1688 mobile offer page',
    'https://m.1688.com/offer/612345678901.html',
    '1688',
    'item',
    '612345678901',
    'https://detail.1688.com/offer/612345678901.html',
  ],
  [
    'Weidian item page with itemID',
    'https://weidian.com/item.html?itemID=4412345678&wfr=c',
    'weidian',
    'item',
    '4412345678',
    'https://weidian.com/item.html?itemID=4412345678',
  ],
  [
    'Weidian item page with itemId',
    'https://v.weidian.com/item.html?itemId=4412345678',
    'weidian',
    'item',
    '4412345678',
    'https://weidian.com/item.html?itemID=4412345678',
  ],
  // AliExpress
  [
    'AliExpress item page',
    'https://www.aliexpress.com/item/1005006789012345.html?spm=a2g0o&algo_pvid=x&pdp_npi=4',
    'aliexpress',
    'item',
    '1005006789012345',
    AE,
  ],
  [
    'AliExpress language subdomain',
    'https://es.aliexpress.com/item/1005006789012345.html?gatewayAdapt=glo2esp',
    'aliexpress',
    'item',
    '1005006789012345',
    AE,
  ],
  [
    'AliExpress mobile /i/ form',
    'https://m.aliexpress.com/i/1005006789012345.html',
    'aliexpress',
    'item',
    '1005006789012345',
    AE,
  ],
  [
    'AliExpress .ru host',
    'https://aliexpress.ru/item/1005006789012345.html',
    'aliexpress',
    'item',
    '1005006789012345',
    AE,
  ],
  [
    'AliExpress .us host',
    'https://www.aliexpress.us/item/1005006789012345.html',
    'aliexpress',
    'item',
    '1005006789012345',
    AE,
  ],
  [
    'AliExpress keeps sku_id',
    'https://www.aliexpress.com/item/1005006789012345.html?sku_id=12000038',
    'aliexpress',
    'item',
    '1005006789012345',
    `${AE}?sku_id=12000038`,
  ],
  [
    'AliExpress store page',
    'https://www.aliexpress.com/store/1101234567',
    'aliexpress',
    'shop',
    '1101234567',
    'https://www.aliexpress.com/store/1101234567',
  ],
  [
    'AliExpress short link',
    'https://a.aliexpress.com/_mKa1b2c',
    'aliexpress',
    'short',
    null,
    'https://a.aliexpress.com/_mKa1b2c',
  ],
  [
    'AliExpress click link',
    'https://s.click.aliexpress.com/e/_DlAbCdE',
    'aliexpress',
    'short',
    null,
    'https://s.click.aliexpress.com/e/_DlAbCdE',
  ],
  // Amazon
  ['Amazon dp page', 'https://www.amazon.com/dp/B08N5WRWNW', 'amazon', 'item', 'B08N5WRWNW', AMZ],
  [
    'Amazon slug dp page with ref segment',
    'https://www.amazon.com/Echo-Dot-4th-Gen/dp/B08N5WRWNW/ref=sr_1_1?keywords=echo&qid=1&sr=8-1',
    'amazon',
    'item',
    'B08N5WRWNW',
    AMZ,
  ],
  [
    'Amazon gp product page',
    'https://www.amazon.com/gp/product/B08N5WRWNW/ref=ppx_yo_dt_b_asin_title',
    'amazon',
    'item',
    'B08N5WRWNW',
    AMZ,
  ],
  [
    'Amazon mobile gp aw d page',
    'https://m.amazon.com/gp/aw/d/B08N5WRWNW',
    'amazon',
    'item',
    'B08N5WRWNW',
    AMZ,
  ],
  ['Amazon d page', 'https://www.amazon.com/d/B08N5WRWNW', 'amazon', 'item', 'B08N5WRWNW', AMZ],
  [
    'Amazon exec obidos page',
    'https://www.amazon.com/exec/obidos/ASIN/B08N5WRWNW/ref=nosim',
    'amazon',
    'item',
    'B08N5WRWNW',
    AMZ,
  ],
  ['Amazon product page', 'https://www.amazon.com/product/B08N5WRWNW', 'amazon', 'item', 'B08N5WRWNW', AMZ],
  [
    'Amazon asin query',
    'https://www.amazon.com/gp/offer-listing?asin=B08N5WRWNW',
    'amazon',
    'item',
    'B08N5WRWNW',
    AMZ,
  ],
  ['Amazon lower-case ASIN', 'https://www.amazon.com/dp/b08n5wrwnw', 'amazon', 'item', 'B08N5WRWNW', AMZ],
  [
    'Amazon UK marketplace keeps its TLD',
    'https://www.amazon.co.uk/dp/B08N5WRWNW?tag=aff-21',
    'amazon',
    'item',
    'B08N5WRWNW',
    'https://www.amazon.co.uk/dp/B08N5WRWNW',
  ],
  [
    'Amazon Japan mobile host',
    'https://m.amazon.co.jp/dp/B08N5WRWNW',
    'amazon',
    'item',
    'B08N5WRWNW',
    'https://www.amazon.co.jp/dp/B08N5WRWNW',
  ],
  [
    'Amazon amzn.to short link',
    'https://amzn.to/3xYzAbC',
    'amazon',
    'short',
    null,
    'https://amzn.to/3xYzAbC',
  ],
  // TikTok, YouTube
  [
    'TikTok video page',
    'https://www.tiktok.com/@someone.x/video/7234567890123456789?is_from_webapp=1&sender_device=pc',
    'tiktok',
    'video',
    '7234567890123456789',
    'https://www.tiktok.com/@someone.x/video/7234567890123456789',
  ],
  [
    'TikTok legacy mobile page',
    'https://m.tiktok.com/v/7234567890123456789.html',
    'tiktok',
    'video',
    '7234567890123456789',
    'https://m.tiktok.com/v/7234567890123456789.html',
  ],
  [
    'TikTok user page',
    'https://www.tiktok.com/@someone.x',
    'tiktok',
    'user',
    'someone.x',
    'https://www.tiktok.com/@someone.x',
  ],
  [
    'TikTok vm short link',
    'https://vm.tiktok.com/ZMabc123/',
    'tiktok',
    'short',
    null,
    'https://vm.tiktok.com/ZMabc123/',
  ],
  [
    'TikTok /t/ short link',
    'https://www.tiktok.com/t/ZTabc123/',
    'tiktok',
    'short',
    null,
    'https://www.tiktok.com/t/ZTabc123/',
  ],
  [
    'YouTube watch page',
    'https://www.youtube.com/watch?v=dQw4w9WgXcQ&feature=share&si=x',
    'youtube',
    'video',
    'dQw4w9WgXcQ',
    'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
  ],
  [
    'YouTube youtu.be link',
    'https://youtu.be/dQw4w9WgXcQ?si=abc',
    'youtube',
    'video',
    'dQw4w9WgXcQ',
    'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
  ],
  [
    'YouTube mobile watch page',
    'https://m.youtube.com/watch?v=dQw4w9WgXcQ',
    'youtube',
    'video',
    'dQw4w9WgXcQ',
    'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
  ],
  [
    'YouTube shorts page',
    'https://www.youtube.com/shorts/dQw4w9WgXcQ',
    'youtube',
    'video',
    'dQw4w9WgXcQ',
    'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
  ],
  [
    'YouTube embed on nocookie host',
    'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ',
    'youtube',
    'video',
    'dQw4w9WgXcQ',
    'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
  ],
  [
    'YouTube handle',
    'https://www.youtube.com/@SomeChannel',
    'youtube',
    'user',
    '@SomeChannel',
    'https://www.youtube.com/@SomeChannel',
  ],
  [
    'YouTube channel id',
    'https://www.youtube.com/channel/UCabcdefghijklmnopqrstuv',
    'youtube',
    'user',
    'UCabcdefghijklmnopqrstuv',
    'https://www.youtube.com/channel/UCabcdefghijklmnopqrstuv',
  ],
  // Dianping, Meituan, Ele.me
  [
    'Dianping shop page',
    'https://www.dianping.com/shop/k1AbCdEfGh',
    'dianping',
    'shop',
    'k1AbCdEfGh',
    'https://www.dianping.com/shop/k1AbCdEfGh',
  ],
  [
    'Dianping mobile shop page',
    'https://m.dianping.com/shop/12345678?msource=Appshare2021',
    'dianping',
    'shop',
    '12345678',
    'https://www.dianping.com/shop/12345678',
  ],
  [
    'Dianping shopshare page',
    'https://m.dianping.com/shopshare/12345678?msource=Appshare2021&utm_source=shop_share',
    'dianping',
    'shop',
    '12345678',
    'https://www.dianping.com/shop/12345678',
  ],
  [
    'Dianping dpurl short link',
    'https://dpurl.cn/eIGNysPz',
    'dianping',
    'short',
    null,
    'https://dpurl.cn/eIGNysPz',
  ],
  [
    'Meituan restaurant page',
    'https://www.meituan.com/meishi/4924434/',
    'meituan',
    'shop',
    '4924434',
    'https://www.meituan.com/meishi/4924434/',
  ],
  [
    'Ele.me affiliate short link',
    'https://u.ele.me/wZJ3CwoP',
    'eleme',
    'short',
    null,
    'https://u.ele.me/wZJ3CwoP',
  ],
];

describe('identify: every alias form maps to one identity', () => {
  it.each(FORMS)('%s', (_name, input, platform, kind, id, url) => {
    expect(identify(input)).toEqual({ platform, kind, id, url });
  });
});

describe('identify: every platform in the registry is covered by the table', () => {
  it('has at least one alias-form vector for each of the 20 platforms', async () => {
    const { PLATFORM_IDS } = await import('./types.js');
    const covered = new Set(FORMS.map((row) => row[2]));
    expect(PLATFORM_IDS.filter((p) => !covered.has(p))).toEqual([]);
  });
});

describe('identify: what is not a platform link', () => {
  it.each([
    [
      'a lookalike host that ends with a platform domain plus another domain',
      'https://item.taobao.com.evil.example/item.htm?id=634567890123',
    ],
    [
      'credentials that spell a platform host',
      'https://item.taobao.com@evil.example/item.htm?id=634567890123',
    ],
    ['a lookalike host with a hyphen', 'https://item-taobao.com/item.htm?id=634567890123'],
    ['a platform name as a subdomain of another site', 'https://jd.com.cn-shop.example/100012043978.html'],
    ['a host that merely ends with the same letters', 'https://notjd.com/100012043978.html'],
    ['a javascript: URL', 'javascript:alert(document.cookie)'],
    ['a data: URL', 'data:text/html,<script>alert(1)</script>'],
    ['a file: URL', 'file:///etc/passwd'],
    ['free text', '复制这条信息打开手机淘宝'],
    ['an empty string', ''],
  ])('returns null for %s', (_name, input) => {
    expect(identify(input)).toBeNull();
  });
});

describe('identify: a platform page of no known content form is a page, never null', () => {
  it.each([
    [
      'a platform host with an unknown path',
      'https://www.taobao.com/markets/xie/nvxie',
      'taobao',
      'https://www.taobao.com/markets/xie/nvxie',
    ],
    [
      'an id that does not fit the pattern',
      'https://item.jd.com/abc.html',
      'jd',
      'https://item.jd.com/abc.html',
    ],
    ['a short-link host without a code', 'https://m.tb.cn/', 'taobao', 'https://m.tb.cn/'],
    [
      'a Bilibili BV id with a character outside base58',
      'https://www.bilibili.com/video/BV17x411w70C',
      'bilibili',
      'https://www.bilibili.com/video/BV17x411w70C',
    ],
  ] as const)('gives kind page and no id for %s', (_name, input, platform, url) => {
    expect(identify(input)).toEqual({ platform, kind: 'page', id: null, url });
  });
});

describe('isPlatformId', () => {
  it('accepts every registry id and nothing else, whatever the type', async () => {
    const { PLATFORM_IDS, isPlatformId } = await import('./types.js');
    for (const id of PLATFORM_IDS) expect(isPlatformId(id)).toBe(true);
    for (const other of [
      'alipay',
      'wechat',
      'JD',
      ' jd',
      'jd ',
      '',
      'toString',
      'constructor',
      null,
      undefined,
      1,
      {},
      ['jd'],
    ]) {
      expect(isPlatformId(other)).toBe(false);
    }
  });
});

describe('platformOf', () => {
  it.each([
    ['v.douyin.com', 'douyin'],
    ['https://m.tb.cn/h.3m5PFm3', 'taobao'],
    ['https://www.taobao.com/', 'taobao'],
    ['ITEM.JD.COM.', 'jd'],
    ['2.taobao.com', 'xianyu'],
    ['laiwang.com', 'tmall'],
    ['item.taobao.com.evil.example', null],
    ['evil.example', null],
    ['mailto:someone@taobao.com', null],
  ] as const)('places %s on %s', (input, expected) => {
    expect(platformOf(input)).toBe(expected);
  });

  it('has a form that never throws: tryPlatformOf answers null where platformOf refuses the input', () => {
    expect(() => platformOf('x'.repeat(100_000))).toThrow();
    expect(tryPlatformOf('x'.repeat(100_000))).toBeNull();
    expect(tryPlatformOf(42)).toBeNull();
    expect(tryPlatformOf('https://v.douyin.com/RH7Gvmr/')).toBe('douyin');
  });
});

describe('canonicalUrlFor', () => {
  it('builds the canonical URL of every (platform, kind) from a sample id, and identify reads it back', () => {
    for (const [, input, platform, kind, id] of FORMS) {
      if (kind === 'short' || id === null) continue;
      const url = canonicalUrlFor(platform, kind, id);
      expect(url, input).not.toBeNull();
      const back = identify(url as string);
      expect(back, `${platform}/${kind}/${id}`).toMatchObject({ platform, kind, id });
      // identityFor reads the same identity without the paste and wrapper layers.
      expect(identityFor(platform, kind, id), `${platform}/${kind}/${id}`).toEqual(back);
    }
  });

  it('converts a Bilibili av number to the BV canonical URL', () => {
    expect(canonicalUrlFor('bilibili', 'video', 'av170001')).toBe(
      'https://www.bilibili.com/video/BV17x411w7KC',
    );
  });

  it('uses the legacy TikTok form when the author is unknown', () => {
    expect(canonicalUrlFor('tiktok', 'video', '7234567890123456789')).toBe(
      'https://m.tiktok.com/v/7234567890123456789.html',
    );
  });

  it('returns null for an id that does not fit, a kind the platform lacks, and short links', () => {
    expect(canonicalUrlFor('jd', 'item', 'abc')).toBeNull();
    expect(canonicalUrlFor('jd', 'video', '123456')).toBeNull();
    expect(canonicalUrlFor('taobao', 'short', '123456')).toBeNull();
  });
});

describe('isCanonicalId', () => {
  it('accepts an id as the registry writes it and refuses spellings canonicalUrlFor would convert', () => {
    expect(isCanonicalId('bilibili', 'video', 'BV17x411w7KC')).toBe(true);
    expect(isCanonicalId('bilibili', 'video', 'av170001')).toBe(false);
    expect(isCanonicalId('xiaohongshu', 'note', '64f1a2b3000000001f03c4d5')).toBe(true);
    expect(isCanonicalId('xiaohongshu', 'note', '64F1A2B3000000001F03C4D5')).toBe(false);
    expect(isCanonicalId('jd', 'video', '100012043978')).toBe(false);
  });

  it('throws unknown_platform for an id the registry does not have', () => {
    expect(() => isCanonicalId('nope' as PlatformId, 'item', '1')).toThrow(/platform id/);
  });
});
