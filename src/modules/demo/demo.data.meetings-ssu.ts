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

const january: ItemDraft[] = [
  agendaApproval(approved()),
  {
    title: "Konstituering og forretningsorden for SSU 2026–2029",
    kind: "decision",
    durationMinutes: 15,
    caseNumbers: ["EMN-2026-00112"],
    sections: {
      summary:
        "Med den nye valgperiode skal Sundhedssamarbejdsudvalget konstituere sig og godkende sin forretningsorden. Regionsrådsformanden er formand efter loven, og kommunerne har peget på borgmester Niels Ulrik Brandt, Havbjerg Kommune, som næstformand.",
      presentation:
        "Forretningsordenen er videreført fra den forrige periode med to ændringer: Patientrepræsentanterne får fast plads i udvalget, og formandskabet får mulighed for at godkende mindre sager mellem møderne, når der er tidsfrister.\n\nUdvalget holder fire ordinære møder og ét temamøde om året. Dagsordenen udsendes senest otte dage før mødet.",
      process: "Forretningsordenen offentliggøres på regionens hjemmeside efter godkendelse.",
    },
    recommendations: [
      indstilling("Administrationen indstiller,", [
        "borgmester Niels Ulrik Brandt vælges som næstformand",
        "forretningsordenen for 2026–2029 godkendes",
      ]),
    ],
    decision: approved("Godkendt. Niels Ulrik Brandt blev valgt som næstformand."),
    attachments: [
      attachment(
        "Forretningsorden for Sundhedssamarbejdsudvalget 2026–2029",
        "forretningsorden-ssu-2026-2029.md",
        `# Forretningsorden for Sundhedssamarbejdsudvalget 2026–2029

§ 1. Udvalget består af repræsentanter for Region Vestkyst, de syv kommuner,
PLO-Vestkyst og patient- og pårørenderepræsentanterne. KL deltager som observatør.

§ 2. Regionsrådsformanden er formand. Næstformanden vælges blandt kommunernes repræsentanter.

§ 3. Udvalget holder mindst fire ordinære møder om året samt ét temamøde.

§ 4. Dagsordenen udsendes senest otte dage før mødet. Lukkede punkter markeres særskilt.

§ 5. Formandskabet kan godkende sager mellem møderne, når en frist gør det nødvendigt.
Sagerne forelægges udvalget til orientering på førstkommende møde.

§ 6. Sekretariatsbetjeningen varetages af Sekretariat for sundhedssamarbejde.`,
      ),
    ],
  },
  minutesApproval("den 11. december 2025", approved(), "EMN-2025-05530"),
  announcements(
    [
      "Formanden bød velkommen til de nye medlemmer af udvalget",
      "Sundhedsministeriet har udsendt en vejledning om sundhedsklyngernes nye opgaver fra 2027",
      "Næste temamøde holdes den 18. juni 2026 i Klitmose",
    ],
    noted(),
  ),
  {
    title: "Tværsektoriel pulje 2026 – fordeling af midler",
    kind: "decision",
    durationMinutes: 25,
    caseNumbers: ["EMN-2025-04871", "2025-0081374"],
    sections: {
      summary:
        "SSS anbefaler, at fem indsatser får tilsagn fra den tværsektorielle pulje med i alt 12.550.000 kr., og at 7.050.000 kr. reserveres til klyngernes prøvehandlinger.",
      presentation:
        "Puljen udgør 19.600.000 kr. i 2026. Ni ansøgninger er vurderet ud fra de kriterier, udvalget godkendte i juni 2025. De anbefalede indsatser omfatter et udgående akutteam til plejecentre i Nord, en sygeplejeklinik for borgere med KOL i Syd, brobygning mellem psykiatri og rusmiddelbehandling, tidlig opsporing af underernæring og uddannelse i genoptræningsplaner.\n\nSSS har tilføjet, at indsatsen om underernæring skal koordineres med den eksisterende ernæringsindsats i Fjordlund og Mosevang.",
      economy: "Tilsagn for 12.550.000 kr. og reserve på 7.050.000 kr., i alt 19.600.000 kr.",
      approvedBy: "Indstillet af Strategisk Sundhedsstyregruppe den 4. december 2025.",
      previousDecisions: "SSU godkendte kriterierne for puljen den 12. juni 2025.",
    },
    recommendations: [
      indstilling("SSS indstiller,", [
        "der gives tilsagn til de fem indsatser med i alt 12.550.000 kr.",
        "SSS bemyndiges til at udmønte reserven på 7.050.000 kr. i løbet af 2026",
      ]),
    ],
    decision: approved(),
  },
  {
    title: "Sundhedsaftalen 2027–2030 – proces og tidsplan",
    kind: "decision",
    durationMinutes: 25,
    caseNumbers: ["EMN-2025-05102"],
    sections: {
      summary:
        "SSS har godkendt et forslag til proces for den nye sundhedsaftale med dialogmøder i klyngerne, temamøde i SSU i juni og høring i efteråret 2026.",
      presentation:
        "Processen skal sikre, at den nye aftale bygger på klyngernes erfaringer og på et fælles billede af de udfordringer, sundhedsvæsenet står over for: flere ældre med flere kroniske sygdomme, mangel på personale og et større ansvar til det nære sundhedsvæsen.\n\nAlle parter inviteres til dialogmøderne, og udvalgets medlemmer opfordres til at deltage i møderne i egen klynge.",
      process:
        "Dialogmøder marts–maj 2026, temamøde 18. juni 2026, høring oktober–november 2026 og endelig behandling i SSU den 3. december 2026.",
      approvedBy: "Godkendt af Strategisk Sundhedsstyregruppe den 4. december 2025.",
    },
    recommendations: [
      "SSS indstiller, at SSU godkender processen og tidsplanen for sundhedsaftalen 2027–2030.",
    ],
    decision: withRemarks(
      "Indstillingen blev tiltrådt med den bemærkning, at patient- og pårørenderepræsentanterne inddrages i skrivefasen, og at der afholdes ét dialogmøde med ungdomsorganisationer.",
    ),
  },
  {
    title: "Sammenhængende forløb for borgere med kronisk sygdom – fælles målgruppe",
    kind: "discussion",
    durationMinutes: 30,
    caseNumbers: ["EMN-2026-00231", "2026-0004418"],
    sections: {
      summary:
        "Klyngerne arbejder i dag med forskellige afgrænsninger af borgere med kronisk sygdom. Udvalget drøfter, om der skal være én fælles målgruppebeskrivelse for borgere med flere samtidige kroniske sygdomme.",
      presentation:
        "**Baggrund**\n\nI Sundhedsklynge Nord er indsatsen rettet mod borgere med KOL og hjertesvigt, mens Sundhedsklynge Syd har fokus på borgere med type 2-diabetes og samtidig depression. Begge tilgange har vist gode resultater, men det gør det svært at sammenligne og sprede erfaringerne.\n\n**Forslag**\n\nSekretariatet foreslår, at målgruppen beskrives som borgere med mindst to kroniske sygdomme og mindst to akutte indlæggelser inden for et år. Det svarer til ca. 4.300 borgere i regionen.",
    },
    recommendations: ["Administrationen indstiller, at udvalget drøfter forslaget til fælles målgruppe."],
    decision: discussed(
      "Drøftet. Udvalget bakkede op om en fælles målgruppe, men ønsker, at klyngerne kan tilføje lokale fokusgrupper. Sagen indgår i arbejdet med sundhedsaftalen.",
    ),
  },
  {
    title: "Akutområdet – status på udskrivninger og færdigbehandlede patienter",
    kind: "orientation",
    durationMinutes: 20,
    caseNumbers: ["EMN-2026-00305"],
    sections: {
      summary:
        "Ledende overlæge Rikke Thygesen orienterer om udviklingen i antallet af færdigbehandlede patienter og om erfaringerne med udskrivningskonferencer i Fælles Akutmodtagelse.",
      presentation:
        "I 4. kvartal 2025 var der i gennemsnit 11 færdigbehandlede patienter pr. dag på Vestkyst Hospital mod 17 i samme periode året før. Faldet tilskrives især de faste udskrivningskonferencer med kommunernes visitatorer og de nye akutpladser i Havbjerg.\n\nDer er fortsat udfordringer om fredagen og i weekenden, hvor flere udskrivninger sker sent på dagen.",
    },
    recommendations: ["Administrationen indstiller, at orienteringen tages til efterretning."],
    decision: noted(),
  },
  {
    title: "Udpegning af leder af det fælles sundhedssekretariat",
    access: "closed",
    kind: "decision",
    durationMinutes: 10,
    caseNumbers: ["EMN-2026-00140"],
    sections: {
      summary:
        "Punktet er lukket, da det vedrører en personalesag. Ansættelsesudvalget indstiller en kandidat til stillingen som leder af det fælles sundhedssekretariat.",
      presentation:
        "Der var 14 ansøgere til stillingen. Ansættelsesudvalget, med deltagelse af to kommunale og to regionale repræsentanter, har gennemført to samtalerunder og en test. Udvalget indstiller enstemmigt den kandidat, der fremgår af det lukkede bilag.",
      economy: "Stillingen finansieres af den fælles sekretariatsramme på 3.100.000 kr. årligt.",
    },
    recommendations: [
      "Ansættelsesudvalget indstiller, at den indstillede kandidat ansættes pr. 1. april 2026.",
    ],
    decision: approved("Godkendt."),
    attachments: [
      attachment(
        "Indstilling fra ansættelsesudvalget",
        "indstilling-ansaettelsesudvalg.txt",
        `FORTROLIGT – personalesag

Ansættelsesudvalget indstiller kandidat 3 til stillingen som leder
af det fælles sundhedssekretariat.
Begrundelse: bred erfaring fra både kommunal og regional forvaltning,
stærke resultater i testen og gode referencer.
Tiltrædelse: 1. april 2026.
Løn forhandles inden for den aftalte ramme.`,
        "closed",
      ),
    ],
  },
  writtenOrientations(
    ["Årsrapport 2025 for de fælles akutpladser", "Status på sundhedsklyngernes prøvehandlinger"],
    noted(),
  ),
  nextMeetingCases(
    ["Temamøde om sundhedsaftalen 2027–2030 (18. juni 2026)", "Praksisplan 2026–2029 til orientering"],
    approved(),
  ),
  miscellaneous(noted("Intet.")),
];

