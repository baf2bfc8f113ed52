// Every string the page shows, in Chinese and English. Both tables have the same keys: the type below
// makes a missing key a compile error, and a unit test checks that no entry is empty.

import {
  type ContentKind,
  PLATFORMS,
  type PlatformId,
  KIND_NAMES as SHARED_KIND_NAMES,
} from '@sharekit/resolver';

/** The languages of the interface. */
export type Lang = 'zh' | 'en';

/** The value of the `lang` attribute for each interface language. */
export const LANG_TAGS: Readonly<Record<Lang, string>> = { zh: 'zh-CN', en: 'en' };

const en = {
  pageTitle: 'sharekit — any share code to one safe link',
  appName: 'sharekit',
  tagline: 'Turn any share code, poster or app link into a clickable link, and make them.',
  switchLang: '中文',
  switchLangLabel: '(switch the interface language)',
  skipToInput: 'Skip to the input box',
  navRead: 'Read',
  navMake: 'Make',
  readHeading: 'Read a share',
  readInputLabel: 'Share text, token, app link or URL',
  readInputHint:
    'Paste text here, or paste, drop or choose an image (poster, screenshot, photo). Enter reads, Shift+Enter starts a new line. Nothing leaves this page.',
  readPlaceholder: '【淘宝】https://m.tb.cn/h.5xYz ￥CZ3457 Hw7Ab￥ …',
  readButton: 'Read',
  chooseImage: 'Choose an image',
  dropHere: 'Drop an image here',
  cameraStart: 'Scan with camera',
  cameraStop: 'Stop camera',
  cameraLabel: 'Camera preview',
  cameraUnavailable:
    'This browser does not give the page a camera (it needs https or localhost, and your permission).',
  cameraDenied: 'The camera could not be opened: {reason}',
  cameraScanning: 'Scanning… hold a QR code in front of the camera.',
  statusReading: 'Reading…',
  statusReadingImage: 'Reading the image…',
  statusFound: 'Found {n} target(s).',
  statusFoundOne: 'Found 1 target.',
  statusNothing: 'Nothing to open was found.',
  statusError: 'Something went wrong: {reason}',
  imageFrom: 'Image: {name} ({w}×{h})',
  resultsHeading: 'What was found',
  targetN: 'Target {n}',
  linkLabel: 'Link',
  openLink: 'Open link',
  notALink: 'Not a link — shown as text only',
  dangerTextLabel: 'The target as found (do not open it)',
  platform: 'Platform',
  kind: 'Kind',
  id: 'ID',
  unknownPlatform: 'No known platform',
  title: 'Title',
  token: 'Token',
  channelCode: 'Channel code',
  source: 'Found in',
  stepsHeading: 'Steps recognised',
  safetyHeading: 'Safety',
  safetyOk: 'Safe to open',
  safetyCaution: 'Open with care',
  safetyDanger: 'Dangerous — not opened',
  reasonsNone: 'No warnings.',
  reasonInfo: 'Note',
  reasonCaution: 'Caution',
  reasonDanger: 'Danger',
  appLinksHeading: 'App links for this target',
  appLinksNone: 'No app links for this target.',
  copy: 'Copy',
  copyNamed: 'Copy {name}',
  copied: 'Copied',
  copyFailed: 'Copy failed: select the text and copy it yourself',
  makeHeading: 'Make a share',
  makeUrlLabel: 'Product or page URL',
  makeUrlHint: 'An https link of any platform, e.g. a Taobao, JD or Bilibili page.',
  makeTitleLabel: 'Title',
  makePriceLabel: 'Price',
  makeBrandLabel: 'Brand or shop',
  makeOptional: '(optional)',
  makeButton: 'Make',
  makeErrorUrl: 'Enter an http(s) URL.',
  makeError: 'Could not make it: {reason}',
  makeErrorPrice: 'Enter the price as a number, e.g. 39.9.',
  makeErrorDanger: 'This link is dangerous, so nothing was made for it: {reason}',
  tokenHeading: 'Our token',
  shareTextHeading: 'Share text',
  posterHeading: 'Poster',
  posterAlt: 'Poster for {title} with a QR code',
  posterDownload: 'Download PNG',
  posterReadBack: 'Read this poster back',
  posterError: 'The poster could not be drawn: {reason}',
  qrFor: 'QR code for {name}',
  formWeb: 'Web',
  formScheme: 'App scheme',
  formIntent: 'Android intent',
  formUniversal: 'Universal link',
  formWrapper: 'Open inside {app}',
  source_url: 'a URL',
  'source_share-text': 'a share text',
  'source_sharekit-token': 'a sharekit token',
  'source_app-link': 'an app link',
  'source_qr-image': 'a QR code in an image',
  reason_empty: 'Paste something first.',
  'reason_too-large': 'The input is too large.',
  'reason_no-target': 'No link, token or app link was recognised in it.',
  'reason_image-unreadable': 'The image could not be read.',
  'reason_image-too-large': 'The image is too large.',
  'reason_no-qr-code': 'No QR code was found in the image.',
  'reason_image-decoder-unavailable': 'This browser cannot decode that image format.',
  footer: 'Runs entirely in your browser: nothing is sent anywhere.',
  qrEngineNote: 'QR reading: {engine}.',
} as const;

