import { CLUSTER_NORD, CLUSTER_SYD, REGION } from "./demo.data.parties.ts";

/** An initiative of the demo's implementation plan; keys refer to demo.data.parties.ts. */
export interface DemoInitiative {
  key: string;
  title: string;
  focusArea: string;
  scope: "joint" | "parallel" | "pilot";
  ownerKey: string;
  clusters: string[];
  partyKeys: string[];
  targetGroup: string;
  theme: string;
  from: string;
  to: string;
  phase: "idea" | "described" | "approved" | "running" | "evaluated" | "anchored" | "stopped";
  rag: "green" | "yellow" | "red";
  reason?: string;
  /** the status before the current one; the change to the current one is reported at meetingKey */
  earlier?: {
    phase: DemoInitiative["phase"];
    rag: DemoInitiative["rag"];
    reason?: string;
    meetingKey?: string;
    on: string;
  };
}

export const AGREEMENT = "Sundhedsaftalen 2024–2027";
const AREA = {
  forloeb: "Sammenhængende forløb for ældre og kronisk syge",
  psyk: "Mental sundhed og psykiatri",
  boern: "Børn, unge og familier",
  lighed: "Lighed i sundhed og forebyggelse",
  praksis: "Almen praksis og det nære sundhedsvæsen",
} as const;
const N = [CLUSTER_NORD];
const S = [CLUSTER_SYD];

const i = (
  key: string,
  title: string,
  focusArea: string,
  scope: DemoInitiative["scope"],
  ownerKey: string,
  clusters: string[],
  partyKeys: string[],
  targetGroup: string,
  theme: string,
  status: [DemoInitiative["phase"], DemoInitiative["rag"], string?],
  earlier?: DemoInitiative["earlier"],
): DemoInitiative => ({
  key,
  title,
  focusArea,
  scope,
  ownerKey,
  clusters,
  partyKeys,
  targetGroup,
  theme,
  from: "2025-01-01",
  to: "2027-12-31",
  phase: status[0],
  rag: status[1],
  ...(status[2] ? { reason: status[2] } : {}),
  ...(earlier ? { earlier } : {}),
});

