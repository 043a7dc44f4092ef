/**
 * The acts of the implementation matrix (issue 22.3): record a party's state of an agreement in force
 * (every change a new row; the audit triggers log it), read a cell with its history, and put a snapshot
 * of the matrix on an agenda item as an XLSX attachment.
 */
import { and, desc, eq } from "drizzle-orm";
import { XLSX_MIME } from "../../lib/xlsx.ts";
import type { Ctx } from "../../server/context.ts";
import { notFound } from "../../server/errors.ts";
import { isoDayInDenmark } from "../../web/format.ts";
import { translator } from "../../web/i18n.ts";
import { authorize, canEditBody } from "../auth/index.ts";
import { attachmentService, uploadAttachmentContent } from "../meetings/index.ts";
import { parties } from "../parties/index.ts";
import { invalid, notAllowed } from "./agreements.access.ts";
import { isInForce } from "./agreements.rules.ts";
import { loadAgreement } from "./agreements.service.ts";
import { implementationChanges } from "./agreements.tables.ts";
import { mayKeepCell, representedParties } from "./implementation.access.ts";
import { matrixXlsx } from "./implementation.export.ts";
import { emptyCell, loadMatrix, presentCell } from "./implementation.read.ts";
import { stateChangeProblem } from "./implementation.rules.ts";
import type { TCellHistory, TMatrixQuery, TSetImplementation } from "./implementation.schemas.ts";

async function requireParty(ctx: Ctx, partyId: number) {
  const [party] = await ctx.db
    .select({ id: parties.id, name: parties.name })
    .from(parties)
    .where(eq(parties.id, partyId));
  if (!party) {
    throw notFound("Parten");
  }
  return party;
}

async function agreementInForce(ctx: Ctx, agreementId: number) {
  const a = await loadAgreement(ctx.db, agreementId);
  if (!isInForce(a.status)) {
    // a draft does not exist for outsiders; one in hearing or replaced has no implementation
    throw a.status === "draft" ? notFound("Aftalen") : notAllowed("Aftalen er ikke i kraft.");
  }
  return a;
}

/** A cell of the matrix with its history (newest first), and whether the reader may change it. */
export async function getCellHistory(ctx: Ctx, agreementId: number, partyId: number): Promise<TCellHistory> {
  const a = await agreementInForce(ctx, agreementId);
  const party = await requireParty(ctx, partyId);
  const rows = await ctx.db
    .select()
    .from(implementationChanges)
    .where(and(eq(implementationChanges.agreementId, a.id), eq(implementationChanges.partyId, partyId)))
    .orderBy(desc(implementationChanges.id));
  const represented = await representedParties(ctx);
  return {
    agreement: { id: a.id, title: a.title },
    party,
    current: rows[0] ? presentCell(rows[0]) : emptyCell(a.id, partyId),
    history: rows.map((r) => ({ id: r.id, ...presentCell(r) })),
    canEdit: mayKeepCell(ctx.actor, a, partyId, represented),
  };
}

/**
 * Throws unless the actor may keep this party's cell (401/403; 404 for a draft or a missing party).
 * Who asks is checked before the agreement's state, so a refused caller learns nothing more about it.
 */
export async function authorizeCell(ctx: Ctx, agreementId: number, partyId: number) {
  const a = await loadAgreement(ctx.db, agreementId);
  if (a.status === "draft" && !canEditBody(ctx.actor, a.ownerBodyId)) {
    throw notFound("Aftalen");
  }
  await requireParty(ctx, partyId);
  authorize(
    ctx.actor,
    mayKeepCell(ctx.actor, a, partyId, await representedParties(ctx)),
    "Kun partens repræsentant eller sekretariatet for aftalens ejergruppe kan registrere implementeringen.",
  );
  return a;
}

/** Records a party's state of an agreement in force: the party's representative or the owner's secretariat. */
export async function setImplementationState(
  ctx: Ctx,
  agreementId: number,
  partyId: number,
  input: TSetImplementation,
): Promise<TCellHistory> {
  const a = await authorizeCell(ctx, agreementId, partyId);
  await agreementInForce(ctx, a.id);
  const since = input.since ?? isoDayInDenmark(new Date());
  const problem = stateChangeProblem({ ...input, since });
  if (problem) {
    throw invalid(problem.path, problem.message);
  }
  await ctx.db.insert(implementationChanges).values({
    agreementId: a.id,
    partyId,
    state: input.state,
    since,
    plannedOn: input.plannedOn ?? null,
    reason: input.state === "opted_out" || input.state === "not_relevant" ? (input.reason ?? "") : "",
    note: input.note ?? "",
    changedBy: ctx.actor.name ?? (ctx.actor.system ? "system" : ""),
  });
  return getCellHistory(ctx, a.id, partyId);
}

/**
 * A snapshot of the matrix (as filtered) as an XLSX attachment on an agenda item, through the meetings
 * attachment services (the item's secretariat, minutes not locked). The matrix is public, so the
 * attachment is open.
 */
export async function attachMatrixToItem(
  ctx: Ctx,
  input: TMatrixQuery & { itemId: number; title?: string | undefined },
) {
  const { itemId, title, ...query } = input;
  const matrix = await loadMatrix(ctx, query);
  const day = isoDayInDenmark(new Date());
  const t = translator("da");
  const bytes = matrixXlsx(matrix, t, "da", day);
  const fileName = `implementering-${day}.xlsx`;
  const attachment = await attachmentService.create(ctx, {
    itemId,
    title: title ?? t("impl.snapshotTitle"),
    fileName,
    access: "open",
  });
  return uploadAttachmentContent(ctx, attachment.id, {
    bytes,
    mimeType: XLSX_MIME,
    fileName,
    version: attachment.version,
  });
}
