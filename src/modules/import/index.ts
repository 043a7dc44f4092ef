export { IMPORT_ERRORS, ImportError, type ImportErrorCode, importErrorMessage } from "./import.errors.ts";
export {
  type ImportConfidence,
  type ImportFormat,
  type ImportItem,
  type ImportKind,
  type ImportResult,
  type ItemConfidence,
  type ParseInput,
  ZImportItem,
  ZImportResult,
} from "./import.schemas.ts";
export {
  DEFAULT_MAX_BYTES,
  DEFAULT_TIMEOUT_MS,
  parseDocument,
  parseDocumentWithConfidence,
  parseFile,
  parseText,
} from "./parse.ts";
