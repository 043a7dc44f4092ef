/**
 * When a follow-up's owner is reminded before it falls due: the rule. The reminders themselves go
 * through the notifications' outbox (src/modules/notifications/reminders.ts).
 */

export const REMIND_DAYS_BEFORE = 3;

function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** Should this action get a reminder today? Pure: open, due within the window, not reminded for this due date. */
export function needsReminder(
  a: { status: string; effectiveDue: string | null; remindedFor: string | null },
  today: string,
  daysBefore = REMIND_DAYS_BEFORE,
): boolean {
  return (
    a.status === "open" &&
    a.effectiveDue !== null &&
    a.effectiveDue >= today &&
    a.effectiveDue <= addDays(today, daysBefore) &&
    a.remindedFor !== a.effectiveDue
  );
}
