export { createParty, getParty, listParties, presentParty } from "./parties.service.ts";
export { partyRoutes } from "./parties.routes.ts";
export { parties, PARTY_TYPES } from "./parties.tables.ts";
export type { TParty } from "./parties.schemas.ts";
