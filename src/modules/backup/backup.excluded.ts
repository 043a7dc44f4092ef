/**
 * Tables an export leaves out on purpose, each with its reason. A test checks that every table of
 * the schema is either exported or named here, so a new table cannot be forgotten by the backup.
 */
export const EXCLUDED_FROM_EXPORT: Readonly<Record<string, string>> = {
  sessions: "login sessions are short-lived secrets, not data",
  oidc_sessions: "which provider login each session came from; the sessions are not exported",
  totp_secrets:
    "two-factor secrets stay on the installation, out of export files; after a restore users enrol again",
  email_changes: "pending e-mail changes expire in 48 hours; their tokens are secrets",
  pending_imports: "uploads waiting for review expire after a day",
  search_documents: "the search index is derived: a restore rebuilds it through the index triggers",
  search_terms: "derived from the search index",
  alert_deliveries: "refer to rows of the derived search index, which a restore numbers anew",
  search_subscription_deliveries: "refer to rows of the derived search index, which a restore numbers anew",
  notification_events: "what acts announced for mails; expanded into the outbox soon after",
  notification_outbox: "mails queued or sent; a restored outbox would send old mails again",
  notification_profiles:
    "a user's notification choices and secret link tokens; made again at first need (every topic immediately)",
  calendar_cancellations: "deleted meetings kept in calendars for 90 days; derived from deletions",
  installation: "this installation's own id (calendar UIDs); a restore keeps the target's",
};
