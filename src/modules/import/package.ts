/**
 * Publication packages (issue 25.3): a ZIP (or a folder, packed into one by `package-folder.ts`) with
 * an eDoc, Acadre or SBSYS XML manifest and the attachment files it names. The manifest is read in
 * the parsing worker under the limits (ZIP through unzip.ts, XML through package-xml.ts); the files
 * are read on confirm by `packageFiles`. No PDF is parsed.
 */
import { ImportError } from "./import.errors.ts";
import type { ImportResult } from "./import.schemas.ts";
import { producedAgendaOf, readAcadre } from "./package-acadre.ts";
import { readEdoc } from "./package-edoc.ts";
import { readSbsys } from "./package-sbsys.ts";
import { parseXml, type XmlNode } from "./package-xml.ts";
import { fold } from "./provenance.ts";
import type { AttachmentFile, AttachmentFiles } from "./sync-children.ts";
import {
  checkDeclaredSizes,
  InflateBudget,
  isSafeEntryName,
  listZip,
  readEntry,
  type ZipEntry,
} from "./unzip.ts";

/** Manifests are small; a larger XML is not read as one. */
const MAX_MANIFEST_BYTES = 16 * 1024 * 1024;
/** XML files looked at when searching for the manifest. */
const MAX_XML_CANDIDATES = 40;

const lower = (s: string) => s.toLowerCase();
const dirOf = (p: string) => (p.includes("/") ? p.slice(0, p.lastIndexOf("/") + 1) : "");
const baseOf = (p: string) => p.slice(p.lastIndexOf("/") + 1);

/** The entries of a package ZIP; an entry name that could leave the package refuses it all. */
export function packageEntries(
  bytes: Uint8Array,
  maxInflatedBytes: number,
): { entries: ZipEntry[]; budget: InflateBudget } {
  const entries = listZip(bytes, "package_invalid");
  for (const e of entries) {
    if (!isSafeEntryName(e.name)) {
      throw new ImportError("package_invalid", `filnavnet "${e.name.slice(0, 120)}" peger uden for pakken`);
    }
  }
  const budget = new InflateBudget(maxInflatedBytes);
  checkDeclaredSizes(entries, budget);
  return { entries: entries.filter((e) => !e.name.endsWith("/")), budget };
}

/** Whether a ZIP is a publication package rather than a Word file (by its own directory, not its bytes). */
export function isPackageZip(bytes: Uint8Array): boolean {
  try {
    const names = listZip(bytes, "package_invalid").map((e) => e.name);
    return !names.includes("word/document.xml") && names.some((n) => lower(n).endsWith(".xml"));
  } catch {
    return false;
  }
}

type Manifest =
  | { kind: "edoc"; path: string; root: XmlNode }
  | { kind: "sbsys"; path: string; root: XmlNode }
  | { kind: "acadre"; path: string; inner: XmlNode; folder: string; minutes: boolean };

async function findManifest(
  bytes: Uint8Array,
  entries: ZipEntry[],
  budget: InflateBudget,
): Promise<Manifest> {
  const byName = new Map(entries.map((e) => [lower(e.name), e]));
  const xmls = entries
    .filter((e) => lower(e.name).endsWith(".xml"))
    .sort((a, b) => a.name.split("/").length - b.name.split("/").length || (a.name < b.name ? -1 : 1));
  const read = async (e: ZipEntry) => {
    if (e.declaredSize > MAX_MANIFEST_BYTES) {
      throw new ImportError("package_invalid", `XML-filen ${baseOf(e.name)} er for stor til et manifest`);
    }
    return parseXml(await readEntry(bytes, e, budget, "package_invalid"));
  };
  const edoc = xmls.find((e) => lower(baseOf(e.name)) === "edocagendapublishing.xml");
  if (edoc) {
    return { kind: "edoc", path: edoc.name, root: await read(edoc) };
  }
  for (const e of xmls.slice(0, MAX_XML_CANDIDATES)) {
    const name = lower(baseOf(e.name));
    if (!/^(publication\d*|xml_\d+)\.xml$/.test(name)) {
      continue;
    }
    const root = await read(e);
    if (root.name === "Publication") {
      return { kind: "sbsys", path: e.name, root };
    }
    const produced = root.name === "root" ? producedAgendaOf(root) : null;
    if (produced) {
      const innerPath = `${dirOf(e.name)}${produced.xml}`;
      const inner = byName.get(lower(innerPath));
      if (!inner) {
        throw new ImportError(
          "package_invalid",
          `Acadre-manifestet nævner ${produced.xml}, som ikke er i pakken`,
        );
      }
      return {
        kind: "acadre",
        path: inner.name,
        inner: await read(inner),
        folder: `${dirOf(e.name)}${produced.folder}`,
        minutes: produced.minutes,
      };
    }
  }
  throw new ImportError(
    "package_invalid",
    "ingen eDoc- (eDocAgendaPublishing.xml), Acadre- (XML_N.xml) eller SBSYS-manifest (PublicationN.xml) fundet",
  );
}

