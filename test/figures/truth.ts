/**
 * Hand-made truth lists (see docs/case-links-truth.md and docs/actions-truth.md, which explain each
 * choice). Items are named "<meeting>#<item number>": demo meetings by their key, seeds as seed000 …
 */

/** Items that are one case. Every pair inside a group is a true link. */
export const CASE_TRUTH: string[][] = [
  // Tværsektoriel pulje 2026 (EMN-2025-04871): decided, then implemented in the clusters
  ["m-sss-2025-12#3", "m-ssu-2026-01#5", "m-fsn-syd-2026-05#4", "m-fsn-nord-2026-11#7"],
  // Sundhedsaftalen 2027–2030 (EMN-2025-05102)
  [
    "m-sss-2025-12#4",
    "m-ssu-2026-01#6",
    "m-pn-nord-2026-03#6",
    "m-sdk-2026-04#4",
    "m-ssu-2026-06#4",
    "m-ssu-2026-06#6",
    "m-sss-2026-10#4",
    "m-ssu-2026-12#4",
    "m-pn-syd-2027-01#4",
  ],
  // Praksisplan 2026–2029 (EMN-2025-03990)
  ["m-sss-2025-12#5", "m-sdk-2026-04#3", "m-fsn-syd-2026-05#7", "m-ssu-2026-12#6"],
  // Ad hoc gruppe om akutte forløb for ældre medicinske patienter (EMN-2026-00520)
  [
    "m-pn-nord-2026-03#4",
    "m-adhoc-akut-2026-08#3",
    "m-adhoc-akut-2026-08#4",
    "m-adhoc-akut-2026-08#7",
    "m-fsn-nord-2026-11#4",
  ],
  // Genoptræningsplaner (EMN-2025-00876)
  ["m-sdk-2026-04#9", "m-sss-2026-10#6", "m-kf-nord-2026-12#5"],
  // Tværsektoriel pulje 2027 (EMN-2026-01234)
  ["m-sdk-2026-04#6", "m-sss-2026-10#5", "m-ssu-2026-12#5"],
  // Samtidig psykisk lidelse og misbrug (26-003107)
  ["m-fsn-syd-2026-05#5", "m-sss-2026-10#7", "m-pn-syd-2027-01#7"],
  // Indikatorer / ledelsesinformation (EMN-2026-02011)
  ["m-adhoc-akut-2026-08#5", "m-sss-2026-10#8"],
  // Fælles aftaleoversigt / datadelingsplatform (EMN-2026-02240)
  ["m-sss-2026-10#9", "m-fsn-nord-2026-11#5", "m-ssu-2026-12#8"],
  // Klyngemidler 2027 (EMN-2026-02455)
  ["m-fsn-nord-2026-11#6", "m-pn-syd-2027-01#5"],
  // Kompetencegrupper (26-005120)
  ["m-sdk-2026-04#7", "m-ssu-2026-12#7"],
  // Børn og unges mentale sundhed – fælles indgang (EMN-2026-01021)
  ["m-fsn-syd-2026-05#6", "m-pn-syd-2027-01#6"],
  // Akutområdet / udskrivninger (EMN-2026-00305)
  ["m-ssu-2026-01#8", "m-kf-nord-2026-12#3"],
  // The councils' first work plans: made by the council, reported to the regional committee (2027)
  ["m-sr-nord-2027-01#4", "m-uss-2027-01#4"],
];

/** Pairs a reader could argue either way: left out of both precision and recall. */
export const CASE_AMBIGUOUS: [string, string][] = [
  ["m-sss-2025-12#7", "m-sss-2026-10#9"],
  ["m-sss-2025-12#7", "m-fsn-nord-2026-11#5"],
  ["m-sss-2025-12#7", "m-ssu-2026-12#8"],
  ["m-sdk-2026-04#5", "m-ssu-2026-01#8"],
  ["m-sdk-2026-04#5", "m-kf-nord-2026-12#3"],
  ["m-sdk-2026-04#8", "m-ssu-2026-12#9"],
  ["m-sss-2025-12#8", "m-fsn-nord-2026-11#8"],
  ["m-pn-nord-2026-03#5", "m-sss-2025-12#3"],
];

/** Follow-ups a person would write for the seeds' decisions: item and a phrase of the follow-up. */
export const ACTION_TRUTH: { seed: string; item: number; phrase: string }[] = [
  { seed: "seed000", item: 4, phrase: "Administrationen vil planlægge" },
  { seed: "seed000", item: 7, phrase: "udarbejde en sagsfremstilling" },
  { seed: "seed001", item: 3, phrase: "Kommissorium for den fælles tværgående læringsenhed" },
  { seed: "seed001", item: 3, phrase: "Indsats nr. 50" },
  { seed: "seed001", item: 3, phrase: "Der nedsættes en arbejdsgruppe" },
  { seed: "seed001", item: 4, phrase: "skrives igennem" },
  { seed: "seed001", item: 5, phrase: "Plan-gruppen vurderer" },
  { seed: "seed001", item: 5, phrase: "Navne på medlemmer" },
  { seed: "seed001", item: 6, phrase: "spørgeskema udsendes" },
  { seed: "seed001", item: 7, phrase: "Succeskriterierne drøftes" },
  { seed: "seed001", item: 8, phrase: "Johan Reventlow undersøger" },
  { seed: "seed001", item: 9, phrase: "præsentation af databasen" },
  { seed: "seed001", item: 9, phrase: "procesplan forelægges" },
  { seed: "seed001", item: 10, phrase: "skal forelægges Styregruppe" },
  { seed: "seed001", item: 13, phrase: "rykkes til om eftermiddagen" },
  { seed: "seed002", item: 1, phrase: "Bilaget følger" },
  { seed: "seed002", item: 3, phrase: "skriftlig opfordring" },
  { seed: "seed002", item: 3, phrase: "fælles kommunikation" },
  { seed: "seed002", item: 3, phrase: "ny dato for et dialogmøde" },
];
