import type { PlatformId } from '@sharekit/canonical-url/core';

/**
 * Platform knowledge of the share-text reader, as data: one row per platform, keyed by the
 * platform ids of `@sharekit/canonical-url` (plus `alipay`, whose 吱口令 has no link and no
 * canonical-url row). Which host a link belongs to is canonical-url's business; this table says
 * how each platform's share text is laid out around the link: markers, token shapes, channel
 * codes and where the title sits. Sources: the sharekit notes on share formats (§2–§11).
 */
export type SharePlatform = PlatformId | 'alipay';

/** A token read from the query of the share link (Taobao `tk`, JD `jkl=@…@`, Pinduoduo `ps`). */
export interface QueryTokenRule {
  readonly key: string;
  /** Anchored shape of the value; the token is capture group 1. */
  readonly shape: RegExp;
}

/**
 * A token found as a run of ASCII letters and digits in the text (never inside a link).
 * Runs are bounded by non-alphanumerics or the string edges: delimiters themselves are never
 * required unless the rule names them.
 */
export interface RunTokenRule {
  readonly min: number;
  readonly max: number;
  /** The nearest non-space character before the run must be one of these. */
  readonly after?: readonly string[];
  /** The nearest non-space characters on both sides must be this string (Xiaohongshu's 😆). */
  readonly between?: string;
  /** Only when the share's text contains one of these markers (Alipay `#吱口令#`). */
  readonly requires?: readonly string[];
  /** Every run must contain a letter; `digit`: a digit too (Alipay's 吱口令). */
  readonly digit?: true;
  /**
   * Reject runs that read as words (`Information`, `HELLOWORLD`, all lower case) and require a
   * delimiter-like neighbour when the share already has a link. Used for the shape-only Taobao rule.
   */
  readonly shapeOnly?: boolean;
  /** A command of its own that never belongs to a link (JD 京口令). */
  readonly standalone?: boolean;
  /** Only on a line that starts with the row's `commandPrefix` (JD's 2020–22 `24:/￥<code>%…` commands). */
  readonly prefixed?: true;
}

/** Where a title is found, tried in the row's order; the first that finds one wins. */
export type TitleRule =
  /** 「title」 (to the end of the line when unclosed); `我在闲鱼发布了【…】` inside is unwrapped. */
  | { readonly kind: 'corner' }
  /** The first 【…】 block that is not a decoration label; `afterLink`: only after the link. */
  | { readonly kind: 'bracket'; readonly afterLink?: boolean }
  /** Rebate-bot layout: the line before the first price line (`【在售价】`, `原价`, …). */
  | { readonly kind: 'price-lines' }
  /**
   * `【<title>-<suffix>】` with nested 【】 in the title: the last suffix before the link, closing its block
   * (after a section name such as 番剧 at most); the ` - ` before it is not the title's.
   */
  | { readonly kind: 'suffixed-block'; readonly suffix: string }
  /** `【<title> - <author> | 小红书 - 你的生活指南】`: the block containing `mark`, cut at the last ` - `. */
  | { readonly kind: 'author-block'; readonly mark: string }
  /** The layout carries no title when one of these phrases is present (Xiaohongshu app shares). */
  | { readonly kind: 'none-when'; readonly phrases: readonly string[] }
  /** Douyin `看看【<author>的作品】<caption>` → caption; another 【<name>】 before the link → name. */
  | { readonly kind: 'subject-block'; readonly worksSuffix: string; readonly strip: readonly string[] }
  /**
   * The caption on the link's line before the link (noise codes and lead-ins removed); `plain`: the text as it
   * stands (in a share without a token, the line above when the link is alone on its line), only without 【】, not
   * ending in a colon and with no token before the link (a bare product name; a label, a campaign sentence, a lost
   * bracket or a command is no title).
   */
  | { readonly kind: 'caption-before'; readonly plain?: true }
  /** A link-less command on a `commandPrefix` line: the sentence between the prefix and the code's mark, else none. */
  | { readonly kind: 'command' }
  /** The caption after the link, up to a tag quote, a tail phrase or the end of the line. */
  | { readonly kind: 'caption-after'; readonly stopAt: readonly string[] }
  /**
   * The text after a fixed phrase, on one line: up to `close` (`我剁手都要买的宝贝（<title>），快来…`,
   * `Watch <title> on YouTube`); without `close`, up to the link or the end of the line.
   */
  | { readonly kind: 'between'; readonly open: string; readonly close?: string };

