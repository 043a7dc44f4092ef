export {
  answerObligation,
  answerObligationWithFile,
  readAnswerFile,
  readObligationReport,
} from "./answers.service.ts";
export { CaseObligations } from "./case-roll-up.view.tsx";
export { canSeeAddressee, mayAnswerFor, readerOf, visibleObligationsWhere } from "./obligations.access.ts";
export { REMIND_DAYS_BEFORE, runObligationReminders } from "./obligations.jobs.ts";
export { obligationPageRoutes } from "./obligations.page-routes.ts";
export { obligationRoutes } from "./obligations.routes.ts";
export type { TObligation } from "./obligations.schemas.ts";
export {
  attachObligationReport,
  fanOutObligation,
  fanOutObligationFromMatter,
  getObligation,
  listBodyObligations,
  listItemObligations,
  listMatterObligations,
  listObligationsOfItems,
} from "./obligations.service.ts";
export { obligationAddressees, obligations } from "./obligations.tables.ts";
export { addObligationStatusItem } from "./status-item.service.ts";
