// The make side: tokens, share texts, posters and app links for a target URL.
import { writeFileSync } from 'node:fs';
import {
  type Candidate,
  composeShareText,
  decodeToken,
  encodeToken,
  identify,
  type LinkIdentity,
  resolve,
  toAppLinks,
} from '@sharekit/resolver';
import { choiceOption, flag, parseCommandArgs, stringOption } from '../args.js';
import { CliError, EXIT, libraryErrorCode } from '../errors.js';
import { table } from '../format.js';
import { HELP } from '../help.js';
import { type Lang, pickLang, t } from '../i18n.js';
import type { Io } from '../io.js';
import { defang, escapeControls, makeStyle } from '../text.js';
import { fontOption } from './batch.js';

/**
 * Turns an error of a codec (bad target, unsafe target) into a CLI error: an unsafe target is a
 * refusal (exit 1), anything else a usage error (exit 2).
 */
function codecError(command: string, error: unknown): never {
  const code = libraryErrorCode(error);
  if (code === null) throw error;
  const message = (error as Error).message;
  if (code.startsWith('unsafe'))
    throw new CliError('refused', `refusing an unsafe target: ${message}`, undefined, { cause: error });
  throw new CliError('usage', message, `see: sharekit ${command} --help`, { cause: error });
}

/**
 * The first dangerous target the resolver finds in `url` (a javascript:/data:/file: URL, a look-alike
 * or mixed-script host, credentials in the URL …), or `null`. Nothing is made for such a target.
 */
async function dangerIn(url: string): Promise<Candidate | null> {
  const resolution = await resolve(url);
  return resolution.candidates.find((c) => c.safety.level === 'danger') ?? null;
}

function refusal(candidate: Candidate, lang: Lang): CliError {
  const reasons = candidate.safety.reasons
    .filter((r) => r.level === 'danger')
    .map((r) => `${lang === 'zh' ? r.messageZh : r.message} (${r.code})`);
  return new CliError(
    'refused',
    `refusing an unsafe target: ${reasons.join('; ') || candidate.safety.level}`,
  );
}

/**
 * Refuses a dangerous target with status 1 before anything is made for it; says on stderr why a
 * target deserves caution (plain http, an IP address, credentials in the URL …).
 */
async function refuseDanger(url: string, lang: Lang, io: Io): Promise<void> {
  const resolution = await resolve(url);
  const danger = resolution.candidates.find((c) => c.safety.level === 'danger');
  if (danger) throw refusal(danger, lang);
  for (const c of resolution.candidates) {
    for (const r of c.safety.reasons) {
      if (r.level === 'caution')
        io.err(`sharekit: caution: ${lang === 'zh' ? r.messageZh : r.message} (${r.code})\n`);
    }
  }
}

function oneUrl(command: string, positionals: readonly string[], what = '<url>'): string {
  if (positionals.length === 0) throw new CliError('usage', `missing ${what}`, `sharekit ${command} ${what}`);
  if (positionals.length > 1) {
    throw new CliError(
      'usage',
      `expected one ${what}, found ${positionals.length} arguments (quote it)`,
      `sharekit ${command} '${what}'`,
    );
  }
  return positionals[0] as string;
}

/**
 * The platform identity of a link with an id (so tokens and share texts use the short compact form
 * and the canonical URL), else the URL itself.
 */
function targetOf(url: string): LinkIdentity | string {
  let identity: LinkIdentity | null = null;
  try {
    identity = identify(url);
  } catch {
    identity = null;
  }
  return identity && identity.id !== null && identity.kind !== 'short' ? identity : url;
}

function identityText(identity: { platform: string; kind: string; id: string | null } | null): string | null {
  return identity
    ? [identity.platform, identity.kind, identity.id].filter((x) => x !== null).join(' · ')
    : null;
}

