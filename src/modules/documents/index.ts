export { documentDocx } from "./document.docx.ts";
export type { DocItem, DocKind, DocModel, Edition } from "./document.model.ts";
export { loadDocumentModel } from "./document.model.ts";
export { documentPdf, pdfDefinition } from "./document.pdf.ts";
export { documentRoutes } from "./documents.routes.ts";
export {
  buildDocument,
  getMeetingDocument,
  listMeetingDocuments,
  publishMeetingDocuments,
  publishOnMeetingChange,
} from "./documents.service.ts";
export { publishedDocuments } from "./documents.tables.ts";
export { publicDocumentRoutes } from "./public.routes.ts";
