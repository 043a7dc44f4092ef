import type { FastifyInstance } from "fastify";
import { sendPage } from "../../web/page.ts";
import { agendaPageRoutes } from "./agenda.routes.ts";
import { agendaApprovalPageRoutes } from "./agenda-approval.routes.ts";
import { approvalSettingsPageRoutes } from "./approval-settings.routes.ts";
import { attendancePageRoutes } from "./attendance.routes.ts";
import { correctionPageRoutes } from "./corrections.routes.ts";
import { DashboardPage } from "./dashboard.pages.tsx";
import { decisionPageRoutes } from "./decisions.routes.ts";
import { followUpPageRoutes } from "./followups.routes.ts";
import { importPageRoutes } from "./import.routes.ts";
import { itemPageRoutes } from "./item.routes.ts";
import { meetingEditPageRoutes } from "./meeting-edit.routes.ts";
import { minutesAnswerPageRoutes } from "./minutes-answers.routes.ts";
import { statusPageRoutes } from "./status.routes.ts";
import { hidden, workspaceGuard, wsCtx } from "./workspace.http.ts";
import { loadDashboard } from "./workspace.service.ts";

/** The secretariat's workspace: /arbejdsrum and everything under it (logged-in users only). */
export async function workspacePageRoutes(app: FastifyInstance) {
  // One guard for every route in this scope (the workspace's route files are registered below).
  app.addHook("preHandler", workspaceGuard);
  app.get("/arbejdsrum", hidden, async (req, reply) => {
    const ctx = wsCtx(req);
    return sendPage(reply, ctx, DashboardPage({ ctx, data: await loadDashboard(ctx.svc) }));
  });
  await app.register(agendaPageRoutes);
  await app.register(agendaApprovalPageRoutes);
  await app.register(approvalSettingsPageRoutes);
  await app.register(itemPageRoutes);
  await app.register(decisionPageRoutes);
  await app.register(attendancePageRoutes);
  await app.register(correctionPageRoutes);
  await app.register(statusPageRoutes);
  await app.register(minutesAnswerPageRoutes);
  await app.register(meetingEditPageRoutes);
  await app.register(followUpPageRoutes);
  await app.register(importPageRoutes);
}
