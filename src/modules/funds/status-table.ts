/**
 * The status table of a fund (income per party per year, key shares, grants per initiative per
 * party, total granted, remaining per party) as a pure function of the fund's rows: no database,
 * no clock, no floating point. Services load the rows; pages, CSV and XLSX render the result.
 */
import { sharePercent, splitLargestRemainder, sumOre } from "../../lib/money.ts";

export type KeyBasis = "income_all_years" | "income_year" | "decided";
export type GrantStatus = "pending" | "approved" | "rejected";

export interface TableParty {
  partyId: number;
  name: string;
  inKey: boolean;
  /** the decided weight when the key is set by decision */
  keyWeight: bigint | null;
}

export interface TableIncome {
  partyId: number;
  year: number;
  amountOre: bigint;
}

export interface TableGrant {
  id: number;
  title: string;
  initiativeId: number | null;
  status: GrantStatus;
  approvedOn: string | null;
  pendingUntil: string | null;
  /** the total as typed or imported; null when the total is simply the sum of the parts */
  declaredTotalOre: bigint | null;
  parts: { partyId: number; amountOre: bigint; byKey: boolean }[];
}

export interface TableCarryOver {
  id: number;
  fromYear: number;
  toYear: number;
  decidedOn: string;
  parts: { partyId: number; amountOre: bigint }[];
}

export interface FundKey {
  basis: KeyBasis;
  year: number | null;
}

/** Each key party's weight: its income (all years or one year) or the decided weight. */
export function keyWeights(key: FundKey, parties: TableParty[], income: TableIncome[]): Map<number, bigint> {
  const weights = new Map<number, bigint>();
  for (const p of parties.filter((x) => x.inKey)) {
    if (key.basis === "decided") {
      weights.set(p.partyId, p.keyWeight ?? 0n);
    } else {
      const rows = income.filter(
        (i) => i.partyId === p.partyId && (key.basis === "income_all_years" || i.year === key.year),
      );
      weights.set(p.partyId, sumOre(rows.map((r) => r.amountOre)));
    }
  }
  return weights;
}

/** Splits an amount by the key (largest remainder): party id → øre; the parts add up exactly. */
export function splitByKey(amountOre: bigint, weights: Map<number, bigint>): Map<number, bigint> {
  const ids = [...weights.keys()];
  const parts = splitLargestRemainder(
    amountOre,
    ids.map((id) => weights.get(id) as bigint),
  );
  return new Map(ids.map((id, i) => [id, parts[i] as bigint]));
}

export interface StatusRow {
  partyId: number;
  name: string;
  income: Map<number, bigint>;
  incomeTotal: bigint;
  /** the party's share of the key, "48,6"; null when the party is outside the key */
  share: string | null;
  grants: Map<number, bigint>;
  granted: bigint;
  carriedOver: bigint;
  remaining: bigint;
}

export interface StatusGrant extends TableGrant {
  totalOre: bigint;
  /** the parts do not add up to the declared total */
  mismatchOre: bigint | null;
}

export interface StatusTable {
  years: number[];
  rows: StatusRow[];
  totals: Omit<StatusRow, "partyId" | "name" | "share">;
  grants: StatusGrant[];
  carryOvers: TableCarryOver[];
  /** Danish descriptions of what does not add up (typed or imported tables) */
  problems: string[];
}

const add = (map: Map<number, bigint>, key: number, value: bigint) =>
  map.set(key, (map.get(key) ?? 0n) + value);

/**
 * Builds the table. Rejected grants are left out; pending and approved grants both reduce what
 * remains (money promised is not free). Carry-overs move money between years and do not change
 * what remains in total; they are listed for the record.
 */
