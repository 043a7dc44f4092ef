export { type ExportFile, exportAll, isDatabaseEmpty, restoreAll } from "./backup.service.ts";
