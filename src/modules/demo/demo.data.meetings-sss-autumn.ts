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
  withRemarks,
  writtenOrientations,
} from "./demo.data.helpers.ts";
import type { DemoMeeting } from "./demo.types.ts";

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

export const meetingsSssAutumn: DemoMeeting[] = [
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
