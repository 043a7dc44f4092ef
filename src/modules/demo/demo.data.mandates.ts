/**
 * Mandate versions (kommissorier) and the lifecycle of the three demo ad hoc groups. Dates are relative to
 * DEMO_REFERENCE_DATE; `item` names a meeting by key and an item by the start of its title.
 */
export interface DemoDecision {
  on: string;
  item?: { meetingKey: string; title: string };
  note?: string;
}

export interface DemoMandateVersion {
  purpose: string;
  periodFrom: string;
  periodTo: string;
  approverKey: string;
  composition: { seats: number; party: string; competence: string; flexible?: boolean }[];
  deliverables: { title: string; dueOn: string }[];
  changeNote?: string;
  /** approved at the decision (a draft otherwise) */
  approved: boolean;
  decision: DemoDecision;
}

export interface DemoMandate {
  bodyKey: string;
  versions: DemoMandateVersion[];
  /** reports and status changes after the first version, in order */
  events: (
    | { kind: "report"; deliverable?: string }
    | { kind: "standby" | "resumed" | "closed" | "continued" }
  )[];
  eventDecisions: DemoDecision[];
}

const KOMMUNER = {
  seats: 3,
  party: "Kommunerne i klyngen",
  competence: "Leder af akut- eller hjemmesygepleje",
};

export const mandatesData: DemoMandate[] = [
  {
    bodyKey: "adhoc-akut",
    versions: [
      {
        purpose:
          "Gruppen skal udvikle og afprøve en fælles model for opsporing, visitation og opfølgning på ældre medicinske patienter, der kommer i kontakt med akutområdet, så flere kan behandles i eget hjem eller på en kommunal akutplads i stedet for at blive indlagt.\n\nGruppen afleverer en anbefaling med forslag til skalering til FSN.",
        periodFrom: "2026-03-01",
        periodTo: "2027-03-31",
        approverKey: "fsn-nord",
        composition: [
          KOMMUNER,
          { seats: 2, party: "Vestkyst Hospital", competence: "Akutmodtagelsen og geriatrien" },
          { seats: 1, party: "PLO-Vestkyst", competence: "Praktiserende læge" },
          { seats: 1, party: "Patientrepræsentanterne", competence: "Pårørendeperspektiv", flexible: true },
        ],
        deliverables: [
          { title: "Halvårsstatus til FSN", dueOn: "2026-10-31" },
          { title: "Evaluering af afprøvningen", dueOn: "2027-01-31" },
          { title: "Anbefaling med forslag til skalering", dueOn: "2027-03-31" },
        ],
        approved: true,
        decision: {
          on: "2026-03-01",
          note: "FSN godkendte kommissoriet skriftligt; PN blev orienteret den 12. marts.",
        },
      },
    ],
    events: [{ kind: "report", deliverable: "Halvårsstatus til FSN" }],
    eventDecisions: [
      {
        on: "2026-11-11",
        item: { meetingKey: "m-fsn-nord-2026-11", title: "Halvårsstatus fra Ad hoc gruppe" },
        note: "Halvårsstatus forelagt FSN.",
      },
    ],
  },
  {
    bodyKey: "adhoc-psyk",
    versions: [
      {
        purpose:
          "Gruppen skal beskrive en fælles indgang og en koordineret behandlingsplan for borgere med samtidig psykisk lidelse og rusmiddelproblematik, herunder snitflader mellem regional psykiatri, kommunal rusmiddelbehandling og almen praksis.",
        periodFrom: "2025-09-01",
        periodTo: "2026-12-31",
        approverKey: "fsn-syd",
        composition: [
          { seats: 2, party: "Kommunerne i klyngen", competence: "Rusmiddelbehandling" },
          { seats: 2, party: "Psykiatrien i Region Vestkyst", competence: "Ambulant psykiatri" },
          { seats: 1, party: "PLO-Vestkyst", competence: "Praktiserende læge" },
        ],
        deliverables: [
          { title: "Kortlægning af forløb", dueOn: "2026-03-31" },
          { title: "Forslag til fælles indgang", dueOn: "2026-11-30" },
        ],
        approved: true,
        decision: { on: "2025-09-01" },
      },
      {
        purpose:
          "Gruppen genoptager arbejdet med udgangspunkt i de nationale anbefalinger om integreret behandling og model B med fremskudt psykiatrisk funktion i den kommunale rusmiddelbehandling.",
        periodFrom: "2025-09-01",
        periodTo: "2027-12-31",
        approverKey: "fsn-syd",
        composition: [
          { seats: 2, party: "Kommunerne i klyngen", competence: "Rusmiddelbehandling" },
          { seats: 2, party: "Psykiatrien i Region Vestkyst", competence: "Ambulant psykiatri" },
          { seats: 1, party: "PLO-Vestkyst", competence: "Praktiserende læge" },
          { seats: 1, party: "Patientrepræsentanterne", competence: "Brugerperspektiv", flexible: true },
        ],
        deliverables: [
          { title: "Kortlægning af forløb", dueOn: "2026-03-31" },
          { title: "Model for fremskudt psykiatrisk funktion", dueOn: "2027-06-30" },
        ],
        changeNote:
          "Formålet er tilpasset de nationale anbefalinger, perioden forlænges til 31. december 2027, og en patientrepræsentant indgår.",
        approved: false,
        decision: { on: "2026-11-20" },
      },
    ],
    events: [{ kind: "report", deliverable: "Kortlægning af forløb" }, { kind: "standby" }],
    eventDecisions: [
      {
        on: "2026-05-20",
        item: { meetingKey: "m-fsn-syd-2026-05", title: "Samtidig psykisk lidelse og misbrug" },
      },
      {
        on: "2026-10-07",
        item: {
          meetingKey: "m-sss-2026-10",
          title: "Ad hoc gruppe om samtidig psykisk lidelse og misbrug sættes i bero",
        },
        note: "Sat i bero, indtil de nationale anbefalinger foreligger.",
      },
    ],
  },
  {
    bodyKey: "adhoc-genoptraening",
    versions: [
      {
        purpose:
          "Gruppen skal revidere den fælles vejledning om genoptræningsplaner efter udskrivning, herunder ventetider, specialiseret genoptræning og overlevering af oplysninger til kommunen.",
        periodFrom: "2025-02-01",
        periodTo: "2026-10-31",
        approverKey: "sss",
        composition: [
          { seats: 3, party: "Kommunerne", competence: "Genoptræning og rehabilitering" },
          { seats: 2, party: "Vestkyst Hospital", competence: "Fysio- og ergoterapi" },
        ],
        deliverables: [{ title: "Revideret vejledning om genoptræningsplaner", dueOn: "2026-09-30" }],
        approved: true,
        decision: { on: "2025-02-06", note: "SSS godkendte kommissoriet." },
      },
    ],
    events: [
      { kind: "report", deliverable: "Revideret vejledning om genoptræningsplaner" },
      { kind: "closed" },
    ],
    eventDecisions: [
      {
        on: "2026-10-07",
        item: {
          meetingKey: "m-sss-2026-10",
          title: "Afrapportering fra Ad hoc gruppe om genoptræningsplaner",
        },
      },
      {
        on: "2026-10-07",
        item: {
          meetingKey: "m-sss-2026-10",
          title: "Afrapportering fra Ad hoc gruppe om genoptræningsplaner",
        },
        note: "Gruppen er nedlagt efter aflevering af den reviderede vejledning.",
      },
    ],
  },
];
