import type { DemoMembership, MembershipRole } from "./demo.types.ts";

function m(
  personKey: string,
  bodyKey: string,
  partyKey: string,
  role: MembershipRole,
  from: string,
  to?: string,
): DemoMembership {
  return to ? { personKey, bodyKey, partyKey, role, from, to } : { personKey, bodyKey, partyKey, role, from };
}

/** Start of the election period 2026–2029 for the political bodies. */
const P26 = "2026-01-01";
/** Start of the administrative organisation under the health agreement 2024–2027. */
const A24 = "2024-01-01";

export const memberships: DemoMembership[] = [
  // Sundhedssamarbejdsudvalget
  m("p-holm", "ssu", "region", "chair", "2022-01-01"),
  m("p-brandt", "ssu", "havbjerg", "vice_chair", P26),
  m("p-lindholt", "ssu", "region", "member", P26),
  m("p-juul", "ssu", "region", "member", P26),
  m("p-riis", "ssu", "sondera", "member", P26),
  m("p-kronborg", "ssu", "klitmose", "member", P26),
  m("p-hvidberg", "ssu", "fjordlund", "member", P26),
  m("p-sandholm", "ssu", "vesterhede", "member", "2022-01-01", "2025-12-31"),
  m("p-jessen", "ssu", "plo", "member", "2022-01-01"),
  m("p-toft", "ssu", "patienter", "member", P26),
  m("p-skovgaard", "ssu", "region", "observer", P26),
  m("p-lauridsen", "ssu", "kl", "observer", P26),
  m("p-aasted", "ssu", "region", "substitute", P26),
  m("p-molgaard", "ssu", "region", "secretary", "2022-01-01"),

  // Strategisk Sundhedsstyregruppe
  m("p-skovgaard", "sss", "region", "chair", A24),
  m("p-lund", "sss", "havbjerg", "vice_chair", A24),
  m("p-aagaard", "sss", "hospital", "member", A24),
  m("p-ravn", "sss", "psykiatri", "member", A24),
  m("p-stougaard", "sss", "region", "member", A24),
  m("p-engberg", "sss", "sondera", "member", A24),
  m("p-dalsgaard", "sss", "tangholm", "member", A24),
  m("p-mejlgaard", "sss", "havbjerg", "member", A24, "2026-01-31"),
  m("p-kristiansen", "sss", "klitmose", "member", "2026-02-01"),
  m("p-jessen", "sss", "plo", "member", A24),
  m("p-lauridsen", "sss", "kl", "observer", A24),
  m("p-kjeldsen", "sss", "hospital", "substitute", A24),
  m("p-molgaard", "sss", "region", "secretary", A24),

  // Formandskabet for SSS
  m("p-skovgaard", "sss-formandskab", "region", "chair", A24),
  m("p-lund", "sss-formandskab", "havbjerg", "vice_chair", A24),
  m("p-engberg", "sss-formandskab", "sondera", "member", A24),
  m("p-molgaard", "sss-formandskab", "region", "secretary", A24),

  // Sundhedsdirektørkredsen (kun kommunerne)
  m("p-engberg", "sdk", "sondera", "chair", A24),
  m("p-lund", "sdk", "havbjerg", "vice_chair", A24),
  m("p-mejlgaard", "sdk", "havbjerg", "member", A24),
  m("p-kristiansen", "sdk", "klitmose", "member", A24),
  m("p-madsen", "sdk", "vesterhede", "member", A24),
  m("p-ebbesen", "sdk", "fjordlund", "member", A24),
  m("p-holmgaard", "sdk", "mosevang", "member", A24),
  m("p-nygaard", "sdk", "tangholm", "member", A24),
  m("p-andersen", "sdk", "sondera", "substitute", A24),
  m("p-lauridsen", "sdk", "kl", "observer", A24),
  m("p-holst", "sdk", "sondera", "secretary", A24),

  // Sundhedsklynge Nord – politisk niveau
  m("p-brandt", "pn-nord", "havbjerg", "chair", P26),
  m("p-lindholt", "pn-nord", "region", "vice_chair", P26),
  m("p-kronborg", "pn-nord", "klitmose", "member", P26),
  m("p-sandholm", "pn-nord", "vesterhede", "member", P26),
  m("p-bang", "pn-nord", "tangholm", "member", P26),
  m("p-abildgaard", "pn-nord", "plo", "member", P26),
  m("p-aagaard", "pn-nord", "hospital", "observer", P26),
  m("p-mejlgaard", "pn-nord", "havbjerg", "observer", P26),
  m("p-iversen", "pn-nord", "region", "secretary", P26),

  // Sundhedsklynge Nord – fagligt strategisk niveau
  m("p-mejlgaard", "fsn-nord", "havbjerg", "chair", A24),
  m("p-aagaard", "fsn-nord", "hospital", "vice_chair", A24),
  m("p-kristiansen", "fsn-nord", "klitmose", "member", A24),
  m("p-madsen", "fsn-nord", "vesterhede", "member", A24),
  m("p-nygaard", "fsn-nord", "tangholm", "member", A24),
  m("p-thygesen", "fsn-nord", "hospital", "member", A24),
  m("p-abildgaard", "fsn-nord", "plo", "member", A24),
  m("p-toft", "fsn-nord", "patienter", "member", "2025-01-01"),
  m("p-kjeldsen", "fsn-nord", "hospital", "substitute", A24),
  m("p-iversen", "fsn-nord", "region", "secretary", A24),

  // Koordinationsforum Nord
  m("p-kristiansen", "kf-nord", "klitmose", "chair", A24),
  m("p-thygesen", "kf-nord", "hospital", "vice_chair", A24),
  m("p-madsen", "kf-nord", "vesterhede", "member", A24),
  m("p-nygaard", "kf-nord", "tangholm", "member", A24),
  m("p-abildgaard", "kf-nord", "plo", "member", A24),
  m("p-iversen", "kf-nord", "region", "secretary", A24),

  // Sundhedsklynge Syd – politisk niveau
  m("p-riis", "pn-syd", "sondera", "chair", P26),
  m("p-juul", "pn-syd", "region", "vice_chair", P26),
  m("p-hvidberg", "pn-syd", "fjordlund", "member", P26),
  m("p-sondergaard", "pn-syd", "mosevang", "member", P26),
  m("p-rahimi", "pn-syd", "plo", "member", P26),
  m("p-hjorth", "pn-syd", "patienter", "member", P26),
  m("p-kjeldsen", "pn-syd", "hospital", "observer", P26),
  m("p-hald", "pn-syd", "region", "secretary", P26),

  // Sundhedsklynge Syd – fagligt strategisk niveau
  m("p-andersen", "fsn-syd", "sondera", "chair", A24),
  m("p-kjeldsen", "fsn-syd", "hospital", "vice_chair", A24),
  m("p-ebbesen", "fsn-syd", "fjordlund", "member", A24),
  m("p-holmgaard", "fsn-syd", "mosevang", "member", A24),
  m("p-ravn", "fsn-syd", "psykiatri", "member", A24),
  m("p-rahimi", "fsn-syd", "plo", "member", A24),
  m("p-hjorth", "fsn-syd", "patienter", "member", "2025-01-01"),
  m("p-engberg", "fsn-syd", "sondera", "substitute", A24),
  m("p-hald", "fsn-syd", "region", "secretary", A24),

  // Koordinationsforum Syd
  m("p-holmgaard", "kf-syd", "mosevang", "chair", A24),
  m("p-thygesen", "kf-syd", "hospital", "vice_chair", A24),
  m("p-ebbesen", "kf-syd", "fjordlund", "member", A24),
  m("p-rahimi", "kf-syd", "plo", "member", A24),
  m("p-holst", "kf-syd", "sondera", "secretary", A24),
  m("p-hald", "kf-syd", "region", "secretary", A24),

  // Ad hoc gruppe om akutte forløb for ældre medicinske patienter
  m("p-thygesen", "adhoc-akut", "hospital", "chair", "2026-03-01"),
  m("p-nygaard", "adhoc-akut", "tangholm", "vice_chair", "2026-03-01"),
  m("p-madsen", "adhoc-akut", "vesterhede", "member", "2026-03-01"),
  m("p-abildgaard", "adhoc-akut", "plo", "member", "2026-03-01"),
  m("p-kjaergaard", "adhoc-akut", "region", "member", "2026-03-01"),
  m("p-iversen", "adhoc-akut", "region", "secretary", "2026-03-01"),

  // Ad hoc gruppe om samtidig psykisk lidelse og misbrug
  m("p-ravn", "adhoc-psyk", "psykiatri", "chair", "2025-09-01"),
  m("p-ebbesen", "adhoc-psyk", "fjordlund", "vice_chair", "2025-09-01"),
  m("p-holmgaard", "adhoc-psyk", "mosevang", "member", "2025-09-01"),
  m("p-rahimi", "adhoc-psyk", "plo", "member", "2025-09-01"),
  m("p-hjorth", "adhoc-psyk", "patienter", "member", "2025-09-01"),
  m("p-hald", "adhoc-psyk", "region", "secretary", "2025-09-01"),

  // Ad hoc gruppe om genoptræningsplaner (nedlagt)
  m("p-stougaard", "adhoc-genoptraening", "region", "chair", "2025-02-01", "2026-10-31"),
  m("p-mejlgaard", "adhoc-genoptraening", "havbjerg", "vice_chair", "2025-02-01", "2026-10-31"),
  m("p-kjeldsen", "adhoc-genoptraening", "hospital", "member", "2025-02-01", "2026-10-31"),
  m("p-kristiansen", "adhoc-genoptraening", "klitmose", "member", "2025-02-01", "2026-10-31"),
  m("p-hald", "adhoc-genoptraening", "region", "secretary", "2025-02-01", "2026-10-31"),
];
