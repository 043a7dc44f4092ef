/** The generated "Status for opfølgning hos …" item on the deciding body's next agenda (issue 22.1). */
import { and, asc, eq, gt } from "drizzle-orm";
import type { Ctx } from "../../server/context.ts";
import { AppError } from "../../server/errors.ts";
import { authorize, canEditBody } from "../auth/index.ts";
import { getMatter } from "../matters/index.ts";
import { createItem, getItemWithMeeting, meetings, placeBeforeClosing } from "../meetings/index.ts";
import type { TAddressee, TObligation } from "./obligations.schemas.ts";
import { getObligation } from "./obligations.service.ts";
import { obligations } from "./obligations.tables.ts";

const STATE_TEXT: Record<TAddressee["state"], string> = {
  open: "Ikke besvaret",
  done: "Udført",
  not_relevant: "Ikke relevant",
  more_time: "Har bedt om mere tid",
};

const danishDay = (iso: string) => {
  const [y, m, d] = iso.split("-").map(Number);
  return `${d}.${m}.${y}`;
};
const cell = (s: string) => s.replace(/\|/g, "\\|").replace(/\s+/g, " ").trim();

/** "Status for opfølgning hos A, B og C" (or "hos N fora" when there are more than three). */
export function statusItemTitle(names: string[]): string {
  if (names.length > 3) {
    return `Status for opfølgning hos ${names.length} fora`;
  }
  const last = names.at(-1) ?? "";
  return `Status for opfølgning hos ${names.length > 1 ? `${names.slice(0, -1).join(", ")} og ${last}` : last}`;
}

/** The item's summary: the obligation and one table row per addressee (Markdown, Danish). */
export function statusItemSummary(o: TObligation): string {
  const r = o.rollUp;
  const rows = o.addressees.map((a) => {
    const state = a.late ? `${STATE_TEXT[a.state]} – for sent` : STATE_TEXT[a.state];
    const note =
      a.state === "not_relevant"
        ? a.reason
        : a.state === "more_time"
          ? `ny dato ${danishDay(a.due)}`
          : a.answerText;
    const file = a.file ? ` (fil: ${cell(a.file.fileName)})` : "";
    return `| ${cell(a.name)} | ${state} | ${cell(note ?? "")}${a.link ? ` ${a.link}` : ""}${file} |`;
  });
  return [
    `Forpligtelse med frist ${danishDay(o.deadline)}: ${o.text}`,
    "",
    `${r.answered} af ${r.addressees} har svaret; ${r.late} er for sent; ${r.moreTime} har bedt om mere tid.`,
    "",
    "| Forum | Status | Svar |",
    "| --- | --- | --- |",
    ...rows,
  ].join("\n");
}

/** As closed as the decision it follows: the item's or the matter's access; closed when neither is found. */
async function originAccess(ctx: Ctx, o: TObligation) {
  if (o.itemId !== null) {
    const origin = await getItemWithMeeting(ctx, o.itemId).catch(() => null);
    return origin?.item.access ?? "closed";
  }
  if (o.matterId !== null) {
    const matter = await getMatter(ctx, o.matterId).catch(() => null);
    return matter?.access ?? "closed";
  }
  return "closed";
}

/**
 * Puts the status item on the deciding body's next planned agenda, as an orientation item before
 * "Eventuelt" and as closed as the decision it follows. The secretariat edits it like any item before
 * the agenda is published. Once per obligation.
 */
export async function addObligationStatusItem(
  ctx: Ctx,
  id: number,
): Promise<{ itemId: number; meetingId: number }> {
  const o = await getObligation(ctx, id);
  authorize(
    ctx.actor,
    canEditBody(ctx.actor, o.bodyId),
    "Kun det besluttende forums sekretariat kan gøre det.",
  );
  if (o.statusItemId !== null) {
    throw new AppError("conflict", "Statuspunktet er allerede sat på en dagsorden.");
  }
  const [next] = await ctx.db
    .select({ id: meetings.id })
    .from(meetings)
    .where(
      and(
        eq(meetings.bodyId, o.bodyId),
        eq(meetings.status, "planned"),
        eq(meetings.cancelled, false),
        gt(meetings.start, new Date()),
      ),
    )
    .orderBy(asc(meetings.start))
    .limit(1);
  if (!next) {
    throw new AppError("conflict", "Forummet har intet planlagt møde, hvor statuspunktet kan sættes på.");
  }
  const item = await createItem(ctx, {
    meetingId: next.id,
    title: statusItemTitle(o.addressees.map((a) => a.name)),
    kind: "orientation",
    access: await originAccess(ctx, o),
    sections: { summary: statusItemSummary(o) },
    recommendations: ["Det indstilles, at status tages til efterretning."],
  });
  await placeBeforeClosing(ctx, next.id, item.id);
  await ctx.db
    .update(obligations)
    .set({ statusItemId: item.id, updatedAt: new Date() })
    .where(eq(obligations.id, id));
  return { itemId: item.id, meetingId: next.id };
}
