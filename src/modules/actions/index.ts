export { actionRoutes } from "./actions.routes.ts";
export type { TAction, TActionProposal } from "./actions.schemas.ts";
export {
  createAction,
  listActions,
  listCaseActions,
  presentActions,
  updateAction,
} from "./actions.service.ts";
export { ACTION_STATUSES, actions } from "./actions.tables.ts";
export { nextAgendaActions, proposeItemActions } from "./agenda.service.ts";
export { findDueDate } from "./due-dates.ts";
export { type ActionProposal, proposeActions } from "./proposals.ts";
export { needsReminder, REMIND_DAYS_BEFORE } from "./remind.ts";
