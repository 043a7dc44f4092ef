/**
 * The life of a body or party on the structure: being set up before its first day, active, closed
 * after its last day. One home for the rule, used by bodies, parties, pickers and readers.
 */
import { TIME_ZONE } from "../../lib/time.ts";

export const STRUCTURE_STATUSES = ["being_set_up", "active", "closed"] as const;
export type StructureStatus = (typeof STRUCTURE_STATUSES)[number];

export interface Dated {
  validFrom: string | null;
  validTo: string | null;
}

/** Status on a day (YYYY-MM-DD): before validFrom being set up, after validTo closed, else active. */
export function structureStatus(node: Dated, day: string): StructureStatus {
  if (node.validFrom && day < node.validFrom) {
    return "being_set_up";
  }
  if (node.validTo && day > node.validTo) {
    return "closed";
  }
  return "active";
}

/** Whether a body or party exists on a day (pickers offer only these). */
export function isValidOn(node: Dated, day: string): boolean {
  return structureStatus(node, day) === "active";
}

/** The day before a date: the last day of a predecessor whose successor starts on `day`. */
export function dayBefore(day: string): string {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** Whether a period [from, to] is well ordered. */
export function isOrderedPeriod(from: string | null | undefined, to: string | null | undefined): boolean {
  return !(from && to && to < from);
}

/** Today in Denmark as YYYY-MM-DD: the day a status is read on unless another is asked for. */
export function structureToday(now = new Date()): string {
  return now.toLocaleDateString("sv-SE", { timeZone: TIME_ZONE });
}
