/** Danish local time ↔ instants. Meetings are planned in Danish wall-clock time (Europe/Copenhagen). */
export const TIME_ZONE = "Europe/Copenhagen";

const offsetFormatter = new Intl.DateTimeFormat("en-US", {
  timeZone: TIME_ZONE,
  hourCycle: "h23",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
});

/** Minutes that Danish time is ahead of UTC at the given instant (60 or 120). */
export function copenhagenOffsetMinutes(instant: Date): number {
  const parts = Object.fromEntries(offsetFormatter.formatToParts(instant).map((p) => [p.type, p.value]));
  const asUtc = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60000);
}

/** True when y-m-d names a day that exists (no 30 February). */
export function isRealDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

const LOCAL_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;
const ZONED_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Parses "2026-04-22T10:00" as Danish local time, or an ISO instant with Z/offset.
 * Returns null for anything else, including impossible dates and times.
 */
export function parseDateTime(value: string): Date | null {
  const local = LOCAL_RE.exec(value);
  const zoned = local ? null : ZONED_RE.exec(value);
  const m = local ?? zoned;
  if (!m) {
    return null;
  }
  const [y, mo, d, h, mi, s] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? "0"].map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (!isRealDate(y, mo, d) || h > 23 || mi > 59 || s > 59) {
    return null;
  }
  if (zoned) {
    const date = new Date(value);
    return Number.isNaN(date.getTime()) ? null : date;
  }
  const wall = Date.UTC(y, mo - 1, d, h, mi, s);
  // The offset at the wall time read as UTC is right except within hours of a DST switch; one correction fixes that.
  let instant = wall - copenhagenOffsetMinutes(new Date(wall)) * 60000;
  instant = wall - copenhagenOffsetMinutes(new Date(instant)) * 60000;
  return new Date(instant);
}

/** "YYYY-MM-DDTHH:mm" in Danish local time. */
export function toLocalDateTime(instant: Date): string {
  const shifted = new Date(instant.getTime() + copenhagenOffsetMinutes(instant) * 60000);
  return shifted.toISOString().slice(0, 16);
}

/** Parses YYYY-MM-DD; null for impossible dates. */
export function parseDate(value: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m || !isRealDate(Number(m[1]), Number(m[2]), Number(m[3]))) {
    return null;
  }
  return value;
}

/** Today's year and month in Denmark. */
export function todayInDenmarkParts(now = new Date()): { year: number; month: number; day: number } {
  const [y, m, d] = now.toLocaleDateString("sv-SE", { timeZone: TIME_ZONE }).split("-").map(Number);
  return { year: y as number, month: m as number, day: d as number };
}
