/**
 * Obligations fanned out from one decision to many bodies (issue 22.1): the fan-out, the addressees'
 * answers, the roll-up the deciding body reads, and the status item on its next agenda.
 */
import { and, asc, desc, eq, inArray, isNull, or, sql } from "drizzle-orm";
import { emitDomainEvent } from "../../lib/domain-events.ts";
import type { Ctx } from "../../server/context.ts";
import { AppError, notFound } from "../../server/errors.ts";
import { isoOrNull, presentMeta } from "../../server/schemas.ts";
import { authorize, canEditBody, canReadClosed, todayInDenmark } from "../auth/index.ts";
import { bodies } from "../bodies/index.ts";
import { storeFile } from "../files/index.ts";
import { getMatter, isApprovedMatter } from "../matters/index.ts";
import { canSeeItem, getItemWithMeeting, visibilityOf } from "../meetings/index.ts";
import { parties } from "../parties/index.ts";
import {
  canSeeAddressee,
  mayAnswerFor,
  type Reader,
  readerOf,
  visibleObligationsWhere,
} from "./obligations.access.ts";
import type { TAddressee, TFanOut, TObligation } from "./obligations.schemas.ts";
import { type AddresseeState, obligationAddressees, obligations } from "./obligations.tables.ts";

export type ObligationRow = typeof obligations.$inferSelect;
type AddresseeRow = typeof obligationAddressees.$inferSelect;
export const WHAT = "Forpligtelsen";

/** A checked upload (type from the content, name cleaned) to keep with an answer or as the report. */
export interface CheckedFile {
  bytes: Uint8Array;
  fileName: string;
  mimeType: string;
}

/** The addressee's own deadline and whether it is late today. */
export function addresseeDue(
  deadline: string,
  a: { state: AddresseeState; newDeadline: string | null },
  today = todayInDenmark(),
) {
  const due = a.state === "more_time" && a.newDeadline ? a.newDeadline : deadline;
  const late = (a.state === "open" || a.state === "more_time") && due < today;
  return { due, late };
}

/** Counts for the roll-up table: answered (done or not relevant), more time, open, late. */
export function rollUp(addressees: Pick<TAddressee, "state" | "late">[]) {
  const count = (s: AddresseeState) => addressees.filter((a) => a.state === s).length;
  return {
    addressees: addressees.length,
    answered: count("done") + count("not_relevant"),
    done: count("done"),
    notRelevant: count("not_relevant"),
    moreTime: count("more_time"),
    open: count("open"),
    late: addressees.filter((a) => a.late).length,
  };
}

async function presentObligations(ctx: Ctx, rows: ObligationRow[]): Promise<TObligation[]> {
  if (rows.length === 0) {
    return [];
  }
  const reader = await readerOf(ctx);
  const ids = rows.map((r) => r.id);
  const addresseeRows = await ctx.db
    .select({ a: obligationAddressees, body: bodies.name, party: parties.name })
    .from(obligationAddressees)
    .leftJoin(bodies, eq(bodies.id, obligationAddressees.bodyId))
    .leftJoin(parties, eq(parties.id, obligationAddressees.partyId))
    .where(inArray(obligationAddressees.obligationId, ids))
    .orderBy(asc(sql`coalesce(${bodies.name}, ${parties.name})`), asc(obligationAddressees.id));
  const bodyIds = [...new Set(rows.map((r) => r.bodyId))];
  const names = new Map(
    (
      await ctx.db
        .select({ id: bodies.id, name: bodies.name })
        .from(bodies)
        .where(inArray(bodies.id, bodyIds))
    ).map((b) => [b.id, b.name]),
  );
  const today = todayInDenmark();
  return rows.map((r) => {
    const addressees = addresseeRows
      .filter(({ a }) => a.obligationId === r.id && canSeeAddressee(reader, r, a))
      .map(({ a, body, party }) => presentAddressee(reader, r, a, body ?? party ?? "", today));
    return {
      ...presentMeta(r),
      bodyId: r.bodyId,
      bodyName: names.get(r.bodyId) ?? "",
      itemId: r.itemId,
      matterId: r.matterId,
      text: r.text,
      deadline: r.deadline,
      returns: r.returns,
      kind: r.kind,
      report: fileOf(r.reportSha256, r.reportFileName, r.reportMimeType, r.reportSize),
      statusItemId: r.statusItemId,
      addressees,
      rollUp: rollUp(addressees),
    };
  });
}

