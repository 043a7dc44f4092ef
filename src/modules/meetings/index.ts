export { attendanceService, listMeetingAttendance } from "./attendance.service.ts";
export { absenceService, attachmentService, uploadAttachmentContent } from "./item-children.service.ts";
export { CLOSED_TITLE, type ItemRow, presentAttachment } from "./items.present.ts";
export { itemRoutes } from "./items.routes.ts";
export type { TAttachmentMeta, TItem } from "./items.schemas.ts";
export { ZAttachmentMeta, ZCaseNumber, ZOutcome } from "./items.schemas.ts";
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
export { STATUS_LABEL_DA } from "./meetings.rules.ts";
export {
  createMeeting,
  getMeetingRow,
  type MeetingRow,
  presentMeeting,
  transitionMeeting,
} from "./meetings.service.ts";
export { attendance, meetings } from "./meetings.tables.ts";
export { meetingPath } from "./meetings.urls.ts";
export { canSeeAttachment, canSeeItem, type Visibility, visibilityOf } from "./visibility.ts";
