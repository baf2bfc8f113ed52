// The page: wires the read side (text, image → links, read.ts), the camera (camera.ts) and the make side
// (URL → token, share text, poster, app links, make.ts), and switches the language. Everything runs here in
// the browser; nothing is requested outside the page's origin.
import { updateCameraButton, wireCamera } from './camera.js';
import { byId } from './dom.js';
import { LANG_TAGS, type Lang, type MessageKey } from './i18n.js';
import { renderMadeText, wireMake } from './make.js';
import { renderResolution, wireRead } from './read.js';
import { state, tr } from './state.js';
import { setupQrEngines } from './zxing.js';
import './style.css';

/** Marker attribute → dataset key → the attribute its message goes in (null: the element's text). */
const I18N_ATTRIBUTES: readonly (readonly [string, keyof DOMStringMap, string | null])[] = [
  ['data-i18n', 'i18n', null],
  ['data-i18n-placeholder', 'i18nPlaceholder', 'placeholder'],
  ['data-i18n-label', 'i18nLabel', 'aria-label'],
];

function applyLang(): void {
  const lang = state.lang;
  document.documentElement.lang = LANG_TAGS[lang];
  document.title = tr('pageTitle');
  for (const [selector, key, attribute] of I18N_ATTRIBUTES) {
    for (const el of document.querySelectorAll<HTMLElement>(`[${selector}]`)) {
      const message = tr(el.dataset[key] as MessageKey);
      if (attribute === null) el.textContent = message;
      else el.setAttribute(attribute, message);
    }
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

function init(): void {
  applyLang();
  wireRead();
  wireCamera();
  wireMake();
  byId('lang-toggle').addEventListener('click', () => {
    state.lang = state.lang === 'zh' ? 'en' : 'zh';
    applyLang();
  });
  void setupQrEngines().then((engine) => {
    state.engine = engine;
    renderEngineNote();
    document.body.dataset.qrEngine = engine;
  });
  document.body.dataset.ready = 'true';
}

init();
