/** Attendance at the meeting: members' status in one form, substitutes and guests, removal. */
import type { FastifyInstance } from "fastify";
import { AppError, notFound } from "../../server/errors.ts";
import type { FieldErrors } from "../../web/form-fields.tsx";
import { attendanceService, listMeetingAttendance } from "../meetings/index.ts";
import { membersOf, renderConduct } from "./conduct.render.ts";
import {
  formFields,
  hidden,
  idParam,
  loadMeeting,
  type MeetingParams,
  one,
  wsCtx,
} from "./workspace.http.ts";
import { wsConduct } from "./workspace.urls.ts";

export async function attendancePageRoutes(app: FastifyInstance) {
  const db = () => app.database.db;

  /** Members' attendance in one form: present, afbud, absent or not registered. */
  app.post<MeetingParams>("/arbejdsrum/moeder/:id/moedet/fremmoede", hidden, async (req, reply) => {
    const ctx = wsCtx(req);
    const { meeting, body } = await loadMeeting(ctx, req.params.id, "editor");
    const f = formFields(req.body);
    const members = await membersOf(ctx.svc, body.id);
    try {
      await db().transaction(async (tx) => {
        const svc = { db: tx, actor: ctx.actor };
        const current = new Map((await listMeetingAttendance(svc, meeting)).map((a) => [a.personId, a]));
        for (const m of members) {
          // "Alle andre til stede": every member not marked otherwise is present.
          const wanted = one(f, `status.${m.id}`) || (one(f, "alle") === "present" ? "present" : "");
          if (!["", "present", "afbud", "absent"].includes(wanted)) {
            throw new AppError("validation_failed", ctx.t("ws.conduct.badStatus"), [
              { path: `st-${m.id}`, message: ctx.t("ws.conduct.badStatus") },
            ]);
          }
          const row = current.get(m.id);
          if (wanted === "" && row && row.status !== "substitute" && row.status !== "guest") {
            await attendanceService.remove(svc, row.id, row.version);
          } else if (wanted !== "" && !row) {
            await attendanceService.create(svc, {
              meetingId: meeting.id,
              personId: m.id,
              status: wanted as "present",
            });
          } else if (wanted !== "" && row && row.status !== wanted) {
            await attendanceService.update(svc, row.id, {
              status: wanted as "present",
              substituteForId: null,
              version: row.version,
            });
          }
        }
      });
    } catch (err) {
      if (err instanceof AppError && err.code === "validation_failed") {
        const errors: FieldErrors = {};
        for (const fe of err.fields ?? []) {
          errors[fe.path] = fe.message;
        }
        return renderConduct(req, reply, ctx, { attendanceErrors: errors }, 400);
      }
      throw err;
    }
    return reply.redirect(`${wsConduct(meeting.id)}?gemt=fremmoede#att-h`, 303);
  });

  /** A substitute for a member, or a guest. */
  app.post<MeetingParams>("/arbejdsrum/moeder/:id/moedet/fremmoede/ekstra", hidden, async (req, reply) => {
    const ctx = wsCtx(req);
    const { meeting } = await loadMeeting(ctx, req.params.id, "editor");
    const f = formFields(req.body);
    const personId = idParam(one(f, "personId"), "Personen");
    const forId = one(f, "for");
    try {
      await db().transaction((tx) =>
        attendanceService.create(
          { db: tx, actor: ctx.actor },
          forId === "guest"
            ? { meetingId: meeting.id, personId, status: "guest" }
            : {
                meetingId: meeting.id,
                personId,
                status: "substitute",
                substituteForId: idParam(forId, "Medlemmet"),
              },
        ),
      );
    } catch (err) {
      if (err instanceof AppError && (err.code === "validation_failed" || err.code === "conflict")) {
        return renderConduct(req, reply, ctx, { attendanceErrors: { "extra-person": err.message } }, 400);
      }
      throw err;
    }
    return reply.redirect(`${wsConduct(meeting.id)}?gemt=fremmoede#att-h`, 303);
  });

  app.post<MeetingParams & { Params: { attendanceId: string } }>(
    "/arbejdsrum/moeder/:id/moedet/fremmoede/:attendanceId/slet",
    hidden,
    async (req, reply) => {
      const ctx = wsCtx(req);
      const { meeting } = await loadMeeting(ctx, req.params.id, "editor");
      const id = idParam(req.params.attendanceId, "Fremmøderegistreringen");
      const row = (await listMeetingAttendance(ctx.svc, meeting)).find((a) => a.id === id);
      if (!row) {
        throw notFound("Fremmøderegistreringen");
      }
      await db().transaction((tx) => attendanceService.remove({ db: tx, actor: ctx.actor }, id, row.version));
      return reply.redirect(`${wsConduct(meeting.id)}?gemt=fremmoede#att-h`, 303);
    },
  );
}
