import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  BILLION_LAUGHS,
  EXTERNAL_ENTITY,
  ownEdocPackage,
  packageBomb,
  zipOf,
} from "../../../test/import/package-fixtures.ts";
import { ImportError } from "./import.errors.ts";
import type { ImportResult } from "./import.schemas.ts";
import { packageFiles } from "./package.ts";
import { packFolder } from "./package-folder.ts";
import { parseXml } from "./package-xml.ts";
import { parseDocument } from "./parse.ts";
import { stopParseWorker } from "./sandbox.ts";

const SHARED = path.resolve(import.meta.dirname, "../../../../shared/import");
const PACKAGES = path.join(SHARED, "corpus/packages");
const MB = 1024 * 1024;

afterAll(() => stopParseWorker());

async function readFolder(name: string): Promise<{ result: ImportResult; bytes: Uint8Array }> {
  const { zip } = await packFolder(path.join(PACKAGES, name), 64 * MB);
  return { result: await parseDocument({ bytes: zip, fileName: name }), bytes: zip };
}

/** The shared scorer's verdict on a result against a PDF twin's golden. */
function score(golden: string, result: ImportResult): string {
  const dir = mkdtempSync(path.join(tmpdir(), "tvaers-pkg-"));
  const actual = path.join(dir, "actual.json");
  writeFileSync(actual, JSON.stringify(result));
  const run = spawnSync("python3", [
    path.join(SHARED, "check-golden.py"),
    path.join(SHARED, "corpus/documents", golden),
    actual,
    "--min",
    "0",
  ]);
  rmSync(dir, { recursive: true, force: true });
  return run.stdout.toString().trim().split("\n").pop() ?? "";
}

const refusal = async (bytes: Uint8Array) => {
  const err = await parseDocument({ bytes, fileName: "pakke.zip" }).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(ImportError);
  return err as ImportError;
};

