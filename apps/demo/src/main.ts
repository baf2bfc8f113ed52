// The page: the read side (text, image, camera → links) and the make side (URL → token, share text,
// poster, app links). Everything runs here in the browser; nothing is requested outside the page's origin.
import {
  composeShareText,
  encodeToken,
  identify,
  type LinkIdentity,
  type Resolution,
  renderPoster,
  resolve,
  toAppLinks,
} from '@sharekit/resolver';
import { byId, h } from './dom.js';
import { defaultLang, kindName, LANG_TAGS, type Lang, type MessageKey, platformName, t } from './i18n.js';
import { qrSvg } from './qr.js';
import {
  type AppLinkRow,
  type AppLinksLike,
  appLinkRows,
  type CandidateView,
  candidateViews,
  fitImage,
  posterFileName,
  readMakeFields,
  statusText,
  textLang,
} from './view.js';
import { type EngineState, setupQrEngines } from './zxing.js';
import './style.css';

/** Longest image side read; larger photos are scaled down first (QR codes survive that). */
const MAX_IMAGE_SIDE = 4096;
/** Largest image file read (a phone photo is 2–12 MB). */
const MAX_IMAGE_BYTES = 50 * 1024 * 1024;
/** Largest image read, in pixels, checked on its header before decoding (a 200-megapixel phone is 16384×12288). */
const MAX_IMAGE_PIXELS = 200_000_000;

const state: {
  lang: Lang;
  resolution: Resolution | null;
  made: Made | null;
  engine: EngineState | null;
  readSeq: number;
} = {
  lang: readLangPreference(),
  resolution: null,
  made: null,
  engine: null,
  readSeq: 0,
};

interface Made {
  readonly url: string;
  readonly identity: LinkIdentity | null;
  readonly title: string;
  readonly price: string | null;
  readonly brand: string | null;
  readonly token: string;
  readonly links: AppLinksLike | null;
}

function readLangPreference(): Lang {
  const fromUrl = new URLSearchParams(location.search).get('lang');
  if (fromUrl === 'zh' || fromUrl === 'en') return fromUrl;
  return defaultLang(navigator.languages?.length ? navigator.languages : [navigator.language]);
}

const tr = (key: MessageKey, values?: Readonly<Record<string, string | number>>): string =>
  t(state.lang, key, values);

// ---------------------------------------------------------------- language

function applyLang(): void {
  const lang = state.lang;
  document.documentElement.lang = LANG_TAGS[lang];
  document.title = tr('pageTitle');
  for (const el of document.querySelectorAll<HTMLElement>('[data-i18n]')) {
    el.textContent = tr(el.dataset.i18n as MessageKey);
  }
  for (const el of document.querySelectorAll<HTMLElement>('[data-i18n-placeholder]')) {
    el.setAttribute('placeholder', tr(el.dataset.i18nPlaceholder as MessageKey));
  }
  for (const el of document.querySelectorAll<HTMLElement>('[data-i18n-label]')) {
    el.setAttribute('aria-label', tr(el.dataset.i18nLabel as MessageKey));
  }
  // The button names the other language in that language (label in name: its visible text is its name).
  const other: Lang = lang === 'zh' ? 'en' : 'zh';
  const name = byId('lang-toggle-name');
  name.textContent = tr('switchLang');
  name.lang = LANG_TAGS[other];
  byId('lang-toggle-hint').textContent = tr('switchLangLabel');
  updateCameraButton();
  if (state.resolution !== null) renderResolution(state.resolution, false);
  if (state.made !== null) renderMadeText(state.made);
  renderEngineNote();
}

function renderEngineNote(): void {
  byId('engine-note').textContent = state.engine === null ? '' : tr('qrEngineNote', { engine: state.engine });
}

// ---------------------------------------------------------------- copy buttons

