import type { DemoUser } from "./demo.types.ts";

/** Demo log-ins. The passwords are public demo passwords, not secrets. */
export const users: DemoUser[] = [
  { email: "admin@tvaers.local", password: "Klit-Fyrtaarn-2026", name: "Systemadministrator", isAdmin: true },
  {
    email: "sekretariat@tvaers.local",
    password: "Dagsorden-Bilag-2026",
    name: "Anders Bech Mølgaard",
    personKey: "p-molgaard",
  },
  {
    email: "formand@tvaers.local",
    password: "Klokke-Ordstyrer-2026",
    name: "Birgitte Damgaard Holm",
    personKey: "p-holm",
  },
  {
    email: "medlem@tvaers.local",
    password: "Referat-Laesning-2026",
    name: "Tina Kvist Madsen",
    personKey: "p-madsen",
  },
];
