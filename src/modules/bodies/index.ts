export { bodyRoutes } from "./bodies.routes.ts";
export type { TBody } from "./bodies.schemas.ts";
export { createBody, findBody, getBody, listBodies, presentBody } from "./bodies.service.ts";
export { BODY_KINDS, bodies } from "./bodies.tables.ts";
export { bodyPath } from "./bodies.urls.ts";