function copyButton(text: string, name: string): HTMLButtonElement {
  const button = h('button', { type: 'button', class: 'copy' }, tr('copy'));
  button.setAttribute('aria-label', tr('copyNamed', { name }));
  button.addEventListener('click', () => {
    void copyText(text).then((ok) => {
      button.textContent = ok ? tr('copied') : tr('copy');
      announce(ok ? tr('copied') : tr('copyFailed'));
      window.setTimeout(() => {
        button.textContent = tr('copy');
      }, 1500);
    });
  });
  return button;
}

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // Older or non-secure contexts: a hidden textarea and execCommand.
    const area = h('textarea', { class: 'visually-hidden', readonly: true, 'aria-hidden': 'true' });
    area.value = text;
    document.body.append(area);
    area.select();
    let ok = false;
    try {
      ok = document.execCommand('copy');
    } catch {
      ok = false;
    }
    area.remove();
    return ok;
  }
}

function announce(message: string): void {
  const live = byId('announcer');
  live.textContent = '';
  window.setTimeout(() => {
    live.textContent = message;
  }, 50);
}

// ---------------------------------------------------------------- read side

function setStatus(text: string, busy = false): void {
  const status = byId('read-status');
  status.textContent = text;
  byId('results').setAttribute('aria-busy', busy ? 'true' : 'false');
}

async function readText(text: string): Promise<void> {
  const seq = ++state.readSeq;
  setStatus(tr('statusReading'), true);
  const resolution = await resolveOrReport(text);
  if (seq !== state.readSeq || resolution === null) return;
  hideImagePreview();
  renderResolution(resolution, true);
}

async function readImageSource(source: Blob | HTMLCanvasElement, name: string): Promise<void> {
  const seq = ++state.readSeq;
  setStatus(tr('statusReadingImage'), true);
  let rgba: ImageData;
  try {
    rgba = await toImageData(source);
  } catch (error) {
    if (seq !== state.readSeq) return;
    hideImagePreview();
    state.resolution = null;
    byId('results').replaceChildren();
    setStatus(tr(error instanceof ImageTooLarge ? 'reason_image-too-large' : 'reason_image-unreadable'));
    return;
  }
  showImagePreview(rgba, name);
  await setupQrEngines();
  const resolution = await resolveOrReport({ data: rgba.data, width: rgba.width, height: rgba.height });
  if (seq !== state.readSeq || resolution === null) return;
  renderResolution(resolution, true);
}

/** `resolve`, with a misuse error (never expected: the page passes strings and RGBA) shown in the status. */
async function resolveOrReport(
  input: string | ImageData | { data: Uint8ClampedArray; width: number; height: number },
): Promise<Resolution | null> {
  try {
    return await resolve(input);
  } catch (error) {
    state.resolution = null;
    byId('results').replaceChildren();
    setStatus(tr('statusError', { reason: messageOf(error) }));
    return null;
  }
}

class ImageTooLarge extends Error {}

/** Reads an image's size from its header (the browser decodes the pixels only when they are drawn). */
async function imageSize(blob: Blob): Promise<{ width: number; height: number }> {
  const url = URL.createObjectURL(blob);
  try {
    const img = new Image();
    const loaded = new Promise<void>((ok, fail) => {
      img.onload = () => ok();
      img.onerror = () => fail(new Error('unreadable image'));
    });
    img.src = url;
    await loaded;
    return { width: img.naturalWidth, height: img.naturalHeight };
  } finally {
    URL.revokeObjectURL(url);
  }
}