function fileOf(sha: string | null, name: string | null, mime: string | null, size: number | null) {
  return sha
    ? { fileName: name ?? "fil", mimeType: mime ?? "application/octet-stream", size: size ?? 0 }
    : null;
}

function presentAddressee(
  reader: Reader,
  o: ObligationRow,
  a: AddresseeRow,
  name: string,
  today: string,
): TAddressee {
  return {
    ...presentMeta(a),
    bodyId: a.bodyId,
    partyId: a.partyId,
    name,
    state: a.state,
    answerText: a.answerText,
    link: a.link,
    reason: a.reason,
    newDeadline: a.newDeadline,
    file: fileOf(a.sha256, a.fileName, a.mimeType, a.size),
    answeredAt: isoOrNull(a.answeredAt),
    remindedAt: isoOrNull(a.remindedAt),
    ...addresseeDue(o.deadline, a, today),
    mayAnswer: mayAnswerFor(reader, a),
  };
}

/** The obligation row if the reader may see it (`visibleObligationsWhere`), else 404. */
export async function loadObligation(ctx: Ctx, id: number): Promise<ObligationRow> {
  const [row] = await ctx.db
    .select()
    .from(obligations)
    .where(and(eq(obligations.id, id), visibleObligationsWhere(ctx.actor)));
  if (!row) {
    throw notFound(WHAT);
  }
  return row;
}

/** One obligation with the addressees the reader may see and their roll-up. */
export async function getObligation(ctx: Ctx, id: number): Promise<TObligation> {
  const [presented] = await presentObligations(ctx, [await loadObligation(ctx, id)]);
  return presented as TObligation;
}

/** The obligations fanned out from one item that the reader may see. */
export async function listItemObligations(ctx: Ctx, itemId: number): Promise<TObligation[]> {
  const rows = await ctx.db
    .select()
    .from(obligations)
    .where(and(eq(obligations.itemId, itemId), visibleObligationsWhere(ctx.actor)))
    .orderBy(asc(obligations.id));
  return presentObligations(ctx, rows);
}

/** The obligations fanned out from one matter (a chair decision or written procedure) the reader may see. */
export async function listMatterObligations(ctx: Ctx, matterId: number): Promise<TObligation[]> {
  const rows = await ctx.db
    .select()
    .from(obligations)
    .where(and(eq(obligations.matterId, matterId), visibleObligationsWhere(ctx.actor)))
    .orderBy(asc(obligations.id));
  return presentObligations(ctx, rows);
}

/** The obligations from any of these items the reader may see (a case's roll-up across its items). */
export async function listObligationsOfItems(ctx: Ctx, itemIds: number[]): Promise<TObligation[]> {
  if (itemIds.length === 0) {
    return [];
  }
  const rows = await ctx.db
    .select()
    .from(obligations)
    .where(and(inArray(obligations.itemId, [...new Set(itemIds)]), visibleObligationsWhere(ctx.actor)))
    .orderBy(asc(obligations.deadline), asc(obligations.id));
  return presentObligations(ctx, rows);
}

/** A body's obligations: those it received (to answer) and those it sent (to follow); its members only. */
export async function listBodyObligations(ctx: Ctx, bodyId: number) {
  if (!canReadClosed(ctx.actor, bodyId)) {
    throw notFound("Forummet");
  }
  const receivedIds = sql`(select ${obligationAddressees.obligationId} from ${obligationAddressees} where ${eq(obligationAddressees.bodyId, bodyId)})`;
  const [received, sent] = await Promise.all([
    ctx.db
      .select()
      .from(obligations)
      .where(inArray(obligations.id, receivedIds))
      .orderBy(asc(obligations.deadline)),
    ctx.db.select().from(obligations).where(eq(obligations.bodyId, bodyId)).orderBy(desc(obligations.id)),
  ]);
  return {
    bodyId,
    received: await presentObligations(ctx, received),
    sent: await presentObligations(ctx, sent),
  };
}

/**
 * The reader's own obligations across bodies and parties: those received by a body they take part in or a
 * party they represent (to answer), and those sent by a body they take part in (to follow).
 */
