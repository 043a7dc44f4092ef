import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { ERROR_RESPONSES } from "../../server/crud-routes.ts";
import { ZIdParams } from "../../server/schemas.ts";
import { siteUrl } from "../notifications/index.ts";
import { ZAnswerMatter, ZCreateMatter, ZDecideMatter, ZMatter, ZMatterList } from "./matters.schemas.ts";
import { answerMatter, createMatter, decideMatter, getMatter, listBodyMatters } from "./matters.service.ts";

/** /api/v1: matters decided between meetings — chair decisions and written procedures (issue 21). */
export async function matterRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.database.db;
  const tags = ["Beslutninger mellem møder"];

  r.post("/matters", {
    schema: {
      tags,
      summary: "Forelæg en sag for formandskabet eller send den til skriftlig behandling (sekretariatet)",
      body: ZCreateMatter,
      response: { 201: ZMatter, ...ERROR_RESPONSES },
    },
    handler: async (req, reply) =>
      reply
        .code(201)
        .send(await createMatter({ db: db(), actor: req.actor }, req.body, { baseUrl: siteUrl(app, req) })),
  });

  r.get("/matters/:id", {
    schema: {
      tags,
      summary: "En sag med afgørelsen og medlemmernes svar (kun forummets medlemmer)",
      params: ZIdParams,
      response: { 200: ZMatter, ...ERROR_RESPONSES },
    },
    handler: async (req) => getMatter({ db: db(), actor: req.actor }, req.params.id),
  });

  r.get("/bodies/:id/matters", {
    schema: {
      tags,
      summary: "Forummets sager mellem møder, nyeste først (kun forummets medlemmer)",
      params: ZIdParams,
      response: { 200: ZMatterList, ...ERROR_RESPONSES },
    },
    handler: async (req) => ({ items: await listBodyMatters({ db: db(), actor: req.actor }, req.params.id) }),
  });

  r.post("/matters/:id/decision", {
    schema: {
      tags,
      summary: "Formandsbeslutning: godkend, godkend med bemærkning eller afvis (formand og næstformand)",
      params: ZIdParams,
      body: ZDecideMatter,
      response: { 200: ZMatter, ...ERROR_RESPONSES },
    },
    handler: async (req) => decideMatter({ db: db(), actor: req.actor }, req.params.id, req.body),
  });

  r.post("/matters/:id/answers", {
    schema: {
      tags,
      summary: "Svar i en skriftlig behandling: godkend, afvis eller bemærkning (forummets medlemmer)",
      params: ZIdParams,
      body: ZAnswerMatter,
      response: { 200: ZMatter, ...ERROR_RESPONSES },
    },
    handler: async (req) => answerMatter({ db: db(), actor: req.actor }, req.params.id, req.body),
  });
}
