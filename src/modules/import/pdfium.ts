/**
 * PDFium (WebAssembly, `@embedpdf/pdfium`) for reading a PDF's text layer: characters with their origin,
 * advance box, font size and font name, about four times faster than pdf.js's text content plus the
 * operator list we needed for font names (docs/decisions/013-pdf-text-extraction.md). Loaded once per
 * parsing worker; its memory lives outside the JavaScript heap, so it gets its own cap here.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { ImportError } from "./import.errors.ts";

/** The raw exports we call (no argument conversion per call: these run once per character). */
export interface Pdfium {
  HEAPU8: Uint8Array;
  HEAPF32: Float32Array;
  HEAPF64: Float64Array;
  UTF8ToString(ptr: number): string;
  _malloc(size: number): number;
  _free(ptr: number): void;
  _FPDF_LoadMemDocument(data: number, size: number, password: number): number;
  _FPDF_GetLastError(): number;
  _FPDF_GetPageCount(doc: number): number;
  _FPDF_LoadPage(doc: number, index: number): number;
  _FPDF_ClosePage(page: number): void;
  _FPDF_CloseDocument(doc: number): void;
  _FPDFText_LoadPage(page: number): number;
  _FPDFText_ClosePage(textPage: number): void;
  _FPDFText_CountChars(textPage: number): number;
  _FPDFText_GetUnicode(textPage: number, index: number): number;
  _FPDFText_IsGenerated(textPage: number, index: number): number;
  _FPDFText_IsHyphen(textPage: number, index: number): number;
  _FPDFText_GetTextObject(textPage: number, index: number): number;
  _FPDFText_GetCharOrigin(textPage: number, index: number, x: number, y: number): number;
  _FPDFText_GetLooseCharBox(textPage: number, index: number, rect: number): number;
  _FPDFText_GetMatrix(textPage: number, index: number, matrix: number): number;
  _FPDFText_GetFontSize(textPage: number, index: number): number;
  _FPDFText_GetFontInfo(
    textPage: number,
    index: number,
    buffer: number,
    length: number,
    flags: number,
  ): number;
}

interface Loaded {
  module: Pdfium;
  memory: WebAssembly.Memory;
}

/** FPDF_GetLastError: the document needs a password. */
export const FPDF_ERR_PASSWORD = 4;

let loaded: Promise<Loaded> | null = null;
let memoryCapBytes = Number.POSITIVE_INFINITY;
let memoryRefused = false;

async function load(): Promise<Loaded> {
  const require = createRequire(import.meta.url);
  const wasmBinary = readFileSync(require.resolve("@embedpdf/pdfium/pdfium.wasm"));
  const { init } = (await import("@embedpdf/pdfium")) as unknown as {
    init(overrides: object): Promise<{
      pdfium: Pdfium & { wasmExports: { memory: WebAssembly.Memory } };
      PDFiumExt_Init(): void;
    }>;
  };
  const wrapped = await init({ wasmBinary, print: () => {}, printErr: () => {} });
  wrapped.PDFiumExt_Init();
  const memory = wrapped.pdfium.wasmExports.memory;
  // The heap may grow only up to the worker's memory limit; a refused growth fails PDFium's
  // allocation, and the parse is refused as over the limit (the worker is then ended).
  const grow = memory.grow.bind(memory);
  Object.defineProperty(memory, "grow", {
    value: (pages: number) => {
      if (memory.buffer.byteLength + pages * 65536 > memoryCapBytes) {
        memoryRefused = true;
        throw new RangeError("PDFium memory over the parse limit");
      }
      return grow(pages);
    },
  });
  return { module: wrapped.pdfium, memory };
}

/** The PDFium module, loaded on first use; `maxMemoryMb` caps its heap for the coming parse. */
export async function pdfium(maxMemoryMb: number): Promise<Pdfium> {
  loaded ??= load();
  const { module } = await loaded;
  memoryCapBytes = maxMemoryMb * 1024 * 1024;
  memoryRefused = false;
  return module;
}

/** Throws the memory refusal when PDFium hit the cap (call after PDFium reported a failure). */
export function checkPdfiumMemory(maxMemoryMb: number): void {
  if (memoryRefused) {
    // The module's state after a failed allocation is not to be trusted: load it afresh next time.
    loaded = null;
    throw new ImportError("limit_memory", `grænsen er ${maxMemoryMb} MB`);
  }
}
