/**
 * What a matter decides elsewhere in Tværs, and the effect of its approval there (issue 21): a mandate
 * version, an agreement version or a grant becomes approved through its own module's act, under that
 * module's named rule for chair decisions; a case gets the decision on its timeline (the decided matter is
 * the record, read by the case through `listCaseDecisions`). A rejection changes nothing anywhere.
 */
import { eq, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import type { Ctx } from "../../server/context.ts";
import { AppError } from "../../server/errors.ts";
import { isoDayInDenmark } from "../../web/format.ts";
import { agreements, agreementVersions, approveAgreement } from "../agreements/index.ts";
import { bodies } from "../bodies/index.ts";
import { approveGrant, funds, grants } from "../funds/index.ts";
import { approveMandateVersion, mandateVersions } from "../mandates/index.ts";
import type { TCreateMatter } from "./matters.schemas.ts";
import type { matters } from "./matters.tables.ts";

type MatterRow = typeof matters.$inferSelect;

const invalid = (message: string) =>
  new AppError("validation_failed", message, [{ path: "linkId", message }]);

/** The body and the body it reports to: who may decide what belongs to an owner body. */
async function bodyRef(db: DbOrTx, id: number) {
  const [b] = await db
    .select({ id: bodies.id, reportsToId: bodies.reportsToId })
    .from(bodies)
    .where(eq(bodies.id, id));
  return b ?? { id, reportsToId: null };
}

/** The owner body itself or its chair group (a body reporting to it) decides. */
const decidesFor = (body: { id: number; reportsToId: number | null }, ownerId: number) =>
  body.id === ownerId || body.reportsToId === ownerId;

/** Checks that what the matter links to exists, is still undecided, and that this body may decide it. */
export async function checkLink(db: DbOrTx, input: TCreateMatter): Promise<void> {
  if (!input.linkKind) {
    return;
  }
  if (!input.linkId) {
    throw invalid("Angiv, hvad sagen afgør.");
  }
  const body = await bodyRef(db, input.bodyId);
  switch (input.linkKind) {
    case "mandate_version": {
      const [v] = await db
        .select({
          approvedOn: mandateVersions.approvedOn,
          approverBodyId: mandateVersions.approverBodyId,
          bodyId: mandateVersions.bodyId,
          reportsToId: bodies.reportsToId,
        })
        .from(mandateVersions)
        .innerJoin(bodies, eq(bodies.id, mandateVersions.bodyId))
        .where(eq(mandateVersions.id, input.linkId));
      if (!v) {
        throw invalid("Kommissorieversionen findes ikke.");
      }
      if (v.approvedOn !== null) {
        throw invalid("Kommissorieversionen er allerede godkendt.");
      }
      if (![v.bodyId, v.reportsToId, v.approverBodyId].includes(input.bodyId)) {
        throw invalid("Forummet godkender ikke dette kommissorium.");
      }
      return;
    }
    case "agreement_version": {
      const [v] = await db
        .select({ approvedOn: agreementVersions.approvedOn, ownerBodyId: agreements.ownerBodyId })
        .from(agreementVersions)
        .innerJoin(agreements, eq(agreements.id, agreementVersions.agreementId))
        .where(eq(agreementVersions.id, input.linkId));
      if (!v) {
        throw invalid("Aftaleversionen findes ikke.");
      }
      if (v.approvedOn !== null) {
        throw invalid("Aftaleversionen er allerede godkendt.");
      }
      if (!decidesFor(body, v.ownerBodyId)) {
        throw invalid("Forummet godkender ikke denne aftale.");
      }
      return;
    }
    case "grant": {
      const [g] = await db
        .select({ status: grants.status, fundBodyId: funds.bodyId })
        .from(grants)
        .innerJoin(funds, eq(funds.id, grants.fundId))
        .where(eq(grants.id, input.linkId));
      if (!g) {
        throw invalid("Bevillingen findes ikke.");
      }
      if (g.status !== "pending") {
        throw invalid("Bevillingen er allerede afgjort.");
      }
      if (!decidesFor(body, g.fundBodyId)) {
        throw invalid("Forummet bevilger ikke af denne pulje.");
      }
      return;
    }
    case "case": {
      const found = await db.execute(sql`select 1 from cases where id = ${input.linkId}`);
      if ((found as unknown as { rows: unknown[] }).rows.length === 0) {
        throw invalid("Sagen findes ikke.");
      }
      return;
    }
  }
}

/**
 * Carries out an approval where the matter points, through the owning module's act in the same
 * transaction (a failure there rolls the decision back). `ctx.actor` is the chair who decided, or the
 * system for a written procedure's result.
 */
export async function carryOut(ctx: Ctx, m: MatterRow, now: Date): Promise<void> {
  if (m.linkKind === null || m.linkId === null) {
    return;
  }
  const on = isoDayInDenmark(now);
  const note =
    m.procedure === "chair_decision" ? `Formandsbeslutning: ${m.title}` : `Skriftlig behandling: ${m.title}`;
  const by = m.procedure === "chair_decision" ? "chair_decision" : "secretariat";
  switch (m.linkKind) {
    case "mandate_version":
      await approveMandateVersion(ctx, m.linkId, { on, note }, by);
      return;
    case "agreement_version": {
      const [v] = await ctx.db
        .select({ agreementId: agreementVersions.agreementId })
        .from(agreementVersions)
        .where(eq(agreementVersions.id, m.linkId));
      if (!v) {
        throw invalid("Aftaleversionen findes ikke længere.");
      }
      await approveAgreement(
        ctx,
        v.agreementId,
        { versionId: m.linkId, bodyId: m.bodyId, on, note },
        "chair_decision",
      );
      return;
    }
    case "grant":
      await approveGrant(ctx, m.linkId, { on, bodyId: m.bodyId, note });
      return;
    case "case":
      // The decided matter is the case's record of the decision; its timeline reads it.
      return;
  }
}
