import { readFile, writeFile } from "node:fs/promises";
import { loadConfig } from "../config.ts";
import type { Database } from "../db/client.ts";
import { createUser } from "../modules/auth/auth.service.ts";
import { SYSTEM_ACTOR } from "../modules/auth/index.ts";
import { exportAll, isDatabaseEmpty, restoreAll } from "../modules/backup/index.ts";
import { AppError } from "../server/errors.ts";
import { openCommandDatabase } from "./database.ts";

const say = (line: string) => process.stderr.write(`${line}\n`);

async function withDatabase<T>(fn: (database: Database) => Promise<T>): Promise<T> {
  const database = await openCommandDatabase(loadConfig());
  try {
    return await fn(database);
  } finally {
    await database.close();
  }
}

export async function runMigrate() {
  await withDatabase(async (database) => say(`Databasen (${database.kind}) er migreret.`));
}

export async function runDemo() {
  await withDatabase(async (database) => {
    if (!(await isDatabaseEmpty(database.db))) {
      throw new AppError("conflict", "Databasen er ikke tom; demodata indlæses kun i en tom database.");
    }
    const { loadDemo } = await import("../modules/demo/demo.service.ts");
    const { demoData } = await import("../modules/demo/demo.data.ts");
    const result = await loadDemo(database.db, demoData);
    say(`Demodata indlæst: ${result.meetings} møder.`);
    for (const login of result.logins) {
      say(`  ${login.email}  ${login.password}`);
    }
  });
}

export async function runPrepare(opts: { ifPossible: boolean }) {
  const started = performance.now();
  try {
    const { buildTemplates, templatesCurrent } = await import("../modules/demo/template.ts");
    // npm runs this again whenever it "installs" the project (e.g. `npx tvaers` in its own folder):
    // templates that still fit are kept, so that costs a key check, not a demo load.
    if (opts.ifPossible && templatesCurrent()) {
      say("Databaseskabelonerne passer stadig; intet at lave.");
      return;
    }
    const { ensureClientBundle } = await import("../server/client-bundle.ts");
    // The pages' scripts too, which the first start would otherwise bundle (Vite) before it listens; and
    // loading the server's modules once leaves them in tsx's cache of compiled TypeScript (2.4 s of a
    // first start on a new machine).
    await ensureClientBundle();
    await import("../server/app.ts");
    const made = await buildTemplates();
    const meetings = made.find((m) => m.kind === "demo")?.meetings ?? 0;
    say(
      `Sidernes scripts og databaseskabeloner (tom og demodata med ${meetings} møder) lavet på ${Math.round(performance.now() - started)} ms.`,
    );
  } catch (err) {
    if (!opts.ifPossible) {
      throw err;
    }
    const message = err instanceof Error ? err.message : String(err);
    say(`Advarsel: databaseskabelonerne kunne ikke laves (${message}); første start bliver langsommere.`);
  }
}

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) {
    return "";
  }
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) {
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8").trim();
}

export async function runUserCreate(opts: {
  email: string;
  name: string;
  password?: string;
  admin: boolean;
  person?: string;
}) {
  const password = opts.password ?? process.env.TVAERS_PASSWORD ?? (await readStdin());
  if (!password) {
    throw new Error("Angiv en adgangskode med --password, TVAERS_PASSWORD eller på standard input.");
  }
  await withDatabase(async (database) => {
    const user = await createUser(
      { db: database.db, actor: SYSTEM_ACTOR },
      {
        email: opts.email,
        name: opts.name,
        password,
        isAdmin: opts.admin,
        personId: opts.person ? Number(opts.person) : null,
      },
    );
    say(`Bruger oprettet: ${user.email} (id ${user.id}${user.isAdmin ? ", administrator" : ""}).`);
  });
}

export async function runExport(opts: { out?: string }) {
  await withDatabase(async (database) => {
    const data = await exportAll(database.db);
    const json = JSON.stringify(data);
    if (opts.out) {
      await writeFile(opts.out, json);
      const rows = Object.values(data.tables).reduce((n, t) => n + t.length, 0);
      say(`Eksporteret ${rows} rækker til ${opts.out}.`);
    } else {
      process.stdout.write(`${json}\n`);
    }
  });
}

export async function runRestore(file: string, opts: { replace: boolean }) {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(file, "utf8"));
  } catch {
    throw new Error(`Kan ikke læse ${file} som JSON.`);
  }
  await withDatabase(async (database) => {
    const counts = await restoreAll(database.db, parsed, { replace: opts.replace });
    const rows = Object.values(counts).reduce((n, c) => n + c, 0);
    say(`Genskabt ${rows} rækker fra ${file}.`);
  });
}

export async function runAuditVerify() {
  await withDatabase(async (database) => {
    const { verifyAuditChain } = await import("../modules/audit/index.ts");
    const result = await verifyAuditChain(database.db);
    if (result.broken.length > 0) {
      const first = result.broken.slice(0, 10).join(", ");
      throw new Error(
        `Revisionsloggen er brudt: ${result.broken.length} af ${result.entries} poster passer ikke (id ${first}).`,
      );
    }
    say(
      `Revisionsloggen er hel: ${result.entries} poster, hver hash genberegnet og kædet` +
        (result.scrubbed > 0
          ? ` (${result.scrubbed} renset for personoplysninger, hver nævnt af en senere note).`
          : "."),
    );
  });
}
