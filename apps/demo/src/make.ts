// The make side: a URL (with title, price, brand) → token, share text, poster and app links.
import {
  composeShareText,
  encodeToken,
  type LinkIdentity,
  renderPoster,
  tryIdentify,
} from '@sharekit/resolver';
import { appLinkItem, copyButton, safeAppLinks } from './copy.js';
import { byId, h } from './dom.js';
import { kindName, platformName } from './i18n.js';
import { readImageSource, resolveOrReport } from './read.js';
import { messageOf, state, tr } from './state.js';
import { type AppLinksLike, appLinkRows, posterFileName, readMakeFields } from './view.js';

/** What the make side made from the form. */
export interface Made {
  readonly url: string;
  readonly identity: LinkIdentity | null;
  readonly title: string;
  readonly price: string | null;
  readonly brand: string | null;
  readonly token: string;
  readonly links: AppLinksLike | null;
}

type Fields = Exclude<ReturnType<typeof readMakeFields>, { error: unknown }>;

let posterUrls: string[] = [];
let posterName = 'poster.png';

/** Marks `field` invalid, says why and moves focus there. */
function refuse(field: HTMLInputElement, message: string): void {
  byId('make-error').textContent = message;
  field.setAttribute('aria-invalid', 'true');
  field.focus();
}

/** The form's fields checked; null (with the field marked) when one is not valid. */
function readFields(): Fields | null {
  const urlField = byId<HTMLInputElement>('make-url');
  const priceField = byId<HTMLInputElement>('make-price');
  const input = readMakeFields({
    url: urlField.value,
    title: byId<HTMLInputElement>('make-title').value,
    price: priceField.value,
    brand: byId<HTMLInputElement>('make-brand').value,
  });
  urlField.setAttribute('aria-invalid', 'false');
  priceField.setAttribute('aria-invalid', 'false');
  if (!('error' in input)) return input;
  refuse(input.error === 'makeErrorUrl' ? urlField : priceField, tr(input.error));
  return null;
}

/** Never make a token, share text or poster for a target the reader would call dangerous: true when refused. */
async function refusedAsDangerous(url: string): Promise<boolean> {
  const verdict = await resolveOrReport(url);
  const first = verdict?.candidates[0];
  if (first === undefined || first.safety.level !== 'danger') return false;
  const reasons = first.safety.reasons.filter((r) => r.level === 'danger');
  const reason = reasons.map((r) => (state.lang === 'zh' ? r.messageZh : r.message)).join(' ');
  refuse(byId<HTMLInputElement>('make-url'), tr('makeErrorDanger', { reason }));
  state.made = null;
  byId('make-output').hidden = true;
  return true;
}

/** The title given, else the platform and kind's names, else the host. */
function titleOf(input: Fields, identity: LinkIdentity | null): string {
  if (input.title.length > 0) return input.title;
  if (identity === null) return new URL(input.url).hostname;
  return `${platformName(identity.platform, state.lang)} ${kindName(identity.kind, state.lang)}`;
}

/** Makes everything from the form, or says in the form why not. */
async function make(): Promise<void> {
  byId('make-error').textContent = '';
  const input = readFields();
  if (input === null || (await refusedAsDangerous(input.url))) return;
  const identity = tryIdentify(input.url);
  let token: string;
  try {
    token = encodeToken(identity ?? input.url);
  } catch (error) {
    byId('make-error').textContent = tr('makeError', { reason: messageOf(error) });
    return;
  }
  const made: Made = {
    url: input.url,
    identity,
    title: titleOf(input, identity),
    price: input.price,
    brand: input.brand,
    token,
    links: safeAppLinks(identity ?? input.url),
  };
  state.made = made;
  byId('make-output').hidden = false;
  renderMadeText(made);
  await renderMadePoster(made);
}

/**
 * Shows the token, share text and app links made (again, in the current language after a switch).
 *
 * @example
 * if (state.made !== null) renderMadeText(state.made)
 */
export function renderMadeText(made: Made): void {
  byId('make-token').textContent = made.token;
  byId('make-token-copy').replaceChildren(copyButton(made.token, tr('tokenHeading')));
  let share = '';
  try {
    share = composeShareText({
      target: made.identity ?? made.url,
      title: made.title,
      locale: state.lang,
      ...(made.brand === null ? {} : { brand: made.brand }),
    });
  } catch (error) {
    share = tr('makeError', { reason: messageOf(error) });
  }
  byId<HTMLTextAreaElement>('make-share').value = share;
  byId('make-share-copy').replaceChildren(copyButton(share, tr('shareTextHeading')));
  const list = byId('make-applinks');
  const rows = made.links === null ? [] : appLinkRows(made.links, state.lang);
  list.replaceChildren(...rows.map((r) => appLinkItem(r, true)));
  const img = byId<HTMLImageElement>('poster-img');
  img.alt = tr('posterAlt', { title: made.title });
}

/** Draws the poster's SVG into the page's canvas and returns it as a PNG. */
async function posterPng(svg: string, width: number, height: number): Promise<Blob> {
  const img = byId<HTMLImageElement>('poster-img');
  const svgUrl = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  posterUrls.push(svgUrl);
  img.src = svgUrl;
  await img.decode();
  const canvas = byId<HTMLCanvasElement>('poster-canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (ctx === null) throw new Error('no 2d canvas');
  ctx.drawImage(img, 0, 0, width, height);
  return new Promise<Blob>((ok, fail) =>
    canvas.toBlob((b) => (b === null ? fail(new Error('toBlob failed')) : ok(b)), 'image/png'),
  );
}

async function renderMadePoster(made: Made): Promise<void> {
  const slot = byId('poster-download-slot');
  const readBack = byId<HTMLButtonElement>('poster-readback');
  const posterError = byId('poster-error');
  posterError.textContent = '';
  slot.replaceChildren();
  readBack.disabled = true;
  for (const u of posterUrls) URL.revokeObjectURL(u);
  posterUrls = [];
  try {
    const poster = await renderPoster({
      target: made.identity ?? made.url,
      title: made.title,
      token: `￥${made.token}￥`,
      ...(made.price === null ? {} : { price: made.price }),
      ...(made.brand === null ? {} : { brand: { name: made.brand } }),
    });
    const pngUrl = URL.createObjectURL(await posterPng(poster.svg, poster.width, poster.height));
    posterUrls.push(pngUrl);
    posterName = posterFileName(made.identity?.url ?? made.url);
    const attrs = { id: 'poster-download', class: 'button', href: pngUrl, download: posterName };
    slot.replaceChildren(h('a', { ...attrs, 'data-i18n': 'posterDownload' }, tr('posterDownload')));
    readBack.disabled = false;
  } catch (error) {
    byId<HTMLImageElement>('poster-img').removeAttribute('src');
    posterError.textContent = tr('posterError', { reason: messageOf(error) });
  }
}

/**
 * Wires the make form, and the button that reads the made poster back on the read side.
 *
 * @example
 * wireMake()
 */
export function wireMake(): void {
  byId<HTMLFormElement>('make-form').addEventListener('submit', (event) => {
    event.preventDefault();
    void make();
  });
  byId('poster-readback').addEventListener('click', () => {
    const canvas = byId<HTMLCanvasElement>('poster-canvas');
    void readImageSource(canvas, posterName).then(() => {
      byId('read-heading').scrollIntoView({ block: 'start' });
      byId('read-status').focus();
    });
  });
}
