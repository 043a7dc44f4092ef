import {
  agendaApproval,
  announcements,
  indstilling,
  miscellaneous,
  nextMeetingCases,
  numbered,
  writtenOrientations,
} from "./demo.data.helpers.ts";
import { REGION } from "./demo.data.parties.ts";
import type { DemoBody, DemoMeeting, DemoMembership } from "./demo.types.ts";

/**
 * The reform of 1 January 2027 in the fictional Region Vestkyst (see docs/reorganisation.md): the
 * health-collaboration committee and the two clusters close on 31 December 2026 and are succeeded by
 * a committee of the regional council and two health councils. The date is the law's, not shifted
 * with the demo's weeks; the new bodies' first meetings are planned ones (today is before the date).
 */
export const DEMO_REFORM_DATE = "2027-01-01";
/** When the new bodies' secretariats start preparing (a demo date, shifted like the others). */
const PREPARATION = "2026-10-01";

export const reformBodies: DemoBody[] = [
  {
    key: "rr",
    name: "Regionsrådet i Region Vestkyst",
    shortName: "RR",
    kind: "regional_council",
    region: REGION,
  },
  {
    key: "uss",
    name: "Udvalget for sundhed og sammenhæng",
    shortName: "USS",
    kind: "regional_committee",
    region: REGION,
    reportsTo: "rr",
    validFrom: DEMO_REFORM_DATE,
  },
  {
    key: "sr-nord",
    name: "Sundhedsråd Vestkyst Nord",
    shortName: "SR Nord",
    kind: "health_council",
    region: REGION,
    reportsTo: "rr",
    validFrom: DEMO_REFORM_DATE,
  },
  {
    key: "sr-syd",
    name: "Sundhedsråd Vestkyst Syd",
    shortName: "SR Syd",
    kind: "health_council",
    region: REGION,
    reportsTo: "rr",
    validFrom: DEMO_REFORM_DATE,
  },
];

/** Predecessor → successor, by body key: the clusters' levels go to their health council. */
export const reformLinks: [string, string][] = [
  ["ssu", "uss"],
  ["pn-nord", "sr-nord"],
  ["fsn-nord", "sr-nord"],
  ["kf-nord", "sr-nord"],
  ["pn-syd", "sr-syd"],
  ["fsn-syd", "sr-syd"],
  ["kf-syd", "sr-syd"],
];

const m = (
  personKey: string,
  bodyKey: string,
  partyKey: string,
  role: DemoMembership["role"],
  from: string,
) => ({
  personKey,
  bodyKey,
  partyKey,
  role,
  from,
});

/** Regional members from the regional council, municipal members from the municipal councils. */
export const reformMemberships: DemoMembership[] = [
  m("p-holm", "rr", "region", "chair", "2026-01-01"),
  m("p-lindholt", "rr", "region", "member", "2026-01-01"),
  m("p-juul", "rr", "region", "member", "2026-01-01"),
  m("p-aasted", "rr", "region", "member", "2026-01-01"),
  m("p-molgaard", "rr", "region", "secretary", "2026-01-01"),
  m("p-holm", "uss", "region", "chair", DEMO_REFORM_DATE),
  m("p-aasted", "uss", "region", "member", DEMO_REFORM_DATE),
  // The secretariats start before the new bodies do: they prepare the handover and look after the
  // funds, initiatives and follow-ups the reorganisation has already moved.
  m("p-molgaard", "uss", "region", "secretary", PREPARATION),
  m("p-lindholt", "sr-nord", "region", "chair", DEMO_REFORM_DATE),
  m("p-brandt", "sr-nord", "havbjerg", "vice_chair", DEMO_REFORM_DATE),
  m("p-kronborg", "sr-nord", "klitmose", "member", DEMO_REFORM_DATE),
  m("p-sandholm", "sr-nord", "vesterhede", "member", DEMO_REFORM_DATE),
  m("p-bang", "sr-nord", "tangholm", "member", DEMO_REFORM_DATE),
  m("p-iversen", "sr-nord", "region", "secretary", PREPARATION),
  m("p-juul", "sr-syd", "region", "chair", DEMO_REFORM_DATE),
  m("p-riis", "sr-syd", "sondera", "vice_chair", DEMO_REFORM_DATE),
  m("p-hvidberg", "sr-syd", "fjordlund", "member", DEMO_REFORM_DATE),
  m("p-sondergaard", "sr-syd", "mosevang", "member", DEMO_REFORM_DATE),
  m("p-hald", "sr-syd", "region", "secretary", PREPARATION),
];

