import { and, eq, gte, isNull, notInArray, or, sql } from "drizzle-orm";
import { fundParties, funds } from "../funds/index.ts";
import { initiativeParties, initiatives } from "../initiatives/index.ts";
import type { parties } from "../parties/index.ts";
import { memberships, persons } from "../people/index.ts";
import { savedSearches } from "../search/index.ts";
import { fundRemaining } from "./plan.funds.ts";
import { type Plan, short } from "./plan.types.ts";

type PartyRow = typeof parties.$inferSelect;

/**
 * Everything that moves from one party (e.g. a region merged into another): the people who represent
 * it, its place in initiatives under way, saved searches. Its money in a fund is recorded per party
 * and year and stays on its row, so nothing is created or lost; the preview says so per fund.
 */
export async function planParty(p: Plan, from: PartyRow, to: PartyRow | null) {
  p.move("structure", "party", from.id, "valid_to", from.validTo, p.lastDay, from.name, null);
  const reps = await p.db
    .select({ m: memberships, name: persons.name })
    .from(memberships)
    .innerJoin(persons, eq(persons.id, memberships.personId))
    .where(
      and(eq(memberships.partyId, from.id), or(isNull(memberships.to), gte(memberships.to, p.effectiveDate))),
    )
    .orderBy(persons.name);
  for (const { m, name } of reps) {
    if (!to) {
      p.stay("representatives", name, "no_successor");
    } else {
      p.move("representatives", "membership", m.id, "party_id", from.id, to.id, name, null);
    }
  }
  const inits = await p.db
    .select({ ip: initiativeParties, title: initiatives.title })
    .from(initiativeParties)
    .innerJoin(initiatives, eq(initiatives.id, initiativeParties.initiativeId))
    .where(
      and(eq(initiativeParties.partyId, from.id), notInArray(initiatives.phase, ["anchored", "stopped"])),
    )
    .orderBy(initiatives.id);
  for (const { ip, title } of inits) {
    if (!to) {
      p.stay("initiatives", short(title), "no_successor");
      continue;
    }
    const [already] = await p.db
      .select({ id: initiativeParties.id })
      .from(initiativeParties)
      .where(and(eq(initiativeParties.initiativeId, ip.initiativeId), eq(initiativeParties.partyId, to.id)));
    if (already) {
      p.stay("initiatives", short(title), "successor_already_party");
    } else {
      p.move("initiatives", "initiative_party", ip.id, "party_id", from.id, to.id, short(title), null);
    }
  }
  const inFunds = await p.db
    .select({ fundId: fundParties.fundId, name: funds.name })
    .from(fundParties)
    .innerJoin(funds, eq(funds.id, fundParties.fundId))
    .where(eq(fundParties.partyId, from.id))
    .orderBy(funds.id);
  for (const f of inFunds) {
    p.stay("funds", `${f.name} (${p.kroner(await fundRemaining(p, f.fundId))})`, "party_money_stays");
  }
  const saved = await p.db
    .select()
    .from(savedSearches)
    .where(sql`(${savedSearches.filters}->>'partyId') = ${String(from.id)}`)
    .orderBy(savedSearches.id);
  for (const s of saved) {
    if (to) {
      p.move("savedSearches", "saved_search", s.id, "filters.partyId", from.id, to.id, s.name, null);
    } else {
      p.stay("savedSearches", s.name, "no_successor");
    }
  }
}
