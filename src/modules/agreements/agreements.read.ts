import { and, asc, desc, eq, inArray, type SQL } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { getById } from "../../db/crud.ts";
import type { Ctx } from "../../server/context.ts";
import { AppError, notFound } from "../../server/errors.ts";
import { presentMeta } from "../../server/schemas.ts";
import type { Actor } from "../auth/index.ts";
import { canEditBody } from "../auth/index.ts";
import { bodies } from "../bodies/index.ts";
import { readFile } from "../files/index.ts";
import { loadItemInfo, presentDecisionRef } from "../mandates/index.ts";
import { canSeeAgreement, isOwner, requireVisible } from "./agreements.access.ts";
import { isInForce, matrixTotals } from "./agreements.rules.ts";
import type { TAgreement, TAgreementSummary, THearing, TToolbox } from "./agreements.schemas.ts";
import {
  agreementEvents,
  agreements,
  agreementVersions,
  hearingInvitees,
  hearingRemarks,
  hearingResponses,
  hearings,
} from "./agreements.tables.ts";

type AgreementRow = typeof agreements.$inferSelect;
type ResponseRow = typeof hearingResponses.$inferSelect;
type RemarkRow = typeof hearingRemarks.$inferSelect;
type VersionRow = typeof agreementVersions.$inferSelect;

const file = (r: {
  sha256: string | null;
  fileName: string | null;
  mimeType: string | null;
  size: number | null;
}) => (r.sha256 ? { fileName: r.fileName, mimeType: r.mimeType, size: r.size } : null);

/** The version in force: the newest approved one. */
const currentOf = (newestFirst: VersionRow[]) => newestFirst.find((v) => v.approvedOn !== null) ?? null;

async function ownerNames(db: DbOrTx, ids: number[]) {
  const rows = ids.length
    ? await db
        .select({ id: bodies.id, name: bodies.name })
        .from(bodies)
        .where(inArray(bodies.id, [...new Set(ids)]))
    : [];
  return new Map(rows.map((r) => [r.id, r.name]));
}

function summary(a: AgreementRow, versions: VersionRow[], owners: Map<number, string>): TAgreementSummary {
  const current = currentOf(versions);
  return {
    ...presentMeta(a),
    title: a.title,
    kind: a.kind,
    theme: a.theme,
    summary: a.summary,
    status: a.status,
    inForce: isInForce(a.status),
    ownerBodyId: a.ownerBodyId,
    ownerName: owners.get(a.ownerBodyId) ?? "",
    contactName: a.contactName,
    contactEmail: a.contactEmail,
    partOfId: a.partOfId,
    replacedById: a.replacedById,
    current: current
      ? { id: current.id, number: current.number, label: current.label, approvedOn: current.approvedOn }
      : null,
  };
}

async function versionsByAgreement(db: DbOrTx, ids: number[]) {
  const rows = ids.length
    ? await db
        .select()
        .from(agreementVersions)
        .where(inArray(agreementVersions.agreementId, ids))
        .orderBy(desc(agreementVersions.number))
    : [];
  const map = new Map<number, VersionRow[]>(ids.map((id) => [id, []]));
  for (const r of rows) {
    map.get(r.agreementId)?.push(r);
  }
  return map;
}

/** One agreement as the reader may see it (404 for a draft the reader may not know of). */
export async function getAgreement({ db, actor }: Ctx, id: number): Promise<TAgreement> {
  const a = await getById<AgreementRow>(db, agreements, id, "Aftalen");
  const versions = (await versionsByAgreement(db, [id])).get(id) ?? [];
  requireVisible(
    actor,
    a,
    versions.some((v) => v.published),
  );
  const owner = isOwner(actor, a);
  const [events, hearingRows] = await Promise.all([
    db
      .select()
      .from(agreementEvents)
      .where(eq(agreementEvents.agreementId, id))
      .orderBy(asc(agreementEvents.on), asc(agreementEvents.id)),
    db
      .select()
      .from(hearings)
      .where(eq(hearings.agreementId, id))
      .orderBy(asc(hearings.startsOn), asc(hearings.id)),
  ]);
  const items = await loadItemInfo(db, [...versions.map((v) => v.itemId), ...events.map((e) => e.itemId)]);
  const names = await ownerNames(db, [a.ownerBodyId, ...events.flatMap((e) => (e.bodyId ? [e.bodyId] : []))]);
  const number = new Map(versions.map((v) => [v.id, v.number]));
  const visibleVersions = versions.filter((v) => owner || v.published);
  return {
    ...summary(a, versions, names),
    canEdit: canEditBody(actor, a.ownerBodyId),
    versions: visibleVersions.map((v) => ({
      ...presentMeta(v),
      number: v.number,
      label: v.label,
      track: v.track,
      changeNote: v.changeNote,
      text: v.text,
      file: file(v),
      published: v.published,
      approvedOn: v.approvedOn,
      approvedByBodyId: v.approvedByBodyId,
      decision: presentDecisionRef(actor, v.itemId ? items.get(v.itemId) : undefined),
    })),
    events: events.map((e) => ({
      id: e.id,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      on: e.on,
      versionNumber: e.versionId ? (number.get(e.versionId) ?? null) : null,
      bodyId: e.bodyId,
      bodyName: e.bodyId ? (names.get(e.bodyId) ?? null) : null,
      note: e.note,
      decision: presentDecisionRef(actor, e.itemId ? items.get(e.itemId) : undefined),
    })),
    hearings: await presentHearings(db, actor, a, hearingRows, number),
  };
}

