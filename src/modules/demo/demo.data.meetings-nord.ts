import {
  agendaApproval,
  announcements,
  approved,
  attachment,
  attendance,
  discussed,
  type ItemDraft,
  indstilling,
  leftFrom,
  minutesApproval,
  miscellaneous,
  nextMeetingCases,
  noted,
  numbered,
  withRemarks,
  writtenOrientations,
} from "./demo.data.helpers.ts";
import type { DemoMeeting } from "./demo.types.ts";

const pnMarch: ItemDraft[] = [
  agendaApproval(approved()),
  minutesApproval("den 20. november 2025", approved(), "2025-0077120"),
  {
    title: "Velkomst og introduktion til klyngesamarbejdet",
    kind: "orientation",
    durationMinutes: 20,
    sections: {
      summary:
        "Det politiske niveau i Sundhedsklynge Nord mødes for første gang i den nye valgperiode. Sekretariatet giver en kort introduktion til klyngens opgaver, organisering og igangværende prøvehandlinger.",
      presentation:
        "Sundhedsklynge Nord omfatter Havbjerg, Klitmose, Vesterhede og Tangholm kommuner, Vestkyst Hospital, Psykiatrien og almen praksis i klyngens område. Klyngen har tre igangværende prøvehandlinger: udgående akutteam til plejecentre, faste udskrivningskonferencer og en ad hoc gruppe om ældre medicinske patienter.",
    },
    decision: noted(),
  },
  {
    title: "Kommissorium for Ad hoc gruppe om akutte forløb for ældre medicinske patienter",
    kind: "orientation",
    durationMinutes: 15,
    caseNumbers: ["EMN-2026-00520"],
    sections: {
      summary:
        "FSN har nedsat en ad hoc gruppe, der skal udvikle en fælles model for opsporing og opfølgning på ældre medicinske patienter i akutområdet. PN orienteres om kommissoriet.",
      presentation:
        "Gruppen ledes af ledende overlæge Rikke Thygesen og har deltagelse fra Tangholm og Vesterhede kommuner, almen praksis og regionens dataenhed. Gruppen skal aflevere en anbefaling senest i 1. kvartal 2027.\n\nGruppen tager afsæt i erfaringerne med de fælles akutpladser i Havbjerg.",
      approvedBy: "Godkendt af FSN i Sundhedsklynge Nord den 19. februar 2026.",
    },
    recommendations: ["Sekretariatet indstiller, at PN tager kommissoriet til efterretning."],
    decision: noted(),
    attachments: [
      attachment(
        "Kommissorium, ad hoc gruppe om akutte forløb",
        "kommissorium-adhoc-akut.md",
        `# Kommissorium – Ad hoc gruppe om akutte forløb for ældre medicinske patienter

**Formål:** Udvikle og afprøve en fælles model for opsporing, visitation og opfølgning
**Målgruppe:** Borgere over 75 år med akut medicinsk problemstilling
**Formand:** Ledende overlæge, Fælles Akutmodtagelse, Vestkyst Hospital
**Medlemmer:** Tangholm og Vesterhede kommuner, PLO-Vestkyst, Data og Digitalisering
**Leverancer:**
- Kortlægning af forløb (juni 2026)
- Model for fælles visitation (oktober 2026)
- Anbefaling om skalering (marts 2027)
**Periode:** 1. marts 2026 – 31. marts 2027
**Refererer til:** FSN, Sundhedsklynge Nord`,
      ),
    ],
  },
  {
    title: "Udbredelse af udgående akutteam til Vesterhede og Tangholm",
    kind: "decision",
    durationMinutes: 25,
    caseNumbers: ["EMN-2026-00588", "2026-0011873"],
    sections: {
      summary:
        "Det udgående akutteam til plejecentre har i Havbjerg og Klitmose reduceret antallet af indlæggelser fra plejecentrene. FSN anbefaler, at teamet udbredes til Vesterhede og Tangholm fra 1. september 2026.",
      presentation:
        "**Baggrund**\n\nAkutteamet består af sygeplejersker fra kommunerne med lægelig rådgivning fra Fælles Akutmodtagelse. Teamet rykker ud til plejecentre, når en beboer får det akut dårligere, og vurderer sammen med plejepersonalet, om borgeren kan behandles på stedet.\n\n**Resultater**\n\n- 312 udrykninger i 2025\n- 71 pct. af borgerne blev behandlet på plejecentret\n- Tilfredshed blandt plejepersonalet på 4,6 ud af 5\n\nUdbredelsen forudsætter ansættelse af fire sygeplejersker og en aftale om lægelig tilsynsordning.",
      economy:
        "Udbredelsen koster 2.100.000 kr. årligt. Heraf finansieres 1.050.000 kr. af den tværsektorielle pulje i 2026–2027 og resten af de to kommuner.",
      municipalRemarks:
        "Tangholm Kommune ønsker at indgå, men gør opmærksom på, at rekruttering af sygeplejersker er vanskelig i kommunen.",
    },
    recommendations: [
      indstilling("FSN indstiller,", [
        "akutteamet udbredes til Vesterhede og Tangholm fra 1. september 2026",
        "der følges op på rekrutteringen på PN's møde i efteråret",
      ]),
    ],
    decision: withRemarks(
      "Indstillingen blev tiltrådt med den bemærkning, at Tangholm kan starte senere end 1. september, hvis rekrutteringen ikke er på plads.",
    ),
  },
  {
    title: "Sundhedsaftalen 2027–2030 – klyngens input",
    kind: "discussion",
    durationMinutes: 30,
    caseNumbers: ["EMN-2025-05102"],
    sections: {
      summary:
        "PN drøfter, hvilke erfaringer og ønsker fra Sundhedsklynge Nord der skal bringes med ind i arbejdet med den nye sundhedsaftale.",
      presentation:
        "Sekretariatet foreslår tre temaer: lægelig understøttelse af de kommunale akutfunktioner, sundhed i yderområderne og bedre datadeling mellem hospital og hjemmepleje. Temaerne bygger på klyngens prøvehandlinger og på dialogmødet med de praktiserende læger i februar.",
    },
    recommendations: ["Sekretariatet indstiller, at PN drøfter klyngens input."],
    decision: discussed(
      "Drøftet. PN tilsluttede sig de tre temaer og ønsker, at sundhed i yderområderne får en særlig plads i aftalen.",
    ),
  },
  {
    title: "Kontrakt om lægelig tilsynsordning på akutpladserne i Havbjerg",
    access: "closed",
    kind: "decision",
    durationMinutes: 15,
    caseNumbers: ["EMN-2026-00611"],
    sections: {
      summary:
        "Punktet er lukket, da det vedrører en kontrakt under forhandling. PN skal tage stilling til den forhandlede aftale om lægelig tilsynsordning.",
      presentation:
        "Aftalen indebærer, at en lægepraksis i Havbjerg varetager daglig tilsyn på de 8 akutpladser på hverdage, mens Fælles Akutmodtagelse dækker aften og weekend. Aftalen løber i to år.",
      economy: "Den årlige udgift udgør 612.000 kr., som deles ligeligt mellem regionen og Havbjerg Kommune.",
    },
    recommendations: ["Sekretariatet indstiller, at aftalen godkendes."],
    decision: approved(),
  },
  announcements(["Formanden orienterede om det kommende dialogmøde med SSU's formandskab"], noted()),
  miscellaneous(noted("Intet.")),
];

