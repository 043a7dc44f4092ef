import { Command, Option } from "commander";
import { loadConfig } from "../config.ts";
import { enterAs } from "../db/actor-context.ts";

/**
 * `tvaers`: declared commands with described options; each handler loads its implementation lazily
 * so that `tvaers --help` stays fast.
 */
const program = new Command()
  .name("tvaers")
  .description("Tværs – arbejdsrummet for det tværsektorielle sundhedssamarbejde")
  .showHelpAfterError();

program
  .command("serve")
  .description("migrér databasen, indlæs demodata i en tom database og start webserveren")
  .action(async () => {
    const { startServer } = await import("../server/main.ts");
    await startServer(loadConfig());
  });

program
  .command("migrate")
  .description("kør databasemigreringerne")
  .action(async () => {
    const { runMigrate } = await import("./commands.ts");
    await runMigrate();
  });

program
  .command("prepare")
  .description(
    "lav sidernes scripts og databaseskabelonerne (tom og med demodata), som første start bruger; køres af npm ci (postinstall)",
  )
  .option("--if-possible", "en fejl giver kun en advarsel (installationen må ikke fejle)", false)
  .action(async (opts: { ifPossible: boolean }) => {
    const { runPrepare } = await import("./commands.ts");
    await runPrepare(opts);
  });

program
  .command("demo")
  .description("indlæs demodata (kun i en tom database)")
  .action(async () => {
    const { runDemo } = await import("./commands.ts");
    await runDemo();
  });

program
  .command("user")
  .description("brugere")
  .command("create")
  .description("opret en bruger; adgangskoden læses fra --password, TVAERS_PASSWORD eller standard input")
  .requiredOption("--email <email>", "e-mailadresse (login)")
  .option("--name <name>", "navn", "Administrator")
  .option("--password <password>", "adgangskode (mindst 10 tegn)")
  .option("--admin", "giv brugeren administratorrettigheder", false)
  .option("--person <id>", "personen hvis medlemskaber giver brugerens roller")
  .action(async (opts) => {
    const { runUserCreate } = await import("./commands.ts");
    await runUserCreate(opts);
  });

program
  .command("export")
  .description("eksportér alle data som JSON, bilag inkluderet")
  .option("--out <file>", "skriv til filen i stedet for standard output")
  .action(async (opts) => {
    const { runExport } = await import("./commands.ts");
    await runExport(opts);
  });

program
  .command("restore")
  .description("genskab alle data fra en eksport")
  .argument("<file>", "eksportfilen")
  .addOption(new Option("--replace", "erstat indholdet i en database, der ikke er tom").default(false))
  .action(async (file, opts) => {
    const { runRestore } = await import("./commands.ts");
    await runRestore(file, opts);
  });

program
  .command("import")
  .description("importér dagsordener og referater (PDF, DOCX, HTML, Markdown, tekst) – filer eller mapper")
  .argument("<paths...>", "dokumenter eller mapper (mapper gennemgås rekursivt)")
  .option("--dry-run", "læs kun dokumenterne; skriv intet i databasen", false)
  .option("--json", "med --dry-run: skriv resultatet som JSON på standard output", false)
  .option("--body <id|navn>", "forummet møderne hører til (ellers det, dokumentet nævner)")
  .option("--report <file>", "rapportens JSON-fil (standard import-report.json ved mapper og flere filer)")
  .addOption(new Option("--lang <lang>", "sprog for meddelelser").choices(["da", "en"]).default("da"))
  .action(async (paths: string[], opts) => {
    const { runImport } = await import("./import.command.ts");
    await runImport(paths, opts);
  });

program
  .command("actions")
  .description("opfølgninger")
  .command("remind")
  .description(
    "læg påmindelser i udbakken (opfølgninger, der snart forfalder eller er overskredet; referater, der venter på godkendelse) og send dem",
  )
  .option("--days <n>", "dage før forfaldsdatoen", "3")
  .action(async (opts: { days: string }) => {
    const days = Number(opts.days);
    if (!Number.isInteger(days) || days < 0 || days > 60) {
      throw new Error("--days skal være et helt tal mellem 0 og 60.");
    }
    const { runNotificationsSend } = await import("../modules/notifications/notifications.command.ts");
    await runNotificationsSend(undefined, { remindDays: days });
  });

program
  .command("alerts")
  .description("søgeagenter")
  .command("send")
  .description(
    "send e-mail om nyt offentligt materiale til gemte søgninger med agent (kræver TVAERS_SMTP_URL)",
  )
  .action(async () => {
    const { runAlertsSend } = await import("./alerts.command.ts");
    await runAlertsSend();
  });

program
  .command("notifications")
  .description("e-mailnotifikationer")
  .command("send")
  .description(
    "send de ventende notifikationer fra udbakken nu (det gør serveren også selv); uden TVAERS_SMTP_URL bliver de i udbakken",
  )
  .action(async () => {
    const { runNotificationsSend } = await import("../modules/notifications/notifications.command.ts");
    await runNotificationsSend();
  });

program
  .command("reference")
  .description("referencedata: regioner, kommuner, sundhedsklynger og sundhedsråd")
  .command("load")
  .description("indlæs de medfølgende referencedata og gør regioner og kommuner til parter (kan køres igen)")
  .option(
    "--areas <file>",
    "en CSV med områder i stedet for de medfølgende (kind,code,name,valid_from,valid_to,source)",
  )
  .option(
    "--memberships <file>",
    "en CSV med tilhørsforhold (kind,code,parent_kind,parent_code,valid_from,valid_to,source)",
  )
  .action(async (opts: { areas?: string; memberships?: string }) => {
    const { runReferenceLoad } = await import("../modules/reference/reference.command.ts");
    await runReferenceLoad(opts);
  });

program
  .command("indicators")
  .description("indikatorer")
  .command("load")
  .description(
    "indlæs en CSV- eller XLSX-fil med indikatorværdier (langt format) eller -definitioner; alt eller intet",
  )
  .argument("<file>", "filen (.csv eller .xlsx)")
  .action(async (file: string) => {
    const { runIndicatorsLoad } = await import("../modules/indicators/indicators.command.ts");
    await runIndicatorsLoad(file);
  });

program
  .command("audit")
  .description("revisionsloggen")
  .command("verify")
  .description("gennemregn revisionsloggens hashkæde og find ændrede, fjernede eller indskudte poster")
  .action(async () => {
    const { runAuditVerify } = await import("./commands.ts");
    await runAuditVerify();
  });

// Every change a command makes is recorded in the audit log under the command's name.
program.hook("preAction", (_program, command) => {
  enterAs(
    `cli:${command.parent && command.parent !== program ? `${command.parent.name()} ` : ""}${command.name()}`,
  );
});

program.parseAsync(process.argv).catch((err: unknown) => {
  const message = err instanceof Error ? err.message : String(err);
  process.stderr.write(`Fejl: ${message}\n`);
  process.exit(1);
});
