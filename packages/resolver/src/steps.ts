import {
  isPlatformId,
  type LinkIdentity,
  PLATFORM_NAMES,
  PLATFORM_NAMES_ZH,
  type PlatformId,
} from '@sharekit/canonical-url/core';
import { KIND_NAMES } from './platforms.js';
import type { Step, StepKind } from './types.js';

const DETAIL_MAX = 200;

function cut(text: string): string {
  return text.length <= DETAIL_MAX ? text : `${text.slice(0, DETAIL_MAX - 1)}…`;
}

export function step(kind: StepKind, label: string, labelZh: string, detail?: string): Step {
  return detail === undefined ? { kind, label, labelZh } : { kind, label, labelZh, detail: cut(detail) };
}

/** Names of share platforms that are not link platforms (Alipay's 吱口令 has no web page). */
const OTHER_NAMES: Readonly<Record<string, { en: string; zh: string }>> = {
  alipay: { en: 'Alipay', zh: '支付宝' },
};

export function platformName(platform: PlatformId | string | null): { en: string; zh: string } {
  if (platform === null) return { en: 'an unknown platform', zh: '未知平台' };
  if (isPlatformId(platform)) return { en: PLATFORM_NAMES[platform], zh: PLATFORM_NAMES_ZH[platform] };
  return OTHER_NAMES[platform] ?? { en: platform, zh: platform };
}

/**
 * Where a step's link points, for its label: host and port (`shop.example:8080`), the scheme of a
 * host-less link (`javascript:`), or the text's start when it does not parse. Display only; code that
 * matches hosts uses canonical-url `hostOf`.
 */
function placeLabel(url: string): string {
  try {
    const u = new URL(url);
    return u.host || u.protocol;
  } catch {
    return url.slice(0, 60);
  }
}

export const steps = {
  shareText(platform: PlatformId | string | null, excerpt: string): Step {
    const name = platformName(platform);
    return step('share-text', `share text from ${name.en}`, `${name.zh}分享文字`, excerpt);
  },
  token(token: string, corrected: boolean): Step {
    return step(
      'sharekit-token',
      corrected ? 'sharekit token (one character corrected)' : 'sharekit token',
      corrected ? 'sharekit 口令（已纠正一个字符）' : 'sharekit 口令',
      token,
    );
  },
  platformToken(platform: PlatformId | string | null, token: string): Step {
    const name = platformName(platform);
    return step('share-text', `${name.en} share token`, `${name.zh}口令`, token);
  },
  appLink(app: string | null, forms: readonly string[], raw: string): Step {
    const via = forms.length > 0 ? ` (${forms.join(' → ')})` : '';
    return step(
      'app-link',
      `app link${app ? ` for ${app}` : ''}${via}`,
      `App 链接${app ? `（${app}）` : ''}`,
      raw,
    );
  },
  qr(index: number, engine: string, text: string): Step {
    return step('qr-code', `QR code ${index + 1} (read by ${engine})`, `第 ${index + 1} 个二维码`, text);
  },
  url(url: string): Step {
    const host = placeLabel(url);
    return step('url', `link on ${host}`, `链接 ${host}`, url);
  },
  shortLink(url: string): Step {
    const host = placeLabel(url);
    return step('short-link', `short link ${host}`, `短链接 ${host}`, url);
  },
  redirect(url: string, via: string): Step {
    const host = placeLabel(url);
    return step(
      'redirect',
      `${via === 'script' ? 'page script' : 'redirect'} → ${host}`,
      `跳转 → ${host}`,
      url,
    );
  },
  unwrap(wrapper: string, param: string, target: string): Step {
    const host = placeLabel(target);
    const from = wrapper.split('/')[0] ?? wrapper;
    return step(
      'unwrap',
      `wrapper ${from} (${param}=) → ${host}`,
      `跳转页 ${from}（${param}=）→ ${host}`,
      target,
    );
  },
  identity(identity: LinkIdentity): Step {
    const name = platformName(identity.platform);
    const kind = KIND_NAMES[identity.kind];
    const id = identity.id ?? '';
    return step(
      'identity',
      `${name.en} ${kind.en}${id ? ` ${id}` : ''}`,
      `${name.zh}${kind.zh}${id ? ` ${id}` : ''}`,
      identity.url,
    );
  },
  blocked(why: string, whyZh: string, raw: string): Step {
    return step('blocked', `blocked: ${why}`, `已拦截：${whyZh}`, raw);
  },
  error(why: string, whyZh: string): Step {
    return step('error', why, whyZh);
  },
};
