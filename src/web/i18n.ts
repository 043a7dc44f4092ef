/**
 * The message catalogue and t(). Danish is the source: its keys type every lookup, and the
 * English catalogue must have exactly the same keys (tsc fails otherwise).
 * Language per request: `?lang=` (stored in the `tvaers_lang` cookie), then the cookie, then
 * Accept-Language, then Danish; a logged-in user's saved choice (users.locale) comes before the cookie.
 */

import { da } from "./messages.da.ts";
import { en } from "./messages.en.ts";

export type Lang = "da" | "en";
export const LANGS: readonly Lang[] = ["da", "en"];
export const LANG_COOKIE = "tvaers_lang";
export type MessageKey = keyof typeof da;
export type Messages = Record<MessageKey, string>;

const catalogues: Record<Lang, Messages> = { da, en };

export function isLang(value: unknown): value is Lang {
  return value === "da" || value === "en";
}

/** The message for a key, with {name} placeholders filled in. */
export function t(lang: Lang, key: MessageKey, params?: Record<string, string | number>): string {
  const text = catalogues[lang][key];
  if (!params) {
    return text;
  }
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    params[name] === undefined ? whole : String(params[name]),
  );
}

/** A t() bound to one language, handed to pages. */
export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;
export const translator =
  (lang: Lang): Translate =>
  (key, params) =>
    t(lang, key, params);

/** Picks da or en from an Accept-Language header by quality; null when neither is named. */
export function langFromAcceptLanguage(header: string | undefined): Lang | null {
  if (!header) {
    return null;
  }
  const ranked = header
    .split(",")
    .map((part) => {
      const [tag = "", ...rest] = part.trim().split(";");
      const q = rest.find((r) => r.trim().startsWith("q="));
      return { tag: tag.toLowerCase(), q: q ? Number(q.trim().slice(2)) : 1 };
    })
    .filter((x) => Number.isFinite(x.q) && x.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    const base = tag.split("-")[0];
    if (isLang(base)) {
      return base;
    }
    if (base === "nb" || base === "nn" || base === "no" || base === "sv") {
      return "da";
    }
  }
  return null;
}

/** The language of a request: explicit choice, then cookie, then the browser, then Danish. */
export function resolveLang(query: unknown, cookie: unknown, acceptLanguage: string | undefined): Lang {
  if (isLang(query)) {
    return query;
  }
  if (isLang(cookie)) {
    return cookie;
  }
  return langFromAcceptLanguage(acceptLanguage) ?? "da";
}
