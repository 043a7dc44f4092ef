import type { Html } from "#jsx/jsx-runtime";
import { Layout } from "../../server/layout.tsx";
import { formatDayLong, formatMonth, formatTime } from "../../web/format.ts";
import type { MessageKey } from "../../web/i18n.ts";
import type { PageCtx } from "../../web/page.ts";
import type { MeetingSummary } from "./meetings.portal.ts";
import { meetingPath } from "./meetings.urls.ts";

export interface CalendarData {
  year: number;
  month: number;
  bodyId: number | null;
  bodies: { id: number; name: string }[];
  meetings: MeetingSummary[];
}

const pad = (n: number) => String(n).padStart(2, "0");

/** "?maaned=2026-04&organ=3": the calendar's own address for a month and filter. */
export function calendarHref(year: number, month: number, bodyId: number | null): string {
  const q = new URLSearchParams({ maaned: `${year}-${pad(month)}` });
  if (bodyId !== null) {
    q.set("organ", String(bodyId));
  }
  return `/kalender?${q.toString()}`;
}

function shift(year: number, month: number, by: number): [number, number] {
  const index = year * 12 + (month - 1) + by;
  return [Math.floor(index / 12), (index % 12) + 1];
}

/** The whole site's calendar and news feed, declared in the head of the pages that show them. */
export const SITE_ALTERNATES = (ctx: PageCtx) => [
  { href: "/nyt.atom", type: "application/atom+xml", title: ctx.t("links.allFeed") },
  { href: "/kalender.ics", type: "text/calendar", title: ctx.t("links.allIcs") },
];

/** The month view: a filter form, previous/next links and the month's meetings as a table. */
export function CalendarPage({ ctx, data }: { ctx: PageCtx; data: CalendarData }): Html {
  const { t } = ctx;
  const monthName = formatMonth(data.year, data.month, ctx.lang);
  const [py, pm] = shift(data.year, data.month, -1);
  const [ny, nm] = shift(data.year, data.month, 1);
  const heading = t("calendar.month", { month: monthName });
  return (
    <Layout
      ctx={ctx}
      title={heading}
      current="calendar"
      crumbs={[{ text: t("nav.front"), href: "/" }, { text: t("calendar.title") }]}
      alternates={SITE_ALTERNATES(ctx)}
    >
      <h1>{heading}</h1>
      <ul class="tv-plain d-print-none">
        <li>
          <a href="/kalender.ics" type="text/calendar">
            {t("links.allIcs")}
          </a>
        </li>
        {data.bodyId ? (
          <li>
            <a href={`/organer/${data.bodyId}/kalender.ics`} type="text/calendar">
              {t("links.bodyIcs")}
            </a>
          </li>
        ) : null}
        <li>
          <a href="/nyt.atom" type="application/atom+xml">
            {t("links.allFeed")}
          </a>
        </li>
      </ul>
      <form method="get" action="/kalender" class="tv-filter">
        <input type="hidden" name="maaned" value={`${data.year}-${pad(data.month)}`} />
        <div class="form-group">
          <label class="form-label" for="organ">
            {t("calendar.filter")}
          </label>
          <select class="form-select" id="organ" name="organ">
            <option value="">{t("calendar.allBodies")}</option>
            {data.bodies.map((b) => (
              <option value={String(b.id)} selected={b.id === data.bodyId}>
                {b.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" class="button button-secondary">
          {t("calendar.show")}
        </button>
      </form>
      <nav class="tv-month-nav" aria-label={t("calendar.title")}>
        <a href={calendarHref(py, pm, data.bodyId)} rel="prev">
          {`← ${t("calendar.previous")} (${formatMonth(py, pm, ctx.lang)})`}
        </a>
        <a href={calendarHref(ny, nm, data.bodyId)} rel="next">
          {`${t("calendar.next")} (${formatMonth(ny, nm, ctx.lang)}) →`}
        </a>
      </nav>
      {data.meetings.length === 0 ? (
        <p>{t("calendar.none", { month: monthName })}</p>
      ) : (
        <div class="table--responsive-scroll">
          <table class="table table--zebra">
            <caption class="sr-only">{heading}</caption>
            <thead>
              <tr>
                <th scope="col">{t("calendar.date")}</th>
                <th scope="col">{t("calendar.time")}</th>
                <th scope="col">{t("meeting.body")}</th>
                <th scope="col">{t("meeting.place")}</th>
                <th scope="col">{t("meeting.status")}</th>
              </tr>
            </thead>
            <tbody>
              {data.meetings.map((m) => {
                const start = new Date(m.start);
                return (
                  <tr>
                    <td>
                      <time datetime={m.start}>{formatDayLong(start, ctx.lang)}</time>
                    </td>
                    <td>{formatTime(start, ctx.lang)}</td>
                    <td>
                      <a href={meetingPath(m, { name: m.bodyName, shortName: m.bodyShortName })}>
                        {m.bodyName}
                        {m.title ? `: ${m.title}` : null}
                      </a>
                    </td>
                    <td>{m.location ?? ""}</td>
                    <td>
                      {m.cancelled ? (
                        <strong>{t("meeting.cancelled")}</strong>
                      ) : (
                        t(`status.${m.status}` as MessageKey)
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
}
