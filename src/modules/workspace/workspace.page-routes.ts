import type { FastifyInstance } from "fastify";
import { sendPage } from "../../web/page.ts";
import { agendaPageRoutes } from "./agenda.routes.ts";
import { conductPageRoutes } from "./conduct.routes.ts";
import { DashboardPage } from "./dashboard.pages.tsx";
import { importPageRoutes } from "./import.routes.ts";
import { itemPageRoutes } from "./item.routes.ts";
import { hidden, workspaceContext } from "./workspace.http.ts";
import { loadDashboard } from "./workspace.service.ts";

/** The secretariat's workspace: /arbejdsrum and everything under it (logged-in users only). */
export async function workspacePageRoutes(app: FastifyInstance) {
  app.get("/arbejdsrum", hidden, async (req, reply) => {
    const ctx = workspaceContext(req, reply);
    if (!ctx) {
      return reply;
    }
    return sendPage(reply, ctx, DashboardPage({ ctx, data: await loadDashboard(ctx.svc) }));
  });
  await app.register(agendaPageRoutes);
  await app.register(itemPageRoutes);
  await app.register(conductPageRoutes);
  await app.register(importPageRoutes);
}
