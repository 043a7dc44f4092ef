import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { ERROR_RESPONSES } from "../../server/crud-routes.ts";
import { ZIdParams } from "../../server/schemas.ts";
import { ZRemoval, ZRemovePersonalData } from "./removals.schemas.ts";
import { listRemovals, removePersonalData } from "./removals.service.ts";

export async function removalRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["Personoplysninger"];
  r.post("/items/:id/personal-data-removals", {
    schema: {
      tags,
      summary:
        "Fjern personoplysninger: en tekst fjernes fra punktet, dets rettelser, de offentliggjorte filer, søgningen og revisionsloggen (administrator)",
      params: ZIdParams,
      body: ZRemovePersonalData,
      response: { 201: ZRemoval, ...ERROR_RESPONSES },
    },
    handler: async (req, reply) => {
      const removal = await app.database.db.transaction((tx) =>
        removePersonalData({ db: tx, actor: req.actor }, req.params.id, req.body),
      );
      return reply.code(201).send(removal);
    },
  });
  r.get("/items/:id/personal-data-removals", {
    schema: {
      tags,
      summary:
        "Fjernelser af personoplysninger fra punktet: hvornår, hvorfor og hvor – aldrig teksten (administrator)",
      params: ZIdParams,
      response: { 200: z.array(ZRemoval), ...ERROR_RESPONSES },
    },
    handler: async (req) => listRemovals({ db: app.database.db, actor: req.actor }, req.params.id),
  });
}
