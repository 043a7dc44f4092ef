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

const fsnMay: ItemDraft[] = [
  agendaApproval(approved()),
  minutesApproval("den 18. marts 2026", approved(), "2026-0021544"),
  announcements(
    [
      "Næstformanden ledte mødet i formandens fravær",
      "Psykiatrien orienterede om åbning af et nyt ambulatorium for unge i Fjordlund",
    ],
    noted(),
  ),
  {
    title: "Sygeplejeklinik for borgere med KOL – opstart og rekruttering",
    kind: "orientation",
    durationMinutes: 15,
    caseNumbers: ["EMN-2025-04871"],
    sections: {
      summary:
        "Sygeplejeklinikken for borgere med KOL åbnede i Sønderå den 1. april 2026 med støtte fra den tværsektorielle pulje. Klinikken har fået henvist 58 borgere i den første måned.",
      presentation:
        "Klinikken bemandes af to kommunale sygeplejersker og en lungesygeplejerske fra Vestkyst Hospital én dag om ugen. Borgerne henvises fra almen praksis og fra hospitalets lungeambulatorium.\n\nDet har været vanskeligt at rekruttere i Mosevang, hvorfor klinikkens udekontor i Mosevang først åbner i september.",
    },
    recommendations: ["Sekretariatet indstiller, at orienteringen tages til efterretning."],
    decision: noted(),
  },
  {
    title: "Samtidig psykisk lidelse og misbrug – kortlægning af forløb",
    kind: "discussion",
    durationMinutes: 30,
    caseNumbers: ["26-003107", "2026-0031990"],
    sections: {
      summary:
        "Ad hoc gruppen om samtidig psykisk lidelse og misbrug har kortlagt 65 forløb. FSN drøfter gruppens tre forslag til en fælles indgang.",
      presentation:
        "**Kortlægningen**\n\nI to ud af tre forløb blev borgeren på et tidspunkt henvist videre uden at blive tilbudt behandling. Gennemsnitligt gik der 47 dage fra første henvendelse til samtidig behandling i psykiatrien og rusmiddelbehandlingen.\n\n**Forslag**\n\n- Model A: Fælles visitationsteam med deltagelse fra begge sektorer\n- Model B: Fremskudt psykiatrisk funktion i den kommunale rusmiddelbehandling\n- Model C: Fælles konference ved henvisning, uden ændret organisering\n\nAnalysechef Søren Vind præsenterer datagrundlaget.",
    },
    recommendations: ["Sekretariatet indstiller, at FSN drøfter de tre modeller."],
    decision: discussed(
      "Drøftet. FSN foretrækker model B, men ønsker at afvente de nationale anbefalinger, før der træffes beslutning.",
    ),
    attachments: [
      attachment(
        "Kortlægning af forløb – datagrundlag",
        "kortlaegning-dobbeltdiagnoser.txt",
        `Kortlægning af 65 forløb, januar–marts 2026

Forløb med afvisning eller viderehenvisning uden tilbud: 43 (66 pct.)
Gennemsnitlig tid til samtidig behandling: 47 dage
Borgere med kontakt til almen praksis i perioden: 59 (91 pct.)
Borgere med akut indlæggelse i perioden: 21 (32 pct.)

Datakilder: psykiatriens journal, kommunale rusmiddelcentre, lægepraksis (udtræk)`,
      ),
      attachment(
        "Cases fra kortlægningen (pseudonymiseret)",
        "cases-dobbeltdiagnoser.txt",
        `FORTROLIGT – indeholder pseudonymiserede borgerforløb

Case 1: Mand, 34 år, henvist tre gange fra rusmiddelcenter til psykiatri
Case 2: Kvinde, 27 år, udskrevet fra psykiatrisk afsnit uden aftale med rusmiddelcenter
Case 3: Mand, 51 år, behandlet i almen praksis i 8 måneder uden henvisning
Materialet må ikke videregives uden for FSN.`,
        "closed",
      ),
    ],
  },
  {
    title: "Børn og unges mentale sundhed – fælles indgang",
    kind: "decision",
    durationMinutes: 25,
    caseNumbers: ["EMN-2026-01021", "2026-0029870"],
    sections: {
      summary:
        "Kommunerne i Syd og Psykiatrien foreslår en fælles indgang for børn og unge med psykisk mistrivsel, så familierne ikke skal henvende sig flere steder.",
      presentation:
        "Den fælles indgang bemandes af en psykolog fra kommunerne og en sygeplejerske fra Børne- og Ungdomspsykiatrien. Indgangen rådgiver forældre, skoler og egen læge og kan henvise direkte til kommunale tilbud eller til psykiatrisk udredning.\n\nModellen afprøves i 18 måneder fra 1. september 2026.",
      economy:
        "Afprøvningen koster 1.480.000 kr. Heraf betaler de tre kommuner 740.000 kr. og Psykiatrien 740.000 kr.",
      municipalRemarks: "Fjordlund Kommune stiller lokaler til rådighed i sundhedshuset.",
      coordination:
        "Sagen er koordineret med PPR i de tre kommuner og med sundhedsplejen, som henviser til den fælles indgang.",
    },
    recommendations: [
      indstilling("Sekretariatet indstiller,", [
        "den fælles indgang afprøves i 18 måneder fra 1. september 2026",
        "afprøvningen evalueres og forelægges PN i foråret 2028",
      ]),
    ],
    decision: approved(),
  },
  {
    title: "Lokal aftale om lægedækning i Mosevang",
    kind: "decision",
    durationMinutes: 15,
    caseNumbers: ["EMN-2025-03990"],
    sections: {
      summary:
        "Mosevang Kommune og regionen foreslår en lokal aftale, hvor kommunen stiller lokaler og sekretærbistand til rådighed for en ny lægepraksis i det lægedækningstruede område.",
      presentation:
        "Aftalen skal gøre det mere attraktivt for en praktiserende læge at nedsætte sig i Mosevang. Kommunen stiller lokaler til rådighed uden husleje i tre år, og regionen betaler for indretning af to konsultationsrum.",
      economy:
        "Regionens udgift til indretning udgør 420.000 kr. Kommunens udgift udgør ca. 180.000 kr. årligt.",
    },
    recommendations: [
      "Sekretariatet indstiller, at FSN anbefaler aftalen over for regionen og Mosevang Kommune.",
    ],
    decision: withRemarks(
      "Indstillingen blev tiltrådt med den bemærkning, at PLO-Vestkyst inddrages i opslaget af praksis, så det sker i overensstemmelse med overenskomsten.",
    ),
  },
  {
    title: "Rekruttering af tværsektoriel lægekoordinator",
    access: "closed",
    kind: "decision",
    durationMinutes: 15,
    caseNumbers: ["2026-0034411"],
    sections: {
      summary:
        "Punktet er lukket, da det vedrører en personalesag. FSN skal godkende ansættelsesudvalgets indstilling til stillingen som tværsektoriel lægekoordinator i klyngen.",
      presentation:
        "Stillingen er på 20 timer om ugen og besættes af en praktiserende læge, som skal understøtte samarbejdet mellem almen praksis, kommunerne og hospitalet. Der var tre ansøgere, og ansættelsesudvalget indstiller én kandidat.",
      economy: "Stillingen finansieres af klyngemidler med 560.000 kr. årligt i to år.",
    },
    recommendations: [
      "Ansættelsesudvalget indstiller, at den indstillede kandidat ansættes pr. 1. august 2026.",
    ],
    decision: approved(),
  },
  writtenOrientations(["Status på udbredelse af telemedicin til borgere med hjertesvigt"], noted()),
  nextMeetingCases(["Evaluering af sygeplejeklinikken for borgere med KOL", "Klyngemidler 2027"], approved()),
  miscellaneous(noted("Intet.")),
];

