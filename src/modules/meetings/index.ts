export { attendanceService } from "./attendance.service.ts";
export { absenceService, attachmentService, uploadAttachmentContent } from "./item-children.service.ts";
export { itemRoutes } from "./items.routes.ts";
export { createItem, getItem, listItems, listMeetingItems, presentItemsByIds } from "./items.service.ts";
export { presentAttachment } from "./items.present.ts";
export type { TAttachmentMeta, TItem } from "./items.schemas.ts";
export { presentMeeting } from "./meetings.service.ts";
export { STATUS_LABEL_DA } from "./meetings.rules.ts";
export { agendaItems, attachments, itemAbsences, minutesCorrections, SECTION_KEYS } from "./items.tables.ts";
export { meetingRoutes } from "./meetings.routes.ts";
export { createMeeting, getMeetingRow, transitionMeeting } from "./meetings.service.ts";
export { attendance, meetings } from "./meetings.tables.ts";
export { MeetingList } from "./meetings.pages.tsx";
export { meetingPageRoutes } from "./meetings.page-routes.ts";
export {
  listAllMeetings,
  listBodyMeetings,
  listLatestMinutes,
  listMeetingsBetween,
  listUpcomingMeetings,
  type MeetingSummary,
} from "./meetings.portal.ts";
export { meetingPath } from "./meetings.urls.ts";
export { canSeeAttachment, canSeeItem, type Visibility, visibilityOf } from "./visibility.ts";
export { CLOSED_TITLE, type ItemRow } from "./items.present.ts";
export { getItemWithMeeting } from "./items.service.ts";
export { ZAttachmentMeta, ZCaseNumber, ZOutcome } from "./items.schemas.ts";
export type { MeetingRow } from "./meetings.service.ts";
