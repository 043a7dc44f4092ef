export { OPARL_PREFIX, oparlRoutes } from "./oparl.routes.ts";
export { deletedObjects } from "./oparl.tables.ts";
