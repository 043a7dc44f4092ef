import { and, desc, eq, isNull, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { getById, updateVersioned } from "../../db/crud.ts";
import type { Ctx } from "../../server/context.ts";
import { isoDayInDenmark } from "../../web/format.ts";
import { authorize } from "../auth/index.ts";
import { bodies } from "../bodies/index.ts";
import { storeFile } from "../files/index.ts";
import { requireItem } from "../mandates/index.ts";
import {
  authorizeOwner,
  canApproveAgreementByChairDecision,
  invalid,
  notAllowed,
} from "./agreements.access.ts";
import { getAgreement } from "./agreements.read.ts";
import { approvalProblem, moveProblem } from "./agreements.rules.ts";
import type {
  TApprove,
  TCreateAgreement,
  TMoveStatus,
  TUpdateAgreement,
  TVersionInput,
} from "./agreements.schemas.ts";
import {
  type AgreementStatus,
  agreementEvents,
  agreements,
  agreementVersions,
  hearings,
} from "./agreements.tables.ts";

export type AgreementRow = typeof agreements.$inferSelect;
export type VersionRow = typeof agreementVersions.$inferSelect;
export const WHAT = "Aftalen";

export async function loadAgreement(db: DbOrTx, id: number): Promise<AgreementRow> {
  return getById<AgreementRow>(db, agreements, id, WHAT);
}

export async function newestVersion(db: DbOrTx, agreementId: number): Promise<VersionRow> {
  const [row] = await db
    .select()
    .from(agreementVersions)
    .where(eq(agreementVersions.agreementId, agreementId))
    .orderBy(desc(agreementVersions.number))
    .limit(1);
  if (!row) {
    throw notAllowed("Aftalen har ingen versioner.");
  }
  return row;
}

/** A version of this agreement (400 on the field when it belongs to another). */
export async function versionOf(db: DbOrTx, agreementId: number, versionId: number | undefined) {
  if (versionId === undefined) {
    return newestVersion(db, agreementId);
  }
  const [row] = await db
    .select()
    .from(agreementVersions)
    .where(and(eq(agreementVersions.id, versionId), eq(agreementVersions.agreementId, agreementId)));
  if (!row) {
    throw invalid("versionId", "Versionen hører ikke til aftalen.");
  }
  return row;
}

async function requireBody(db: DbOrTx, id: number, path: string) {
  const [row] = await db.select().from(bodies).where(eq(bodies.id, id));
  if (!row) {
    throw invalid(path, "Forummet findes ikke.");
  }
  return row;
}

/** The decision behind a change: item (its meeting's body and day by default), body and day. */
export async function decisionOf(
  db: DbOrTx,
  input: { bodyId?: number | null | undefined; itemId?: number | null | undefined; on?: string | undefined },
) {
  const item = input.itemId ? await requireItem(db, input.itemId) : null;
  const bodyId = input.bodyId ?? item?.body.id ?? null;
  if (bodyId !== null) {
    await requireBody(db, bodyId, "bodyId");
  }
  const on = input.on ?? (item ? isoDayInDenmark(item.meetingStart) : null);
  if (!on) {
    throw invalid(
      "on",
      "Angiv beslutningens dato eller det dagsordenspunkt, beslutningen blev truffet under.",
    );
  }
  return { itemId: item?.itemId ?? null, bodyId, on };
}

/** Records a status move and the decision behind it. */
export async function moveTo(
  db: DbOrTx,
  a: AgreementRow,
  to: AgreementStatus,
  d: { itemId: number | null; bodyId: number | null; on: string; note?: string | undefined },
  extra: { versionId?: number; replacedById?: number | null } = {},
) {
  await db
    .update(agreements)
    .set({
      status: to,
      updatedAt: new Date(),
      version: sql`${agreements.version} + 1`,
      ...(extra.replacedById !== undefined ? { replacedById: extra.replacedById } : {}),
    })
    .where(eq(agreements.id, a.id));
  await db.insert(agreementEvents).values({
    agreementId: a.id,
    versionId: extra.versionId ?? null,
    fromStatus: a.status === to ? null : a.status,
    toStatus: to,
    on: d.on,
    bodyId: d.bodyId,
    itemId: d.itemId,
    note: d.note ?? "",
  });
}

/** Drafts a new agreement with its first version (not public until the owner publishes it). */
export async function createAgreement({ db, actor }: Ctx, input: TCreateAgreement) {
  await requireBody(db, input.ownerBodyId, "ownerBodyId");
  authorizeOwner(actor, input);
  if (input.partOfId) {
    await loadAgreement(db, input.partOfId).catch(() => {
      throw invalid("partOfId", "Den aftale, bilaget hører til, findes ikke.");
    });
  }
  const { firstVersion, ...fields } = input;
  const [row] = await db
    .insert(agreements)
    .values({ ...fields, summary: fields.summary ?? "", status: "draft" })
    .returning();
  const a = row as AgreementRow;
  const [v] = await db
    .insert(agreementVersions)
    .values({
      agreementId: a.id,
      number: 1,
      label: firstVersion.label,
      track: "major",
      changeNote: firstVersion.changeNote ?? "",
      text: firstVersion.text ?? null,
    })
    .returning();
  await db.insert(agreementEvents).values({
    agreementId: a.id,
    versionId: v?.id ?? null,
    toStatus: "draft",
    on: isoDayInDenmark(new Date()),
    bodyId: a.ownerBodyId,
    note: "Udkast oprettet.",
  });
  return getAgreement({ db, actor }, a.id);
}

export async function updateAgreement({ db, actor }: Ctx, id: number, input: TUpdateAgreement) {
  const a = await loadAgreement(db, id);
  authorizeOwner(actor, a);
  const { version, ...values } = input;
  await updateVersioned<AgreementRow>(db, agreements, id, version, values, WHAT);
  return getAgreement({ db, actor }, id);
}

/** A new version; an agreement in force goes under revision (the track says which way it is approved). */
export async function addVersion({ db, actor }: Ctx, id: number, input: TVersionInput) {
  const a = await loadAgreement(db, id);
  authorizeOwner(actor, a);
  if (a.status === "replaced") {
    throw notAllowed("Aftalen er erstattet af en anden og kan ikke længere ændres.");
  }
  if (a.status === "hearing") {
    throw notAllowed("Aftalen er i høring; afslut høringen, før en ny version lægges ind.");
  }
  const newest = await newestVersion(db, id);
  const [v] = await db
    .insert(agreementVersions)
    .values({
      agreementId: id,
      number: newest.number + 1,
      label: input.label,
      track: input.track ?? "major",
      changeNote: input.changeNote ?? "",
      text: input.text ?? null,
    })
    .returning();
  if (a.status === "approved" || a.status === "implementation") {
    await moveTo(
      db,
      a,
      "revision",
      { itemId: null, bodyId: a.ownerBodyId, on: isoDayInDenmark(new Date()) },
      {
        versionId: v?.id as number,
      },
    );
  }
  return getAgreement({ db, actor }, id);
}

/** The owner publishes a draft version (e.g. an early draft for comment). */
export async function publishVersion({ db, actor }: Ctx, versionId: number) {
  const v = await getById<VersionRow>(db, agreementVersions, versionId, "Versionen");
  authorizeOwner(actor, await loadAgreement(db, v.agreementId));
  await db
    .update(agreementVersions)
    .set({ published: true, updatedAt: new Date() })
    .where(eq(agreementVersions.id, v.id));
  return getAgreement({ db, actor }, v.agreementId);
}

/** Stores a version's document (raw bytes). */
export async function uploadVersionContent(
  { db, actor }: Ctx,
  versionId: number,
  input: { bytes: Uint8Array; mimeType: string; fileName?: string | undefined },
) {
  const v = await getById<VersionRow>(db, agreementVersions, versionId, "Versionen");
  authorizeOwner(actor, await loadAgreement(db, v.agreementId));
  if (v.approvedOn) {
    throw notAllowed("Versionen er godkendt; læg en ny version ind i stedet.");
  }
  if (input.bytes.byteLength === 0) {
    throw invalid("body", "Filen er tom.");
  }
  const stored = await storeFile(db, input.bytes);
  await db
    .update(agreementVersions)
    .set({
      sha256: stored.sha256,
      size: stored.size,
      mimeType: input.mimeType,
      fileName: input.fileName ?? `aftale-v${v.number}`,
      updatedAt: new Date(),
    })
    .where(eq(agreementVersions.id, v.id));
  return getAgreement({ db, actor }, v.agreementId);
}

/**
 * Approves a version: a major one after a hearing, a minor one by a chair group. Closes an open hearing.
 * `by: "chair_decision"`: a decided matter carries it out, under `canApproveAgreementByChairDecision`.
 */
export async function approveAgreement(
  { db, actor }: Ctx,
  id: number,
  input: TApprove,
  by: "secretariat" | "chair_decision" = "secretariat",
) {
  const a = await loadAgreement(db, id);
  if (by === "chair_decision") {
    authorize(
      actor,
      canApproveAgreementByChairDecision(actor, a, await requireBody(db, input.bodyId, "bodyId")),
      "Kun formandskabet for aftalens ejergruppe kan godkende en version ved formandsbeslutning.",
    );
  } else {
    authorizeOwner(actor, a);
  }
  const problem = moveProblem(a.status, "approved");
  if (problem) {
    throw notAllowed(problem);
  }
  const v = await versionOf(db, id, input.versionId);
  if (v.approvedOn) {
    throw invalid("versionId", "Versionen er allerede godkendt.");
  }
  const approver = await requireBody(db, input.bodyId, "bodyId");
  const [lastApproved] = await db
    .select({ number: agreementVersions.number })
    .from(agreementVersions)
    .where(and(eq(agreementVersions.agreementId, id), sql`${agreementVersions.approvedOn} is not null`))
    .orderBy(desc(agreementVersions.number))
    .limit(1);
  const heard = await db
    .select({ number: agreementVersions.number })
    .from(hearings)
    .innerJoin(agreementVersions, eq(agreementVersions.id, hearings.versionId))
    .where(eq(hearings.agreementId, id));
  const hadHearing = heard.some((h) => h.number > (lastApproved?.number ?? 0) && h.number <= v.number);
  const rule = approvalProblem({ track: v.track, hadHearing, approverKind: approver.kind });
  if (rule) {
    throw invalid(rule.path, rule.message);
  }
  const d = await decisionOf(db, input);
  await db
    .update(agreementVersions)
    .set({
      approvedOn: d.on,
      approvedByBodyId: approver.id,
      itemId: d.itemId,
      published: true,
      updatedAt: new Date(),
    })
    .where(eq(agreementVersions.id, v.id));
  await db
    .update(hearings)
    .set({ closedOn: d.on, updatedAt: new Date() })
    .where(and(eq(hearings.agreementId, id), isNull(hearings.closedOn)));
  if (input.publishResponses) {
    await db.update(hearings).set({ responsesPublished: true }).where(eq(hearings.agreementId, id));
  }
  await moveTo(db, a, "approved", { ...d, bodyId: approver.id, note: input.note }, { versionId: v.id });
  return getAgreement({ db, actor }, id);
}

/** Implementation, revision, replacement, or back to draft after a hearing. */
export async function moveAgreement({ db, actor }: Ctx, id: number, input: TMoveStatus) {
  const a = await loadAgreement(db, id);
  authorizeOwner(actor, a);
  const problem = moveProblem(a.status, input.to);
  if (problem) {
    throw notAllowed(problem);
  }
  if (input.to === "replaced" && input.replacedById) {
    if (input.replacedById === id) {
      throw invalid("replacedById", "En aftale kan ikke erstatte sig selv.");
    }
    await loadAgreement(db, input.replacedById).catch(() => {
      throw invalid("replacedById", "Den nye aftale findes ikke.");
    });
  }
  const d = await decisionOf(db, input);
  if (input.to === "draft") {
    await db
      .update(hearings)
      .set({ closedOn: d.on, updatedAt: new Date() })
      .where(and(eq(hearings.agreementId, id), isNull(hearings.closedOn)));
  }
  await moveTo(
    db,
    a,
    input.to,
    { ...d, note: input.note },
    {
      ...(input.to === "replaced" ? { replacedById: input.replacedById ?? null } : {}),
    },
  );
  return getAgreement({ db, actor }, id);
}
