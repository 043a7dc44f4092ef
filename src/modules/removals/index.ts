export { canRemovePersonalData } from "./removals.access.ts";
export { removalPageRoutes } from "./removals.page-routes.ts";
export { removalRoutes } from "./removals.routes.ts";
export { ZRemovePersonalData } from "./removals.schemas.ts";
export { findPassage, listRemovals, removePersonalData } from "./removals.service.ts";
export { personalDataRemovals } from "./removals.tables.ts";