async function presentHearings(
  db: DbOrTx,
  actor: Actor,
  a: AgreementRow,
  rows: (typeof hearings.$inferSelect)[],
  number: Map<number, number>,
): Promise<THearing[]> {
  const ids = rows.map((h) => h.id);
  const invitees = ids.length
    ? await db
        .select()
        .from(hearingInvitees)
        .where(inArray(hearingInvitees.hearingId, ids))
        .orderBy(asc(hearingInvitees.name))
    : [];
  const { responses, remarks } = await loadResponses(db, ids);
  const owner = isOwner(actor, a);
  return rows.map((h) => {
    const mine = responses.filter((r) => r.hearingId === h.id);
    const answered = new Set(mine.map((r) => r.partyName));
    const shown = owner || h.responsesPublished;
    const myRemarks = remarks.filter((m) => mine.some((r) => r.id === m.responseId));
    return {
      ...presentMeta(h),
      agreementId: h.agreementId,
      versionId: h.versionId,
      versionNumber: number.get(h.versionId) ?? 0,
      startsOn: h.startsOn,
      endsOn: h.endsOn,
      closedOn: h.closedOn,
      responsesPublished: h.responsesPublished,
      note: h.note,
      invitees: invitees
        .filter((i) => i.hearingId === h.id)
        .map((i) => ({ partyId: i.partyId, name: i.name, responded: shown && answered.has(i.name) })),
      responseCount: mine.length,
      responses: shown
        ? mine.map((r) => ({
            ...presentMeta(r),
            hearingId: r.hearingId,
            partyId: r.partyId,
            partyName: r.partyName,
            receivedOn: r.receivedOn,
            text: r.text,
            file: file(r),
            remarks: myRemarks
              .filter((m) => m.responseId === r.id)
              .map((m) => ({
                ...presentMeta(m),
                responseId: m.responseId,
                position: m.position,
                section: m.section,
                remark: m.remark,
                handling: m.handling,
                answer: m.answer,
              })),
          }))
        : null,
      totals: shown ? matrixTotals(myRemarks) : null,
    };
  });
}

/** Agreements the reader may see, newest first. */
export async function listAgreements(
  { db, actor }: Ctx,
  f: { status?: TAgreementSummary["status"] | undefined; ownerBodyId?: number | undefined },
): Promise<TAgreementSummary[]> {
  const where: SQL[] = [];
  if (f.status) {
    where.push(eq(agreements.status, f.status));
  }
  if (f.ownerBodyId) {
    where.push(eq(agreements.ownerBodyId, f.ownerBodyId));
  }
  const rows = await db
    .select()
    .from(agreements)
    .where(and(...where))
    .orderBy(asc(agreements.title));
  const versions = await versionsByAgreement(
    db,
    rows.map((r) => r.id),
  );
  const owners = await ownerNames(
    db,
    rows.map((r) => r.ownerBodyId),
  );
  return rows
    .filter((a) =>
      canSeeAgreement(
        actor,
        a,
        (versions.get(a.id) ?? []).some((v) => v.published),
      ),
    )
    .map((a) => summary(a, versions.get(a.id) ?? [], owners));
}

const fold = (s: string) => s.toLocaleLowerCase("da").normalize("NFKC");

