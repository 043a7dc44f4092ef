export { type AlertRun, type Mail, type SendMail, sendAlerts } from "./alerts.service.ts";
export { indexFileText, indexMissingFileTexts } from "./file-text.ts";
export { smtpSender } from "./mail.ts";
export { queuePublicSearchAlerts } from "./public-alerts.service.ts";
export { type ParsedQuery, parseQuery, QuerySyntaxError } from "./query.ts";
export { searchPageRoutes } from "./search.page-routes.ts";
export { baseUrlOf, searchFeedRoute, searchRoutes } from "./search.routes.ts";
export { type SearchInput, type SearchResult, search } from "./search.service.ts";
export {
  alertDeliveries,
  fileTexts,
  savedSearches,
  searchDocuments,
  searchSubscriptions,
  searchTerms,
} from "./search.tables.ts";
