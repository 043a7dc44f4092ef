export { partyRoutes } from "./parties.routes.ts";
export type { TParty } from "./parties.schemas.ts";
export { createParty, getParty, listParties, presentParty } from "./parties.service.ts";
export { PARTY_TYPES, parties } from "./parties.tables.ts";
