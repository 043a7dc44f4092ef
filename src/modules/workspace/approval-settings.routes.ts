/**
 * The body's approval settings from the workspace (who approves the agenda and the minutes), saved through
 * `updateBody`, which lets only the chair or an administrator change them; the form is read with the
 * API's own schema (`ZApprovalSettings`).
 */
import type { FastifyInstance, FastifyReply } from "fastify";
import { notFound } from "../../server/errors.ts";
import type { FieldErrors } from "../../web/form-fields.tsx";
import { type PageCtx, sendPage } from "../../web/page.ts";
import { canChangeApprovalSetting, canEditBody, canReadClosed } from "../auth/index.ts";
import { getBody, updateBody, ZApprovalSettings } from "../bodies/index.ts";
import { doneMessage } from "./agenda.render.ts";
import { type ApprovalSettingsData, ApprovalSettingsPage } from "./approval-settings.view.tsx";
import { formFields, hidden, idParam, isFormError, isVersionConflict, one, wsCtx } from "./workspace.http.ts";
import { wsBody } from "./workspace.urls.ts";

type BodyParams = { Params: { id: string } };

async function render(
  reply: FastifyReply,
  ctx: PageCtx,
  bodyId: number,
  extra: Partial<Pick<ApprovalSettingsData, "values" | "errors" | "problem" | "done">>,
  code = 200,
) {
  if (!canReadClosed(ctx.actor, bodyId) && !canEditBody(ctx.actor, bodyId)) {
    throw notFound("Forummet");
  }
  const body = await getBody(ctx.svc, bodyId);
  const data: ApprovalSettingsData = {
    body,
    editable: canChangeApprovalSetting(ctx.actor, bodyId),
    values: extra.values ?? {
      agendaApproval: body.agendaApproval,
      minutesApproval: body.minutesApproval,
      minutesApprovalDays: String(body.minutesApprovalDays),
      drafterMayApprove: body.drafterMayApprove,
    },
    errors: extra.errors ?? {},
    problem: extra.problem ?? null,
    done: extra.done ?? null,
  };
  return sendPage(reply, ctx, ApprovalSettingsPage({ ctx, data }), code);
}

export async function approvalSettingsPageRoutes(app: FastifyInstance) {
  const db = () => app.database.db;

  app.get<BodyParams>("/arbejdsrum/organer/:id/godkendelse", hidden, async (req, reply) => {
    const ctx = wsCtx(req);
    return render(reply, ctx, idParam(req.params.id, "Forummet"), { done: doneMessage(ctx, req) });
  });

  app.post<BodyParams>("/arbejdsrum/organer/:id/godkendelse", hidden, async (req, reply) => {
    const ctx = wsCtx(req);
    const bodyId = idParam(req.params.id, "Forummet");
    const f = formFields(req.body);
    const values = {
      agendaApproval: one(f, "agendaApproval") === "ja",
      minutesApproval: one(f, "minutesApproval"),
      minutesApprovalDays: one(f, "minutesApprovalDays"),
      drafterMayApprove: one(f, "drafterMayApprove") === "ja",
    };
    const parsed = ZApprovalSettings.safeParse({
      ...values,
      version: Number(one(f, "version")),
      minutesApprovalDays: /^\d{1,3}$/.test(values.minutesApprovalDays)
        ? Number(values.minutesApprovalDays)
        : -1,
    });
    if (!parsed.success) {
      const errors: FieldErrors = {};
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? "minutesApproval");
        errors[field] ??=
          field === "minutesApprovalDays" ? ctx.t("ws.settings.daysError") : ctx.t("ws.settings.ruleError");
      }
      return render(reply, ctx, bodyId, { values, errors }, 400);
    }
    try {
      await db().transaction((tx) => updateBody({ db: tx, actor: ctx.actor }, bodyId, parsed.data));
    } catch (err) {
      if (isFormError(err) || isVersionConflict(err)) {
        const problem = isVersionConflict(err) ? ctx.t("ws.status.stale") : (err as Error).message;
        return render(reply, ctx, bodyId, { values, problem }, 409);
      }
      throw err;
    }
    return reply.redirect(`${wsBody(bodyId)}/godkendelse?gemt=indstillinger`, 303);
  });
}
