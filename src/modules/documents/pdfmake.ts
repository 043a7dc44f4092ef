/** pdfmake's Node build with its bundled Roboto (which has æ, ø, å and Danish punctuation), loaded once. */
import { createRequire } from "node:module";

/** The part of a pdfmake document definition we build: plain JSON-like nodes. */
export type PdfNode = string | number | boolean | null | PdfNode[] | { [key: string]: unknown };
export type PdfDefinition = Record<string, unknown>;

interface PdfMake {
  virtualfs: { writeFileSync(name: string, data: Buffer): void };
  setFonts(fonts: Record<string, Record<string, string>>): void;
  setUrlAccessPolicy(policy: (url: string) => boolean): void;
  setLocalAccessPolicy(policy: (path: string) => boolean): void;
  createPdf(definition: PdfDefinition): { getBuffer(): Promise<Buffer> };
}

let instance: PdfMake | null = null;

function load(): PdfMake {
  if (instance) {
    return instance;
  }
  const require = createRequire(import.meta.url);
  const pdfmake = require("pdfmake") as PdfMake;
  const vfs = require("pdfmake/build/vfs_fonts.js") as Record<string, string>;
  for (const [name, data] of Object.entries(vfs)) {
    pdfmake.virtualfs.writeFileSync(name, Buffer.from(data, "base64"));
  }
  pdfmake.setFonts({
    Roboto: {
      normal: "Roboto-Regular.ttf",
      bold: "Roboto-Medium.ttf",
      italics: "Roboto-Italic.ttf",
      bolditalics: "Roboto-MediumItalic.ttf",
    },
  });
  // Documents are built from our own data only: no images or fonts fetched from anywhere.
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy(() => false);
  instance = pdfmake;
  return pdfmake;
}

/** Renders a document definition to PDF bytes. */
export async function renderPdf(definition: PdfDefinition): Promise<Uint8Array> {
  const buffer = await load().createPdf(definition).getBuffer();
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