/** `sharekit token encode|decode`. */
export async function tokenCommand(argv: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs('token', argv, {
    json: { type: 'boolean' },
    form: { type: 'string' },
  });
  if (flag(values, 'help')) {
    io.out(HELP.token);
    return EXIT.ok;
  }
  const lang = pickLang(values, 'token', io.env);
  const [verb, ...rest] = positionals;
  if (verb === 'encode') {
    const url = oneUrl('token encode', rest);
    await refuseDanger(url, lang, io);
    const form = choiceOption(values, 'form', 'token', ['auto', 'compact', 'url'] as const) ?? 'auto';
    let token: string;
    try {
      token = encodeToken(form === 'url' ? url : targetOf(url), { form });
    } catch (error) {
      codecError('token', error);
    }
    if (flag(values, 'json')) {
      const decoded = decodeToken(token);
      io.out(
        `${JSON.stringify({ token, link: decoded.url, identity: decoded.identity, form: decoded.form }, null, 2)}\n`,
      );
    } else io.out(`${token}\n`);
    return EXIT.ok;
  }
  if (verb === 'decode') {
    const token = oneUrl('token decode', rest, '<token>');
    if (values.form !== undefined)
      throw new CliError('usage', '--form is an option of token encode', 'see: sharekit token --help');
    let decoded: ReturnType<typeof decodeToken>;
    try {
      decoded = decodeToken(token);
    } catch (error) {
      if (libraryErrorCode(error) === null) throw error;
      io.err(`sharekit: not a valid sharekit token: ${(error as Error).message}\n`);
      return EXIT.notFound;
    }
    // A URL token can carry any URL: judge it like any other link before printing it as one.
    const danger = await dangerIn(decoded.url);
    if (danger) {
      if (flag(values, 'json')) {
        io.out(
          `${JSON.stringify({ link: null, raw: decoded.url, safety: danger.safety, corrected: decoded.corrected, form: decoded.form, token: decoded.token }, null, 2)}\n`,
        );
      } else {
        const style = makeStyle(io.stdoutIsTty, io.env);
        io.out(`${style.red(style.bold(`⚠ ${t(lang, 'dangerBanner')}`))}\n`);
        io.out(
          `${table(
            [
              [t(lang, 'target'), style.red(defang(decoded.url))],
              [t(lang, 'token'), decoded.token],
            ],
            style,
          ).join('\n')}\n`,
        );
        io.err(`sharekit: ${refusal(danger, lang).message}\n`);
      }
      return EXIT.notFound;
    }
    if (flag(values, 'json')) {
      io.out(
        `${JSON.stringify({ link: decoded.url, identity: decoded.identity, corrected: decoded.corrected, form: decoded.form, token: decoded.token }, null, 2)}\n`,
      );
      return EXIT.ok;
    }
    const style = makeStyle(io.stdoutIsTty, io.env);
    const rows: [string, string][] = [[t(lang, 'link'), style.cyan(escapeControls(decoded.url))]];
    const identity = identityText(decoded.identity);
    if (identity) rows.push([t(lang, 'platform'), identity]);
    rows.push([t(lang, 'token'), decoded.token]);
    io.out(`${table(rows, style).join('\n')}\n`);
    if (decoded.corrected) io.err(`sharekit: ${t(lang, 'corrected')}\n`);
    return EXIT.ok;
  }
  throw new CliError(
    'usage',
    verb === undefined ? 'missing encode or decode' : `unknown token command ${JSON.stringify(verb)}`,
    'sharekit token encode <url> | sharekit token decode <token>',
  );
}

/** `sharekit share`. */
export async function shareCommand(argv: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs('share', argv, {
    title: { type: 'string' },
    brand: { type: 'string' },
    locale: { type: 'string' },
    template: { type: 'string' },
    json: { type: 'boolean' },
  });
  if (flag(values, 'help')) {
    io.out(HELP.share);
    return EXIT.ok;
  }
  const url = oneUrl('share', positionals);
  const lang = pickLang(values, 'share', io.env);
  const title = stringOption(values, 'title');
  if (title === undefined)
    throw new CliError('usage', 'missing --title', `sharekit share '${url}' --title '…'`);
  const locale = choiceOption(values, 'locale', 'share', ['zh', 'en'] as const);
  const brand = stringOption(values, 'brand');
  const template = stringOption(values, 'template');
  await refuseDanger(url, lang, io);
  let text: string;
  try {
    text = composeShareText({
      target: targetOf(url),
      title,
      ...(brand === undefined ? {} : { brand }),
      ...(locale === undefined ? {} : { locale }),
      ...(template === undefined ? {} : { template }),
    });
  } catch (error) {
    codecError('share', error);
  }
  if (flag(values, 'json')) {
    const token = encodeToken(targetOf(url));
    io.out(`${JSON.stringify({ text, token, link: decodeToken(token).url }, null, 2)}\n`);
  } else io.out(`${text}\n`);
  return EXIT.ok;
}

