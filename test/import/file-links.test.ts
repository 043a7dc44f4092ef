import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findAttachmentFiles, parseDocument, type RefusedLink } from "../../src/modules/import/index.ts";
import { repoRoot } from "./helpers.ts";

const run = promisify(execFile);

/** An HTML minutes document whose "Bilag" links try to leave its folder. */
const html = (links: Array<[string, string]>) =>
  `<html><body><h1>Referat</h1><p>Økonomiudvalget</p><p>Mødedato: 3. maj 2024 kl. 16.00</p>
<h2>Punkt 1: Budget for året</h2><p>Sagen handler om budgettet.</p><h3>Beslutning</h3><p>Godkendt.</p>
<h3>Bilag</h3><ul>${links.map(([href, text]) => `<li><a href="${href}">${text}</a></li>`).join("")}</ul>
</body></html>`;

const HOSTILE: Array<[string, string]> = [
  ["../../../../../../../../etc/passwd", "Oversigt over brugere"],
  ["/etc/passwd", "Adgangsliste"],
  ["/proc/self/environ", "Miljøoplysninger"],
  ["ud.txt", "Symbolsk henvisning"],
  ["kanal", "Navngivet kanal"],
  ["bilag%20ok.txt", "Bilag ok"],
];

describe("importer file links stay inside the document's folder", { timeout: 120_000 }, () => {
  let dir: string;
  let docDir: string;
  let socket: Server;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "tvaers-links-"));
    docDir = path.join(dir, "dokumenter", "2024");
    await mkdir(docDir, { recursive: true });
    await writeFile(path.join(docDir, "bilag ok.txt"), "Et rigtigt bilag\n");
    await writeFile(path.join(dir, "hemmelig.txt"), "HEMMELIGT-INDHOLD\n");
    await symlink(path.join(dir, "hemmelig.txt"), path.join(docDir, "ud.txt"));
    await run("mkfifo", [path.join(docDir, "kanal")]);
    socket = createServer();
    await new Promise<void>((resolve) => socket.listen(path.join(docDir, "sokkel"), resolve));
    await writeFile(
      path.join(docDir, "referat.html"),
      html([...HOSTILE, ["sokkel", "Sokkelfil"], ["../../hemmelig.txt", "Hemmelig note"]]),
    );
  });
  afterAll(async () => {
    await new Promise((resolve) => socket.close(resolve));
    await rm(dir, { recursive: true, force: true });
  });

  it("reads only the regular file inside the folder and says why each other link was refused", async () => {
    const file = path.join(docDir, "referat.html");
    const bytes = new Uint8Array(await readFile(file));
    const result = await parseDocument({ bytes, fileName: "referat.html" });
    expect(result.items[0]?.attachments).toContain("Oversigt over brugere");
    const refused: RefusedLink[] = [];
    const files = await findAttachmentFiles(file, result, bytes, { refused });
    expect([...files.values()].map((f) => f.fileName)).toEqual(["bilag ok.txt"]);
    const reasons = Object.fromEntries(refused.map((r) => [r.href, r.reason]));
    expect(reasons).toEqual({
      "../../../../../../../../etc/passwd": "outside",
      "/etc/passwd": "absolute",
      "/proc/self/environ": "absolute",
      "ud.txt": "symlink_outside",
      kanal: "special_file",
      sokkel: "special_file",
      "../../hemmelig.txt": "outside",
    });
    expect(refused.every((r) => /[a-zæøå]/.test(r.message))).toBe(true);
  });

  it("lets links reach the folder named on the command line, and no further", async () => {
    const file = path.join(docDir, "referat.html");
    const bytes = new Uint8Array(await readFile(file));
    const result = await parseDocument({ bytes, fileName: "referat.html" });
    const refused: RefusedLink[] = [];
    const files = await findAttachmentFiles(file, result, bytes, { root: dir, refused });
    const names = [...files.values()].map((f) => f.fileName).sort();
    expect(names).toEqual(["bilag ok.txt", "hemmelig.txt"]);
    expect(refused.map((r) => r.href)).toContain("../../../../../../../../etc/passwd");
    expect(refused.map((r) => r.href)).toContain("/etc/passwd");
  });

  it("tvaers import stores no outside file and the report names the refused links in Danish", async () => {
    const env = { ...process.env, TVAERS_DATA_DIR: path.join(dir, "db"), DATABASE_URL: "", TVAERS_DEMO: "0" };
    const bin = path.join(repoRoot, "bin/tvaers.js");
    const report = path.join(dir, "rapport.json");
    const res = await run(
      process.execPath,
      [bin, "import", "--body", "Økonomiudvalget", "--report", report, path.join(docDir, "referat.html")],
      { cwd: dir, env },
    );
    expect(res.stdout).toContain("link afvist /etc/passwd – absolut sti");
    expect(res.stdout).toContain("stien fører ud af dokumentets mappe");
    const entry = JSON.parse(await readFile(report, "utf8")).documents[0];
    expect(entry.attachmentFiles).toBe(1);
    expect(entry.refusedLinks.map((r: RefusedLink) => r.href)).toContain(
      "../../../../../../../../etc/passwd",
    );
    const dump = (await run(process.execPath, [bin, "export"], { cwd: dir, env, maxBuffer: 1 << 26 })).stdout;
    expect(dump).not.toContain("root:x:0");
    expect(dump).not.toContain("HEMMELIGT-INDHOLD");
    expect(dump).not.toContain(Buffer.from("HEMMELIGT-INDHOLD").toString("base64").slice(0, 16));
  });
});
