export { loadDemoIndicators } from "./demo-indicators.ts";
export { indicatorPageRoutes } from "./indicators.page-routes.ts";
export { indicatorRoutes } from "./indicators.routes.ts";
export {
  bodyDashboards,
  indicatorLoads,
  indicatorSnapshots,
  indicators,
  indicatorValues,
} from "./indicators.tables.ts";
export { type PrintedSnapshot, printedSnapshotsOfItems } from "./snapshot.document.ts";
export { indicatorsEffect } from "./snapshots.ts";
