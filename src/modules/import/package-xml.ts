/**
 * A small, strict XML reader for publication manifests (issue 25.6). It never reads a DTD: a
 * document with `<!DOCTYPE` or `<!ENTITY` is refused, so there is no entity expansion ("billion
 * laughs") and no external entity; only the five predefined entities and character references are
 * decoded. Size, depth and element count are bounded, and the work is linear in the input.
 */
import { ImportError } from "./import.errors.ts";

export interface XmlNode {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  /** the element's own text (not its children's), entities decoded */
  text: string;
}

export const XML_LIMITS = { maxBytes: 16 * 1024 * 1024, maxDepth: 64, maxElements: 200_000 };

const PREDEFINED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

function refuse(detail: string): never {
  throw new ImportError("package_invalid", detail);
}

/** Decodes the predefined entities and character references; any other entity is refused. */
export function decodeEntities(raw: string): string {
  if (!raw.includes("&")) {
    return raw;
  }
  return raw.replace(/&([^;&\s]{0,12});/g, (_, name: string) => {
    if (name in PREDEFINED) {
      return PREDEFINED[name] as string;
    }
    const code = name.startsWith("#x")
      ? Number.parseInt(name.slice(2), 16)
      : name.startsWith("#")
        ? Number.parseInt(name.slice(1), 10)
        : Number.NaN;
    if (Number.isNaN(code)) {
      refuse(`ukendt entitet &${name}; – DTD-entiteter læses ikke`);
    }
    // Control characters some exporters write (eDoc's form feed) are not text: a space instead.
    if (code < 0x20 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) {
      return code === 9 || code === 10 || code === 13 ? String.fromCodePoint(code) : " ";
    }
    return String.fromCodePoint(code);
  });
}

const NAME = /^[A-Za-z_:][-A-Za-z0-9_.:]*/;
const ATTR = /([A-Za-z_:][-A-Za-z0-9_.:]*)\s*=\s*("([^"]*)"|'([^']*)')/g;

/** Parses an XML document into a tree; throws `package_invalid` with a Danish detail. */
export function parseXml(input: string | Uint8Array, limits = XML_LIMITS): XmlNode {
  const size = typeof input === "string" ? input.length : input.byteLength;
  if (size > limits.maxBytes) {
    refuse(`XML-manifestet er større end ${Math.round(limits.maxBytes / 1024 / 1024)} MB`);
  }
  const xml = (typeof input === "string" ? input : new TextDecoder("utf-8").decode(input)).replace(
    /^\uFEFF/,
    "",
  );
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) {
    refuse(
      "XML med DTD eller entitetserklæringer afvises (ingen entitetsudvidelse, ingen eksterne entiteter)",
    );
  }
  const root: XmlNode = { name: "#document", attrs: {}, children: [], text: "" };
  const stack: XmlNode[] = [root];
  let elements = 0;
  let at = 0;
  while (at < xml.length) {
    const lt = xml.indexOf("<", at);
    const top = stack[stack.length - 1] as XmlNode;
    if (lt < 0) {
      if (xml.slice(at).trim() !== "" && stack.length > 1) {
        refuse("XML slutter midt i et element");
      }
      break;
    }
    if (lt > at && stack.length > 1) {
      top.text += decodeEntities(xml.slice(at, lt));
    }
    if (xml.startsWith("<!--", lt)) {
      const end = xml.indexOf("-->", lt + 4);
      at = end < 0 ? refuse("uafsluttet kommentar") : end + 3;
    } else if (xml.startsWith("<![CDATA[", lt)) {
      const end = xml.indexOf("]]>", lt + 9);
      if (end < 0) {
        refuse("uafsluttet CDATA");
      }
      top.text += xml.slice(lt + 9, end);
      at = end + 3;
    } else if (xml.startsWith("<?", lt)) {
      const end = xml.indexOf("?>", lt + 2);
      at = end < 0 ? refuse("uafsluttet behandlingsinstruktion") : end + 2;
    } else if (xml.startsWith("<!", lt)) {
      refuse("ukendt erklæring i XML");
    } else if (xml.startsWith("</", lt)) {
      const end = xml.indexOf(">", lt);
      const name = xml.slice(lt + 2, end < 0 ? xml.length : end).trim();
      if (end < 0 || stack.length < 2 || top.name !== name) {
        refuse(`sluttag </${name.slice(0, 40)}> passer ikke`);
      }
      stack.pop();
      at = end + 1;
    } else {
      const end = tagEnd(xml, lt);
      const inner = xml.slice(lt + 1, end);
      const selfClosing = inner.endsWith("/");
      const body = selfClosing ? inner.slice(0, -1) : inner;
      const name = NAME.exec(body)?.[0];
      if (!name) {
        refuse("ugyldigt elementnavn");
      }
      elements += 1;
      if (elements > limits.maxElements) {
        refuse(`mere end ${limits.maxElements} elementer`);
      }
      const node: XmlNode = { name, attrs: readAttrs(body.slice(name.length)), children: [], text: "" };
      if (stack.length === 1 && root.children.length > 0) {
        refuse("mere end ét rodelement");
      }
      top.children.push(node);
      if (!selfClosing) {
        if (stack.length > limits.maxDepth) {
          refuse(`elementer indlejret dybere end ${limits.maxDepth}`);
        }
        stack.push(node);
      }
      at = end + 1;
    }
  }
  if (stack.length > 1) {
    refuse("XML slutter midt i et element");
  }
  const first = root.children[0];
  if (!first) {
    refuse("intet rodelement");
  }
  return first;
}

/** The `>` that ends a tag, outside quoted attribute values. */
function tagEnd(xml: string, from: number): number {
  let quote = "";
  for (let i = from + 1; i < xml.length; i++) {
    const c = xml[i];
    if (quote) {
      if (c === quote) {
        quote = "";
      }
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (c === ">") {
      return i;
    } else if (c === "<") {
      break;
    }
  }
  return refuse("uafsluttet tag");
}

function readAttrs(text: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  for (const m of text.matchAll(ATTR)) {
    attrs[m[1] as string] = decodeEntities(m[3] ?? m[4] ?? "");
  }
  return attrs;
}

/** The local name (without a namespace prefix). */
const local = (name: string) => name.slice(name.indexOf(":") + 1);

/** Child elements with this local name. */
export function kids(node: XmlNode | undefined, name: string): XmlNode[] {
  return node ? node.children.filter((c) => local(c.name) === name) : [];
}

/** The first child element with this local name. */
export function kid(node: XmlNode | undefined, name: string): XmlNode | undefined {
  return node?.children.find((c) => local(c.name) === name);
}

/** The trimmed text of a child element ("" when absent). */
export function textOf(node: XmlNode | undefined, name: string): string {
  return (kid(node, name)?.text ?? "").trim();
}

/** Every descendant element with this local name, in document order. */
export function descendants(node: XmlNode, name: string, out: XmlNode[] = []): XmlNode[] {
  for (const c of node.children) {
    if (local(c.name) === name) {
      out.push(c);
    }
    descendants(c, name, out);
  }
  return out;
}