async function toImageData(source: Blob | HTMLCanvasElement): Promise<ImageData> {
  let drawable: CanvasImageSource;
  let bitmap: ImageBitmap | null = null;
  let fit: ReturnType<typeof fitImage>;
  if (source instanceof HTMLCanvasElement) {
    drawable = source;
    fit = fitImage(source.width, source.height, MAX_IMAGE_SIDE);
  } else {
    // Limits are checked on the file size and the header's dimensions before any pixel is decoded.
    if (source.size > MAX_IMAGE_BYTES) throw new ImageTooLarge();
    const size = await imageSize(source);
    if (size.width === 0 || size.height === 0) throw new Error('empty image');
    if (size.width * size.height > MAX_IMAGE_PIXELS) throw new ImageTooLarge();
    fit = fitImage(size.width, size.height, MAX_IMAGE_SIDE);
    bitmap = await createImageBitmap(source, {
      resizeWidth: fit.width,
      resizeHeight: fit.height,
      resizeQuality: 'high',
    });
    drawable = bitmap;
  }
  const canvas = document.createElement('canvas');
  canvas.width = fit.width;
  canvas.height = fit.height;
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (ctx === null) throw new Error('no 2d canvas');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, fit.width, fit.height);
  ctx.drawImage(drawable, 0, 0, fit.width, fit.height);
  bitmap?.close();
  return ctx.getImageData(0, 0, fit.width, fit.height);
}

function showImagePreview(image: ImageData, name: string): void {
  const box = byId('read-image');
  const canvas = byId<HTMLCanvasElement>('read-image-canvas');
  const fit = fitImage(image.width, image.height, 240);
  const full = document.createElement('canvas');
  full.width = image.width;
  full.height = image.height;
  full.getContext('2d')?.putImageData(image, 0, 0);
  canvas.width = fit.width;
  canvas.height = fit.height;
  canvas.getContext('2d')?.drawImage(full, 0, 0, fit.width, fit.height);
  const caption = byId('read-image-caption');
  caption.dataset.name = name;
  caption.dataset.w = String(image.width);
  caption.dataset.h = String(image.height);
  caption.textContent = tr('imageFrom', { name, w: image.width, h: image.height });
  canvas.setAttribute('aria-label', caption.textContent);
  box.hidden = false;
}

function hideImagePreview(): void {
  byId('read-image').hidden = true;
}

function renderResolution(resolution: Resolution, fresh: boolean): void {
  state.resolution = resolution;
  setStatus(statusText(resolution, state.lang));
  const caption = byId('read-image-caption');
  if (!byId('read-image').hidden && caption.dataset.name !== undefined) {
    caption.textContent = tr('imageFrom', {
      name: caption.dataset.name,
      w: caption.dataset.w ?? '',
      h: caption.dataset.h ?? '',
    });
  }
  const list = byId('results');
  list.replaceChildren(...candidateViews(resolution, state.lang).map(renderCandidate));
  if (fresh && resolution.candidates.length > 0) list.setAttribute('aria-label', tr('resultsHeading'));
}

