export { attachStatusToItem } from "./attach.service.ts";
export { ConflictHint, conflictState } from "./form-conflict.tsx";
export { statusCsv, statusXlsx } from "./funds.export.ts";
export { fundPageRoutes } from "./funds.page-routes.ts";
export { fundRoutes } from "./funds.routes.ts";
export type { TFund, TGrant } from "./funds.schemas.ts";
export {
  createFund,
  getFund,
  listFunds,
  moveFundToBody,
  setFundParties,
  setIncome,
} from "./funds.service.ts";
export {
  fundCarryOvers,
  fundHistory,
  fundIncome,
  fundParties,
  funds,
  grantParts,
  grants,
} from "./funds.tables.ts";
export { approveGrant, canApproveGrantByChairDecision } from "./grants.approve.ts";
export { createGrant, listGrants, loadVisibleGrants, presentGrant, updateGrant } from "./grants.service.ts";
export { carryOver, type FundStatus, loadFundStatus } from "./status.service.ts";
