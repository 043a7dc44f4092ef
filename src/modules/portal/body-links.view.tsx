import type { Html } from "#jsx/jsx-runtime";
import type { PageCtx } from "../../web/page.ts";
import { SubscribeForm } from "../notifications/index.ts";

/** The feeds and calendars of a body, for <link rel="alternate"> in the page's head. */
export function bodyAlternates(ctx: PageCtx, bodyId: number) {
  return [
    { href: `/organer/${bodyId}/nyt.atom`, type: "application/atom+xml", title: ctx.t("links.bodyFeed") },
    { href: `/organer/${bodyId}/kalender.ics`, type: "text/calendar", title: ctx.t("links.bodyIcs") },
  ];
}

/** The body page's "follow" section: calendar, meeting plans, news feed, and e-mail without an account. */
export function BodyLinks({ ctx, bodyId, years }: { ctx: PageCtx; bodyId: number; years: number[] }): Html {
  const { t } = ctx;
  return (
    <section class="d-print-none" aria-labelledby="follow-h">
      <h2 id="follow-h">{t("links.heading")}</h2>
      <ul>
        <li>
          <a href={`/organer/${bodyId}/kalender.ics`} type="text/calendar">
            {t("links.bodyIcs")}
          </a>
        </li>
        {years.flatMap((year) => [
          <li>
            <a href={`/organer/${bodyId}/moedeplan/${year}.pdf`} type="application/pdf">
              {t("links.planPdf", { year })}
            </a>
          </li>,
          <li>
            <a href={`/organer/${bodyId}/moedeplan/${year}.ics`} type="text/calendar">
              {t("links.planIcs", { year })}
            </a>
          </li>,
        ])}
        <li>
          <a href={`/organer/${bodyId}/nyt.atom`} type="application/atom+xml">
            {t("links.bodyFeed")}
          </a>
        </li>
      </ul>
      <SubscribeForm ctx={ctx} bodyId={bodyId} />
    </section>
  );
}
