export { createBody, findBody, getBody, listBodies, presentBody } from "./bodies.service.ts";
export { bodyRoutes } from "./bodies.routes.ts";
export { bodies, BODY_KINDS } from "./bodies.tables.ts";
export type { TBody } from "./bodies.schemas.ts";
