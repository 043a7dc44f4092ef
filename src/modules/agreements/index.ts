export { agreementPageRoutes } from "./agreements.page-routes.ts";
export { getAgreement, getToolbox, listAgreements, loadMatrix } from "./agreements.read.ts";
export { agreementRoutes } from "./agreements.routes.ts";
export type { TAgreement, TAgreementSummary, THearing, TToolbox } from "./agreements.schemas.ts";
export {
  addVersion,
  approveAgreement,
  createAgreement,
  moveAgreement,
  publishVersion,
  updateAgreement,
} from "./agreements.service.ts";
export * from "./agreements.tables.ts";
export { agreementPath } from "./agreements.urls.ts";
export { hearingRoutes } from "./hearings.routes.ts";
export { addRemark, addResponse, closeHearing, startHearing, updateRemark } from "./hearings.service.ts";
export { implementationPageRoutes } from "./implementation.page-routes.ts";
export { implementationRoutes } from "./implementation.routes.ts";
export { attachMatrixToItem, setImplementationState } from "./implementation.service.ts";
export { addRatificationStep, updateRatificationStep } from "./ratification.service.ts";
