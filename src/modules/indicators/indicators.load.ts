import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Ctx } from "../../server/context.ts";
import { AppError } from "../../server/errors.ts";
import { asAuditedBulk } from "../audit/index.ts";
import { authorize } from "../auth/index.ts";
import { AREA_KINDS, type AreaKind, referenceAreas } from "../reference/index.ts";
import { formatDecimal, parseDecimal } from "./decimal.ts";
import { canLoadIndicators } from "./indicators.access.ts";
import { DEFINITION_COLUMNS, type Sheet, VALUE_COLUMNS } from "./indicators.file.ts";
import { type TIndicatorDefinition, ZIndicatorDefinition } from "./indicators.schemas.ts";
import { indicatorLoads, indicators, indicatorValues } from "./indicators.tables.ts";
import { parsePeriod } from "./periods.ts";

export interface RefusedRow {
  line: number;
  message: string;
}

function refuse(what: string, problems: RefusedRow[]): never {
  throw new AppError(
    "validation_failed",
    `${what}: intet blev indlæst, ${problems.length} række(r) afvist.`,
    problems.map((p) => ({ path: `linje ${p.line}`, message: p.message })),
  );
}

const cell = (sheet: Sheet, cells: string[], name: string) => {
  const i = sheet.header.indexOf(name);
  return i < 0 ? "" : (cells[i] ?? "").trim();
};

/** Defines or updates indicators from a definitions sheet (by code), all or nothing. */
export async function defineIndicators(
  ctx: Ctx,
  sheet: Sheet,
): Promise<{ created: number; updated: number }> {
  authorize(
    ctx.actor,
    canLoadIndicators(ctx.actor),
    "Kun sekretariater og administratorer kan definere indikatorer.",
  );
  const missing = DEFINITION_COLUMNS.filter((c) => !sheet.header.includes(c));
  if (missing.length > 0) {
    refuse("Definitionerne", [{ line: 1, message: `Kolonnerne mangler: ${missing.join(", ")}.` }]);
  }
  const problems: RefusedRow[] = [];
  const defs: TIndicatorDefinition[] = [];
  for (const r of sheet.rows) {
    const get = (n: string) => cell(sheet, r.cells, n);
    const parsed = ZIndicatorDefinition.safeParse({
      code: get("code"),
      name: get("name"),
      definition: get("definition"),
      unit: get("unit"),
      direction: get("direction"),
      source: get("source"),
      sourceUrl: get("source_url") || null,
      rhythm: get("rhythm"),
      aggregation: get("aggregation") || "sum",
      internal: /^(ja|yes|true|1)$/i.test(get("internal")),
      fictional: /^(ja|yes|true|1)$/i.test(get("fictional")),
    });
    if (parsed.success) {
      defs.push(parsed.data);
    } else {
      const issue = parsed.error.issues[0];
      problems.push({ line: r.line, message: `${issue?.path.join(".")}: ${issue?.message}` });
    }
  }
  if (problems.length > 0) {
    refuse("Definitionerne", problems);
  }
  return saveDefinitions(ctx, defs);
}

/** Inserts or updates indicator definitions by code (the caller checked the right). */
export async function saveDefinitions(ctx: Ctx, defs: TIndicatorDefinition[]) {
  let created = 0;
  let updated = 0;
  for (const d of defs) {
    const [row] = await ctx.db
      .insert(indicators)
      .values(d)
      .onConflictDoUpdate({
        target: indicators.code,
        set: { ...d, updatedAt: new Date(), version: sql`${indicators.version} + 1` },
      })
      .returning({ created: sql<boolean>`xmax = 0` });
    if (row?.created) {
      created++;
    } else {
      updated++;
    }
  }
  return { created, updated };
}

interface NewValue {
  indicatorId: number;
  areaKind: AreaKind;
  areaCode: string;
  period: string;
  periodStart: string;
  value: string;
  numerator: string | null;
  denominator: string | null;
}

