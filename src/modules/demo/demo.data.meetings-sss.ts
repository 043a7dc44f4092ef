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
  notApproved,
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

const m8Items: ItemDraft[] = [
  agendaApproval(approved()),
  minutesApproval("den 27. august 2026", approved("Godkendt uden bemærkninger."), "26-004512"),
  {
    title: "Meddelelser fra formandskabet",
    kind: "orientation",
    durationMinutes: 10,
    sections: {
      presentation:
        "Formandskabet har siden sidste møde godkendt følgende sager:\n\n- Forlængelse af projektperioden for udgående akutteam i Nord til 30. juni 2027\n- Udpegning af Ahmad Rahimi som PLO-repræsentant i Ad hoc gruppe om samtidig psykisk lidelse og misbrug",
    },
    decision: noted(),
  },
  {
    title: "Sundhedsaftalen 2027–2030 – udkast til høring",
    kind: "decision",
    durationMinutes: 40,
    caseNumbers: ["EMN-2025-05102", "2026-0052292"],
    sections: {
      summary:
        "Udkastet til sundhedsaftalen 2027–2030 er færdigt efter dialogmøder i klyngerne og SSU's temamøde i juni. Aftalen har tre visioner og ni pejlemærker og lægger mere ansvar for implementeringen ud i sundhedsklyngerne.",
      presentation:
        "**Baggrund**\n\nSSU besluttede den 29. januar 2026 processen for den nye sundhedsaftale. Udkastet bygger på input fra ca. 140 deltagere på dialogmøderne og på SSU's temadrøftelse den 18. juni 2026.\n\n**Indhold**\n\n- Vision 1: Flere borgere behandles tæt på hjemmet\n- Vision 2: Sammenhængende forløb for borgere med kronisk sygdom og psykisk lidelse\n- Vision 3: Lighed i sundhed og en tidlig indsats for børn og unge\n\nAftalens administrative bilag beskriver organiseringen, herunder at klyngerne får ansvar for at omsætte pejlemærkerne til konkrete prøvehandlinger.",
      municipalRemarks:
        "Kommunerne ønsker, at pejlemærket om genindlæggelser suppleres med et mål for færdigbehandlede patienter, og at aftalen tydeliggør, at nye opgaver følges af finansiering.",
      approvedBy: "Godkendt af Sundhedsdirektørkredsen den 23. september 2026.",
      process:
        "Høringen gennemføres fra 15. oktober til 20. november 2026. Høringssvarene behandles på SSU's møde den 3. december 2026.",
    },
    recommendations: [
      indstilling("Det indstilles til SSS,", [
        "udkastet til sundhedsaftalen 2027–2030 anbefales over for SSU",
        "de kommunale bemærkninger indarbejdes inden udsendelse i høring",
      ]),
      indstilling("Det indstilles til SSU,", [
        "udkastet sendes i høring hos regionsrådet, kommunalbestyrelserne, PLO-Vestkyst og patientrepræsentanterne",
      ]),
    ],
    decision: withRemarks(
      "Indstillingen blev tiltrådt med den bemærkning, at pejlemærket om genindlæggelser suppleres med et mål for færdigbehandlede patienter, som foreslået af kommunerne.",
    ),
    attachments: [
      attachment(
        "Udkast til sundhedsaftalen 2027–2030 (resumé)",
        "sundhedsaftale-2027-2030-resume.md",
        `# Sundhedsaftalen 2027–2030 – resumé af udkast

## Visioner
1. Flere borgere behandles tæt på hjemmet
2. Sammenhængende forløb for borgere med kronisk sygdom og psykisk lidelse
3. Lighed i sundhed og en tidlig indsats for børn og unge

## Udvalgte pejlemærker
- Færre akutte genindlæggelser inden for 30 dage
- Flere borgere med KOL og diabetes følges i almen praksis
- Kortere ventetid på specialiseret genoptræning
- Flere unge med psykisk mistrivsel får hjælp i kommunalt regi

## Organisering
Sundhedsklyngerne omsætter pejlemærkerne til prøvehandlinger. SSS følger op to gange årligt.`,
      ),
      attachment(
        "Kommunernes interne notat om finansiering",
        "kommunalt-notat-finansiering.txt",
        `Internt arbejdsnotat – Sundhedsdirektørkredsen

Kommunerne fastholder, at nye opgaver i sundhedsaftalen kun kan
aftales, hvis finansieringen er afklaret i økonomiaftalen.
Forhandlingsoplæg til KKR: DUT-krav for udgående funktioner og
for opgaver i forbindelse med tidligere udskrivning.
Notatet er ikke offentligt, før KKR har behandlet det.`,
        "closed",
      ),
    ],
  },
  {
    title: "Tværsektoriel pulje 2027 – ændrede principper for egenfinansiering",
    kind: "decision",
    durationMinutes: 20,
    caseNumbers: ["EMN-2026-01234"],
    sections: {
      summary:
        "Sekretariatet har på opfordring fra formandskabet udarbejdet et forslag om at hæve kravet til ansøgernes egenfinansiering fra 25 til 50 pct., så puljen kan støtte flere indsatser.",
      presentation:
        "Med den nuværende pulje på 19.600.000 kr. kan der årligt støttes fem til syv indsatser. Et krav om 50 pct. egenfinansiering vil i princippet kunne fordoble antallet, men vil også betyde, at mindre kommuner og almen praksis får sværere ved at søge.\n\nSekretariatets gennemgang af de seneste tre års ansøgninger viser, at 9 ud af 23 ansøgninger ikke ville have kunnet leve op til kravet.",
      economy: "Forslaget ændrer ikke puljens samlede størrelse på 19.600.000 kr.",
    },
    recommendations: [
      "Administrationen indstiller, at egenfinansieringskravet hæves til 50 pct. fra puljeåret 2027.",
    ],
    decision: notApproved(
      "Ikke godkendt. SSS ønsker at fastholde kravet på 25 pct. af hensyn til de mindre kommuner og almen praksis. Sekretariatet undersøger i stedet en model med to ansøgningsrunder.",
    ),
  },
  {
    title: "Afrapportering fra Ad hoc gruppe om genoptræningsplaner og nedlæggelse af gruppen",
    kind: "decision",
    durationMinutes: 15,
    caseNumbers: ["EMN-2025-00876"],
    sections: {
      summary:
        "Ad hoc gruppen har revideret den fælles vejledning om genoptræningsplaner. Gruppen har løst sin opgave og foreslår at blive nedlagt med udgangen af oktober 2026.",
      presentation:
        "Den reviderede vejledning præciserer, hvornår der skal udarbejdes en plan for specialiseret genoptræning, og hvilke oplysninger kommunen skal modtage senest på udskrivningsdagen. Gruppen anbefaler desuden en fælles måling af ventetid, som fremover indgår i SSS' halvårlige status.\n\nVejledningen er afprøvet på to afsnit på Vestkyst Hospital med gode erfaringer.",
      previousDecisions: "SSS godkendte gruppens kommissorium den 6. februar 2025.",
    },
    recommendations: [
      indstilling("Administrationen indstiller,", [
        "den reviderede vejledning om genoptræningsplaner godkendes",
        "Ad hoc gruppe om genoptræningsplaner nedlægges pr. 31. oktober 2026",
      ]),
    ],
    decision: approved("Godkendt. SSS takkede gruppen for arbejdet."),
  },
  {
    title: "Ad hoc gruppe om samtidig psykisk lidelse og misbrug sættes i bero",
    kind: "orientation",
    durationMinutes: 10,
    caseNumbers: ["26-003107"],
    sections: {
      summary:
        "FSN i Sundhedsklynge Syd har besluttet at sætte ad hoc gruppen i bero, indtil de nationale anbefalinger om integreret behandling af psykisk lidelse og rusmiddelproblemer foreligger.",
      presentation:
        "Gruppen har kortlagt de nuværende henvisningsveje og beskrevet tre forslag til en fælles indgang. Da de nationale anbefalinger kan ændre snitfladen mellem psykiatrien og den kommunale rusmiddelbehandling, vurderer FSN, at det ikke giver mening at gå videre nu. Gruppen genoptager arbejdet, når anbefalingerne er offentliggjort.",
    },
    recommendations: ["Administrationen indstiller, at orienteringen tages til efterretning."],
    decision: noted(),
  },
  {
    title: "Fælles ledelsesinformation for sundhedsklyngerne",
    kind: "discussion",
    durationMinutes: 25,
    caseNumbers: ["EMN-2026-02011"],
    sections: {
      summary:
        "Analysechef Søren Vind præsenterer et udkast til fælles ledelsesinformation med seks nøgletal pr. klynge. SSS drøfter, hvilke tal der skal følges, og hvor ofte.",
      presentation:
        "Udkastet omfatter akutte genindlæggelser, forebyggelige indlæggelser, færdigbehandlingsdage, ventetid på genoptræning, kontakter til akutteams og andelen af borgere med KOL, der har en årskontrol i almen praksis.\n\nTallene kan opgøres kvartalsvis pr. kommune, men for de mindste kommuner vil der være store udsving.",
    },
    recommendations: ["Administrationen indstiller, at SSS drøfter udkastet."],
    decision: discussed(
      "Drøftet. SSS ønsker halvårlige opgørelser og en fælles fortolkning i klyngernes FSN, før tallene offentliggøres.",
    ),
  },
  {
    title: "Kontraktforhandling om fælles datadelingsplatform",
    access: "closed",
    kind: "decision",
    durationMinutes: 20,
    caseNumbers: ["EMN-2026-02240"],
    sections: {
      summary:
        "Punktet er lukket af hensyn til en igangværende kontraktforhandling. Sekretariatet orienterer om leverandørens tilbud på en platform til fælles aftaleoversigt i Sundhedsklynge Nord.",
      presentation:
        "Tilbuddet ligger 18 pct. over det budgetterede beløb. Sekretariatet anbefaler at forhandle om en trinvis implementering, hvor første fase begrænses til tre kommuner og to afsnit på Vestkyst Hospital.",
      economy: "Budgettet er 2.450.000 kr. over to år. Leverandørens tilbud er 2.891.000 kr.",
    },
    recommendations: [
      "Sekretariatet indstiller, at der forhandles om en trinvis implementering inden for budgettet.",
    ],
    decision: approved(),
  },
  writtenOrientations(
    [
      "Orientering om økonomiaftalen for 2027 og de afsatte midler til det nære sundhedsvæsen",
      "Halvårsstatus fra Ad hoc gruppe om akutte forløb for ældre medicinske patienter",
    ],
    noted(),
  ),
  nextMeetingCases(
    [
      "Sundhedsaftalen 2027–2030 – høringssvar (SSU 3. december 2026)",
      "Tværsektoriel pulje 2027 – fordeling (SSU 3. december 2026)",
      "Praksisplan – status på lægedækning (SSS februar 2027)",
    ],
    approved(),
  ),
  miscellaneous(
    noted("Koncerndirektør Morten Skovgaard orienterede om ny organisering af regionens sundhedsstab."),
  ),
];

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
  {
    key: "m-sss-2026-10",
    bodyKey: "sss",
    start: "2026-10-07T09:00",
    end: "2026-10-07T12:00",
    location: "Regionshuset, mødelokale 2",
    kind: "ordinary",
    status: "minutes_approved",
    attendance: attendance("sss", "2026-10-07", {
      afbud: ["p-ravn", "p-lauridsen"],
      absent: ["p-dalsgaard"],
      substitutes: [["p-kjeldsen", "p-aagaard"]],
      guests: [{ personKey: "p-vind", items: [8], note: "Oplæg om ledelsesinformation" }],
    }),
    items: numbered(leftFrom(m8Items, 9, ["p-jessen"])),
  },
];