const fsnNovember: ItemDraft[] = [
  agendaApproval(approved()),
  minutesApproval("den 16. september 2026", approved(), "2026-0066311"),
  announcements(
    [
      "Formanden orienterede om SSS' beslutninger den 7. oktober 2026",
      "Vestkyst Hospital orienterede om midlertidig lukning af ti senge på medicinsk afsnit i december",
    ],
    noted(),
  ),
  {
    title: "Halvårsstatus fra Ad hoc gruppe om akutte forløb for ældre medicinske patienter",
    kind: "orientation",
    durationMinutes: 20,
    caseNumbers: ["EMN-2026-00520"],
    sections: {
      summary:
        "Ad hoc gruppen har kortlagt forløbene for 420 ældre medicinske patienter og har udarbejdet et udkast til fælles visitationsmodel.",
      presentation:
        "Kortlægningen viser, at hver fjerde indlæggelse kunne have været undgået, hvis borgeren var blevet vurderet af akutteamet eller egen læge samme dag. Den fælles visitationsmodel bygger på en telefonisk konference mellem visiterende læge, kommunal akutsygeplejerske og om muligt egen læge.\n\nGruppen afprøver modellen i Tangholm fra januar 2027.",
    },
    recommendations: ["Sekretariatet indstiller, at orienteringen tages til efterretning."],
    decision: noted(),
    attachments: [
      attachment(
        "Halvårsstatus, ad hoc gruppe om akutte forløb",
        "halvaarsstatus-adhoc-akut.txt",
        `Halvårsstatus – Ad hoc gruppe om akutte forløb for ældre medicinske patienter

Kortlagte forløb: 420 (marts–august 2026)
Heraf vurderet som mulige at undgå: 104 (25 pct.)
Hyppigste årsager: dehydrering, urinvejsinfektion, fald uden brud
Udkast til visitationsmodel: færdigt
Afprøvning: Tangholm, januar–marts 2027
Risici: lægedækning om eftermiddagen, adgang til fælles data`,
      ),
    ],
  },
  {
    title: "Fælles aftaleoversigt – forberedelse af afprøvning i klyngen",
    kind: "decision",
    durationMinutes: 20,
    caseNumbers: ["EMN-2026-02240"],
    sections: {
      summary:
        "SSS har besluttet en trinvis afprøvning af en fælles aftaleoversigt i Sundhedsklynge Nord. FSN skal udpege de deltagende enheder og en lokal projektgruppe.",
      presentation:
        "Første trin omfatter hjemmeplejen i Havbjerg, Klitmose og Vesterhede og to medicinske afsnit på Vestkyst Hospital. Projektleder Nanna Kjærgaard præsenterer tidsplanen og krav til de deltagende enheder, herunder uddannelse af ca. 180 medarbejdere.",
      process: "Afprøvningen starter 1. februar 2027 og evalueres efter seks måneder.",
    },
    recommendations: [
      indstilling("Sekretariatet indstiller,", [
        "de foreslåede enheder deltager i første trin",
        "hver kommune udpeger en lokal nøgleperson inden 1. december 2026",
      ]),
    ],
    decision: approved(),
  },
  {
    title: "Klyngemidler 2027 – prioritering af prøvehandlinger",
    kind: "decision",
    durationMinutes: 30,
    caseNumbers: ["EMN-2026-02455", "26-006017"],
    sections: {
      summary:
        "Sundhedsklynge Nord forventer at råde over 3.400.000 kr. i klyngemidler i 2027. FSN skal prioritere mellem fire forslag til prøvehandlinger, før PN træffer beslutning.",
      presentation:
        "Forslagene er:\n\n- Fælles visitationsmodel for ældre medicinske patienter: 1.300.000 kr.\n- Sundhedsfaglig rådgivning til bosteder: 850.000 kr.\n- Forebyggende hjemmebesøg med fokus på fald: 700.000 kr.\n- Telemedicinsk opfølgning på hjertesvigt: 1.250.000 kr.\n\nDe fire forslag beløber sig til 4.100.000 kr. og overstiger dermed rammen med 700.000 kr.",
      economy: "Rammen for 2027 er 3.400.000 kr., finansieret af regionen og de fire kommuner i klyngen.",
    },
    recommendations: [
      indstilling("Det indstilles til FSN,", [
        "forslaget om forebyggende hjemmebesøg udskydes til 2028",
        "de tre øvrige prøvehandlinger anbefales over for PN med i alt 3.400.000 kr.",
      ]),
      indstilling("Det indstilles til PN,", [
        "de tre prøvehandlinger godkendes inden for rammen på 3.400.000 kr.",
      ]),
    ],
    decision: withRemarks(
      "Indstillingen blev tiltrådt med den bemærkning, at sundhedsfaglig rådgivning til bosteder reduceres til 700.000 kr., så der inden for rammen afsættes 150.000 kr. til en mindre faldindsats i Tangholm.",
    ),
  },
  {
    title: "Tidlig opsporing af underernæring – midtvejsevaluering",
    kind: "discussion",
    durationMinutes: 20,
    caseNumbers: ["EMN-2025-04871"],
    sections: {
      summary:
        "Midtvejsevalueringen viser, at screening for underernæring ved udskrivning nu sker for 64 pct. af borgerne over 65 år. FSN drøfter, hvordan screeningen kan følges op i hjemmeplejen.",
      presentation:
        "Screeningen er implementeret på de medicinske afsnit, men oplysningerne når ikke altid frem til hjemmeplejen. Projektgruppen foreslår, at resultatet fremgår af plejeforløbsplanen, og at diætister fra kommunerne deltager i udskrivningskonferencerne én gang om ugen.",
    },
    recommendations: ["Sekretariatet indstiller, at FSN drøfter forslagene."],
    decision: discussed("Drøftet. Forslaget om diætister i udskrivningskonferencerne afprøves i Havbjerg."),
  },
  {
    title: "Fordeling af kommunal medfinansiering af akutpladser i 2027",
    access: "closed",
    kind: "decision",
    durationMinutes: 15,
    caseNumbers: ["2026-0097002"],
    sections: {
      summary:
        "Punktet er lukket, da kommunernes budgetforhandlinger om akutpladserne ikke er afsluttet. FSN drøfter et forslag til ny fordeling mellem de fire kommuner i klyngen.",
      presentation:
        "Forslaget fordeler udgiften efter faktisk forbrug af pladserne de seneste to år i stedet for efter indbyggertal. Havbjerg og Klitmose vil få en merudgift, mens Vesterhede og Tangholm får en besparelse.",
      economy: "Kommunernes samlede andel udgør 3.186.000 kr. i 2027.",
    },
    recommendations: ["Sekretariatet indstiller, at FSN anbefaler fordeling efter forbrug."],
    decision: withRemarks(
      "Anbefalet med den bemærkning, at ændringen indfases over to år. Sagen afgøres af kommunaldirektørerne i klyngen.",
    ),
    attachments: [
      attachment(
        "Beregning af fordeling efter forbrug",
        "beregning-akutpladser-2027.txt",
        `FORTROLIGT – budgetforhandling

Kommunernes andel 2027: 3.186.000 kr.
Fordeling efter forbrug 2025–2026:
  Havbjerg   1.306.260 kr. (41 pct.)
  Klitmose     796.500 kr. (25 pct.)
  Vesterhede   573.480 kr. (18 pct.)
  Tangholm     509.760 kr. (16 pct.)`,
        "closed",
      ),
    ],
  },
  nextMeetingCases(
    ["Evaluering af udskrivningskonferencerne", "Vinterberedskab på akutpladserne"],
    approved(),
  ),
  miscellaneous(noted("Intet.")),
];