/** A key of the string tables. */
export type MessageKey = keyof typeof en;

const zh: Readonly<Record<MessageKey, string>> = {
  pageTitle: 'sharekit — 任何分享码变成一个安全的链接',
  appName: 'sharekit',
  tagline: '把任何分享口令、海报或应用链接变成可点击的链接，也能生成它们。',
  switchLang: 'English',
  switchLangLabel: '（切换界面语言）',
  skipToInput: '跳到输入框',
  navRead: '识别',
  navMake: '生成',
  readHeading: '识别分享内容',
  readInputLabel: '分享文字、口令、应用链接或网址',
  readInputHint:
    '在这里粘贴文字，或粘贴、拖入、选择一张图片（海报、截图、照片）。按 Enter 识别，Shift+Enter 换行。内容不会离开本页面。',
  readPlaceholder: '【淘宝】https://m.tb.cn/h.5xYz ￥CZ3457 Hw7Ab￥ …',
  readButton: '识别',
  chooseImage: '选择图片',
  dropHere: '把图片拖到这里',
  cameraStart: '用摄像头扫码',
  cameraStop: '关闭摄像头',
  cameraLabel: '摄像头画面',
  cameraUnavailable: '此浏览器不向页面提供摄像头（需要 https 或 localhost，并经你允许）。',
  cameraDenied: '无法打开摄像头：{reason}',
  cameraScanning: '正在扫描…请把二维码对准摄像头。',
  statusReading: '正在识别…',
  statusReadingImage: '正在识别图片…',
  statusFound: '找到 {n} 个目标。',
  statusFoundOne: '找到 1 个目标。',
  statusNothing: '没有找到可以打开的内容。',
  statusError: '出错了：{reason}',
  imageFrom: '图片：{name}（{w}×{h}）',
  resultsHeading: '识别结果',
  targetN: '目标 {n}',
  linkLabel: '链接',
  openLink: '打开链接',
  notALink: '不是链接——只以文字显示',
  dangerTextLabel: '原始内容（请勿打开）',
  platform: '平台',
  kind: '类型',
  id: '编号',
  unknownPlatform: '未知平台',
  title: '标题',
  token: '口令',
  channelCode: '渠道码',
  source: '来源',
  stepsHeading: '识别步骤',
  safetyHeading: '安全',
  safetyOk: '可以放心打开',
  safetyCaution: '打开前请留意',
  safetyDanger: '危险——不提供链接',
  reasonsNone: '没有警告。',
  reasonInfo: '说明',
  reasonCaution: '注意',
  reasonDanger: '危险',
  appLinksHeading: '此目标的应用链接',
  appLinksNone: '此目标没有应用链接。',
  copy: '复制',
  copyNamed: '复制{name}',
  copied: '已复制',
  copyFailed: '复制失败：请选中文字自行复制',
  makeHeading: '生成分享',
  makeUrlLabel: '商品或页面网址',
  makeUrlHint: '任何平台的 https 链接，例如淘宝、京东或哔哩哔哩的页面。',
  makeTitleLabel: '标题',
  makePriceLabel: '价格',
  makeBrandLabel: '品牌或店铺',
  makeOptional: '（可选）',
  makeButton: '生成',
  makeErrorUrl: '请输入 http(s) 网址。',
  makeError: '无法生成：{reason}',
  makeErrorPrice: '价格请填数字，例如 39.9。',
  makeErrorDanger: '这个链接有危险，因此没有为它生成任何内容：{reason}',
  tokenHeading: '我们的口令',
  shareTextHeading: '分享文字',
  posterHeading: '海报',
  posterAlt: '「{title}」的海报，带二维码',
  posterDownload: '下载 PNG',
  posterReadBack: '识别这张海报',
  posterError: '海报无法绘制：{reason}',
  qrFor: '{name}的二维码',
  formWeb: '网页',
  formScheme: '应用协议链接',
  formIntent: '安卓 intent',
  formUniversal: '通用链接',
  formWrapper: '在{app}中打开',
  source_url: '网址',
  'source_share-text': '分享文字',
  'source_sharekit-token': 'sharekit 口令',
  'source_app-link': '应用链接',
  'source_qr-image': '图片中的二维码',
  reason_empty: '请先粘贴内容。',
  'reason_too-large': '输入内容太大。',
  'reason_no-target': '没有识别出链接、口令或应用链接。',
  'reason_image-unreadable': '无法读取这张图片。',
  'reason_image-too-large': '图片太大。',
  'reason_no-qr-code': '图片中没有找到二维码。',
  'reason_image-decoder-unavailable': '此浏览器无法解码这种图片格式。',
  footer: '完全在你的浏览器中运行：不会发送任何内容。',
  qrEngineNote: '二维码识别：{engine}。',
};

