import { desc, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { getById } from "../../db/crud.ts";
import type { Ctx } from "../../server/context.ts";
import { isoDayInDenmark } from "../../web/format.ts";
import { authorize, SYSTEM_ACTOR } from "../auth/index.ts";
import { bodies, createBody } from "../bodies/index.ts";
import { requireItem } from "./decision-refs.ts";
import { authorizeGroup, canApproveByChairDecision, invalid, notAllowed } from "./mandates.access.ts";
import { getMandate } from "./mandates.read.ts";
import { applyStatusChange, findDeliverable, type GroupStatus } from "./mandates.rules.ts";
import type {
  TChangeStatus,
  TDecisionInput,
  TEstablishMandate,
  TRecordReport,
  TReviseMandate,
  TSetUpGroup,
} from "./mandates.schemas.ts";
import { type MandateEventKind, mandateEvents, mandateVersions } from "./mandates.tables.ts";

type BodyRow = typeof bodies.$inferSelect;
type VersionRow = typeof mandateVersions.$inferSelect;
type Content = Omit<TEstablishMandate, "itemId" | "on" | "note" | "approved">;

async function loadGroup(db: DbOrTx, id: number): Promise<BodyRow> {
  return getById<BodyRow>(db, bodies, id, "Gruppen");
}

/** The day and item of a decision: the item's meeting day unless a day is given. */
async function decision(db: DbOrTx, input: TDecisionInput) {
  if (input.itemId) {
    const item = await requireItem(db, input.itemId);
    return {
      itemId: item.itemId,
      on: input.on ?? isoDayInDenmark(item.meetingStart),
      note: input.note ?? "",
    };
  }
  if (!input.on) {
    throw invalid(
      "on",
      "Angiv beslutningens dato eller det dagsordenspunkt, beslutningen blev truffet under.",
    );
  }
  return { itemId: null, on: input.on, note: input.note ?? "" };
}

/** Checks the period and that referenced bodies exist and make no reporting loop. */
async function checkContent(db: DbOrTx, groupId: number | null, c: Content) {
  if (c.periodTo && c.periodTo < c.periodFrom) {
    throw invalid("periodTo", "Periodens slutdato ligger før startdatoen.");
  }
  for (const path of ["reportsToId", "approverBodyId"] as const) {
    const id = c[path];
    if (id) {
      const [row] = await db.select({ id: bodies.id }).from(bodies).where(eq(bodies.id, id));
      if (!row) {
        throw invalid(path, "Forummet findes ikke.");
      }
    }
  }
  let current = c.reportsToId ?? null;
  const seen = new Set<number>();
  while (current !== null && groupId !== null) {
    if (current === groupId || seen.has(current)) {
      throw invalid("reportsToId", "En gruppe kan ikke referere til sig selv eller til en gruppe under sig.");
    }
    seen.add(current);
    const [row] = await db.select({ up: bodies.reportsToId }).from(bodies).where(eq(bodies.id, current));
    current = row?.up ?? null;
  }
  for (const [i, d] of (c.deliverables ?? []).entries()) {
    if (d.dueOn < c.periodFrom) {
      throw invalid(`deliverables.${i}.dueOn`, "Leverancens frist ligger før gruppens periode begynder.");
    }
  }
}

async function versionsOf(db: DbOrTx, bodyId: number): Promise<VersionRow[]> {
  return db
    .select()
    .from(mandateVersions)
    .where(eq(mandateVersions.bodyId, bodyId))
    .orderBy(desc(mandateVersions.number));
}

async function insertVersion(
  db: DbOrTx,
  bodyId: number,
  number: number,
  c: Content,
  extra: { changeNote: string; approvedOn: string | null; itemId: number | null },
): Promise<VersionRow> {
  const [row] = await db
    .insert(mandateVersions)
    .values({
      bodyId,
      number,
      purpose: c.purpose,
      periodFrom: c.periodFrom,
      periodTo: c.periodTo ?? null,
      reportsToId: c.reportsToId ?? null,
      approverBodyId: c.approverBodyId ?? null,
      composition: (c.composition ?? []).map((s) => ({
        seats: s.seats,
        party: s.party,
        partyId: s.partyId ?? null,
        competence: s.competence ?? "",
        flexible: s.flexible ?? false,
      })),
      deliverables: c.deliverables ?? [],
      ...extra,
    })
    .returning();
  return row as VersionRow;
}

async function addEvent(
  db: DbOrTx,
  bodyId: number,
  kind: MandateEventKind,
  d: { itemId: number | null; on: string; note: string },
  extra: { versionId?: number; deliverable?: string | null } = {},
) {
  await db.insert(mandateEvents).values({ bodyId, kind, ...d, ...extra });
}

/** Keeps the body's mandate columns in step with the newest approved version (drafts never leave). */
async function mirror(db: DbOrTx, bodyId: number, status?: GroupStatus) {
  const [current] = (await versionsOf(db, bodyId)).filter((v) => v.approvedOn !== null);
  const values: Partial<BodyRow> = status ? { mandateStatus: status } : {};
  if (current) {
    Object.assign(values, {
      mandatePurpose: current.purpose,
      mandateFrom: current.periodFrom,
      mandateTo: current.periodTo,
      ...(current.reportsToId ? { reportsToId: current.reportsToId } : {}),
    });
  }
  if (Object.keys(values).length > 0) {
    await db
      .update(bodies)
      .set({ ...values, updatedAt: new Date(), version: sql`${bodies.version} + 1` })
      .where(eq(bodies.id, bodyId));
  }
}

/** Gives an existing group its first mandate version (the kommissorium it was set up with). */
export async function establishMandate({ db, actor }: Ctx, bodyId: number, given: TEstablishMandate) {
  const group = await loadGroup(db, bodyId);
  const input = {
    ...given,
    reportsToId: given.reportsToId === undefined ? group.reportsToId : given.reportsToId,
  };
  authorizeGroup(actor, { id: group.id, reportsToId: input.reportsToId ?? group.reportsToId }, [
    input.approverBodyId ?? null,
  ]);
  if ((await versionsOf(db, bodyId)).length > 0) {
    throw notAllowed("Gruppen har allerede et kommissorium; revidér det i stedet.");
  }
  await checkContent(db, bodyId, input);
  const d = await decision(db, input);
  const v = await insertVersion(db, bodyId, 1, input, {
    changeNote: "",
    approvedOn: input.approved ? d.on : null,
    itemId: d.itemId,
  });
  await addEvent(db, bodyId, "set_up", d, { versionId: v.id });
  await mirror(db, bodyId, "active");
  return getMandate({ db, actor }, bodyId);
}

/** Sets up a new group under the body it reports to, with its first mandate version. */
export async function setUpGroup({ db, actor }: Ctx, input: TSetUpGroup) {
  if (!input.reportsToId) {
    throw invalid("reportsToId", "Angiv det forum, gruppen refererer til.");
  }
  authorizeGroup(actor, { id: 0, reportsToId: input.reportsToId }, [input.approverBodyId ?? null]);
  const [taken] = await db.select({ id: bodies.id }).from(bodies).where(eq(bodies.name, input.name));
  if (taken) {
    throw invalid("name", "Der findes allerede et forum med det navn.");
  }
  await checkContent(db, null, input);
  const parent = await loadGroup(db, input.reportsToId);
  // The group is made on the parent secretariat's authority (checked above), not an admin's.
  const body = await createBody(
    { db, actor: SYSTEM_ACTOR },
    {
      name: input.name,
      shortName: input.shortName ?? null,
      kind: input.kind,
      region: input.region ?? parent.region,
      cluster: input.cluster ?? parent.cluster,
      reportsToId: input.reportsToId,
    },
  );
  const { name: _n, shortName: _s, kind: _k, region: _r, cluster: _c, ...mandate } = input;
  await establishMandate({ db, actor: SYSTEM_ACTOR }, body.id, mandate);
  return getMandate({ db, actor }, body.id);
}

/** A revised mandate: a new version saying what changed, and the decision behind it. */
export async function reviseMandate({ db, actor }: Ctx, bodyId: number, given: TReviseMandate) {
  const group = await loadGroup(db, bodyId);
  const versions = await versionsOf(db, bodyId);
  // Who the group reports to and who approves carry over unless the revision says otherwise.
  const input = {
    ...given,
    reportsToId:
      given.reportsToId === undefined ? (versions[0]?.reportsToId ?? group.reportsToId) : given.reportsToId,
    approverBodyId:
      given.approverBodyId === undefined ? (versions[0]?.approverBodyId ?? null) : given.approverBodyId,
  };
  authorizeGroup(actor, group, [versions[0]?.approverBodyId ?? null, input.approverBodyId ?? null]);
  if (group.mandateStatus === "closed") {
    throw notAllowed("Gruppen er nedlagt; dens kommissorium kan ikke revideres.");
  }
  await checkContent(db, bodyId, input);
  const d = await decision(db, input);
  const v = await insertVersion(db, bodyId, (versions[0]?.number ?? 0) + 1, input, {
    changeNote: input.changeNote,
    approvedOn: input.approved ? d.on : null,
    itemId: d.itemId,
  });
  await addEvent(db, bodyId, input.continued ? "continued" : "revised", d, { versionId: v.id });
  await mirror(db, bodyId, input.continued ? "active" : undefined);
  return getMandate({ db, actor }, bodyId);
}

/**
 * Approves the newest version when it was set up or revised as a draft. `by: "chair_decision"`: a chair
 * decision carries it out (modules/matters), under the named rule `canApproveByChairDecision`.
 */
export async function approveMandateVersion(
  { db, actor }: Ctx,
  versionId: number,
  input: TDecisionInput,
  by: "secretariat" | "chair_decision" = "secretariat",
) {
  const version = await getById<VersionRow>(db, mandateVersions, versionId, "Kommissorieversionen");
  const group = await loadGroup(db, version.bodyId);
  if (by === "chair_decision") {
    authorize(
      actor,
      canApproveByChairDecision(actor, group, [version.approverBodyId]),
      "Kun formandskabet for det forum, der godkender kommissoriet, kan godkende det ved formandsbeslutning.",
    );
  } else {
    authorizeGroup(actor, group, [version.approverBodyId]);
  }
  const [newest] = await versionsOf(db, group.id);
  if (version.approvedOn !== null) {
    throw notAllowed("Versionen er allerede godkendt.");
  }
  if (newest?.id !== version.id) {
    throw notAllowed("Kun den nyeste version af kommissoriet kan godkendes.");
  }
  const d = await decision(db, input);
  await db
    .update(mandateVersions)
    .set({ approvedOn: d.on, itemId: d.itemId ?? version.itemId, updatedAt: new Date() })
    .where(eq(mandateVersions.id, versionId));
  await addEvent(db, group.id, "approved", d, { versionId });
  await mirror(db, group.id);
  return getMandate({ db, actor }, group.id);
}

/** Records a report from the group, optionally delivering one of the current version's deliverables. */
export async function recordReport({ db, actor }: Ctx, bodyId: number, input: TRecordReport) {
  const group = await loadGroup(db, bodyId);
  const versions = await versionsOf(db, bodyId);
  const current = versions.find((v) => v.approvedOn !== null) ?? versions[0];
  authorizeGroup(actor, group, [current?.approverBodyId ?? null]);
  if (group.mandateStatus === "closed") {
    throw notAllowed("Gruppen er nedlagt; der kan ikke registreres flere afrapporteringer.");
  }
  let deliverable: string | null = null;
  if (input.deliverable) {
    const found = findDeliverable(current?.deliverables ?? [], input.deliverable);
    if (!found) {
      throw invalid("deliverable", "Leverancen står ikke i gruppens gældende kommissorium.");
    }
    deliverable = found.title;
  }
  const d = await decision(db, input);
  await addEvent(db, bodyId, "report", d, { deliverable });
  return getMandate({ db, actor }, bodyId);
}

/** Continues, puts on standby, resumes or closes the group. */
export async function changeGroupStatus({ db, actor }: Ctx, bodyId: number, input: TChangeStatus) {
  const group = await loadGroup(db, bodyId);
  const [newest] = await versionsOf(db, bodyId);
  authorizeGroup(actor, group, [newest?.approverBodyId ?? null]);
  const result = applyStatusChange(group.mandateStatus, input.change);
  if (!result.ok) {
    throw notAllowed(result.message);
  }
  const d = await decision(db, input);
  await addEvent(db, bodyId, input.change, d);
  await mirror(db, bodyId, result.status);
  return getMandate({ db, actor }, bodyId);
}
