import { and, eq, gte, inArray, isNotNull, isNull, notInArray, or, sql } from "drizzle-orm";
import { t } from "../../web/i18n.ts";
import { actions } from "../actions/index.ts";
import { agreements, hearings } from "../agreements/index.ts";
import { bodies } from "../bodies/index.ts";
import { cases, consultations } from "../cases/index.ts";
import { grantParts, grants } from "../funds/index.ts";
import { initiativeParties, initiatives } from "../initiatives/index.ts";
import { mandateVersions } from "../mandates/index.ts";
import { meetings } from "../meetings/index.ts";
import { parties } from "../parties/index.ts";
import { memberships, persons } from "../people/index.ts";
import { savedSearches } from "../search/index.ts";
import { planFunds } from "./plan.funds.ts";
import { type Plan, short } from "./plan.types.ts";

/** "medlem", "formand" …: the preview's labels are Danish, as the rest of the plan's text. */
const roleName = (role: (typeof memberships.$inferSelect)["role"]) => t("da", `role.${role}`).toLowerCase();

type BodyRow = typeof bodies.$inferSelect;

/** Follow-ups still open, owned by the body or due at its next meeting, with their owners. */
async function planActions(p: Plan, from: BodyRow, to: BodyRow | null) {
  const rows = await p.db
    .select({ a: actions, owner: persons.name })
    .from(actions)
    .leftJoin(persons, eq(persons.id, actions.ownerPersonId))
    .where(and(eq(actions.status, "open"), or(eq(actions.bodyId, from.id), eq(actions.dueBodyId, from.id))))
    .orderBy(actions.id);
  for (const { a, owner } of rows) {
    const detail = owner ?? a.ownerText ?? null;
    if (!to) {
      p.stay("actions", short(a.text), "no_successor");
      continue;
    }
    if (a.bodyId === from.id) {
      p.move("actions", "action", a.id, "body_id", from.id, to.id, short(a.text), detail);
    }
    if (a.dueBodyId === from.id) {
      p.move("actions", "action", a.id, "due_body_id", from.id, to.id, short(a.text), detail);
    }
  }
}

/** Cases waiting for the body's next meeting, and cases referred to it that it has not handled yet. */
async function planCases(p: Plan, from: BodyRow, to: BodyRow | null) {
  const waiting = await p.db
    .select()
    .from(cases)
    .where(
      or(
        eq(cases.awaitingBodyId, from.id),
        and(eq(cases.decidingBodyId, from.id), isNotNull(cases.awaitingBodyId)),
      ),
    )
    .orderBy(cases.id);
  const moved = new Set<number>();
  for (const c of waiting) {
    if (!to) {
      p.stay("cases", short(c.title), "no_successor");
      continue;
    }
    moved.add(c.id);
    if (c.awaitingBodyId === from.id) {
      p.move("cases", "case", c.id, "awaiting_body_id", from.id, to.id, short(c.title), null);
    }
    if (c.decidingBodyId === from.id) {
      p.move("cases", "case", c.id, "deciding_body_id", from.id, to.id, short(c.title), null);
    }
  }
  // A referral ("indstilles til") is open while the body has not had the case on a later agenda.
  const referred = await p.db
    .select({ c: cases, on: consultations.meetingDate })
    .from(consultations)
    .innerJoin(cases, eq(cases.id, consultations.caseId))
    .where(
      and(
        eq(consultations.targetBodyId, from.id),
        sql`not exists (select 1 from ${consultations} later where later.case_id = ${consultations.caseId}
          and later.body_id = ${from.id} and later.meeting_date >= ${consultations.meetingDate})`,
      ),
    )
    .orderBy(cases.id);
  for (const { c, on } of referred) {
    if (moved.has(c.id)) {
      continue;
    }
    moved.add(c.id);
    if (!to) {
      p.stay("referrals", short(c.title), "no_successor");
    } else if (c.awaitingBodyId === null) {
      p.move("referrals", "case", c.id, "awaiting_body_id", null, to.id, short(c.title), on);
    } else {
      p.stay("referrals", short(c.title), "already_waiting");
    }
  }
}

