import type { FastifyInstance } from "fastify";
import { parseDateTime, todayInDenmarkParts } from "../../lib/time.ts";
import { AppError } from "../../server/errors.ts";
import { isoDayInDenmark } from "../../web/format.ts";
import { pageContext, sendPage } from "../../web/page.ts";
import { idFromSlug, idFromSlugOr404 } from "../../web/slug.ts";
import { getBody, listBodies } from "../bodies/index.ts";
import { listBodyMembers, listPersonsByIds } from "../people/index.ts";
import { listAgendaSupplements } from "./agenda-supplements.service.ts";
import { listMeetingAttendance } from "./attendance.service.ts";
import { CalendarPage } from "./calendar.pages.tsx";
import { itemExtrasOf } from "./item-extras.ts";
import { listMeetingItems } from "./items.service.ts";
import { MeetingPage } from "./meetings.pages.tsx";
import { listMeetingsBetween } from "./meetings.portal.ts";
import { getMeetingRow, presentMeeting } from "./meetings.service.ts";
import { meetingPath } from "./meetings.urls.ts";
import { visibilityOf } from "./visibility.ts";

const hidden = { schema: { hide: true } };

/** Public pages of the meetings module: /moeder/<id>-<body>-<date> and /kalender. */
export async function meetingPageRoutes(app: FastifyInstance) {
  app.get<{ Params: { param: string } }>("/moeder/:param", hidden, async (req, reply) => {
    const id = idFromSlugOr404(req.params.param, "Mødet");
    const ctx = pageContext(req, reply);
    const meeting = await getMeetingRow(ctx.svc.db, id);
    const body = await getBody(ctx.svc, meeting.bodyId);
    const canonical = meetingPath(meeting, body);
    const [path, query] = req.url.split("?");
    if (path !== canonical) {
      return reply.redirect(query ? `${canonical}?${query}` : canonical, 301);
    }
    const [items, attendance, supplements] = await Promise.all([
      listMeetingItems(ctx.svc, meeting),
      listMeetingAttendance(ctx.svc, meeting),
      listAgendaSupplements(ctx.svc.db, ctx.svc.actor, meeting),
    ]);
    const personIds = [
      ...attendance.flatMap((a) => (a.substituteForId ? [a.personId, a.substituteForId] : [a.personId])),
      ...items.flatMap((i) => i.absences.map((a) => a.personId)),
    ];
    const [persons, members] = await Promise.all([
      listPersonsByIds(ctx.svc, personIds),
      listBodyMembers(ctx.svc, body.id, isoDayInDenmark(meeting.start)),
    ]);
    const extras = await itemExtrasOf(ctx, meeting, items);
    const data = {
      meeting: presentMeeting(meeting),
      body,
      items,
      attendance,
      persons: new Map(persons.map((p) => [p.id, p])),
      members: new Map(members.map((m) => [m.id, { role: m.role, party: m.party }])),
      visibility: visibilityOf(ctx.svc.actor, meeting),
      supplements,
      extras,
    };
    return sendPage(reply, ctx, MeetingPage({ ctx, data }));
  });

  app.get<{ Querystring: { maaned?: string; organ?: string } }>("/kalender", hidden, async (req, reply) => {
    const ctx = pageContext(req, reply);
    const today = todayInDenmarkParts();
    let year = today.year;
    let month = today.month;
    if (req.query.maaned) {
      const m = /^(\d{4})-(\d{2})$/.exec(req.query.maaned);
      const y = Number(m?.[1]);
      const mo = Number(m?.[2]);
      if (!m || mo < 1 || mo > 12 || y < 1900 || y > 2200) {
        throw new AppError("validation_failed", ctx.t("calendar.badMonth"));
      }
      year = y;
      month = mo;
    }
    const bodies = (await listBodies(ctx.svc, { limit: 200 })).items
      .map((b) => ({ id: b.id, name: b.name }))
      .sort((a, b) => a.name.localeCompare(b.name, "da"));
    let bodyId: number | null = null;
    if (req.query.organ) {
      bodyId = idFromSlug(req.query.organ);
      if (bodyId === null || !bodies.some((b) => b.id === bodyId)) {
        throw new AppError("validation_failed", ctx.t("calendar.badBody"));
      }
    }
    const pad = (n: number) => String(n).padStart(2, "0");
    const next = month === 12 ? [year + 1, 1] : [year, month + 1];
    const from = parseDateTime(`${year}-${pad(month)}-01T00:00`) as Date;
    const to = parseDateTime(`${next[0]}-${pad(next[1] as number)}-01T00:00`) as Date;
    const meetings = await listMeetingsBetween(ctx.svc, {
      from,
      to,
      ...(bodyId !== null ? { bodyIds: [bodyId] } : {}),
    });
    return sendPage(reply, ctx, CalendarPage({ ctx, data: { year, month, bodyId, bodies, meetings } }));
  });
}
