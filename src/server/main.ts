import type { Config } from "../config.ts";
import { createDatabase } from "../db/client.ts";
import { isDatabaseEmpty } from "../modules/backup/index.ts";

/** Migrates, loads the demo into an empty database, listens, and shuts down cleanly on SIGINT/SIGTERM. */
export async function startServer(
  config: Config,
  out: (line: string) => void = (l) => process.stdout.write(`${l}\n`),
) {
  const started = performance.now();
  // A new data folder is filled from the install's template when one fits (modules/demo/template.ts).
  const seeded =
    config.databaseUrl || config.templateDir === null
      ? null
      : (await import("../modules/demo/template.ts")).seedDataDir(config.dataDir, {
          demo: config.demo,
          root: config.templateDir,
        });
  // Starting the embedded database is the slow part (initdb on a fresh folder): load code meanwhile.
  const [database, { buildApp }, demo] = await Promise.all([
    createDatabase(config).then(async (d) => {
      await d.migrate();
      return d;
    }),
    import("./app.ts"),
    config.demo
      ? Promise.all([import("../modules/demo/demo.service.ts"), import("../modules/demo/demo.data.ts")])
      : null,
  ]);
  // Before any domain act (the demo's publications): the modules' effects, as buildApp installs them.
  (await import("./effects.ts")).installEffects();
  if (demo) {
    const [{ loadDemo }, { demoData }] = demo;
    const loaded =
      seeded?.kind === "demo"
        ? { meetings: seeded.meetings ?? 0, logins: demoData.users }
        : (await isDatabaseEmpty(database.db))
          ? await loadDemo(database.db, demoData)
          : null;
    if (loaded) {
      out(`Demodata indlæst: ${loaded.meetings} møder. Log ind med:`);
      for (const login of loaded.logins) {
        out(`  ${login.email.padEnd(28)} ${login.password.padEnd(24)} (${login.name})`);
      }
    }
  }
  const app = await buildApp({ config, database });
  await app.listen({ port: config.port, host: config.host });
  const where = config.databaseUrl
    ? "PostgreSQL"
    : `PGlite i ${config.dataDir}${seeded ? ", ny database fra installationens skabelon" : ""}`;
  out(
    `Tværs kører på http://localhost:${config.port} (${where}), klar efter ${Math.round(performance.now() - started)} ms`,
  );

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) {
      return;
    }
    stopping = true;
    app.log.info({ signal }, "stopping");
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once("SIGINT", () => void stop("SIGINT"));
  process.once("SIGTERM", () => void stop("SIGTERM"));
  return { app, database };
}
