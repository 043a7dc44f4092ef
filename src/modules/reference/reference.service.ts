import { and, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Ctx } from "../../server/context.ts";
import { AppError } from "../../server/errors.ts";
import { authorize, isPrivileged, todayInDenmark } from "../auth/index.ts";
import { parties } from "../parties/index.ts";
import { consistencyProblems, inPeriod } from "./reference.checks.ts";
import type { AreaRow, MembershipRow, ReferenceData, RowProblem } from "./reference.data.ts";
import { referenceAreas, referenceMemberships } from "./reference.tables.ts";

export interface LoadResult {
  areas: { created: number; updated: number };
  memberships: { created: number; updated: number };
  parties: { created: number; updated: number };
}

const key = (kind: string, code: string) => `${kind}:${code}`;

/** The reference data as stored (areas and memberships by codes). */
export async function getReferenceData({ db }: Ctx): Promise<ReferenceData> {
  const areaRows = await db.select().from(referenceAreas).orderBy(referenceAreas.kind, referenceAreas.code);
  const parent = alias(referenceAreas, "parent");
  const child = alias(referenceAreas, "child");
  const memberRows = await db
    .select({
      kind: child.kind,
      code: child.code,
      parentKind: parent.kind,
      parentCode: parent.code,
      validFrom: referenceMemberships.validFrom,
      validTo: referenceMemberships.validTo,
      source: referenceMemberships.source,
    })
    .from(referenceMemberships)
    .innerJoin(child, eq(child.id, referenceMemberships.areaId))
    .innerJoin(parent, eq(parent.id, referenceMemberships.parentId));
  return {
    areas: areaRows.map((a) => ({
      kind: a.kind,
      code: a.code,
      name: a.name,
      validFrom: a.validFrom,
      validTo: a.validTo,
      source: a.source,
    })),
    memberships: memberRows,
  };
}

/** Merges incoming rows over the stored ones by their keys (what the data will be after a load). */
function merged(stored: ReferenceData, incoming: ReferenceData): ReferenceData {
  const areas = new Map<string, AreaRow>(stored.areas.map((a) => [key(a.kind, a.code), a]));
  for (const a of incoming.areas) {
    areas.set(key(a.kind, a.code), a);
  }
  const mkey = (m: MembershipRow) =>
    `${key(m.kind, m.code)}>${key(m.parentKind, m.parentCode)}@${m.validFrom}`;
  const memberships = new Map(stored.memberships.map((m) => [mkey(m), m]));
  for (const m of incoming.memberships) {
    memberships.set(mkey(m), m);
  }
  return { areas: [...areas.values()], memberships: [...memberships.values()] };
}

/**
 * Loads reference data (the shipped files or an admin's CSV) in one transaction, all or nothing:
 * areas and memberships are inserted or updated by their keys, and the regions and municipalities
 * become parties (matched by official code, then by name), so the pickers offer them. Loading the
 * same data twice changes nothing.
 */