function renderCandidate(view: CandidateView): HTMLLIElement {
  const headingId = `target-${view.n}`;
  const title = [view.heading, view.platform, view.kind].filter((s) => s.length > 0).join(' · ');
  const card = h(
    'li',
    { class: `card level-${view.level}`, 'aria-labelledby': headingId, 'data-level': view.level },
    h('h3', { id: headingId }, title),
    h('p', { class: `badge badge-${view.level}` }, view.levelLabel),
  );
  if (view.href !== null) {
    card.append(
      h(
        'p',
        { class: 'link-row' },
        h(
          'a',
          {
            class: 'target-link',
            href: view.href,
            target: '_blank',
            rel: 'noopener noreferrer',
            translate: 'no',
          },
          view.text,
        ),
        ' ',
        copyButton(view.href, tr('linkLabel')),
      ),
    );
  } else {
    card.append(
      h('p', { class: 'not-link' }, tr('notALink')),
      h(
        'p',
        { class: 'raw-row' },
        h('span', { class: 'visually-hidden' }, `${tr('dangerTextLabel')}: `),
        h('code', { class: 'raw-target', translate: 'no' }, view.text),
      ),
    );
  }
  const facts = h('dl', { class: 'facts' });
  const fact = (key: MessageKey, value: string | null, code = false): void => {
    if (value === null || value.length === 0) return;
    const dd = code
      ? h('dd', {}, h('code', { translate: 'no' }, value))
      : h('dd', { lang: key === 'title' ? textLang(value, state.lang) : null }, value);
    facts.append(h('dt', {}, tr(key)), dd);
  };
  fact('platform', view.platform);
  fact('kind', view.kind);
  fact('id', view.id, true);
  fact('source', view.source);
  fact('title', view.title);
  fact('token', view.token, true);
  fact('channelCode', view.code, true);
  card.append(facts);

  const safety = h(
    'section',
    { class: 'safety', 'aria-label': tr('safetyHeading') },
    h('h4', {}, tr('safetyHeading')),
  );
  if (view.reasons.length === 0) safety.append(h('p', {}, tr('reasonsNone')));
  else {
    safety.append(
      h(
        'ul',
        { class: 'reasons' },
        ...view.reasons.map((r) =>
          h('li', { class: `reason reason-${r.level}` }, h('strong', {}, `${r.levelLabel}: `), r.message),
        ),
      ),
    );
  }
  card.append(safety);

  if (view.steps.length > 0) {
    card.append(
      h(
        'section',
        { class: 'steps', 'aria-label': tr('stepsHeading') },
        h('h4', {}, tr('stepsHeading')),
        h(
          'ol',
          {},
          ...view.steps.map((s) =>
            h(
              'li',
              {},
              s.label,
              s.detail === null ? null : h('code', { class: 'detail', translate: 'no' }, s.detail),
            ),
          ),
        ),
      ),
    );
  }

  if (view.appTarget !== null) {
    const links = safeAppLinks(view.appTarget);
    const rows = links === null ? [] : appLinkRows(links, state.lang).filter((r) => r.key !== 'web');
    const section = h(
      'section',
      { class: 'app-links', 'aria-label': tr('appLinksHeading') },
      h('h4', {}, tr('appLinksHeading')),
    );
    if (rows.length === 0) section.append(h('p', {}, tr('appLinksNone')));
    else section.append(h('ul', { class: 'link-list' }, ...rows.map((r) => appLinkItem(r, false))));
    card.append(section);
  }
  return card;
}

function safeAppLinks(target: string | LinkIdentity): AppLinksLike | null {
  try {
    return toAppLinks(target);
  } catch {
    return null;
  }
}

function appLinkItem(row: AppLinkRow, withQr: boolean): HTMLLIElement {
  const item = h(
    'li',
    { class: 'app-link', 'data-form': row.key },
    h('span', { class: 'app-link-label' }, row.label),
    h(
      'span',
      { class: 'app-link-value' },
      row.href === null
        ? h('code', { translate: 'no' }, row.value)
        : h('a', { href: row.href, rel: 'noopener noreferrer', translate: 'no' }, row.value),
    ),
    copyButton(row.value, row.label),
  );
  if (withQr) {
    try {
      item.append(qrSvg(row.value, tr('qrFor', { name: row.label })));
    } catch {
      // A link too long for a QR code gets none; the text and copy button remain.
    }
  }
  return item;
}

// ---------------------------------------------------------------- camera

let camera: { stream: MediaStream; timer: number } | null = null;

function updateCameraButton(): void {
  const button = byId<HTMLButtonElement>('camera-toggle');
  button.textContent = camera === null ? tr('cameraStart') : tr('cameraStop');
  button.setAttribute('aria-pressed', camera === null ? 'false' : 'true');
}

async function startCamera(): Promise<void> {
  if (!navigator.mediaDevices?.getUserMedia) {
    setStatus(tr('cameraUnavailable'));
    return;
  }
  let stream: MediaStream;
  try {
    stream = await navigator.mediaDevices.getUserMedia({
      video: { facingMode: 'environment', width: { ideal: 1280 }, height: { ideal: 720 } },
      audio: false,
    });
  } catch (error) {
    setStatus(tr('cameraDenied', { reason: error instanceof Error ? error.name : String(error) }));
    return;
  }
  const video = byId<HTMLVideoElement>('camera-video');
  video.srcObject = stream;
  byId('camera').hidden = false;
  camera = { stream, timer: 0 };
  updateCameraButton();
  setStatus(tr('cameraScanning'));
  await video.play().catch(() => undefined);
  await setupQrEngines();
  scheduleScan();
}

