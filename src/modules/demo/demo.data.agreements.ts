/**
 * Demo agreements for Region Vestkyst: the health agreement (political part and administrative annex),
 * cooperation agreements and care programmes in force, one under a minor revision, one in hearing with
 * responses not yet published, one draft. Dates are relative to DEMO_REFERENCE_DATE.
 */
import type { DemoDecision } from "./demo.data.mandates.ts";

export interface DemoResponse {
  partyKey: string;
  receivedOn: string;
  text: string;
  /** handling per remark (one per paragraph of the text), in order */
  handling?: ("not_changed" | "adjusted" | "changed")[];
  answers?: string[];
}

export interface DemoAgreement {
  key: string;
  title: string;
  kind:
    | "cooperation_agreement"
    | "care_programme"
    | "health_agreement"
    | "health_agreement_annex"
    | "health_plan"
    | "other";
  theme: string;
  summary: string;
  ownerKey: string;
  contact: { name: string; email: string };
  partOf?: string;
  text: string;
  hearing?: {
    startsOn: string;
    endsOn: string;
    inviteeKeys: string[];
    responses: DemoResponse[];
    decision?: DemoDecision;
  };
  approval?: { bodyKey: string; decision: DemoDecision; publishResponses?: boolean };
  afterwards?: { to: "implementation" | "revision"; decision: DemoDecision }[];
  minorRevision?: { label: string; changeNote: string; approval?: DemoDecision };
}

const MUNICIPALITIES = ["havbjerg", "klitmose", "vesterhede", "fjordlund", "mosevang", "tangholm"];
const CONTACT = { name: "Anders Bech Mølgaard", email: "sundhedssamarbejde@vestkyst.example" };

const plain = (title: string, theme: string, summary: string) =>
  `# ${title}\n\n## Formål\n\n${summary}\n\n## Målgruppe\n\nBorgere i Region Vestkyst, som modtager indsatser fra både kommune, hospital og almen praksis inden for temaet ${theme.toLowerCase()}.\n\n## Ansvar og samarbejde\n\nAftalen beskriver, hvem der gør hvad, og hvordan parterne overleverer oplysninger.`;

const approvedAfterHearing = (on: string, endsOn: string, bodyKey = "sss") => ({
  hearing: { startsOn: on, endsOn, inviteeKeys: MUNICIPALITIES.slice(0, 3), responses: [] },
  approval: { bodyKey, decision: { on: endsOn } },
});

