import { judgeTarget, type LinkIdentity, levelOf, TARGET_REASONS } from '@sharekit/canonical-url/core';
import type { ResolverReasonCode, Safety, SafetyCode, SafetyReason } from './types.js';

/** The levels of the resolver's own reasons (about redirects and tokens, not the target). */
const RESOLVER_REASONS = {
  'long-redirect-chain': 'caution',
  'resolution-failed': 'caution',
  'private-target': 'danger',
  'corrected-token': 'info',
  'token-only': 'info',
} as const satisfies Record<ResolverReasonCode, SafetyReason['level']>;

const LEVELS: Readonly<Record<SafetyCode, SafetyReason['level']>> = {
  ...TARGET_REASONS,
  ...RESOLVER_REASONS,
};

/** The sentences shown for each reason; the levels are canonical-url's judge's (and the table above). */
const MESSAGES: Readonly<Record<SafetyCode, { en: string; zh: string }>> = {
  'unsafe-scheme': {
    en: 'The target is not a web page (its scheme can run code or read files); it is never made clickable.',
    zh: '目标不是网页（该协议可能执行代码或读取文件），不会生成可点击链接。',
  },
  'lookalike-host': {
    en: 'The host imitates a platform domain without belonging to it.',
    zh: '该域名冒充平台域名，但并不属于该平台。',
  },
  credentials: {
    en: 'The link carries a user name or password before "@"; the real host is the part after it.',
    zh: '链接在 “@” 前带有用户名或密码；真正的域名在 “@” 之后。',
  },
  'idn-mixed-script': {
    en: 'The host mixes alphabets (for example Latin and Cyrillic), a common disguise.',
    zh: '域名混用了不同文字（如拉丁字母与西里尔字母），常见于仿冒网站。',
  },
  idn: {
    en: 'The host is written in non-Latin letters; check that it is the site you expect.',
    zh: '域名含有非拉丁字母，请确认它是你要访问的网站。',
  },
  'private-network': {
    en: 'The target is inside a private network (a local, loopback or reserved address); it is never made clickable.',
    zh: '目标位于内部网络（本机、回环或保留地址），不会生成可点击链接。',
  },
  'invalid-url': {
    en: 'The target is not a valid web address; it is never made clickable.',
    zh: '目标不是有效的网址，不会生成可点击链接。',
  },
  'ip-literal': {
    en: 'The link points at a bare IP address instead of a named site.',
    zh: '链接指向裸 IP 地址，而不是有名称的网站。',
  },
  'insecure-http': {
    en: 'The page is served over plain http, without encryption.',
    zh: '该页面使用未加密的 http。',
  },
  'unknown-shortener': {
    en: 'A generic short link: where it leads is unknown until it is followed.',
    zh: '通用短链接：在跳转之前无法知道它指向哪里。',
  },
  'short-link-unresolved': {
    en: 'A platform short link; it was not followed (offline), so the item behind it is not known yet.',
    zh: '平台短链接；未联网跳转，因此还不知道它指向的具体内容。',
  },
  'long-redirect-chain': {
    en: 'The link went through an unusually long chain of redirects.',
    zh: '该链接经过了异常多次的跳转。',
  },
  'resolution-failed': {
    en: 'Following the short link failed; its target could not be checked.',
    zh: '短链接跳转失败，无法检查其目标。',
  },
  'private-target': {
    en: 'The short link leads into a private network (a loopback, private, link-local or internal address, or an unusual port); it was not followed and is not made clickable.',
    zh: '短链接指向内部网络（回环、私有、链路本地或内部地址，或非常规端口），未跳转，也不会生成可点击链接。',
  },
  'not-a-platform': {
    en: 'A web page of no known shopping or video platform.',
    zh: '不属于已知购物或视频平台的网页。',
  },
  'corrected-token': {
    en: 'One mistyped character of the token was corrected by its check symbols.',
    zh: '口令中一个输错的字符已由校验位纠正。',
  },
  'token-only': {
    en: 'A platform share token without a link: copy it and open the platform app to see the item.',
    zh: '没有链接的平台口令：复制后打开对应 App 即可查看。',
  },
};

/** Builds a reason from its code (messages live in one table). */
export function reason(code: SafetyCode, detail?: string): SafetyReason {
  const m = MESSAGES[code];
  return {
    code,
    level: LEVELS[code],
    message: detail ? `${m.en} (${detail})` : m.en,
    messageZh: detail ? `${m.zh}（${detail}）` : m.zh,
  };
}

/** The level of a set of reasons: the worst of them; each code once. */
export function safetyOf(reasons: readonly SafetyReason[]): Safety {
  const unique = reasons.filter((r, i) => reasons.findIndex((o) => o.code === r.code) === i);
  return { level: levelOf(unique), reasons: unique };
}

/**
 * What canonical-url's judge says about opening `raw` as a web page, as displayable reasons, with the
 * link to open (`null` for danger) and the identity. Works on the URL as found (before
 * canonicalisation drops credentials), so a `platform.com@evil.example` disguise is seen.
 */
export function judgeUrl(raw: string): {
  link: string | null;
  identity: LinkIdentity | null;
  reasons: SafetyReason[];
} {
  const reading = judgeTarget(raw);
  return {
    link: reading.url,
    identity: reading.identity,
    reasons: reading.reasons.map((r) => reason(r.code, r.detail)),
  };
}
