import { notFound } from "../server/errors.ts";

/** Readable URL parts: "Sundhedsklynge Nord – FSN" → "sundhedsklynge-nord-fsn". */
export function slugify(text: string): string {
  return text
    .toLowerCase()
    .replaceAll("æ", "ae")
    .replaceAll("ø", "oe")
    .replaceAll("å", "aa")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80)
    .replace(/-+$/, "");
}

/** "12-sundhedsklynge-nord" → 12; null for anything not starting with a positive id. */
export function idFromSlug(param: string): number | null {
  const m = /^(\d{1,9})(?:-[a-z0-9-]*)?$/.exec(param);
  const id = m ? Number(m[1]) : 0;
  return id > 0 ? id : null;
}

/** The id of a readable address ("12-kom-trygt-hjem"); a 404 naming `what` ("Indsatsen") for anything else. */
export function idFromSlugOr404(param: string, what: string): number {
  const id = idFromSlug(param);
  if (id === null) {
    throw notFound(what);
  }
  return id;
}

/** "<id>-<slug>" or just "<id>" when the text has no letters or digits. */
export function idSlug(id: number, ...texts: string[]): string {
  const slug = texts.map(slugify).filter(Boolean).join("-");
  return slug ? `${id}-${slug}` : String(id);
}