/** Initiatives the body owns that are not finished, with their parties. */
async function planInitiatives(p: Plan, from: BodyRow, to: BodyRow | null) {
  const rows = await p.db
    .select()
    .from(initiatives)
    .where(eq(initiatives.ownerBodyId, from.id))
    .orderBy(initiatives.id);
  for (const i of rows) {
    const finished = i.phase === "anchored" || i.phase === "stopped";
    if (!to || finished) {
      p.stay("initiatives", short(i.title), finished ? "finished" : "no_successor");
      continue;
    }
    const names = await p.db
      .select({ name: parties.name })
      .from(initiativeParties)
      .innerJoin(parties, eq(parties.id, initiativeParties.partyId))
      .where(eq(initiativeParties.initiativeId, i.id))
      .orderBy(parties.name);
    p.move(
      "initiatives",
      "initiative",
      i.id,
      "owner_body_id",
      from.id,
      to.id,
      short(i.title),
      names.map((n) => n.name).join(", ") || null,
    );
  }
}

/** Agreements the body owns that are not replaced, and hearings under way (they follow their agreement). */
async function planAgreements(p: Plan, from: BodyRow, to: BodyRow | null) {
  const rows = await p.db
    .select()
    .from(agreements)
    .where(eq(agreements.ownerBodyId, from.id))
    .orderBy(agreements.id);
  for (const a of rows) {
    if (!to || a.status === "replaced") {
      p.stay("agreements", short(a.title), a.status === "replaced" ? "replaced" : "no_successor");
      continue;
    }
    p.move("agreements", "agreement", a.id, "owner_body_id", from.id, to.id, short(a.title), a.status);
    const open = await p.db
      .select()
      .from(hearings)
      .where(and(eq(hearings.agreementId, a.id), isNull(hearings.closedOn)));
    for (const h of open) {
      p.follow(
        "hearings",
        `${short(a.title)} (${h.startsOn}–${h.endsOn})`,
        "follows_agreement",
        to.name,
        `agreement:${a.id}`,
      );
    }
  }
}

/** Pending grants the body was to approve; approved grants are history and stay. */
async function planGrants(p: Plan, from: BodyRow, to: BodyRow | null) {
  const rows = await p.db
    .select({
      g: grants,
      total: sql<string>`coalesce((select sum(${grantParts.amountOre}) from ${grantParts} where ${grantParts.grantId} = ${grants.id}), 0)::text`,
    })
    .from(grants)
    .where(and(eq(grants.approvedByBodyId, from.id), eq(grants.status, "pending")))
    .orderBy(grants.id);
  for (const { g, total } of rows) {
    const label = `${short(g.title)} (${p.kroner(BigInt(total))})`;
    if (!to) {
      p.stay("grants", label, "no_successor");
    } else {
      p.move("grants", "grant", g.id, "approved_by_body_id", from.id, to.id, label, g.pendingUntil);
    }
  }
}

/** Working groups under the body and their current mandates; the body's own mandate ends with it. */
async function planGroups(p: Plan, from: BodyRow, to: BodyRow | null) {
  const groups = await p.db
    .select()
    .from(bodies)
    .where(
      and(eq(bodies.reportsToId, from.id), or(isNull(bodies.validTo), gte(bodies.validTo, p.effectiveDate))),
    )
    .orderBy(bodies.id);
  const closing = new Set(p.closingBodyIds);
  for (const g of groups) {
    if (closing.has(g.id)) {
      continue;
    }
    if (!to) {
      p.stay("groups", g.name, "no_successor");
      continue;
    }
    p.move("groups", "body", g.id, "reports_to_id", from.id, to.id, g.name, null);
    const [current] = await p.db
      .select()
      .from(mandateVersions)
      .where(eq(mandateVersions.bodyId, g.id))
      .orderBy(sql`${mandateVersions.number} desc`)
      .limit(1);
    if (current?.reportsToId === from.id) {
      p.move(
        "mandates",
        "mandate_version",
        current.id,
        "reports_to_id",
        from.id,
        to.id,
        `${g.name} v${current.number}`,
        null,
        `body:${g.id}`,
      );
    }
    if (current?.approverBodyId === from.id) {
      p.move(
        "mandates",
        "mandate_version",
        current.id,
        "approver_body_id",
        from.id,
        to.id,
        `${g.name} v${current.number}`,
        null,
        `body:${g.id}`,
      );
    }
  }
  if (from.mandatePurpose) {
    p.stay("mandates", from.name, "mandate_ends");
  }
}

