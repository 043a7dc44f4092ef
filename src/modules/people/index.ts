export { peopleRoutes } from "./people.routes.ts";
export { createMembership, createPerson, listPersons, presentPerson } from "./people.service.ts";
export { type MembershipRole, memberships, persons } from "./people.tables.ts";