/** Points each attachment at the entry that holds its file (names compared without case); warns of the missing. */
function resolveFiles(result: ImportResult, entries: ZipEntry[], base: string): ImportResult {
  const byName = new Map(entries.map((e) => [lower(e.name), e.name]));
  const warnings = [...result.warnings];
  const items = result.items.map((item) => ({
    ...item,
    packageAttachments: (item.packageAttachments ?? []).map((a) => {
      if (a.file === null) {
        return a;
      }
      const wanted = `${base}${a.file}`;
      const found = isSafeEntryName(wanted) ? byName.get(lower(wanted)) : undefined;
      if (!found) {
        warnings.push(
          isSafeEntryName(wanted)
            ? `Punkt ${item.number}: bilagsfilen ${baseOf(wanted)} ("${a.title.slice(0, 80)}") er ikke i pakken; bilaget gemmes uden fil.`
            : `Punkt ${item.number}: bilagsfilen "${a.file.slice(0, 80)}" peger uden for pakken og er afvist.`,
        );
      }
      return { ...a, file: found ?? null };
    }),
  }));
  return { ...result, items, warnings };
}

/** Reads a package ZIP's manifest into the dry-run result (in the parsing worker). */
export async function readPackage(
  bytes: Uint8Array,
  source: string,
  maxInflatedBytes: number,
  locate: (text: string) => string | null,
): Promise<ImportResult> {
  const { entries, budget } = packageEntries(bytes, maxInflatedBytes);
  const manifest = await findManifest(bytes, entries, budget);
  if (manifest.kind === "edoc") {
    return resolveFiles(readEdoc(manifest.root, source, locate), entries, dirOf(manifest.path));
  }
  if (manifest.kind === "sbsys") {
    return resolveFiles(
      readSbsys(manifest.root, baseOf(manifest.path), source),
      entries,
      dirOf(manifest.path),
    );
  }
  const result = readAcadre(
    manifest.inner,
    baseOf(manifest.folder.replace(/\/$/, "")),
    manifest.minutes,
    source,
  );
  return resolveFiles(result, entries, dirOf(manifest.folder.replace(/\/$/, "")));
}

const MIME: Record<string, string> = {
  pdf: "application/pdf",
  doc: "application/msword",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xls: "application/vnd.ms-excel",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  html: "text/html",
  htm: "text/html",
  txt: "text/plain",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  png: "image/png",
};

/**
 * The attachment files a package result points at, read from the ZIP under the same inflation budget,
 * by folded title (as the writer looks them up). Only entries the result names are read.
 */
export async function packageFiles(
  bytes: Uint8Array,
  result: ImportResult,
  maxInflatedBytes: number,
): Promise<AttachmentFiles> {
  const files: AttachmentFiles = new Map();
  if (result.format !== "package") {
    return files;
  }
  const { entries, budget } = packageEntries(bytes, maxInflatedBytes);
  const byName = new Map(entries.map((e) => [e.name, e]));
  for (const item of result.items) {
    for (const a of item.packageAttachments ?? []) {
      const entry = a.file ? byName.get(a.file) : undefined;
      if (!entry || files.has(fold(a.title))) {
        continue;
      }
      const data = await readEntry(bytes, entry, budget, "package_invalid");
      const ext = lower(baseOf(entry.name).split(".").pop() ?? "");
      const file: AttachmentFile = {
        bytes: data,
        fileName: baseOf(entry.name),
        mimeType: MIME[ext] ?? "application/octet-stream",
      };
      files.set(fold(a.title), file);
    }
  }
  return files;
}
