import {
  agendaApproval,
  announcements,
  attachment,
  type ItemDraft,
  indstilling,
  minutesApproval,
  miscellaneous,
  nextMeetingCases,
  numbered,
  writtenOrientations,
} from "./demo.data.helpers.ts";
import type { DemoMeeting } from "./demo.types.ts";

const responseMatrix = `# Høringssvar til sundhedsaftalen 2027–2030 – behandlingsmatrix

| Høringspart | Bemærkning | Behandling |
|---|---|---|
| Havbjerg Kommune | Ønsker mål for færdigbehandlede patienter | Ændret: pejlemærke 2 udvidet |
| Klitmose Kommune | Bekymring for finansiering af udgående funktioner | Drøftet og justeret: afsnit 4.2 |
| Sønderå Kommune | Støtter aftalen | Ikke ændret |
| Vesterhede Kommune | Ønsker fokus på yderområder | Ændret: ny tekst i vision 1 |
| Fjordlund Kommune | Ønsker fælles kompetenceforløb | Drøftet og justeret |
| Mosevang Kommune | Ingen bemærkninger | Ikke ændret |
| Tangholm Kommune | Ønsker lægelig understøttelse af akutpladser | Ændret: pejlemærke 1 |
| PLO-Vestkyst | Almen praksis' kapacitet skal indgå | Drøftet og justeret |
| Patientrepræsentanterne | Pårørende skal nævnes eksplicit | Ændret: vision 2 |
| Regionsrådet | Støtter aftalen | Ikke ændret |

I alt 10 høringssvar, 5 ændringer, 3 justeringer, 2 uden ændringer.`;

