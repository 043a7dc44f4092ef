import {
  agendaApproval,
  approved,
  attachment,
  attendance,
  discussed,
  type ItemDraft,
  indstilling,
  leftFrom,
  minutesApproval,
  miscellaneous,
  noted,
  numbered,
  postponed,
  withRemarks,
  writtenOrientations,
} from "./demo.data.helpers.ts";
import type { DemoMeeting } from "./demo.types.ts";

const sdkApril: ItemDraft[] = [
  agendaApproval(approved()),
  minutesApproval("den 4. marts 2026", approved(), "2026-0009921"),
  {
    title: "Kommunale bemærkninger til praksisplan 2026–2029",
    kind: "decision",
    durationMinutes: 20,
    caseNumbers: ["EMN-2025-03990", "2026-0015532"],
    sections: {
      summary:
        "Praksisplanen har været i høring hos kommunerne. Sekretariatet har samlet kommunernes høringssvar i et fælles kommunalt bidrag, som skal med til SSS.",
      presentation:
        "Kommunerne er generelt positive over for planen, men peger på tre forhold:\n\n- Almen praksis' rolle i klyngernes prøvehandlinger skal beskrives mere konkret\n- Kommunerne ønsker at blive inddraget tidligt, når der planlægges regionsklinikker\n- Planen bør indeholde mål for tilgængelighed for borgere i plejeboliger\n\nHavbjerg og Tangholm har desuden tilbudt lokaler til nye praksisser.",
      process: "Det fælles kommunale bidrag sendes til SSS' møde den 12. maj 2026.",
    },
    recommendations: [
      "Sekretariatet indstiller, at Sundhedsdirektørkredsen godkender det fælles kommunale bidrag.",
    ],
    decision: approved(),
    attachments: [
      attachment(
        "Fælles kommunalt bidrag til praksisplanen",
        "kommunalt-bidrag-praksisplan.md",
        `# Fælles kommunalt bidrag til praksisplan 2026–2029

Kommunerne i Region Vestkyst takker for et gennemarbejdet udkast.

## Bemærkninger
1. Almen praksis' rolle i klyngernes prøvehandlinger bør beskrives konkret.
2. Kommunerne ønsker at blive inddraget, før der planlægges regionsklinikker.
3. Planen bør indeholde mål for lægernes tilgængelighed for borgere i plejeboliger.

## Tilbud
Havbjerg og Tangholm kommuner kan stille lokaler til rådighed for nye praksisser.

På vegne af Sundhedsdirektørkredsen
Claus Engberg, formand`,
      ),
    ],
  },
  {
    title: "Sundhedsaftalen 2027–2030 – kommunale perspektiver",
    kind: "discussion",
    durationMinutes: 30,
    caseNumbers: ["EMN-2025-05102"],
    sections: {
      summary:
        "Enhedschef Pernille Stougaard fra regionen præsenterer status på arbejdet med sundhedsaftalen. Kredsen drøfter derefter de kommunale perspektiver forud for SSU's temamøde.",
      presentation:
        "**Fokus for drøftelsen**\n\nKommunerne skal afklare, hvilke ambitioner de kan bakke op om, og hvor der er behov for forbehold om finansiering. Sekretariatet har forberedt tre spørgsmål:\n\n- Hvilke nye opgaver kan kommunerne løfte i aftaleperioden?\n- Hvilke krav skal stilles til regionens og almen praksis' understøttelse?\n- Hvordan sikres, at klyngerne ikke får opgaver uden ressourcer?",
    },
    recommendations: ["Sekretariatet indstiller, at kredsen drøfter de kommunale perspektiver."],
    decision: discussed(
      "Drøftet. Kredsen var enig om, at aftalen skal indeholde et princip om, at opgaver følges af ressourcer, og at kommunerne vil prioritere lægelig understøttelse af akutfunktionerne.",
    ),
  },
  {
    title: "Færdigbehandlede patienter – kommunal opfølgning",
    kind: "orientation",
    durationMinutes: 15,
    caseNumbers: ["2026-0017740"],
    sections: {
      summary:
        "Kommunerne har siden januar opgjort antallet af færdigbehandlingsdage hver måned. Sekretariatet fremlægger den første kvartalsopgørelse.",
      presentation:
        "I 1. kvartal 2026 var der i alt 1.020 færdigbehandlingsdage, hvoraf 61 pct. vedrørte to kommuner. Begge kommuner har iværksat handleplaner med flere midlertidige pladser.",
      economy: "Kommunernes betaling for færdigbehandlingsdage udgjorde 2.448.000 kr. i kvartalet.",
    },
    recommendations: ["Sekretariatet indstiller, at orienteringen tages til efterretning."],
    decision: noted(),
  },
  {
    title: "Tværsektoriel pulje – kommunal andel og fordelingsnøgle 2027",
    kind: "decision",
    durationMinutes: 15,
    caseNumbers: ["EMN-2026-01234", "2026-0018223"],
    sections: {
      summary:
        "Kommunernes andel af den tværsektorielle pulje er 9.800.000 kr. Sekretariatet foreslår, at fordelingsnøglen for 2027 opdateres med de seneste befolkningstal.",
      presentation:
        "Med de opdaterede tal fordeles den kommunale andel således:\n\n- Havbjerg: 22 pct., 2.156.000 kr.\n- Sønderå: 19 pct., 1.862.000 kr.\n- Klitmose: 14 pct., 1.372.000 kr.\n- Fjordlund: 13 pct., 1.274.000 kr.\n- Vesterhede: 12 pct., 1.176.000 kr.\n- Mosevang: 11 pct., 1.078.000 kr.\n- Tangholm: 9 pct., 882.000 kr.",
      economy: "I alt 9.800.000 kr. Ændringen i forhold til 2026 er under 40.000 kr. for hver kommune.",
    },
    attachments: [
      attachment(
        "Fordelingsnøgle 2027, kommunal andel",
        "fordelingsnoegle-pulje-2027.txt",
        `Kommunal andel af den tværsektorielle pulje 2027: 9.800.000 kr.

Kommune      Kode  Andel   Beløb
Havbjerg     901   22 pct. 2.156.000 kr.
Klitmose     902   14 pct. 1.372.000 kr.
Sønderå      903   19 pct. 1.862.000 kr.
Vesterhede   904   12 pct. 1.176.000 kr.
Fjordlund    905   13 pct. 1.274.000 kr.
Mosevang     906   11 pct. 1.078.000 kr.
Tangholm     907    9 pct.   882.000 kr.
I alt             100 pct. 9.800.000 kr.`,
      ),
    ],
    recommendations: [
      indstilling("Sekretariatet indstiller,", [
        "fordelingsnøglen for 2027 godkendes",
        "nøglen opdateres fremover hvert andet år",
      ]),
    ],
    decision: withRemarks(
      "Godkendt med den bemærkning, at nøglen opdateres hvert år, så den følger befolkningsudviklingen.",
    ),
  },
  {
    title: "Kommunal udpegning til kompetencegrupper",
    kind: "decision",
    durationMinutes: 10,
    caseNumbers: ["26-005120"],
    sections: {
      summary: "Kommunerne skal udpege to repræsentanter til hver af de fire kommende kompetencegrupper.",
      presentation:
        "Sekretariatet foreslår, at hver klynge er repræsenteret i alle grupper, og at mindst én repræsentant har ledelsesansvar. Udpegningen gælder fra februar 2027.",
    },
    recommendations: ["Sekretariatet indstiller, at kredsen godkender princippet for udpegning."],
    decision: approved(),
  },
  {
    title: "Kommunal forhandlingsposition om medfinansiering af akutteams",
    access: "closed",
    kind: "decision",
    durationMinutes: 20,
    caseNumbers: ["2026-0019004"],
    sections: {
      summary:
        "Punktet er lukket, da det indeholder kommunernes forhandlingsposition forud for budgetforhandlingerne med regionen.",
      presentation:
        "Formandskabet foreslår, at kommunerne går ind i forhandlingerne med et krav om, at regionen finansierer den lægelige del af akutteamene fuldt ud, mens kommunerne finansierer sygeplejen. Det vil ændre fordelingen fra 50/50 til ca. 40/60.",
      economy: "Forslaget vil reducere kommunernes samlede udgift med ca. 1.100.000 kr. årligt.",
    },
    recommendations: ["Formandskabet indstiller, at kredsen godkender forhandlingspositionen."],
    decision: approved(),
  },
  {
    title: "Kommunale krav til revideret vejledning om genoptræningsplaner",
    kind: "decision",
    durationMinutes: 10,
    caseNumbers: ["EMN-2025-00876"],
    sections: {
      summary:
        "Kommunerne skulle fastlægge deres krav til den reviderede vejledning om genoptræningsplaner. Udkastet fra ad hoc gruppen foreligger endnu ikke.",
      presentation:
        "Sekretariatet har samlet kommunernes foreløbige ønsker, herunder krav om elektronisk fremsendelse på udskrivningsdagen og en kontaktperson på hospitalet ved spørgsmål til planen.",
    },
    recommendations: ["Sekretariatet indstiller, at kredsen godkender de kommunale krav."],
    decision: postponed("Udsat til næste møde, hvor udkastet fra ad hoc gruppen foreligger."),
  },
  {
    title: "Godkendelse af sager til det kommende møde i SSS",
    kind: "standard",
    durationMinutes: 5,
    sections: {
      presentation:
        "- Praksisplan 2026–2029 med kommunale bemærkninger\n- Status på implementeringsplanen\n- Tværsektoriel pulje – fordelingsnøgle 2027",
    },
    recommendations: ["Sekretariatet indstiller, at sagerne godkendes til SSS' dagsorden."],
    decision: approved(),
  },
  writtenOrientations(["Referat fra dialogmøde med PLO-Vestkyst den 26. marts 2026"], noted()),
  miscellaneous(noted("KL orienterede om den kommende økonomiaftale.")),
];

