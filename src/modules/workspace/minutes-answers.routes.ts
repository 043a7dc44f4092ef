/** The members' answers to draft minutes from the minutes page (docs/governance.md); no script needed. */
import type { FastifyInstance } from "fastify";
import {
  answerMinutes,
  replyToMinutesRemark,
  ZMinutesAnswerInput,
  ZMinutesRemarkReply,
} from "../meetings/index.ts";
import { renderMinutes } from "./conduct.render.ts";
import {
  formFields,
  hidden,
  isFormError,
  isVersionConflict,
  loadMeeting,
  type MeetingParams,
  one,
  wsCtx,
} from "./workspace.http.ts";
import { wsMinutes } from "./workspace.urls.ts";

export async function minutesAnswerPageRoutes(app: FastifyInstance) {
  const db = () => app.database.db;

  /** A member approves the draft or makes a remark (the service checks that the reader answers for the body). */
  app.post<MeetingParams>("/arbejdsrum/moeder/:id/referat/svar", hidden, async (req, reply) => {
    const ctx = wsCtx(req);
    const { meeting } = await loadMeeting(ctx, req.params.id, "member");
    const f = formFields(req.body);
    const parsed = ZMinutesAnswerInput.safeParse({
      answer: one(f, "answer"),
      remark: one(f, "answer") === "remark" ? one(f, "remark") : null,
    });
    if (!parsed.success || (parsed.data.answer === "remark" && !parsed.data.remark)) {
      const answerErrors = { remark: ctx.t("gov.answers.remarkError") };
      return renderMinutes(req, reply, ctx, { answerErrors }, 400);
    }
    try {
      await answerMinutes({ db: db(), actor: ctx.actor }, meeting.id, parsed.data);
    } catch (err) {
      if (isFormError(err) || isVersionConflict(err)) {
        return renderMinutes(req, reply, ctx, { problem: (err as Error).message }, 409);
      }
      throw err;
    }
    return reply.redirect(`${wsMinutes(meeting.id)}?gemt=svaret`, 303);
  });

  /** The secretariat answers a member's remark; the remark then no longer stops the approval. */
  app.post<MeetingParams>("/arbejdsrum/moeder/:id/referat/svar/besvar", hidden, async (req, reply) => {
    const ctx = wsCtx(req);
    const { meeting } = await loadMeeting(ctx, req.params.id, "member");
    const f = formFields(req.body);
    const parsed = ZMinutesRemarkReply.safeParse({ personId: one(f, "personId"), reply: one(f, "reply") });
    if (!parsed.success) {
      const answerErrors = { reply: ctx.t("gov.answers.replyError"), replyTo: Number(one(f, "personId")) };
      return renderMinutes(req, reply, ctx, { answerErrors }, 400);
    }
    try {
      await replyToMinutesRemark({ db: db(), actor: ctx.actor }, meeting.id, parsed.data);
    } catch (err) {
      if (isFormError(err) || isVersionConflict(err)) {
        return renderMinutes(req, reply, ctx, { problem: (err as Error).message }, 409);
      }
      throw err;
    }
    return reply.redirect(`${wsMinutes(meeting.id)}?gemt=besvaret`, 303);
  });
}
