export { workspacePageRoutes } from "./workspace.page-routes.ts";
