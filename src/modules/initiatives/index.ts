export type { TInitiativeDocument } from "./documents.schemas.ts";
export { addLinkDocument, listDocuments } from "./documents.service.ts";
export { initiativePageRoutes } from "./initiatives.page-routes.ts";
export { initiativeRoutes } from "./initiatives.routes.ts";
export type { TInitiative } from "./initiatives.schemas.ts";
export { createInitiative, getInitiative, listAllInitiatives } from "./initiatives.service.ts";
export {
  initiativeDocuments,
  initiativeParties,
  initiativePartyFigures,
  initiativePartyVariants,
  initiativeStatusChanges,
  initiatives,
} from "./initiatives.tables.ts";
export { changeStatus, meetingStatusReport } from "./status.service.ts";
export type { TInitiativeParty } from "./variants.schemas.ts";
export { addPartyFigure, listInitiativeParties, setPartyVariant } from "./variants.service.ts";
