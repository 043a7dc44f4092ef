import type { FastifyInstance } from "fastify";
import { registerCrud } from "../../server/crud-routes.ts";
import { ZParty, ZPartyFields, ZPartyFilter } from "./parties.schemas.ts";
import { partyService } from "./parties.service.ts";

export async function partyRoutes(app: FastifyInstance) {
  registerCrud(app, {
    path: "/parties",
    tag: "Parter",
    noun: "part",
    row: ZParty,
    create: ZPartyFields,
    update: ZPartyFields,
    filter: ZPartyFilter,
    service: partyService,
  });
}