/** The string tables, one per language. */
export const MESSAGES: Readonly<Record<Lang, Readonly<Record<MessageKey, string>>>> = { en, zh };

/** Platform names as people know them: canonical-url's registry (`name`, `nameZh`), keyed by platform id. */
export const PLATFORM_NAMES: Readonly<Record<PlatformId, Readonly<Record<Lang, string>>>> =
  Object.fromEntries(PLATFORMS.map((row) => [row.id, { en: row.name, zh: row.nameZh }])) as Record<
    PlatformId,
    Readonly<Record<Lang, string>>
  >;

/** Content kinds: canonical-url's one table of kind names. */
export const KIND_NAMES: Readonly<Record<ContentKind, Readonly<Record<Lang, string>>>> = SHARED_KIND_NAMES;

/**
 * The string for `key` in `lang`, with `{name}` slots filled from `values`.
 *
 * @example
 * t('zh', 'statusFound', { n: 2 }) // '找到 2 个目标。'
 */
export function t(
  lang: Lang,
  key: MessageKey,
  values: Readonly<Record<string, string | number>> = {},
): string {
  const template = MESSAGES[lang][key];
  // regex-safe: a literal brace, a bounded word run, a literal brace
  return template.replace(/\{(\w{1,20})\}/g, (slot, name: string) =>
    name in values ? String(values[name]) : slot,
  );
}

/**
 * The interface language to start with: Chinese when the browser prefers any Chinese, else English.
 *
 * @example
 * defaultLang(['zh-TW', 'en']) // 'zh'
 */
export function defaultLang(languages: readonly string[]): Lang {
  for (const tag of languages) {
    const primary = tag.toLowerCase().split('-')[0];
    if (primary === 'zh') return 'zh';
    if (primary === 'en') return 'en';
  }
  return 'en';
}

/**
 * A platform's display name, or the id itself for a platform the table does not know yet.
 *
 * @example
 * platformName('jd', 'zh') // '京东'
 */
export function platformName(id: string | null, lang: Lang): string {
  if (id === null) return t(lang, 'unknownPlatform');
  return PLATFORM_NAMES[id as PlatformId]?.[lang] ?? id;
}

/**
 * A content kind's display name.
 *
 * @example
 * kindName('item', 'en') // 'product'
 */
export function kindName(kind: string | null, lang: Lang): string {
  if (kind === null) return '';
  return KIND_NAMES[kind as ContentKind]?.[lang] ?? kind;
}
