import { readFileSync } from "node:fs";
import { CsvError, parseCsv, rowObject } from "./csv.ts";
import { AREA_KINDS, type AreaKind } from "./reference.tables.ts";

/** One area as in areas.csv: kind,code,name,valid_from,valid_to,source */
export interface AreaRow {
  kind: AreaKind;
  code: string;
  name: string;
  validFrom: string | null;
  validTo: string | null;
  source: string;
}

/** One membership as in memberships.csv: kind,code,parent_kind,parent_code,valid_from,valid_to,source */
export interface MembershipRow {
  kind: AreaKind;
  code: string;
  parentKind: AreaKind;
  parentCode: string;
  validFrom: string | null;
  validTo: string | null;
  source: string;
}

/** A municipality's position (the centroid of its area), for the map: code,lat,lon,source */
export interface PositionRow {
  code: string;
  lat: number;
  lon: number;
}

export interface ReferenceData {
  areas: AreaRow[];
  memberships: MembershipRow[];
}

/** A refused row: which file, which line, and why (Danish). */
export interface RowProblem {
  file: string;
  line: number;
  message: string;
}

export const AREA_COLUMNS = ["kind", "code", "name", "valid_from", "valid_to", "source"] as const;
export const MEMBERSHIP_COLUMNS = [
  "kind",
  "code",
  "parent_kind",
  "parent_code",
  "valid_from",
  "valid_to",
  "source",
] as const;

const CODE = /^[0-9A-Za-z][0-9A-Za-z-]{0,39}$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

function isDay(s: string): boolean {
  if (!DAY.test(s)) {
    return false;
  }
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

function kindOf(s: string): AreaKind | undefined {
  return (AREA_KINDS as readonly string[]).includes(s) ? (s as AreaKind) : undefined;
}

/** Checks the period columns; returns a message or null. */
function periodProblem(from: string, to: string): string | null {
  if (from && !isDay(from)) {
    return `valid_from «${from}» er ikke en dato (ÅÅÅÅ-MM-DD).`;
  }
  if (to && !isDay(to)) {
    return `valid_to «${to}» er ikke en dato (ÅÅÅÅ-MM-DD).`;
  }
  if (from && to && to < from) {
    return "valid_to ligger før valid_from.";
  }
  return null;
}

function table(
  file: string,
  text: string,
  columns: readonly string[],
): { rows: { line: number; o: Record<string, string> }[]; problems: RowProblem[] } {
  try {
    const csv = parseCsv(text, 20_000);
    const missing = columns.filter((c) => c !== "source" && !csv.header.includes(c));
    if (missing.length > 0) {
      return {
        rows: [],
        problems: [{ file, line: 1, message: `Kolonnerne mangler: ${missing.join(", ")}.` }],
      };
    }
    return { rows: csv.rows.map((r) => ({ line: r.line, o: rowObject(csv.header, r.cells) })), problems: [] };
  } catch (err) {
    if (err instanceof CsvError) {
      return { rows: [], problems: [{ file, line: 0, message: err.message }] };
    }
    throw err;
  }
}

/** Reads an areas file; every bad row is reported, none is kept. */
export function parseAreas(text: string, file = "areas.csv", defaultSource = "csv") {
  const { rows, problems } = table(file, text, AREA_COLUMNS);
  const areas: AreaRow[] = [];
  for (const { line, o } of rows) {
    const kind = kindOf(o.kind ?? "");
    const problem = !kind
      ? `Ukendt områdetype «${o.kind}» (brug ${AREA_KINDS.join(", ")}).`
      : !CODE.test(o.code ?? "")
        ? `Koden «${o.code}» er ikke gyldig (bogstaver, tal og bindestreg, højst 40 tegn).`
        : !o.name || o.name.length > 200
          ? "Navnet mangler eller er længere end 200 tegn."
          : periodProblem(o.valid_from ?? "", o.valid_to ?? "");
    if (problem || !kind) {
      problems.push({ file, line, message: problem ?? "" });
      continue;
    }
    areas.push({
      kind,
      code: o.code as string,
      name: o.name as string,
      validFrom: o.valid_from || null,
      validTo: o.valid_to || null,
      source: o.source || defaultSource,
    });
  }
  return { areas, problems };
}

/** Reads a memberships file; every bad row is reported, none is kept. */
export function parseMemberships(text: string, file = "memberships.csv", defaultSource = "csv") {
  const { rows, problems } = table(file, text, MEMBERSHIP_COLUMNS);
  const memberships: MembershipRow[] = [];
  for (const { line, o } of rows) {
    const kind = kindOf(o.kind ?? "");
    const parentKind = kindOf(o.parent_kind ?? "");
    const problem =
      !kind || !parentKind
        ? `Ukendt områdetype «${kind ? o.parent_kind : o.kind}».`
        : !CODE.test(o.code ?? "") || !CODE.test(o.parent_code ?? "")
          ? "En kode er ikke gyldig (bogstaver, tal og bindestreg, højst 40 tegn)."
          : kind === parentKind && o.code === o.parent_code
            ? "Et område kan ikke høre under sig selv."
            : periodProblem(o.valid_from ?? "", o.valid_to ?? "");
    if (problem || !kind || !parentKind) {
      problems.push({ file, line, message: problem ?? "" });
      continue;
    }
    memberships.push({
      kind,
      code: o.code as string,
      parentKind,
      parentCode: o.parent_code as string,
      validFrom: o.valid_from || null,
      validTo: o.valid_to || null,
      source: o.source || defaultSource,
    });
  }
  return { memberships, problems };
}

function shipped(name: string): string {
  return readFileSync(new URL(`./shipped/${name}`, import.meta.url), "utf8");
}

let cached: { data: ReferenceData; positions: PositionRow[] } | undefined;

/** The reference data shipped with Tværs (src/modules/reference/shipped, sources in docs/reference-data.md). */
export function shippedReferenceData(): ReferenceData {
  return shippedAll().data;
}

/** The municipalities' positions shipped with Tværs (centroids computed from DAGI, see docs/reference-data.md). */
export function shippedPositions(): PositionRow[] {
  return shippedAll().positions;
}

function shippedAll() {
  if (!cached) {
    const a = parseAreas(shipped("areas.csv"), "areas.csv", "");
    const m = parseMemberships(shipped("memberships.csv"), "memberships.csv", "");
    const problems = [...a.problems, ...m.problems];
    if (problems.length > 0) {
      throw new Error(`The shipped reference data is broken: ${JSON.stringify(problems.slice(0, 3))}`);
    }
    const csv = parseCsv(shipped("positions.csv"));
    const positions = csv.rows.map((r) => {
      const o = rowObject(csv.header, r.cells);
      return { code: o.code as string, lat: Number(o.lat), lon: Number(o.lon) };
    });
    cached = { data: { areas: a.areas, memberships: m.memberships }, positions };
  }
  return cached;
}
