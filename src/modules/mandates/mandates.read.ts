import { asc, desc, eq, inArray } from "drizzle-orm";
import { getById } from "../../db/crud.ts";
import type { Ctx } from "../../server/context.ts";
import { todayInDenmark } from "../auth/index.ts";
import { bodies } from "../bodies/index.ts";
import { loadItemInfo, presentDecisionRef } from "./decision-refs.ts";
import { canReadMandateDrafts } from "./mandates.access.ts";
import { deliverableStates, diffVersions } from "./mandates.rules.ts";
import type { TGroupSummary, TMandate, TMandateVersion } from "./mandates.schemas.ts";
import { mandateEvents, mandateVersions } from "./mandates.tables.ts";

type BodyRow = typeof bodies.$inferSelect;
type VersionRow = typeof mandateVersions.$inferSelect;
type EventRow = typeof mandateEvents.$inferSelect;

/** The newest approved version: the mandate in force. */
export const currentVersion = (newestFirst: VersionRow[]) => newestFirst.find((v) => v.approvedOn !== null);

/** A group's mandate as the reader may see it: versions (drafts only for insiders), lifecycle, deliverables. */
export async function getMandate({ db, actor }: Ctx, bodyId: number): Promise<TMandate> {
  const group = await getById<BodyRow>(db, bodies, bodyId, "Gruppen");
  const [versions, events] = await Promise.all([
    db
      .select()
      .from(mandateVersions)
      .where(eq(mandateVersions.bodyId, bodyId))
      .orderBy(desc(mandateVersions.number)),
    db
      .select()
      .from(mandateEvents)
      .where(eq(mandateEvents.bodyId, bodyId))
      .orderBy(asc(mandateEvents.on), asc(mandateEvents.id)),
  ]);
  const items = await loadItemInfo(db, [...versions.map((v) => v.itemId), ...events.map((e) => e.itemId)]);
  const insider = canReadMandateDrafts(
    actor,
    group,
    versions.map((v) => v.approverBodyId),
  );
  const present = (v: VersionRow, i: number): TMandateVersion => {
    const prev = versions[i + 1];
    return {
      id: v.id,
      number: v.number,
      purpose: v.purpose,
      periodFrom: v.periodFrom,
      periodTo: v.periodTo,
      reportsToId: v.reportsToId,
      approverBodyId: v.approverBodyId,
      composition: v.composition,
      deliverables: v.deliverables,
      changeNote: v.changeNote,
      changes: prev ? diffVersions(prev, v) : [],
      approvedOn: v.approvedOn,
      decision: presentDecisionRef(actor, v.itemId ? items.get(v.itemId) : undefined),
    };
  };
  const shown = versions.map(present).filter((v) => insider || v.approvedOn !== null);
  const current = currentVersion(versions);
  const number = new Map(versions.map((v) => [v.id, v.number]));
  const state = deliverableStates(current?.deliverables ?? [], events, todayInDenmark());
  return {
    bodyId,
    status: group.mandateStatus,
    current: shown.find((v) => v.id === current?.id) ?? null,
    versions: shown,
    // A draft's revision event stays with the draft: outsiders see neither until it is approved.
    events: events
      .filter(
        (e) => insider || e.versionId === null || versions.some((v) => v.id === e.versionId && v.approvedOn),
      )
      .map((e: EventRow) => ({
        id: e.id,
        kind: e.kind,
        on: e.on,
        versionNumber: e.versionId ? (number.get(e.versionId) ?? null) : null,
        deliverable: e.deliverable,
        note: e.note,
        decision: presentDecisionRef(actor, e.itemId ? items.get(e.itemId) : undefined),
      })),
    deliverables: state.items,
    nextDue: state.nextDue,
    lastReportOn: state.lastReportOn,
  };
}

/** The groups reporting to a body, with their next report due and overdue deliverables. */
export async function listGroups({ db }: Ctx, parentId: number): Promise<TGroupSummary[]> {
  await getById<BodyRow>(db, bodies, parentId, "Forummet");
  const groups = await db
    .select()
    .from(bodies)
    .where(eq(bodies.reportsToId, parentId))
    .orderBy(asc(bodies.name));
  const ids = groups.map((g) => g.id);
  if (ids.length === 0) {
    return [];
  }
  const [versions, events] = await Promise.all([
    db
      .select()
      .from(mandateVersions)
      .where(inArray(mandateVersions.bodyId, ids))
      .orderBy(desc(mandateVersions.number)),
    db.select().from(mandateEvents).where(inArray(mandateEvents.bodyId, ids)),
  ]);
  const today = todayInDenmark();
  return groups.map((g) => {
    const current = currentVersion(versions.filter((v) => v.bodyId === g.id));
    const state = deliverableStates(
      current?.deliverables ?? [],
      events.filter((e) => e.bodyId === g.id),
      today,
    );
    const open = g.mandateStatus !== "closed";
    return {
      id: g.id,
      name: g.name,
      shortName: g.shortName,
      kind: g.kind,
      status: g.mandateStatus,
      periodTo: current?.periodTo ?? g.mandateTo,
      nextDue: open ? state.nextDue : null,
      overdue: open
        ? state.items.filter((d) => d.overdue).map((d) => ({ title: d.title, dueOn: d.dueOn }))
        : [],
      lastReportOn: state.lastReportOn,
    };
  });
}
