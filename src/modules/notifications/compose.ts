/**
 * The text of a notification mail in the reader's language: plain text and HTML with the same words, a
 * link to the page, and a footer with the reader's settings and a one-click unsubscribe. Pure: what a
 * reader may see is decided before (expand.ts), this only writes it.
 */
import { formatDateTimeLong, formatIsoDay } from "../../web/format.ts";
import { type Lang, type MessageKey, t } from "../../web/i18n.ts";
import type { Message } from "./topics.ts";

export interface MailFacts {
  message: Message;
  bodyName: string;
  start: Date | null;
  previousStart?: Date | null;
  /** the cancellation's reason (public, as in the calendars) */
  reason?: string | null;
  /** the supplementary agenda's note: only for readers who are members */
  note?: string | null;
  /** the chair's comment on minutes sent back: only for the secretariat */
  comment?: string | null;
  /** the items the reader may see by title; null title: a closed item shown by number only */
  items?: Array<{ number: number; title: string | null }>;
  /** an item's title in a referral, when the reader may see it */
  itemTitle?: string | null;
  actionText?: string | null;
  /** an obligation's text, when the item it came from is not closed */
  obligationText?: string | null;
  dueDate?: string | null;
  url: string;
}

export interface MailFooter {
  /** the reader's settings page (users) */
  settingsUrl?: string;
  /** the page where one click unsubscribes */
  unsubscribeUrl?: string;
  /** the reader is a public subscriber of this body */
  subscriberOf?: string;
  /** the reader takes part in this body */
  memberOf?: string;
}

export interface ComposedMail {
  subject: string;
  text: string;
  html: string;
}

export function escapeHtml(s: string): string {
  return s
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/** The footer lines of every mail: why you get it, your settings, and how to stop it. */
function footerLines(lang: Lang, f: MailFooter): Array<{ text: string; html: string }> {
  const lines: Array<{ text: string; html: string }> = [];
  if (f.subscriberOf) {
    const text = t(lang, "notify.footerPublic", { body: f.subscriberOf });
    lines.push({ text, html: escapeHtml(text) });
  }
  if (f.settingsUrl) {
    const key: MessageKey = f.memberOf ? "notify.footerUser" : "notify.footerUserNoBody";
    const params = { body: f.memberOf ?? "", settings: f.settingsUrl };
    lines.push({
      text: t(lang, key, params),
      html: escapeHtml(t(lang, key, { ...params, settings: "\u0000" })).replace(
        "\u0000",
        `<a href="${escapeHtml(f.settingsUrl)}">${escapeHtml(t(lang, "notify.settings.title"))}</a>`,
      ),
    });
  }
  if (f.unsubscribeUrl) {
    lines.push({
      text: t(lang, "notify.unsubscribe", { url: f.unsubscribeUrl }),
      html: `<a href="${escapeHtml(f.unsubscribeUrl)}">${escapeHtml(t(lang, "notify.unsubscribeLink"))}</a>`,
    });
  }
  return lines;
}

/** Puts the paragraphs, the link and the footer into a text and an HTML part. */
export function assemble(
  lang: Lang,
  subject: string,
  paragraphs: string[],
  list: string[],
  link: { url: string; label: string },
  footer: MailFooter,
): ComposedMail {
  const foot = footerLines(lang, footer);
  const text = [
    ...paragraphs,
    ...(list.length > 0 ? [list.map((l) => `• ${l}`).join("\n")] : []),
    `${link.label}: ${link.url}`,
    "--",
    ...foot.map((l) => l.text),
  ].join("\n\n");
  const html = [
    `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head><body>`,
    ...paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`),
    list.length > 0 ? `<ul>${list.map((l) => `<li>${escapeHtml(l)}</li>`).join("")}</ul>` : "",
    `<p><a href="${escapeHtml(link.url)}">${escapeHtml(link.label)}</a></p>`,
    `<hr><p><small>${foot.map((l) => l.html).join("<br>")}</small></p>`,
    "</body></html>",
  ].join("");
  return { subject, text: `${text}\n`, html };
}

/** One notification mail. */
export function composeMail(lang: Lang, f: MailFacts, footer: MailFooter): ComposedMail {
  const when = f.start ? formatDateTimeLong(f.start, lang) : "";
  const params = {
    body: f.bodyName,
    when,
    previous: f.previousStart ? formatDateTimeLong(f.previousStart, lang) : "",
  };
  const subject = t(lang, `notify.subject.${f.message}`, params);
  const paragraphs = [t(lang, `notify.lead.${f.message}`, params)];
  if (f.reason) {
    paragraphs.push(t(lang, "notify.reason", { text: f.reason }));
  }
  if (f.note) {
    paragraphs.push(t(lang, "notify.note", { text: f.note }));
  }
  if (f.comment) {
    paragraphs.push(t(lang, "notify.comment", { text: f.comment }));
  }
  if (f.itemTitle) {
    paragraphs.push(f.itemTitle);
  }
  if (f.actionText) {
    paragraphs.push(f.actionText);
  }
  if (f.obligationText) {
    paragraphs.push(f.obligationText);
  }
  if (f.dueDate) {
    paragraphs.push(t(lang, "notify.dueDate", { date: formatIsoDay(f.dueDate, lang) }));
  }
  const list = (f.items ?? []).map((i) =>
    i.title === null ? t(lang, "notify.closedItem", { number: i.number }) : `${i.number}. ${i.title}`,
  );
  if (list.length > 0) {
    paragraphs.push(t(lang, "notify.items"));
  }
  return assemble(lang, subject, paragraphs, list, { url: f.url, label: t(lang, "notify.openLink") }, footer);
}
