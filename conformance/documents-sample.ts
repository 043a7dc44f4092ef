/** The demo's published meetings and what their pages say, for the PDF and Word checks. */
import { sql } from "drizzle-orm";
import type { ConformanceContext } from "./check.ts";

export interface SampleMeeting {
  id: number;
  bodyId: number;
  kind: "agenda" | "minutes";
  /** the items as the public reads them on the page (number and title) */
  items: Array<{ number: number; title: string }>;
}

let cached: Promise<SampleMeeting[]> | undefined;

/** Every meeting with a published agenda or minutes, with its items as the public API gives them. */
export function publishedMeetings(ctx: ConformanceContext): Promise<SampleMeeting[]> {
  cached ??= (async () => {
    const res = (await ctx.demo.database.db.execute(
      sql.raw(
        "select id, body_id, status from meetings where status in ('agenda_published','held','minutes_draft','minutes_approved','minutes_published') order by id",
      ),
    )) as unknown as { rows: Array<{ id: number; body_id: number; status: string }> };
    const out: SampleMeeting[] = [];
    for (const row of res.rows) {
      const details = (await (await ctx.fetch(`/api/v1/meetings/${row.id}/details`)).json()) as {
        items?: Array<{ number: number; title: string }>;
      };
      out.push({
        id: row.id,
        bodyId: row.body_id,
        kind: row.status === "minutes_published" ? "minutes" : "agenda",
        items: (details.items ?? []).map((i) => ({ number: i.number, title: i.title })),
      });
    }
    return out;
  })();
  return cached;
}

/** A file from the app as bytes; throws with the status when it is not 200. */
export async function fetchBytes(ctx: ConformanceContext, path: string): Promise<Uint8Array> {
  const res = await ctx.fetch(path);
  if (res.status !== 200) {
    throw new Error(`${path} answered ${res.status}`);
  }
  return new Uint8Array(await res.arrayBuffer());
}