export async function loadReference(ctx: Ctx, input: ReferenceData): Promise<LoadResult> {
  authorize(ctx.actor, isPrivileged(ctx.actor), "Kun administratorer kan indlæse referencedata.");
  return ctx.db.transaction(async (tx) => {
    const after = merged(await getReferenceData({ db: tx, actor: ctx.actor }), input);
    const known = new Set(after.areas.map((a) => key(a.kind, a.code)));
    const problems: RowProblem[] = [];
    input.memberships.forEach((m, i) => {
      for (const [k, c] of [
        [m.kind, m.code],
        [m.parentKind, m.parentCode],
      ] as const) {
        if (!known.has(key(k, c))) {
          problems.push({ file: "memberships", line: i + 2, message: `Området ${k} ${c} findes ikke.` });
        }
      }
    });
    for (const message of consistencyProblems(after)) {
      problems.push({ file: "memberships", line: 0, message });
    }
    if (problems.length > 0) {
      throw new AppError(
        "validation_failed",
        `Referencedata blev ikke indlæst: ${problems.length} problem(er).`,
        problems.slice(0, 200).map((p) => ({ path: `${p.file}:${p.line}`, message: p.message })),
      );
    }
    const result: LoadResult = {
      areas: { created: 0, updated: 0 },
      memberships: { created: 0, updated: 0 },
      parties: { created: 0, updated: 0 },
    };
    const ids = new Map<string, number>();
    const stored = await tx.select().from(referenceAreas);
    const storedByKey = new Map(stored.map((s) => [key(s.kind, s.code), s]));
    for (const a of input.areas) {
      const s = storedByKey.get(key(a.kind, a.code));
      if (!s) {
        const [row] = await tx.insert(referenceAreas).values(a).returning({ id: referenceAreas.id });
        ids.set(key(a.kind, a.code), (row as { id: number }).id);
        result.areas.created++;
        continue;
      }
      ids.set(key(a.kind, a.code), s.id);
      if (
        s.name !== a.name ||
        s.validFrom !== a.validFrom ||
        s.validTo !== a.validTo ||
        s.source !== a.source
      ) {
        await tx
          .update(referenceAreas)
          .set({
            name: a.name,
            validFrom: a.validFrom,
            validTo: a.validTo,
            source: a.source,
            version: s.version + 1,
            updatedAt: new Date(),
          })
          .where(eq(referenceAreas.id, s.id));
        result.areas.updated++;
      }
    }
    for (const s of stored) {
      if (!ids.has(key(s.kind, s.code))) {
        ids.set(key(s.kind, s.code), s.id);
      }
    }
    for (const m of input.memberships) {
      const values = {
        areaId: ids.get(key(m.kind, m.code)) as number,
        parentId: ids.get(key(m.parentKind, m.parentCode)) as number,
        validFrom: m.validFrom,
        validTo: m.validTo,
        source: m.source,
      };
      const existing = await tx
        .select({
          id: referenceMemberships.id,
          validTo: referenceMemberships.validTo,
          source: referenceMemberships.source,
        })
        .from(referenceMemberships)
        .where(
          and(
            eq(referenceMemberships.areaId, values.areaId),
            eq(referenceMemberships.parentId, values.parentId),
            values.validFrom === null
              ? sql`${referenceMemberships.validFrom} is null`
              : eq(referenceMemberships.validFrom, values.validFrom),
          ),
        );
      const found = existing[0];
      if (found && found.validTo === values.validTo && found.source === values.source) {
        continue;
      }
      if (found) {
        await tx
          .update(referenceMemberships)
          .set({ validTo: values.validTo, source: values.source, updatedAt: new Date() })
          .where(eq(referenceMemberships.id, found.id));
        result.memberships.updated++;
      } else {
        await tx.insert(referenceMemberships).values(values);
        result.memberships.created++;
      }
    }
    result.parties = await syncParties(tx, after);
    return result;
  });
}

type Tx = Parameters<Parameters<Ctx["db"]["transaction"]>[0]>[0];

/** Regions and municipalities of the reference data become parties (with code, period and region). */
async function syncParties(tx: Tx, data: ReferenceData): Promise<LoadResult["parties"]> {
  const today = todayInDenmark();
  const out = { created: 0, updated: 0 };
  const regionName = new Map(data.areas.filter((a) => a.kind === "region").map((a) => [a.code, a.name]));
  const regionOf = new Map<string, string>();
  for (const m of data.memberships) {
    if (m.kind === "municipality" && m.parentKind === "region" && inPeriod(today, m.validFrom, m.validTo)) {
      regionOf.set(m.code, regionName.get(m.parentCode) ?? "");
    }
  }
  for (const a of data.areas) {
    // Only real areas become parties; the demo's fictional areas (source "demo") belong to its own parties.
    if ((a.kind !== "region" && a.kind !== "municipality") || a.source === "demo") {
      continue;
    }
    const official = /^\d+$/.test(a.code) ? a.code : null;
    const values = {
      type: a.kind,
      name: a.name,
      code: official,
      validFrom: a.validFrom,
      validTo: a.validTo,
      region: a.kind === "region" ? a.name : (regionOf.get(a.code) ?? null),
      municipalityCode: a.kind === "municipality" && official && official.length <= 3 ? official : null,
    };
    const [byCode] = official
      ? await tx
          .select()
          .from(parties)
          .where(and(eq(parties.type, a.kind), eq(parties.code, official)))
      : [];
    const [byName] = byCode ? [byCode] : await tx.select().from(parties).where(eq(parties.name, a.name));
    if (!byName) {
      await tx.insert(parties).values(values);
      out.created++;
      continue;
    }
    const same =
      byName.type === values.type &&
      byName.name === values.name &&
      byName.code === values.code &&
      byName.validFrom === values.validFrom &&
      byName.validTo === values.validTo &&
      byName.region === values.region &&
      byName.municipalityCode === values.municipalityCode;
    if (!same) {
      await tx
        .update(parties)
        .set({ ...values, version: sql`${parties.version} + 1`, updatedAt: new Date() })
        .where(eq(parties.id, byName.id));
      out.updated++;
    }
  }
  return out;
}
