export { reorganisationPageRoutes } from "./reorganisation.page-routes.ts";
export { reorganisationRoutes } from "./reorganisation.routes.ts";
export type { TPreview, TReorganisation, TReorganisationInput } from "./reorganisation.schemas.ts";
export {
  carryOutReorganisation,
  getReorganisation,
  listReorganisations,
  previewReorganisation,
  undoReorganisation,
} from "./reorganisation.service.ts";
export { REORGANISATION_KINDS, reorganisations, structureSuccessions } from "./reorganisation.tables.ts";