const kfDecember: ItemDraft[] = [
  agendaApproval(),
  minutesApproval("den 14. oktober 2026", undefined, "2026-0071200"),
  {
    title: "Udskrivningskonferencer – erfaringer fra det første år",
    kind: "orientation",
    durationMinutes: 20,
    caseNumbers: ["EMN-2026-00305"],
    sections: {
      summary:
        "De faste udskrivningskonferencer mellem Vestkyst Hospital og kommunernes visitatorer har kørt i et år. Sekretariatet fremlægger erfaringerne.",
      presentation:
        "Der er holdt 236 konferencer om i alt 1.140 borgere. Antallet af færdigbehandlingsdage er faldet med 31 pct., og kommunerne oplever færre udskrivninger efter kl. 15. Der er fortsat udfordringer om fredagen.",
    },
    recommendations: ["Sekretariatet indstiller, at orienteringen tages til efterretning."],
  },
  {
    title: "Fælles procedure for medicinhåndtering ved udskrivning af ældre",
    kind: "decision",
    durationMinutes: 25,
    caseNumbers: ["2026-0083419"],
    sections: {
      summary:
        "En arbejdsgruppe har udarbejdet en fælles procedure, der skal sikre, at ældre borgere udskrives med medicin til mindst tre dage og en opdateret medicinliste.",
      presentation:
        "Proceduren præciserer ansvaret mellem hospitalet, hjemmeplejen og egen læge. Hospitalet sender medicinlisten elektronisk senest kl. 12 på udskrivningsdagen, og hjemmeplejen kontakter egen læge ved uoverensstemmelser.",
    },
    recommendations: [
      indstilling("Sekretariatet indstiller,", [
        "proceduren godkendes",
        "proceduren implementeres fra 1. marts 2027",
      ]),
    ],
    attachments: [
      attachment(
        "Udkast til fælles procedure for medicinhåndtering",
        "procedure-medicin-udskrivning.md",
        `# Fælles procedure: medicinhåndtering ved udskrivning af ældre

1. Hospitalet afstemmer medicinlisten med borgeren og pårørende inden udskrivning.
2. Borgeren udskrives med medicin til mindst tre dage.
3. Medicinlisten sendes elektronisk til hjemmeplejen og egen læge senest kl. 12.
4. Hjemmeplejen kontrollerer listen ved første besøg.
5. Ved uoverensstemmelser kontakter hjemmeplejen egen læge samme dag.

Gælder for borgere over 65 år, der modtager hjemmepleje eller bor i plejebolig.`,
      ),
    ],
  },
  {
    title: "Revideret vejledning om genoptræningsplaner – lokal implementering",
    kind: "discussion",
    durationMinutes: 20,
    caseNumbers: ["EMN-2025-00876"],
    sections: {
      summary:
        "SSS har godkendt en revideret vejledning om genoptræningsplaner. Koordinationsforum drøfter, hvordan vejledningen implementeres i klyngen.",
      presentation:
        "Vejledningen kræver, at genoptræningsplanen er sendt på udskrivningsdagen. Kommunerne foreslår fælles undervisning for terapeuter fra hospital og kommuner i foråret 2027.",
    },
    recommendations: ["Sekretariatet indstiller, at koordinationsforum drøfter implementeringen."],
  },
  {
    title: "Vinterberedskab – kapacitet på akutpladserne december–februar",
    kind: "orientation",
    durationMinutes: 15,
    caseNumbers: ["EMN-2026-02990"],
    sections: {
      summary: "Kommunerne og hospitalet orienterer om kapaciteten i vintermånederne.",
      presentation:
        "Havbjerg Kommune udvider midlertidigt med to akutpladser fra 15. december. Hospitalet forventer høj belægning i uge 1–6.",
    },
  },
  writtenOrientations(["Referat fra møde i Ad hoc gruppe om akutte forløb for ældre medicinske patienter"]),
  miscellaneous(),
];

