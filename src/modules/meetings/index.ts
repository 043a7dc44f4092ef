export { AgendaChanges, agendaChangeLine } from "./agenda-changes.view.tsx";
export { type AgendaSupplementView, listAgendaSupplements } from "./agenda-supplements.service.ts";
export { attendanceService, listMeetingAttendance } from "./attendance.service.ts";
export { SITE_ALTERNATES } from "./calendar.pages.tsx";
export { absenceService, attachmentService, uploadAttachmentContent } from "./item-children.service.ts";
export { type ItemExtra, registerItemExtra } from "./item-extras.ts";
export { CLOSED_TITLE, type ItemRow, presentAttachment } from "./items.present.ts";
export { itemRoutes } from "./items.routes.ts";
export type { TAttachmentMeta, TItem } from "./items.schemas.ts";
export { ZAttachmentMeta, ZCaseNumber, ZCorrection, ZOutcome } from "./items.schemas.ts";
export {
  correctMinutes,
  createItem,
  deleteItem,
  getItem,
  getItemWithMeeting,
  listItems,
  listMeetingItems,
  presentItemsByIds,
  reorderItems,
  updateItem,
} from "./items.service.ts";
export {
  agendaItems,
  attachments,
  itemAbsences,
  minutesCorrections,
  SECTION_KEYS,
  type SectionKey,
} from "./items.tables.ts";
export {
  agendaApprovalBlock,
  approveAgenda,
  approveMinutes,
  cancelMeeting,
  draftMinutes,
  getAgendaApproval,
  holdMeeting,
  publishAgenda,
  publishMinutes,
  publishSupplementaryAgenda,
  recordHistoricApproval,
  reopenMinutes,
  requestAgendaApproval,
  sendBackAgenda,
  sendBackMinutes,
  transitionMeeting,
  withdrawAgenda,
} from "./meeting-acts.ts";
export { ItemView } from "./meeting-item.view.tsx";
export { meetingPageRoutes } from "./meetings.page-routes.ts";
export { MeetingList } from "./meetings.pages.tsx";
export {
  listAllMeetings,
  listBodyMeetings,
  listLatestMinutes,
  listMeetingsBetween,
  listUpcomingMeetings,
  type MeetingSummary,
} from "./meetings.portal.ts";
export { meetingRoutes } from "./meetings.routes.ts";
export {
  forwardPath,
  isMeetingStatus,
  isMinutesLocked,
  MEETING_STATUS_PATH,
  type MeetingStatus,
  STATUS_LABEL_DA,
  statusLabelKey,
} from "./meetings.rules.ts";
export {
  type TAgendaApproval,
  ZCancel,
  ZMeetingKind,
  ZSendBack,
  ZSupplement,
  ZTransition,
  ZVersioned,
} from "./meetings.schemas.ts";
export {
  createMeeting,
  getMeetingRow,
  type MeetingRow,
  presentMeeting,
  updateMeeting,
} from "./meetings.service.ts";
export { attendance, meetings } from "./meetings.tables.ts";
export { meetingPath } from "./meetings.urls.ts";
export { answerDeadline } from "./minutes-answers.rule.ts";
export { ZMinutesAnswerInput, ZMinutesRemarkReply } from "./minutes-answers.schemas.ts";
export {
  answerMinutes,
  approveDueMinutes,
  getMinutesRound,
  type MinutesRound,
  replyToMinutesRemark,
} from "./minutes-answers.service.ts";
export {
  insertStandardItems,
  LAST_STANDARD_TITLE,
  placeBeforeClosing,
  STANDARD_ITEMS,
} from "./standard-items.ts";
export {
  canSeeAttachment,
  canSeeItem,
  type ItemNeed,
  itemVisible,
  memberBodyIds,
  type Visibility,
  visibilityOf,
  visibleItemsWhere,
  visibleMeetingsWhere,
} from "./visibility.ts";
