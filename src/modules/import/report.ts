/** The report of an import run: JSON for programs, a Danish (or English) summary for people. */
import type { ImportStatus } from "./import.writer.ts";
import { type RefusedLink, refusalMessage } from "./safe-link.ts";

export type ReportStatus = ImportStatus | "failed";

export interface ReportEntry {
  file: string;
  status: ReportStatus;
  meetingId?: number;
  bodyId?: number;
  items?: number;
  attachmentFiles?: number;
  /** user changes a corrected version kept */
  kept?: string[];
  /** file links that were not followed (outside the folder, special files), with the reason */
  refusedLinks?: RefusedLink[];
  /** why it failed, in the run's language, with the stable code */
  reason?: string;
  code?: string;
}

export interface ImportReport {
  startedAt: string;
  finishedAt: string;
  seconds: number;
  totals: Record<ReportStatus, number>;
  documents: ReportEntry[];
}

/** Totals and timing around the entries. */
export function buildReport(entries: ReportEntry[], started: Date, finished: Date): ImportReport {
  const totals: Record<ReportStatus, number> = { imported: 0, updated: 0, duplicate: 0, failed: 0 };
  for (const entry of entries) {
    totals[entry.status] += 1;
  }
  return {
    startedAt: started.toISOString(),
    finishedAt: finished.toISOString(),
    seconds: Math.round((finished.getTime() - started.getTime()) / 10) / 100,
    totals,
    documents: entries,
  };
}

const WORDS = {
  da: {
    imported: "importeret",
    updated: "opdateret",
    duplicate: "allerede importeret",
    failed: "fejlet",
    documents: "dokumenter",
    document: "dokument",
    in: "på",
    failures: "Fejl:",
    kept: "bevaret",
    refused: "link afvist",
  },
  en: {
    imported: "imported",
    updated: "updated",
    duplicate: "already imported",
    failed: "failed",
    documents: "documents",
    document: "document",
    in: "in",
    failures: "Failures:",
    kept: "kept",
    refused: "link refused",
  },
} as const;

/** The status word of an entry, for progress lines. */
export function statusWord(status: ReportStatus, lang: "da" | "en"): string {
  return WORDS[lang][status];
}

/** A readable summary: totals, then every failure with its reason. */
export function summaryText(report: ImportReport, lang: "da" | "en"): string {
  const w = WORDS[lang];
  const t = report.totals;
  const lines = [
    `${report.documents.length} ${report.documents.length === 1 ? w.document : w.documents} ${w.in} ${report.seconds.toFixed(1)} s: ` +
      `${t.imported} ${w.imported}, ${t.updated} ${w.updated}, ${t.duplicate} ${w.duplicate}, ${t.failed} ${w.failed}.`,
  ];
  for (const entry of report.documents.filter((e) => (e.kept?.length ?? 0) > 0)) {
    lines.push(`  ${entry.file}: ${w.kept} – ${entry.kept?.join("; ")}`);
  }
  for (const entry of report.documents) {
    for (const link of entry.refusedLinks ?? []) {
      lines.push(`  ${entry.file}: ${w.refused} ${link.href} – ${refusalMessage(link.reason, lang)}`);
    }
  }
  if (t.failed > 0) {
    lines.push(w.failures);
    for (const entry of report.documents.filter((e) => e.status === "failed")) {
      lines.push(`  ${entry.file}: ${entry.reason ?? ""}`);
    }
  }
  return `${lines.join("\n")}\n`;
}
