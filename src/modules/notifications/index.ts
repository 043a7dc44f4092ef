export { assemble, type ComposedMail } from "./compose.ts";
export { recordNotificationEvent } from "./effect.ts";
export { notificationRoutes, siteUrl } from "./notifications.page-routes.ts";
export { AskPage, SubscribeForm } from "./notifications.pages.tsx";
export {
  notificationEvents,
  notificationOutbox,
  notificationProfiles,
  publicSubscriptions,
} from "./notifications.tables.ts";
export { backoffMinutes, type SendMail } from "./outbox.ts";
export { countUnsentUnchecked, getOutboxOverview } from "./outbox-admin.ts";
export { type NotificationRun, runNotifications, SMTP_TIMEOUT_MS } from "./worker.ts";
