import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { ERROR_RESPONSES, registerCrud } from "../../server/crud-routes.ts";
import { ZIdParams } from "../../server/schemas.ts";
import {
  ZAction,
  ZActionFields,
  ZActionFilter,
  ZActionProposal,
  ZActionUpdateFields,
  ZAgendaActions,
} from "./actions.schemas.ts";
import { actionService } from "./actions.service.ts";
import { nextAgendaActions, proposeItemActions } from "./agenda.service.ts";

export async function actionRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.database.db;
  const tags = ["Opfølgninger"];

  registerCrud(app, {
    path: "/actions",
    tag: "Opfølgninger",
    noun: "opfølgning",
    row: ZAction,
    create: ZActionFields,
    update: ZActionUpdateFields,
    filter: ZActionFilter,
    service: actionService,
  });

  r.get("/items/:id/action-proposals", {
    schema: {
      tags,
      summary: "Forslag til opfølgninger ud fra punktets beslutning (bekræftes med POST /actions)",
      params: ZIdParams,
      response: { 200: z.array(ZActionProposal), ...ERROR_RESPONSES },
    },
    handler: async (req) => proposeItemActions({ db: db(), actor: req.actor }, req.params.id),
  });

  r.get("/bodies/:id/next-agenda/actions", {
    schema: {
      tags,
      summary: "Åbne opfølgninger, der forfalder senest på forummets næste møde",
      params: ZIdParams,
      response: { 200: ZAgendaActions, ...ERROR_RESPONSES },
    },
    handler: async (req) => nextAgendaActions({ db: db(), actor: req.actor }, req.params.id),
  });
}