const handover = (cluster: string) => ({
  title: `Overdragelse fra ${cluster}`,
  kind: "orientation" as const,
  durationMinutes: 20,
  sections: {
    summary: `${cluster} blev nedlagt 31. december 2026. Sundhedsrådet har overtaget klyngens åbne opfølgninger, sager til næste møde, indsatser og klyngemidler.`,
    presentation:
      "Sekretariatet gennemgår listen over det, der er videreført: opfølgninger med ejere, indsatser i gang og puljens saldo, som er overført uændret til øren.",
  },
  recommendations: [indstilling("Sekretariatet indstiller,", ["orienteringen tages til efterretning"])],
});

export const reformMeetings: DemoMeeting[] = [
  {
    key: "m-sr-nord-2027-01",
    bodyKey: "sr-nord",
    start: "2027-01-14T15:00",
    end: "2027-01-14T17:30",
    location: "Havbjerg Rådhus, mødesal 1",
    kind: "ordinary",
    status: "planned",
    attendance: [],
    items: numbered([
      agendaApproval(),
      {
        title: "Konstituering og forretningsorden",
        kind: "decision",
        durationMinutes: 20,
        sections: {
          summary:
            "Sundhedsrådet holder sit første møde og vælger formand og næstformand blandt medlemmerne.",
        },
        recommendations: [indstilling("Sekretariatet indstiller,", ["forretningsordenen godkendes"])],
      },
      handover("Sundhedsklynge Nord"),
      {
        title: "Sundhedsrådets arbejdsplan for 2027",
        kind: "discussion",
        durationMinutes: 30,
        sections: {
          summary:
            "Sundhedsrådet drøfter, hvilke af klyngens indsatser der skal have forrang i det første år, og hvordan de fire kommuner inddrages.",
        },
        recommendations: [
          indstilling("Sekretariatet indstiller,", ["sundhedsrådet drøfter udkastet til arbejdsplan"]),
        ],
      },
      announcements(["Formanden orienterer om regionsrådets møde om sundhedsplanen"]),
      writtenOrientations(["Status for klyngemidlerne, som er overført til sundhedsrådet uændret"]),
      nextMeetingCases(["Høringssvar til sundhedsplanen"]),
      miscellaneous(),
    ]),
  },
  {
    key: "m-uss-2027-01",
    bodyKey: "uss",
    start: "2027-01-21T14:00",
    end: "2027-01-21T16:30",
    location: "Regionshuset, Regionsrådssalen",
    kind: "ordinary",
    status: "planned",
    attendance: [],
    items: numbered([
      agendaApproval(),
      {
        title: "Sundhedsplan for Region Vestkyst – udkast til høring",
        kind: "decision",
        durationMinutes: 40,
        sections: {
          summary:
            "Regionen skal udarbejde en sundhedsplan. Udkastet bygger på sundhedsaftalen 2024–2027 og sundhedsrådenes første input.",
          process:
            "Høringen løber i otte uger; sundhedsrådene og kommunerne inviteres til at afgive høringssvar.",
        },
        recommendations: [indstilling("Administrationen indstiller,", ["udkastet sendes i høring"])],
      },
      handover("Sundhedssamarbejdsudvalget"),
      {
        title: "Sundhedsrådenes arbejdsplaner",
        kind: "orientation",
        durationMinutes: 15,
        sections: { summary: "Udvalget orienteres om de to sundhedsråds første arbejdsplaner." },
        recommendations: [
          indstilling("Administrationen indstiller,", ["orienteringen tages til efterretning"]),
        ],
      },
      announcements(["Formanden orienterer om den forberedende dialog med kommunerne"]),
      writtenOrientations(["Overdragelsen af sundhedssamarbejdsudvalgets åbne sager"]),
      nextMeetingCases(["Sundhedsplanen efter høring"]),
      miscellaneous(),
    ]),
  },
];
