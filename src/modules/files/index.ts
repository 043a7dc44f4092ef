export { readFile, storeFile } from "./files.service.ts";
export { storedFiles } from "./files.tables.ts";
