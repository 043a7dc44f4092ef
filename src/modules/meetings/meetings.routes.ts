import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { ERROR_RESPONSES, registerCrud } from "../../server/crud-routes.ts";
import type { ReadCache } from "../../server/read-cache.ts";
import { ZIdParams } from "../../server/schemas.ts";
import type { Actor } from "../auth/actor.ts";
import { canReadClosed, canReadClosedAnywhere } from "../auth/policy.ts";
import { attendanceService, listMeetingAttendance } from "./attendance.service.ts";
import { ZItem, ZReorder } from "./items.schemas.ts";
import { listMeetingItems, reorderItems } from "./items.service.ts";
import {
  approveAgenda,
  cancelMeeting,
  getAgendaApproval,
  publishSupplementaryAgenda,
  requestAgendaApproval,
  sendBackAgenda,
  sendBackMinutes,
  transitionMeeting,
} from "./meeting-acts.ts";
import {
  ZAgendaApproval,
  ZAttendance,
  ZAttendanceFields,
  ZCancel,
  ZMeeting,
  ZMeetingFields,
  ZMeetingFilter,
  ZSendBack,
  ZSupplement,
  ZTransition,
  ZVersioned,
} from "./meetings.schemas.ts";
import { getMeetingRow, meetingService, presentMeeting } from "./meetings.service.ts";
import { minutesAnswerRoutes } from "./minutes-answers.routes.ts";

const ZMeetingDetails = z.object({
  meeting: ZMeeting,
  items: z.array(ZItem),
  attendance: z.array(ZAttendance),
});

