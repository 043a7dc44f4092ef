/** The demo's cluster funds: income per party per year and grants (kroner as Danish text, parsed exactly). */
export interface DemoFund {
  bodyKey: string;
  name: string;
  description: string;
  /** party keys in table order; the first `inKey` of them make the key */
  parties: { key: string; inKey: boolean }[];
  income: Record<number, Record<string, string>>;
  grants: {
    title: string;
    initiativeKey?: string;
    status: "pending" | "approved";
    approvedOn?: string;
    pendingUntil?: string;
    /** the item with the decision: meeting key and item title */
    item?: { meetingKey: string; title: string };
    explicit?: Record<string, string>;
    byKey?: string;
  }[];
}

export const fundsData: DemoFund[] = [
  {
    bodyKey: "pn-syd",
    name: "Klyngemidler Sundhedsklynge Syd",
    description:
      "Region og kommuner lægger hvert år midler i klyngens pulje til prøvehandlinger. Kommunernes andel fordeles efter deres indbetaling.",
    parties: [
      { key: "sondera", inKey: true },
      { key: "fjordlund", inKey: true },
      { key: "mosevang", inKey: true },
      { key: "region", inKey: false },
    ],
    income: {
      2025: {
        sondera: "612.400,00",
        fjordlund: "388.150,00",
        mosevang: "249.450,00",
        region: "1.250.000,00",
      },
      2026: {
        sondera: "612.400,00",
        fjordlund: "388.150,00",
        mosevang: "249.450,00",
        region: "1.250.000,00",
      },
    },
    grants: [
      {
        title: "Sygeplejeklinik for borgere med KOL",
        initiativeKey: "kol-klinik",
        status: "approved",
        approvedOn: "2025-06-12",
        explicit: { region: "400.000,00" },
        byKey: "350.000,00",
      },
      {
        title: "Fremskudt psykiatrisk funktion i rusmiddelbehandlingen",
        initiativeKey: "rus-psyk",
        status: "pending",
        pendingUntil: "2027-01-28",
        item: { meetingKey: "m-pn-syd-2027-01", title: "Klyngemidler 2027 – godkendelse af prøvehandlinger" },
        explicit: { region: "575.000,00" },
        byKey: "575.000,00",
      },
      {
        title: "Fælles genoptræningsforløb efter hofte- og knæalloplastik",
        initiativeKey: "genoptraening",
        status: "pending",
        pendingUntil: "2027-01-28",
        item: { meetingKey: "m-pn-syd-2027-01", title: "Klyngemidler 2027 – godkendelse af prøvehandlinger" },
        explicit: { region: "490.000,00", sondera: "490.000,00" },
      },
    ],
  },
  {
    bodyKey: "pn-nord",
    name: "Klyngemidler Sundhedsklynge Nord",
    description: "Klyngens fælles midler; kommunernes andel fordeles efter indbetalingen i 2026.",
    parties: [
      { key: "havbjerg", inKey: true },
      { key: "klitmose", inKey: true },
      { key: "vesterhede", inKey: true },
      { key: "tangholm", inKey: true },
      { key: "region", inKey: false },
    ],
    income: {
      2026: {
        havbjerg: "512.000,00",
        klitmose: "301.775,00",
        vesterhede: "198.340,00",
        tangholm: "143.885,00",
        region: "1.156.000,00",
      },
    },
    grants: [
      {
        title: "Kom trygt hjem efter akut indlæggelse",
        initiativeKey: "akut-hjem",
        status: "approved",
        approvedOn: "2026-03-12",
        explicit: { region: "420.000,00" },
        byKey: "733.333,33",
      },
    ],
  },
];