/** Planned meetings on or after the effective date go to the receiver; what was held stays. */
async function planMeetings(p: Plan, from: BodyRow, to: BodyRow | null) {
  const rows = await p.db
    .select()
    .from(meetings)
    .where(
      and(
        eq(meetings.bodyId, from.id),
        sql`${meetings.start} >= (${p.effectiveDate}::date)::timestamp at time zone 'Europe/Copenhagen'`,
      ),
    )
    .orderBy(meetings.start);
  for (const m of rows) {
    const label = `${from.name} ${p.localDay(m.start)}`;
    if (!to || m.cancelled || !["planned", "agenda_published"].includes(m.status)) {
      p.stay("meetings", label, !to ? "no_successor" : "not_planned");
    } else {
      p.move("meetings", "meeting", m.id, "body_id", from.id, to.id, label, m.status);
    }
  }
}

/** Memberships end on the last day; the people keep their other memberships. */
async function planMemberships(p: Plan, from: BodyRow) {
  const rows = await p.db
    .select({ m: memberships, name: persons.name })
    .from(memberships)
    .innerJoin(persons, eq(persons.id, memberships.personId))
    .where(
      and(eq(memberships.bodyId, from.id), or(isNull(memberships.to), gte(memberships.to, p.effectiveDate))),
    )
    .orderBy(persons.name);
  for (const { m, name } of rows) {
    if (m.from && m.from > p.lastDay) {
      p.stay("memberships", `${name} (${roleName(m.role)})`, "starts_later");
      continue;
    }
    p.move(
      "memberships",
      "membership",
      m.id,
      "to_date",
      m.to,
      p.lastDay,
      `${name} (${roleName(m.role)})`,
      from.name,
    );
    p.endingMemberships.push({ id: m.id, personId: m.personId });
  }
}

/** Saved searches filtered on the body follow the receiver. */
async function planSavedSearches(p: Plan, from: BodyRow, to: BodyRow | null) {
  const rows = await p.db
    .select()
    .from(savedSearches)
    .where(sql`(${savedSearches.filters}->>'bodyId') = ${String(from.id)}`)
    .orderBy(savedSearches.id);
  for (const s of rows) {
    if (!to) {
      p.stay("savedSearches", s.name, "no_successor");
    } else {
      p.move("savedSearches", "saved_search", s.id, "filters.bodyId", from.id, to.id, s.name, null);
    }
  }
}

/** Everything that moves from (or ends with) one body, in the order the preview shows it. */
export async function planBody(p: Plan, from: BodyRow, to: BodyRow | null) {
  p.move("structure", "body", from.id, "valid_to", from.validTo, p.lastDay, from.name, null);
  await planActions(p, from, to);
  await planCases(p, from, to);
  await planInitiatives(p, from, to);
  await planFunds(p, from, to);
  await planGrants(p, from, to);
  await planAgreements(p, from, to);
  await planGroups(p, from, to);
  await planMeetings(p, from, to);
  await planMemberships(p, from);
  await planSavedSearches(p, from, to);
}

/** People whose every membership ends with this change: they sit in no body afterwards. */
export async function peopleWithoutBody(p: Plan) {
  const ending = p.endingMemberships.map((m) => m.id);
  const personIds = [...new Set(p.endingMemberships.map((m) => m.personId))];
  if (personIds.length === 0) {
    return [];
  }
  const still = await p.db
    .select({ personId: memberships.personId })
    .from(memberships)
    .where(
      and(
        inArray(memberships.personId, personIds),
        notInArray(memberships.id, ending),
        or(isNull(memberships.to), gte(memberships.to, p.effectiveDate)),
      ),
    );
  const kept = new Set(still.map((r) => r.personId));
  const left = personIds.filter((id) => !kept.has(id));
  if (left.length === 0) {
    return [];
  }
  return p.db
    .select({ id: persons.id, name: persons.name })
    .from(persons)
    .where(inArray(persons.id, left))
    .orderBy(persons.name);
}
