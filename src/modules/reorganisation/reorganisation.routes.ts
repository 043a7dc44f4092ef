import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { ERROR_RESPONSES } from "../../server/crud-routes.ts";
import { ZIdParams } from "../../server/schemas.ts";
import { ZCarryOut, ZPreview, ZReorganisation, ZReorganisationInput } from "./reorganisation.schemas.ts";
import {
  carryOutReorganisation,
  getReorganisation,
  listReorganisations,
  previewReorganisation,
  undoReorganisation,
} from "./reorganisation.service.ts";

const tags = ["Strukturændringer"];

/** /api/v1/reorganisations: preview, carry out, list, read and undo (administrators). */
export async function reorganisationRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.database.db;

  r.post("/reorganisations/preview", {
    schema: {
      tags,
      summary: "Forhåndsvis en strukturændring: alt der flyttes, og alt der ikke gør (gemmer intet)",
      body: ZReorganisationInput,
      response: { 200: ZPreview, ...ERROR_RESPONSES },
    },
    handler: async (req) =>
      db().transaction((tx) => previewReorganisation({ db: tx, actor: req.actor }, req.body)),
  });

  r.post("/reorganisations", {
    schema: {
      tags,
      summary: "Gennemfør en strukturændring (med forhåndsvisningens kontrolsum) i én transaktion",
      body: ZCarryOut,
      response: { 201: ZReorganisation, ...ERROR_RESPONSES },
    },
    handler: async (req, reply) => {
      const row = await db().transaction((tx) =>
        carryOutReorganisation({ db: tx, actor: req.actor }, req.body),
      );
      return reply.code(201).send(row);
    },
  });

  r.get("/reorganisations", {
    schema: {
      tags,
      summary: "Strukturændringer",
      response: { 200: z.array(ZReorganisation), ...ERROR_RESPONSES },
    },
    handler: async (req) => listReorganisations({ db: db(), actor: req.actor }),
  });

  r.get("/reorganisations/:id", {
    schema: {
      tags,
      summary: "Én strukturændring",
      params: ZIdParams,
      response: { 200: ZReorganisation, ...ERROR_RESPONSES },
    },
    handler: async (req) => getReorganisation({ db: db(), actor: req.actor }, req.params.id),
  });

  r.post("/reorganisations/:id/undo", {
    schema: {
      tags,
      summary: "Fortryd en strukturændring før ikrafttrædelsesdagen",
      params: ZIdParams,
      response: { 200: ZReorganisation, ...ERROR_RESPONSES },
    },
    handler: async (req) =>
      db().transaction((tx) => undoReorganisation({ db: tx, actor: req.actor }, req.params.id)),
  });
}
