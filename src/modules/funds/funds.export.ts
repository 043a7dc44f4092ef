/**
 * The status table as CSV (semicolon-separated with decimal comma, as Danish Excel reads it) and as
 * XLSX (src/lib/xlsx.ts). One grid feeds both, so the two files always say the same.
 */
import { csvFile } from "../../lib/csv.ts";
import { writeXlsx, type XlsxCell } from "../../lib/xlsx.ts";
import { formatIsoDay } from "../../web/format.ts";
import type { Lang, Translate } from "../../web/i18n.ts";
import type { FundStatus } from "./status.service.ts";

type GridCell =
  | { text: string; bold?: boolean }
  | { ore: bigint; bold?: boolean }
  | { percent: string }
  | null;

/** øre → "627851.18" (exact decimal text for the spreadsheet) */
export function oreDecimal(ore: bigint): string {
  const neg = ore < 0n;
  const abs = neg ? -ore : ore;
  return `${neg ? "-" : ""}${abs / 100n}.${(abs % 100n).toString().padStart(2, "0")}`;
}

/** The label of a grant's column: title and its approval (or pending) date. */
export function grantLabel(g: FundStatus["grants"][number], t: Translate, lang: Lang): string {
  if (g.status === "approved" && g.approvedOn) {
    return t("funds.grantApprovedOn", { title: g.title, date: formatIsoDay(g.approvedOn, lang) });
  }
  if (g.status === "pending" && g.pendingUntil) {
    return t("funds.grantPendingUntil", { title: g.title, date: formatIsoDay(g.pendingUntil, lang) });
  }
  return g.status === "pending" ? t("funds.grantPending", { title: g.title }) : g.title;
}

/** The table as a grid: a header row, one row per party, the totals; then problems and carry-overs. */
export function statusGrid(s: FundStatus, t: Translate, lang: Lang): GridCell[][] {
  const { table } = s;
  const bold = (text: string) => ({ text, bold: true });
  const header: GridCell[] = [
    bold(t("funds.party")),
    ...table.years.map((y) => bold(t("funds.incomeYear", { year: y }))),
    bold(t("funds.incomeTotal")),
    bold(t("funds.share")),
    ...s.grants.map((g) => bold(grantLabel(g, t, lang))),
    bold(t("funds.granted")),
    bold(t("funds.remaining")),
  ];
  const rows: GridCell[][] = table.rows.map((r) => [
    { text: r.name },
    ...table.years.map((y) => ({ ore: r.income.get(y) ?? 0n })),
    { ore: r.incomeTotal },
    r.share === null ? null : { percent: r.share },
    ...s.grants.map((g) => ({ ore: r.grants.get(g.id) ?? 0n })),
    { ore: r.granted },
    { ore: r.remaining },
  ]);
  const totals: GridCell[] = [
    bold(t("funds.total")),
    ...table.years.map((y) => ({ ore: table.totals.income.get(y) ?? 0n, bold: true })),
    { ore: table.totals.incomeTotal, bold: true },
    null,
    ...s.grants.map((g) => ({ ore: table.totals.grants.get(g.id) ?? 0n, bold: true })),
    { ore: table.totals.granted, bold: true },
    { ore: table.totals.remaining, bold: true },
  ];
  const extra: GridCell[][] = [];
  for (const p of table.problems) {
    extra.push([{ text: `${t("funds.problem")}: ${p}` }]);
  }
  for (const c of table.carryOvers) {
    extra.push([
      {
        text: t("funds.carryOverLine", {
          from: c.fromYear,
          to: c.toYear,
          date: formatIsoDay(c.decidedOn, lang),
        }),
      },
    ]);
  }
  if (s.partial) {
    extra.push([{ text: t("funds.partial") }]);
  }
  return [[bold(s.fund.name)], header, ...rows, totals, ...(extra.length ? [[], ...extra] : [])];
}

/** CSV: semicolons, decimal comma, no thousands separators, UTF-8 with BOM (Excel opens it in Danish). */
export function statusCsv(s: FundStatus, t: Translate, lang: Lang): string {
  const decimal = (ore: bigint) => (lang === "da" ? oreDecimal(ore).replace(".", ",") : oreDecimal(ore));
  return csvFile(
    statusGrid(s, t, lang).map((row) =>
      row.map((c) => {
        if (c === null) {
          return "";
        }
        if ("ore" in c) {
          return decimal(c.ore);
        }
        if ("percent" in c) {
          return lang === "da" ? c.percent : c.percent.replace(",", ".");
        }
        return c.text;
      }),
    ),
  );
}

/** XLSX: the same grid, money as numbers with two decimals. */
export function statusXlsx(s: FundStatus, t: Translate, lang: Lang): Uint8Array {
  const grid = statusGrid(s, t, lang);
  const rows: XlsxCell[][] = grid.map((row) =>
    row.map((c): XlsxCell => {
      if (c === null) {
        return null;
      }
      if ("ore" in c) {
        return { number: oreDecimal(c.ore), format: "money", bold: c.bold ?? false };
      }
      if ("percent" in c) {
        return { number: c.percent.replace(",", "."), format: "percent" };
      }
      return { text: c.text, bold: c.bold ?? false };
    }),
  );
  const columns = Math.max(...grid.map((r) => r.length));
  return writeXlsx([
    { name: t("funds.sheetName"), rows, widths: [28, ...Array.from({ length: columns - 1 }, () => 18)] },
  ]);
}
