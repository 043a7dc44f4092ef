export { auditRoutes } from "./audit.routes.ts";
export {
  appendAuditNote,
  asAuditedBulk,
  REMOVAL_NOTE,
  type VerifyResult,
  verifyAuditChain,
} from "./audit.service.ts";
export { auditLog } from "./audit.tables.ts";
