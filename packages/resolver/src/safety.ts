import { identify, inspectHost, type LinkIdentity, schemeOf } from '@sharekit/canonical-url';
import { GENERIC_SHORTENERS } from './platforms.js';
import type { Safety, SafetyCode, SafetyReason } from './types.js';

const MESSAGES: Readonly<Record<SafetyCode, { level: SafetyReason['level']; en: string; zh: string }>> = {
  'unsafe-scheme': {
    level: 'danger',
    en: 'The target is not a web page (its scheme can run code or read files); it is never made clickable.',
    zh: '目标不是网页（该协议可能执行代码或读取文件），不会生成可点击链接。',
  },
  'lookalike-host': {
    level: 'danger',
    en: 'The host imitates a platform domain without belonging to it.',
    zh: '该域名冒充平台域名，但并不属于该平台。',
  },
  credentials: {
    level: 'caution',
    en: 'The link carries a user name or password before "@"; the real host is the part after it.',
    zh: '链接在 “@” 前带有用户名或密码；真正的域名在 “@” 之后。',
  },
  'idn-mixed-script': {
    level: 'caution',
    en: 'The host mixes alphabets (for example Latin and Cyrillic), a common disguise.',
    zh: '域名混用了不同文字（如拉丁字母与西里尔字母），常见于仿冒网站。',
  },
  'ip-literal': {
    level: 'caution',
    en: 'The link points at a bare IP address instead of a named site.',
    zh: '链接指向裸 IP 地址，而不是有名称的网站。',
  },
  'insecure-http': {
    level: 'caution',
    en: 'The page is served over plain http, without encryption.',
    zh: '该页面使用未加密的 http。',
  },
  'unknown-shortener': {
    level: 'caution',
    en: 'A generic short link: where it leads is unknown until it is followed.',
    zh: '通用短链接：在跳转之前无法知道它指向哪里。',
  },
  'short-link-unresolved': {
    level: 'info',
    en: 'A platform short link; it was not followed (offline), so the item behind it is not known yet.',
    zh: '平台短链接；未联网跳转，因此还不知道它指向的具体内容。',
  },
  'long-redirect-chain': {
    level: 'caution',
    en: 'The link went through an unusually long chain of redirects.',
    zh: '该链接经过了异常多次的跳转。',
  },
  'resolution-failed': {
    level: 'caution',
    en: 'Following the short link failed; its target could not be checked.',
    zh: '短链接跳转失败，无法检查其目标。',
  },
  'private-target': {
    level: 'danger',
    en: 'The short link leads into a private network (a loopback, private, link-local or internal address, or an unusual port); it was not followed and is not made clickable.',
    zh: '短链接指向内部网络（回环、私有、链路本地或内部地址，或非常规端口），未跳转，也不会生成可点击链接。',
  },
  'not-a-platform': {
    level: 'info',
    en: 'A web page of no known shopping or video platform.',
    zh: '不属于已知购物或视频平台的网页。',
  },
  'corrected-token': {
    level: 'info',
    en: 'One mistyped character of the token was corrected by its check symbols.',
    zh: '口令中一个输错的字符已由校验位纠正。',
  },
  'token-only': {
    level: 'info',
    en: 'A platform share token without a link: copy it and open the platform app to see the item.',
    zh: '没有链接的平台口令：复制后打开对应 App 即可查看。',
  },
};

/** Builds a reason from its code (messages live in one table). */
export function reason(code: SafetyCode, detail?: string): SafetyReason {
  const m = MESSAGES[code];
  return {
    code,
    level: m.level,
    message: detail ? `${m.en} (${detail})` : m.en,
    messageZh: detail ? `${m.zh}（${detail}）` : m.zh,
  };
}

const RANK = { info: 0, caution: 1, danger: 2 } as const;

/** The level of a set of reasons: the worst of them. */
export function safetyOf(reasons: readonly SafetyReason[]): Safety {
  let worst = 0;
  for (const r of reasons) worst = Math.max(worst, RANK[r.level]);
  const unique = reasons.filter((r, i) => reasons.findIndex((o) => o.code === r.code) === i);
  return { level: worst === 2 ? 'danger' : worst === 1 ? 'caution' : 'ok', reasons: unique };
}

/**
 * What is wrong with opening `raw` as a web page. Works on the URL as found (before
 * canonicalisation drops credentials), so a `platform.com@evil.example` disguise is seen.
 */
export function assessUrl(raw: string, identity: LinkIdentity | null): SafetyReason[] {
  const reasons: SafetyReason[] = [];
  const scheme = schemeOf(raw);
  if (scheme && scheme !== 'http' && scheme !== 'https') return [reason('unsafe-scheme', `${scheme}:`)];
  let url: URL;
  try {
    url = new URL(scheme ? raw : `https://${raw.replace(/^\/\//, '')}`);
  } catch {
    return [reason('unsafe-scheme', 'not a URL')];
  }
  if (url.username || url.password) {
    reasons.push(reason('credentials'));
    const user = decodeURIComponent(url.username);
    if (user.includes('.')) {
      try {
        const spoof = inspectHost(user);
        if (spoof.platform !== null || spoof.warnings.some((w) => w.startsWith('lookalike:'))) {
          reasons.push(reason('lookalike-host', `"${user}@" is not the host; the host is ${url.hostname}`));
        }
      } catch {
        // Not a host: nothing more to say about it.
      }
    }
  }
  let host: ReturnType<typeof inspectHost>;
  try {
    host = inspectHost(url.hostname);
  } catch {
    return [...reasons, reason('unsafe-scheme', 'no host')];
  }
  for (const w of host.warnings) {
    if (w.startsWith('lookalike:'))
      reasons.push(reason('lookalike-host', `${host.unicodeHost} imitates ${w.slice(10)}`));
    else if (w === 'idn-mixed-script') reasons.push(reason('idn-mixed-script', host.unicodeHost));
    else if (w === 'ip-literal') reasons.push(reason('ip-literal', host.host));
  }
  if (url.protocol === 'http:' && host.platform === null) reasons.push(reason('insecure-http'));
  if (GENERIC_SHORTENERS.includes(host.host)) reasons.push(reason('unknown-shortener', host.host));
  else if (identity?.kind === 'short') reasons.push(reason('short-link-unresolved', host.host));
  else if (host.platform === null) reasons.push(reason('not-a-platform', host.unicodeHost));
  return reasons;
}

/** The identity of a URL, or null (never throws). */
export function safeIdentify(url: string): LinkIdentity | null {
  try {
    return identify(url);
  } catch {
    return null;
  }
}