/** The toolbox (værktøjskassen): agreements in force with their current version, grouped by theme. */
export async function getToolbox(
  ctx: Ctx,
  query: { q?: string | undefined; theme?: string | undefined },
): Promise<TToolbox> {
  const all = (await listAgreements(ctx, {})).filter((a) => a.inForce && a.current);
  const allThemes = [...new Set(all.map((a) => a.theme))].sort((x, y) => x.localeCompare(y, "da"));
  const words = fold(query.q ?? "")
    .split(/\s+/)
    .filter(Boolean);
  const hits = all.filter(
    (a) =>
      (!query.theme || a.theme === query.theme) &&
      words.every((w) =>
        fold(`${a.title} ${a.theme} ${a.summary} ${a.ownerName} ${a.contactName ?? ""}`).includes(w),
      ),
  );
  const themes = allThemes
    .map((theme) => ({ theme, agreements: hits.filter((a) => a.theme === theme) }))
    .filter((g) => g.agreements.length > 0);
  return { themes, allThemes, count: hits.length };
}

/** Loads what holds the object, answering a hidden one as if the object did not exist (no oracle). */
async function visibleOr404<T>(load: () => Promise<T>, what: string): Promise<T> {
  try {
    return await load();
  } catch (err) {
    throw err instanceof AppError && err.code === "not_found" ? notFound(what) : err;
  }
}

/** A version's document, when the reader may see the version: a hidden one is "Versionen findes ikke." too. */
export async function readVersionContent(ctx: Ctx, versionId: number) {
  const v = await getById<VersionRow>(ctx.db, agreementVersions, versionId, "Versionen");
  const agreement = await visibleOr404(() => getAgreement(ctx, v.agreementId), "Versionen");
  if (!agreement.versions.some((x) => x.id === v.id)) {
    throw notFound("Versionen");
  }
  if (!v.sha256) {
    throw new AppError("not_found", "Versionen har intet dokument, du kan se.");
  }
  return {
    bytes: (await readFile(ctx.db, v.sha256)) ?? new Uint8Array(),
    mimeType: v.mimeType ?? "application/octet-stream",
    fileName: v.fileName ?? `aftale-${v.id}`,
  };
}

/** A response's document, when the responses are public (or the reader is of the owner group). */
export async function readResponseContent(ctx: Ctx, responseId: number) {
  const r = await getById<typeof hearingResponses.$inferSelect>(
    ctx.db,
    hearingResponses,
    responseId,
    "Høringssvaret",
  );
  const h = await getById<typeof hearings.$inferSelect>(ctx.db, hearings, r.hearingId, "Høringssvaret");
  const agreement = await visibleOr404(() => getAgreement(ctx, h.agreementId), "Høringssvaret");
  const shown = agreement.hearings.find((x) => x.id === h.id)?.responses;
  if (!shown || !r.sha256) {
    throw new AppError("not_found", "Høringssvaret har intet dokument, du kan se.");
  }
  return {
    bytes: (await readFile(ctx.db, r.sha256)) ?? new Uint8Array(),
    mimeType: r.mimeType ?? "application/octet-stream",
    fileName: r.fileName ?? `hoeringssvar-${r.id}`,
  };
}

/** The responses and remarks of hearings, in order, in two queries. */
export async function loadResponses(db: DbOrTx, hearingIds: number[]) {
  if (hearingIds.length === 0) {
    return { responses: [] as ResponseRow[], remarks: [] as RemarkRow[] };
  }
  const responses = await db
    .select()
    .from(hearingResponses)
    .where(inArray(hearingResponses.hearingId, hearingIds))
    .orderBy(asc(hearingResponses.receivedOn), asc(hearingResponses.id));
  const remarks =
    responses.length === 0
      ? []
      : await db
          .select()
          .from(hearingRemarks)
          .where(
            inArray(
              hearingRemarks.responseId,
              responses.map((r) => r.id),
            ),
          )
          .orderBy(asc(hearingRemarks.position), asc(hearingRemarks.id));
  return { responses, remarks };
}

/** A hearing and its agreement for the matrix export: 404 while the responses are not public to the reader. */
export async function loadMatrix(ctx: Ctx, hearingId: number) {
  const h = await getById<typeof hearings.$inferSelect>(ctx.db, hearings, hearingId, "Høringen");
  const agreement = await getAgreement(ctx, h.agreementId);
  const hearing = agreement.hearings.find((x) => x.id === h.id);
  if (!hearing?.responses) {
    throw new AppError("not_found", "Svarmatrixen er ikke offentliggjort.");
  }
  return { agreement, hearing };
}
