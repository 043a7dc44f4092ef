/** `tvaers indicators load FILE`: the same services as the upload page, as the system. */
import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import { loadConfig } from "../../config.ts";
import { createDatabase } from "../../db/client.ts";
import { AppError } from "../../server/errors.ts";
import { SYSTEM_ACTOR } from "../auth/index.ts";
import { isDefinitions, readSheet } from "./indicators.file.ts";
import { defineIndicators, loadIndicatorValues } from "./indicators.load.ts";

export async function runIndicatorsLoad(file: string, out = (l: string) => process.stderr.write(`${l}\n`)) {
  const bytes = new Uint8Array(await readFile(file));
  const database = await createDatabase(loadConfig());
  try {
    await database.migrate();
    const ctx = { db: database.db, actor: SYSTEM_ACTOR };
    const sheet = readSheet(file, bytes);
    if (isDefinitions(sheet)) {
      const r = await database.db.transaction((tx) =>
        defineIndicators({ db: tx, actor: SYSTEM_ACTOR }, sheet),
      );
      out(`Definitioner indlæst: ${r.created} nye, ${r.updated} rettede.`);
      return;
    }
    const started = performance.now();
    const r = await loadIndicatorValues(ctx, {
      fileName: basename(file),
      format: /\.xlsx$/i.test(file) ? "xlsx" : "csv",
      sheet,
    });
    const s = (performance.now() - started) / 1000;
    out(
      `Indlæst: ${r.rows} værdier på ${s.toFixed(1)} s (${Math.round(r.rows / s)} rækker/s); ${r.superseded} tidligere værdier gemt som historik.`,
    );
  } catch (err) {
    if (err instanceof AppError && err.fields) {
      for (const f of err.fields) {
        out(`  ${f.path}: ${f.message}`);
      }
    }
    throw err;
  } finally {
    await database.close();
  }
}
