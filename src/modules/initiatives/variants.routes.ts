import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { ERROR_RESPONSES } from "../../server/crud-routes.ts";
import { ZIdParams } from "../../server/schemas.ts";
import { ZInitiativeParty, ZPartyFigureInput, ZPartyParams, ZPartyVariantInput } from "./variants.schemas.ts";
import { addPartyFigure, listInitiativeParties, setPartyVariant } from "./variants.service.ts";

/** /initiatives/:id/parties: each party's variant (with history) and figures; set a variant, add a figure. */
export async function initiativeVariantRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.database.db;
  const tags = ["Indsatser"];

  r.get("/initiatives/:id/parties", {
    schema: {
      tags,
      summary: "Indsatsens parter: hver parts variant (model, deltager/står udenfor, historik) og målte tal",
      params: ZIdParams,
      response: { 200: z.array(ZInitiativeParty), ...ERROR_RESPONSES },
    },
    handler: async (req) => listInitiativeParties({ db: db(), actor: req.actor }, req.params.id),
  });

  r.post("/initiatives/:id/parties/:partyId/variant", {
    schema: {
      tags,
      summary:
        "Sæt partens variant fra en dag: model, deltager eller står udenfor (med begrundelse), kontaktperson; historikken bevares",
      params: ZPartyParams,
      body: ZPartyVariantInput,
      response: { 201: ZInitiativeParty, ...ERROR_RESPONSES },
    },
    handler: async (req, reply) =>
      reply
        .code(201)
        .send(
          await db().transaction((tx) =>
            setPartyVariant({ db: tx, actor: req.actor }, req.params.id, req.params.partyId, req.body),
          ),
        ),
  });

  r.post("/initiatives/:id/parties/:partyId/figures", {
    schema: {
      tags,
      summary: "Tilføj et tal, parten har målt for en periode (fx 93 patientforløb; 21 (23 %) genindlagt)",
      params: ZPartyParams,
      body: ZPartyFigureInput,
      response: { 201: ZInitiativeParty, ...ERROR_RESPONSES },
    },
    handler: async (req, reply) =>
      reply
        .code(201)
        .send(
          await db().transaction((tx) =>
            addPartyFigure({ db: tx, actor: req.actor }, req.params.id, req.params.partyId, req.body),
          ),
        ),
  });
}
