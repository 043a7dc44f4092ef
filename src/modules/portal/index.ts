export { portalPageRoutes } from "./portal.page-routes.ts";