export const agreementsData: DemoAgreement[] = [
  {
    key: "sa-politisk",
    title: "Sundhedsaftalen 2024–2027 – politisk del",
    kind: "health_agreement",
    theme: "Sundhedsaftalen",
    summary: "Visioner og mål for det fælles sundhedsvæsen i Region Vestkyst.",
    ownerKey: "ssu",
    contact: CONTACT,
    text: "# Sundhedsaftalen 2024–2027\n\n## Visioner\n\n- Flere borgere behandles tæt på eget hjem.\n- Ingen borgere falder mellem to stole.\n\n## Mål\n\nFærre akutte genindlæggelser og flere gode leveår.",
    hearing: {
      startsOn: "2023-05-09",
      endsOn: "2023-08-09",
      inviteeKeys: MUNICIPALITIES,
      responses: [],
      decision: { on: "2023-05-09", note: "SSU sendte høringsudkastet i høring." },
    },
    approval: { bodyKey: "ssu", decision: { on: "2023-11-22" } },
    afterwards: [{ to: "implementation", decision: { on: "2024-01-01" } }],
  },
  {
    key: "sa-bilag",
    title: "Sundhedsaftalen 2024–2027 – administrativt bilag",
    kind: "health_agreement_annex",
    theme: "Sundhedsaftalen",
    summary: "Organisering, implementeringsplan og opfølgning på den politiske del.",
    ownerKey: "sss",
    contact: CONTACT,
    partOf: "sa-politisk",
    text: "# Administrativt bilag\n\n## Organisering\n\nSSS følger implementeringen; klyngerne omsætter aftalen lokalt.",
    ...approvedAfterHearing("2023-09-01", "2023-10-15"),
    afterwards: [{ to: "implementation", decision: { on: "2024-01-01" } }],
  },
  {
    key: "udskrivning",
    title: "Samarbejdsaftale om udskrivning af ældre medicinske patienter",
    kind: "cooperation_agreement",
    theme: "Ældre og akut",
    summary: "Fælles procedure for udskrivningskonferencer, medicinlister og opfølgende hjemmebesøg.",
    ownerKey: "sss",
    contact: CONTACT,
    text: plain(
      "Samarbejdsaftale om udskrivning",
      "Ældre og akut",
      "Trygge udskrivninger af ældre medicinske patienter.",
    ),
    ...approvedAfterHearing("2025-01-15", "2025-03-15"),
  },
  {
    key: "overvaegt",
    title: "Samarbejdsaftale for børn, unge og gravide med overvægt",
    kind: "cooperation_agreement",
    theme: "Børn og unge",
    summary: "En bred og tidlig indsats målrettet hele familien, hvor alle relevante aktører inddrages.",
    ownerKey: "sss",
    contact: { name: "Følgegruppen for forebyggelse", email: "forebyggelse@vestkyst.example" },
    text: plain(
      "Samarbejdsaftale for børn, unge og gravide med overvægt",
      "Børn og unge",
      "Tidlig opsporing, forebyggelse og behandling kædes tættere sammen.",
    ),
    hearing: {
      startsOn: "2025-11-01",
      endsOn: "2026-01-15",
      inviteeKeys: MUNICIPALITIES,
      responses: [
        {
          partyKey: "havbjerg",
          receivedOn: "2026-01-10",
          text: "Aftalen lægger nye opgaver hos kommunen uden at beskrive ressourcetrækket.\n\nTovholderfunktionen bør kunne placeres lokalt.",
          handling: ["changed", "adjusted"],
          answers: [
            "Afsnit om ressourcetræk er tilføjet.",
            "Aftalen anbefaler nu placering efter lokale forhold.",
          ],
        },
        {
          partyKey: "klitmose",
          receivedOn: "2026-01-12",
          text: "Vi savner opsporende tiltag på ungdomsuddannelserne.",
          handling: ["changed"],
          answers: ["Opsporing for 16–24-årige er tilføjet som forslag."],
        },
        {
          partyKey: "vesterhede",
          receivedOn: "2026-01-14",
          text: "Aftalen er et godt grundlag. Vi ønsker en tværregional følgegruppe.",
          handling: ["not_changed"],
          answers: ["Implementering og opfølgning sker i sundhedsklyngerne."],
        },
      ],
    },
    approval: { bodyKey: "sss", decision: { on: "2026-03-15" }, publishResponses: true },
  },
  {
    key: "kol",
    title: "Forløbsprogram for KOL",
    kind: "care_programme",
    theme: "Kronisk sygdom",
    summary: "Opsporing, behandling og rehabilitering af borgere med KOL på tværs af sektorer.",
    ownerKey: "sss",
    contact: CONTACT,
    text: plain("Forløbsprogram for KOL", "Kronisk sygdom", "Et sammenhængende forløb for borgere med KOL."),
    ...approvedAfterHearing("2024-02-01", "2024-04-01"),
    afterwards: [{ to: "implementation", decision: { on: "2024-06-01" } }],
  },
  {
    key: "hjertesvigt",
    title: "Forløbsprogram for hjertesvigt",
    kind: "care_programme",
    theme: "Kronisk sygdom",
    summary: "Fælles forløb for borgere med hjertesvigt, herunder telemedicinsk opfølgning.",
    ownerKey: "sss",
    contact: CONTACT,
    text: plain(
      "Forløbsprogram for hjertesvigt",
      "Kronisk sygdom",
      "Telemedicin og rehabilitering for borgere med hjertesvigt.",
    ),
    ...approvedAfterHearing("2024-03-01", "2024-05-01"),
    minorRevision: {
      label: "Version 1.1",
      changeNote: "Telehjertesvigt indarbejdet; henvisninger opdateret.",
    },
  },
  {
    key: "kemo",
    title: "Samarbejdsaftale om subkutan kemoterapi i eget hjem",
    kind: "cooperation_agreement",
    theme: "Behandling i eget hjem",
    summary: "Hvordan hospital og hjemmesygepleje sammen giver subkutan kemoterapi i borgerens hjem.",
    ownerKey: "sss",
    contact: CONTACT,
    text: plain(
      "Subkutan kemoterapi i eget hjem",
      "Behandling i eget hjem",
      "Sikker kemoterapi i eget hjem.",
    ),
    ...approvedAfterHearing("2024-09-01", "2024-10-15"),
    minorRevision: {
      label: "Version 1.1",
      changeNote: "Revideret efter spor 1: ansvar for bortskaffelse præciseret.",
      approval: { on: "2026-02-20" },
    },
  },
  {
    key: "retspsyk",
    title: "Samarbejdsaftale om retspsykiatriske patienter",
    kind: "cooperation_agreement",
    theme: "Psykiatri",
    summary: "Koordinering af behandling og socialpsykiatrisk støtte til retspsykiatriske patienter.",
    ownerKey: "sss",
    contact: CONTACT,
    text: plain(
      "Retspsykiatriske patienter",
      "Psykiatri",
      "Koordineret støtte til retspsykiatriske patienter.",
    ),
    ...approvedAfterHearing("2025-04-01", "2025-05-31"),
  },
  {
    key: "hjerneskade",
    title: "Samarbejdsaftale vedr. voksne med erhvervet hjerneskade",
    kind: "cooperation_agreement",
    theme: "Rehabilitering",
    summary:
      "Forløb og overgange for voksne med erhvervet hjerneskade fra akutfasen til rehabilitering i kommunen.",
    ownerKey: "sss",
    contact: { name: "Følgegruppen for behandling og pleje", email: "behandling@vestkyst.example" },
    text: plain(
      "Voksne med erhvervet hjerneskade",
      "Rehabilitering",
      "Sammenhængende rehabilitering efter erhvervet hjerneskade.",
    ),
    hearing: {
      startsOn: "2026-10-15",
      endsOn: "2026-12-15",
      inviteeKeys: [...MUNICIPALITIES, "plo", "patienter"],
      decision: { on: "2026-10-15", note: "Formandskabet godkendte høringsudkastet." },
      responses: [
        {
          partyKey: "havbjerg",
          receivedOn: "2026-11-02",
          text: "Aftalen bør beskrive overgangen til beskæftigelsesindsatsen.\n\nVi ønsker en fælles kontaktperson.",
        },
        {
          partyKey: "mosevang",
          receivedOn: "2026-11-09",
          text: "Ventetiden på neuropsykologisk udredning bør fremgå.",
        },
        {
          partyKey: "patienter",
          receivedOn: "2026-11-16",
          text: "Pårørende skal have en fast rolle i planlægningen.",
        },
      ],
    },
  },
  {
    key: "amning",
    title: "Fælles ammepolitik",
    kind: "other",
    theme: "Børn og unge",
    summary: "Udkast til en fælles ammepolitik for fødested, sundhedspleje og almen praksis.",
    ownerKey: "sss",
    contact: CONTACT,
    text: "# Fælles ammepolitik\n\nUdkast under udarbejdelse.",
  },
  {
    key: "sundhedsplan",
    title: "Sundhedsplan for Region Vestkyst 2027–2030",
    kind: "health_plan",
    theme: "Sundhedsplan",
    summary:
      "Regionens første sundhedsplan: rammen for sundhedsrådenes arbejde med det nære sundhedsvæsen fra 2027.",
    ownerKey: "rr",
    contact: CONTACT,
    text: "# Sundhedsplan for Region Vestkyst 2027–2030\n\n## Pejlemærker\n\n- Behandling tæt på borgerens hjem.\n- Lige adgang i hele regionen.\n\n## Sundhedsrådene\n\nSundhedsråd Vestkyst Nord og Syd omsætter planen til arbejdsplaner for deres område.",
    hearing: {
      startsOn: "2026-11-30",
      endsOn: "2027-01-25",
      inviteeKeys: [...MUNICIPALITIES, "plo", "patienter"],
      decision: { on: "2026-11-30", note: "Regionsrådet sendte udkastet i høring." },
      responses: [],
    },
  },
];
