import type { daRemovals } from "./messages.removals.da.ts";

/** English messages of removing personal data (issue 18.6); spread into messages.en.ts. */
export const enRemovals: Record<keyof typeof daRemovals, string> = {
  "removal.marker": "[Information removed {date} – {reason}]",
  "removal.title": "Remove personal data",
  "removal.link": "Remove personal data",
  "removal.linkIntro":
    "If personal data (such as a CPR number) was published in this item by mistake, it can be removed everywhere: from the item, its corrections, the published files, search and the audit log.",
  "removal.intro":
    "Enter the exact text to remove, and why. Everywhere in the item, its corrections and the published PDF and Word files the text is replaced by “[Oplysninger fjernet <date> – <reason>]” (the material is in Danish). The audit log keeps that it happened, by whom and why – but not the text.",
  "removal.passage": "Text to remove",
  "removal.passageHint": "Copy the text exactly as it stands in the item.",
  "removal.reason": "Reason",
  "removal.reasonHint": "Shown instead of the text, e.g. “CPR number published by mistake”.",
  "removal.next": "Continue",
  "removal.back": "Back to the item",
  "removal.cancel": "Cancel",
  "removal.confirmHeading": "Confirm the removal",
  "removal.confirmIntro": "This text will be removed:",
  "removal.confirmMarker":
    "In its place it will say “[Oplysninger fjernet <date> – {reason}]”. This cannot be undone.",
  "removal.confirmButton": "Remove the information",
  "removal.done": "The information has been removed.",
  "removal.doneMarker": "Where the text stood, it now says: {marker}",
  "removal.found.field": "The item's {field}",
  "removal.found.corrections": "{n} correction(s) in the correction history",
  "removal.found.editions": "The published PDF and Word files holding the text are made again (same address)",
  "removal.found.audit": "Audit log entries holding the text are scrubbed; the chain can still be verified",
  "removal.passageError": "Enter the exact text to remove (4 to 2,000 characters).",
  "removal.reasonError": "Enter a reason of 3 to 300 characters without [ and ].",
  "removal.notFound":
    "The text is neither in the item nor in its corrections. Copy the exact text from the item.",
  "removal.field.title": "title",
  "removal.field.sections": "sections",
  "removal.field.recommendations": "recommendation",
  "removal.field.decisionText": "decision",
  "removal.field.caseNumbers": "case numbers",
};