export interface ShareRow {
  readonly platform: SharePlatform;
  /** Markers that open a share of this platform (several shares in one paste split here). */
  readonly markers?: readonly string[];
  /** A global pattern whose matches open a share like markers do (Douyin's score: `… <link> 4.56 Xyz:/ …`). */
  readonly starts?: RegExp;
  /**
   * Words that make a share of one of the `over` platforms this platform: a `m.tb.cn` link after
   * `【闲鱼】` is a Xianyu share, a `v.douyin.com` link after `【抖音商城】` a Douyin-shop share.
   */
  readonly claims?: { readonly words: readonly string[]; readonly over: readonly SharePlatform[] };
  readonly queryTokens?: readonly QueryTokenRule[];
  readonly runTokens?: readonly RunTokenRule[];
  /** Platforms whose links take this row's run tokens (Taobao codes on Tmall and Xianyu links). */
  readonly tokenShared?: readonly SharePlatform[];
  /** Douyin's noise codes (`Xyz:/`, `x@y.Zz`), reported as the token in order of appearance. */
  readonly codeToken?: boolean;
  /**
   * A share without link or token recognised by the start of a line (JD's 2020–21 `5:/` red packets):
   * a sticky (`y`) pattern tried at each line start of the text, never matching a line break.
   */
  readonly linePrefix?: RegExp;
  /**
   * A sticky pattern at a line's start that makes a code on that line this row's (`prefixed` run-token rules) and
   * ends where the command's sentence begins (`command` title); it makes no share by itself.
   */
  readonly commandPrefix?: RegExp;
  /** A share recognised by its marker alone when no token is found (Alipay). */
  readonly markerOnly?: boolean;
  /** Layout phrases (`手淘`): with no other share, they name the platform of a link on no platform's host. */
  readonly layoutPhrases?: readonly string[];
  /** Title rules; none: the layout carries no title. */
  readonly titles?: readonly TitleRule[];
  /** Lead-in phrases removed from the start of a caption. */
  readonly leadIns?: readonly string[];
  /** Phrases that end a caption before the link (with an 【author】 block just before them). */
  readonly captionStops?: readonly string[];
}

/** Channel codes after the link: two capitals and 3–4 digits (`CZ3457`, `MU5104`). */
// regex-safe: anchored, fixed-length classes
export const CHANNEL_CODE = /^[A-Z]{2}[0-9]{3,4}$/;

/**
 * 【…】 and 「…」 contents that decorate a share rather than name the product (an app's name right after
 * "open", `打开【快手】`, is no title either: see the bracket rule).
 */
export const DECORATION_LABELS: ReadonlySet<string> = new Set([
  '淘宝',
  '天猫',
  '京东',
  '闲鱼',
  '手机淘宝',
  '手机天猫',
  '手淘',
  '快来捡漏',
  '在售价',
  '券后价',
  '下单链接',
  '包邮',
  '抖音商城',
  '哔哩哔哩',
]);

/** Lines of rebate-bot reposts that carry prices or the bot's pitch, not the title. */
export const PRICE_LINE_MARKERS: readonly string[] = [
  '推荐理由',
  '在售价',
  '下单链接',
  '原价',
  '跟我买',
  '券后价',
];

/** Titles of a share whose platform has no layout of its own (and of sharekit tokens): 「…」, then 【…】. */
export const PLAIN_TITLES: readonly TitleRule[] = [{ kind: 'corner' }, { kind: 'bracket' }];

/** A bare caption or product name before the link on its line (see `caption-before`'s `plain`). */
const CAPTION_TITLE: TitleRule = { kind: 'caption-before', plain: true };

const TAOBAO_TK: QueryTokenRule = { key: 'tk', shape: /^([A-Za-z0-9]{11})$/ };

/**
 * The platform table: one row per platform, in the order token rules are tried.
 * @example
 * SHARE_ROWS.find((r) => r.platform === 'jd')?.markers // ['【京东】']
 */
