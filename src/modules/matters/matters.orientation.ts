/**
 * The generated orientation on the body's next agenda (issue 21.1/21.2): "Orientering om formandsgodkendte
 * sager" and "Orientering om sager afgjort ved skriftlig behandling", one line per decided matter, each
 * matter reported once. A background task after the commit (resumable: a decided matter without
 * `reported_meeting_id` is still to be reported) puts it on the body's next planned meeting. The item is an
 * ordinary orientation item: the secretariat edits or removes it before publishing; a later decision adds
 * its line to what the secretariat left. Closed matters go into a closed item of their own.
 */
import { and, asc, eq, gt, isNotNull, isNull, ne, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "../../db/client.ts";
import type { Ctx } from "../../server/context.ts";
import { SYSTEM_ACTOR } from "../auth/index.ts";
import { agendaItems, createItem, meetings, placeBeforeClosing, updateItem } from "../meetings/index.ts";
import type { MatterProcedure, matters as mattersTable } from "./matters.tables.ts";
import { matters } from "./matters.tables.ts";

type MatterRow = typeof mattersTable.$inferSelect;

export const ORIENTATION_TITLES: Record<MatterProcedure, string> = {
  chair_decision: "Orientering om formandsgodkendte sager",
  written_procedure: "Orientering om sager afgjort ved skriftlig behandling",
};

const LEADS: Record<MatterProcedure, string> = {
  chair_decision: "Siden sidste møde har formandskabet behandlet følgende sager:",
  written_procedure: "Siden sidste møde er følgende sager afgjort ved skriftlig behandling:",
};

const OUTCOME_DA: Record<string, string> = {
  approved: "godkendt",
  approved_with_remark: "godkendt med bemærkning",
  rejected: "ikke godkendt",
};

const RULE_DA: Record<string, string> = {
  unanimity: "enstemmighed",
  majority: "flertal",
  no_objection: "ingen indsigelse inden fristen",
};

const danishDay = (d: Date) =>
  d.toLocaleDateString("da-DK", {
    timeZone: "Europe/Copenhagen",
    day: "numeric",
    month: "numeric",
    year: "numeric",
  });

/** One line of the orientation (Markdown, Danish). Pure. */
export function orientationLine(m: MatterRow): string {
  const day = m.decidedAt ? danishDay(m.decidedAt) : "";
  const outcome = OUTCOME_DA[m.status] ?? m.status;
  if (m.procedure === "chair_decision") {
    const remark = m.decisionRemark ? ` Bemærkning: ${m.decisionRemark}` : "";
    return `- ${m.title}: ${outcome} ${day} af ${m.decidedBy ?? "formandskabet"}.${remark}`;
  }
  const r = m.result;
  const counts = r
    ? `${r.approve} godkendt, ${r.remark} godkendt med bemærkning, ${r.reject} imod, ${r.notAnswered.length} svarede ikke${
        r.notAnswered.length > 0 ? ` (${r.notAnswered.map((p) => p.name).join(", ")})` : ""
      }`
    : "";
  const remarks = (r?.answers ?? [])
    .filter((a) => a.remark)
    .map((a) => `  - ${a.name}: ${a.remark}`)
    .join("\n");
  return `- ${m.title}: ${outcome} ${day} efter reglen om ${RULE_DA[m.rule ?? ""] ?? ""}; ${counts}.${remarks ? `\n${remarks}` : ""}`;
}

/** The body's next meeting whose agenda is still being made, after the decision. */
async function nextPlannedMeeting(db: DbOrTx, bodyId: number, after: Date) {
  const [next] = await db
    .select({ id: meetings.id })
    .from(meetings)
    .where(
      and(
        eq(meetings.bodyId, bodyId),
        eq(meetings.status, "planned"),
        eq(meetings.cancelled, false),
        gt(meetings.start, after),
      ),
    )
    .orderBy(asc(meetings.start))
    .limit(1);
  return next ?? null;
}

/** The orientation item this meeting already has for matters of this kind and access, if it still exists. */
async function existingItem(db: DbOrTx, meetingId: number, m: MatterRow) {
  const rows = await db
    .select({ itemId: agendaItems.id, sections: agendaItems.sections, version: agendaItems.version })
    .from(matters)
    .innerJoin(agendaItems, eq(agendaItems.id, matters.reportedItemId))
    .where(
      and(
        eq(matters.reportedMeetingId, meetingId),
        eq(agendaItems.meetingId, meetingId),
        eq(matters.procedure, m.procedure),
        eq(matters.access, m.access),
        isNotNull(matters.reportedItemId),
      ),
    )
    .limit(1);
  return rows[0] ?? null;
}

/** Reports one decided matter on its body's next agenda; false when there is no planned meeting yet. */
export async function reportMatter(db: DbOrTx, m: MatterRow): Promise<boolean> {
  if (m.status === "open" || !m.decidedAt || m.reportedMeetingId !== null) {
    return false;
  }
  const next = await nextPlannedMeeting(db, m.bodyId, m.decidedAt);
  if (!next) {
    return false;
  }
  const system: Ctx = { db, actor: SYSTEM_ACTOR };
  const line = orientationLine(m);
  const found = await existingItem(db, next.id, m);
  let itemId: number;
  if (found) {
    const summary = (found.sections.summary ?? "").trimEnd();
    await updateItem(system, found.itemId, {
      sections: { ...found.sections, summary: `${summary}\n${line}` },
      version: found.version,
    });
    itemId = found.itemId;
  } else {
    const item = await createItem(system, {
      meetingId: next.id,
      title: ORIENTATION_TITLES[m.procedure],
      kind: "orientation",
      access: m.access,
      durationMinutes: 5,
      sections: { summary: `${LEADS[m.procedure]}\n\n${line}` },
      recommendations: ["Det indstilles, at orienteringen tages til efterretning."],
    });
    await placeBeforeClosing(system, next.id, item.id);
    itemId = item.id;
  }
  await db
    .update(matters)
    .set({ reportedMeetingId: next.id, reportedItemId: itemId, updatedAt: new Date() })
    .where(eq(matters.id, m.id));
  return true;
}

/** The background task: reports every decided matter not yet reported; returns how many it reported. */
export async function reportDecidedMatters(db: Db): Promise<number> {
  const due = await db
    .select()
    .from(matters)
    .where(
      and(
        ne(matters.status, "open"),
        isNull(matters.reportedMeetingId),
        isNotNull(matters.decidedAt),
        // only those with a meeting to go to, so matters still waiting for one never hold up the others
        sql`exists (select 1 from meetings m where m.body_id = ${matters.bodyId} and m.status = 'planned'
          and not m.cancelled and m.start > ${matters.decidedAt})`,
      ),
    )
    .orderBy(asc(matters.decidedAt), asc(matters.id))
    .limit(50);
  let reported = 0;
  for (const m of due) {
    if (await db.transaction((tx) => reportMatter(tx, m))) {
      reported++;
    }
  }
  return reported;
}
