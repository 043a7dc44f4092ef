import type { FastifyInstance } from "fastify";
import { registerCrud } from "../../server/crud-routes.ts";
import { ZBody, ZBodyFields, ZBodyFilter } from "./bodies.schemas.ts";
import { bodyService } from "./bodies.service.ts";

export async function bodyRoutes(app: FastifyInstance) {
  registerCrud(app, {
    path: "/bodies",
    tag: "Fora",
    noun: "forum",
    row: ZBody,
    create: ZBodyFields,
    update: ZBodyFields,
    filter: ZBodyFilter,
    service: bodyService,
  });
}