describe("publication packages (read from ../shared at test time)", () => {
  it("has the corpus", () => {
    expect(existsSync(PACKAGES)).toBe(true);
  });

  it("reads the eDoc package into 8 open items that agree with its PDF twin's golden", async () => {
    const { result, bytes } = await readFolder("edoc-ballerup-sfu-2012-12-04");
    expect(result).toMatchObject({ format: "package", kind: "minutes", start: "2012-12-04T13:00" });
    expect(result.body).toBe("Sundheds- og Forebyggelsesudvalget");
    expect(result.items.map((i) => i.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(result.items.every((i) => i.access === "open")).toBe(true);
    expect(result.items[1]?.caseNumbers).toEqual(["2012-28504"]);
    expect(result.items[1]?.sections.decision).toMatch(/^Indstillingen godkendt/);
    expect(result.items.flatMap((i) => i.packageAttachments ?? [])).toHaveLength(10);
    expect(result.items.flatMap((i) => i.packageAttachments ?? []).every((a) => a.file !== null)).toBe(true);
    expect(score("edoc-pdf-ballerup-sfu-2012-12-04.json", result)).toBe("score: 61/61 = 1.000");
    const files = await packageFiles(bytes, result, 64 * MB);
    expect(files.size).toBe(10);
    expect([...files.values()].every((f) => f.mimeType === "application/pdf")).toBe(true);
  });

  it("reads the Acadre package: item 715, its case number, this meeting's decision and the earlier ones as history", async () => {
    const { result, bytes } = await readFolder("acadre-syddjurs-puk-2013-06-20");
    expect(result).toMatchObject({
      kind: "minutes",
      start: "2013-06-20T10:30",
      location: "Kaløvig Kursuscenter",
    });
    const [item] = result.items;
    expect(result.items).toHaveLength(1);
    expect(item).toMatchObject({ number: 715, access: "open", caseNumbers: ["12/27845"] });
    expect(item?.sections.decision).toMatch(/^Punktet blev drøftet/);
    expect(item?.caseHistory?.map((h) => h.date)).toEqual(["2013-04-10", "2013-04-24"]);
    expect(item?.packageAttachments?.map((a) => [a.access, path.basename(a.file ?? "")])).toEqual([
      ["open", "3525829E1.DOCX"],
      ["open", "2531342E2.DOC"],
      ["open", "3629343E3.DOCX"],
    ]);
    expect(score("acadre-pdf-syddjurs-puk-2013-06-20.json", result)).toBe("score: 11/11 = 1.000");
    expect((await packageFiles(bytes, result, 64 * MB)).size).toBe(3);
  });

  it("reads the SBSYS package: 4 public items, the Indstilling, an earlier decision as history, missing enclosure files named", async () => {
    const { result, bytes } = await readFolder("sbsys-publication553");
    expect(result).toMatchObject({
      kind: "agenda",
      body: "Forretningsudvalget",
      start: "2012-09-25T15:30",
      location: "H2",
    });
    expect(result.items.map((i) => [i.number, i.access])).toEqual([
      [1, "open"],
      [2, "open"],
      [3, "open"],
      [4, "open"],
    ]);
    expect(result.items.every((i) => i.recommendations.length === 1)).toBe(true);
    const first = result.items[0];
    expect(first?.caseHistory).toEqual([
      expect.objectContaining({ body: "Forretningsudvalget", date: "2012-09-18" }),
    ]);
    expect(first?.absent).toEqual([]);
    expect(first?.sections.decision).toBeUndefined();
    const listed = result.items.flatMap((i) => i.packageAttachments ?? []);
    expect(listed).toHaveLength(14);
    expect(listed.filter((a) => a.file !== null).map((a) => path.basename(a.file ?? ""))).toEqual([
      "1.pdf",
      "2.pdf",
      "14.pdf",
    ]);
    expect(result.warnings.filter((w) => /er ikke i pakken/.test(w))).toHaveLength(11);
    expect((await packageFiles(bytes, result, 64 * MB)).size).toBe(3);
  });

  it("keeps each attachment's own access, and a closed agenda's items and attachments closed", async () => {
    const result = await parseDocument({ bytes: ownEdocPackage(), fileName: "egen.zip" });
    expect(result.items.map((i) => [i.number, i.access])).toEqual([
      [1, "open"],
      [2, "closed"],
    ]);
    expect(result.items[0]?.packageAttachments?.map((a) => a.access)).toEqual(["open", "closed"]);
    expect(result.items[1]?.packageAttachments?.map((a) => a.access)).toEqual(["closed"]);
    expect(result.location).toMatch(/Mødelokale 4/);
  });
});

describe("hostile publication packages are refused with a Danish reason", () => {
  it("refuses entity expansion (billion laughs) without expanding", () => {
    const err = (() => {
      try {
        parseXml(BILLION_LAUGHS);
      } catch (e) {
        return e as ImportError;
      }
      return null;
    })();
    expect(err?.code).toBe("package_invalid");
    expect(err?.messageDa).toMatch(/DTD eller entitetserklæringer afvises/);
  });

  it("refuses a billion-laughs manifest and an external entity inside a package", async () => {
    for (const manifest of [BILLION_LAUGHS, EXTERNAL_ENTITY]) {
      const err = await refusal(zipOf([["eDocAgendaPublishing.xml", manifest]]));
      expect(err.code).toBe("package_invalid");
      expect(err.messageDa).toMatch(/^Publiceringspakken kan ikke læses .*ingen eksterne entiteter/);
      expect(err.messageDa).not.toMatch(/root:/);
    }
  });

  it("refuses an entity that no DTD could define and an undeclared entity", () => {
    expect(() => parseXml("<a>&xxe;</a>")).toThrow(/ukendt entitet/);
  });

  it("refuses a package with an entry name leaving the package", async () => {
    for (const name of ["../udenfor.pdf", "/etc/passwd", "bilag\\..\\..\\x.pdf", "C:/x.pdf"]) {
      const err = await refusal(
        zipOf([
          ["eDocAgendaPublishing.xml", "<Meeting><Committee>Testudvalget</Committee></Meeting>"],
          [name, "x"],
        ]),
      );
      expect(err.code).toBe("package_invalid");
      expect(err.messageDa).toMatch(/peger uden for pakken/);
    }
  });

  it("never reads a manifest's file path leaving the package: the attachment keeps its title, without a file", async () => {
    const manifest = (await import("../../../test/import/package-fixtures.ts"))
      .ownEdocManifest()
      .replace("bilag-aabent.txt", "../../../etc/passwd");
    const bytes = ownEdocPackage(manifest);
    const result = await parseDocument({ bytes, fileName: "egen.zip" });
    const first = result.items[0]?.packageAttachments?.[0];
    expect(first).toMatchObject({ title: "Oversigt over indsatsen", file: null });
    expect(result.warnings.join("\n")).toMatch(/peger uden for pakken og er afvist/);
    const files = await packageFiles(bytes, result, 64 * MB);
    expect(files.size).toBe(2);
  });

  it("refuses a package bomb whose manifest declares 1 kB and inflates to 200 MB", async () => {
    const bomb = packageBomb(200);
    expect(bomb.byteLength).toBeLessThan(1 * MB);
    const err = await refusal(bomb);
    expect(err.code).toBe("limit_inflated_size");
    expect(err.messageDa).toMatch(/fylder for meget, når det pakkes ud/);
  });

  it("refuses a package whose declared sizes alone pass the cap, before inflating", async () => {
    const err = await refusal(packageBomb(2, 100 * MB));
    expect(err.code).toBe("limit_inflated_size");
  });

  it("refuses a ZIP with no manifest, naming the three formats", async () => {
    const err = await refusal(zipOf([["noget.xml", "<a/>"]]));
    expect(err.code).toBe("package_invalid");
    expect(err.messageDa).toMatch(/eDoc.*Acadre.*SBSYS/);
  });
});
