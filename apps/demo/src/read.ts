// The read side: a pasted or dropped text, image file or canvas → resolve → the cards of its targets.
import { type Resolution, resolve } from '@sharekit/resolver';
import { renderCandidate } from './card.js';
import { byId } from './dom.js';
import { firstImage, ImageTooLarge, toImageData } from './image.js';
import { messageOf, state, tr } from './state.js';
import { candidateViews, fitImage, statusText } from './view.js';
import { setupQrEngines } from './zxing.js';

type Rgba = { data: Uint8ClampedArray; width: number; height: number };

/**
 * Shows a status line for the read side; `busy` marks the results as being replaced.
 *
 * @example
 * setStatus(tr('cameraScanning'))
 */
export function setStatus(text: string, busy = false): void {
  const status = byId('read-status');
  status.textContent = text;
  byId('results').setAttribute('aria-busy', busy ? 'true' : 'false');
}

/** Clears the results and says why nothing was read. */
function reportFailure(message: string): void {
  state.resolution = null;
  byId('results').replaceChildren();
  setStatus(message);
}

/**
 * `resolve`, with a misuse error (never expected: the page passes strings and RGBA) shown in the status.
 *
 * @example
 * const verdict = await resolveOrReport('https://item.jd.com/100012043978.html');
 */
export async function resolveOrReport(input: string | ImageData | Rgba): Promise<Resolution | null> {
  try {
    return await resolve(input);
  } catch (error) {
    reportFailure(tr('statusError', { reason: messageOf(error) }));
    return null;
  }
}

/**
 * Reads a text (share text, token, link, app link) and shows its targets, unless a newer read started.
 *
 * @example
 * await readText('https://item.jd.com/100012043978.html')
 */
export async function readText(text: string): Promise<void> {
  const seq = ++state.readSeq;
  setStatus(tr('statusReading'), true);
  const resolution = await resolveOrReport(text);
  if (seq !== state.readSeq || resolution === null) return;
  hideImagePreview();
  renderResolution(resolution, true);
}

/**
 * Reads the QR codes of an image file or canvas and shows their targets, unless a newer read started.
 *
 * @example
 * await readImageSource(file, file.name)
 */
export async function readImageSource(source: Blob | HTMLCanvasElement, name: string): Promise<void> {
  const seq = ++state.readSeq;
  setStatus(tr('statusReadingImage'), true);
  let rgba: ImageData;
  try {
    rgba = await toImageData(source);
  } catch (error) {
    if (seq !== state.readSeq) return;
    hideImagePreview();
    reportFailure(tr(error instanceof ImageTooLarge ? 'reason_image-too-large' : 'reason_image-unreadable'));
    return;
  }
  showImagePreview(rgba, name);
  await setupQrEngines();
  const resolution = await resolveOrReport({ data: rgba.data, width: rgba.width, height: rgba.height });
  if (seq !== state.readSeq || resolution === null) return;
  renderResolution(resolution, true);
}

/**
 * Shows a small copy of the image that was read, captioned with its name and size.
 *
 * @example
 * showImagePreview(rgba, 'poster.png')
 */
export function showImagePreview(image: ImageData, name: string): void {
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

/**
 * Shows a resolution: status line, image caption (in the current language) and one card per target.
 * `fresh` is false when only the language changed.
 *
 * @example
 * renderResolution(resolution, true)
 */
export function renderResolution(resolution: Resolution, fresh: boolean): void {
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

/**
 * Wires the read side: the form and Enter read the text (typing reads after a pause), a chosen, pasted or
 * dropped image is read for QR codes, dropped text is read as text.
 *
 * @example
 * wireRead()
 */
export function wireRead(): void {
  const input = byId<HTMLTextAreaElement>('read-input');
  const fileInput = byId<HTMLInputElement>('read-file');
  const drop = byId('drop-zone');
  let debounce = 0;
  const readNow = (): void => {
    window.clearTimeout(debounce);
    void readText(input.value);
  };

  byId<HTMLFormElement>('read-form').addEventListener('submit', (event) => {
    event.preventDefault();
    readNow();
  });
  input.addEventListener('input', () => {
    window.clearTimeout(debounce);
    debounce = window.setTimeout(() => void readText(input.value), 250);
  });
  input.addEventListener('keydown', (event) => {
    // Enter reads; Shift+Enter makes a new line (share texts can span lines).
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      readNow();
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
}
