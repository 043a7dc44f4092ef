export { documentDocx } from "./document.docx.ts";
export type { DocItem, DocKind, DocModel, Edition } from "./document.model.ts";
export { loadDocumentModel } from "./document.model.ts";
export { documentPdf } from "./document.pdf.ts";
export { documentsEffect, documentsPending, runDocumentJobs } from "./documents.jobs.ts";
export { documentRoutes } from "./documents.routes.ts";
export {
  buildDocument,
  freezeEditions,
  getMeetingDocument,
  getPublishedDocument,
  listMeetingDocuments,
  renderEditions,
} from "./documents.service.ts";
export { documentJobs, publishedDocumentModels, publishedDocuments } from "./documents.tables.ts";
export { defaultStyles as docxStyles, docxLang, textRun as docxRun } from "./docx-style.ts";
export { meetingCalendar } from "./feeds.service.ts";
export { type DocxReport, inspectDocx, inspectPdf, type PdfReport } from "./inspect.ts";
export { publicDocumentRoutes } from "./public.routes.ts";
export { redactFrozenEditions, replaceDeep } from "./redaction.ts";
