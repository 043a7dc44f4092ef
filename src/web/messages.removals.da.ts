/** Danish messages of removing personal data (issue 18.6); spread into messages.da.ts. */
export const daRemovals = {
  "removal.marker": "[Oplysninger fjernet {date} – {reason}]",
  "removal.title": "Fjern personoplysninger",
  "removal.link": "Fjern personoplysninger",
  "removal.linkIntro":
    "Er der ved en fejl offentliggjort personoplysninger (fx et CPR-nummer) i punktet, kan de fjernes overalt: i punktet, rettelserne, de offentliggjorte filer, søgningen og revisionsloggen.",
  "removal.intro":
    "Skriv den præcise tekst, der skal fjernes, og hvorfor. Teksten erstattes overalt i punktet, dets rettelser og de offentliggjorte PDF- og Word-filer af »[Oplysninger fjernet <dato> – <begrundelse>]«. Revisionsloggen gemmer, at det skete, af hvem og hvorfor – men ikke teksten.",
  "removal.passage": "Tekst, der skal fjernes",
  "removal.passageHint": "Kopiér teksten præcist, som den står i punktet.",
  "removal.reason": "Begrundelse",
  "removal.reasonHint": "Vises i stedet for teksten, fx »CPR-nummer offentliggjort ved en fejl«.",
  "removal.next": "Fortsæt",
  "removal.back": "Tilbage til punktet",
  "removal.cancel": "Fortryd",
  "removal.confirmHeading": "Bekræft fjernelsen",
  "removal.confirmIntro": "Denne tekst fjernes:",
  "removal.confirmMarker":
    "I stedet står der »[Oplysninger fjernet <dato> – {reason}]«. Det kan ikke gøres om.",
  "removal.confirmButton": "Fjern oplysningerne",
  "removal.done": "Oplysningerne er fjernet.",
  "removal.doneMarker": "Hvor teksten stod, står nu: {marker}",
  "removal.found.field": "Punktets {field}",
  "removal.found.corrections": "{n} rettelse(r) i rettelseshistorikken",
  "removal.found.editions":
    "De offentliggjorte PDF- og Word-filer, der indeholder teksten, laves igen (samme adresse)",
  "removal.found.audit": "Revisionsloggens poster med teksten renses; kæden kan stadig efterprøves",
  "removal.passageError": "Skriv den præcise tekst, der skal fjernes (4 til 2.000 tegn).",
  "removal.reasonError": "Skriv en begrundelse på 3 til 300 tegn uden [ og ].",
  "removal.notFound":
    "Teksten findes hverken i punktet eller i dets rettelser. Kopiér den præcise tekst fra punktet.",
  "removal.field.title": "titel",
  "removal.field.sections": "afsnit",
  "removal.field.recommendations": "indstilling",
  "removal.field.decisionText": "beslutning",
  "removal.field.caseNumbers": "sagsnumre",
} as const;
