/**
 * The ratification tracker (issue 22.4): who must approve an agreement (each municipal council, the
 * regional council, then Sundhedsstyrelsen), the statutory deadlines, and each approval's date with its
 * document (a file in the file store, or a link). Kept by the owner's secretariat; as public as the
 * agreement (approvals by councils are public acts).
 */
import { and, asc, eq, max } from "drizzle-orm";
import { getById, updateVersioned } from "../../db/crud.ts";
import type { Ctx } from "../../server/context.ts";
import { AppError, notFound } from "../../server/errors.ts";
import { presentMeta } from "../../server/schemas.ts";
import { isoDayInDenmark } from "../../web/format.ts";
import { canEditBody } from "../auth/index.ts";
import { readFile, storeFile } from "../files/index.ts";
import { parties } from "../parties/index.ts";
import { authorizeOwner, invalid } from "./agreements.access.ts";
import { getAgreement } from "./agreements.read.ts";
import { loadAgreement } from "./agreements.service.ts";
import { ratificationSteps } from "./agreements.tables.ts";
import { isLate } from "./implementation.rules.ts";
import type {
  TAddRatificationStep,
  TRatification,
  TRatificationStep,
  TUpdateRatificationStep,
} from "./implementation.schemas.ts";

type StepRow = typeof ratificationSteps.$inferSelect;
const WHAT = "Godkendelsen";

function presentStep(s: StepRow, today: string): TRatificationStep {
  return {
    ...presentMeta(s),
    kind: s.kind,
    name: s.name,
    partyId: s.partyId,
    position: s.position,
    deadline: s.deadline,
    approvedOn: s.approvedOn,
    link: s.link,
    file: s.sha256 ? { fileName: s.fileName, mimeType: s.mimeType, size: s.size ?? 0 } : null,
    note: s.note,
    late: isLate(s, today),
  };
}

/** The tracker of an agreement the reader may see (404 otherwise), steps in order. */
export async function getRatification(ctx: Ctx, agreementId: number): Promise<TRatification> {
  const a = await getAgreement(ctx, agreementId);
  const rows = await ctx.db
    .select()
    .from(ratificationSteps)
    .where(eq(ratificationSteps.agreementId, a.id))
    .orderBy(asc(ratificationSteps.position), asc(ratificationSteps.id));
  const today = isoDayInDenmark(new Date());
  const steps = rows.map((s) => presentStep(s, today));
  return {
    agreementId: a.id,
    steps,
    approved: steps.filter((s) => s.approvedOn !== null).length,
    late: steps.filter((s) => s.late).length,
    canEdit: canEditBody(ctx.actor, a.ownerBodyId),
  };
}

/** Adds who must approve, with the statutory deadline (the owner's secretariat). */
export async function addRatificationStep(ctx: Ctx, agreementId: number, input: TAddRatificationStep) {
  const a = await loadAgreement(ctx.db, agreementId);
  authorizeOwner(ctx.actor, a);
  if (input.partyId) {
    const [p] = await ctx.db.select({ id: parties.id }).from(parties).where(eq(parties.id, input.partyId));
    if (!p) {
      throw invalid("partyId", "Parten findes ikke.");
    }
  }
  const [taken] = await ctx.db
    .select({ id: ratificationSteps.id })
    .from(ratificationSteps)
    .where(and(eq(ratificationSteps.agreementId, a.id), eq(ratificationSteps.name, input.name)));
  if (taken) {
    throw invalid("name", "Der er allerede en godkendelse med det navn på aftalen.");
  }
  const [last] = await ctx.db
    .select({ position: max(ratificationSteps.position) })
    .from(ratificationSteps)
    .where(eq(ratificationSteps.agreementId, a.id));
  await ctx.db.insert(ratificationSteps).values({
    agreementId: a.id,
    kind: input.kind,
    name: input.name,
    partyId: input.partyId ?? null,
    deadline: input.deadline ?? null,
    position: input.position ?? (last?.position ?? 0) + 1,
  });
  return getRatification(ctx, a.id);
}

/** Throws 404 for a missing step and 401/403 unless the actor is the owner's secretariat. */
export async function assertMayEditStep(ctx: Ctx, stepId: number): Promise<void> {
  await editableStep(ctx, stepId);
}

async function editableStep(ctx: Ctx, stepId: number) {
  const step = await getById<StepRow>(ctx.db, ratificationSteps, stepId, WHAT);
  authorizeOwner(ctx.actor, await loadAgreement(ctx.db, step.agreementId));
  return step;
}

/** Records an approval (date, link, note) or changes the deadline; null approvedOn takes it back. */
export async function updateRatificationStep(ctx: Ctx, stepId: number, input: TUpdateRatificationStep) {
  const step = await editableStep(ctx, stepId);
  const { version, ...values } = input;
  if (values.approvedOn && values.approvedOn > isoDayInDenmark(new Date())) {
    throw invalid("approvedOn", "Godkendelsens dato kan ikke ligge i fremtiden.");
  }
  await updateVersioned<StepRow>(ctx.db, ratificationSteps, step.id, version, values, WHAT);
  return getRatification(ctx, step.agreementId);
}

/** Stores the approval's document (raw bytes, checked by the upload allow-list in the route). */
export async function uploadRatificationDocument(
  ctx: Ctx,
  stepId: number,
  input: { bytes: Uint8Array; mimeType: string; fileName?: string | undefined },
) {
  const step = await editableStep(ctx, stepId);
  if (input.bytes.byteLength === 0) {
    throw invalid("body", "Filen er tom.");
  }
  const stored = await storeFile(ctx.db, input.bytes);
  await ctx.db
    .update(ratificationSteps)
    .set({
      sha256: stored.sha256,
      size: stored.size,
      mimeType: input.mimeType,
      fileName: input.fileName ?? `godkendelse-${step.id}`,
      updatedAt: new Date(),
    })
    .where(eq(ratificationSteps.id, step.id));
  return getAgreement(ctx, step.agreementId);
}

/** The approval's document, for whoever may see the agreement. */
export async function readRatificationDocument(ctx: Ctx, stepId: number) {
  const step = await getById<StepRow>(ctx.db, ratificationSteps, stepId, WHAT);
  await getAgreement(ctx, step.agreementId).catch((e: unknown) => {
    throw e instanceof AppError && e.code === "not_found" ? notFound(WHAT) : e;
  });
  if (!step.sha256) {
    throw new AppError("not_found", "Godkendelsen har intet dokument.");
  }
  return {
    bytes: (await readFile(ctx.db, step.sha256)) ?? new Uint8Array(),
    mimeType: step.mimeType ?? "application/octet-stream",
    fileName: step.fileName ?? `godkendelse-${step.id}`,
  };
}
