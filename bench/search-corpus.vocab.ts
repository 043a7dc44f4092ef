/**
 * The Danish vocabulary of the synthetic search corpus: topics of cross-sector health collaboration,
 * each with its compounds and phrases, and the sentence frames of agendas and minutes. Word use is
 * skewed as in real minutes: a few topics and words are everywhere, most are rare.
 */
export interface Topic {
  /** title nouns, often compounds */
  nouns: string[];
  /** words of the running text */
  words: string[];
}

export const TOPICS: Topic[] = [
  {
    nouns: ["Samarbejdsaftale om genoptræning", "Genoptræningsplaner", "Genoptræningsforløb"],
    words: [
      "genoptræning",
      "genoptræningsplan",
      "fysioterapeut",
      "udskrivning",
      "træningsindsats",
      "kommunal genoptræning",
      "specialiseret genoptræning",
    ],
  },
  {
    nouns: ["Demensindsats", "Demensstrategi", "Demenskoordinatorer"],
    words: [
      "demens",
      "demenssygdom",
      "pårørende",
      "demensudredning",
      "hukommelsesklinik",
      "demensvenlig kommune",
    ],
  },
  {
    nouns: ["Overvægtsaftalen for børn", "Overvægt hos børn og unge", "Børneovervægtsindsats"],
    words: [
      "overvægt",
      "børneovervægt",
      "sundhedspleje",
      "skolesundhedspleje",
      "familieindsats",
      "overvægtsbehandling",
    ],
  },
  {
    nouns: ["Akutfunktioner i kommunerne", "Akutteams", "Akutpladser"],
    words: [
      "akutfunktion",
      "akutteam",
      "akutplads",
      "akutsygepleje",
      "indlæggelse",
      "genindlæggelse",
      "akutmodtagelse",
    ],
  },
  {
    nouns: ["Psykiatriaftale", "Samarbejdsaftale om psykiatri", "Børne- og ungdomspsykiatri"],
    words: [
      "psykiatri",
      "psykisk sygdom",
      "misbrugsbehandling",
      "dobbeltdiagnose",
      "psykiatrisk udredning",
      "ungdomspsykiatri",
    ],
  },
  {
    nouns: ["Forløbsprogram for KOL", "KOL-rehabilitering", "Lungesygdomme"],
    words: ["KOL", "lungesygdom", "rehabiliteringsforløb", "lungefunktion", "rygestop", "rygestopindsats"],
  },
  {
    nouns: ["Diabetesforløb", "Forløbsprogram for type 2-diabetes", "Diabetesklinikker"],
    words: [
      "diabetes",
      "diabetesbehandling",
      "blodsukker",
      "fodterapeut",
      "patientuddannelse",
      "diabetesskole",
    ],
  },
  {
    nouns: ["Palliativ indsats", "Palliationsaftale", "Hospicepladser"],
    words: ["palliation", "palliativ", "hospice", "terminal", "lindrende behandling", "palliativt team"],
  },
  {
    nouns: ["Hjemmesygepleje og sygehus", "Delegation af sygeplejeopgaver", "Hjemmeplejen"],
    words: ["hjemmesygepleje", "hjemmepleje", "sygeplejeopgave", "delegation", "plejehjem", "plejecenter"],
  },
  {
    nouns: ["Medicinhåndtering på tværs", "Fælles medicinkort", "Medicinsamarbejde"],
    words: ["medicinhåndtering", "medicinkort", "medicingennemgang", "lægemiddel", "polyfarmaci", "apotek"],
  },
  {
    nouns: [
      "Sundhedsaftalen 2024–2027",
      "Sundhedsaftalens implementeringsplan",
      "Revision af sundhedsaftalen",
    ],
    words: [
      "sundhedsaftale",
      "implementeringsplan",
      "visioner",
      "målsætning",
      "indsatsområde",
      "sundhedsaftaleperiode",
    ],
  },
  {
    nouns: ["Telemedicin", "Telemedicinsk hjemmemonitorering", "Digitale løsninger"],
    words: [
      "telemedicin",
      "hjemmemonitorering",
      "videokonsultation",
      "digitalisering",
      "datadeling",
      "sundhedsdata",
    ],
  },
  {
    nouns: ["Udskrivningsaftale", "Sammenhængende udskrivning", "Udskrivningskoordinatorer"],
    words: [
      "udskrivning",
      "udskrivningsforløb",
      "koordinering",
      "overgang",
      "udskrivningssamtale",
      "færdigbehandlet",
    ],
  },
  {
    nouns: ["Svangreomsorg", "Fødeplan", "Sårbare gravide"],
    words: ["graviditet", "svangreomsorg", "jordemoder", "sårbare gravide", "fødsel", "familieambulatorium"],
  },
  {
    nouns: ["Ulighed i sundhed", "Social ulighed", "Sundhedsfremme"],
    words: [
      "ulighed",
      "sundhedsfremme",
      "forebyggelse",
      "sundhedskompetence",
      "socialt udsatte",
      "forebyggelsesindsats",
    ],
  },
  {
    nouns: ["Kræftforløb", "Kræftrehabilitering", "Senfølger efter kræft"],
    words: ["kræft", "kræftbehandling", "kræftpakke", "senfølger", "rehabilitering", "kræftpatient"],
  },
  {
    nouns: ["Klyngemidler", "Puljen til tværsektorielle projekter", "Økonomi og fordelingsnøgle"],
    words: ["klyngemidler", "pulje", "fordelingsnøgle", "bevilling", "budget", "overførsel"],
  },
  {
    nouns: ["Kommissorium for følgegruppen", "Kommissorium for arbejdsgruppen", "Revision af kommissorium"],
    words: ["kommissorium", "følgegruppe", "arbejdsgruppe", "mandat", "leverance", "referencegruppe"],
  },
  {
    nouns: ["Almen praksis og kommunerne", "Praksisplan", "Lægedækning"],
    words: [
      "almen praksis",
      "praksisplan",
      "lægedækning",
      "praktiserende læge",
      "praksiskonsulent",
      "lægevagt",
    ],
  },
  {
    nouns: ["Tandpleje", "Omsorgstandpleje", "Specialtandpleje"],
    words: ["tandpleje", "omsorgstandpleje", "specialtandpleje", "tandlæge", "mundhygiejne", "tandsundhed"],
  },
  {
    nouns: ["Alkohol og rusmidler", "Rusmiddelbehandling", "Alkoholbehandling"],
    words: ["alkohol", "rusmiddel", "alkoholbehandling", "misbrug", "abstinens", "rusmiddelforebyggelse"],
  },
  {
    nouns: ["Ældre medicinske patienter", "Ældresundhed", "Ældreområdet"],
    words: ["ældre", "ældremedicinsk", "faldforebyggelse", "ernæring", "svækket ældre", "geriatri"],
  },
  {
    nouns: ["Rehabilitering på tværs", "Rehabiliteringsindsats", "Hjerterehabilitering"],
    words: [
      "rehabilitering",
      "hjerterehabilitering",
      "hjertesygdom",
      "fysisk træning",
      "livsstil",
      "rehabiliteringsplan",
    ],
  },
  {
    nouns: ["Sundhedsklyngens handleplan", "Klyngestyregruppen", "Fagligt strategisk niveau"],
    words: [
      "sundhedsklynge",
      "klyngestyregruppe",
      "handleplan",
      "prøvehandling",
      "pilotprojekt",
      "udbredelse",
    ],
  },
];

