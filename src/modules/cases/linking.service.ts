/** Linking the archive: proposals from case numbers and title similarity (pg_trgm), confirm and reject. */
import { asc, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import type { Ctx } from "../../server/context.ts";
import { AppError } from "../../server/errors.ts";
import { authorize, canEditBody, isAnySecretary } from "../auth/index.ts";
import {
  agendaItems,
  canSeeItem,
  type ItemRow,
  type MeetingRow,
  meetings,
  visibilityOf,
} from "../meetings/index.ts";
import { createCase, loadEditableCase } from "./cases.service.ts";
import { caseLinkRejections, consultations } from "./cases.tables.ts";
import { linkItem, meetingDateOf } from "./consultations.service.ts";
import {
  caseNumberEdges,
  type Edge,
  groupItems,
  isStandardItem,
  itemKey,
  type LinkItem,
  pairKey,
  TITLE_THRESHOLD,
  titleEdgeAllowed,
  WINDOW_DAYS,
} from "./linking.ts";
import { roleOf } from "./phrases.ts";

interface Loaded {
  link: LinkItem;
  item: ItemRow;
  meeting: MeetingRow;
}

/** The items the actor may see in full, as link candidates (standard items left out). */
async function candidates(ctx: Ctx): Promise<Map<number, Loaded>> {
  const rows = await ctx.db
    .select({ item: agendaItems, meeting: meetings })
    .from(agendaItems)
    .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
    .orderBy(asc(meetings.start), asc(agendaItems.position));
  const out = new Map<number, Loaded>();
  for (const { item, meeting } of rows) {
    if (!canSeeItem(visibilityOf(ctx.actor, meeting), item.access)) {
      continue;
    }
    const link: LinkItem = {
      id: item.id,
      meetingId: meeting.id,
      bodyId: meeting.bodyId,
      date: meetingDateOf(meeting),
      number: item.number,
      title: item.title,
      kind: item.kind,
      caseNumbers: item.caseNumbers,
    };
    out.set(item.id, { link, item, meeting });
  }
  return out;
}

/** Pairs of items in different meetings within the window whose titles (or topics before " – ") are similar. */
async function titleEdges(db: DbOrTx, ids: number[], threshold: number, windowDays: number): Promise<Edge[]> {
  if (ids.length < 2) {
    return [];
  }
  const idList = sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  );
  const topic = (alias: string) =>
    sql.raw(`split_part(regexp_replace(${alias}.title, ' [-–] ', ' – ', 'g'), ' – ', 1)`);
  const result = await db.execute(sql`
    select a.id as a, b.id as b,
      greatest(similarity(a.title, b.title),
        case when length(${topic("a")}) >= 12 and length(${topic("b")}) >= 12
          then similarity(${topic("a")}, ${topic("b")}) else 0 end) as sim
    from agenda_items a
    join meetings ma on ma.id = a.meeting_id
    join agenda_items b on b.id > a.id
    join meetings mb on mb.id = b.meeting_id
    where a.id in (${idList}) and b.id in (${idList}) and ma.id <> mb.id
      and abs(extract(epoch from (ma.start - mb.start))) <= ${windowDays * 86400}
      and (similarity(a.title, b.title) >= ${threshold}
        or (length(${topic("a")}) >= 12 and length(${topic("b")}) >= 12
          and similarity(${topic("a")}, ${topic("b")}) >= ${threshold}))`);
  const rows = (result as unknown as { rows: { a: number; b: number; sim: number | string }[] }).rows;
  return rows.map((r) => ({
    a: Number(r.a),
    b: Number(r.b),
    reason: `titellighed ${Number(r.sim).toFixed(2).replace(".", ",")}`,
  }));
}

/** Item id → case id, for items already linked (by id or stable key). */
async function linkedCases(db: DbOrTx, loaded: Map<number, Loaded>) {
  const rows = await db.select().from(consultations);
  const byKey = new Map<string, number>();
  for (const r of rows) {
    byKey.set(`${r.bodyId}:${r.meetingDate}:${r.itemNumber}`, r.caseId);
  }
  const out = new Map<number, number>();
  for (const [id, l] of loaded) {
    const caseId = byKey.get(itemKey(l.link));
    if (caseId !== undefined) {
      out.set(id, caseId);
    }
  }
  return out;
}

