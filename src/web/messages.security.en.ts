import type { daSecurity } from "./messages.security.da.ts";

/** English messages of role history, own data and logout: the same keys as the Danish ones. */
export const enSecurity: Record<keyof typeof daSecurity, string> = {
  "sec.roles.heading": "Role changes",
  "sec.roles.none": "No role changes are recorded.",
  "sec.roles.caption": "Who got or lost a role in the body, when and by whom",
  "sec.roles.when": "Time",
  "sec.roles.person": "Person",
  "sec.roles.before": "Before",
  "sec.roles.after": "After",
  "sec.roles.by": "Changed by",
};
