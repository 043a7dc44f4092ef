import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { ERROR_RESPONSES, registerCrud } from "../../server/crud-routes.ts";
import { ZIdParams } from "../../server/schemas.ts";
import { initiativeDocumentRoutes } from "./documents.routes.ts";
import {
  ZInitiative,
  ZInitiativeFields,
  ZInitiativeFilter,
  ZInitiativeUpdateFields,
  ZMeetingStatusReport,
  ZOverview,
  ZStatusChange,
  ZStatusChangeInput,
} from "./initiatives.schemas.ts";
import { initiativeService, listAllInitiatives } from "./initiatives.service.ts";
import { countInitiatives } from "./overview.ts";
import { changeStatus, meetingStatusReport, statusHistory } from "./status.service.ts";
import { initiativeVariantRoutes } from "./variants.routes.ts";

export async function initiativeRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.database.db;
  const tags = ["Indsatser"];

  // before the CRUD routes, so /initiatives/overview is not read as an id
  r.get("/initiatives/overview", {
    schema: {
      tags,
      summary: "Antal indsatser pr. fase, pr. grøn/gul/rød og pr. fokusområde (med samme filtre som listen)",
      querystring: z.strictObject(ZInitiativeFilter).partial(),
      response: { 200: ZOverview, ...ERROR_RESPONSES },
    },
    handler: async (req) =>
      countInitiatives(await listAllInitiatives({ db: db(), actor: req.actor }, req.query)),
  });

  registerCrud(app, {
    path: "/initiatives",
    tag: "Indsatser",
    noun: "indsats",
    row: ZInitiative,
    create: ZInitiativeFields,
    update: ZInitiativeUpdateFields,
    filter: ZInitiativeFilter,
    service: initiativeService,
  });

  await initiativeDocumentRoutes(app);
  await initiativeVariantRoutes(app);

  r.post("/initiatives/:id/status", {
    schema: {
      tags,
      summary: "Ændr indsatsens status (fase og grøn/gul/rød med begrundelse); historikken bevares",
      params: ZIdParams,
      body: ZStatusChangeInput,
      response: { 200: ZInitiative, ...ERROR_RESPONSES },
    },
    handler: async (req) =>
      db().transaction((tx) => changeStatus({ db: tx, actor: req.actor }, req.params.id, req.body)),
  });

  r.get("/initiatives/:id/status-history", {
    schema: {
      tags,
      summary: "Indsatsens statushistorik",
      params: ZIdParams,
      response: { 200: z.array(ZStatusChange), ...ERROR_RESPONSES },
    },
    handler: async (req) => statusHistory({ db: db(), actor: req.actor }, req.params.id),
  });

  r.get("/meetings/:id/initiative-status", {
    schema: {
      tags,
      summary:
        "Status på indsatser ved et møde: forummets (og underliggende foras) indsatser og ændringer siden sidste møde",
      params: ZIdParams,
      response: { 200: ZMeetingStatusReport, ...ERROR_RESPONSES },
    },
    handler: async (req) => meetingStatusReport({ db: db(), actor: req.actor }, req.params.id),
  });
}
