// A few DOM helpers. Text goes in through textContent only: nothing the page reads is ever parsed as HTML.

type Child = Node | string | null | undefined | false;

/** Attributes of `h`: strings are set as attributes, `false`/`null`/`undefined` are left out. */
export type Attrs = Readonly<Record<string, string | number | boolean | null | undefined>>;

/**
 * Creates an element with attributes and children (strings become text nodes).
 *
 * @example
 * h('p', { class: 'hint' }, 'Paste here')
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  setAttrs(el, attrs);
  append(el, children);
  return el;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * Creates an SVG element.
 *
 * @example
 * svg('path', { d: 'M0 0h1v1H0z' })
 */
export function svg(tag: string, attrs: Attrs = {}, ...children: Child[]): SVGElement {
  const el = document.createElementNS(SVG_NS, tag) as SVGElement;
  setAttrs(el, attrs);
  append(el, children);
  return el;
}

function setAttrs(el: Element, attrs: Attrs): void {
  for (const [name, value] of Object.entries(attrs)) {
    if (value === false || value === null || value === undefined) continue;
    el.setAttribute(name, value === true ? '' : String(value));
  }
}

function append(el: Element, children: readonly Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    el.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
}

/**
 * The element with this id, or an error naming the id (the page's skeleton is fixed, so this is a bug).
 *
 * @example
 * byId<HTMLTextAreaElement>('read-input').value
 */
export function byId<T extends HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (el === null) throw new Error(`missing element #${id}`);
  return el as T;
}
