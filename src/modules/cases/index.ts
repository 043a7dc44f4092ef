export { casePageRoutes } from "./cases.page-routes.ts";
export { casePath } from "./cases.pages.tsx";
export { caseRoutes } from "./cases.routes.ts";
export type { TCase } from "./cases.schemas.ts";
export { createCase, getCase, listCases } from "./cases.service.ts";
export {
  ARCHIVE_SYSTEMS,
  CONSULTATION_ROLES,
  caseLinkRejections,
  caseNumbers,
  cases,
  consultations,
} from "./cases.tables.ts";
export { addConsultation } from "./consultations.service.ts";
export { type HistoryStop, recordCaseHistory } from "./history.service.ts";
export { confirmLinks, proposeLinks, rejectLinks } from "./linking.service.ts";
export { caseNumberEdges, groupItems, isStandardItem, type LinkItem, scoreGroups } from "./linking.ts";
export { archiveSystemOf, decidingBody, matchBody, ROLE_LABEL_DA, referralTarget } from "./phrases.ts";
export {
  casesForNextMeeting,
  countCasesAwaiting,
  nextPlannedMeeting,
  referItem,
} from "./pipeline.service.ts";
export { getTimeline, resolveItems } from "./timeline.service.ts";
