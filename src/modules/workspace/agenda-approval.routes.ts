/**
 * The agenda approval from the workspace pages, each step through its domain act (`requestAgendaApproval`,
 * `approveAgenda`, `sendBackAgenda`), which checks who may and runs the notices; the forms are read with
 * the API's own schemas.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { type PageCtx, sendPage } from "../../web/page.ts";
import { canApprove, canEditBody } from "../auth/index.ts";
import {
  approveAgenda,
  getAgendaApproval,
  listMeetingItems,
  requestAgendaApproval,
  sendBackAgenda,
  ZSendBack,
  ZVersioned,
} from "../meetings/index.ts";
import { listPersonsByIds } from "../people/index.ts";
import { doneMessage, renderAgenda } from "./agenda.render.ts";
import { AgendaApprovalPage, type AgendaApprovalPageData } from "./agenda-approval.view.tsx";
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
import { wsAgenda, wsAgendaApproval } from "./workspace.urls.ts";

async function renderApproval(
  req: FastifyRequest<MeetingParams>,
  reply: FastifyReply,
  ctx: PageCtx,
  extra: Partial<Pick<AgendaApprovalPageData, "commentError" | "problem">>,
  code = 200,
) {
  const { meeting, body } = await loadMeeting(ctx, req.params.id, "member");
  const [items, approval] = await Promise.all([
    listMeetingItems(ctx.svc, meeting),
    getAgendaApproval(ctx.svc, meeting.id),
  ]);
  const ids = items.flatMap((i) => i.absences.map((a) => a.personId));
  const names = new Map((await listPersonsByIds(ctx.svc, ids)).map((p) => [p.id, p.name]));
  const data: AgendaApprovalPageData = {
    meeting,
    body,
    items,
    approval,
    chair: canApprove(ctx.actor, body.id),
    editor: canEditBody(ctx.actor, body.id),
    personName: (id) => names.get(id) ?? "?",
    commentError: extra.commentError ?? null,
    problem: extra.problem ?? null,
    done: code === 200 ? doneMessage(ctx, req) : null,
  };
  return sendPage(reply, ctx, AgendaApprovalPage({ ctx, data }), code);
}

export async function agendaApprovalPageRoutes(app: FastifyInstance) {
  const db = () => app.database.db;

  /** The draft agenda for the chair (members may read it too; outsiders get 404). */
  app.get<MeetingParams>("/arbejdsrum/moeder/:id/dagsorden-godkendelse", hidden, async (req, reply) =>
    renderApproval(req, reply, wsCtx(req), {}),
  );

  /** The secretariat sends the agenda to the chair; problems are shown on the agenda builder. */
  app.post<MeetingParams>(
    "/arbejdsrum/moeder/:id/dagsorden-godkendelse/anmod",
    hidden,
    async (req, reply) => {
      const ctx = wsCtx(req);
      const { meeting } = await loadMeeting(ctx, req.params.id, "editor");
      const parsed = ZVersioned.safeParse({ version: Number(one(formFields(req.body), "version")) });
      if (!parsed.success) {
        return renderAgenda(req, reply, ctx, { problem: ctx.t("ws.status.stale") }, 400);
      }
      try {
        await db().transaction((tx) =>
          requestAgendaApproval({ db: tx, actor: ctx.actor }, meeting.id, parsed.data),
        );
      } catch (err) {
        if (isFormError(err) || isVersionConflict(err)) {
          const problem = isVersionConflict(err) ? ctx.t("ws.status.stale") : (err as Error).message;
          return renderAgenda(req, reply, ctx, { problem }, 409);
        }
        throw err;
      }
      return reply.redirect(`${wsAgenda(meeting.id)}?gemt=tilgodkendelse`, 303);
    },
  );

  /** The chair approves (the act refuses anyone but the chair and vice-chair). */
  app.post<MeetingParams>(
    "/arbejdsrum/moeder/:id/dagsorden-godkendelse/godkend",
    hidden,
    async (req, reply) => {
      const ctx = wsCtx(req);
      const { meeting } = await loadMeeting(ctx, req.params.id, "member");
      const parsed = ZVersioned.safeParse({ version: Number(one(formFields(req.body), "version")) });
      if (!parsed.success) {
        return renderApproval(req, reply, ctx, { problem: ctx.t("ws.status.stale") }, 400);
      }
      try {
        await db().transaction((tx) => approveAgenda({ db: tx, actor: ctx.actor }, meeting.id, parsed.data));
      } catch (err) {
        if (isFormError(err) || isVersionConflict(err)) {
          const problem = isVersionConflict(err) ? ctx.t("ws.status.stale") : (err as Error).message;
          return renderApproval(req, reply, ctx, { problem }, 409);
        }
        throw err;
      }
      return reply.redirect(`${wsAgendaApproval(meeting.id)}?gemt=dagsordengodkendt`, 303);
    },
  );

  /** The chair sends the agenda back with what must change. */
  app.post<MeetingParams>(
    "/arbejdsrum/moeder/:id/dagsorden-godkendelse/tilbage",
    hidden,
    async (req, reply) => {
      const ctx = wsCtx(req);
      const { meeting } = await loadMeeting(ctx, req.params.id, "member");
      const f = formFields(req.body);
      const parsed = ZSendBack.safeParse({ version: Number(one(f, "version")), comment: one(f, "comment") });
      if (!parsed.success) {
        return renderApproval(
          req,
          reply,
          ctx,
          { commentError: ctx.t("ws.agendaApproval.commentError") },
          400,
        );
      }
      try {
        await db().transaction((tx) => sendBackAgenda({ db: tx, actor: ctx.actor }, meeting.id, parsed.data));
      } catch (err) {
        if (isFormError(err) || isVersionConflict(err)) {
          const problem = isVersionConflict(err) ? ctx.t("ws.status.stale") : (err as Error).message;
          return renderApproval(req, reply, ctx, { problem }, 409);
        }
        throw err;
      }
      return reply.redirect(`${wsAgendaApproval(meeting.id)}?gemt=dagsordentilbage`, 303);
    },
  );
}
