import type { FastifyInstance } from "fastify";
import { registerCrud } from "../../server/crud-routes.ts";
import {
  ZMembership,
  ZMembershipFields,
  ZMembershipFilter,
  ZPerson,
  ZPersonFields,
  ZPersonFilter,
} from "./people.schemas.ts";
import { membershipService, personService } from "./people.service.ts";

export async function peopleRoutes(app: FastifyInstance) {
  registerCrud(app, {
    path: "/persons",
    tag: "Personer",
    noun: "person",
    row: ZPerson,
    create: ZPersonFields,
    update: ZPersonFields,
    filter: ZPersonFilter,
    service: personService,
  });
  registerCrud(app, {
    path: "/memberships",
    tag: "Medlemskaber",
    noun: "medlemskab",
    row: ZMembership,
    create: ZMembershipFields,
    update: ZMembershipFields,
    filter: ZMembershipFilter,
    service: membershipService,
  });
}
