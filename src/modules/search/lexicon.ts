/**
 * Danish words of the domain that occur as parts of compounds ("samarbejds|aftale",
 * "overvægts|indsats"). The compound check (compound.ts) accepts a part when the index's own
 * vocabulary knows it or when it is here — a small corpus (one region's first meetings) does not yet
 * hold "samarbejde" on its own, but its users still expect "aftale" to find "samarbejdsaftalen".
 * Lower case, base forms; endings are trimmed by `lexiconForms`.
 */
const WORDS = `
aftale afdeling akut akutfunktion alkohol almen arbejde arbejdsgruppe baggrund barn behandling
beslutning beretning besøg bevilling bilag borger budget børn data demens diabetes digital direktør
drift drøftelse efterretning ekspert evaluering faglig familie forebyggelse forløb forløbsprogram
formand formandskab forskning forum fællesskab følge følgegruppe genoptræning godkendelse graviditet
gruppe handicap handling hjem hjemme hjerte hospital hospice høring implementering indlæggelse indsats
indstilling information kapacitet klynge kommission kommissorium kommunal kommune kompetence kontrakt
koordinering kronisk kræft kvalitet lov læge lægemiddel medicin midler misbrug model mødeplan møde
navn netværk opfølgning omsorg oplæg organisation orientering overvægt palliation patient plan
pleje politik praksis program projekt psykiatri pulje pårørende region rehabilitering referat
revision rygning råd samarbejde sammenhæng screening sekretariat sektor social specialist strategi
styre styregruppe sundhed sygdom sygehus sygepleje tandpleje telemedicin tema tilbud tilsyn træning
udskrivning udvalg udvikling uddannelse ulighed undersøgelse vaccination vejledning velfærd vision
voksen aftaler ældre økonomi ønske administration analyse ansvar beredskab borgere by center dag
fase forsøg frist hjælp kapitel koordination kort krav ledelse liv mål ny område opgave pilot
plads proces rapport ramme ressource samtale service status støtte system teknologi tid udbud
uge vilkår visitation aktivitet akutplads akutteam bolig børnesundhed diætist ernæring fysioterapi
graviditet hjemmepleje hjemmesygepleje lungesygdom livsstil overgang rusmiddel selvmord skole
sundhedsplatform sundhedsaftale tværsektoriel underretning vold aftaleperiode delaftale
del ungdom funktion team modtagelse syge tand håndtering pakke ryge stop rygestop koordinator
handle konsulent ordning boende monitorering sund vagt deling forældre hjerne skade indlæggelse
`;

const ENDINGS = ["e", "er", "en", "et", "t", "r", "s"];

/** A word and the shapes it takes before a linking letter or in the index (stems drop endings). */
export function lexiconForms(word: string): string[] {
  const out = [word];
  for (const ending of ENDINGS) {
    if (word.endsWith(ending) && word.length - ending.length >= 3) {
      out.push(word.slice(0, -ending.length));
    }
  }
  return out;
}

export const LEXICON: ReadonlySet<string> = new Set(WORDS.split(/\s+/).filter(Boolean).flatMap(lexiconForms));