function scheduleScan(): void {
  if (camera === null) return;
  camera.timer = window.setTimeout(() => void scanFrame(), 300);
}

async function scanFrame(): Promise<void> {
  const video = byId<HTMLVideoElement>('camera-video');
  if (camera === null) return;
  if (video.readyState < 2 || video.videoWidth === 0) {
    scheduleScan();
    return;
  }
  const fit = fitImage(video.videoWidth, video.videoHeight, 1280);
  const canvas = document.createElement('canvas');
  canvas.width = fit.width;
  canvas.height = fit.height;
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (ctx === null) return;
  ctx.drawImage(video, 0, 0, fit.width, fit.height);
  const image = ctx.getImageData(0, 0, fit.width, fit.height);
  let resolution: Resolution;
  try {
    resolution = await resolve({ data: image.data, width: image.width, height: image.height });
  } catch {
    scheduleScan();
    return;
  }
  if (camera === null) return;
  if (resolution.candidates.length > 0) {
    stopCamera();
    state.readSeq++;
    showImagePreview(image, tr('cameraLabel'));
    renderResolution(resolution, true);
    return;
  }
  scheduleScan();
}

function stopCamera(): void {
  if (camera === null) return;
  window.clearTimeout(camera.timer);
  for (const track of camera.stream.getTracks()) track.stop();
  camera = null;
  const video = byId<HTMLVideoElement>('camera-video');
  video.srcObject = null;
  byId('camera').hidden = true;
  updateCameraButton();
}

// ---------------------------------------------------------------- make side

let posterUrls: string[] = [];
let posterName = 'poster.png';

