import { copenhagenOffsetMinutes } from "../../lib/time.ts";

const pad = (n: number) => String(n).padStart(2, "0");

/**
 * An instant in OParl's date-time form (spec 2-04: `yyyy-mm-ddThh:mm:ss±hh:mm`), in Danish time with
 * its offset (+01:00 in winter, +02:00 in summer). Seconds are cut, never rounded up, so a client that
 * asks `modified_since` with a value it saw gets that object again rather than missing it.
 */
export function oparlDateTime(value: Date | string): string {
  const instant = typeof value === "string" ? new Date(value) : value;
  const seconds = Math.floor(instant.getTime() / 1000) * 1000;
  const offset = copenhagenOffsetMinutes(new Date(seconds));
  const local = new Date(seconds + offset * 60000).toISOString().slice(0, 19);
  const sign = offset < 0 ? "-" : "+";
  const abs = Math.abs(offset);
  return `${local}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** The OParl date-time form (what the walkers check every created/modified/start/end against). */
export const OPARL_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/;
