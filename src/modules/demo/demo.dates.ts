import { DEMO_REFERENCE_DATE } from "./demo.types.ts";

const DAY = 86_400_000;

/** Whole weeks between the data's reference day and today, so weekdays stay right. */
export function demoWeekShift(now: Date): number {
  const days = Math.round((now.getTime() - new Date(`${DEMO_REFERENCE_DATE}T12:00:00Z`).getTime()) / DAY);
  // "+ 0" turns a negative zero into zero.
  return Math.round(days / 7) * 7 + 0;
}

/** Moves a "YYYY-MM-DD" or "YYYY-MM-DDTHH:mm" by whole days, keeping the wall-clock time. */
export function shiftLocal(value: string, days: number): string {
  const date = new Date(`${value.slice(0, 10)}T12:00:00Z`);
  const shifted = new Date(date.getTime() + days * DAY).toISOString().slice(0, 10);
  return shifted + value.slice(10);
}
