/**
 * The pure rules of the implementation matrix and the ratification tracker (issue 22.3/22.4): what a
 * state change must carry, when an approval is late, and the one text of a cell that the page, the CSV
 * and the XLSX all show. Which agreements are in force is agreements.rules.ts (isInForce).
 */
import { formatIsoDay } from "../../web/format.ts";
import type { Lang, MessageKey, Translate } from "../../web/i18n.ts";
import type { ImplementationState } from "./agreements.tables.ts";

/** A problem with a state change, on its field; null when it may be recorded. */
export function stateChangeProblem(input: {
  state: ImplementationState;
  reason?: string | undefined;
  since?: string | undefined;
  plannedOn?: string | null | undefined;
}): { path: string; message: string } | null {
  if (input.state === "opted_out" && !input.reason?.trim()) {
    return { path: "reason", message: "Skriv begrundelsen for, at parten har fravalgt aftalen." };
  }
  if (input.plannedOn && input.since && input.plannedOn < input.since) {
    return { path: "plannedOn", message: "Den forventede dato kan ikke ligge før datoen for tilstanden." };
  }
  return null;
}

/** Late: the deadline has passed and the approval is still missing. */
export function isLate(step: { deadline: string | null; approvedOn: string | null }, today: string): boolean {
  return step.deadline !== null && step.approvedOn === null && step.deadline < today;
}

export const stateKey = (state: ImplementationState) => `impl.state.${state}` as MessageKey;

/** The text of one cell: its state, since when, the expected date and the reason ("Fravalgt siden 1. marts 2026: …"). */
export function cellText(
  cell: { state: ImplementationState; since: string | null; plannedOn: string | null; reason: string },
  t: Translate,
  lang: Lang,
): string {
  const label = t(stateKey(cell.state));
  const since = cell.since ? ` ${t("impl.since", { date: formatIsoDay(cell.since, lang) })}` : "";
  const planned =
    cell.plannedOn && (cell.state === "not_started" || cell.state === "in_progress")
      ? ` (${t("impl.planned", { date: formatIsoDay(cell.plannedOn, lang) })})`
      : "";
  const reason = cell.reason ? `: ${cell.reason}` : "";
  return `${label}${since}${planned}${reason}`;
}
