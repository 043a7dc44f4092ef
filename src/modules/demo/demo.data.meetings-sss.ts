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
  nextMeetingCases,
  noted,
  numbered,
  postponed,
  withRemarks,
  writtenOrientations,
} from "./demo.data.helpers.ts";
import type { DemoMeeting } from "./demo.types.ts";

const poolTable = `# Tværsektoriel pulje 2026 – forslag til fordeling

| Indsats | Ansøger | Beløb |
|---|---|---|
| Udgående akutteam til plejecentre | Sundhedsklynge Nord | 4.200.000 kr. |
| Fælles sygeplejeklinik for borgere med KOL | Sundhedsklynge Syd | 3.150.000 kr. |
| Brobygning mellem psykiatri og rusmiddelbehandling | Psykiatrien og kommunerne i Syd | 2.450.000 kr. |
| Tidlig opsporing af underernæring efter udskrivning | Alle kommuner | 1.800.000 kr. |
| Tværsektoriel uddannelse i genoptræningsplaner | Vestkyst Hospital | 950.000 kr. |
| Reserve til klyngernes prøvehandlinger | SSS | 7.050.000 kr. |
| **I alt** | | **19.600.000 kr.** |

Puljen er finansieret med 9.800.000 kr. fra Region Vestkyst og 9.800.000 kr. fra kommunerne efter indbyggertal.`;

