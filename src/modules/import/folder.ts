import { readdir } from "node:fs/promises";
import path from "node:path";

/** The document types a folder import picks up. */
export const DOCUMENT_EXTENSIONS = [".pdf", ".docx", ".html", ".htm", ".md", ".txt"] as const;

const isDocument = (name: string) =>
  (DOCUMENT_EXTENSIONS as readonly string[]).includes(path.extname(name).toLowerCase());

/**
 * The documents under a folder, recursively, in a stable order. A document's attachment folder
 * (`referat/` or `referat_bilag/` beside `referat.pdf`) holds its attachments, not documents: skipped.
 */
export async function walkDocuments(root: string): Promise<string[]> {
  const out: string[] = [];
  const visit = async (dir: string) => {
    const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1));
    const docs = entries.filter((e) => e.isFile() && !e.name.startsWith(".") && isDocument(e.name));
    const attachmentDirs = new Set(
      docs.flatMap((d) => {
        const stem = path.basename(d.name, path.extname(d.name));
        return [stem, `${stem}_bilag`];
      }),
    );
    for (const doc of docs) {
      out.push(path.join(dir, doc.name));
    }
    for (const sub of entries) {
      if (sub.isDirectory() && !sub.name.startsWith(".") && !attachmentDirs.has(sub.name)) {
        await visit(path.join(dir, sub.name));
      }
    }
  };
  await visit(root);
  return out;
}