// Partial: Weidian and Amazon shares have no token or layout to read (a bare link).
export const SHARE_ROWS: readonly ShareRow[] = [
  {
    platform: 'xiaohongshu',
    runTokens: [
      { min: 10, max: 18, between: '😆' },
      // The 😆 marks lost on the way (dropped, or turned into `?`): the app's sentence names Xiaohongshu.
      { min: 10, max: 16, requires: ['发布了一篇小红书笔记'], shapeOnly: true },
    ],
    titles: [
      { kind: 'author-block', mark: '| 小红书' },
      { kind: 'none-when', phrases: ['发布了一篇小红书笔记'] },
      { kind: 'caption-before' },
    ],
  },
  {
    platform: 'jd',
    markers: ['【京东】'],
    // The closing @ is often lost when the text is pasted (`jkl=@…  @`, `jkl=@…`).
    queryTokens: [{ key: 'jkl', shape: /^@([A-Za-z0-9]{10,12})@?$/ }],
    // 京口令: 14–16 characters after ￥; the closing delimiter varies. The 2020–22 commands start their line with a
    // score (`25:/￥<code>%…`, `24.0复制整段话 http:/J<decoy> <sentence>#<code>@<tail>`): 10–14 characters there.
    runTokens: [
      { min: 14, max: 16, after: ['￥', '¥'], standalone: true },
      { min: 10, max: 14, after: ['￥', '#', '%', '(', '！'], prefixed: true },
    ],
    // regex-safe: sticky, one digit then literal characters
    linePrefix: /[0-9]:\/[^\u0000-\u007f]/y,
    // The command's score, up to its sentence: past `:/`, or past `复制整段话` and its decoy `http:/J<13>` (no link).
    // regex-safe: sticky, bounded repetitions of fixed classes
    commandPrefix: /\d\d?\.?0?(?::\/|复制整段话 ?(?:https?:\/\/?J\w{13} ?)?)/iy,
    titles: [{ kind: 'corner' }, { kind: 'command' }, { kind: 'bracket', afterLink: true }],
  },
  {
    platform: 'alipay',
    // `打开支付宝首页搜“<digits>”领红包`: the 2018–19 red-packet search code, a share without a 吱口令.
    markers: ['#吱口令#', '支付宝首页搜'],
    // The command also travels without its #吱口令# marker (red packets, transfers, Ant Forest's 11
    // characters); then the sentence that sends the reader to Alipay names it (`打开最新版支付宝就能领取！`).
    runTokens: [{ min: 10, max: 11, requires: ['吱口令#', '打开支付宝', '最新版支付宝'], digit: true }],
    markerOnly: true,
    layoutPhrases: ['打开支付宝'],
  },
  // A 1688 item as an Alipay 吱口令: `吱口令：【<title>】￥<code>￥，…打开【手机阿里】查看` (手机阿里 is 1688's app).
  {
    platform: '1688',
    runTokens: [{ min: 10, max: 13, after: ['￥'], requires: ['手机阿里'] }],
    titles: PLAIN_TITLES,
  },
  {
    platform: 'taobao',
    markers: ['【淘宝】'],
    // 2016–19 shares on rotating short domains carried the command in `cv=` (`e22a.com/h.…?cv=AAkQnLit`).
    queryTokens: [TAOBAO_TK, { key: 'cv', shape: /^([A-Za-z0-9]{8,11})$/ }],
    layoutPhrases: ['手淘', '手机淘宝'],
    runTokens: [{ min: 11, max: 11, shapeOnly: true }],
    tokenShared: ['tmall', 'xianyu'],
    titles: [
      { kind: 'corner' },
      // The 2017 红包 layout: `【我剁手都要买的宝贝（<title>），快来和我一起瓜分红I包】`.
      { kind: 'between', open: '宝贝（', close: '），' },
      { kind: 'price-lines' },
      { kind: 'bracket' },
      // 2016: `<title> <link> (复制整段信息，打开手机淘宝可直接访问)`.
      CAPTION_TITLE,
    ],
  },
  {
    platform: 'tmall',
    claims: { words: ['喵口令', '手机天猫'], over: ['taobao'] },
    queryTokens: [TAOBAO_TK],
    titles: PLAIN_TITLES,
  },
  {
    platform: 'xianyu',
    markers: ['【闲鱼】'],
    claims: { words: ['【闲鱼】', '我在闲鱼发布了'], over: ['taobao'] },
    queryTokens: [TAOBAO_TK],
    // A profile share's 「这是我的闲鱼号…」 is boilerplate, not a title.
    titles: [{ kind: 'none-when', phrases: ['这是我的闲鱼号'] }, ...PLAIN_TITLES],
  },
  {
    platform: 'pinduoduo',
    queryTokens: [{ key: 'ps', shape: /^([A-Za-z0-9]{10})$/ }],
    // The cash red-packet command: `…⇥<code>⇤[复制本条信息，下载并打开拼多多领现金]`.
    runTokens: [{ min: 10, max: 16, after: ['⇥'], requires: ['拼多多'] }],
  },
  {
    platform: 'douyin-shop',
    markers: ['【抖音商城】'],
    claims: { words: ['【抖音商城】'], over: ['douyin'] },
    codeToken: true,
    titles: [{ kind: 'caption-after', stopAt: ['长按复制', '复制此', '打开抖音'] }],
  },
  {
    platform: 'douyin',
    codeToken: true,
    // regex-safe: fixed-length classes, a one-character lookbehind
    starts: /(?<!\S)[0-9]\.[0-9]{2}(?=\s)/g,
    // The iOS command without a link: `…看看【<author>的作品】<caption> Э<code>Э`.
    runTokens: [{ min: 10, max: 16, between: 'Э' }],
    titles: [
      // `【<author>的作品】` and `【<author>的图文作品】` (photo posts) both name the author.
      { kind: 'subject-block', worksSuffix: '作品', strip: ['的直播间'] },
      { kind: 'caption-before' },
    ],
    leadIns: [
      // `#在抖音，记录美好生活#`, always after its first half.
      '记录美好生活#',
      '复制打开抖音，看看',
      '复制打开抖音，',
      '复制打开抖音',
      // A profile share: `长按复制此条消息，打开抖音搜索，查看TA的更多作品。<link>`.
      '查看TA的更多作品。',
    ],
  },
  {
    platform: 'kuaishou',
    titles: [
      // A live room's share names only the streamer (`<name>的直播很精彩，快来围观！`), also after the link.
      { kind: 'none-when', phrases: ['的直播很精彩'] },
      {
        kind: 'caption-after',
        stopAt: ['"', '该作品在快手', '复制此', '点击链接', '长按复制'],
      },
      { kind: 'caption-before' },
    ],
    // Before this phrase stands the author (`<name>发了一个快手作品`), or `<caption>【<name>】`.
    captionStops: ['发了一个快手作品'],
  },
  {
    platform: 'bilibili',
    titles: [{ kind: 'suffixed-block', suffix: '哔哩哔哩' }, { kind: 'bracket' }],
  },
  // A post's text (`<caption> http://t.cn/…`) and Amazon's app share (`<product title> https://amzn.eu/d/…`): the
  // line before the link.
  { platform: 'weibo', titles: [CAPTION_TITLE] },
  // A Dianping share sent to Weibo carries Weibo's t.cn short link and ends with @大众点评.
  // Its text names the shop in the first 【】 (`【<shop>】快来试试这家餐厅吧！【地址：…】【电话：…】@大众点评 <link>`).
  { platform: 'dianping', claims: { words: ['@大众点评'], over: ['weibo'] }, titles: PLAIN_TITLES },
  // Meituan's texts use Dianping's dpurl.cn short links (one company).
  // Its shop share names the shop in the first 【】 as Dianping's does (`【<shop>】快来试试这家餐厅吧！…@美团 <link>`).
  { platform: 'meituan', claims: { words: ['美团'], over: ['dianping'] }, titles: PLAIN_TITLES },
  { platform: 'eleme' },
  // Shares with no code: the sentence names the platform, also when the link was rewrapped (t.co).
  { platform: 'tiktok', layoutPhrases: ['#TikTok'] },
  // The app's share text, also without its link line: `I just found this on AliExpress: <price> | <title>`
  // (the price may be empty or missing).
  {
    platform: 'aliexpress',
    markers: ['I just found this on AliExpress:'],
    layoutPhrases: ['AliExpress'],
    markerOnly: true,
    titles: [
      { kind: 'between', open: '|' },
      { kind: 'between', open: 'AliExpress:' },
      ...PLAIN_TITLES,
      // 2017–18: `<title>⏎ <link>⏎(from AliExpress Android)`.
      CAPTION_TITLE,
    ],
  },
  // The app's share text above a youtu.be link: `Watch <title> on YouTube`, earlier `Watch "<title>" on YouTube`.
  // The app's sentences (`Check out this item on Amazon <link>`, `Guarda cosa ho trovato su Amazon`) name the store.
  { platform: 'amazon', layoutPhrases: [' Amazon', 'Amazon.'], titles: [CAPTION_TITLE] },
  {
    platform: 'youtube',
    titles: [
      { kind: 'between', open: 'Watch "', close: '" on YouTube' },
      { kind: 'between', open: 'Watch ', close: ' on YouTube' },
      ...PLAIN_TITLES,
    ],
  },
];

const BY_PLATFORM = new Map<SharePlatform, ShareRow>(SHARE_ROWS.map((r) => [r.platform, r]));

/**
 * The share row of a platform; platforms without share-text knowledge get a row that only reads
 * 「」 and 【】 titles.
 * @example
 * shareRow('bilibili').titles[0] // { kind: 'suffixed-block', suffix: '哔哩哔哩' }
 */
export function shareRow(platform: SharePlatform): ShareRow {
  return BY_PLATFORM.get(platform) ?? { platform, titles: PLAIN_TITLES };
}
