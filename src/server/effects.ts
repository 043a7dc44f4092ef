import { registerEffect } from "../lib/domain-events.ts";
import { documentsEffect, runDocumentJobs } from "../modules/documents/index.ts";
import { indicatorsEffect } from "../modules/indicators/index.ts";
import { reportDecidedMatters, runMatterDeadlines } from "../modules/matters/index.ts";
import { approveDueMinutes } from "../modules/meetings/index.ts";
import { recordNotificationEvent } from "../modules/notifications/index.ts";
import { runObligationReminders } from "../modules/obligations/index.ts";
import { indexMissingFileTexts } from "../modules/search/index.ts";
import type { BackgroundTask } from "./background.ts";

/**
 * Installs every module's reaction to domain events (see `src/lib/domain-events.ts`). Called by each
 * entry point that runs domain acts: `buildApp`, the CLI, the template maker. Idempotent: handlers are
 * registered by name. A handler runs inside the act's transaction and only writes durable rows; the
 * slow work is a background task below, done after the commit.
 */
export function installEffects(): void {
  registerEffect("documents", documentsEffect);
  registerEffect("indicators", indicatorsEffect);
  registerEffect("notifications", recordNotificationEvent);
}

/**
 * The after-commit work, in the order it is done on each round. `baseUrl`: the site's address, for links
 * in mails queued by a task (the server passes the configured one).
 */
export function backgroundTasks(baseUrl = "http://localhost:3000"): BackgroundTask[] {
  return [
    { name: "documents", run: (db) => runDocumentJobs(db, 20) },
    { name: "file-texts", run: (db) => indexMissingFileTexts(db, 20) },
    // Minutes of "no objection" bodies whose deadline has passed (docs/governance.md).
    { name: "minutes-deadlines", run: (db) => approveDueMinutes(db) },
    // Written procedures: the one reminder, and the result at the deadline (docs/governance.md).
    { name: "matters-deadlines", run: (db) => runMatterDeadlines(db, baseUrl) },
    // Obligations: the one reminder before an addressee's deadline (docs/obligations.md).
    { name: "obligation-reminders", run: (db) => runObligationReminders(db) },
    // Decided matters onto the next agenda's orientation item.
    { name: "matters-orientation", run: (db) => reportDecidedMatters(db) },
  ];
}