async function make(): Promise<void> {
  const errorBox = byId('make-error');
  errorBox.textContent = '';
  const input = readMakeFields({
    url: byId<HTMLInputElement>('make-url').value,
    title: byId<HTMLInputElement>('make-title').value,
    price: byId<HTMLInputElement>('make-price').value,
    brand: byId<HTMLInputElement>('make-brand').value,
  });
  const urlField = byId<HTMLInputElement>('make-url');
  const priceField = byId<HTMLInputElement>('make-price');
  urlField.setAttribute('aria-invalid', 'false');
  priceField.setAttribute('aria-invalid', 'false');
  if ('error' in input) {
    const field = input.error === 'makeErrorUrl' ? urlField : priceField;
    errorBox.textContent = tr(input.error);
    field.setAttribute('aria-invalid', 'true');
    field.focus();
    return;
  }
  // Never make a token, share text or poster for a target the reader would call dangerous.
  const verdict = await resolveOrReport(input.url);
  const first = verdict?.candidates[0];
  if (first !== undefined && first.safety.level === 'danger') {
    const reasons = first.safety.reasons.filter((r) => r.level === 'danger');
    errorBox.textContent = tr('makeErrorDanger', {
      reason: reasons.map((r) => (state.lang === 'zh' ? r.messageZh : r.message)).join(' '),
    });
    urlField.setAttribute('aria-invalid', 'true');
    urlField.focus();
    state.made = null;
    byId('make-output').hidden = true;
    return;
  }
  let identity: LinkIdentity | null = null;
  try {
    identity = identify(input.url);
  } catch {
    identity = null;
  }
  let token: string;
  try {
    token = encodeToken(identity ?? input.url);
  } catch (error) {
    errorBox.textContent = tr('makeError', { reason: messageOf(error) });
    return;
  }
  const title =
    input.title.length > 0
      ? input.title
      : identity === null
        ? new URL(input.url).hostname
        : `${platformName(identity.platform, state.lang)} ${kindName(identity.kind, state.lang)}`;
  const made: Made = {
    url: input.url,
    identity,
    title,
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

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message.slice(0, 200) : String(error).slice(0, 200);
}

function renderMadeText(made: Made): void {
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

async function renderMadePoster(made: Made): Promise<void> {
  const img = byId<HTMLImageElement>('poster-img');
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
    const svgUrl = URL.createObjectURL(new Blob([poster.svg], { type: 'image/svg+xml' }));
    posterUrls.push(svgUrl);
    img.src = svgUrl;
    await img.decode();
    const canvas = byId<HTMLCanvasElement>('poster-canvas');
    canvas.width = poster.width;
    canvas.height = poster.height;
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    if (ctx === null) throw new Error('no 2d canvas');
    ctx.drawImage(img, 0, 0, poster.width, poster.height);
    const png = await new Promise<Blob>((ok, fail) =>
      canvas.toBlob((b) => (b === null ? fail(new Error('toBlob failed')) : ok(b)), 'image/png'),
    );
    const pngUrl = URL.createObjectURL(png);
    posterUrls.push(pngUrl);
    posterName = posterFileName(made.identity?.url ?? made.url);
    slot.replaceChildren(
      h(
        'a',
        {
          id: 'poster-download',
          class: 'button',
          href: pngUrl,
          download: posterName,
          'data-i18n': 'posterDownload',
        },
        tr('posterDownload'),
      ),
    );
    readBack.disabled = false;
  } catch (error) {
    img.removeAttribute('src');
    posterError.textContent = tr('posterError', { reason: messageOf(error) });
  }
}

// ---------------------------------------------------------------- wiring

function firstImage(files: FileList | null | undefined): File | null {
  if (!files) return null;
  for (const f of Array.from(files)) if (f.type.startsWith('image/')) return f;
  return null;
}

function init(): void {
  applyLang();
  const input = byId<HTMLTextAreaElement>('read-input');
  const fileInput = byId<HTMLInputElement>('read-file');
  const drop = byId('drop-zone');
  let debounce = 0;

  byId<HTMLFormElement>('read-form').addEventListener('submit', (event) => {
    event.preventDefault();
    window.clearTimeout(debounce);
    void readText(input.value);
  });
  input.addEventListener('input', () => {
    window.clearTimeout(debounce);
    debounce = window.setTimeout(() => void readText(input.value), 250);
  });
  input.addEventListener('keydown', (event) => {
    // Enter reads; Shift+Enter makes a new line (share texts can span lines).
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      window.clearTimeout(debounce);
      void readText(input.value);
    }
  });
  byId('choose-image').addEventListener('click', () => fileInput.click());
  fileInput.addEventListener('change', () => {
    const file = firstImage(fileInput.files);
    if (file !== null) void readImageSource(file, file.name);
    fileInput.value = '';
  });
  document.addEventListener('paste', (event) => {
    const file = firstImage(event.clipboardData?.files);
    if (file === null) return;
    event.preventDefault();
    void readImageSource(file, file.name || 'clipboard');
  });
  drop.addEventListener('dragover', (event) => {
    event.preventDefault();
    drop.classList.add('dragging');
  });
  drop.addEventListener('dragleave', () => drop.classList.remove('dragging'));
  drop.addEventListener('drop', (event) => {
    event.preventDefault();
    drop.classList.remove('dragging');
    const file = firstImage(event.dataTransfer?.files);
    if (file !== null) {
      void readImageSource(file, file.name);
      return;
    }
    const text = event.dataTransfer?.getData('text/plain') ?? '';
    if (text.length > 0) {
      input.value = text;
      void readText(text);
    }
  });
  byId('camera-toggle').addEventListener('click', () => {
    if (camera === null) void startCamera();
    else stopCamera();
  });
  byId('lang-toggle').addEventListener('click', () => {
    state.lang = state.lang === 'zh' ? 'en' : 'zh';
    applyLang();
  });
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
  // The camera is never left running in a hidden tab.
  document.addEventListener('visibilitychange', () => {
    if (document.hidden) stopCamera();
  });
  window.addEventListener('pagehide', stopCamera);
  void setupQrEngines().then((engine) => {
    state.engine = engine;
    renderEngineNote();
    document.body.dataset.qrEngine = engine;
  });
  document.body.dataset.ready = 'true';
}

init();
