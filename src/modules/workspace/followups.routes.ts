/** Follow-ups from the minutes page: create one (a proposal as is, or written), mark one done. */
import type { FastifyInstance } from "fastify";
import { normalizeDanishDate, parseDanishDate } from "../../lib/danish-date.ts";
import { AppError, notFound } from "../../server/errors.ts";
import { createAction, updateAction } from "../actions/index.ts";
import { referItem } from "../cases/index.ts";
import { getItem } from "../meetings/index.ts";
import { type ItemParams, renderMinutes } from "./conduct.render.ts";
import {
  formFields,
  hidden,
  idParam,
  isFormError,
  isVersionConflict,
  loadMeeting,
  one,
  wsCtx,
} from "./workspace.http.ts";
import { wsMinutes } from "./workspace.urls.ts";

const optId = (v: string) => (/^\d+$/.test(v) ? Number(v) : null);

export async function followUpPageRoutes(app: FastifyInstance) {
  const db = () => app.database.db;

  app.post<ItemParams>("/arbejdsrum/moeder/:id/punkter/:itemId/opfoelgning", hidden, async (req, reply) => {
    const ctx = wsCtx(req);
    const { meeting } = await loadMeeting(ctx, req.params.id, "editor");
    const item = await getItem(ctx.svc, idParam(req.params.itemId, "Punktet"));
    if (item.meetingId !== meeting.id) {
      throw notFound("Punktet");
    }
    const f = formFields(req.body);
    const text = one(f, "text");
    const dueDate = normalizeDanishDate(one(f, "dueDate")) || null;
    // Shown at the top of the minutes page (the alert), in the page's language; nothing is written.
    if (!text) {
      return renderMinutes(req, reply, ctx, { problem: ctx.t("ws.followup.textError") }, 400);
    }
    if (dueDate && !/^\d{4}-\d{2}-\d{2}$/.test(dueDate)) {
      return renderMinutes(req, reply, ctx, { problem: ctx.t("ws.body.dateError") }, 400);
    }
    try {
      await db().transaction((tx) =>
        createAction(
          { db: tx, actor: ctx.actor },
          {
            itemId: item.id,
            text,
            ownerPersonId: optId(one(f, "ownerPersonId")),
            ownerText: one(f, "ownerText") || null,
            dueDate,
            dueBodyId: optId(one(f, "dueBodyId")),
          },
        ),
      );
    } catch (err) {
      if (isFormError(err)) {
        return renderMinutes(req, reply, ctx, { problem: err.message }, 400);
      }
      throw err;
    }
    return reply.redirect(`${wsMinutes(meeting.id)}?gemt=opfoelgning#punkt-${item.id}`, 303);
  });

  /** Sends the case on to another body: a draft item on its next meeting (made, with the standard items, if needed). */
  app.post<ItemParams>("/arbejdsrum/moeder/:id/punkter/:itemId/videre", hidden, async (req, reply) => {
    const ctx = wsCtx(req);
    const { meeting, body } = await loadMeeting(ctx, req.params.id, "editor");
    const item = await getItem(ctx.svc, idParam(req.params.itemId, "Punktet"));
    if (item.meetingId !== meeting.id) {
      throw notFound("Punktet");
    }
    const f = formFields(req.body);
    const targetBodyId = optId(one(f, "targetBodyId"));
    const date = one(f, "date") ? parseDanishDate(one(f, "date")) : null;
    if (!targetBodyId || (one(f, "date") && !date)) {
      const problem = targetBodyId ? ctx.t("ws.body.dateError") : ctx.t("ws.refer.chooseBody");
      return renderMinutes(req, reply, ctx, { problem }, 400);
    }
    const remarks = one(f, "remarks");
    try {
      await db().transaction((tx) =>
        referItem({ db: tx, actor: ctx.actor }, item.id, {
          targetBodyId,
          ...(remarks
            ? { remarks, remarksHeading: ctx.t("ws.refer.remarksHeading", { body: body.name }) }
            : {}),
          ...(date ? { createMeeting: { start: `${date}T10:00` } } : { waitForNextMeeting: true }),
        }),
      );
    } catch (err) {
      if (isFormError(err)) {
        const problem = err.code === "conflict" ? ctx.t("ws.refer.noMeeting") : err.message;
        return renderMinutes(req, reply, ctx, { problem }, 409);
      }
      throw err;
    }
    return reply.redirect(`${wsMinutes(meeting.id)}?gemt=videre#punkt-${item.id}`, 303);
  });

  app.post<{ Params: { actionId: string } }>(
    "/arbejdsrum/opfoelgninger/:actionId/udfoert",
    hidden,
    async (req, reply) => {
      const ctx = wsCtx(req);
      const f = formFields(req.body);
      const meetingId = optId(one(f, "meetingId"));
      try {
        await db().transaction((tx) =>
          updateAction({ db: tx, actor: ctx.actor }, idParam(req.params.actionId, "Opfølgningen"), {
            status: "done",
            version: Number(one(f, "version")),
          }),
        );
      } catch (err) {
        if (isVersionConflict(err)) {
          throw new AppError("version_conflict", ctx.t("ws.status.stale"));
        }
        throw err;
      }
      return reply.redirect(meetingId ? `${wsMinutes(meetingId)}?gemt=udfoert` : "/arbejdsrum", 303);
    },
  );
}
