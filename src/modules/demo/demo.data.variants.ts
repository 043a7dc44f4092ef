/**
 * The parties' variants of one demo initiative ("Fælles brug af kommunale akutpladser", run per
 * municipality): Vesterhede moves to model B, Tangholm opts out with a reason, the hospital takes part;
 * figures over four half-years. Keys refer to demo.data.initiatives.ts and demo.data.parties.ts.
 */
export interface DemoVariant {
  partyKey: string;
  on: string;
  model: string;
  participation: "in" | "out";
  reason?: string;
  contactName?: string;
}

export interface DemoFigure {
  partyKey: string;
  label: string;
  value: number;
  unit?: string;
  sharePercent?: number;
  /** the last day of the half-year measured; the demo's dates move with today, so the day names the period */
  measuredOn: string;
}

export const VARIANTS_INITIATIVE = "akutpladser";

/** In the order they happened; each is a new row of the party's history. */
export const variantsData: DemoVariant[] = [
  {
    partyKey: "vesterhede",
    on: "2025-01-01",
    model: "Model A: pladser i eget plejecenter",
    participation: "in",
    contactName: "Lene Aagaard",
  },
  {
    partyKey: "tangholm",
    on: "2025-01-01",
    model: "Model A: pladser i eget plejecenter",
    participation: "in",
    contactName: "Jens Bak",
  },
  { partyKey: "hospital", on: "2025-01-01", model: "Akutteamet visiterer", participation: "in" },
  {
    partyKey: "vesterhede",
    on: "2026-01-01",
    model: "Model B, der afprøves",
    participation: "in",
    contactName: "Lene Aagaard",
  },
  {
    partyKey: "tangholm",
    on: "2025-09-01",
    model: "Model A: pladser i eget plejecenter",
    participation: "out",
    reason: "Ønsker ikke at udvide målgruppen på nuværende tidspunkt.",
    contactName: "Jens Bak",
  },
];

const halfYears = ["2025-06-30", "2025-12-31", "2026-06-30", "2026-12-31"] as const;

export const figuresData: DemoFigure[] = [
  ...[41, 67, 93, 104].map((value, i) => ({
    partyKey: "vesterhede",
    label: "Patientforløb",
    value,
    unit: "forløb",
    measuredOn: halfYears[i] ?? "",
  })),
  ...(
    [
      [11, 27],
      [16, 24],
      [21, 23],
      [22, 21],
    ] as const
  ).map(([value, sharePercent], i) => ({
    partyKey: "vesterhede",
    label: "Genindlagt inden for 30 dage",
    value,
    sharePercent,
    measuredOn: halfYears[i] ?? "",
  })),
  ...[18, 25, 9].map((value, i) => ({
    partyKey: "tangholm",
    label: "Patientforløb",
    value,
    unit: "forløb",
    measuredOn: halfYears[i] ?? "",
  })),
];
