import type { MiniProgramTemplate } from './apps.js';
import { DeepLinkError, preview } from './errors.js';
import { fillTemplate } from './template.js';

/**
 * The Mini Program link templates of WeChat (URL Scheme: a server-issued ticket, or the plaintext form
 * since 2023-12-19, whose page must be declared in the admin console and whose query is at most 512
 * encoded characters; both work only outside WeChat) and Alipay (startapp: page and query
 * percent-encoded, or only the first parameter survives). Kept with `miniProgramLink`, their only
 * reader, out of the main entry's app rows.
 * @example
 * MINI_PROGRAM_TEMPLATES.alipay[0]?.template // 'alipays://platformapi/startapp?appId={appId}&page={page}&query={query}'
 */
export const MINI_PROGRAM_TEMPLATES: {
  readonly wechat: readonly MiniProgramTemplate[];
  readonly alipay: readonly MiniProgramTemplate[];
} = {
  wechat: [
    { name: 'ticket', template: 'weixin://dl/business/?t={ticket}', confidence: 'A' },
    {
      name: 'plaintext',
      template: 'weixin://dl/business/?appid={appId}&path={path}&query={query}&env_version={envVersion}',
      confidence: 'A',
    },
  ],
  alipay: [
    {
      name: 'startapp',
      template: 'alipays://platformapi/startapp?appId={appId}&page={page}&query={query}',
      confidence: 'A',
    },
  ],
};

/** A WeChat Mini Program page (plaintext URL Scheme, since 2023-12-19) or a server-issued ticket. */
export type WeChatMiniProgram =
  | {
      readonly app: 'wechat';
      /** The Mini Program's AppID (`wx` + 16 hex digits). */
      readonly appId: string;
      /** The page path, declared in the admin console (e.g. `pages/item/index`). */
      readonly path: string;
      /** The page query, unencoded (`id=1&from=share`); at most 512 characters once encoded. @default '' */
      readonly query?: string;
      /** @default 'release' */
      readonly envVersion?: 'release' | 'trial' | 'develop';
    }
  | {
      readonly app: 'wechat';
      /** A ticket from the URL Scheme server API or the admin tool (`weixin://dl/business/?t=…`). */
      readonly ticket: string;
    };

/** An Alipay Mini Program page (`alipays://platformapi/startapp`). */
export interface AlipayMiniProgram {
  readonly app: 'alipay';
  /** The Mini Program's appId (16 digits). */
  readonly appId: string;
  /** The page path. @default '' (the home page) */
  readonly page?: string;
  /** The page query, unencoded. @default '' */
  readonly query?: string;
}

export type MiniProgramTarget = WeChatMiniProgram | AlipayMiniProgram;

function template(app: 'wechat' | 'alipay', name: string) {
  const spec = MINI_PROGRAM_TEMPLATES[app].find((m) => m.name === name);
  if (!spec) throw new Error(`no ${name} template for ${app}`);
  return spec.template;
}

const WECHAT_TICKET = template('wechat', 'ticket');
const WECHAT_PLAIN = template('wechat', 'plaintext');
const ALIPAY_START = template('alipay', 'startapp');

function check(ok: boolean, what: string, value: unknown): void {
  if (!ok) throw new DeepLinkError('invalid_input', `expected ${what}, found ${preview(String(value))}`);
}

function isPath(text: unknown): text is string {
  if (typeof text !== 'string' || text.length > 256) return false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c <= 0x20 || c === 0x7f || c === 0x3f /* ? */ || c === 0x23 /* # */) return false;
  }
  return true;
}

/**
 * Builds the link that opens a WeChat or Alipay Mini Program page from outside the app.
 * Mini Programs have no web page: `parseAppLink` reads a plaintext or startapp link as `kind: 'miniprogram'`
 * with its app id (a ticket link, which names none, as WeChat's page).
 * WeChat: works only outside WeChat (inside, use the `wx-open-launch-weapp` tag); on Android only
 * from an H5 page that navigates to it.
 *
 * Throws `DeepLinkError` `invalid_input` for a malformed appId, path, ticket or an over-long query.
 * @example
 * miniProgramLink({ app: 'wechat', appId: 'wx1234567890abcdef', path: 'pages/item/index', query: 'id=42' })
 * // 'weixin://dl/business/?appid=wx1234567890abcdef&path=pages%2Fitem%2Findex&query=id%3D42&env_version=release'
 * miniProgramLink({ app: 'alipay', appId: '2021001234567890', page: 'pages/index/index', query: 'a=1&b=2' })
 * // 'alipays://platformapi/startapp?appId=2021001234567890&page=pages%2Findex%2Findex&query=a%3D1%26b%3D2'
 */
export function miniProgramLink(target: MiniProgramTarget): string {
  if (typeof target !== 'object' || target === null)
    throw new DeepLinkError('invalid_input', 'expected a Mini Program target');
  if (target.app === 'wechat') {
    if ('ticket' in target) {
      check(
        typeof target.ticket === 'string' && /^[0-9A-Za-z_-]{1,128}$/.test(target.ticket),
        'a URL Scheme ticket',
        target.ticket,
      );
      return fillTemplate(WECHAT_TICKET, { ticket: target.ticket });
    }
    check(
      typeof target.appId === 'string' && /^wx[0-9a-f]{16}$/.test(target.appId),
      'a WeChat AppID (wx + 16 hex)',
      target.appId,
    );
    check(isPath(target.path) && target.path.length > 0, 'a page path without spaces, ? or #', target.path);
    const query = target.query ?? '';
    check(
      typeof query === 'string' && encodeURIComponent(query).length <= 512,
      'a query of at most 512 encoded characters',
      query,
    );
    const env = target.envVersion ?? 'release';
    check(['release', 'trial', 'develop'].includes(env), "envVersion 'release', 'trial' or 'develop'", env);
    return fillTemplate(WECHAT_PLAIN, { appId: target.appId, path: target.path, query, envVersion: env });
  }
  if (target.app === 'alipay') {
    check(
      typeof target.appId === 'string' && /^\d{16}$/.test(target.appId),
      'an Alipay appId (16 digits)',
      target.appId,
    );
    const page = target.page ?? '';
    check(isPath(page), 'a page path without spaces, ? or #', page);
    const query = target.query ?? '';
    check(typeof query === 'string' && query.length <= 2048, 'a query of at most 2048 characters', query);
    return fillTemplate(ALIPAY_START, { appId: target.appId, page, query });
  }
  throw new DeepLinkError(
    'invalid_input',
    `expected app 'wechat' or 'alipay', found ${preview(String((target as { app?: unknown }).app))}`,
  );
}