export async function meetingRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.database.db;
  const tags = ["Møder"];

  registerCrud(app, {
    path: "/meetings",
    tag: "Møder",
    noun: "møde",
    row: ZMeeting,
    create: ZMeetingFields,
    update: ZMeetingFields,
    filter: ZMeetingFilter,
    service: meetingService,
  });

  r.get("/meetings/:id/details", {
    schema: {
      tags,
      summary: "Mødet med punkter og fremmøde, som læseren må se dem",
      params: ZIdParams,
      response: {
        200: ZMeetingDetails,
        ...ERROR_RESPONSES,
      },
    },
    // Not async: a cached answer is sent at once, without a promise for Fastify to wait on.
    handler: (req, reply) => {
      // Public readers and members of the body see different things: one cached rendering for each.
      const cache = app.readCache;
      const key = cachedDetailsKey(cache, req.params.id, req.actor);
      const hit = key === undefined ? undefined : cache.get(key);
      if (hit) {
        reply.type("application/json; charset=utf-8").send(hit.value as never);
        return;
      }
      return readDetails(req.params.id, req.actor).then((json) => {
        reply.type("application/json; charset=utf-8").send(json as never);
      });
    },
  });

  /** Reads, presents and caches a meeting's details for this reader, as UTF-8 JSON. */
  async function readDetails(meetingId: number, actor: Actor): Promise<Buffer> {
    const cache = app.readCache;
    const generation = cache.generation;
    const ctx = { db: db(), actor };
    const meeting = await getMeetingRow(ctx.db, meetingId);
    const [items, attendance] = await Promise.all([
      listMeetingItems(ctx, meeting),
      listMeetingAttendance(ctx, meeting),
    ]);
    // Kept as UTF-8 bytes: a hit is then written to the socket without encoding 20 items again.
    const json = Buffer.from(
      JSON.stringify(ZMeetingDetails.parse({ meeting: presentMeeting(meeting), items, attendance })),
    );
    cache.set(`meeting-body:${meeting.id}`, generation, "", meeting.bodyId);
    cache.set(detailsKey(meeting.id, canReadClosed(actor, meeting.bodyId)), generation, json);
    return json;
  }

  r.post("/meetings/:id/transition", {
    schema: {
      tags,
      summary: "Skift mødets status (dagsorden offentliggjort, afholdt, referat godkendt ...)",
      params: ZIdParams,
      body: ZTransition,
      response: { 200: ZMeeting, ...ERROR_RESPONSES },
    },
    handler: async (req) =>
      db().transaction(async (tx) => {
        const ctx = { db: tx, actor: req.actor };
        return transitionMeeting(ctx, req.params.id, req.body);
      }),
  });

  r.post("/meetings/:id/send-back", {
    schema: {
      tags,
      summary: "Send referatudkastet tilbage til sekretariatet med en kommentar (formandskabet)",
      params: ZIdParams,
      body: ZSendBack,
      response: { 200: ZMeeting, ...ERROR_RESPONSES },
    },
    handler: async (req) =>
      db().transaction((tx) => sendBackMinutes({ db: tx, actor: req.actor }, req.params.id, req.body)),
  });

  await minutesAnswerRoutes(app);

  r.get("/meetings/:id/agenda-approval", {
    schema: {
      tags,
      summary: "Formandskabets godkendelse af dagsordenen: om forummet kræver den, og hvor langt den er",
      params: ZIdParams,
      response: { 200: ZAgendaApproval, ...ERROR_RESPONSES },
    },
    handler: async (req) => getAgendaApproval({ db: db(), actor: req.actor }, req.params.id),
  });

  r.post("/meetings/:id/agenda-approval/request", {
    schema: {
      tags,
      summary:
        "Send dagsordenen til formandskabets godkendelse (sekretariatet; formand og næstformand får besked)",
      params: ZIdParams,
      body: ZVersioned,
      response: { 200: ZMeeting, ...ERROR_RESPONSES },
    },
    handler: async (req) =>
      db().transaction((tx) => requestAgendaApproval({ db: tx, actor: req.actor }, req.params.id, req.body)),
  });

  r.post("/meetings/:id/agenda-approval/approve", {
    schema: {
      tags,
      summary:
        "Godkend dagsordenen (formand eller næstformand); sekretariatet kan derefter offentliggøre den",
      params: ZIdParams,
      body: ZVersioned,
      response: { 200: ZMeeting, ...ERROR_RESPONSES },
    },
    handler: async (req) =>
      db().transaction((tx) => approveAgenda({ db: tx, actor: req.actor }, req.params.id, req.body)),
  });

  r.post("/meetings/:id/agenda-approval/send-back", {
    schema: {
      tags,
      summary: "Send dagsordenen tilbage til sekretariatet med en kommentar (formandskabet)",
      params: ZIdParams,
      body: ZSendBack,
      response: { 200: ZMeeting, ...ERROR_RESPONSES },
    },
    handler: async (req) =>
      db().transaction((tx) => sendBackAgenda({ db: tx, actor: req.actor }, req.params.id, req.body)),
  });

  r.post("/meetings/:id/supplementary-agenda", {
    schema: {
      tags,
      summary: "Offentliggør en tillægsdagsorden: punkter tilføjet eller ændret efter dagsordenen",
      params: ZIdParams,
      body: ZSupplement,
      response: { 200: ZMeeting, ...ERROR_RESPONSES },
    },
    handler: async (req) =>
      db().transaction((tx) =>
        publishSupplementaryAgenda({ db: tx, actor: req.actor }, req.params.id, req.body),
      ),
  });

  r.post("/meetings/:id/cancel", {
    schema: {
      tags,
      summary: "Aflys et kommende møde",
      params: ZIdParams,
      body: ZCancel,
      response: { 200: ZMeeting, ...ERROR_RESPONSES },
    },
    handler: async (req) =>
      db().transaction((tx) => cancelMeeting({ db: tx, actor: req.actor }, req.params.id, req.body)),
  });

  r.post("/meetings/:id/items/reorder", {
    schema: {
      tags,
      summary: "Ændr dagsordenens rækkefølge (punkterne nummereres 1..n)",
      params: ZIdParams,
      body: ZReorder,
      response: { 200: z.array(ZItem), ...ERROR_RESPONSES },
    },
    handler: async (req) =>
      db().transaction((tx) => reorderItems({ db: tx, actor: req.actor }, req.params.id, req.body.itemIds)),
  });

  registerCrud(app, {
    path: "/attendance",
    tag: "Møder",
    noun: "fremmøderegistrering",
    row: ZAttendance,
    create: ZAttendanceFields,
    update: ZAttendanceFields,
    filter: { meetingId: ZAttendanceFields.meetingId },
    parent: { path: "/meetings", key: "meetingId" },
    service: attendanceService,
  });
}

/**
 * The cache key of a meeting's details for this reader (members of the body see closed items). A
 * module function, not a closure in the handler: tsx names every closure it creates, which showed
 * as 3 % of a cached read in bench/api.bench.ts.
 */
function detailsKey(meetingId: number, closedToo: boolean): string {
  return `meeting-details:${meetingId}:${closedToo ? "m" : "p"}`;
}

/**
 * The same key on a read, before the meeting is loaded: the public and the admin get it at once; a
 * member needs the meeting's body, itself cached (undefined when it is not).
 */
function cachedDetailsKey(cache: ReadCache, meetingId: number, actor: Actor): string | undefined {
  const anywhere = canReadClosedAnywhere(actor);
  if (anywhere !== undefined) {
    return detailsKey(meetingId, anywhere);
  }
  const bodyOf = cache.get(`meeting-body:${meetingId}`);
  return bodyOf ? detailsKey(meetingId, canReadClosed(actor, bodyOf.meta)) : undefined;
}
