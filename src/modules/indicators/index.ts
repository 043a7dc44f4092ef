export { LineChart } from "./charts.tsx";
export { loadDemoIndicators } from "./demo-indicators.ts";
export { indicatorPageRoutes } from "./indicators.page-routes.ts";
export { indicatorRoutes } from "./indicators.routes.ts";
export { ZSnapshotInput } from "./indicators.schemas.ts";
export {
  bodyDashboards,
  indicatorLoads,
  indicatorSnapshots,
  indicators,
  indicatorValues,
} from "./indicators.tables.ts";
export { type ItemSnapshotsData, ItemSnapshotsPanel } from "./item-snapshots.view.tsx";
export { type PrintedSnapshot, printedSnapshotsOfItems } from "./snapshot.document.ts";
export { addSnapshot, indicatorsEffect, listItemSnapshots, snapshotChoices } from "./snapshots.ts";