/** 24 fictional initiatives across the region and the two clusters. */
export const initiativesData: DemoInitiative[] = [
  i(
    "akut-hjem",
    "Kom trygt hjem efter akut indlæggelse",
    AREA.forloeb,
    "pilot",
    "adhoc-akut",
    N,
    ["havbjerg", "klitmose", "hospital"],
    "Ældre medicinske patienter",
    "Udskrivning",
    ["running", "yellow", "Rekruttering af sygeplejersker til akutteamet er forsinket."],
    { phase: "approved", rag: "green", on: "2026-03-12", meetingKey: "m-fsn-nord-2026-11" },
  ),
  i(
    "akutpladser",
    "Fælles brug af kommunale akutpladser",
    AREA.forloeb,
    "pilot",
    "fsn-nord",
    N,
    ["vesterhede", "tangholm", "hospital"],
    "Ældre medicinske patienter",
    "Akutområdet",
    ["running", "green"],
  ),
  i(
    "kol-klinik",
    "Sygeplejeklinik for borgere med KOL",
    AREA.forloeb,
    "pilot",
    "fsn-syd",
    S,
    ["fjordlund", "plo"],
    "Borgere med kronisk sygdom",
    "Kronisk sygdom",
    ["running", "green"],
  ),
  i(
    "diabetes",
    "Opfølgning på type 2-diabetes i almen praksis",
    AREA.praksis,
    "parallel",
    "sss",
    [],
    ["plo"],
    "Borgere med kronisk sygdom",
    "Kronisk sygdom",
    ["approved", "green"],
  ),
  i(
    "genoptraening",
    "Fælles genoptræningsforløb efter hofte- og knæalloplastik",
    AREA.forloeb,
    "pilot",
    "fsn-syd",
    S,
    ["sondera", "hospital"],
    "Borgere efter operation",
    "Genoptræning",
    ["described", "green"],
  ),
  i(
    "vent-genoptraening",
    "Kortere ventetid på specialiseret genoptræning",
    AREA.forloeb,
    "joint",
    "sss",
    [],
    ["region"],
    "Borgere efter operation",
    "Genoptræning",
    ["running", "red", "Ventetiden er steget i to kvartaler i træk."],
  ),
  i(
    "medicin",
    "Fælles medicinliste ved udskrivning",
    AREA.forloeb,
    "joint",
    "sss",
    [],
    ["region", "plo"],
    "Ældre medicinske patienter",
    "Medicin",
    ["anchored", "green"],
  ),
  i(
    "rus-psyk",
    "Fremskudt psykiatrisk funktion i rusmiddelbehandlingen",
    AREA.psyk,
    "pilot",
    "adhoc-psyk",
    S,
    ["fjordlund", "psykiatri"],
    "Borgere med psykisk lidelse og misbrug",
    "Psykiatri",
    ["idea", "yellow", "Gruppen er sat i bero indtil de nationale anbefalinger foreligger."],
  ),
  i(
    "mental-unge",
    "Fælles indgang for børn og unges mentale sundhed",
    AREA.boern,
    "pilot",
    "fsn-syd",
    S,
    ["mosevang", "psykiatri"],
    "Børn og unge",
    "Mental sundhed",
    ["running", "green"],
  ),
  i(
    "mistrivsel",
    "Tidlig indsats for unge med psykisk mistrivsel",
    AREA.boern,
    "parallel",
    "sss",
    [],
    ["region"],
    "Børn og unge",
    "Mental sundhed",
    ["approved", "green"],
  ),
  i(
    "gravide",
    "Opfølgning på gravide med overvægt",
    AREA.boern,
    "pilot",
    "fsn-syd",
    S,
    ["mosevang", "plo"],
    "Gravide og familier",
    "Forebyggelse",
    ["described", "green"],
  ),
  i(
    "sundhedspleje",
    "Styrket samarbejde mellem sundhedspleje og almen praksis",
    AREA.boern,
    "pilot",
    "fsn-nord",
    N,
    ["klitmose", "plo"],
    "Gravide og familier",
    "Forebyggelse",
    ["evaluated", "green"],
  ),
  i(
    "rygestop",
    "Rygestop i forbindelse med operation",
    AREA.lighed,
    "joint",
    "sss",
    [],
    ["region", "hospital"],
    "Borgere efter operation",
    "Forebyggelse",
    ["running", "green"],
  ),
  i(
    "lighed-kroniske",
    "Ulighed i forløb for borgere med kronisk sygdom",
    AREA.lighed,
    "parallel",
    "sss",
    [],
    ["region"],
    "Borgere med kronisk sygdom",
    "Lighed",
    ["described", "yellow", "Datagrundlaget fra kommunerne er endnu ikke på plads."],
  ),
  i(
    "tolk",
    "Tolkning på tværs af sektorer",
    AREA.lighed,
    "joint",
    "sss",
    [],
    ["region"],
    "Borgere med anden etnisk baggrund",
    "Lighed",
    ["stopped", "red", "Erstattet af den nationale tolkeordning."],
  ),
  i(
    "laegedaekning",
    "Lokal aftale om lægedækning i Mosevang",
    AREA.praksis,
    "pilot",
    "pn-syd",
    S,
    ["mosevang", "plo"],
    "Borgere i yderområder",
    "Lægedækning",
    ["running", "yellow", "To ledige ydernumre er stadig ikke besat."],
  ),
  i(
    "laegekoordinator",
    "Tværsektoriel lægekoordinator",
    AREA.praksis,
    "pilot",
    "fsn-syd",
    S,
    ["sondera", "fjordlund", "mosevang", "plo"],
    "Borgere med kronisk sygdom",
    "Lægedækning",
    ["approved", "green"],
  ),
  i(
    "sundhedshus",
    "Sundhedshus i Fjordlund",
    AREA.praksis,
    "pilot",
    "pn-syd",
    S,
    ["fjordlund", "region"],
    "Borgere i yderområder",
    "Nære sundhedstilbud",
    ["idea", "green"],
  ),
  i(
    "telemedicin",
    "Telemedicinsk hjemmemonitorering ved hjertesvigt",
    AREA.forloeb,
    "parallel",
    "sss",
    [],
    ["region", "hospital"],
    "Borgere med kronisk sygdom",
    "Digitale løsninger",
    ["running", "green"],
  ),
  i(
    "demens",
    "Opsporing af demens i hjemmeplejen",
    AREA.forloeb,
    "pilot",
    "fsn-nord",
    N,
    ["havbjerg", "tangholm"],
    "Ældre medicinske patienter",
    "Demens",
    ["running", "yellow", "Uddannelse af medarbejdere er udskudt til foråret."],
  ),
  i(
    "palliation",
    "Fælles palliativt team",
    AREA.forloeb,
    "pilot",
    "kf-nord",
    N,
    ["vesterhede", "hospital"],
    "Borgere i palliative forløb",
    "Palliation",
    ["described", "green"],
  ),
  i(
    "selvmord",
    "Forebyggelse af selvmordsforsøg efter udskrivning",
    AREA.psyk,
    "joint",
    "sss",
    [],
    ["psykiatri"],
    "Borgere med psykisk lidelse",
    "Psykiatri",
    ["running", "green"],
  ),
  i(
    "ensomhed",
    "Social ordination mod ensomhed",
    AREA.lighed,
    "pilot",
    "kf-nord",
    N,
    ["klitmose"],
    "Ældre medicinske patienter",
    "Forebyggelse",
    ["evaluated", "yellow", "Evalueringen viser effekt, men finansieringen efter 2027 er uafklaret."],
  ),
  i(
    "data",
    "Fælles ledelsesinformation for klyngerne",
    AREA.praksis,
    "parallel",
    "sss",
    [],
    ["region"],
    "Alle borgere",
    "Data og styring",
    ["running", "green"],
  ),
];

export const INITIATIVE_REGION = REGION;

/**
 * A few documents, as links to pages of Tværs (an address, or the status report of a meeting by its key).
 * Kept small: the demo's load time counts.
 */
export const INITIATIVE_DOCUMENTS: Record<
  string,
  { title: string; url?: string; statusAtMeetingKey?: string }[]
> = {
  "akut-hjem": [
    {
      title: "Status på indsatser ved mødet i FSN Nord, november 2026",
      statusAtMeetingKey: "m-fsn-nord-2026-11",
    },
    {
      title: "Indsatserne i Sundhedsklynge Nord på kortet",
      url: "/indsatser/kort?klynge=Sundhedsklynge+Nord",
    },
  ],
  "kol-klinik": [{ title: "Puljer og klyngemidler", url: "/puljer" }],
  data: [{ title: "Samarbejdsaftaler i værktøjskassen", url: "/vaerktoejskasse" }],
};
