export { actionRoutes } from "./actions.routes.ts";
export type { TAction } from "./actions.schemas.ts";
export { createAction, listActions, listCaseActions } from "./actions.service.ts";
export { ACTION_STATUSES, actions } from "./actions.tables.ts";
export { nextAgendaActions } from "./agenda.service.ts";
export { findDueDate } from "./due-dates.ts";
export { type ActionProposal, proposeActions } from "./proposals.ts";
export { REMIND_DAYS_BEFORE, sendActionReminders } from "./remind.ts";