export async function listMyObligations(ctx: Ctx) {
  const reader = await readerOf(ctx);
  const mine = [...ctx.actor.roles.keys()];
  const partyIds = [...reader.parties];
  if (mine.length + partyIds.length === 0) {
    return { received: [], sent: [] };
  }
  const addressedTo = or(
    mine.length > 0 ? inArray(obligationAddressees.bodyId, mine) : undefined,
    partyIds.length > 0 ? inArray(obligationAddressees.partyId, partyIds) : undefined,
  );
  const receivedIds = sql`(select ${obligationAddressees.obligationId} from ${obligationAddressees} where ${addressedTo})`;
  const [received, sent] = await Promise.all([
    ctx.db
      .select()
      .from(obligations)
      .where(inArray(obligations.id, receivedIds))
      .orderBy(asc(obligations.deadline)),
    mine.length > 0
      ? ctx.db
          .select()
          .from(obligations)
          .where(inArray(obligations.bodyId, mine))
          .orderBy(desc(obligations.id))
      : Promise.resolve([]),
  ]);
  return { received: await presentObligations(ctx, received), sent: await presentObligations(ctx, sent) };
}

type Addressees = { bodyIds: number[]; partyIds: number[] };

export function invalid(path: string, message: string): AppError {
  return new AppError("validation_failed", message, [{ path, message }]);
}

/**
 * The current bodies and parties a choice names: every body of the kinds and every party of the types in
 * the region (all clusters, all municipalities of a region), or the listed ones.
 */
async function resolveAddressees(ctx: Ctx, choice: TFanOut["addressees"]): Promise<Addressees> {
  if ("bodyIds" in choice || "partyIds" in choice) {
    const list = choice as { bodyIds: number[]; partyIds: number[] };
    const [b, p] = await Promise.all([
      list.bodyIds.length > 0
        ? ctx.db.select({ id: bodies.id }).from(bodies).where(inArray(bodies.id, list.bodyIds))
        : [],
      list.partyIds.length > 0
        ? ctx.db.select({ id: parties.id }).from(parties).where(inArray(parties.id, list.partyIds))
        : [],
    ]);
    if (b.length !== new Set(list.bodyIds).size || p.length !== new Set(list.partyIds).size) {
      throw invalid("addressees", "Et af de valgte fora eller parter findes ikke.");
    }
    if (b.length + p.length === 0) {
      throw invalid("addressees", "Vælg mindst ét forum eller én part.");
    }
    return { bodyIds: b.map((r) => r.id), partyIds: p.map((r) => r.id) };
  }
  const { region, kinds, partyTypes } = choice as { region: string; kinds: string[]; partyTypes: string[] };
  if (kinds.length + partyTypes.length === 0) {
    throw invalid("addressees", "Vælg mindst én slags forum eller part.");
  }
  const today = todayInDenmark();
  const [b, p] = await Promise.all([
    kinds.length > 0
      ? ctx.db
          .select({ id: bodies.id })
          .from(bodies)
          .where(
            and(
              eq(bodies.region, region),
              inArray(bodies.kind, kinds as (typeof bodies.kind.enumValues)[number][]),
              or(isNull(bodies.validTo), sql`${bodies.validTo} >= ${today}`),
            ),
          )
      : [],
    partyTypes.length > 0
      ? ctx.db
          .select({ id: parties.id })
          .from(parties)
          .where(
            and(
              eq(parties.region, region),
              inArray(parties.type, partyTypes as (typeof parties.type.enumValues)[number][]),
              or(isNull(parties.validTo), sql`${parties.validTo} >= ${today}`),
            ),
          )
      : [],
  ]);
  if (b.length + p.length === 0) {
    throw invalid("addressees", "Der er ingen fora eller parter af de valgte slags i regionen.");
  }
  return { bodyIds: b.map((r) => r.id), partyIds: p.map((r) => r.id) };
}

/** The decision an obligation is fanned out from: an agenda item's, or a decided matter's. */
interface Origin {
  bodyId: number;
  itemId: number | null;
  matterId: number | null;
}

/**
 * Fans a decision out: one obligation (or feedback request) with one text, deadline and what must come
 * back, and one addressee row for each chosen body or party; each addressee's answerers are told (the
 * notifications module mails them after the commit). The deciding body's secretariat only.
 */
