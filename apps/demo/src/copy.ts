// Copy buttons and app-link rows, shared by the read and make sides.
import { type LinkIdentity, toAppLinks } from '@sharekit/resolver';
import { byId, h } from './dom.js';
import { qrSvg } from './qr.js';
import { tr } from './state.js';
import type { AppLinkRow, AppLinksLike } from './view.js';

/**
 * A button that copies `text` and says so in the live region.
 *
 * @example
 * card.append(copyButton(href, tr('linkLabel')))
 */
export function copyButton(text: string, name: string): HTMLButtonElement {
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

/**
 * The app links of a target, or null when it has none the page can show.
 *
 * @example
 * safeAppLinks('https://item.jd.com/100012043978.html')?.web
 */
export function safeAppLinks(target: string | LinkIdentity): AppLinksLike | null {
  try {
    return toAppLinks(target);
  } catch {
    return null;
  }
}

/**
 * One app-link row: its label, the link (clickable when it has an href), a copy button and, when asked, a QR code.
 *
 * @example
 * list.append(...appLinkRows(links, 'en').map((r) => appLinkItem(r, true)))
 */
export function appLinkItem(row: AppLinkRow, withQr: boolean): HTMLLIElement {
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
