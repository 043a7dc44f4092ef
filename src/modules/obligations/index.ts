export { obligationPageRoutes } from "./obligations.page-routes.ts";
export { obligationRoutes } from "./obligations.routes.ts";
export type { TObligation } from "./obligations.schemas.ts";
export {
  answerObligation,
  fanOutObligation,
  getObligation,
  listBodyObligations,
  listItemObligations,
} from "./obligations.service.ts";
export { obligationAddressees, obligations } from "./obligations.tables.ts";
export { addObligationStatusItem } from "./status-item.service.ts";
