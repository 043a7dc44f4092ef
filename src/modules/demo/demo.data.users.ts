import type { DemoUser } from "./demo.types.ts";

/** Demo log-ins. The passwords are public demo passwords, not secrets. */
export const users: DemoUser[] = [
  { email: "admin@tvaers.local", password: "demo-admin-2026", name: "Systemadministrator", isAdmin: true },
  {
    email: "sekretariat@tvaers.local",
    password: "demo-sekretariat-2026",
    name: "Anders Bech Mølgaard",
    personKey: "p-molgaard",
  },
  {
    email: "formand@tvaers.local",
    password: "demo-formand-2026",
    name: "Birgitte Damgaard Holm",
    personKey: "p-holm",
  },
  {
    email: "medlem@tvaers.local",
    password: "demo-medlem-2026",
    name: "Tina Kvist Madsen",
    personKey: "p-madsen",
  },
];