const june: ItemDraft[] = [
  agendaApproval(approved()),
  minutesApproval("den 23. april 2026", approved(), "EMN-2026-01102"),
  {
    title: "Velkomst og formål med temamødet",
    kind: "orientation",
    durationMinutes: 15,
    sections: {
      summary:
        "Formanden indleder temamødet, der skal give retning for den politiske del af sundhedsaftalen 2027–2030. Der er afsat tre temadrøftelser i løbet af dagen.",
      presentation:
        "Temamødet afholdes i Klitmose og er åbent for udvalgets stedfortrædere. Drøftelserne tager udgangspunkt i input fra dialogmøderne i de to sundhedsklynger og i en befolkningsanalyse udarbejdet af regionens analyseenhed.",
    },
    decision: noted(),
  },
  {
    title: "Temadrøftelse 1: Det nære sundhedsvæsen i 2030",
    kind: "discussion",
    durationMinutes: 60,
    caseNumbers: ["EMN-2025-05102"],
    sections: {
      summary:
        "Udvalget drøfter, hvad der skal kendetegne det nære sundhedsvæsen ved udgangen af aftaleperioden, og hvilken rolle kommunerne, almen praksis og hospitalet skal have.",
      presentation:
        "Drøftelsen tager udgangspunkt i tre spørgsmål:\n\n- Hvilke borgere skal i højere grad behandles i eget hjem eller i kommunalt regi?\n- Hvordan sikres lægelig understøttelse af de kommunale akutfunktioner?\n- Hvordan skabes lighed i adgangen til sundhedstilbud i yderområderne?\n\nBefolkningsanalysen viser, at antallet af borgere over 80 år stiger med 38 pct. frem mod 2035.",
    },
    recommendations: [
      "Administrationen indstiller, at udvalget drøfter visionen for det nære sundhedsvæsen.",
    ],
    decision: discussed(
      "Drøftet. Der var enighed om at formulere visionen med afsæt i borgerens hverdag, og om at lægelig understøttelse af akutfunktionerne skal være et pejlemærke.",
    ),
  },
  {
    title: "Temadrøftelse 2: Psykiatri og misbrug – sammenhæng for borgere med dobbeltdiagnoser",
    kind: "discussion",
    durationMinutes: 60,
    caseNumbers: ["EMN-2026-01377"],
    sections: {
      summary:
        "Direktør for Psykiatrien Torben Ravn holder oplæg om borgere med samtidig psykisk lidelse og rusmiddelproblemer. Udvalget drøfter, hvordan aftalen kan understøtte én samlet plan for borgeren.",
      presentation:
        "Borgere med dobbeltdiagnoser oplever ofte at blive afvist i den ene sektor med henvisning til den anden. Ad hoc gruppen i Sundhedsklynge Syd har kortlagt forløbene og peger på behovet for en fælles indgang og fælles konferencer.\n\nDe nationale anbefalinger om integreret behandling ventes i 2027 og kan ændre opgavefordelingen.",
    },
    recommendations: ["Administrationen indstiller, at udvalget drøfter ambitionerne for området."],
    decision: discussed(
      "Drøftet. Udvalget ønsker en klar ambition i aftalen om, at ingen borger afvises i den ene sektor med henvisning til den anden.",
    ),
  },
  {
    title: "Temadrøftelse 3: Pejlemærker og opfølgning",
    kind: "discussion",
    durationMinutes: 45,
    caseNumbers: ["EMN-2025-05102"],
    sections: {
      summary:
        "Udvalget drøfter forslag til ni pejlemærker og hvordan der skal følges op på dem i aftaleperioden.",
      presentation:
        "Sekretariatet har udarbejdet forslag til pejlemærker inden for akutområdet, kronisk sygdom, psykiatri, genoptræning og børn og unge. Hvert pejlemærke har en indikator, der kan opgøres pr. klynge.\n\nOpfølgningen foreslås gennemført to gange årligt i SSS og én gang årligt i SSU.",
    },
    recommendations: ["Administrationen indstiller, at udvalget drøfter forslagene til pejlemærker."],
    decision: discussed(
      "Drøftet. Udvalget bad om, at antallet af pejlemærker holdes på højst ni, og at patienternes oplevelse af sammenhæng indgår.",
    ),
  },
  {
    title: "Opsamling fra klyngernes dialogmøder",
    kind: "orientation",
    durationMinutes: 15,
    caseNumbers: ["EMN-2026-01290"],
    sections: {
      summary: "Sekretariatet præsenterer de vigtigste pointer fra de fire dialogmøder i sundhedsklyngerne.",
      presentation:
        "Godt 140 deltagere fra kommuner, hospital, psykiatri, almen praksis og patientforeninger deltog. De mest gennemgående ønsker var bedre datadeling, faste kontaktpersoner for borgere med komplekse forløb og flere fælles kompetenceforløb for personalet.",
    },
    decision: noted(),
    attachments: [
      attachment(
        "Opsamling fra dialogmøderne",
        "opsamling-dialogmoeder-2026.md",
        `# Opsamling fra dialogmøderne, marts–maj 2026

**Deltagere:** 143 fra kommuner, hospital, psykiatri, almen praksis og patientforeninger

## Gennemgående ønsker
- Bedre datadeling og fælles overblik over borgerens aftaler
- Faste kontaktpersoner ved komplekse forløb
- Fælles kompetenceforløb på tværs af sektorer
- Mere tid til udskrivning af skrøbelige ældre

## Særligt fra Sundhedsklynge Nord
- Lægelig understøttelse af akutpladserne

## Særligt fra Sundhedsklynge Syd
- Børn og unges mentale sundhed`,
      ),
    ],
  },
  {
    title: "Rehabilitering efter hospitalsophold – forslag til fælles pejlemærke",
    kind: "decision",
    durationMinutes: 20,
    caseNumbers: ["EMN-2026-01405", "26-002871"],
    sections: {
      summary:
        "Ad hoc gruppen om genoptræningsplaner foreslår, at ventetiden på genoptræning efter udskrivning bliver et fælles pejlemærke i den nye sundhedsaftale.",
      presentation:
        "I dag venter 22 pct. af borgerne mere end 14 dage på opstart af kommunal genoptræning efter udskrivning. Gruppen foreslår et mål om, at mindst 90 pct. starter inden for 7 dage ved udgangen af 2030.\n\nMålet forudsætter, at genoptræningsplanen sendes elektronisk på udskrivningsdagen, og at kommunerne kan se planen i deres eget system.",
      economy:
        "Forslaget har ingen direkte økonomiske konsekvenser, men kan kræve omprioritering i kommunerne.",
    },
    recommendations: [
      "Administrationen indstiller, at forslaget til pejlemærke indgår i udkastet til sundhedsaftalen.",
    ],
    decision: withRemarks(
      "Indstillingen blev tiltrådt med den bemærkning, at målet justeres til 85 pct. de første to år af aftaleperioden.",
    ),
  },
  nextMeetingCases(
    ["Udkast til sundhedsaftalen 2027–2030 til høring (SSS oktober, SSU december)"],
    approved(),
  ),
  miscellaneous(noted("Formanden takkede Klitmose Kommune for værtskabet.")),
];

