import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { ERROR_RESPONSES } from "../../server/crud-routes.ts";
import { ZIdParams } from "../../server/schemas.ts";
import { itemHistory, meetingHistory } from "./audit.service.ts";

const ZEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  actor: z.string(),
  table: z.string(),
  rowId: z.string().nullable(),
  action: z.string(),
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
});

export async function auditRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["Historik"];
  r.get("/meetings/:id/history", {
    schema: {
      tags,
      summary: "Mødets historik: hvem ændrede hvad og hvornår (sekretariatet)",
      params: ZIdParams,
      response: { 200: z.array(ZEntry), ...ERROR_RESPONSES },
    },
    handler: async (req) => meetingHistory({ db: app.database.db, actor: req.actor }, req.params.id),
  });
  r.get("/items/:id/history", {
    schema: {
      tags,
      summary: "Punktets historik med fravær, bilag og rettelser (sekretariatet)",
      params: ZIdParams,
      response: { 200: z.array(ZEntry), ...ERROR_RESPONSES },
    },
    handler: async (req) => itemHistory({ db: app.database.db, actor: req.actor }, req.params.id),
  });
}
