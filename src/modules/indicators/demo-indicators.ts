/**
 * The demo's indicators: three FICTIONAL indicators for the fictional Region Vestkyst and its seven
 * municipalities over five years (2022–2026), marked fictional wherever they are shown. The demo
 * calls this as its own step; the areas are added to the reference data with source "demo", so they
 * never mix with Denmark's real municipalities (the map of Denmark leaves them out).
 */
import type { Ctx } from "../../server/context.ts";
import { referenceAreas, referenceMemberships } from "../reference/index.ts";
import type { Sheet } from "./indicators.file.ts";
import { loadIndicatorValues, saveDefinitions } from "./indicators.load.ts";

const REGION = { code: "demo-vestkyst", name: "Region Vestkyst" };
/** The demo's municipalities and their fictional codes (demo.data.parties.ts), with a size for the figures. */
const MUNICIPALITIES = [
  ["901", "Havbjerg Kommune", 14],
  ["902", "Klitmose Kommune", 9],
  ["903", "Sønderå Kommune", 21],
  ["904", "Vesterhede Kommune", 6],
  ["905", "Fjordlund Kommune", 11],
  ["906", "Mosevang Kommune", 8],
  ["907", "Tangholm Kommune", 5],
] as const;

const SOURCE = "Fiktive demodata (Tværs) – ingen virkelig kilde";

/** A small deterministic generator, so the demo's figures are the same on every install. */
function figures(seed: number) {
  let x = seed;
  return () => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x / 2147483648;
  };
}

export async function loadDemoIndicators(ctx: Ctx): Promise<void> {
  const [region] = await ctx.db
    .insert(referenceAreas)
    .values({ kind: "region", code: REGION.code, name: REGION.name, source: "demo" })
    .returning({ id: referenceAreas.id });
  for (const [code, name] of MUNICIPALITIES) {
    const [m] = await ctx.db
      .insert(referenceAreas)
      .values({ kind: "municipality", code, name, source: "demo" })
      .returning({ id: referenceAreas.id });
    await ctx.db
      .insert(referenceMemberships)
      .values({ areaId: (m as { id: number }).id, parentId: (region as { id: number }).id, source: "demo" });
  }
  const common = {
    source: SOURCE,
    sourceUrl: null,
    internal: false,
    fictional: true,
    rhythm: "year" as const,
  };
  await saveDefinitions(ctx, [
    {
      ...common,
      code: "demo-genindlaeggelser",
      name: "Akutte genindlæggelser inden for 30 dage (fiktiv)",
      definition:
        "Andel af udskrivelser af borgere på 65+ år, der følges af en akut genindlæggelse inden for 30 dage. Fiktive tal.",
      unit: "%",
      direction: "lower_is_better",
      aggregation: "ratio",
    },
    {
      ...common,
      code: "demo-faerdigbehandlingsdage",
      name: "Færdigbehandlingsdage pr. 1.000 ældre (fiktiv)",
      definition:
        "Dage på hospital efter at behandlingen er afsluttet, pr. 1.000 borgere på 65+ år. Fiktive tal.",
      unit: "dage pr. 1.000",
      direction: "lower_is_better",
      aggregation: "ratio",
    },
    {
      ...common,
      code: "demo-forebyggelige",
      name: "Forebyggelige indlæggelser blandt ældre (fiktiv)",
      definition:
        "Antal indlæggelser af borgere på 65+ år for diagnoser, hvor en tidlig indsats kan forebygge indlæggelsen. Fiktive tal.",
      unit: "antal",
      direction: "lower_is_better",
      aggregation: "sum",
    },
  ]);
  const rows: string[][] = [];
  const next = figures(20271);
  for (const [code, , size] of MUNICIPALITIES) {
    for (let year = 2022; year <= 2026; year++) {
      const trend = 1 - (year - 2022) * 0.03;
      const discharges = size * 180 + Math.round(next() * 200);
      const readmitted = Math.round(discharges * (0.08 + next() * 0.05) * trend);
      rows.push([
        "demo-genindlaeggelser",
        code,
        String(year),
        ((readmitted / discharges) * 100).toFixed(6),
        String(readmitted),
        String(discharges),
      ]);
      const elderly = size * 1200 + Math.round(next() * 900);
      const days = Math.round(elderly * (0.03 + next() * 0.04) * trend);
      rows.push([
        "demo-faerdigbehandlingsdage",
        code,
        String(year),
        ((days / elderly) * 1000).toFixed(6),
        String(days),
        String(elderly),
      ]);
      rows.push([
        "demo-forebyggelige",
        code,
        String(year),
        String(Math.round(size * 60 * trend + next() * 80)),
        "",
        "",
      ]);
    }
  }
  const sheet: Sheet = {
    header: ["indicator", "area_code", "period", "value", "numerator", "denominator"],
    rows: rows.map((cells, i) => ({ line: i + 2, cells })),
  };
  await loadIndicatorValues(ctx, { fileName: "demo-indikatorer (fiktive)", format: "demo", sheet });
}