const items: ItemDraft[] = [
  agendaApproval(),
  minutesApproval("den 24. september 2026", undefined, "EMN-2026-02688"),
  announcements([
    "Formanden orienterer om mødet mellem regionsrådet og KKR om økonomiaftalen for 2027",
    "Næstformanden orienterer om status i Sundhedsklynge Nord",
  ]),
  {
    title: "Sundhedsaftalen 2027–2030 – høringssvar og endelig godkendelse",
    kind: "decision",
    durationMinutes: 45,
    caseNumbers: ["EMN-2025-05102", "2026-0052292"],
    sections: {
      summary:
        "Udkastet til sundhedsaftalen 2027–2030 har været i høring fra 15. oktober til 20. november 2026. Der er modtaget 10 høringssvar. Sekretariatet har indarbejdet bemærkningerne, og aftalen forelægges nu til endelig godkendelse i udvalget.",
      presentation:
        "**Høringssvarene**\n\nHøringssvarene er overvejende positive. De fleste bemærkninger handler om finansiering af nye opgaver, lægelig understøttelse af de kommunale akutfunktioner og om, hvordan aftalen tilgodeser borgere i yderområderne.\n\n**Ændringer**\n\n- Pejlemærket om genindlæggelser er udvidet med et mål for færdigbehandlede patienter\n- Visionen om behandling tæt på hjemmet omtaler nu yderområderne særskilt\n- Pårørende nævnes eksplicit i visionen om sammenhængende forløb\n\nEfter udvalgets godkendelse sendes aftalen til godkendelse i regionsrådet og de syv kommunalbestyrelser, inden den sendes til Sundhedsstyrelsen.",
      municipalRemarks:
        "Kommunerne kan anbefale aftalen med den forudsætning, at implementeringsplanen først godkendes, når økonomien for 2027 er kendt i alle kommuner.",
      approvedBy: "Indstillet af Strategisk Sundhedsstyregruppe den 19. november 2026.",
      process:
        "Regionsrådet og kommunalbestyrelserne behandler aftalen i januar 2027. Aftalen sendes til Sundhedsstyrelsen senest 1. marts 2027.",
      previousDecisions:
        "SSU godkendte processen den 29. januar 2026 og sendte udkastet i høring efter SSS' indstilling den 7. oktober 2026.",
    },
    recommendations: [
      indstilling("SSS indstiller,", [
        "SSU godkender sundhedsaftalen 2027–2030 med de ændringer, der følger af høringen",
        "aftalen sendes til godkendelse i regionsrådet og kommunalbestyrelserne",
      ]),
    ],
    attachments: [
      attachment("Behandlingsmatrix for høringssvar", "hoeringsmatrix-sundhedsaftale.md", responseMatrix),
    ],
  },
  {
    title: "Tværsektoriel pulje 2027 – fordeling af midler",
    kind: "decision",
    durationMinutes: 25,
    caseNumbers: ["EMN-2026-01234", "2026-0093410"],
    sections: {
      summary:
        "Puljen udgør 19.600.000 kr. i 2027, hvortil kommer 1.385.000 kr. overført fra 2026. SSS anbefaler tilsagn til seks indsatser og en reserve til klyngernes prøvehandlinger.",
      presentation:
        "Der er modtaget elleve ansøgninger for i alt 31,2 mio. kr. Ansøgningerne er vurderet ud fra de eksisterende kriterier, herunder kravet om 25 pct. egenfinansiering, som SSS besluttede at fastholde.\n\nTre indsatser fra 2026 søger om videreførelse. De har alle leveret en midtvejsevaluering med positive resultater.\n\n- Udgående akutteam til plejecentre (videreførelse): 3.900.000 kr.\n- Sygeplejeklinik for borgere med KOL (videreførelse): 2.800.000 kr.\n- Brobygning mellem psykiatri og rusmiddelbehandling (videreførelse): 2.450.000 kr.\n- Tværsektorielt forløb for børn med overvægt: 1.650.000 kr.\n- Fælles aftaleoversigt, pilot i Nord: 2.450.000 kr.\n- Hjemmebehandling med IV-antibiotika: 1.200.000 kr.",
      economy:
        "Tilsagn for i alt 14.450.000 kr. Reserven udgør 6.535.000 kr. Samlet disponeres 20.985.000 kr., svarende til puljen på 19.600.000 kr. og overførslen på 1.385.000 kr.",
      approvedBy: "Indstillet af Strategisk Sundhedsstyregruppe den 19. november 2026.",
    },
    recommendations: [
      indstilling("SSS indstiller,", [
        "der gives tilsagn til de seks indsatser med i alt 14.450.000 kr.",
        "reserven på 6.535.000 kr. udmøntes af SSS efter ansøgning fra sundhedsklyngerne",
      ]),
    ],
  },
  {
    title: "Praksisplan – status på lægedækning",
    kind: "orientation",
    durationMinutes: 15,
    caseNumbers: ["EMN-2025-03990"],
    sections: {
      summary:
        "Regionen orienterer om lægedækningen ved udgangen af 2026. To af de fire lægedækningstruede områder er nu dækket af nye praksisser, mens regionsklinikken i Tangholm fortsætter.",
      presentation:
        "Siden praksisplanens vedtagelse er der etableret to nye praksisser i Vesterhede og Mosevang med i alt fem læger. Regionsklinikken i Tangholm har 2.900 tilmeldte borgere og forventes overdraget til en privat praktiserende læge i 2028.\n\nPLO-Vestkyst supplerer med en status for rekrutteringen af uddannelseslæger.",
    },
    recommendations: ["Administrationen indstiller, at orienteringen tages til efterretning."],
  },
  {
    title: "Kompetencegrupper under sundhedsaftalen 2027–2030 – kommissorier",
    kind: "decision",
    durationMinutes: 20,
    caseNumbers: ["26-005120"],
    sections: {
      summary:
        "Med den nye aftale foreslås fire faste kompetencegrupper for akutområdet, kronisk sygdom, psykiatri og børn og unge. SSU skal godkende de overordnede kommissorier.",
      presentation:
        "Kompetencegrupperne skal rådgive SSS og klyngerne fagligt og sikre, at erfaringer fra klyngernes prøvehandlinger spredes. Hver gruppe har repræsentanter fra kommunerne, hospitalet, psykiatrien, almen praksis og patientrepræsentanterne.\n\nKommissorierne gælder for hele aftaleperioden og evalueres efter to år.",
      process: "Grupperne nedsættes i februar 2027 og mødes første gang i marts 2027.",
    },
    recommendations: [
      indstilling("Administrationen indstiller,", [
        "de fire kommissorier godkendes",
        "SSS bemyndiges til at udpege formænd for grupperne",
      ]),
    ],
    attachments: [
      attachment(
        "Fælles skabelon for kommissorier",
        "kommissorie-skabelon.md",
        `# Kommissorium for kompetencegruppe

**Formål:** Fagligt at rådgive SSS og sundhedsklyngerne
**Medlemmer:** 2 fra kommunerne, 1 fra hospitalet, 1 fra psykiatrien, 1 fra almen praksis, 1 patientrepræsentant
**Leverancer:** Årlig faglig status og anbefalinger til prøvehandlinger
**Periode:** 1. februar 2027 – 31. december 2030
**Refererer til:** Strategisk Sundhedsstyregruppe
**Sekretariat:** Sekretariat for sundhedssamarbejde`,
      ),
    ],
  },
  {
    title: "Fælles aftaleoversigt for borgeren – status på afprøvning",
    kind: "orientation",
    durationMinutes: 15,
    caseNumbers: ["EMN-2026-02240"],
    sections: {
      summary:
        "Afprøvningen af en fælles aftaleoversigt i Sundhedsklynge Nord starter i februar 2027. Sekretariatet orienterer om kontrakt, tidsplan og evaluering.",
      presentation:
        "Efter forhandlingen med leverandøren implementeres løsningen i tre trin. Første trin omfatter Havbjerg, Klitmose og Vesterhede kommuner samt to medicinske afsnit på Vestkyst Hospital. Evalueringen gennemføres af regionens analyseenhed.",
      economy: "Afprøvningen holdes inden for budgettet på 2.450.000 kr.",
      coordination:
        "Afprøvningen er koordineret med regionens it-afdeling og med de kommunale omsorgssystemers systemforvaltere i Havbjerg, Klitmose og Vesterhede.",
    },
    recommendations: ["Administrationen indstiller, at orienteringen tages til efterretning."],
  },
  {
    title: "Budget 2027 for de fælles akutteams – regionens og kommunernes medfinansiering",
    access: "closed",
    kind: "decision",
    durationMinutes: 20,
    caseNumbers: ["EMN-2026-02901"],
    sections: {
      summary:
        "Punktet er lukket, da budgetforhandlingerne mellem regionen og kommunerne ikke er afsluttet og tallene endnu ikke er offentliggjort.",
      presentation:
        "Formandskabet har forhandlet en fordelingsnøgle for de fælles akutteams, hvor kommunernes andel fordeles efter antallet af borgere over 75 år. Forslaget betyder, at to kommuner får en merudgift, mens fem får en mindre besparelse.",
      economy: "De samlede udgifter til akutteams i 2027 er budgetteret til 11.240.000 kr.",
    },
    recommendations: ["Formandskabet indstiller, at fordelingsnøglen godkendes."],
    attachments: [
      attachment(
        "Fordelingsnøgle, akutteams 2027",
        "fordelingsnoegle-akutteams-2027.txt",
        `FORTROLIGT – må ikke offentliggøres før budgetaftalen

Samlet budget 2027: 11.240.000 kr.
Regionen: 5.620.000 kr. (50 pct.)
Kommunerne: 5.620.000 kr. fordelt efter borgere over 75 år
  Havbjerg 24,1 pct., Sønderå 19,8 pct., Klitmose 13,2 pct.,
  Fjordlund 12,5 pct., Vesterhede 11,0 pct., Mosevang 10,3 pct.,
  Tangholm 9,1 pct.`,
        "closed",
      ),
    ],
  },
  {
    title: "Mødeplan for 2027",
    kind: "decision",
    durationMinutes: 5,
    caseNumbers: ["EMN-2026-02950"],
    sections: {
      summary: "Sekretariatet foreslår fire ordinære møder og ét temamøde i 2027.",
      presentation:
        "- Torsdag den 4. marts 2027\n- Torsdag den 10. juni 2027 (temamøde)\n- Torsdag den 23. september 2027\n- Torsdag den 2. december 2027\n\nMøderne holdes kl. 14.00–17.00 i Regionshuset, bortset fra temamødet, som holdes i Sundhedsklynge Syd.",
    },
    recommendations: ["Sekretariatet indstiller, at mødeplanen for 2027 godkendes."],
  },
  writtenOrientations([
    "Status på sundhedsklyngernes prøvehandlinger 2026",
    "Nationale anbefalinger for det nære sundhedsvæsen – høring",
  ]),
  nextMeetingCases([
    "Implementeringsplan for sundhedsaftalen 2027–2030",
    "Årsrapport for den tværsektorielle pulje 2026",
  ]),
  miscellaneous(),
];

export const meetingsSsuComing: DemoMeeting[] = [
  {
    key: "m-ssu-2026-12",
    bodyKey: "ssu",
    start: "2026-12-03T14:00",
    end: "2026-12-03T17:00",
    location: "Regionshuset, Regionsrådssalen",
    kind: "ordinary",
    status: "agenda_published",
    attendance: [],
    items: numbered(items),
  },
];
