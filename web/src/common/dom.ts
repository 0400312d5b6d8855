/**
 * A tiny DOM builder for pages under a strict CSP. Text is always a Text node (never parsed as HTML), and the builder
 * refuses the attributes through which markup could run code or style: `style`, `on*`, `srcdoc`, and `javascript:`
 * URLs. There is no innerHTML anywhere: an organization named `<img src=x onerror=…>` is shown as those characters.
 */
export type Child = Node | string | number | null | undefined | false | readonly Child[];

export interface Props {
  class?: string | readonly (string | false | null | undefined)[];
  /** Plain attributes (id, href, aria-*, role, type, …). null/undefined/false leave the attribute off. */
  [attribute: string]: unknown;
}

type Listeners = { [K in keyof HTMLElementEventMap]?: (event: HTMLElementEventMap[K]) => void };

const FORBIDDEN_ATTRIBUTE = /^(on|style$|srcdoc$)/i;
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'xlink:href']);

/** Only this site's paths, http(s), mailto, tel, blob and data:image URLs may appear in links and sources. */
export function safeUrl(value: string): string {
  const trimmed = value.trim();
  if (/^(https?:|mailto:|tel:|blob:|data:image\/)/i.test(trimmed)) return trimmed;
  // A path of this site, but not `//host` (another origin without a scheme) nor any other scheme (javascript:).
  if (!trimmed.startsWith('//') && !/^[a-z][a-z0-9+.-]*:/i.test(trimmed)) return trimmed;
  return '#';
}

function setAttribute(el: Element, name: string, value: unknown): void {
  if (value === null || value === undefined || value === false) return;
  if (FORBIDDEN_ATTRIBUTE.test(name)) throw new Error(`attribute ${name} is not allowed`);
  const text = value === true ? '' : String(value);
  el.setAttribute(name, URL_ATTRIBUTES.has(name.toLowerCase()) ? safeUrl(text) : text);
}

export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(parent, ...(child as readonly Child[]));
    else if (child instanceof Node) parent.appendChild(child);
    else parent.appendChild(document.createTextNode(String(child)));
  }
}

function applyProps(el: Element, props: Props | null | undefined, on?: Listeners): void {
  if (props) {
    for (const [name, value] of Object.entries(props)) {
      if (name === 'class') {
        const classes = Array.isArray(value) ? value.filter(Boolean).join(' ') : value;
        if (classes) el.setAttribute('class', String(classes));
      } else setAttribute(el, name, value);
    }
  }
  if (on) for (const [type, listener] of Object.entries(on)) el.addEventListener(type, listener as EventListener);
}

/** `h('p', { class: 'note' }, 'text', child)`: an HTML element whose string children are text nodes. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props?: Props | null,
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  applyProps(el, props);
  append(el, ...children);
  return el;
}

/** Like h, with event listeners: `hl('button', { type: 'button' }, { click: go }, 'Go')`. */
export function hl<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props | null,
  on: Listeners,
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = h(tag, props, ...children);
  applyProps(el, null, on);
  return el;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** An SVG element (icons, stars). Presentation attributes such as fill are attributes, not inline styles. */
export function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  props?: Props | null,
  ...children: Child[]
): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG_NS, tag);
  applyProps(el, props);
  append(el, ...children);
  return el;
}

/** Replaces all children of `parent`. */
export function replaceChildren(parent: Element, ...children: Child[]): void {
  while (parent.firstChild) parent.removeChild(parent.firstChild);
  append(parent, ...children);
}

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`#${id} is missing from the page`);
  return el as T;
}
