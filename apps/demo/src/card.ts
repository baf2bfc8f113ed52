// One read target as a card: its link (or the refused text), facts, safety reasons, steps and app links.

import { appLinkItem, copyButton, safeAppLinks } from './copy.js';
import { h } from './dom.js';
import type { MessageKey } from './i18n.js';
import { state, tr } from './state.js';
import { appLinkRows, type CandidateView, textLang } from './view.js';

/** The clickable link with its copy button, or, for a target that never becomes a link, its text as code. */
function linkPart(view: CandidateView): HTMLElement[] {
  if (view.href !== null) {
    const link = h(
      'a',
      {
        class: 'target-link',
        href: view.href,
        target: '_blank',
        rel: 'noopener noreferrer',
        translate: 'no',
      },
      view.text,
    );
    return [h('p', { class: 'link-row' }, link, ' ', copyButton(view.href, tr('linkLabel')))];
  }
  return [
    h('p', { class: 'not-link' }, tr('notALink')),
    h(
      'p',
      { class: 'raw-row' },
      h('span', { class: 'visually-hidden' }, `${tr('dangerTextLabel')}: `),
      h('code', { class: 'raw-target', translate: 'no' }, view.text),
    ),
  ];
}

/** The facts list; ids, tokens and channel codes are shown as code, a title in its own language. */
const FACTS: readonly (readonly [MessageKey, (view: CandidateView) => string | null, boolean])[] = [
  ['platform', (v) => v.platform, false],
  ['kind', (v) => v.kind, false],
  ['id', (v) => v.id, true],
  ['source', (v) => v.source, false],
  ['title', (v) => v.title, false],
  ['token', (v) => v.token, true],
  ['channelCode', (v) => v.code, true],
];

function factsPart(view: CandidateView): HTMLElement[] {
  const facts = h('dl', { class: 'facts' });
  for (const [key, read, code] of FACTS) {
    const value = read(view);
    if (value === null || value.length === 0) continue;
    const dd = code
      ? h('dd', {}, h('code', { translate: 'no' }, value))
      : h('dd', { lang: key === 'title' ? textLang(value, state.lang) : null }, value);
    facts.append(h('dt', {}, tr(key)), dd);
  }
  return [facts];
}

function safetyPart(view: CandidateView): HTMLElement[] {
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
  return [safety];
}

function stepsPart(view: CandidateView): HTMLElement[] {
  if (view.steps.length === 0) return [];
  const items = view.steps.map((s) =>
    h(
      'li',
      {},
      s.label,
      s.detail === null ? null : h('code', { class: 'detail', translate: 'no' }, s.detail),
    ),
  );
  return [
    h(
      'section',
      { class: 'steps', 'aria-label': tr('stepsHeading') },
      h('h4', {}, tr('stepsHeading')),
      h('ol', {}, ...items),
    ),
  ];
}

function appLinksPart(view: CandidateView): HTMLElement[] {
  if (view.appTarget === null) return [];
  const links = safeAppLinks(view.appTarget);
  const rows = links === null ? [] : appLinkRows(links, state.lang).filter((r) => r.key !== 'web');
  const section = h(
    'section',
    { class: 'app-links', 'aria-label': tr('appLinksHeading') },
    h('h4', {}, tr('appLinksHeading')),
  );
  if (rows.length === 0) section.append(h('p', {}, tr('appLinksNone')));
  else section.append(h('ul', { class: 'link-list' }, ...rows.map((r) => appLinkItem(r, false))));
  return [section];
}

/** The parts of a card, in page order. */
const PARTS: readonly ((view: CandidateView) => HTMLElement[])[] = [
  linkPart,
  factsPart,
  safetyPart,
  stepsPart,
  appLinksPart,
];

/**
 * The card of one read target: heading and level badge, then each of {@link PARTS}.
 *
 * @example
 * list.replaceChildren(...candidateViews(resolution, 'en').map(renderCandidate))
 */
export function renderCandidate(view: CandidateView): HTMLLIElement {
  const headingId = `target-${view.n}`;
  const title = [view.heading, view.platform, view.kind].filter((s) => s.length > 0).join(' · ');
  const card = h(
    'li',
    { class: `card level-${view.level}`, 'aria-labelledby': headingId, 'data-level': view.level },
    h('h3', { id: headingId }, title),
    h('p', { class: `badge badge-${view.level}` }, view.levelLabel),
  );
  for (const part of PARTS) card.append(...part(view));
  return card;
}
