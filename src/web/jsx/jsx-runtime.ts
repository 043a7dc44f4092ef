/**
 * A small JSX-to-string runtime: `<p>{text}</p>` becomes an Html value whose text is escaped.
 * Only Html values (other elements, or raw() for trusted output such as the Markdown renderer)
 * pass through unescaped. TypeScript finds it through tsconfig `jsxImportSource: "#jsx"` and the
 * `imports` map of package.json; tsx and Vitest compile .tsx files with it, no build step.
 */

import { hyphenate } from "../../lib/hyphenate.ts";

/** Markup that is already safe to send: produced by elements or by raw(). */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export type Child = Html | string | number | boolean | null | undefined | readonly Child[];
export type AttrValue = string | number | boolean | null | undefined;
export type Component<P = Record<string, unknown>> = (props: P) => Html;

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};
const ESCAPE_RE = /[&<>"']/g;
const NEEDS_ESCAPE = /[&<>"']/;

/** Escapes text for use in HTML content and in quoted attribute values. */
export function escapeHtml(text: string): string {
  return NEEDS_ESCAPE.test(text) ? text.replace(ESCAPE_RE, (c) => ESCAPES[c] as string) : text;
}

/** Marks trusted markup as safe. Only for output of our own renderers, never for user text. */
export function raw(html: string): Html {
  return new Html(html);
}

const VOID = new Set([
  "area",
  "base",
  "br",
  "col",
  "embed",
  "hr",
  "img",
  "input",
  "link",
  "meta",
  "source",
  "track",
  "wbr",
]);
const ATTR_NAME_RE = /^[a-zA-Z_:][a-zA-Z0-9_.:-]*$/;

function renderChild(child: Child): string {
  if (child === null || child === undefined || child === false || child === true) {
    return "";
  }
  if (child instanceof Html) {
    return child.value;
  }
  if (Array.isArray(child)) {
    let out = "";
    for (const c of child as readonly Child[]) {
      out += renderChild(c);
    }
    return out;
  }
  return escapeHtml(String(child));
}

function renderAttrs(props: Record<string, unknown>): string {
  let out = "";
  for (const key in props) {
    if (key === "children") {
      continue;
    }
    const value = props[key];
    if (value === null || value === undefined || value === false) {
      continue;
    }
    const name = key === "className" ? "class" : key === "htmlFor" ? "for" : key;
    if (!ATTR_NAME_RE.test(name)) {
      throw new Error(`Ugyldigt attributnavn: ${name}`);
    }
    out += value === true ? ` ${name}` : ` ${name}="${escapeHtml(String(value))}"`;
  }
  return out;
}

export function Fragment(props: { children?: Child }): Html {
  return new Html(renderChild(props.children));
}

/**
 * The page title's long words get soft hyphens (a body's name must not break mid-word on a phone); only h1,
 * where the long names are and where a 16-letter word no longer fits a phone's line at heading size.
 */
const HEADINGS = new Set(["h1"]);

function withSoftHyphens(child: Child): Child {
  if (typeof child === "string") {
    return hyphenate(child);
  }
  return Array.isArray(child) ? (child as readonly Child[]).map(withSoftHyphens) : child;
}

/** The automatic runtime's entry: called for every element and component. */
export function jsx(
  type: string | Component<Record<string, unknown>>,
  props: Record<string, unknown> & { children?: Child },
): Html {
  if (typeof type === "function") {
    return type(props);
  }
  const open = `<${type}${renderAttrs(props)}>`;
  if (VOID.has(type)) {
    return new Html(open);
  }
  const children = HEADINGS.has(type) ? withSoftHyphens(props.children) : props.children;
  return new Html(`${open}${renderChild(children)}</${type}>`);
}

export const jsxs = jsx;
export const jsxDEV = jsx;

type Attrs = { [name: string]: AttrValue | Child; children?: Child };

export declare namespace JSX {
  type Element = Html;
  interface ElementChildrenAttribute {
    children: unknown;
  }
  interface IntrinsicElements {
    [tag: string]: Attrs;
  }
}
