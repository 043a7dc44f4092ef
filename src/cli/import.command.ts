import { readFile, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { loadConfig } from "../config.ts";
import { SYSTEM_ACTOR } from "../modules/auth/index.ts";
import {
  buildReport,
  configureParseLimits,
  DEFAULT_MAX_BYTES,
  findAttachmentFiles,
  ImportError,
  type ImportResult,
  ImportWriteError,
  importDocument,
  importErrorMessage,
  isPackageFolder,
  Progress,
  packFolder,
  parseLimits,
  type RefusedLink,
  type ReportEntry,
  statusWord,
  summaryText,
  walkDocuments,
} from "../modules/import/index.ts";
import { parseDocument, parseFile } from "../modules/import/parse.ts";
import { AppError } from "../server/errors.ts";
import { openCommandDatabase } from "./database.ts";

export interface ImportOptions {
  dryRun: boolean;
  json: boolean;
  body?: string;
  report?: string;
  lang: string;
}

type Lang = "da" | "en";

/** A failure in the run's language, with a stable code. */
function describe(err: unknown, lang: Lang): { reason: string; code: string } {
  if (err instanceof ImportError) {
    return { reason: importErrorMessage(err, lang), code: err.code };
  }
  if (err instanceof ImportWriteError) {
    return { reason: lang === "da" ? err.message : err.messageEn, code: err.importCode };
  }
  if (err instanceof AppError) {
    const prefix = lang === "da" ? "" : "Could not be written: ";
    return { reason: `${prefix}${err.message}`, code: err.code };
  }
  const text = err instanceof Error ? err.message : String(err);
  return { reason: lang === "da" ? `Uventet fejl: ${text}` : `Unexpected error: ${text}`, code: "internal" };
}

/** The documents the arguments name: files as given, folders walked. */
async function expand(
  args: string[],
): Promise<{ files: string[]; walked: boolean; missing: string[]; roots: Map<string, string> }> {
  const files: string[] = [];
  // the folder a document's file links may not leave: the folder named here, else its own
  const roots = new Map<string, string>();
  const missing: string[] = [];
  let walked = false;
  for (const arg of args) {
    const info = await stat(arg).catch(() => null);
    if (info?.isDirectory() && (await isPackageFolder(arg))) {
      // a publication package: the folder is one document
      files.push(arg);
      roots.set(arg, arg);
    } else if (info?.isDirectory()) {
      walked = true;
      for (const file of await walkDocuments(arg)) {
        files.push(file);
        roots.set(file, arg);
      }
    } else if (info) {
      files.push(arg);
      roots.set(arg, path.dirname(arg));
    } else {
      missing.push(arg);
    }
  }
  return { files, walked, missing, roots };
}

async function readDocument(file: string): Promise<Uint8Array> {
  const info = await stat(file);
  if (info.isDirectory()) {
    return (await packFolder(file, parseLimits().maxInflatedBytes)).zip;
  }
  if (info.size > DEFAULT_MAX_BYTES) {
    throw new ImportError("file_too_large", `${info.size} > ${DEFAULT_MAX_BYTES} bytes`);
  }
  return new Uint8Array(await readFile(file)).slice();
}

async function dryRun(files: string[], failures: ReportEntry[], opts: ImportOptions, lang: Lang) {
  const results: ImportResult[] = [];
  for (const file of files) {
    try {
      const info = await stat(file);
      results.push(
        info.isDirectory()
          ? await parseDocument({ bytes: await readDocument(file), fileName: file })
          : await parseFile(file, { fileName: file }),
      );
    } catch (err) {
      failures.push({ file, status: "failed", ...describe(err, lang) });
    }
  }
  for (const failure of failures) {
    process.stderr.write(`${failure.file}: ${failure.reason}\n`);
  }
  if (opts.json) {
    if (results.length === 0) {
      return;
    }
    const single = files.length === 1 && failures.length === 0 && results.length === 1;
    process.stdout.write(`${JSON.stringify(single ? results[0] : { documents: results }, null, 2)}\n`);
    return;
  }
  for (const r of results) {
    const items = lang === "da" ? "punkter" : "items";
    process.stdout.write(
      `${r.source}: ${r.kind}, ${r.body ?? "?"}, ${r.start ?? "?"}, ${r.items.length} ${items}\n`,
    );
    for (const warning of r.warnings) {
      process.stdout.write(`  ! ${warning}\n`);
    }
  }
}

/**
 * `tvaers import FILE|DIR...`: writes each document in its own transaction (or, with --dry-run,
 * only parses); a report for folders and several files; exit code 1 when any document failed.
 */
export async function runImport(args: string[], opts: ImportOptions): Promise<void> {
  const lang: Lang = opts.lang === "en" ? "en" : "da";
  configureParseLimits({ maxPdfPages: loadConfig().importMaxPdfPages });
  const { files, walked, missing, roots } = await expand(args);
  const failures: ReportEntry[] = missing.map((file) => ({
    file,
    status: "failed",
    ...describe(new ImportError("file_not_found", file), lang),
  }));
  if (opts.dryRun) {
    await dryRun(files, failures, opts, lang);
    process.exitCode = failures.length > 0 ? 1 : 0;
    return;
  }
  const started = new Date();
  const entries: ReportEntry[] = [...failures];
  const many = walked || files.length > 1;
  const progress = many ? new Progress(files.length) : null;
  const database = await openCommandDatabase(loadConfig());
  try {
    for (const file of files) {
      let entry: ReportEntry;
      const refused: RefusedLink[] = [];
      try {
        const bytes = await readDocument(file);
        const outcome = await importDocument(database.db, SYSTEM_ACTOR, {
          bytes,
          fileName: path.basename(file),
          body: opts.body,
          findFiles: (result) => findAttachmentFiles(file, result, bytes, { root: roots.get(file), refused }),
        });
        const c = outcome.counts;
        entry = {
          file,
          status: outcome.status,
          meetingId: outcome.meetingId,
          bodyId: outcome.bodyId,
          items: c.created + c.updated + c.unchanged,
          attachmentFiles: c.files,
          ...(outcome.kept.length > 0 ? { kept: outcome.kept } : {}),
          ...(refused.length > 0 ? { refusedLinks: refused } : {}),
        };
      } catch (err) {
        entry = { file, status: "failed", ...describe(err, lang) };
      }
      entries.push(entry);
      progress?.tick(file, statusWord(entry.status, lang));
      if (!many && entry.status === "failed") {
        process.stderr.write(`${file}: ${entry.reason}\n`);
      }
    }
  } finally {
    progress?.finish();
    await database.close();
  }
  const report = buildReport(entries, started, new Date());
  if (many || opts.report) {
    const target = path.resolve(opts.report ?? "import-report.json");
    await writeFile(target, `${JSON.stringify(report, null, 2)}\n`);
    process.stderr.write(`${lang === "da" ? "Rapport" : "Report"}: ${target}\n`);
  }
  process.stdout.write(summaryText(report, lang));
  process.exitCode = report.totals.failed > 0 ? 1 : 0;
}
