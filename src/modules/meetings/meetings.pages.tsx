import type { Html } from "#jsx/jsx-runtime";
import { type Crumb, Layout } from "../../server/layout.tsx";
import { formatDateTimeLong, formatTime } from "../../web/format.ts";
import type { MessageKey } from "../../web/i18n.ts";
import type { PageCtx } from "../../web/page.ts";
import { bodyPath, type TBody } from "../bodies/index.ts";
import { type MembershipRole, personPath } from "../people/index.ts";
import { AgendaChanges } from "./agenda-changes.view.tsx";
import type { AgendaSupplementView } from "./agenda-supplements.service.ts";
import type { TItem } from "./items.schemas.ts";
import { ItemView, itemAnchor } from "./meeting-item.view.tsx";
import { MeetingLinks } from "./meeting-links.view.tsx";
import type { MeetingSummary } from "./meetings.portal.ts";
import type { TAttendance, TMeeting } from "./meetings.schemas.ts";
import { meetingPath } from "./meetings.urls.ts";
import type { Visibility } from "./visibility.ts";

export interface MeetingPageData {
  meeting: TMeeting;
  body: TBody;
  items: TItem[];
  attendance: TAttendance[];
  persons: Map<number, { id: number; name: string; title: string | null }>;
  /** each member's role in the body on the meeting's day and the party they represent (issue 16.5) */
  members?: Map<number, { role: MembershipRole; party: string | null }>;
  visibility: Visibility;
  /** the supplementary agendas' change log, as this reader may see it */
  supplements: AgendaSupplementView[];
  /** other modules' additions under items (item-extras.ts), by item id */
  extras?: Map<number, Html[]>;
}

/** "Referat" once the reader may see decisions of a held meeting, else "Dagsorden". */
function documentKind(d: MeetingPageData): MessageKey {
  const held = !["planned", "agenda_published"].includes(d.meeting.status);
  return held && d.visibility.minutes ? "meeting.minutes" : "meeting.agenda";
}

