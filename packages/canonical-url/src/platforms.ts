import { PLATFORM_DISPLAY } from './display.js';
import { CanonicalUrlError } from './errors.js';
import { withFetchFacts } from './short-fetch.js';
import type { EveryPlatform, MatchRow, PlatformId, PlatformRow } from './types.js';

/*
 * The platform registry: one row per platform. Facts come from the project's URL-form notes
 * (url-forms.md), which cite their public sources. Adding a platform or an alias form means adding
 * data here, never a branch in the code.
 *
 * Every path pattern is anchored and made of simple character classes, so matching is linear
 * (the repository's regex lint checks each one).
 */

const DIGITS_ID = /^[1-9]\d{4,19}$/;

/** Amazon marketplaces: `www.amazon.{tld}` is the canonical host of each. */
const AMAZON_DOMAINS = [
  'amazon.com',
  'amazon.ca',
  'amazon.com.mx',
  'amazon.com.br',
  'amazon.co.uk',
  'amazon.de',
  'amazon.fr',
  'amazon.it',
  'amazon.es',
  'amazon.nl',
  'amazon.se',
  'amazon.pl',
  'amazon.com.be',
  'amazon.com.tr',
  'amazon.ae',
  'amazon.sa',
  'amazon.eg',
  'amazon.in',
  'amazon.co.jp',
  'amazon.cn',
  'amazon.sg',
  'amazon.com.au',
] as const;

const ASIN = '[A-Za-z0-9]{10}';

/** A search query (decoded from the link, re-encoded in the canonical URL). */
// regex-safe: anchored, bounded classes
const QUERY_ID = /^\S(?:[^\n\r]{0,198}\S)?$/;

/** Tracking parameters of Alibaba's shopping sites (Taobao, Tmall, Xianyu share one stack). */
const ALIBABA_TRACKING: readonly string[] = [
  'price',
  'sourceType',
  'suid',
  'ut_sk',
  'un',
  'share_crt_v',
  'sp_tk',
  'cpp',
  'shareurl',
  'short_name',
  'app',
  'scm',
  'scm2',
  'pvid',
  'algo_expid',
  'algo_pvid',
  'ns',
  'abbucket',
  'ali_refid',
  'ali_trackid',
  'acm',
  'utparam',
  'pos',
  'abtest',
  'trackInfo',
  'utkn',
  'scene',
  'mytmenu',
  'turing_bucket',
  'lygClk',
  'impid',
  'bftTag',
  'bftRwd',
  '_u',
  'stats_click',
  'initiative_id',
  'suggest',
  'iconType',
  'traceId',
  'relationId',
  'union_lens',
  'ak',
  'detailSharePosition',
  'sp_abtk',
  'tbSocialPopKey',
  'bxsign',
  'eurl',
  'shareUniqueId',
  'sm',
  'wh_*',
  'wx_*',
];

