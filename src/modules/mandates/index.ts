export { DecisionRef } from "./decision-ref.view.tsx";
export {
  type ItemInfo,
  loadItemInfo,
  presentDecisionRef,
  requireItem,
  type TDecisionRef,
  ZDecisionRef,
} from "./decision-refs.ts";
export { itemChoices } from "./item-choices.ts";
export { mandatePageRoutes } from "./mandates.page-routes.ts";
export { getMandate, listGroups } from "./mandates.read.ts";
export { mandateRoutes } from "./mandates.routes.ts";
export type { TGroupSummary, TMandate } from "./mandates.schemas.ts";
export {
  approveMandateVersion,
  changeGroupStatus,
  establishMandate,
  recordReport,
  reviseMandate,
  setUpGroup,
} from "./mandates.service.ts";
export { mandateEvents, mandateVersions } from "./mandates.tables.ts";
export { groupsPath, mandatePath } from "./mandates.urls.ts";
