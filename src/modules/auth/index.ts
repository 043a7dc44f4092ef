export { type Actor, PUBLIC_ACTOR, SYSTEM_ACTOR, todayInDenmark } from "./actor.ts";
export { authPageRoutes } from "./auth.page-routes.ts";
export { authPlugin, SESSION_COOKIE } from "./auth.plugin.ts";
export { authRoutes } from "./auth.routes.ts";
export { createUser, login, setUserLocale } from "./auth.service.ts";
export { users } from "./auth.tables.ts";
export * from "./policy.ts";
