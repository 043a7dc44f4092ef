/** Danish messages of role history, own data ("Mine oplysninger") and logout; spread into messages.da.ts. */
export const daSecurity = {
  "sec.roles.heading": "Rolleændringer",
  "sec.roles.none": "Ingen rolleændringer er registreret.",
  "sec.roles.caption": "Hvem fik eller mistede en rolle i forummet, hvornår og af hvem",
  "sec.roles.when": "Tidspunkt",
  "sec.roles.person": "Person",
  "sec.roles.before": "Før",
  "sec.roles.after": "Efter",
  "sec.roles.by": "Ændret af",
};
