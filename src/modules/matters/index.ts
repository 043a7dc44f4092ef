export { attachToMatter } from "./matters.attachments.ts";
export { setChairRule } from "./matters.body-rules.ts";
export { listCaseDecisions, type TCaseDecision } from "./matters.case-decisions.ts";
export { MattersAwaiting } from "./matters.dashboard.view.tsx";
export { CaseDecisions } from "./matters.extras.tsx";
export { runMatterDeadlines } from "./matters.jobs.ts";
export { reportDecidedMatters } from "./matters.orientation.ts";
export { matterPageRoutes } from "./matters.page-routes.ts";
export { matterRoutes } from "./matters.routes.ts";
export { isApprovedMatter } from "./matters.rules.ts";
export type { TMatter } from "./matters.schemas.ts";
export {
  answerMatter,
  createMatter,
  decideMatter,
  getMatter,
  listBodyMatters,
  listMattersAwaitingMe,
} from "./matters.service.ts";
export { matterAnswers, matterAttachments, matterBodyRules, matters } from "./matters.tables.ts";
export { matterObligationsPath, matterPath } from "./matters.urls.ts";