const m1Items = leftFrom<ItemDraft>(
  [
    agendaApproval(approved()),
    minutesApproval("den 2. oktober 2025", approved(), "25-003318"),
    {
      title: "Tværsektoriel pulje 2026 – fordeling af midler",
      kind: "decision",
      durationMinutes: 30,
      caseNumbers: ["EMN-2025-04871", "2025-0081374"],
      sections: {
        summary:
          "Der er indkommet ni ansøgninger til den tværsektorielle pulje for 2026 for i alt 27,3 mio. kr. Puljen udgør 19.600.000 kr. Sekretariatet har vurderet ansøgningerne ud fra de kriterier, SSU godkendte i juni 2025, og foreslår, at fem indsatser får tilsagn, og at resten af puljen reserveres til klyngernes prøvehandlinger.",
        presentation:
          "**Baggrund**\n\nPuljen finansieres ligeligt af regionen og kommunerne og skal understøtte indsatser, der flytter behandling og opfølgning tættere på borgeren. Kriterierne lægger vægt på, at indsatsen er forankret i mindst én sundhedsklynge, har en plan for evaluering og kan videreføres i drift, hvis den viser effekt.\n\n**Vurdering**\n\nFem ansøgninger opfylder alle kriterier. To ansøgninger om fysiske ombygninger falder uden for puljens formål. To ansøgninger om digitale løsninger anbefales samlet i ét fælles projekt under den kommende datadelingsindsats.\n\n- Indsatserne i Nord og Syd supplerer hinanden og kan spredes til den anden klynge efter evaluering\n- Reserven udmøntes af FSN i hver klynge efter ansøgning til SSS",
        economy:
          "Der disponeres 12.550.000 kr. til fem indsatser og 7.050.000 kr. i reserve, i alt 19.600.000 kr. Uforbrugte midler kan efter SSS' godkendelse overføres til 2027.",
        process:
          "SSS' indstilling forelægges SSU den 29. januar 2026. Ansøgerne orienteres umiddelbart herefter, og første statusrapportering sker i september 2026.",
        approvedBy: "Godkendt af Formandskabet for SSS den 18. november 2025.",
        previousDecisions: "SSU godkendte kriterierne for puljen den 12. juni 2025 (punkt 6).",
      },
      recommendations: [
        indstilling("Det indstilles til SSS,", [
          "fordelingen af puljen for 2026 anbefales over for SSU som beskrevet i bilaget",
          "reserven på 7.050.000 kr. udmøntes efter ansøgning fra de to sundhedsklynger",
        ]),
        indstilling("Det indstilles til SSU,", [
          "der gives tilsagn til de fem indsatser med i alt 12.550.000 kr.",
          "SSS bemyndiges til at udmønte reserven på 7.050.000 kr. i løbet af 2026",
        ]),
      ],
      decision: withRemarks(
        "Indstillingen blev tiltrådt med den bemærkning, at indsatsen om underernæring skal koordineres med den kommunale ernæringsindsats i Fjordlund og Mosevang, så der ikke etableres to parallelle spor.",
      ),
      attachments: [attachment("Forslag til fordeling af puljen 2026", "pulje-2026-fordeling.md", poolTable)],
    },
    {
      title: "Sundhedsaftalen 2027–2030 – proces og tidsplan",
      kind: "decision",
      durationMinutes: 25,
      caseNumbers: ["EMN-2025-05102"],
      sections: {
        summary:
          "Den nuværende sundhedsaftale udløber ved udgangen af 2026. Sekretariatet fremlægger et forslag til proces for den nye aftale med inddragelse af klyngerne, almen praksis og patientrepræsentanter.",
        presentation:
          "Processen er tilrettelagt i tre faser: en indledende fase med dialogmøder i begge sundhedsklynger i foråret 2026, en skrivefase hen over sommeren og en høringsfase i efteråret 2026, så aftalen kan godkendes i SSU og i kommunalbestyrelser og regionsråd i vinteren 2026/27.\n\nSSU holder et temamøde i juni 2026, hvor visioner og pejlemærker drøftes. Klyngerne bidrager med erfaringer fra deres prøvehandlinger, og PLO-Vestkyst inddrages særskilt om praksisplanens snitflader.",
        process:
          "- Januar 2026: SSU godkender proces\n- Marts–maj 2026: dialogmøder i klyngerne\n- Juni 2026: temamøde i SSU\n- Oktober–november 2026: høring\n- December 2026: SSU indstiller aftalen til godkendelse",
        economy: "Sagen har ingen selvstændige økonomiske konsekvenser.",
        coordination:
          "Processen er koordineret med regionens praksisplanudvalg og med KKR-sekretariatet, så høringen af sundhedsaftalen ikke overlapper med høringen af praksisplanen.",
      },
      recommendations: [
        "Administrationen indstiller, at SSS godkender forslaget til proces og tidsplan og sender det videre til SSU.",
      ],
      decision: approved("Godkendt. SSS ønsker en kort status på processen på hvert møde frem til høringen."),
    },
    {
      title: "Praksisplan for almen praksis 2026–2029 – udkast til høring",
      kind: "decision",
      durationMinutes: 20,
      caseNumbers: ["EMN-2025-03990"],
      sections: {
        summary:
          "Praksisplanudvalget har udarbejdet et udkast til ny praksisplan. Udkastet beskriver kapacitet, lægedækning og almen praksis' rolle i det nære sundhedsvæsen og skal i høring hos kommunerne.",
        presentation:
          "Udkastet peger på, at fire af regionens lægedækningsområder har færre end 1.600 tilmeldte borgere pr. læge til rådighed og derfor er lægedækningstruede. Planen foreslår regionsklinikker som midlertidig løsning og et tættere samarbejde med kommunerne om lokaler og personale.\n\nKommunerne har efterspurgt en mere konkret beskrivelse af, hvordan almen praksis indgår i klyngernes indsatser for borgere med kronisk sygdom.",
        municipalRemarks:
          "Sundhedsdirektørkredsen bakker op om udkastet, men ønsker et afsnit om kommunernes mulighed for at stille lokaler til rådighed i lægedækningstruede områder.",
      },
      recommendations: [
        "Administrationen indstiller, at udkastet til praksisplan sendes i høring i perioden 8. december 2025 til 30. januar 2026.",
      ],
      decision: postponed(
        "Udsat. Punktet genoptages på næste møde, når PLO-Vestkyst og regionen har afsluttet drøftelsen af kapaciteten i de lægedækningstruede områder.",
      ),
    },
    {
      title: "Status på implementeringsplanen – 2. halvår 2025",
      kind: "orientation",
      durationMinutes: 15,
      caseNumbers: ["25-004512"],
      sections: {
        summary:
          "Status viser, at 17 af implementeringsplanens 22 indsatser er grønne, tre er gule og to er røde. De røde indsatser vedrører begge deling af data om borgerens aftaler på tværs af sektorer.",
        presentation:
          "De gule indsatser handler om rekruttering til de udgående teams og om ventetid på specialiseret genoptræning. Sekretariatet vurderer, at indsatserne kan nå målet inden aftaleperiodens udløb, hvis rekrutteringen lykkes i 1. kvartal 2026.\n\nDe røde indsatser afventer en national afklaring af den fælles aftaleoversigt. SSS drøfter under næste punkt, om der kan etableres en midlertidig regional løsning.",
      },
      recommendations: ["Administrationen indstiller, at statusrapporten tages til efterretning."],
      decision: noted(),
      attachments: [
        attachment(
          "Statusoversigt, implementeringsplanen 2. halvår 2025",
          "status-implementeringsplan-2025-2.txt",
          `Status på implementeringsplanen – 2. halvår 2025

Grøn (17): indsatsen forløber som planlagt
Gul (3):
  - Udgående akutteam, rekruttering af sygeplejersker (Nord)
  - Specialiseret genoptræning, ventetid over 4 uger
  - Fælles forløbskoordinator for KOL (Syd)
Rød (2):
  - Fælles aftaleoversigt for borgeren
  - Deling af plejeforløbsplaner mellem hospital og hjemmepleje

Næste status: maj 2026`,
        ),
      ],
    },
    {
      title: "Digital datadeling – fælles overblik over borgerens aftaler",
      kind: "discussion",
      durationMinutes: 25,
      caseNumbers: ["EMN-2025-05233"],
      sections: {
        summary:
          "Borgere med mange kontakter til sundhedsvæsenet har svært ved at få overblik over deres aftaler. SSS drøfter, om regionen og kommunerne skal gå foran med en midlertidig fælles løsning, indtil den nationale løsning er klar.",
        presentation:
          "Projektleder Nanna Kjærgaard fra Data og Digitalisering præsenterer tre modeller: en visning i Min Sundhedsplatform, en integration i de kommunale omsorgssystemer og en mindre afprøvning i én klynge med manuel sammenstilling.\n\nDe to første modeller kræver aftaler med systemleverandørerne og forventes tidligst klar i 2027. Den tredje model kan afprøves fra foråret 2026.",
      },
      recommendations: [
        "Administrationen indstiller, at SSS drøfter modellerne og giver sekretariatet retning for det videre arbejde.",
      ],
      decision: discussed(
        "Drøftet. SSS pegede på en afprøvning i Sundhedsklynge Nord. Sekretariatet udarbejder et kommissorium til næste møde.",
      ),
    },
    {
      title: "Forhandling om fælles finansiering af akutpladser 2026",
      access: "closed",
      kind: "decision",
      durationMinutes: 20,
      caseNumbers: ["EMN-2025-05301"],
      sections: {
        summary:
          "Punktet er lukket, fordi det indeholder forhandlingspositioner over for en ekstern leverandør af sygeplejefaglige ydelser. Formandskabet fremlægger et forhandlingsmandat for fortsættelse af de fælles akutpladser i Havbjerg.",
        presentation:
          "Den nuværende aftale om 8 akutpladser udløber 31. marts 2026. Leverandøren har varslet en prisstigning på 11 pct. Formandskabet foreslår et mandat, hvor der accepteres en stigning på op til 6 pct. mod en forlængelse på to år og krav om lægelig tilsynsordning.",
        economy:
          "Den nuværende årlige udgift er 5.760.000 kr., fordelt med 50 pct. til regionen og 50 pct. til kommunerne i Nord. Mandatet indebærer en merudgift på højst 345.600 kr. årligt.",
      },
      recommendations: ["Formandskabet indstiller, at SSS godkender forhandlingsmandatet."],
      decision: approved("Godkendt. Resultatet af forhandlingen forelægges SSS i marts 2026."),
      attachments: [
        attachment(
          "Forhandlingsmandat, akutpladser Havbjerg",
          "mandat-akutpladser.txt",
          `FORTROLIGT – må ikke videregives

Forhandlingsmandat, akutpladser Havbjerg 2026–2028
1. Prisstigning: højst 6 pct. (leverandørens krav: 11 pct.)
2. Aftaleperiode: 2 år med option på 1 år
3. Krav: lægelig tilsynsordning alle hverdage
4. Krav: månedlig indberetning af belægning
Walk-away: aftalen hjemtages til kommunal drift fra 1. april 2026`,
          "closed",
        ),
      ],
    },
    writtenOrientations(
      [
        "Nyt fra Sundhedsstyrelsen om anbefalinger for det nære sundhedsvæsen",
        "Referat fra dialogmøde mellem PLO-Vestkyst og Sundhedsdirektørkredsen",
        "Status for Ad hoc gruppe om genoptræningsplaner",
      ],
      noted(),
    ),
    nextMeetingCases(
      [
        "Tværsektoriel pulje 2026 – fordeling af midler (SSU 29. januar 2026)",
        "Sundhedsaftalen 2027–2030 – proces og tidsplan (SSU 29. januar 2026)",
        "Praksisplan 2026–2029 (SSS februar 2026)",
      ],
      approved(),
    ),
    miscellaneous(noted("Formanden takkede for samarbejdet i 2025. Intet yderligere.")),
  ],
  8,
  ["p-ravn"],
);

export const meetingsSss: DemoMeeting[] = [
  {
    key: "m-sss-2025-12",
    bodyKey: "sss",
    start: "2025-12-04T13:00",
    end: "2025-12-04T16:00",
    location: "Regionshuset, mødelokale 2",
    kind: "ordinary",
    status: "minutes_published",
    attendance: attendance("sss", "2025-12-04", {
      afbud: ["p-dalsgaard"],
      absent: ["p-jessen"],
      substitutes: [["p-kjeldsen", "p-aagaard"]],
      guests: [{ personKey: "p-kjaergaard", items: [7], note: "Oplæg om datadeling" }],
      notes: { "p-ravn": "Forlod mødet efter punkt 7" },
    }),
    items: numbered(m1Items),
  },
];
