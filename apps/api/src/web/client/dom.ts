/**
 * Elements built from data, never from HTML strings: every name and figure that comes from the API is
 * a text node, so a hostile enterprise name cannot become markup.
 */

type Attrs = Readonly<Record<string, string | boolean | undefined>>;
export type Child = Node | string | null | undefined | false;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: readonly (Child | readonly Child[])[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? '' : value);
  }
  append(element, children);
  return element;
}

/** An SVG element (charts): made in the SVG namespace, its text a text node like every other. */
export function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Readonly<Record<string, string>>,
  text?: string,
): SVGElementTagNameMap[K] {
  const node = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  if (text !== undefined) node.textContent = text;
  return node;
}

function append(parent: Node, children: readonly (Child | readonly Child[])[]): void {
  for (const child of children) {
    if (Array.isArray(child)) append(parent, child as readonly Child[]);
    else if (typeof child === 'string') parent.appendChild(document.createTextNode(child));
    else if (child instanceof Node) parent.appendChild(child);
  }
}

/** Replaces the children of `parent`. */
export function show(parent: Element, ...children: readonly (Child | readonly Child[])[]): void {
  parent.replaceChildren();
  append(parent, children);
}

/**
 * A table with a caption and scoped column headers. Each cell carries its column's name
 * (`data-label`): on a phone the rows become cards and every figure shows what it is.
 */
export function table(
  caption: string,
  headers: readonly string[],
  rows: readonly (readonly (Child | readonly Child[])[])[],
  attrs: Attrs = {},
): HTMLElement {
  return h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      attrs,
      h('caption', {}, caption),
      h('thead', {}, h('tr', {}, ...headers.map((text) => h('th', { scope: 'col' }, text)))),
      h(
        'tbody',
        {},
        ...rows.map((cells) =>
          h('tr', {}, ...cells.map((cell, i) => h('td', { 'data-label': headers[i] ?? '' }, cell))),
        ),
      ),
    ),
  );
}

let fieldIds = 0;
/** A unique id for a label's `for`. */
export function uid(prefix: string): string {
  fieldIds += 1;
  return `${prefix}-${fieldIds}`;
}

/** Puts the keyboard focus on a view's heading after navigation, so screen readers announce it. */
export function focusHeading(root: Element): void {
  const heading = root.querySelector('h2');
  if (heading instanceof HTMLElement) {
    heading.tabIndex = -1;
    heading.focus();
  }
}
