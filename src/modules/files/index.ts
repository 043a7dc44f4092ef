export { ALLOWED_TYPES_DA, classifyUpload, cleanFileName, type UploadVerdict } from "./allow-list.ts";
export { type FileStoredListener, onFileStored, readFile, storeFile } from "./files.service.ts";
export { storedFiles } from "./files.tables.ts";
export { assertUploadFits, uploadProblem } from "./sniff.ts";
