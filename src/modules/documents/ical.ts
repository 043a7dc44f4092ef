/**
 * A small iCalendar writer (RFC 5545): CRLF line ends, lines folded at 75 octets without splitting a
 * UTF-8 character, TEXT escaping, and events in Europe/Copenhagen with the zone's own VTIMEZONE. Pure.
 */
import { TIME_ZONE, toLocalDateTime } from "../../lib/time.ts";

export interface CalendarEvent {
  uid: string;
  start: Date;
  end: Date | null;
  summary: string;
  location: string | null;
  description: string | null;
  url: string | null;
  cancelled: boolean;
  /** bumped on every change so calendars replace the event (the row's version) */
  sequence: number;
  lastModified: Date;
}

/**
 * A meeting's UID: unique per installation (its id, see installation.ts), stable over the meeting's
 * life, so a calendar replaces the event on every change (with SEQUENCE) instead of adding one.
 */
export function meetingUid(meetingId: number, installationId: string): string {
  return `moede-${meetingId}@${installationId}.tvaers`;
}

/** Escapes a TEXT value: backslash, semicolon, comma and line breaks (§3.3.11). */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r\n?|\n/g, "\\n");
}

const encoder = new TextEncoder();

/** Folds a content line at 75 octets (§3.1): continuation lines begin with one space. */
export function foldLine(line: string): string {
  if (encoder.encode(line).length <= 75) {
    return line;
  }
  const parts: string[] = [];
  let current = "";
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    // The first line holds 75 octets; the next ones 74 after their leading space.
    const limit = parts.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      parts.push(current);
      current = "";
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join("\r\n ");
}

/** 20250306T100000 in Danish local time. */
function localStamp(d: Date): string {
  return `${toLocalDateTime(d).replace(/[-:]/g, "")}00`;
}

/** 20250306T090000Z */
function utcStamp(d: Date): string {
  return d
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
}

/** Europe/Copenhagen since 1980: CET/CEST, switching on the last Sundays of March and October. */
const VTIMEZONE = [
  "BEGIN:VTIMEZONE",
  `TZID:${TIME_ZONE}`,
  `X-LIC-LOCATION:${TIME_ZONE}`,
  "BEGIN:DAYLIGHT",
  "TZOFFSETFROM:+0100",
  "TZOFFSETTO:+0200",
  "TZNAME:CEST",
  "DTSTART:19810329T020000",
  "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
  "END:DAYLIGHT",
  "BEGIN:STANDARD",
  "TZOFFSETFROM:+0200",
  "TZOFFSETTO:+0100",
  "TZNAME:CET",
  "DTSTART:19961027T030000",
  "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
  "END:STANDARD",
  "END:VTIMEZONE",
];

function eventLines(e: CalendarEvent, now: Date): string[] {
  const lines = [
    "BEGIN:VEVENT",
    `UID:${e.uid}`,
    `DTSTAMP:${utcStamp(now)}`,
    `DTSTART;TZID=${TIME_ZONE}:${localStamp(e.start)}`,
  ];
  if (e.end) {
    lines.push(`DTEND;TZID=${TIME_ZONE}:${localStamp(e.end)}`);
  }
  lines.push(`SUMMARY:${escapeText(e.cancelled ? `Aflyst: ${e.summary}` : e.summary)}`);
  if (e.location) {
    lines.push(`LOCATION:${escapeText(e.location)}`);
  }
  if (e.description) {
    lines.push(`DESCRIPTION:${escapeText(e.description)}`);
  }
  if (e.url) {
    lines.push(`URL;VALUE=URI:${e.url}`);
  }
  lines.push(
    `STATUS:${e.cancelled ? "CANCELLED" : "CONFIRMED"}`,
    `SEQUENCE:${Math.max(0, e.sequence - 1)}`,
    `LAST-MODIFIED:${utcStamp(e.lastModified)}`,
    "TRANSP:OPAQUE",
    "END:VEVENT",
  );
  return lines;
}

/** A whole calendar: name, zone and events, as the text of an .ics file. */
export function writeCalendar(name: string, events: CalendarEvent[], now = new Date()): string {
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Tværs//Tværs kalender//DA",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    `X-WR-CALNAME:${escapeText(name)}`,
    `X-WR-TIMEZONE:${TIME_ZONE}`,
    ...VTIMEZONE,
    ...events.flatMap((e) => eventLines(e, now)),
    "END:VCALENDAR",
  ];
  return `${lines.map(foldLine).join("\r\n")}\r\n`;
}