const akutAugust: ItemDraft[] = [
  agendaApproval(approved()),
  minutesApproval("den 11. juni 2026", approved(), "EMN-2026-00520"),
  {
    title: "Kortlægning af akutte forløb – resultater",
    kind: "orientation",
    durationMinutes: 25,
    caseNumbers: ["EMN-2026-00520"],
    sections: {
      summary:
        "Kortlægningen af 420 akutte forløb for borgere over 75 år er afsluttet. Hver fjerde indlæggelse vurderes at kunne have været undgået.",
      presentation:
        "Forløbene er gennemgået af en læge fra Fælles Akutmodtagelse og en kommunal sygeplejerske i fællesskab. De hyppigste årsager til indlæggelser, der kunne være undgået, er dehydrering, urinvejsinfektion og fald uden brud.\n\nI 38 pct. af de undgåelige forløb havde borgeren haft kontakt til hjemmeplejen inden for det seneste døgn.",
    },
    decision: noted(),
  },
  {
    title: "Udkast til fælles visitationsmodel",
    kind: "discussion",
    durationMinutes: 35,
    caseNumbers: ["EMN-2026-00520"],
    sections: {
      summary: "Gruppen drøfter et udkast til fælles visitation af ældre medicinske patienter.",
      presentation:
        "Modellen bygger på en telefonisk konference, hvor den visiterende læge, en kommunal akutsygeplejerske og om muligt egen læge sammen beslutter, om borgeren kan behandles hjemme, på en akutplads eller skal indlægges.\n\n- Konferencen skal kunne gennemføres inden for 30 minutter\n- Beslutningen dokumenteres i en fælles note\n- Egen læge orienteres samme dag",
    },
    decision: discussed(
      "Drøftet. Gruppen ønsker, at konferencen også kan gennemføres som video, og at vagtlægen inddrages uden for dagtid.",
    ),
  },
  {
    title: "Fælles indikatorer for afprøvningen",
    kind: "decision",
    durationMinutes: 20,
    caseNumbers: ["EMN-2026-02011"],
    sections: {
      summary:
        "Analysechef Søren Vind foreslår fire indikatorer, der kan vise, om visitationsmodellen virker.",
      presentation:
        "- Andel undgåede indlæggelser blandt borgere, der visiteres via modellen\n- Genindlæggelser inden for 7 dage\n- Tid fra henvendelse til beslutning\n- Borgerens og de pårørendes oplevelse, målt ved telefoninterview",
    },
    recommendations: ["Sekretariatet indstiller, at gruppen godkender de fire indikatorer."],
    decision: approved(),
    attachments: [
      attachment(
        "Udtræk af baseline-data",
        "baseline-akutte-forloeb.txt",
        `FORTROLIGT – data på CPR-niveau er udeladt, men små tal kan identificere borgere

Baseline, borgere over 75 år, Tangholm, 2025
Akutte medicinske indlæggelser: 612
Genindlæggelser inden for 7 dage: 73
Heraf fra plejecentre: 148
Celler med færre end 5 borgere er ikke vist.`,
        "closed",
      ),
    ],
  },
  {
    title: "Valg af afprøvningskommune",
    kind: "decision",
    durationMinutes: 15,
    sections: {
      summary: "Gruppen skal vælge den kommune, hvor visitationsmodellen afprøves først.",
      presentation:
        "Tangholm og Vesterhede har begge meldt sig. Tangholm har en ny akutfunktion og en regionsklinik, der kan indgå som egen læge for en del af borgerne.",
    },
    recommendations: ["Sekretariatet indstiller, at afprøvningen sker i Tangholm fra januar 2027."],
    decision: withRemarks(
      "Indstillingen blev tiltrådt med den bemærkning, at Vesterhede følger afprøvningen og kan starte tre måneder senere.",
    ),
  },
  {
    title: "Halvårsstatus til FSN",
    kind: "decision",
    durationMinutes: 10,
    sections: {
      summary: "Gruppen skal aflevere en halvårsstatus til FSN i Sundhedsklynge Nord i november 2026.",
      presentation:
        "Sekretariatet udarbejder statussen på baggrund af dagens drøftelser og sender den i høring i gruppen.",
    },
    recommendations: ["Sekretariatet indstiller, at planen for halvårsstatus godkendes."],
    decision: approved(),
  },
  miscellaneous(noted("Næste møde holdes den 22. oktober 2026.")),
];