export const FILLER = [
  "administrationen",
  "sekretariatet",
  "kommunerne",
  "regionen",
  "hospitalet",
  "borgerne",
  "patienterne",
  "samarbejdet",
  "indsatsen",
  "forløbet",
  "opgaven",
  "arbejdet",
  "udvalget",
  "styregruppen",
  "parterne",
  "vurderingen",
  "erfaringerne",
  "evalueringen",
  "status",
  "opfølgning",
  "kvalitet",
  "sammenhæng",
  "kapacitet",
  "ressourcer",
  "tidsplan",
  "høring",
  "høringssvar",
  "drøftelse",
  "beslutning",
  "anbefaling",
  "data",
  "målgruppe",
  "målgruppen",
  "tværsektorielt",
  "fælles",
  "lokalt",
  "nationalt",
  "regionalt",
  "nye",
  "flere",
  "bedre",
  "konkret",
  "løbende",
  "samlet",
  "videre",
  "tidligt",
  "hurtigt",
  "mindre",
];

export const FRAMES = [
  "{A} har drøftet {w} og {w} i {P}.",
  "Formålet er at styrke {w} for {w} på tværs af sektorerne.",
  "Arbejdsgruppen anbefaler, at {w} og {w} indgår i den videre {F}.",
  "Der er {F} med {w} i flere kommuner, og {F} viser behov for {w}.",
  "Sagen forelægges med henblik på {F} af {w}.",
  "{P} har udarbejdet et oplæg om {w}, som beskriver {F} og {F}.",
  "Det forventes, at {w} implementeres i løbet af året med {F}.",
  "Evalueringen af {w} viser {F} i {F}, særligt for {w}.",
  "Økonomien afholdes inden for den eksisterende ramme for {w}.",
  "Kommunerne bemærker, at {w} forudsætter {F} og {w}.",
];

export const ACTORS = [
  "Sekretariatet",
  "Følgegruppen",
  "Arbejdsgruppen",
  "Styregruppen",
  "Formandskabet",
  "Klyngen",
];
export const PLACES = [
  "Region Vestkyst",
  "Havbjerg Kommune",
  "Esbjerg Kommune",
  "Sydkyst Sygehus",
  "klyngen",
  "almen praksis",
];

export const DECISIONS: [string, string][] = [
  ["approved", "Godkendt."],
  ["approved", "Indstillingen blev tiltrådt."],
  ["approved_with_remarks", "Godkendt med de bemærkninger, der fremkom på mødet."],
  ["noted", "Orienteringen blev taget til efterretning."],
  ["discussed", "Udvalget drøftede sagen og gav input til det videre arbejde."],
  ["postponed", "Sagen blev udsat til næste møde."],
  ["not_approved", "Indstillingen blev ikke godkendt."],
];