/** Checks every row of a values sheet; returns the values, or throws with every refused row. */
async function checkValues(ctx: Ctx, sheet: Sheet): Promise<NewValue[]> {
  const missing = VALUE_COLUMNS.filter((c) => !sheet.header.includes(c));
  if (missing.length > 0) {
    refuse("Filen", [{ line: 1, message: `Kolonnerne mangler: ${missing.join(", ")}.` }]);
  }
  const defs = new Map(
    (
      await ctx.db
        .select({ id: indicators.id, code: indicators.code, rhythm: indicators.rhythm })
        .from(indicators)
    ).map((d) => [d.code, d]),
  );
  const areas = await ctx.db
    .select({ kind: referenceAreas.kind, code: referenceAreas.code })
    .from(referenceAreas);
  const kindsOf = new Map<string, AreaKind[]>();
  for (const a of areas) {
    kindsOf.set(a.code, [...(kindsOf.get(a.code) ?? []), a.kind]);
  }
  const problems: RefusedRow[] = [];
  const seen = new Set<string>();
  const out: NewValue[] = [];
  for (const r of sheet.rows) {
    const get = (n: string) => cell(sheet, r.cells, n);
    const bad = (message: string) => problems.push({ line: r.line, message });
    const def = defs.get(get("indicator"));
    if (!def) {
      bad(`Ukendt indikator «${get("indicator")}».`);
      continue;
    }
    const code = get("area_code").replace(/^0+(?=\d)/, "");
    const givenKind = get("area_kind");
    const kinds = kindsOf.get(code) ?? [];
    let kind: AreaKind | undefined;
    if (givenKind) {
      if (!(AREA_KINDS as readonly string[]).includes(givenKind)) {
        bad(`Ukendt områdetype «${givenKind}».`);
        continue;
      }
      kind = kinds.includes(givenKind as AreaKind) ? (givenKind as AreaKind) : undefined;
    } else {
      kind = kinds.length === 1 ? kinds[0] : undefined;
      if (kinds.length > 1) {
        bad(`Områdekoden «${code}» findes for flere typer; angiv area_kind.`);
        continue;
      }
    }
    if (!kind) {
      bad(`Ukendt områdekode «${get("area_code")}».`);
      continue;
    }
    const period = parsePeriod(get("period"));
    if (!period) {
      bad(`Ugyldig periode «${get("period")}» (brug 2025, 2025-Q1 eller 2025-03).`);
      continue;
    }
    if (period.rhythm !== def.rhythm) {
      bad(`Perioden «${get("period")}» passer ikke til indikatorens rytme (${def.rhythm}).`);
      continue;
    }
    const value = parseDecimal(get("value"));
    if (value === null) {
      bad(`Værdien «${get("value")}» er ikke et tal.`);
      continue;
    }
    const num = get("numerator") ? parseDecimal(get("numerator")) : null;
    const den = get("denominator") ? parseDecimal(get("denominator")) : null;
    if ((get("numerator") && num === null) || (get("denominator") && den === null)) {
      bad("Tæller eller nævner er ikke et tal.");
      continue;
    }
    const key = `${def.id}|${kind}|${code}|${period.period}`;
    if (seen.has(key)) {
      bad(`Værdien for ${get("indicator")}, ${code}, ${period.period} står to gange i filen.`);
      continue;
    }
    seen.add(key);
    out.push({
      indicatorId: def.id,
      areaKind: kind,
      areaCode: code,
      period: period.period,
      periodStart: period.start,
      value: formatDecimal(value),
      numerator: num === null ? null : formatDecimal(num),
      denominator: den === null ? null : formatDecimal(den),
    });
  }
  if (problems.length > 0) {
    refuse("Filen", problems);
  }
  if (out.length === 0) {
    refuse("Filen", [{ line: 1, message: "Filen har ingen værdier." }]);
  }
  return out;
}

/**
 * Loads a values sheet in one transaction, all or nothing: every row is checked first and every
 * refused row reported (unknown indicator or area, bad period, not a number, twice in the file);
 * values already there for the same indicator, area and period are kept as history (superseded by
 * this load), not overwritten. Audited as one entry.
 */
export async function loadIndicatorValues(
  ctx: Ctx,
  input: { fileName: string; format: string; sheet: Sheet },
): Promise<{ loadId: number; rows: number; superseded: number }> {
  authorize(
    ctx.actor,
    canLoadIndicators(ctx.actor),
    "Kun sekretariater og administratorer kan indlæse indikatorer.",
  );
  const values = await checkValues(ctx, input.sheet);
  return ctx.db.transaction((tx) =>
    asAuditedBulk(
      tx,
      {
        tableName: "indicator_values",
        action: "load",
        detail: { file: input.fileName, rows: values.length },
      },
      async () => {
        const [load] = await tx
          .insert(indicatorLoads)
          .values({
            fileName: input.fileName.slice(0, 300),
            format: input.format,
            rows: values.length,
            loadedBy: ctx.actor.name ?? "system",
          })
          .returning({ id: indicatorLoads.id });
        const loadId = (load as { id: number }).id;
        let superseded = 0;
        for (let i = 0; i < values.length; i += 2000) {
          const chunk = values.slice(i, i + 2000);
          const res = await tx.execute(sql`
            update indicator_values v set superseded_by = ${loadId}
            from (select * from unnest(
              ${`{${chunk.map((c) => c.indicatorId).join(",")}}`}::int[],
              ${`{${chunk.map((c) => c.areaKind).join(",")}}`}::reference_area_kind[],
              ${`{${chunk.map((c) => `"${c.areaCode}"`).join(",")}}`}::text[],
              ${`{${chunk.map((c) => c.period).join(",")}}`}::text[]
            ) as n(indicator_id, area_kind, area_code, period)) n
            where v.superseded_by is null and v.indicator_id = n.indicator_id
              and v.area_kind = n.area_kind and v.area_code = n.area_code and v.period = n.period`);
          superseded += Number(
            (res as { rowCount?: number; affectedRows?: number }).rowCount ??
              (res as { affectedRows?: number }).affectedRows ??
              0,
          );
          await tx.insert(indicatorValues).values(chunk.map((c) => ({ ...c, loadId })));
        }
        return { loadId, rows: values.length, superseded };
      },
    ),
  );
}

/** The ids of indicators by code (unchecked: for the demo loader and tests). */
export async function indicatorIdsUnchecked(ctx: Ctx, codes: string[]) {
  const rows = await ctx.db
    .select({ id: indicators.id, code: indicators.code })
    .from(indicators)
    .where(codes.length ? inArray(indicators.code, codes) : undefined);
  return new Map(rows.map((r) => [r.code, r.id]));
}

/** How many values of an indicator are current and how many are history. */
export async function countValues(ctx: Ctx, indicatorId: number) {
  const [current] = await ctx.db
    .select({ n: sql<number>`count(*)::int` })
    .from(indicatorValues)
    .where(and(eq(indicatorValues.indicatorId, indicatorId), isNull(indicatorValues.supersededBy)));
  const [all] = await ctx.db
    .select({ n: sql<number>`count(*)::int` })
    .from(indicatorValues)
    .where(eq(indicatorValues.indicatorId, indicatorId));
  return { current: current?.n ?? 0, history: (all?.n ?? 0) - (current?.n ?? 0) };
}