export const meetingsSsu: DemoMeeting[] = [
  {
    key: "m-ssu-2026-01",
    bodyKey: "ssu",
    start: "2026-01-29T14:00",
    end: "2026-01-29T17:00",
    location: "Regionshuset, Regionsrådssalen",
    kind: "ordinary",
    status: "minutes_published",
    attendance: attendance("ssu", "2026-01-29", {
      afbud: ["p-hvidberg"],
      absent: ["p-lauridsen"],
      substitutes: [["p-aasted", "p-juul"]],
      guests: [{ personKey: "p-thygesen", items: [8], note: "Oplæg om akutområdet" }],
      notes: { "p-riis": "Forlod mødet efter punkt 9" },
    }),
    items: numbered(leftFrom(january, 10, ["p-riis"])),
  },
  {
    key: "m-ssu-2026-06",
    bodyKey: "ssu",
    start: "2026-06-18T10:00",
    end: "2026-06-18T15:00",
    location: "Klitmose Kulturhus, Store Sal",
    kind: "theme",
    status: "minutes_published",
    attendance: attendance("ssu", "2026-06-18", {
      afbud: ["p-jessen"],
      absent: ["p-kronborg"],
      substitutes: [["p-aasted", "p-lindholt"]],
      guests: [{ personKey: "p-ravn", items: [5], note: "Oplæg om psykiatri og misbrug" }],
    }),
    items: numbered(leftFrom(june, 8, ["p-brandt"])),
  },
];
