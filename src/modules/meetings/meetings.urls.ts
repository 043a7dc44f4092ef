import { isoDayInDenmark } from "../../web/format.ts";
import { idSlug } from "../../web/slug.ts";

/** The readable address of a meeting: /moeder/31-ssu-2026-01-29 (body's short name, Danish date). */
export function meetingPath(
  meeting: { id: number; start: string | Date },
  body: { name: string; shortName: string | null },
): string {
  return `/moeder/${idSlug(meeting.id, body.shortName ?? body.name, isoDayInDenmark(new Date(meeting.start)))}`;
}