export function buildStatusTable(input: {
  key: FundKey;
  parties: TableParty[];
  income: TableIncome[];
  grants: TableGrant[];
  carryOvers: TableCarryOver[];
  formatOre: (ore: bigint) => string;
}): StatusTable {
  const { parties, income } = input;
  const years = [...new Set(income.map((i) => i.year))].sort((a, b) => a - b);
  const weights = keyWeights(input.key, parties, income);
  const weightSum = sumOre(weights.values());
  const grants: StatusGrant[] = input.grants
    .filter((g) => g.status !== "rejected")
    .map((g) => {
      const totalOre = sumOre(g.parts.map((p) => p.amountOre));
      const mismatch =
        g.declaredTotalOre !== null && g.declaredTotalOre !== totalOre ? totalOre - g.declaredTotalOre : null;
      return { ...g, totalOre, mismatchOre: mismatch };
    });
  const problems = grants
    .filter((g) => g.mismatchOre !== null)
    .map(
      (g) =>
        `Bevillingen "${g.title}": delene summer til ${input.formatOre(g.totalOre)} kr., men totalen er ${input.formatOre(
          g.declaredTotalOre as bigint,
        )} kr. (forskel ${input.formatOre(g.mismatchOre as bigint)} kr.).`,
    );
  const known = new Set(parties.map((p) => p.partyId));
  for (const g of grants) {
    if (g.parts.some((p) => !known.has(p.partyId))) {
      problems.push(`Bevillingen "${g.title}" har en andel til en part, der ikke er med i puljen.`);
    }
  }
  const rows: StatusRow[] = parties.map((p) => {
    const inc = new Map<number, bigint>();
    for (const i of income.filter((x) => x.partyId === p.partyId)) {
      add(inc, i.year, i.amountOre);
    }
    const byGrant = new Map<number, bigint>();
    for (const g of grants) {
      for (const part of g.parts.filter((x) => x.partyId === p.partyId)) {
        add(byGrant, g.id, part.amountOre);
      }
    }
    const incomeTotal = sumOre(inc.values());
    const granted = sumOre(byGrant.values());
    const carriedOver = sumOre(
      input.carryOvers.flatMap((c) => c.parts.filter((x) => x.partyId === p.partyId).map((x) => x.amountOre)),
    );
    const weight = weights.get(p.partyId);
    return {
      partyId: p.partyId,
      name: p.name,
      income: inc,
      incomeTotal,
      share: weight !== undefined ? sharePercent(weight, weightSum) : null,
      grants: byGrant,
      granted,
      carriedOver,
      remaining: incomeTotal - granted,
    };
  });
  const totalsIncome = new Map<number, bigint>(
    years.map((y) => [y, sumOre(rows.map((r) => r.income.get(y) ?? 0n))]),
  );
  const totalsGrants = new Map<number, bigint>(grants.map((g) => [g.id, g.totalOre]));
  const totals = {
    income: totalsIncome,
    incomeTotal: sumOre(rows.map((r) => r.incomeTotal)),
    grants: totalsGrants,
    granted: sumOre(grants.map((g) => g.totalOre)),
    carriedOver: sumOre(rows.map((r) => r.carriedOver)),
    remaining: 0n,
  };
  totals.remaining = totals.incomeTotal - totals.granted;
  return { years, rows, totals, grants, carryOvers: input.carryOvers, problems };
}

/**
 * A grant's parts from explicit amounts and an amount to split by the key. Explicit amounts win
 * for a party named in both (the key part is then split among the other key parties).
 */
export function grantParts(
  explicit: { partyId: number; amountOre: bigint }[],
  keyAmountOre: bigint | null,
  weights: Map<number, bigint>,
): { partyId: number; amountOre: bigint; byKey: boolean }[] {
  const parts = explicit.map((p) => ({ ...p, byKey: false }));
  if (keyAmountOre !== null && keyAmountOre !== 0n) {
    const named = new Set(explicit.map((p) => p.partyId));
    const keyed = new Map([...weights].filter(([id]) => !named.has(id)));
    for (const [partyId, amountOre] of splitByKey(keyAmountOre, keyed)) {
      parts.push({ partyId, amountOre, byKey: true });
    }
  }
  return parts;
}
