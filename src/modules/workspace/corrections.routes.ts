/** The minutes page and corrections of approved minutes (with a reason; published minutes get new editions). */
import type { FastifyInstance } from "fastify";
import { notFound } from "../../server/errors.ts";
import type { FieldErrors } from "../../web/form-fields.tsx";
import { correctMinutes, getItem, sendBackMinutes, ZCorrection, ZSendBack } from "../meetings/index.ts";
import { flat, type ItemParams, renderMinutes } from "./conduct.render.ts";
import { fieldsToDecision } from "./item.form.ts";
import {
  formFields,
  hidden,
  idParam,
  isFormError,
  isVersionConflict,
  loadMeeting,
  type MeetingParams,
  one,
  versionOf,
  wsCtx,
} from "./workspace.http.ts";
import { wsMinutes } from "./workspace.urls.ts";

export async function correctionPageRoutes(app: FastifyInstance) {
  const db = () => app.database.db;

  app.get<MeetingParams>("/arbejdsrum/moeder/:id/referat", hidden, async (req, reply) => {
    const ctx = wsCtx(req);
    return renderMinutes(req, reply, ctx, {});
  });

  /** The chair sends the draft back with a comment (the act checks that the reader is the chair). */
  app.post<MeetingParams>("/arbejdsrum/moeder/:id/referat/tilbage", hidden, async (req, reply) => {
    const ctx = wsCtx(req);
    const { meeting } = await loadMeeting(ctx, req.params.id, "member");
    const f = formFields(req.body);
    const parsed = ZSendBack.safeParse({ version: Number(one(f, "version")), comment: one(f, "comment") });
    if (!parsed.success) {
      const errors = { comment: ctx.t("ws.minutes.sendBackError") };
      return renderMinutes(req, reply, ctx, { failed: { itemId: 0, fields: {}, errors } }, 400);
    }
    try {
      await db().transaction((tx) => sendBackMinutes({ db: tx, actor: ctx.actor }, meeting.id, parsed.data));
    } catch (err) {
      if (isVersionConflict(err) || isFormError(err)) {
        const problem = isVersionConflict(err) ? ctx.t("ws.status.stale") : (err as Error).message;
        return renderMinutes(req, reply, ctx, { problem }, 409);
      }
      throw err;
    }
    return reply.redirect(`${wsMinutes(meeting.id)}?gemt=tilbagesendt`, 303);
  });

  /** Corrections of approved minutes, with a reason; published minutes get a new published version. */
  app.post<ItemParams>(
    "/arbejdsrum/moeder/:id/referat/punkter/:itemId/rettelse",
    hidden,
    async (req, reply) => {
      const ctx = wsCtx(req);
      const { meeting } = await loadMeeting(ctx, req.params.id, "editor");
      const item = await getItem(ctx.svc, idParam(req.params.itemId, "Punktet"));
      if (item.meetingId !== meeting.id) {
        throw notFound("Punktet");
      }
      const raw = formFields(req.body);
      const fields = flat(raw);
      const parsed = fieldsToDecision(fields);
      const reason = (fields.reason ?? "").trim();
      const errors: FieldErrors = { ...parsed.errors };
      // The API's own rule for a correction's reason (ZCorrection), shown in the page's language.
      if (!ZCorrection.shape.reason.safeParse(reason).success) {
        errors.reason = ctx.t("ws.minutes.reasonError");
      }
      const changes: { decisionText?: string | null; outcome?: typeof parsed.input.outcome } = {};
      if (parsed.input.decisionText !== item.decisionText) {
        changes.decisionText = parsed.input.decisionText;
      }
      if (parsed.input.outcome !== item.outcome) {
        changes.outcome = parsed.input.outcome;
      }
      if (Object.keys(errors).length === 0 && Object.keys(changes).length === 0) {
        errors.reason = ctx.t("ws.minutes.noChange");
      }
      if (Object.keys(errors).length > 0) {
        return renderMinutes(req, reply, ctx, { failed: { itemId: item.id, fields, errors } }, 400);
      }
      try {
        await db().transaction(async (tx) => {
          const svc = { db: tx, actor: ctx.actor };
          await correctMinutes(svc, item.id, { version: versionOf(raw), reason, changes });
        });
      } catch (err) {
        if (isVersionConflict(err) || isFormError(err)) {
          const message = isVersionConflict(err) ? ctx.t("ws.status.stale") : (err as Error).message;
          return renderMinutes(
            req,
            reply,
            ctx,
            { failed: { itemId: item.id, fields, errors: { reason: message } } },
            409,
          );
        }
        throw err;
      }
      return reply.redirect(`${wsMinutes(meeting.id)}?gemt=rettet`, 303);
    },
  );
}