const pnJanuary: ItemDraft[] = [
  agendaApproval(),
  minutesApproval("den 5. november 2026", undefined, "2026-0088710"),
  announcements(["Formanden orienterer om SSU's godkendelse af sundhedsaftalen 2027–2030"]),
  {
    title: "Sundhedsaftalen 2027–2030 – klyngens implementering",
    kind: "discussion",
    durationMinutes: 30,
    caseNumbers: ["EMN-2025-05102"],
    sections: {
      summary:
        "Med den nye sundhedsaftale får klyngerne ansvar for at omsætte pejlemærkerne til prøvehandlinger. PN drøfter, hvilke pejlemærker Sundhedsklynge Syd skal prioritere i 2027.",
      presentation:
        "FSN foreslår, at klyngen i 2027 prioriterer tre pejlemærker: kortere ventetid på genoptræning, flere borgere med KOL og diabetes fulgt i almen praksis og en tidlig indsats for børn og unge med psykisk mistrivsel. De øvrige pejlemærker følges via den fælles ledelsesinformation.",
    },
    recommendations: ["FSN indstiller, at PN drøfter og prioriterer klyngens pejlemærker for 2027."],
  },
  {
    title: "Klyngemidler 2027 – godkendelse af prøvehandlinger",
    kind: "decision",
    durationMinutes: 25,
    caseNumbers: ["EMN-2026-02455", "2026-0101245"],
    sections: {
      summary: "FSN anbefaler tre prøvehandlinger inden for klyngens ramme på 2.900.000 kr. i 2027.",
      presentation:
        "- Fremskudt psykiatrisk funktion i rusmiddelbehandlingen: 1.150.000 kr.\n- Fælles genoptræningsforløb for borgere med hofte- og knæalloplastik: 980.000 kr.\n- Opfølgning på gravide med overvægt i almen praksis og sundhedsplejen: 770.000 kr.\n\nAlle prøvehandlinger har en evalueringsplan, og resultaterne deles med Sundhedsklynge Nord.",
      economy: "Samlet 2.900.000 kr., svarende til klyngens ramme for 2027.",
      approvedBy: "Anbefalet af FSN i Sundhedsklynge Syd den 9. december 2026.",
    },
    recommendations: [
      indstilling("FSN indstiller,", [
        "de tre prøvehandlinger godkendes med i alt 2.900.000 kr.",
        "PN får status på prøvehandlingerne i september 2027",
      ]),
    ],
    attachments: [
      attachment(
        "Beskrivelse af prøvehandlinger 2027",
        "proevehandlinger-syd-2027.md",
        `# Sundhedsklynge Syd – prøvehandlinger 2027

| Prøvehandling | Ejer | Beløb |
|---|---|---|
| Fremskudt psykiatrisk funktion i rusmiddelbehandlingen | Psykiatrien og Fjordlund | 1.150.000 kr. |
| Fælles genoptræningsforløb efter hofte- og knæalloplastik | Vestkyst Hospital og Sønderå | 980.000 kr. |
| Opfølgning på gravide med overvægt | PLO-Vestkyst og Mosevang | 770.000 kr. |
| **I alt** | | **2.900.000 kr.** |

Evaluering: status til PN i september 2027, slutevaluering i juni 2028.`,
      ),
    ],
  },
  {
    title: "Fælles indgang for børn og unges mentale sundhed – status",
    kind: "orientation",
    durationMinutes: 15,
    caseNumbers: ["EMN-2026-01021"],
    sections: {
      summary:
        "Den fælles indgang har været åben i fire måneder og har haft 212 henvendelser. Sekretariatet orienterer om de første erfaringer.",
      presentation:
        "Halvdelen af henvendelserne kommer fra forældre, en fjerdedel fra skoler og resten fra egen læge og sundhedsplejen. 61 pct. af henvendelserne er afsluttet med rådgivning eller et kommunalt tilbud.",
    },
    recommendations: ["Sekretariatet indstiller, at orienteringen tages til efterretning."],
  },
  {
    title: "Genoptagelse af Ad hoc gruppe om samtidig psykisk lidelse og misbrug",
    kind: "decision",
    durationMinutes: 15,
    caseNumbers: ["26-003107"],
    sections: {
      summary:
        "De nationale anbefalinger om integreret behandling er offentliggjort. FSN anbefaler, at ad hoc gruppen genoptager arbejdet med et revideret kommissorium.",
      presentation:
        "Det reviderede kommissorium tager udgangspunkt i model B med fremskudt psykiatrisk funktion i den kommunale rusmiddelbehandling. Gruppens periode forlænges til 31. december 2027.",
      previousDecisions: "FSN satte gruppen i bero den 16. september 2026.",
    },
    recommendations: ["FSN indstiller, at PN godkender, at gruppen genoptager arbejdet."],
  },
  {
    title: "Forhandling om lejemål til sundhedshus i Fjordlund",
    access: "closed",
    kind: "decision",
    durationMinutes: 15,
    caseNumbers: ["2026-0104470"],
    sections: {
      summary:
        "Punktet er lukket af hensyn til en igangværende forhandling med en privat udlejer om lejemål til et fælles sundhedshus.",
      presentation:
        "Fjordlund Kommune og regionen har forhandlet om et lejemål på 1.400 m² til sundhedshus med lægepraksis, kommunal sygepleje og regionale ambulatoriefunktioner. Udlejer har fremsat et endeligt tilbud.",
      economy: "Den årlige husleje udgør 1.260.000 kr. ekskl. drift, fordelt efter areal.",
    },
    recommendations: ["Sekretariatet indstiller, at PN anbefaler lejemålet over for parterne."],
  },
  {
    title: "Mødeplan for 2027",
    kind: "decision",
    durationMinutes: 5,
    sections: {
      presentation:
        "- Torsdag den 22. april 2027\n- Torsdag den 9. september 2027\n- Torsdag den 25. november 2027",
    },
    recommendations: ["Sekretariatet indstiller, at mødeplanen godkendes."],
  },
  miscellaneous(),
];

export const meetingsSyd: DemoMeeting[] = [
  {
    key: "m-fsn-syd-2026-05",
    bodyKey: "fsn-syd",
    start: "2026-05-20T09:00",
    end: "2026-05-20T12:00",
    location: "Vestkyst Hospital, Sønderå, konferencerum 3",
    kind: "ordinary",
    status: "minutes_published",
    attendance: attendance("fsn-syd", "2026-05-20", {
      afbud: ["p-ravn"],
      absent: ["p-hjorth"],
      substitutes: [["p-engberg", "p-andersen"]],
      guests: [{ personKey: "p-vind", items: [5], note: "Oplæg om datagrundlaget" }],
      notes: { "p-rahimi": "Forlod mødet efter punkt 8" },
    }),
    items: numbered(leftFrom(fsnMay, 9, ["p-rahimi"])),
  },
  {
    key: "m-pn-syd-2027-01",
    bodyKey: "pn-syd",
    start: "2027-01-28T14:00",
    end: "2027-01-28T16:30",
    location: "Rådhuset i Sønderå, Byrådssalen",
    kind: "ordinary",
    status: "planned",
    attendance: [],
    items: numbered(pnJanuary),
  },
];
