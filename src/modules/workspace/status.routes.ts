/** A meeting's status steps from the workspace pages, each through its domain act. */
import type { FastifyInstance } from "fastify";
import { AppError } from "../../server/errors.ts";
import { sendPage } from "../../web/page.ts";
import { getBody } from "../bodies/index.ts";
import {
  forwardPath,
  publishSupplementaryAgenda,
  transitionMeeting,
  ZSupplement,
  ZTransition,
} from "../meetings/index.ts";
import { renderAgenda } from "./agenda.render.ts";
import { renderConduct, renderMinutes } from "./conduct.render.ts";
import { CONFIRM } from "./confirm.tsx";
import { ConfirmPage } from "./meeting-edit.pages.tsx";
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
import { WS, wsMinutes } from "./workspace.urls.ts";

/** What the page says after each step (`?gemt=`). */
const DONE_KEY = {
  agenda_published: "offentliggjort",
  planned: "tilbage",
  held: "lukket",
  minutes_draft: "lukket",
  minutes_approved: "godkendt",
  minutes_published: "referat",
} as const;

export async function statusPageRoutes(app: FastifyInstance) {
  const db = () => app.database.db;

  /**
   * Status steps: publish the agenda (or take it back), close the meeting (held, then minutes draft, in
   * one click), approve the minutes (chair), publish them. Each step is a domain act of the meetings
   * module (`publishAgenda`, `holdMeeting`, `draftMinutes`, `approveMinutes`, `publishMinutes` …), which
   * checks the rules and runs the effects (frozen documents, notices) itself. The form is read with the
   * API's own schema.
   */
  app.post<MeetingParams>("/arbejdsrum/moeder/:id/status", hidden, async (req, reply) => {
    const ctx = wsCtx(req);
    const { meeting } = await loadMeeting(ctx, req.params.id, "member");
    const f = formFields(req.body);
    const parsed = ZTransition.safeParse({ to: one(f, "to"), version: Number(one(f, "version")) });
    if (!parsed.success) {
      throw new AppError("validation_failed", ctx.t("ws.status.unknown"));
    }
    const { to, version } = parsed.data;
    const closing = to === "minutes_draft" && meeting.status === "agenda_published";
    const steps = closing ? forwardPath(meeting.status, to) : [to];
    const agendaStep = to === "agenda_published" || to === "planned";
    const second = CONFIRM[to as keyof typeof CONFIRM];
    if (second && one(f, "confirm") !== "ja") {
      const body = await getBody(ctx.svc, meeting.bodyId);
      const back = agendaStep ? `${WS}/moeder/${meeting.id}` : wsMinutes(meeting.id);
      const data = {
        title: ctx.t(second.title),
        consequences: second.lines.map((k) => ctx.t(k, { body: body.name })),
        action: `${WS}/moeder/${meeting.id}/status`,
        fields: { to, version: String(version) },
        button: ctx.t(second.button),
        back,
      };
      return sendPage(reply, ctx, ConfirmPage({ ctx, data }));
    }
    try {
      await db().transaction(async (tx) => {
        const svc = { db: tx, actor: ctx.actor };
        let v = version;
        for (const step of steps) {
          v = (await transitionMeeting(svc, meeting.id, { to: step, version: v })).version;
        }
      });
    } catch (err) {
      if (isFormError(err) || isVersionConflict(err)) {
        const problem = isVersionConflict(err) ? ctx.t("ws.status.stale") : (err as Error).message;
        if (agendaStep) {
          return renderAgenda(req, reply, ctx, { problem }, 409);
        }
        return to === "minutes_draft"
          ? renderConduct(req, reply, ctx, { problem }, 409)
          : renderMinutes(req, reply, ctx, { problem }, 409);
      }
      throw err;
    }
    const page = agendaStep ? `${WS}/moeder/${meeting.id}` : wsMinutes(meeting.id);
    return reply.redirect(`${page}?gemt=${DONE_KEY[to]}`, 303);
  });

  /**
   * A supplementary agenda after publication (`publishSupplementaryAgenda`): the note is read with the
   * API's schema, the step is confirmed on a second page, then the act writes the change log and runs the
   * effects (a new frozen edition of the documents, the members' notice).
   */
  app.post<MeetingParams>("/arbejdsrum/moeder/:id/tillaegsdagsorden", hidden, async (req, reply) => {
    const ctx = wsCtx(req);
    const { meeting } = await loadMeeting(ctx, req.params.id, "editor");
    const f = formFields(req.body);
    const parsed = ZSupplement.safeParse({ version: Number(one(f, "version")), note: one(f, "note").trim() });
    if (!parsed.success) {
      const problem = parsed.error.issues[0]?.message ?? ctx.t("ws.status.unknown");
      return renderAgenda(req, reply, ctx, { problem }, 400);
    }
    const { version, note } = parsed.data;
    if (one(f, "confirm") !== "ja") {
      const body = await getBody(ctx.svc, meeting.bodyId);
      const data = {
        title: ctx.t("ws.confirm.supplementTitle"),
        consequences: [
          ctx.t("ws.confirm.supplementLog"),
          ctx.t("ws.confirm.supplementNote", { note }),
          ctx.t("ws.confirm.membersTold", { body: body.name }),
        ],
        action: `${WS}/moeder/${meeting.id}/tillaegsdagsorden`,
        fields: { version: String(version), note },
        button: ctx.t("ws.supplement.button"),
        back: `${WS}/moeder/${meeting.id}`,
      };
      return sendPage(reply, ctx, ConfirmPage({ ctx, data }));
    }
    try {
      await db().transaction((tx) =>
        publishSupplementaryAgenda({ db: tx, actor: ctx.actor }, meeting.id, { version, note }),
      );
    } catch (err) {
      if (isFormError(err) || isVersionConflict(err)) {
        const problem = isVersionConflict(err) ? ctx.t("ws.status.stale") : (err as Error).message;
        return renderAgenda(req, reply, ctx, { problem }, 409);
      }
      throw err;
    }
    return reply.redirect(`${WS}/moeder/${meeting.id}?gemt=tillaeg`, 303);
  });
}