function Toc({ ctx, items }: { ctx: PageCtx; items: TItem[] }): Html {
  const { t } = ctx;
  return (
    <nav class="tv-toc" aria-labelledby="toc-h">
      <h2 id="toc-h">{t("meeting.toc")}</h2>
      <div class="table--responsive-scroll">
        <table class="table table--compact">
          <thead>
            <tr>
              <th scope="col">{t("meeting.number")}</th>
              <th scope="col">{t("meeting.item")}</th>
              <th scope="col">{t("meeting.duration")}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((i) => (
              <tr>
                <td>{String(i.number)}</td>
                <td>
                  <a href={`#${itemAnchor(i.number)}`}>{i.redacted ? t("meeting.closedItem") : i.title}</a>
                  {i.access === "closed" && !i.redacted ? ` (${t("meeting.closed")})` : null}
                </td>
                <td>{i.durationMinutes ? t("meeting.minutesShort", { n: i.durationMinutes }) : ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </nav>
  );
}

function Attendance({ ctx, data }: { ctx: PageCtx; data: MeetingPageData }): Html | null {
  const { t } = ctx;
  if (data.attendance.length === 0) {
    return null;
  }
  const person = (id: number | null) => (id === null ? undefined : data.persons.get(id));
  const link = (id: number | null) => {
    const p = person(id);
    return p ? <a href={personPath(p)}>{p.name}</a> : "?";
  };
  const seat = (id: number | null) => {
    const m = id === null ? undefined : data.members?.get(id);
    return m ? (
      <span class="tv-meta tv-block">
        {[t(`role.${m.role}` as MessageKey), m.party].filter(Boolean).join(" · ")}
      </span>
    ) : null;
  };
  const numbers = new Map(data.items.map((i) => [i.id, i.number]));
  const groups: { key: MessageKey; rows: TAttendance[] }[] = [
    {
      key: "meeting.present",
      rows: data.attendance.filter((a) => a.status === "present" || a.status === "substitute"),
    },
    { key: "meeting.afbud", rows: data.attendance.filter((a) => a.status === "afbud") },
    { key: "meeting.absent", rows: data.attendance.filter((a) => a.status === "absent") },
    { key: "meeting.guests", rows: data.attendance.filter((a) => a.status === "guest") },
  ];
  return (
    <section class="tv-attendance" aria-labelledby="attendance-h">
      <h2 id="attendance-h">{t("meeting.attendance")}</h2>
      <dl>
        {groups
          .filter((g) => g.rows.length > 0)
          .map((g) => [
            <dt>{t(g.key)}</dt>,
            <dd>
              <ul class="tv-people">
                {g.rows.map((a) => (
                  <li>
                    {link(a.personId)}
                    {a.status === "substitute"
                      ? ` (${t("meeting.substituteFor", { for: person(a.substituteForId)?.name ?? "?" })})`
                      : null}
                    {a.status === "guest" && a.guestItemIds.length > 0
                      ? ` (${t("meeting.guestItems", { items: a.guestItemIds.map((id) => numbers.get(id) ?? "?").join(", ") })})`
                      : null}
                    {a.status === "guest" ? null : seat(a.personId)}
                  </li>
                ))}
              </ul>
            </dd>,
          ])}
      </dl>
    </section>
  );
}

/** The meeting page, laid out like the minutes people know. */
export function MeetingPage({ ctx, data }: { ctx: PageCtx; data: MeetingPageData }): Html {
  const { t } = ctx;
  const { meeting, body } = data;
  const start = new Date(meeting.start);
  const kind = t(documentKind(data));
  const title = meeting.title ? `${body.name}: ${meeting.title}` : body.name;
  const crumbs: Crumb[] = [
    { text: t("nav.front"), href: "/" },
    { text: t("nav.bodies"), href: "/organer" },
    { text: body.name, href: bodyPath(body) },
    { text: formatDateTimeLong(start, ctx.lang) },
  ];
  const personName = (id: number) => data.persons.get(id)?.name ?? "?";
  return (
    <Layout
      ctx={ctx}
      title={`${kind}: ${title}, ${formatDateTimeLong(start, ctx.lang)}`}
      crumbs={crumbs}
      bodyClass="tv-minutes"
    >
      <header class="tv-meeting-head">
        <p class="tv-kicker">{kind}</p>
        <h1>{title}</h1>
        {meeting.cancelled ? (
          <div class="alert alert-warning" role="status">
            <div class="alert-body">
              <p class="alert-heading">{t("meeting.cancelled")}</p>
              <p class="alert-text">
                {t("meeting.cancelledText")}
                {meeting.cancelReason
                  ? ` ${t("meeting.cancelReason", { reason: meeting.cancelReason })}`
                  : null}
              </p>
            </div>
          </div>
        ) : null}
        <dl class="tv-facts">
          <dt>{t("meeting.when")}</dt>
          <dd>
            <time datetime={meeting.start}>{formatDateTimeLong(start, ctx.lang)}</time>
            {meeting.end ? `–${formatTime(new Date(meeting.end), ctx.lang)}` : null}
          </dd>
          {meeting.location ? [<dt>{t("meeting.place")}</dt>, <dd>{meeting.location}</dd>] : null}
          <dt>{t("meeting.body")}</dt>
          <dd>
            <a href={bodyPath(body)}>{body.name}</a>
          </dd>
          <dt>{t("meeting.status")}</dt>
          <dd>{t(`status.${meeting.status}` as MessageKey)}</dd>
        </dl>
        {data.visibility.member && meeting.status === "minutes_draft" ? (
          <p class="tv-draft">{t("meeting.draft")}</p>
        ) : null}
      </header>
      <MeetingLinks
        ctx={ctx}
        path={meetingPath(meeting, body)}
        meeting={meeting}
        visibility={data.visibility}
      />
      {!data.visibility.agenda ? (
        <p>{t("meeting.notPublished")}</p>
      ) : data.items.length === 0 ? (
        <p>{t("meeting.noItems")}</p>
      ) : (
        [
          <Toc ctx={ctx} items={data.items} />,
          <AgendaChanges ctx={ctx} supplements={data.supplements} />,
          <Attendance ctx={ctx} data={data} />,
          data.items.map((item) => (
            <ItemView
              ctx={ctx}
              item={item}
              personName={personName}
              extras={data.extras?.get(item.id) ?? []}
            />
          )),
        ]
      )}
    </Layout>
  );
}

/** A list of meetings with date, body and status; used by the front page, calendar and body pages. */
export function MeetingList({
  ctx,
  meetings,
  showBody = true,
}: {
  ctx: PageCtx;
  meetings: MeetingSummary[];
  showBody?: boolean;
}): Html {
  const { t } = ctx;
  return (
    <ul class="tv-meetings">
      {meetings.map((m) => {
        const start = new Date(m.start);
        const body = { name: m.bodyName, shortName: m.bodyShortName };
        return (
          <li class={m.cancelled ? "tv-cancelled" : undefined}>
            <a href={meetingPath(m, body)}>
              {showBody ? m.bodyName : formatDateTimeLong(start, ctx.lang)}
              {m.title ? `: ${m.title}` : null}
            </a>
            <span class="tv-meta">
              {[
                showBody ? formatDateTimeLong(start, ctx.lang) : null,
                m.location,
                t(`status.${m.status}` as MessageKey),
              ]
                .filter(Boolean)
                .join(" · ")}
            </span>
            {m.cancelled ? <strong class="tv-badge">{t("meeting.cancelled")}</strong> : null}
          </li>
        );
      })}
    </ul>
  );
}
