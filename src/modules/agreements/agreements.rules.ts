/** Pure rules of agreements: status moves, the revision tracks, what is in force, the matrix's totals. */
import type { AgreementStatus } from "./agreements.tables.ts";

/** Status moves a decision may make; starting a hearing and approving have their own routes. */
const MOVES: Record<AgreementStatus, AgreementStatus[]> = {
  draft: ["hearing", "approved"],
  hearing: ["draft", "approved"],
  approved: ["implementation", "revision", "replaced"],
  implementation: ["revision", "replaced"],
  revision: ["hearing", "approved", "implementation", "replaced"],
  replaced: [],
};

const LABEL_DA: Record<AgreementStatus, string> = {
  draft: "udkast",
  hearing: "i høring",
  approved: "godkendt",
  implementation: "under implementering",
  revision: "under revision",
  replaced: "erstattet",
};

/** null when the move is allowed, else a Danish reason. */
export function moveProblem(from: AgreementStatus, to: AgreementStatus): string | null {
  if (MOVES[from].includes(to)) {
    return null;
  }
  if (from === "replaced") {
    return "Aftalen er erstattet af en anden og kan ikke længere ændres.";
  }
  return `En aftale, der er ${LABEL_DA[from]}, kan ikke blive ${LABEL_DA[to]}.`;
}

/** Agreements in force: approved, being implemented, or in force while a revision is prepared. */
export const IN_FORCE: AgreementStatus[] = ["approved", "implementation", "revision"];
export const isInForce = (status: AgreementStatus) => IN_FORCE.includes(status);

/**
 * The revision model's tracks: a minor correction is approved by a chair group (formandskab) without a
 * hearing; a larger revision (and every new agreement) must have been in hearing first.
 */
export function approvalProblem(input: {
  track: "minor" | "major";
  hadHearing: boolean;
  approverKind: string;
}): { path: string; message: string } | null {
  if (input.track === "major" && !input.hadHearing) {
    return {
      path: "versionId",
      message: "En ny aftale eller en større revision skal have været i høring, før den kan godkendes.",
    };
  }
  if (input.track === "minor" && input.approverKind !== "chair_group") {
    return {
      path: "bodyId",
      message: "Mindre rettelser godkendes af et formandskab; vælg formandskabet som godkendende forum.",
    };
  }
  return null;
}

export type Handling = "not_changed" | "adjusted" | "changed";

/** How many remarks were handled each way, and how many wait. */
export function matrixTotals(remarks: { handling: Handling | null }[]) {
  const totals = { not_changed: 0, adjusted: 0, changed: 0, pending: 0 };
  for (const r of remarks) {
    totals[r.handling ?? "pending"] += 1;
  }
  return totals;
}

/** Splits a response's text into remarks: one per paragraph or list line (the secretariat then edits). */
export function splitRemarks(text: string): string[] {
  return text
    .split(/\r?\n\s*\r?\n|\r?\n(?=\s*(?:[-*•]|\d+[.)])\s)/)
    .map((p) => p.replace(/^\s*(?:[-*•]|\d+[.)])\s+/, "").trim())
    .filter((p) => p.length > 0);
}