export const meetingsNord: DemoMeeting[] = [
  {
    key: "m-pn-nord-2026-03",
    bodyKey: "pn-nord",
    start: "2026-03-12T15:00",
    end: "2026-03-12T17:30",
    location: "Rådhuset i Havbjerg, Byrådssalen",
    kind: "ordinary",
    status: "minutes_published",
    attendance: attendance("pn-nord", "2026-03-12", {
      afbud: ["p-aagaard"],
      absent: ["p-sandholm"],
      substitutes: [["p-aasted", "p-lindholt"]],
      guests: [{ personKey: "p-thygesen", items: [5], note: "Oplæg om akutteamet" }],
    }),
    items: numbered(leftFrom(pnMarch, 7, ["p-abildgaard"])),
  },
  {
    key: "m-fsn-nord-2026-11",
    bodyKey: "fsn-nord",
    start: "2026-11-11T09:00",
    end: "2026-11-11T12:00",
    location: "Rådhuset i Vesterhede, mødelokale Fjorden",
    kind: "ordinary",
    status: "minutes_draft",
    attendance: attendance("fsn-nord", "2026-11-11", {
      afbud: ["p-toft"],
      absent: ["p-abildgaard"],
      substitutes: [["p-kjeldsen", "p-aagaard"]],
      guests: [{ personKey: "p-kjaergaard", items: [5], note: "Projektleder for aftaleoversigten" }],
      notes: { "p-thygesen": "Forlod mødet efter punkt 6" },
    }),
    items: numbered(leftFrom(fsnNovember, 7, ["p-thygesen"])),
  },
  {
    key: "m-kf-nord-2026-12",
    bodyKey: "kf-nord",
    start: "2026-12-16T13:00",
    end: "2026-12-16T15:30",
    location: "Vestkyst Hospital, Havbjerg, mødelokale 4",
    kind: "ordinary",
    status: "planned",
    cancelled: true,
    attendance: [],
    items: numbered(kfDecember),
  },
];
