import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { ERROR_RESPONSES } from "../../server/crud-routes.ts";
import { ZIdParams } from "../../server/schemas.ts";
import { ZAnswer, ZFanOut, ZObligation } from "./obligations.schemas.ts";
import {
  answerObligation,
  fanOutObligation,
  getObligation,
  listBodyObligations,
  listItemObligations,
} from "./obligations.service.ts";
import { addObligationStatusItem } from "./status-item.service.ts";

/** /api/v1: obligations fanned out from a decision, their answers and the status item. */
export async function obligationRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.database.db;
  const tags = ["Forpligtelser"];

  r.post("/items/:id/obligations", {
    schema: {
      tags,
      summary: "Send en forpligtelse ud fra punktets beslutning til flere fora (én pr. forum)",
      params: ZIdParams,
      body: ZFanOut,
      response: { 201: ZObligation, ...ERROR_RESPONSES },
    },
    handler: async (req, reply) =>
      reply
        .code(201)
        .send(
          await db().transaction((tx) =>
            fanOutObligation({ db: tx, actor: req.actor }, req.params.id, req.body),
          ),
        ),
  });

  r.get("/items/:id/obligations", {
    schema: {
      tags,
      summary: "Forpligtelser sendt ud fra punktet (kun det besluttende forums og modtagernes medlemmer)",
      params: ZIdParams,
      response: { 200: z.array(ZObligation), ...ERROR_RESPONSES },
    },
    handler: async (req) => listItemObligations({ db: db(), actor: req.actor }, req.params.id),
  });

  r.get("/obligations/:id", {
    schema: {
      tags,
      summary: "En forpligtelse med modtagernes svar og opgørelsen (hvem har svaret, hvem er for sent)",
      params: ZIdParams,
      response: { 200: ZObligation, ...ERROR_RESPONSES },
    },
    handler: async (req) => getObligation({ db: db(), actor: req.actor }, req.params.id),
  });

  r.get("/bodies/:id/obligations", {
    schema: {
      tags,
      summary: "Forummets forpligtelser: modtaget (skal besvares) og sendt ud (følges)",
      params: ZIdParams,
      response: {
        200: z.object({
          bodyId: z.number().int(),
          received: z.array(ZObligation),
          sent: z.array(ZObligation),
        }),
        ...ERROR_RESPONSES,
      },
    },
    handler: async (req) => listBodyObligations({ db: db(), actor: req.actor }, req.params.id),
  });

  r.post("/obligations/:id/answers", {
    schema: {
      tags,
      summary: "Et modtagende forums svar: udført, ikke relevant (med begrundelse) eller mere tid (ny dato)",
      params: ZIdParams,
      body: ZAnswer,
      response: { 200: ZObligation, ...ERROR_RESPONSES },
    },
    handler: async (req) =>
      db().transaction((tx) => answerObligation({ db: tx, actor: req.actor }, req.params.id, req.body)),
  });

  r.post("/obligations/:id/status-item", {
    schema: {
      tags,
      summary: "Sæt 'Status for opfølgning hos …' på det besluttende forums næste planlagte dagsorden",
      params: ZIdParams,
      response: {
        201: z.object({ itemId: z.number().int(), meetingId: z.number().int() }),
        ...ERROR_RESPONSES,
      },
    },
    handler: async (req, reply) =>
      reply
        .code(201)
        .send(
          await db().transaction((tx) =>
            addObligationStatusItem({ db: tx, actor: req.actor }, req.params.id),
          ),
        ),
  });
}
