export { findAttachmentFiles, mimeTypeOf } from "./attachment-files.ts";
export { extractPlainText } from "./extract-text.ts";
export { DOCUMENT_EXTENSIONS, walkDocuments } from "./folder.ts";
export { IMPORT_ERRORS, ImportError, type ImportErrorCode, importErrorMessage } from "./import.errors.ts";
export { importRoutes } from "./import.routes.ts";
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
export { importDocument, importErrorToAppError, sha256Of } from "./import.service.ts";
export { importedDocuments, pendingImports } from "./import.tables.ts";
export type { ImportStatus, WriteOutcome } from "./import.writer.ts";
export { configureParseLimits, DEFAULT_LIMITS, type ParseLimits, parseLimits } from "./limits.ts";
export { isPackageFolder, packFolder } from "./package-folder.ts";
export {
  DEFAULT_MAX_BYTES,
  DEFAULT_TIMEOUT_MS,
  parseDocument,
  parseDocumentWithConfidence,
  parseFile,
  parseText,
} from "./parse.ts";
export { Progress } from "./progress.ts";
export { buildReport, type ImportReport, type ReportEntry, statusWord, summaryText } from "./report.ts";
export {
  confirmPendingImport,
  createPendingImport,
  deletePendingImport,
  getPendingImport,
  listPendingImports,
} from "./review.service.ts";
export { type RefusedLink, refusalMessage } from "./safe-link.ts";
export { stopParseWorker } from "./sandbox.ts";
export { ImportWriteError, WRITE_ERRORS } from "./write-errors.ts";