export async function fanOutObligation(
  ctx: Ctx,
  itemId: number,
  input: TFanOut,
  report: CheckedFile | null = null,
): Promise<TObligation> {
  const { item, meeting } = await getItemWithMeeting(ctx, itemId);
  if (!canSeeItem(visibilityOf(ctx.actor, meeting), item.access)) {
    throw notFound("Punktet");
  }
  authorize(
    ctx.actor,
    canEditBody(ctx.actor, meeting.bodyId),
    "Kun forummets sekretariat kan sende forpligtelser ud fra en beslutning.",
  );
  return fanOut(ctx, { bodyId: meeting.bodyId, itemId: item.id, matterId: null }, input, report);
}

/**
 * Fans out a decision made between meetings (a chair decision or a written procedure), like an item's:
 * only once the matter is approved (with or without a remark), and only by its body's secretariat. The
 * matter's body is the deciding body; the matter must be visible to the actor (the matters module's rule).
 */
export async function fanOutObligationFromMatter(
  ctx: Ctx,
  matterId: number,
  input: TFanOut,
  report: CheckedFile | null = null,
): Promise<TObligation> {
  const matter = await getMatter(ctx, matterId);
  authorize(
    ctx.actor,
    canEditBody(ctx.actor, matter.bodyId),
    "Kun forummets sekretariat kan sende forpligtelser ud fra en beslutning.",
  );
  if (!isApprovedMatter(matter.status)) {
    throw new AppError(
      "conflict",
      matter.status === "rejected"
        ? "Sagen blev ikke godkendt, så der er ingen beslutning at sende forpligtelser ud fra."
        : "Sagen er ikke afgjort endnu. Forpligtelser kan sendes ud, når den er godkendt.",
    );
  }
  return fanOut(ctx, { bodyId: matter.bodyId, itemId: null, matterId: matter.id }, input, report);
}

/** The shared part of a fan-out, after the caller has checked the origin and the actor. */
async function fanOut(
  ctx: Ctx,
  origin: Origin,
  input: TFanOut,
  report: CheckedFile | null,
): Promise<TObligation> {
  const to = await resolveAddressees(ctx, input.addressees);
  const stored = report ? await storeFile(ctx.db, report.bytes) : null;
  const [row] = await ctx.db
    .insert(obligations)
    .values({
      ...origin,
      text: input.text,
      deadline: input.deadline,
      kind: input.kind,
      returns: input.kind === "feedback" ? "answer" : input.returns,
      ...(report && stored ? reportColumns(report, stored.size, stored.sha256) : {}),
      createdBy: ctx.actor.userId,
    })
    .returning();
  const obligation = row as ObligationRow;
  const added = await ctx.db
    .insert(obligationAddressees)
    .values([
      ...to.bodyIds.map((bodyId) => ({ obligationId: obligation.id, bodyId })),
      ...to.partyIds.map((partyId) => ({ obligationId: obligation.id, partyId })),
    ])
    .returning({ id: obligationAddressees.id });
  for (const a of added) {
    await emitDomainEvent(ctx, {
      kind: "obligation_arrived",
      obligationId: obligation.id,
      addresseeId: a.id,
    });
  }
  return getObligation(ctx, obligation.id);
}

const reportColumns = (f: CheckedFile, size: number, sha256: string) => ({
  reportSha256: sha256,
  reportFileName: f.fileName,
  reportMimeType: f.mimeType,
  reportSize: size,
});

/** Attaches (or replaces) the report sent along with an obligation; the deciding body's secretariat. */
export async function attachObligationReport(ctx: Ctx, id: number, file: CheckedFile): Promise<TObligation> {
  const obligation = await loadObligation(ctx, id);
  authorize(
    ctx.actor,
    canEditBody(ctx.actor, obligation.bodyId),
    "Kun det besluttende forums sekretariat kan vedhæfte rapporten.",
  );
  const stored = await storeFile(ctx.db, file.bytes);
  await ctx.db
    .update(obligations)
    .set({
      ...reportColumns(file, stored.size, stored.sha256),
      updatedAt: new Date(),
      version: sql`${obligations.version} + 1`,
    })
    .where(eq(obligations.id, id));
  return getObligation(ctx, id);
}