const ROWS = [
  {
    id: 'taobao',
    domains: ['taobao.com', 'tb.cn'],
    shortLinks: [
      { host: 'm.tb.cn', keep: ['tk'] },
      { host: 'e.tb.cn', keep: ['tk'] },
      { host: 's.tb.cn', keep: ['tk'] },
      { host: 'c.tb.cn', keep: ['tk'] },
      { host: 's.click.taobao.com' },
      { host: 'uland.taobao.com' },
    ],
    kinds: [
      {
        kind: 'item',
        idPattern: DIGITS_ID,
        canonical: 'https://item.taobao.com/item.htm?id={id}',
        forms: [
          { hosts: ['a.m.taobao.com'], path: /^\/i(?<id>\d+)\.htm$/ },
          { hosts: ['world.taobao.com'], path: /^\/item\/(?<id>\d+)\.htm$/ },
          { hosts: ['www.taobao.com', 'taobao.com'], path: /^\/list\/item\/(?<id>\d+)\.htm$/ },
          {
            hosts: [
              'item.taobao.com',
              'item.ny.taobao.com',
              'h5.m.taobao.com',
              'market.m.taobao.com',
              'main.m.taobao.com',
              'm.intl.taobao.com',
              'world.taobao.com',
            ],
            query: ['id', 'itemId', 'item_id', 'itemid', 'default_item_id', 'mallstitemid'],
          },
        ],
      },
      {
        // Any other Taobao page whose path names an item page and whose query carries the id.
        kind: 'item',
        idPattern: DIGITS_ID,
        canonical: 'https://item.taobao.com/item.htm?id={id}',
        forms: [
          {
            hosts: ['*.taobao.com'],
            path: /^\/(?:[^/]+\/)*(?:item|detail)\.html?$/,
            query: ['id', 'itemId', 'item_id'],
          },
        ],
      },
      {
        kind: 'live',
        idPattern: /^[1-9]\d{3,19}$/,
        canonical: 'https://huodong.m.taobao.com/act/talent/live.html?id={id}',
        forms: [{ hosts: ['*.taobao.com'], path: /^\/act\/talent\/live\.html$/, query: ['id', 'liveId'] }],
      },
      {
        kind: 'search',
        idPattern: QUERY_ID,
        normalizeId: 'decode',
        encodeId: true,
        canonical: 'https://s.taobao.com/search?q={id}',
        forms: [
          {
            hosts: ['s.taobao.com', 's.m.taobao.com'],
            path: /^\/(?:search(?:\.htm)?|h5)?\/?$/,
            query: ['q'],
          },
        ],
      },
      {
        kind: 'shop',
        idPattern: /^[1-9]\d{2,14}$/,
        canonical: 'https://shop{id}.taobao.com/',
        forms: [
          { hostPattern: /^shop(?<id>\d+)\.(?:m\.)?taobao\.com$/ },
          { hosts: ['world.taobao.com'], path: /^\/dianpu\/(?<id>\d+)\.htm$/ },
          { hosts: ['shop.m.taobao.com'], query: ['shop_id', 'shopId'] },
        ],
      },
    ],
    tracking: ALIBABA_TRACKING,
  },
  {
    id: 'tmall',
    domains: ['tmall.com', 'tmall.hk'],
    // 2018–19 喵口令 short links carried no token: the short URL (with its `tm` check) is the command.
    shortLinks: [
      { host: '*.laiwang.com', pathPrefix: '/s/', keep: ['tm'] },
      { host: 'yukhj.com', pathPrefix: '/s/', keep: ['tm'] },
      { host: 'zmnxbc.com', pathPrefix: '/s/', keep: ['tm'] },
    ],
    kinds: [
      {
        kind: 'item',
        idPattern: DIGITS_ID,
        canonical: 'https://detail.tmall.com/item.htm?id={id}',
        forms: [
          { hosts: ['*.tmall.com', '*.tmall.hk'], path: /^\/item(?:_o)?\.htm$/, query: ['id', 'itemId'] },
          {
            hosts: ['*.tmall.com', '*.tmall.hk'],
            path: /^\/(?:[a-z]{2}\/)?(?:item|detail)\.html?$/,
            query: ['id', 'itemId'],
          },
          {
            hosts: ['mdetail.tmall.com'],
            path: /^\/(?:mobile\/itemPackage\.do|templates\/pages\/desc)$/,
            query: ['itemId', 'id'],
          },
        ],
      },
      {
        kind: 'shop',
        idPattern: /^[1-9]\d{2,14}$/,
        canonical: 'https://shop.m.tmall.com/shop/shop_index.htm?shop_id={id}',
        forms: [{ hosts: ['*.tmall.com', '*.tmall.hk'], query: ['shop_id', 'shopId'] }],
      },
      {
        kind: 'search',
        idPattern: QUERY_ID,
        normalizeId: 'decode',
        encodeId: true,
        canonical: 'https://list.tmall.com/search_product.htm?q={id}',
        forms: [
          { hosts: ['list.tmall.com', 'list.tmall.hk'], path: /^\/search_product\.htm$/, query: ['q'] },
        ],
      },
    ],
    tracking: [...ALIBABA_TRACKING, 'user_number_id', 'activity_id'],
  },
  {
    id: 'xianyu',
    domains: ['goofish.com'],
    shortLinks: [],
    kinds: [
      {
        kind: 'item',
        idPattern: DIGITS_ID,
        canonical: 'https://www.goofish.com/item?id={id}',
        forms: [
          { hosts: ['*.goofish.com'], path: /^\/item(?:\.htm)?$/, query: ['id', 'itemId'] },
          { hosts: ['2.taobao.com'], path: /^\/item\.htm$/, query: ['id'] },
        ],
      },
      {
        kind: 'user',
        idPattern: /^[1-9]\d{3,19}$/,
        canonical: 'https://www.goofish.com/personal?userId={id}',
        forms: [{ hosts: ['*.goofish.com'], path: /^\/personal\/?$/, query: ['userId'] }],
      },
    ],
    tracking: [...ALIBABA_TRACKING, 'forceFlush', 'shareId', 'ownerId'],
  },
  {
    id: 'jd',
    // jingxi.com is JD's own group-buying site (京喜): its item pages carry JD SKUs.
    domains: ['jd.com', 'jd.hk', '3.cn', 'jingxi.com'],
    shortLinks: [
      { host: '3.cn', keep: ['jkl'] },
      { host: 'u.jd.com', keep: ['jkl'] },
    ],
    kinds: [
      {
        kind: 'item',
        idPattern: DIGITS_ID,
        canonical: 'https://item.jd.com/{id}.html',
        forms: [
          { hosts: ['item.jd.com'], path: /^\/(?<id>\d+)\.html$/ },
          { hosts: ['item.m.jd.com'], path: /^\/product\/(?<id>\d+)\.html$/ },
          { hosts: ['item.m.jd.com'], path: /^\/ware\/view\.action$/, query: ['wareId'] },
          { hosts: ['re.jd.com', 're.m.jd.com'], path: /^\/cps\/item\/(?<id>\d+)\.html$/ },
          { hosts: ['wqsitem.jd.com', 'wqitem.jd.com'], path: /^\/detail\/(?<id>\d+)(?:_[^/]*)?$/ },
          { hosts: ['*.jd.com'], path: /^\/graphext\/draw$/, query: ['sku'] },
          { hosts: ['*.jd.com', '*.jingxi.com'], path: /^\/item\/view$/, query: ['sku'] },
          { hosts: ['*.jd.com', '*.jingxi.com'], path: /^\/(?:[^/]+\/)*detail\.s?html$/, query: ['sku'] },
          { hosts: ['*.jd.com'], path: /^\/product\/(?:[^/]+\/)*(?<id>\d+)\.html$/ },
        ],
      },
      {
        // JD Worldwide: the same SKU space is likely, but not confirmed, so it keeps its own host.
        kind: 'item',
        idPattern: DIGITS_ID,
        canonical: 'https://item.jd.hk/{id}.html',
        forms: [
          { hosts: ['item.jd.hk', 'npcitem.jd.hk'], path: /^\/(?<id>\d+)\.html$/ },
          { hosts: ['mitem.jd.hk'], path: /^\/product\/(?<id>\d+)\.html$/ },
        ],
      },
      {
        kind: 'shop',
        idPattern: DIGITS_ID,
        canonical: 'https://mall.jd.com/index-{id}.html',
        forms: [
          { hosts: ['mall.jd.com'], path: /^\/index-(?<id>\d+)\.html$/ },
          { hosts: ['shop.m.jd.com', 'shop.jd.com'], query: ['shopId'] },
        ],
      },
      {
        // Promotion pages (活动页): the activity id is the path segment after /mall/active/.
        kind: 'campaign',
        idPattern: /^[0-9A-Za-z]{4,40}$/,
        canonical: 'https://pro.m.jd.com/mall/active/{id}/index.html',
        forms: [{ hosts: ['*.jd.com'], path: /^\/mall\/active\/(?<id>[0-9A-Za-z]+)\/index\.html$/ }],
      },
      {
        kind: 'search',
        idPattern: QUERY_ID,
        normalizeId: 'decode',
        encodeId: true,
        canonical: 'https://search.jd.com/Search?keyword={id}',
        forms: [
          { hosts: ['search.jd.com'], path: /^\/Search$/, query: ['keyword'] },
          { hosts: ['so.m.jd.com'], path: /^\/ware\/search\.action$/, query: ['keyword'] },
        ],
      },
    ],
    tracking: [
      'ad_od',
      'gx',
      'gxd',
      'needRecommendFlag',
      'uabt',
      'd',
      '_fd',
      'pvid',
      'jxsid',
      'csid',
      'ss_*',
      'scan_orig',
      'sceneval',
    ],
  },
  {
    id: 'pinduoduo',
    domains: ['yangkeduo.com', 'pinduoduo.com'],
    shortLinks: [
      { host: 'p.pinduoduo.com', keep: ['sc'] },
      // `goods.html?ps=…` carries an opaque share code instead of the goods id: resolve it.
      { host: '*.yangkeduo.com', pathPrefix: '/goods', keep: ['ps'], requireQuery: 'ps' },
    ],
    kinds: [
      {
        kind: 'item',
        idPattern: /^[1-9]\d{3,19}$/,
        canonical: 'https://mobile.yangkeduo.com/goods.html?goods_id={id}',
        forms: [
          {
            hosts: ['*.yangkeduo.com', '*.pinduoduo.com'],
            path: /^\/(?:goods\d?|duo_coupon_landing)\.html$/,
            query: ['goods_id'],
          },
        ],
      },
      {
        kind: 'shop',
        idPattern: /^[1-9]\d{2,19}$/,
        canonical: 'https://mobile.yangkeduo.com/mall_page.html?mall_id={id}',
        forms: [
          { hosts: ['*.yangkeduo.com', '*.pinduoduo.com'], path: /^\/mall_page\.html$/, query: ['mall_id'] },
        ],
      },
      {
        kind: 'search',
        idPattern: QUERY_ID,
        normalizeId: 'decode',
        encodeId: true,
        canonical: 'https://mobile.yangkeduo.com/search_result.html?search_key={id}',
        forms: [
          {
            hosts: ['*.yangkeduo.com', '*.pinduoduo.com'],
            path: /^\/search_result\.html$/,
            query: ['search_key'],
          },
        ],
      },
    ],
    tracking: [
      '_x_org',
      '_x_query',
      'refer_share_uin',
      'refer_share_id',
      'refer_share_channel',
      'share_uin',
      'page_from',
      '_wv',
      '_wvx',
      'pxq_secret_key',
      '_oak_*',
      'refer_page_*',
      'uin',
      'thumb_url',
      'launch_pdd',
      'customParameters',
      'duoduo_type',
      'goods_sign',
    ],
  },
  {
    id: 'douyin',
    // webcast.amemv.com serves Douyin's live-room share pages.
    domains: ['douyin.com', 'iesdouyin.com', 'amemv.com'],
    shortLinks: [{ host: 'v.douyin.com' }, { host: 'jx.douyin.com' }],
    kinds: [
      {
        kind: 'video',
        idPattern: /^\d{15,20}$/,
        canonical: 'https://www.douyin.com/video/{id}',
        forms: [
          { hosts: ['*.douyin.com'], path: /^\/(?:m\/)?video\/(?<id>\d+)\/?$/ },
          { hosts: ['*.iesdouyin.com', '*.douyin.com'], path: /^\/share\/video\/(?<id>\d+)\/?$/ },
          { hosts: ['*.douyin.com', '*.iesdouyin.com'], query: ['vid', 'modal_id'] },
        ],
      },
      {
        kind: 'note',
        idPattern: /^\d{15,20}$/,
        canonical: 'https://www.douyin.com/note/{id}',
        forms: [{ hosts: ['*.douyin.com', '*.iesdouyin.com'], path: /^\/(?:share\/)?note\/(?<id>\d+)\/?$/ }],
      },
      {
        kind: 'post',
        idPattern: /^\d{15,20}$/,
        canonical: 'https://www.douyin.com/slides/{id}',
        forms: [
          { hosts: ['*.douyin.com', '*.iesdouyin.com'], path: /^\/(?:share\/)?slides\/(?<id>\d+)\/?$/ },
        ],
      },
      {
        kind: 'user',
        idPattern: /^[A-Za-z0-9_-]{16,120}$/,
        canonical: 'https://www.douyin.com/user/{id}',
        forms: [
          { hosts: ['www.douyin.com', 'm.douyin.com'], path: /^\/user\/(?<id>[A-Za-z0-9_-]+)\/?$/ },
          { hosts: ['*.iesdouyin.com', '*.douyin.com'], path: /^\/share\/user\/\d+\/?$/, query: ['sec_uid'] },
        ],
      },
      {
        // Old share pages without sec_uid carry the numeric uid only.
        kind: 'user',
        idPattern: /^[1-9]\d{4,20}$/,
        canonical: 'https://www.iesdouyin.com/share/user/{id}',
        forms: [
          {
            hosts: ['*.iesdouyin.com', '*.douyin.com', '*.amemv.com'],
            path: /^\/share\/user\/(?<id>\d+)\/?$/,
          },
        ],
      },
      {
        kind: 'live',
        idPattern: /^\d{4,20}$/,
        canonical: 'https://live.douyin.com/{id}',
        forms: [
          { hosts: ['live.douyin.com'], path: /^\/(?<id>\d+)\/?$/ },
          { hosts: ['www.douyin.com'], path: /^\/(?:follow|root)\/live\/(?<id>\d+)\/?$/ },
        ],
      },
      {
        // Live-room share pages carry the room id, which differs from the web room number.
        kind: 'live',
        idPattern: /^\d{8,20}$/,
        canonical: 'https://webcast.amemv.com/douyin/webcast/reflow/{id}',
        forms: [
          { hosts: ['*.amemv.com', '*.douyin.com'], path: /^\/douyin\/webcast\/reflow\/(?<id>\d+)\/?$/ },
        ],
      },
      {
        kind: 'music',
        idPattern: /^\d{8,20}$/,
        canonical: 'https://www.douyin.com/music/{id}',
        forms: [{ hosts: ['*.douyin.com', '*.iesdouyin.com'], path: /^\/(?:share\/)?music\/(?<id>\d+)\/?$/ }],
      },
      {
        kind: 'topic',
        idPattern: /^\d{6,20}$/,
        canonical: 'https://www.douyin.com/hashtag/{id}',
        forms: [
          {
            hosts: ['*.douyin.com', '*.iesdouyin.com'],
            path: /^\/(?:hashtag|share\/challenge)\/(?<id>\d+)\/?$/,
          },
        ],
      },
      {
        kind: 'collection',
        idPattern: /^\d{8,20}$/,
        canonical: 'https://www.douyin.com/collection/{id}',
        forms: [
          {
            hosts: ['*.douyin.com', '*.iesdouyin.com'],
            path: /^\/(?:collection|share\/mix\/detail)\/(?<id>\d+)\/?$/,
          },
        ],
      },
      {
        kind: 'search',
        idPattern: QUERY_ID,
        normalizeId: 'decode',
        encodeId: true,
        canonical: 'https://www.douyin.com/search/{id}',
        forms: [{ hosts: ['www.douyin.com'], path: /^\/search\/(?<id>[^/]+)\/?$/ }],
      },
    ],
    tracking: [
      'enter_from',
      'focus_method',
      'previous_page',
      'extra_params',
      'gid',
      'enter_method',
      'is_from_webapp',
      'sender_device',
      'web_id',
      'region',
      'mid',
      'u_code',
      'did',
      'iid',
      'app',
      'timestamp',
      'share_sign',
      'with_sec_did',
    ],
  },
  {
    id: 'douyin-shop',
    // haohuo.snssdk.com was the shop's host before jinritemai.com (ByteDance's own domain).
    domains: ['jinritemai.com', 'haohuo.snssdk.com'],
    shortLinks: [],
    kinds: [
      {
        kind: 'item',
        idPattern: /^\d{10,20}$/,
        canonical: 'https://haohuo.jinritemai.com/views/product/detail?id={id}',
        forms: [
          {
            hosts: ['*.jinritemai.com'],
            path: /^\/(?:views\/product\/(?:detail|item2?)|ecommerce\/trade\/detail\/index\.html)$/,
            query: ['id'],
          },
          { hosts: ['haohuo.snssdk.com'], path: /^\/views\/product\/(?:detail|item2?)$/, query: ['id'] },
        ],
      },
      {
        kind: 'shop',
        idPattern: /^[0-9A-Za-z]{4,40}$/,
        canonical: 'https://haohuo.jinritemai.com/views/shop/index?id={id}',
        forms: [{ hosts: ['*.jinritemai.com'], path: /^\/views\/shop\/index$/, query: ['id', 'shop_id'] }],
      },
    ],
    tracking: [
      'goods_detail',
      'origin_type',
      'origin_id',
      'new_source_type',
      'new_source_id',
      'source_type',
      'source_id',
    ],
  },
  {
    id: 'kuaishou',
    // kwai.com is Kuaishou's international app (Kwai): its share links are Kuaishou's own.
    domains: ['kuaishou.com', 'kuaishouapp.com', 'chenzhongtech.com', 'gifshow.com', 'kwai.com'],
    shortLinks: [
      { host: 'v.kuaishou.com' },
      { host: 'v.kuaishouapp.com' },
      { host: 'v.s.kuaishouapp.com', pathPrefix: '/s/' },
      { host: 'f.kuaishou.com' },
      { host: 'k.kwai.com' },
      { host: 'www.kuaishou.com', pathPrefix: '/f/' },
      { host: '*.gifshow.com', pathPrefix: '/s/' },
      { host: '*.chenzhongtech.com', pathPrefix: '/s/' },
    ],
    kinds: [
      {
        kind: 'video',
        idPattern: /^[0-9a-z]{8,32}$/,
        canonical: 'https://www.kuaishou.com/short-video/{id}',
        forms: [
          { hosts: ['*.kuaishou.com'], path: /^\/short-video\/(?<id>[0-9a-z]+)\/?$/ },
          {
            hosts: ['*.chenzhongtech.com', '*.kuaishou.com', '*.gifshow.com', '*.kuaishouapp.com'],
            path: /^\/fw\/photo\/(?<id>[0-9a-z]+)\/?$/,
          },
          { hosts: ['live.kuaishou.com'], path: /^\/u\/[0-9A-Za-z_]+\/(?<id>[0-9a-z]+)\/?$/ },
        ],
      },
      {
        kind: 'user',
        idPattern: /^[0-9A-Za-z_]{4,40}$/,
        canonical: 'https://www.kuaishou.com/profile/{id}',
        forms: [
          { hosts: ['www.kuaishou.com', 'live.kuaishou.com'], path: /^\/profile\/(?<id>[0-9A-Za-z_]+)\/?$/ },
          { hosts: ['*.kuaishou.com'], path: /^\/(?:live\/)?user\/(?<id>[0-9A-Za-z_]+)\/?$/ },
          {
            hosts: ['*.chenzhongtech.com', '*.kuaishou.com', '*.gifshow.com', '*.kuaishouapp.com'],
            path: /^\/fw\/user\/(?<id>[0-9A-Za-z_]+)\/?$/,
          },
        ],
      },
      {
        kind: 'live',
        idPattern: /^[0-9A-Za-z_]{4,40}$/,
        canonical: 'https://live.kuaishou.com/u/{id}',
        forms: [
          { hosts: ['live.kuaishou.com'], path: /^\/u\/(?<id>[0-9A-Za-z_]+)\/?$/ },
          {
            hosts: ['*.chenzhongtech.com', '*.kuaishou.com', '*.gifshow.com', '*.kuaishouapp.com'],
            path: /^\/fw\/live\/(?<id>[0-9A-Za-z_]+)\/?$/,
          },
        ],
      },
    ],
    tracking: [
      'cc',
      'fid',
      'shareId',
      'shareToken',
      'shareObjectId',
      'shareMethod',
      'shareMode',
      'shareResourceType',
      'timestamp',
      'et',
      'appType',
      'userId',
      'photoId',
      'utm_source',
    ],
  },
  {
    id: 'xiaohongshu',
    domains: ['xiaohongshu.com', 'rednote.com', 'xhslink.com', 'xhslink.cn'],
    shortLinks: [{ host: 'xhslink.com' }, { host: 'xhslink.cn' }],
    kinds: [
      {
        kind: 'note',
        idPattern: /^[0-9a-f]{24}$/,
        normalizeId: 'lower',
        canonical: 'https://www.xiaohongshu.com/explore/{id}',
        // Without xsec_token a shared note does not open: it is needed, though not identity.
        keep: ['xsec_token'],
        forms: [
          {
            hosts: ['*.xiaohongshu.com', '*.rednote.com'],
            path: /^\/(?:explore|discovery\/item)\/(?<id>[0-9a-fA-F]{24})\/?$/,
          },
          {
            // The note page under its author's profile (2024+ web links).
            hosts: ['*.xiaohongshu.com', '*.rednote.com'],
            path: /^\/user\/profile\/[0-9a-fA-F]{24}\/(?<id>[0-9a-fA-F]{24})\/?$/,
          },
        ],
      },
      {
        kind: 'user',
        idPattern: /^[0-9a-f]{24}$/,
        normalizeId: 'lower',
        canonical: 'https://www.xiaohongshu.com/user/profile/{id}',
        forms: [
          {
            hosts: ['*.xiaohongshu.com', '*.rednote.com'],
            path: /^\/user\/profile\/(?<id>[0-9a-fA-F]{24})\/?$/,
          },
        ],
      },
      {
        kind: 'item',
        idPattern: /^[0-9a-f]{24}$/,
        normalizeId: 'lower',
        canonical: 'https://www.xiaohongshu.com/goods-detail/{id}',
        forms: [{ hosts: ['*.xiaohongshu.com'], path: /^\/goods-detail\/(?<id>[0-9a-fA-F]{24})\/?$/ }],
      },
      {
        kind: 'collection',
        idPattern: /^[0-9a-f]{24}$/,
        normalizeId: 'lower',
        canonical: 'https://www.xiaohongshu.com/board/{id}',
        forms: [
          { hosts: ['*.xiaohongshu.com', '*.rednote.com'], path: /^\/board\/(?<id>[0-9a-fA-F]{24})\/?$/ },
        ],
      },
      {
        kind: 'topic',
        idPattern: /^[0-9a-f]{24}$/,
        normalizeId: 'lower',
        canonical: 'https://www.xiaohongshu.com/page/topics/{id}',
        forms: [{ hosts: ['*.xiaohongshu.com'], path: /^\/page\/topics\/(?<id>[0-9a-fA-F]{24})\/?$/ }],
      },
      {
        kind: 'search',
        idPattern: QUERY_ID,
        normalizeId: 'decode',
        encodeId: true,
        canonical: 'https://www.xiaohongshu.com/search_result?keyword={id}',
        forms: [
          { hosts: ['*.xiaohongshu.com', '*.rednote.com'], path: /^\/search_result\/?$/, query: ['keyword'] },
        ],
      },
    ],
    tracking: [
      'xhsshare',
      'author_share',
      'type',
      'xsec_source',
      'share_from_user_hidden',
      'app_version',
      'app_platform',
      'apptime',
      'appuid',
      'shareRedId',
      'share_id',
      'ignoreEngage',
      'exSource',
      'verifyUuid',
      'verifyType',
      'verifyBiz',
      'source',
    ],
  },
  {
    id: 'bilibili',
    // bilibili.tv is Bilibili's international site (its own id space: pages only).
    domains: ['bilibili.com', 'b23.tv', 'bili2233.cn', 'bili22.cn', 'bili23.cn', 'bili33.cn', 'bilibili.tv'],
    shortLinks: [
      { host: 'b23.tv' },
      { host: 'bili2233.cn' },
      { host: 'bili22.cn' },
      { host: 'bili23.cn' },
      { host: 'bili33.cn' },
    ],
    kinds: [
      {
        kind: 'video',
        // BV ids: "BV1" and nine base58 characters (no 0, I, O, l). av numbers are converted to BV.
        idPattern: /^BV1[1-9A-HJ-NP-Za-km-z]{9}$/,
        normalizeId: 'bilibili-video',
        alternateId: 'av-number',
        canonical: 'https://www.bilibili.com/video/{id}',
        keep: ['p', 't'],
        forms: [
          {
            hosts: ['www.bilibili.com', 'm.bilibili.com', 'bilibili.com'],
            path: /^\/(?:s\/|mobile\/)?video\/(?<id>[Bb][Vv][0-9A-Za-z]{10}|[Aa][Vv]\d{1,16})(?:\.html)?\/?$/,
          },
          {
            hosts: ['www.bilibili.com', 'm.bilibili.com', 'bilibili.com'],
            path: /^\/(?<id>[Bb][Vv]1[0-9A-Za-z]{9})\/?$/,
          },
          { hosts: ['www.bilibili.com', 'm.bilibili.com'], path: /^\/list\/[^/]+\/?$/, query: ['bvid'] },
          { hosts: ['*.bilibili.com'], path: /^\/festival\/[^/]+\/?$/, query: ['bvid'] },
          { hosts: ['player.bilibili.com'], path: /^\/player\.html$/, query: ['bvid', 'aid'] },
        ],
      },
      {
        // Series episodes (番剧, 影视) and seasons: `ep` and `ss` ids.
        kind: 'video',
        idPattern: /^(?:ep|ss)[1-9]\d{0,11}$/,
        canonical: 'https://www.bilibili.com/bangumi/play/{id}',
        forms: [
          {
            hosts: ['www.bilibili.com', 'm.bilibili.com'],
            path: /^\/bangumi\/play\/(?<id>(?:ep|ss)\d+)\/?$/,
          },
          { hosts: ['www.bilibili.com', 'm.bilibili.com'], path: /^\/cheese\/play\/(?<id>ep\d+)\/?$/ },
        ],
      },
      {
        // Favourites lists (ml).
        kind: 'collection',
        idPattern: /^ml[1-9]\d{0,12}$/,
        canonical: 'https://www.bilibili.com/medialist/detail/{id}',
        forms: [
          {
            hosts: ['www.bilibili.com', 'm.bilibili.com'],
            path: /^\/(?:medialist\/(?:detail|play)|list)\/(?<id>ml\d+)\/?$/,
          },
        ],
      },
      {
        // Audio menus (am).
        kind: 'collection',
        idPattern: /^am[1-9]\d{0,12}$/,
        canonical: 'https://www.bilibili.com/audio/{id}',
        forms: [{ hosts: ['www.bilibili.com', 'm.bilibili.com'], path: /^\/audio\/(?<id>am\d+)\/?$/ }],
      },
      {
        // Paid-course seasons (课堂 ss).
        kind: 'collection',
        idPattern: /^ss[1-9]\d{0,12}$/,
        canonical: 'https://www.bilibili.com/cheese/play/{id}',
        forms: [{ hosts: ['www.bilibili.com', 'm.bilibili.com'], path: /^\/cheese\/play\/(?<id>ss\d+)\/?$/ }],
      },
      {
        kind: 'item',
        idPattern: /^[1-9]\d{3,15}$/,
        canonical: 'https://mall.bilibili.com/detail.html?itemsId={id}',
        forms: [{ hosts: ['mall.bilibili.com'], path: /^\/detail\.html$/, query: ['itemsId'] }],
      },
      {
        kind: 'article',
        idPattern: /^cv[1-9]\d{0,12}$/,
        canonical: 'https://www.bilibili.com/read/{id}',
        forms: [
          { hosts: ['www.bilibili.com', 'm.bilibili.com'], path: /^\/read\/(?:mobile\/)?(?<id>cv\d+)\/?$/ },
        ],
      },
      {
        kind: 'music',
        idPattern: /^au[1-9]\d{0,12}$/,
        canonical: 'https://www.bilibili.com/audio/{id}',
        forms: [{ hosts: ['www.bilibili.com', 'm.bilibili.com'], path: /^\/audio\/(?<id>au\d+)\/?$/ }],
      },
      {
        kind: 'search',
        idPattern: QUERY_ID,
        normalizeId: 'decode',
        encodeId: true,
        canonical: 'https://search.bilibili.com/all?keyword={id}',
        forms: [
          {
            hosts: ['search.bilibili.com', 'm.bilibili.com'],
            path: /^\/(?:all|video|search)?\/?$/,
            query: ['keyword'],
          },
        ],
      },
      {
        kind: 'user',
        idPattern: /^[1-9]\d{0,19}$/,
        canonical: 'https://space.bilibili.com/{id}',
        forms: [
          { hosts: ['space.bilibili.com'], path: /^\/(?<id>\d+)(?:\/[^/]*)*$/ },
          { hosts: ['m.bilibili.com'], path: /^\/space\/(?<id>\d+)\/?$/ },
        ],
      },
      {
        kind: 'live',
        idPattern: /^[1-9]\d{0,19}$/,
        canonical: 'https://live.bilibili.com/{id}',
        forms: [{ hosts: ['live.bilibili.com'], path: /^\/(?:h5\/|blanc\/)?(?<id>\d+)\/?$/ }],
      },
      {
        kind: 'post',
        idPattern: /^[1-9]\d{0,24}$/,
        canonical: 'https://www.bilibili.com/opus/{id}',
        forms: [
          { hosts: ['www.bilibili.com', 'm.bilibili.com'], path: /^\/(?:opus|dynamic)\/(?<id>\d+)\/?$/ },
          { hosts: ['t.bilibili.com'], path: /^\/(?<id>\d+)\/?$/ },
        ],
      },
    ],
    tracking: [
      'spm_id_from',
      'from_source',
      'from',
      'seid',
      'mid',
      'share_source',
      'share_medium',
      'share_plat',
      'share_tag',
      'share_session_id',
      'share_from',
      'msource',
      'refer_from',
      'timestamp',
      'unique_k',
      'vd_source',
      'plat_id',
      'buvid',
      'is_story_h5',
      'up_id',
      'callback',
      'hotRank',
      'launch_id',
      'popular_rank',
      'session_id',
      'bbid',
      'ts',
      'trackid',
    ],
  },
  {
    id: 'weibo',
    domains: ['weibo.com', 'weibo.cn', 't.cn', 't.sina.com.cn'],
    shortLinks: [{ host: 't.cn' }, { host: 'mapp.api.weibo.cn', pathPrefix: '/fx/' }],
    kinds: [
      {
        // Posts are keyed by the numeric mid; the base62 bid in weibo.com/{uid}/{bid} is converted.
        kind: 'post',
        idPattern: /^[1-9]\d{9,19}$/,
        normalizeId: 'weibo-mid',
        canonical: 'https://m.weibo.cn/detail/{id}',
        forms: [
          { hosts: ['m.weibo.cn'], path: /^\/(?:detail|status)\/(?<id>[0-9A-Za-z]+)\/?$/ },
          { hosts: ['share.api.weibo.cn'], path: /^\/share\/\d+,(?<id>\d+)\.html$/ },
          {
            hosts: ['weibo.com', 'www.weibo.com', 'm.weibo.com', 'm.weibo.cn'],
            path: /^\/\d+\/(?<id>[0-9A-Za-z]+)\/?$/,
          },
          { hosts: ['weibo.com', 'www.weibo.com'], path: /^\/detail\/(?<id>\d+)\/?$/ },
        ],
      },
      {
        kind: 'video',
        idPattern: /^\d{4}:(?:\d{6,20}|[0-9a-f]{32})$/,
        canonical: 'https://video.weibo.com/show?fid={id}',
        forms: [
          { hosts: ['video.weibo.com'], path: /^\/show\/?$/, query: ['fid'] },
          {
            hosts: ['weibo.com', 'www.weibo.com', 'h5.video.weibo.com'],
            path: /^\/tv\/show\/(?<id>\d{4}:[0-9a-f]+)\/?$/,
          },
          { hosts: ['video.h5.weibo.cn'], path: /^\/(?<id>\d{4}:[0-9a-f]+)(?:\/\d+)?\/?$/ },
          { hosts: ['m.weibo.cn'], path: /^\/s\/video\/(?:show|index)\/?$/, query: ['object_id', 'fid'] },
        ],
      },
      {
        kind: 'user',
        idPattern: /^[1-9]\d{4,14}$/,
        canonical: 'https://weibo.com/u/{id}',
        forms: [
          {
            hosts: ['weibo.com', 'www.weibo.com', 'm.weibo.cn'],
            path: /^\/(?:u|profile)\/(?<id>\d+)(?:\/[a-z]+)?\/?$/,
          },
          { hosts: ['weibo.com', 'www.weibo.com', 't.sina.com.cn'], path: /^\/(?<id>\d{5,15})\/?$/ },
        ],
      },
      {
        kind: 'article',
        idPattern: /^[1-9]\d{9,24}$/,
        canonical: 'https://weibo.com/ttarticle/p/show?id={id}',
        forms: [
          {
            hosts: ['weibo.com', 'www.weibo.com', 'media.weibo.cn'],
            path: /^\/ttarticle\/p\/show\/?$/,
            query: ['id'],
          },
          { hosts: ['card.weibo.com'], path: /^\/article\/m\/show\/id\/(?<id>\d+)\/?$/ },
        ],
      },
      {
        kind: 'search',
        idPattern: QUERY_ID,
        normalizeId: 'decode',
        encodeId: true,
        canonical: 'https://s.weibo.com/weibo?q={id}',
        forms: [
          {
            hosts: ['s.weibo.com', 'm.s.weibo.com'],
            path: /^\/(?:weibo|user|topic\/detail)\/?$/,
            query: ['q'],
          },
          { hosts: ['s.weibo.com'], path: /^\/weibo\/(?<id>[^/]+)\/?$/ },
        ],
      },
    ],
    tracking: [
      'weibo_id',
      'dt_dapp',
      'sourceType',
      'from',
      'wm',
      'luicode',
      'lfid',
      'featurecode',
      'jumpfrom',
    ],
  },
  {
    id: '1688',
    domains: ['1688.com'],
    shortLinks: [],
    kinds: [
      {
        kind: 'item',
        idPattern: DIGITS_ID,
        canonical: 'https://detail.1688.com/offer/{id}.html',
        forms: [
          {
            hosts: ['detail.1688.com', 'm.1688.com', 'detail.m.1688.com'],
            path: /^\/offer\/(?<id>\d+)\.html$/,
          },
          { hosts: ['detail.m.1688.com', 'm.1688.com'], path: /^\/page\/index\.html$/, query: ['offerId'] },
        ],
      },
      {
        kind: 'shop',
        idPattern: /^[0-9a-z]{4,40}$/,
        canonical: 'https://shop{id}.1688.com/',
        forms: [{ hostPattern: /^shop(?<id>[0-9a-z]+)\.(?:m\.)?1688\.com$/ }],
      },
      {
        // Mobile shop pages (winport) name the seller's member id, `b2b-…`.
        kind: 'shop',
        idPattern: /^b2b-[0-9A-Za-z]{4,40}$/,
        canonical: 'https://m.1688.com/winport/{id}.html',
        forms: [
          { hosts: ['m.1688.com', 'winport.m.1688.com'], path: /^\/winport\/(?<id>b2b-[0-9A-Za-z]+)\.html$/ },
        ],
      },
    ],
    tracking: ['sk', 'traceId', 'spm', 'clickid', 'sessionid', 'cosite', 'tracelog', 'forcePC', 'offerId'],
  },
  {
    id: 'weidian',
    domains: ['weidian.com'],
    shortLinks: [],
    kinds: [
      {
        kind: 'item',
        idPattern: DIGITS_ID,
        canonical: 'https://weidian.com/item.html?itemID={id}',
        forms: [
          {
            hosts: ['*.weidian.com'],
            path: /^\/item\.html$/,
            query: ['itemID'],
            queryKeyCaseInsensitive: true,
          },
        ],
      },
      {
        kind: 'shop',
        idPattern: /^[1-9]\d{3,19}$/,
        canonical: 'https://weidian.com/?userid={id}',
        forms: [
          {
            hosts: ['*.weidian.com'],
            path: /^\/(?:index\.html)?$/,
            query: ['userid'],
            queryKeyCaseInsensitive: true,
          },
          { hosts: ['*.weidian.com'], path: /^\/s\/(?<id>\d+)\/?$/ },
        ],
      },
    ],
    tracking: ['wfr', 'share_relation', 'source_id', 'spider_token', 'distributorId', 'sfr'],
  },
  {
    id: 'aliexpress',
    domains: ['aliexpress.com', 'aliexpress.ru', 'aliexpress.us'],
    shortLinks: [{ host: 'a.aliexpress.com' }, { host: 's.click.aliexpress.com' }],
    kinds: [
      {
        kind: 'item',
        idPattern: /^[1-9]\d{5,19}$/,
        canonical: 'https://www.aliexpress.com/item/{id}.html',
        keep: ['sku_id'],
        forms: [
          { path: /^\/(?:s\/)?(?:item|i)\/(?:[^/]+\/)?(?<id>\d+)(?:\.html)?$/ },
          { path: /^\/(?:[^/]+\/)*affi-item\.html?$/, query: ['ae_affi_item_id'] },
          { path: /^\/store\/product\/[^/]+\/\d+_(?<id>\d+)\.html$/ },
        ],
      },
      {
        kind: 'shop',
        idPattern: /^[1-9]\d{2,19}$/,
        canonical: 'https://www.aliexpress.com/store/{id}',
        forms: [{ path: /^\/store\/(?<id>\d+)\/?$/ }],
      },
      {
        kind: 'live',
        idPattern: /^[1-9]\d{5,19}$/,
        canonical: 'https://live.aliexpress.com/live/{id}',
        forms: [{ hosts: ['live.aliexpress.com'], path: /^\/live\/(?<id>\d+)\/?$/ }],
      },
    ],
    tracking: [
      'ws_ab_test',
      'btsid',
      'algo_expid',
      'algo_pvid',
      'gps-id',
      'scm*',
      'cv',
      'af',
      'mall_affr',
      'sk',
      'dp',
      'terminal_id',
      'aff_*',
      '_t',
      'algo_exp_id',
      'pdp_npi',
      'pdp_pi',
      'gatewayAdapt',
      'pdp_ext_f',
      'srcSns',
      'spreadType',
      'bizType',
      'social_params',
      'tt',
      'utparam-url',
    ],
  },
  {
    id: 'amazon',
    // amzn.com is Amazon's own old short domain (`amzn.com/{ASIN}`, `amzn.com/dp/{ASIN}`).
    domains: [...AMAZON_DOMAINS, 'amzn.com'],
    shortLinks: [{ host: 'amzn.to' }, { host: 'a.co' }, { host: 'amzn.eu' }, { host: 'amzn.asia' }],
    kinds: [
      {
        kind: 'item',
        idPattern: /^[A-Z0-9]{10}$/,
        normalizeId: 'upper',
        canonical: 'https://www.{domain}/dp/{id}',
        forms: [
          { path: new RegExp(`^/(?:[^/]+/){0,3}dp/(?:product/)?(?<id>${ASIN})(?:/[^/]*)*$`) },
          { path: new RegExp(`^/gp/(?:product|aw/d)/(?<id>${ASIN})(?:/[^/]*)*$`) },
          { path: new RegExp(`^/d/(?<id>${ASIN})(?:/[^/]*)*$`) },
          { path: new RegExp(`^/exec/obidos/(?:asin|ASIN|tg/detail/-)/(?<id>${ASIN})(?:/[^/]*)*$`) },
          { path: new RegExp(`^/product/(?<id>${ASIN})(?:/[^/]*)*$`) },
          { hosts: ['amzn.com', 'www.amzn.com'], path: new RegExp(`^/(?<id>${ASIN})/?$`) },
          { query: ['asin', 'ASIN'] },
        ],
      },
      {
        kind: 'search',
        idPattern: QUERY_ID,
        normalizeId: 'decode',
        encodeId: true,
        canonical: 'https://www.{domain}/s?k={id}',
        forms: [{ path: /^\/s\/?$/, query: ['k', 'field-keywords'] }],
      },
    ],
    tracking: [
      'qid',
      'sr',
      'srs',
      'pd_rd_*',
      'pf_rd_*',
      '__mk_*',
      'crid',
      'sprefix',
      'keywords',
      'th',
      'psc',
      'smid',
      'linkCode',
      'dchild',
      'ref_',
      'ref',
      'content-id',
      'tag',
      'ascsubtag',
      'linkId',
      'camp',
      'creative',
      'creativeASIN',
    ],
  },
  {
    id: 'tiktok',
    domains: ['tiktok.com'],
    shortLinks: [
      { host: 'vm.tiktok.com' },
      { host: 'vt.tiktok.com' },
      { host: 'www.tiktok.com', pathPrefix: '/t/' },
    ],
    kinds: [
      {
        kind: 'video',
        idPattern: /^\d{15,20}$/,
        canonical: 'https://www.tiktok.com/@{user}/video/{id}',
        fallbackCanonical: 'https://m.tiktok.com/v/{id}.html',
        forms: [
          { hosts: ['*.tiktok.com'], path: /^\/@(?<user>[A-Za-z0-9._]{1,24})\/video\/(?<id>\d+)\/?$/ },
          { hosts: ['*.tiktok.com'], path: /^\/v\/(?<id>\d+)(?:\.html)?$/ },
          { hosts: ['*.tiktok.com'], path: /^\/embed\/(?:v2\/)?(?<id>\d+)\/?$/ },
          { hosts: ['*.tiktok.com'], path: /^\/(?:i18n\/)?share\/video\/(?<id>\d+)\/?$/ },
        ],
      },
      {
        kind: 'post',
        idPattern: /^\d{15,20}$/,
        canonical: 'https://www.tiktok.com/@{user}/photo/{id}',
        forms: [{ hosts: ['*.tiktok.com'], path: /^\/@(?<user>[A-Za-z0-9._]{1,24})\/photo\/(?<id>\d+)\/?$/ }],
      },
      {
        kind: 'live',
        idPattern: /^[A-Za-z0-9._]{0,23}[A-Za-z0-9_]$/,
        canonical: 'https://www.tiktok.com/@{id}/live',
        forms: [{ hosts: ['*.tiktok.com'], path: /^\/@(?<id>[A-Za-z0-9._]{1,24})\/live\/?$/ }],
      },
      {
        kind: 'live',
        idPattern: /^\d{15,20}$/,
        canonical: 'https://www.tiktok.com/share/live/{id}',
        forms: [{ hosts: ['*.tiktok.com'], path: /^\/(?:i18n\/)?share\/live\/(?<id>\d+)\/?$/ }],
      },
      {
        // A user by sec_uid (`MS4wLjABAAAA…`), as profile links from the app carry it.
        kind: 'user',
        idPattern: /^MS4wLjABAAAA[A-Za-z0-9_-]{20,120}$/,
        canonical: 'https://www.tiktok.com/@{id}',
        forms: [{ hosts: ['*.tiktok.com'], path: /^\/@(?<id>MS4wLjABAAAA[A-Za-z0-9_-]+)\/?$/ }],
      },
      {
        kind: 'topic',
        idPattern: /^\d{6,20}$/,
        canonical: 'https://www.tiktok.com/share/challenge/{id}',
        forms: [{ hosts: ['*.tiktok.com'], path: /^\/(?:i18n\/)?share\/challenge\/(?<id>\d+)\/?$/ }],
      },
      {
        // `/music/{title}-{id}`: the id is the digits after the last hyphen.
        kind: 'music',
        idPattern: /^\d{15,20}$/,
        canonical: 'https://www.tiktok.com/music/-{id}',
        forms: [{ hosts: ['*.tiktok.com'], path: /^\/music\/(?:[^/]*-)?(?<id>\d{15,20})\/?$/ }],
      },
      {
        kind: 'collection',
        idPattern: /^\d{15,20}$/,
        canonical: 'https://www.tiktok.com/@{user}/collection/-{id}',
        forms: [
          {
            hosts: ['*.tiktok.com'],
            path: /^\/@(?<user>[A-Za-z0-9._]{1,24})\/collection\/(?:[^/]*-)?(?<id>\d{15,20})\/?$/,
          },
        ],
      },
      {
        kind: 'topic',
        idPattern: QUERY_ID,
        normalizeId: 'decode',
        encodeId: true,
        canonical: 'https://www.tiktok.com/tag/{id}',
        forms: [{ hosts: ['*.tiktok.com'], path: /^\/tag\/(?<id>[^/]+)\/?$/ }],
      },
      {
        kind: 'search',
        idPattern: QUERY_ID,
        normalizeId: 'decode',
        encodeId: true,
        canonical: 'https://www.tiktok.com/search?q={id}',
        forms: [{ hosts: ['*.tiktok.com'], path: /^\/search(?:\/[a-z]+)?\/?$/, query: ['q'] }],
      },
      {
        kind: 'user',
        // Usernames: letters, digits, `_` and `.`, never ending with a period.
        idPattern: /^[A-Za-z0-9._]{0,23}[A-Za-z0-9_]$/,
        canonical: 'https://www.tiktok.com/@{id}',
        forms: [{ hosts: ['*.tiktok.com'], path: /^\/@(?<id>[A-Za-z0-9._]{1,24})\/?$/ }],
      },
    ],
    tracking: [
      '_r',
      '_t',
      'is_from_webapp',
      'sender_device',
      'is_copy_url',
      'web_id',
      'share_app_id',
      'share_link_id',
      'share_item_id',
      'tt_from',
      'u_code',
      'timestamp',
      'user_id',
      'sec_user_id',
      'checksum',
      'lang',
      'social_sharing',
      'source',
    ],
  },
  {
    id: 'youtube',
    domains: ['youtube.com', 'youtu.be', 'youtube-nocookie.com'],
    shortLinks: [],
    kinds: [
      {
        kind: 'video',
        idPattern: /^[A-Za-z0-9_-]{11}$/,
        canonical: 'https://www.youtube.com/watch?v={id}',
        forms: [
          { hosts: ['*.youtube.com', 'youtu.be'], path: /^\/watch(?:_popup)?\/?$/, query: ['v'] },
          { hosts: ['youtu.be', 'www.youtu.be'], path: /^\/(?<id>[A-Za-z0-9_-]{11})\/?$/ },
          {
            hosts: ['*.youtube.com', '*.youtube-nocookie.com'],
            path: /^\/(?:shorts|embed|live|v|e)\/(?<id>[A-Za-z0-9_-]{11})\/?$/,
          },
        ],
      },
      {
        kind: 'user',
        // Handles of 3–30 characters; one ending in a period cannot survive being pasted into text.
        idPattern: /^@[A-Za-z0-9._-]{2,29}[A-Za-z0-9_-]$/,
        canonical: 'https://www.youtube.com/{id}',
        forms: [{ hosts: ['*.youtube.com'], path: /^\/(?<id>@[A-Za-z0-9._-]{3,30})(?:\/[a-z]+)?\/?$/ }],
      },
      {
        kind: 'user',
        idPattern: /^UC[A-Za-z0-9_-]{22}$/,
        canonical: 'https://www.youtube.com/channel/{id}',
        forms: [
          {
            hosts: ['*.youtube.com'],
            path: /^\/(?:channel|browse)\/(?<id>UC[A-Za-z0-9_-]{22})(?:\/[a-z]+)?\/?$/,
          },
        ],
      },
      {
        kind: 'collection',
        idPattern: /^(?:[A-Za-z0-9_-]{10,64}|WL|LL)$/,
        canonical: 'https://www.youtube.com/playlist?list={id}',
        forms: [{ hosts: ['*.youtube.com'], path: /^\/playlist\/?$/, query: ['list'] }],
      },
      {
        kind: 'search',
        idPattern: QUERY_ID,
        normalizeId: 'decode',
        encodeId: true,
        canonical: 'https://www.youtube.com/results?search_query={id}',
        forms: [{ hosts: ['*.youtube.com'], path: /^\/results\/?$/, query: ['search_query'] }],
      },
    ],
    tracking: ['si', 'feature', 'pp', 'ab_channel', 'app', 'embeds_referring_euri', 'source_ve_path', 'kw'],
  },
  {
    id: 'dianping',
    domains: ['dianping.com', 'dpurl.cn'],
    shortLinks: [{ host: 'dpurl.cn' }],
    kinds: [
      {
        // Newer web ids are alphanumeric and differ from the numeric app id.
        kind: 'shop',
        idPattern: /^[0-9A-Za-z]{4,32}$/,
        canonical: 'https://www.dianping.com/shop/{id}',
        forms: [
          {
            hosts: ['*.dianping.com'],
            path: /^\/(?:shop|shopshare|shopinfo|appshare\/shop)\/(?<id>[0-9A-Za-z]+)(?:\/[a-z_]+\d*)?\/?$/,
          },
        ],
      },
    ],
    tracking: ['msource', 'utm_*', 'shareid', 'source', 'cityid', 'bizType'],
  },
  {
    id: 'meituan',
    domains: ['meituan.com'],
    shortLinks: [],
    kinds: [
      {
        // Restaurant pages of the web site (confidence C: one public form, not in the platform's docs).
        kind: 'shop',
        idPattern: /^[1-9]\d{2,19}$/,
        canonical: 'https://www.meituan.com/meishi/{id}/',
        forms: [{ hosts: ['*.meituan.com'], path: /^\/(?:meishi|poi|i\/poi)\/(?<id>\d+)\/?$/ }],
      },
    ],
    tracking: ['lch', 'utm_*', 'source', 'shareid', 'share_id', 'channel', 'ct_poi'],
  },
  {
    id: 'eleme',
    domains: ['ele.me'],
    // Only affiliate short links are public; the long H5 form (fc.ele.me/a/<base64>) holds no stable id.
    shortLinks: [{ host: 'u.ele.me' }, { host: 's.click.ele.me' }],
    kinds: [
      {
        kind: 'shop',
        idPattern: /^[1-9]\d{3,15}$/,
        canonical: 'https://www.ele.me/shop/{id}',
        forms: [{ hosts: ['www.ele.me', 'ele.me'], path: /^\/shop\/(?<id>\d+)(?:\/[a-z]+)?\/?$/ }],
      },
    ],
    tracking: ['spm', 'scm', 'from', 'inviterId', 'share_token', 'actId'],
  },
] satisfies readonly MatchRow[];