/** `sharekit poster`. */
export async function posterCommand(argv: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs('poster', argv, {
    title: { type: 'string' },
    price: { type: 'string' },
    'original-price': { type: 'string' },
    brand: { type: 'string' },
    size: { type: 'string' },
    'with-token': { type: 'boolean' },
    font: { type: 'string', multiple: true },
    output: { type: 'string', short: 'o' },
  });
  if (flag(values, 'help')) {
    io.out(HELP.poster);
    return EXIT.ok;
  }
  const url = oneUrl('poster', positionals);
  const title = stringOption(values, 'title');
  const price = stringOption(values, 'price');
  const output = stringOption(values, 'output');
  const hint = `sharekit poster '${url}' --title '…' --price 99 -o poster.png`;
  if (title === undefined) throw new CliError('usage', 'missing --title', hint);
  if (price === undefined) throw new CliError('usage', 'missing --price', hint);
  if (output === undefined) throw new CliError('usage', 'missing -o <file>', hint);
  const originalPrice = stringOption(values, 'original-price');
  for (const [name, value] of [
    ['price', price],
    ['original-price', originalPrice],
  ] as const) {
    // regex-safe: anchored, bounded digit runs
    if (value !== undefined && !/^\d{1,9}(\.\d{1,2})?$/.test(value)) {
      throw new CliError(
        'usage',
        `--${name} expects a price like 199 or 199.90, found ${JSON.stringify(value)}`,
        hint,
      );
    }
  }
  if (output === '-' && io.stdoutIsTty) {
    throw new CliError(
      'usage',
      'refusing to write a PNG to the terminal',
      'give -o poster.png, or pipe: -o - | …',
    );
  }
  const size = choiceOption(values, 'size', 'poster', ['moments', 'square', 'print'] as const);
  await refuseDanger(url, pickLang(values, 'poster', io.env), io);
  const brand = stringOption(values, 'brand');
  const fonts = fontOption(values);
  let png: Uint8Array;
  try {
    const { renderPosterPng } = await import('@sharekit/resolver/node');
    png = await renderPosterPng(
      {
        target: url,
        title,
        price,
        ...(originalPrice === undefined ? {} : { originalPrice }),
        ...(brand === undefined ? {} : { brand: { name: brand } }),
        ...(size === undefined ? {} : { size }),
        ...(flag(values, 'with-token') ? { token: encodeToken(targetOf(url)) } : {}),
      },
      fonts.length > 0 ? { fontFiles: fonts } : {},
    );
  } catch (error) {
    codecError('poster', error);
  }
  if (output === '-') io.outBytes(png);
  else {
    try {
      writeFileSync(output, png);
    } catch (error) {
      throw new CliError('output', `cannot write ${output}: ${(error as Error).message}`);
    }
    if (io.stderrIsTty) io.err(`wrote ${output} (${png.length.toLocaleString('en-US')} bytes)\n`);
  }
  return EXIT.ok;
}

/** `sharekit links`. */
export async function linksCommand(argv: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs('links', argv, {
    os: { type: 'string' },
    'wrap-in': { type: 'string' },
    json: { type: 'boolean' },
  });
  if (flag(values, 'help')) {
    io.out(HELP.links);
    return EXIT.ok;
  }
  const url = oneUrl('links', positionals);
  await refuseDanger(url, pickLang(values, 'links', io.env), io);
  const os = choiceOption(values, 'os', 'links', ['android', 'ios'] as const);
  const wrapIn = (stringOption(values, 'wrap-in') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  type LinkOptions = NonNullable<Parameters<typeof toAppLinks>[1]>;
  let links: ReturnType<typeof toAppLinks>;
  try {
    links = toAppLinks(url, {
      ...(os === undefined ? {} : { os }),
      ...(wrapIn.length === 0 ? {} : { wrapIn: wrapIn as unknown as LinkOptions['wrapIn'] & string[] }),
    });
  } catch (error) {
    codecError('links', error);
  }
  if (flag(values, 'json')) {
    io.out(`${JSON.stringify(links, null, 2)}\n`);
    return EXIT.ok;
  }
  const style = makeStyle(io.stdoutIsTty, io.env);
  const rows: [string, string][] = [];
  const identity = identityText(links.identity);
  if (identity) rows.push([t(pickLang(values, 'links', io.env), 'platform'), identity]);
  if (links.app)
    rows.push(['app', `${links.app}${links.androidPackage ? ` (${links.androidPackage})` : ''}`]);
  rows.push(['web', escapeControls(links.web)]);
  const mark = (form: 'scheme' | 'intent' | 'universal'): string => {
    const confidence = links.confidence[form];
    return confidence === undefined ? '' : style.dim(`  [${confidence}]`);
  };
  if (links.scheme) rows.push(['scheme', `${escapeControls(links.scheme)}${mark('scheme')}`]);
  if (links.intent) rows.push(['intent', `${escapeControls(links.intent)}${mark('intent')}`]);
  if (links.universal) rows.push(['universal', `${escapeControls(links.universal)}${mark('universal')}`]);
  for (const [app, link] of Object.entries(links.wrappers ?? {}))
    if (link) rows.push([`in ${app}`, escapeControls(link)]);
  io.out(`${table(rows, style).join('\n')}\n`);
  for (const note of links.unconfirmed) io.err(`note: ${note}\n`);
  return EXIT.ok;
}