/** Groups of archive items proposed as one case, for the secretariat to confirm or reject. */
export async function proposeLinks(
  ctx: Ctx,
  f: { bodyId?: number | undefined; threshold?: number | undefined; windowDays?: number | undefined },
) {
  authorize(ctx.actor, isAnySecretary(ctx.actor), "Kun et sekretariat kan sammenkæde arkivets punkter.");
  const loaded = await candidates(ctx);
  const items = [...loaded.values()].map((l) => l.link);
  const open = items.filter((i) => !isStandardItem(i));
  const titleCandidates = open.filter((i) => i.title.trim().length >= 8);
  const edges = [
    ...caseNumberEdges(items),
    ...(
      await titleEdges(
        ctx.db,
        titleCandidates.map((i) => i.id),
        f.threshold ?? TITLE_THRESHOLD,
        f.windowDays ?? WINDOW_DAYS,
      )
    ).filter((e) =>
      titleEdgeAllowed(
        loaded.get(e.a)?.link ?? { title: "", bodyId: 0 },
        loaded.get(e.b)?.link ?? { title: "", bodyId: 0 },
      ),
    ),
  ];
  const rejected = new Set(
    (await ctx.db.select().from(caseLinkRejections)).map((r) => `${r.keyA}|${r.keyB}`),
  );
  const linked = await linkedCases(ctx.db, loaded);
  const kept = edges.filter((e) => {
    const [x, y] = [loaded.get(e.a)?.link, loaded.get(e.b)?.link];
    if (!x || !y) {
      return false;
    }
    const sameCase = linked.get(e.a) !== undefined && linked.get(e.a) === linked.get(e.b);
    return !sameCase && !rejected.has(pairKey(itemKey(x), itemKey(y)).join("|"));
  });
  return groupItems(
    open.map((i) => i.id),
    kept,
  )
    .filter((g) => !f.bodyId || g.ids.some((id) => loaded.get(id)?.link.bodyId === f.bodyId))
    .map((g) => {
      const members = g.ids.map((id) => loaded.get(id) as Loaded);
      members.sort((a, b) => a.link.date.localeCompare(b.link.date) || a.link.number - b.link.number);
      return {
        items: members.map((m) => ({
          itemId: m.item.id,
          meetingId: m.meeting.id,
          bodyId: m.meeting.bodyId,
          date: m.link.date,
          number: m.item.number,
          title: m.item.title,
          caseId: linked.get(m.item.id) ?? null,
        })),
        reasons: g.reasons,
        caseId: members.map((m) => linked.get(m.item.id)).find((c) => c !== undefined) ?? null,
      };
    });
}

/** Loads the chosen items; every one must be visible to the actor, one body at least editable. */
async function chosen(ctx: Ctx, itemIds: number[]): Promise<Loaded[]> {
  const unique = [...new Set(itemIds)];
  if (unique.length < 2) {
    throw new AppError("validation_failed", "Vælg mindst to forskellige punkter.", [
      { path: "itemIds", message: "Vælg mindst to forskellige punkter." },
    ]);
  }
  const rows = await ctx.db
    .select({ item: agendaItems, meeting: meetings })
    .from(agendaItems)
    .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
    .where(inArray(agendaItems.id, unique));
  const visible = rows.filter((r) => canSeeItem(visibilityOf(ctx.actor, r.meeting), r.item.access));
  if (visible.length !== unique.length) {
    throw new AppError("not_found", "Et eller flere af punkterne findes ikke.");
  }
  authorize(
    ctx.actor,
    visible.some((r) => canEditBody(ctx.actor, r.meeting.bodyId)),
    "Kun sekretariatet for et af punkternes fora kan sammenkæde dem.",
  );
  return visible
    .map(({ item, meeting }) => ({
      item,
      meeting,
      link: {
        id: item.id,
        meetingId: meeting.id,
        bodyId: meeting.bodyId,
        date: meetingDateOf(meeting),
        number: item.number,
        title: item.title,
        kind: item.kind,
        caseNumbers: item.caseNumbers,
      },
    }))
    .sort((a, b) => a.link.date.localeCompare(b.link.date) || a.link.number - b.link.number);
}

/** Confirms a proposal: one case (new, or the given one) with a consultation per item, linked by stable keys. */
export async function confirmLinks(
  ctx: Ctx,
  input: { itemIds: number[]; title?: string | undefined; caseId?: number | undefined },
) {
  const items = await chosen(ctx, input.itemIds);
  const anyClosed = items.some((i) => i.item.access === "closed");
  let caseId = input.caseId;
  let decidingBodyId: number | null = null;
  if (caseId !== undefined) {
    const { row } = await loadEditableCase(ctx, caseId);
    decidingBodyId = row.decidingBodyId;
  } else {
    const first = items[0] as Loaded;
    const numberSource = anyClosed ? items : items.filter((i) => i.item.access === "open");
    const numbers = [...new Set(numberSource.flatMap((i) => i.item.caseNumbers))].map((number) => ({
      number,
    }));
    const created = await createCase(
      ctx,
      { title: input.title ?? first.item.title, numbers },
      anyClosed ? "closed" : "open",
    );
    caseId = created.id;
  }
  for (const { item, meeting } of items) {
    await linkItem(ctx.db, caseId, item, meeting, {
      role: roleOf(item, decidingBodyId === meeting.bodyId),
    });
  }
  return { caseId };
}

/** Rejects a proposal: the pairs of the chosen items are not proposed again, even after a re-import. */
export async function rejectLinks(ctx: Ctx, input: { itemIds: number[] }) {
  const items = await chosen(ctx, input.itemIds);
  let pairs = 0;
  for (let i = 0; i < items.length; i++) {
    for (let j = i + 1; j < items.length; j++) {
      const [keyA, keyB] = pairKey(itemKey((items[i] as Loaded).link), itemKey((items[j] as Loaded).link));
      await ctx.db
        .insert(caseLinkRejections)
        .values({ keyA, keyB, rejectedBy: ctx.actor.userId })
        .onConflictDoNothing();
      pairs++;
    }
  }
  return { pairs };
}