export const meetingsSdk: DemoMeeting[] = [
  {
    key: "m-sdk-2026-04",
    bodyKey: "sdk",
    start: "2026-04-22T09:00",
    end: "2026-04-22T11:30",
    location: "Microsoft Teams",
    kind: "virtual",
    status: "minutes_published",
    attendance: attendance("sdk", "2026-04-22", {
      afbud: ["p-lund"],
      absent: ["p-kristiansen"],
      substitutes: [["p-dalsgaard", "p-nygaard"]],
      guests: [{ personKey: "p-stougaard", items: [4], note: "Status på sundhedsaftalen" }],
      notes: { "p-madsen": "Forlod mødet efter punkt 9" },
    }),
    items: numbered(leftFrom(sdkApril, 10, ["p-madsen"])),
  },
  {
    key: "m-adhoc-akut-2026-08",
    bodyKey: "adhoc-akut",
    start: "2026-08-27T13:00",
    end: "2026-08-27T15:30",
    location: "Vestkyst Hospital, Havbjerg, Akutafdelingens mødelokale",
    kind: "ordinary",
    status: "minutes_published",
    attendance: attendance("adhoc-akut", "2026-08-27", {
      afbud: ["p-madsen"],
      substitutes: [["p-rahimi", "p-abildgaard"]],
      guests: [{ personKey: "p-vind", items: [5], note: "Oplæg om indikatorer" }],
    }),
    items: numbered(akutAugust),
  },
];
