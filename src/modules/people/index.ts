export { type BodyMember, listBodyMembers, ROLE_ORDER } from "./body-members.ts";
export {
  listPartyRepresentativeUsers,
  listRepresentedParties,
  representedPartiesSql,
} from "./party-representatives.ts";
export { peoplePageRoutes } from "./people.page-routes.ts";
export { peopleRoutes } from "./people.routes.ts";
export {
  createMembership,
  createPerson,
  getPerson,
  listMemberships,
  listPersons,
  listPersonsByIds,
  presentPerson,
} from "./people.service.ts";
export { type MembershipRole, memberships, persons } from "./people.tables.ts";
export { personPath } from "./people.urls.ts";
export { listRoleChanges, type RoleChange } from "./role-history.ts";
export { RoleHistory } from "./role-history.view.tsx";
