import { and, eq, ilike } from "drizzle-orm";
import type { Ctx } from "../../server/context.ts";
import {
  addResponse,
  addVersion,
  approveAgreement,
  createAgreement,
  getAgreement,
  moveAgreement,
  startHearing,
  updateRemark,
} from "../agreements/index.ts";
import {
  changeGroupStatus,
  establishMandate,
  getMandate,
  recordReport,
  reviseMandate,
} from "../mandates/index.ts";
import { agendaItems } from "../meetings/index.ts";
import { agreementsData, type DemoAgreement } from "./demo.data.agreements.ts";
import { type DemoDecision, type DemoMandate, mandatesData } from "./demo.data.mandates.ts";

export interface DemoGroupIds {
  parties: Map<string, number>;
  bodies: Map<string, number>;
  meetings: Map<string, number>;
}

function must<T>(map: Map<string, T>, key: string, what: string): T {
  const v = map.get(key);
  if (v === undefined) {
    throw new Error(`Demodata: ukendt ${what} "${key}"`);
  }
  return v;
}

/** The decision's item (by meeting key and title start) and its day, shifted like the meetings. */
async function decisionOf(ctx: Ctx, d: DemoDecision, ids: DemoGroupIds, shift: (day: string) => string) {
  let itemId: number | undefined;
  if (d.item) {
    const meetingId = must(ids.meetings, d.item.meetingKey, "møde");
    const [row] = await ctx.db
      .select({ id: agendaItems.id })
      .from(agendaItems)
      .where(and(eq(agendaItems.meetingId, meetingId), ilike(agendaItems.title, `${d.item.title}%`)));
    if (!row) {
      throw new Error(`Demodata: intet punkt "${d.item.title}" på ${d.item.meetingKey}`);
    }
    itemId = row.id;
  }
  return { on: shift(d.on), ...(itemId ? { itemId } : {}), ...(d.note ? { note: d.note } : {}) };
}

async function loadMandate(ctx: Ctx, m: DemoMandate, ids: DemoGroupIds, shift: (day: string) => string) {
  const bodyId = must(ids.bodies, m.bodyKey, "forum");
  for (const [i, v] of m.versions.entries()) {
    const content = {
      purpose: v.purpose,
      periodFrom: shift(v.periodFrom),
      periodTo: shift(v.periodTo),
      approverBodyId: must(ids.bodies, v.approverKey, "forum"),
      composition: v.composition,
      deliverables: v.deliverables.map((d) => ({ title: d.title, dueOn: shift(d.dueOn) })),
      approved: v.approved,
      ...(await decisionOf(ctx, v.decision, ids, shift)),
    };
    if (i === 0) {
      await establishMandate(ctx, bodyId, content);
      // Events between the first and a later version come first (a revision ends the demo story).
      for (const [j, e] of m.events.entries()) {
        const decision = m.eventDecisions[j];
        if (!decision) {
          throw new Error(`Demodata: ${m.bodyKey} mangler beslutning nr. ${j + 1}`);
        }
        const d = await decisionOf(ctx, decision, ids, shift);
        if (e.kind === "report") {
          await recordReport(ctx, bodyId, { ...d, deliverable: e.deliverable ?? null });
        } else {
          await changeGroupStatus(ctx, bodyId, { ...d, change: e.kind });
        }
      }
    } else {
      await reviseMandate(ctx, bodyId, { ...content, changeNote: v.changeNote ?? "" });
    }
  }
  return getMandate(ctx, bodyId);
}

async function loadAgreement(
  ctx: Ctx,
  a: DemoAgreement,
  ids: DemoGroupIds & { agreements: Map<string, number> },
  shift: (day: string) => string,
) {
  const created = await createAgreement(ctx, {
    title: a.title,
    kind: a.kind,
    theme: a.theme,
    summary: a.summary,
    ownerBodyId: must(ids.bodies, a.ownerKey, "forum"),
    contactName: a.contact.name,
    contactEmail: a.contact.email,
    partOfId: a.partOf ? must(ids.agreements, a.partOf, "aftale") : null,
    firstVersion: { label: a.hearing ? "Høringsudkast" : "Udkast", text: a.text },
  });
  ids.agreements.set(a.key, created.id);
  if (a.hearing) {
    const h = a.hearing;
    const started = await startHearing(ctx, created.id, {
      startsOn: shift(h.startsOn),
      endsOn: shift(h.endsOn),
      invitees: h.inviteeKeys.map((k) => ({ partyId: must(ids.parties, k, "part") })),
      ...(h.decision ? await decisionOf(ctx, h.decision, ids, shift) : {}),
    });
    const hearingId = started.hearings[0]?.id as number;
    for (const r of h.responses) {
      await addResponse(ctx, hearingId, {
        partyId: must(ids.parties, r.partyKey, "part"),
        receivedOn: shift(r.receivedOn),
        text: r.text,
        splitText: true,
      });
    }
    const remarks = (await getAgreement(ctx, created.id)).hearings[0]?.responses ?? [];
    const handlings = h.responses.flatMap((r) =>
      (r.handling ?? []).map((x, i) => ({ x, answer: r.answers?.[i] ?? "" })),
    );
    for (const [i, m] of remarks.flatMap((r) => r.remarks).entries()) {
      const hd = handlings[i];
      if (hd) {
        await updateRemark(ctx, m.id, { version: m.version, handling: hd.x, answer: hd.answer });
      }
    }
  }
  if (a.approval) {
    await approveAgreement(ctx, created.id, {
      bodyId: must(ids.bodies, a.approval.bodyKey, "forum"),
      ...(await decisionOf(ctx, a.approval.decision, ids, shift)),
      publishResponses: a.approval.publishResponses ?? true,
    });
  }
  for (const step of a.afterwards ?? []) {
    await moveAgreement(ctx, created.id, {
      to: step.to,
      ...(await decisionOf(ctx, step.decision, ids, shift)),
    });
  }
  if (a.minorRevision) {
    await addVersion(ctx, created.id, {
      label: a.minorRevision.label,
      track: "minor",
      changeNote: a.minorRevision.changeNote,
    });
    if (a.minorRevision.approval) {
      await approveAgreement(ctx, created.id, {
        bodyId: must(ids.bodies, "sss-formandskab", "forum"),
        ...(await decisionOf(ctx, a.minorRevision.approval, ids, shift)),
      });
    }
  }
}

/** Loads the demo's mandate versions and agreements through the services (after meetings and money). */
export async function loadDemoGroups(ctx: Ctx, ids: DemoGroupIds, shift: (day: string) => string) {
  for (const m of mandatesData) {
    await loadMandate(ctx, m, ids, shift);
  }
  const withAgreements = { ...ids, agreements: new Map<string, number>() };
  for (const a of agreementsData) {
    await loadAgreement(ctx, a, withAgreements, shift);
  }
  return { mandates: mandatesData.length, agreements: agreementsData.length };
}
