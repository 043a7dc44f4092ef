/** Calendars (iCal), news feeds (Atom) and the year's meeting plan: public data only. */
import { and, asc, desc, eq, gte, inArray, lt, ne, type SQL } from "drizzle-orm";
import { parseDateTime } from "../../lib/time.ts";
import type { Ctx } from "../../server/context.ts";
import { AppError } from "../../server/errors.ts";
import { getBody, listBodies, successorBodyIds } from "../bodies/index.ts";
import { getMeetingRow, meetings } from "../meetings/index.ts";
import { type AtomEntry, writeAtom } from "./atom.ts";
import { calendarCancellations } from "./calendar.tables.ts";
import { danishDate, danishDateTime } from "./danish.ts";
import { publicationTimes } from "./documents.service.ts";
import { type CalendarEvent, meetingUid, writeCalendar } from "./ical.ts";
import { installationId } from "./installation.ts";

type MeetingRow = typeof meetings.$inferSelect;
/** How far back a calendar reaches: a year of past meetings is plenty for a subscription. */
const CALENDAR_PAST_DAYS = 400;
const FEED_ENTRIES = 50;
/** How long a deleted meeting stays in the calendars as cancelled. */
const CANCELLED_KEPT_DAYS = 90;

async function bodyNames(ctx: Ctx): Promise<Map<number, { name: string; shortName: string | null }>> {
  const names = new Map<number, { name: string; shortName: string | null }>();
  let cursor: string | undefined;
  do {
    const page = await listBodies(ctx, { limit: 200, cursor });
    for (const b of page.items) {
      names.set(b.id, { name: b.name, shortName: b.shortName });
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return names;
}

/** A meeting as a calendar event: date, time and place are public; the agenda is only linked. */
function toEvent(m: MeetingRow, bodyName: string, baseUrl: string, installation: string): CalendarEvent {
  const url = `${baseUrl}/moeder/${m.id}`;
  const title = m.title ? `${bodyName}: ${m.title}` : `Møde i ${bodyName}`;
  const lines = [`Møde i ${bodyName} ${danishDateTime(m.start)}.`];
  if (m.cancelled) {
    lines.push(`Mødet er aflyst${m.cancelReason ? `: ${m.cancelReason}` : "."}`);
  }
  lines.push(`Dagsorden og referat: ${url}`);
  return {
    uid: meetingUid(m.id, installation),
    start: m.start,
    end: m.end,
    summary: title,
    location: m.location,
    description: lines.join("\n"),
    url,
    cancelled: m.cancelled,
    sequence: m.version,
    lastModified: m.updatedAt,
  };
}

/** Deleted meetings of the last CANCELLED_KEPT_DAYS, as cancelled events (their last SEQUENCE raised). */
async function cancelledEvents(
  ctx: Ctx,
  bodyIds: number[] | null,
  names: Map<number, { name: string }>,
  baseUrl: string,
  installation: string,
  now: Date,
) {
  const since = new Date(now.getTime() - CANCELLED_KEPT_DAYS * 86_400_000);
  const rows = await ctx.db
    .select()
    .from(calendarCancellations)
    .where(
      and(
        gte(calendarCancellations.deletedAt, since),
        bodyIds ? inArray(calendarCancellations.bodyId, bodyIds) : undefined,
      ),
    );
  return rows.map((c) => {
    const row = {
      ...c,
      id: c.meetingId,
      cancelled: true,
      cancelReason: null,
      updatedAt: c.deletedAt,
    } as unknown as MeetingRow;
    return toEvent(row, names.get(c.bodyId)?.name ?? "forum", baseUrl, installation);
  });
}

/**
 * The calendar of one body (bodyId), of some bodies (bodyIds: a person's "Mine møder") or of all
 * bodies, from a year back and onwards, with recently deleted meetings kept as cancelled.
 */
export async function meetingCalendar(
  ctx: Ctx,
  opts: { bodyId?: number; bodyIds?: number[]; name?: string; baseUrl: string; now?: Date },
) {
  const now = opts.now ?? new Date();
  const from = new Date(now.getTime() - CALENDAR_PAST_DAYS * 86_400_000);
  const body = opts.bodyId ? await getBody(ctx, opts.bodyId) : null;
  // A closed body's calendar goes on with its successors' meetings, so a subscription keeps working.
  const followed = body ? [body.id, ...(await successorBodyIds(ctx.db, body.id))] : null;
  const bodyIds = followed ?? opts.bodyIds ?? null;
  const rows =
    bodyIds?.length === 0
      ? []
      : await ctx.db
          .select()
          .from(meetings)
          // A body's calendar holds all its meetings; the calendar of everything reaches a year back.
          .where(
            body
              ? inArray(meetings.bodyId, followed ?? [body.id])
              : and(gte(meetings.start, from), bodyIds ? inArray(meetings.bodyId, bodyIds) : undefined),
          )
          .orderBy(asc(meetings.start));
  const names = body && followed?.length === 1 ? new Map([[body.id, body]]) : await bodyNames(ctx);
  const installation = await installationId(ctx.db);
  const events = [
    ...rows.map((m) => toEvent(m, names.get(m.bodyId)?.name ?? "forum", opts.baseUrl, installation)),
    ...(bodyIds?.length === 0
      ? []
      : await cancelledEvents(ctx, bodyIds, names, opts.baseUrl, installation, now)),
  ];
  return writeCalendar(opts.name ?? (body ? `Møder i ${body.name}` : "Tværs – alle møder"), events, now);
}

/** "Tilføj til kalender": one meeting as a single-event calendar. */
export async function meetingEvent(ctx: Ctx, meetingId: number, baseUrl: string) {
  const m = await getMeetingRow(ctx.db, meetingId);
  const body = await getBody(ctx, m.bodyId);
  return writeCalendar(`Møde i ${body.name}`, [toEvent(m, body.name, baseUrl, await installationId(ctx.db))]);
}

/** The meetings of a body in a Danish calendar year. */
export async function plannedMeetings(ctx: Ctx, bodyId: number, year: number) {
  if (!Number.isInteger(year) || year < 1900 || year > 2200) {
    throw new AppError("validation_failed", "Året skal være mellem 1900 og 2200.", [
      { path: "year", message: "Året skal være mellem 1900 og 2200." },
    ]);
  }
  const body = await getBody(ctx, bodyId);
  const from = parseDateTime(`${year}-01-01T00:00`) as Date;
  const to = parseDateTime(`${year + 1}-01-01T00:00`) as Date;
  const rows = await ctx.db
    .select()
    .from(meetings)
    .where(and(eq(meetings.bodyId, bodyId), gte(meetings.start, from), lt(meetings.start, to)))
    .orderBy(asc(meetings.start));
  return { body, rows };
}

/** The year's meeting plan as a calendar. */
export async function planCalendar(ctx: Ctx, bodyId: number, year: number, baseUrl: string) {
  const { body, rows } = await plannedMeetings(ctx, bodyId, year);
  const installation = await installationId(ctx.db);
  return writeCalendar(
    `Mødeplan ${year} – ${body.name}`,
    rows.map((m) => toEvent(m, body.name, baseUrl, installation)),
  );
}

/**
 * News of published agendas and minutes (public data only: a meeting enters when its agenda is
 * published, and again when its minutes are), newest first.
 */
export async function documentFeed(ctx: Ctx, opts: { bodyId?: number; baseUrl: string; selfUrl: string }) {
  const body = opts.bodyId ? await getBody(ctx, opts.bodyId) : null;
  // A closed body's feed goes on with its successors' agendas and minutes.
  const followed = body ? [body.id, ...(await successorBodyIds(ctx.db, body.id))] : null;
  const where: SQL | undefined = and(
    ne(meetings.status, "planned"),
    followed ? inArray(meetings.bodyId, followed) : undefined,
  );
  const rows = await ctx.db
    .select()
    .from(meetings)
    .where(where)
    .orderBy(desc(meetings.updatedAt), desc(meetings.id))
    .limit(FEED_ENTRIES);
  const names = body && followed?.length === 1 ? new Map([[body.id, body]]) : await bodyNames(ctx);
  const times = await publicationTimes(
    ctx,
    rows.map((r) => r.id),
  );
  const entries: AtomEntry[] = [];
  for (const m of rows) {
    const name = names.get(m.bodyId)?.name ?? "forum";
    const date = danishDate(m.start);
    const api = `${opts.baseUrl}/api/v1/meetings/${m.id}`;
    if (m.status === "minutes_published") {
      entries.push({
        id: `${opts.baseUrl}/moeder/${m.id}#referat`,
        title: `Referat: ${name} ${date}`,
        updated: times.get(`${m.id}:minutes`) ?? m.updatedAt,
        link: `${api}/minutes.pdf`,
        summary: `Referatet af mødet i ${name} ${danishDateTime(m.start)} er offentliggjort.`,
        category: "referat",
      });
    }
    entries.push({
      id: `${opts.baseUrl}/moeder/${m.id}#dagsorden`,
      title: `Dagsorden: ${name} ${date}`,
      updated: times.get(`${m.id}:agenda`) ?? m.updatedAt,
      link: `${api}/agenda.pdf`,
      summary: `Dagsordenen til mødet i ${name} ${danishDateTime(m.start)}${m.location ? `, ${m.location}` : ""}.`,
      category: "dagsorden",
    });
  }
  entries.sort((a, b) => b.updated.getTime() - a.updated.getTime());
  return writeAtom({
    id: `${opts.baseUrl}${body ? `/organer/${body.id}` : ""}/nyt`,
    title: body ? `Dagsordener og referater – ${body.name}` : "Tværs – dagsordener og referater",
    selfUrl: opts.selfUrl,
    alternateUrl: `${opts.baseUrl}${body ? `/organer/${body.id}` : "/kalender"}`,
    entries,
  });
}
