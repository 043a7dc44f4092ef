import type { daCases } from "./messages.cases.da.ts";

/** English messages of the case pages; the same keys as the Danish ones. */
export const enCases: Record<keyof typeof daCases, string> = {
  "nav.cases": "Cases",
  "cases.title": "Cases",
  "cases.lead":
    "Cases that travel between bodies: where they were handled, in which role, and what was decided.",
  "cases.search": "Search cases",
  "cases.searchLabel": "Title contains",
  "cases.numberLabel": "Case number",
  "cases.searchButton": "Search",
  "cases.none": "No cases match.",
  "cases.more": "More cases",
  "cases.caseTitle": "Case",
  "cases.theme": "Theme",
  "cases.numbers": "Case numbers",
  "cases.decidedBy": "Decided by",
  "cases.timeline": "Timeline",
  "cases.date": "Date",
  "cases.body": "Body",
  "cases.role": "Role",
  "cases.item": "Item",
  "cases.outcome": "Outcome",
  "cases.decision": "Decision",
  "cases.noStops": "The case has not been on a meeting's agenda yet.",
  "cases.noStopsDecided":
    "The case has not been on a meeting's agenda yet, but it was decided between meetings (see below).",
  "cases.missing": "The item no longer exists",
  "cases.fromHistory": "Known from the case history in",
  "cases.to": "to {body}",
  "cases.documents": "Documents",
  "cases.actions": "Follow-up",
  "cases.actionDue": "due {date}",
  "cases.status.open": "Open",
  "cases.status.done": "Done",
  "cases.status.cancelled": "Cancelled",
};
