export { bodyRoutes } from "./bodies.routes.ts";
export { type TBody, ZApprovalSettings } from "./bodies.schemas.ts";
export {
  createBody,
  findBody,
  getBody,
  listBodies,
  presentBody,
  statusWhere,
  updateBody,
  validOnWhere,
} from "./bodies.service.ts";
export {
  dayBefore,
  isValidOn,
  STRUCTURE_STATUSES,
  type StructureStatus,
  structureStatus,
  structureToday,
} from "./bodies.status.ts";
export {
  loadSuccession,
  type NodeKind,
  predecessorBodyIds,
  type SuccessionLink,
  successorBodyIds,
} from "./bodies.successions.ts";
export { BODY_KINDS, bodies } from "./bodies.tables.ts";
export { bodyPath } from "./bodies.urls.ts";
export { numericDay, StructureNote } from "./bodies.view.tsx";
