/**
 * A publication package given as a folder: recognised by its manifest's name and packed into a
 * stored ZIP, so that a folder and a ZIP go through the same reader under the same limits. Only
 * regular files inside the folder are taken; symbolic links, devices and FIFOs are left out (and
 * named), so a package cannot make the importer read a file outside it.
 */
import { lstat, readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { ImportError } from "./import.errors.ts";
import { storedZip } from "./unzip.ts";

const MANIFEST = /^(edocagendapublishing|xml_\d+|publication\d+)\.xml$/i;

/** Whether a folder is a publication package: its manifest at the top or one folder down (SBSYS). */
export async function isPackageFolder(dir: string): Promise<boolean> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  if (entries.some((e) => e.isFile() && MANIFEST.test(e.name))) {
    return true;
  }
  for (const sub of entries.filter((e) => e.isDirectory() && /^publication\d+$/i.test(e.name))) {
    const inner = await readdir(path.join(dir, sub.name)).catch(() => [] as string[]);
    if (inner.some((n) => MANIFEST.test(n))) {
      return true;
    }
  }
  return false;
}

/** The folder as a stored ZIP; files beyond `maxBytes` in all refuse it (limit_inflated_size). */
export async function packFolder(
  dir: string,
  maxBytes: number,
): Promise<{ zip: Uint8Array; skipped: string[] }> {
  const files: Array<[string, Uint8Array]> = [];
  const skipped: string[] = [];
  let total = 0;
  const visit = async (abs: string, rel: string, depth: number) => {
    if (depth > 8) {
      skipped.push(`${rel} (for dybt)`);
      return;
    }
    const names = (await readdir(abs)).sort();
    for (const name of names) {
      const full = path.join(abs, name);
      const relName = rel === "" ? name : `${rel}/${name}`;
      const info = await lstat(full);
      if (info.isSymbolicLink() || !(info.isFile() || info.isDirectory())) {
        skipped.push(`${relName} (ikke en almindelig fil)`);
        continue;
      }
      if (info.isDirectory()) {
        await visit(full, relName, depth + 1);
        continue;
      }
      total += info.size;
      if (total > maxBytes) {
        throw new ImportError(
          "limit_inflated_size",
          `pakken fylder over ${Math.round(maxBytes / 1024 / 1024)} MB`,
        );
      }
      files.push([relName, new Uint8Array(await readFile(full))]);
    }
  };
  await visit(dir, "", 0);
  return { zip: storedZip(files), skipped };
}
