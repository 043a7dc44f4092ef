export { CsvError, parseCsv } from "./csv.ts";
export { type DenmarkCellView, DenmarkMapSvg } from "./denmark-map.svg.tsx";
export { type DenmarkCell, type DenmarkLayout, layoutDenmark } from "./denmark-map.ts";
export { inPeriod, parentsOn } from "./reference.checks.ts";
export type { AreaRow, MembershipRow, ReferenceData } from "./reference.data.ts";
export { shippedPositions, shippedReferenceData } from "./reference.data.ts";
export { referencePageRoutes } from "./reference.page-routes.ts";
export { getReferenceData, loadReference } from "./reference.service.ts";
export { AREA_KINDS, type AreaKind, referenceAreas, referenceMemberships } from "./reference.tables.ts";