/**
 * What links are matched by: the registry rows without their display fields. Matching code (identify,
 * host lookup, lookalikes, tracking) reads these, so a bundle that only reads links never carries the
 * names (a missing row fails the type check).
 */
export const MATCH_ROWS: readonly MatchRow[] = ROWS satisfies EveryPlatform<typeof ROWS, 'id'>;

const MATCH_BY_ID = /* @__PURE__ */ new Map<PlatformId, MatchRow>(
  /* @__PURE__ */ MATCH_ROWS.map((row) => [row.id, row]),
);

/** The matching row of a platform id; throws `unknown_platform` for anything else. */
export function matchRow(id: PlatformId): MatchRow {
  const row = MATCH_BY_ID.get(id);
  if (!row)
    throw new CanonicalUrlError('unknown_platform', `expected a platform id, found ${JSON.stringify(id)}`);
  return row;
}

/** The registry: one row per platform id, its display fields and short-link fetch facts beside its matching data. */
export const PLATFORMS: readonly PlatformRow[] = /* @__PURE__ */ MATCH_ROWS.map(({ id, ...match }) => ({
  id,
  ...PLATFORM_DISPLAY[id],
  ...match,
  shortLinks: match.shortLinks.map(withFetchFacts),
}));

/**
 * The registry row of a platform.
 * @example
 * getPlatform('jd').kinds[0].canonical // 'https://item.jd.com/{id}.html'
 */
export function getPlatform(id: PlatformId): PlatformRow {
  return PLATFORMS[MATCH_ROWS.indexOf(matchRow(id))] as PlatformRow;
}
