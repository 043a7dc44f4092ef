/** `tvaers reference load`: the shipped reference data, or an admin's CSV files, through loadReference. */
import { readFile } from "node:fs/promises";
import { loadConfig } from "../../config.ts";
import { createDatabase } from "../../db/client.ts";
import { AppError } from "../../server/errors.ts";
import { SYSTEM_ACTOR } from "../auth/index.ts";
import { parseAreas, parseMemberships, type ReferenceData, shippedReferenceData } from "./reference.data.ts";
import { loadReference } from "./reference.service.ts";

export async function runReferenceLoad(
  opts: { areas?: string; memberships?: string },
  out = (l: string) => process.stderr.write(`${l}\n`),
) {
  let input: ReferenceData = shippedReferenceData();
  if (opts.areas || opts.memberships) {
    const a = opts.areas
      ? parseAreas(await readFile(opts.areas, "utf8"), opts.areas)
      : { areas: [], problems: [] };
    const m = opts.memberships
      ? parseMemberships(await readFile(opts.memberships, "utf8"), opts.memberships)
      : { memberships: [], problems: [] };
    const problems = [...a.problems, ...m.problems];
    if (problems.length > 0) {
      for (const p of problems) {
        out(`  ${p.file}:${p.line}: ${p.message}`);
      }
      throw new Error(`Intet blev indlæst: ${problems.length} række(r) kunne ikke læses.`);
    }
    input = { areas: a.areas, memberships: m.memberships };
  }
  const database = await createDatabase(loadConfig());
  try {
    await database.migrate();
    const r = await loadReference({ db: database.db, actor: SYSTEM_ACTOR }, input);
    out(
      `Referencedata indlæst: områder ${r.areas.created} nye/${r.areas.updated} rettet, tilhørsforhold ${r.memberships.created} nye/${r.memberships.updated} rettet, parter ${r.parties.created} nye/${r.parties.updated} rettet.`,
    );
    return r;
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
