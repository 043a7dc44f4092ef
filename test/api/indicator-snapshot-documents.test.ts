/**
 * Issue 23 item 4: an indicator snapshot on an agenda item is frozen when the minutes are published and
 * the published PDF (tagged, the chart a Figure with its alternative text, the table beside it) and Word
 * editions print the frozen figures, also after new values are loaded. A snapshot on a closed item is
 * closed like the item: the public editions leave it out. Both databases.
 */
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { beforeAll, expect, it } from "vitest";
import { inspectDocx, inspectPdf } from "../../src/modules/documents/index.ts";
import { createItem, createMeeting } from "../../src/modules/meetings/index.ts";
import { loadReference, shippedReferenceData } from "../../src/modules/reference/index.ts";
import { useTestApp } from "../helpers/app.ts";
import { describeEachDatabase } from "../helpers/databases.ts";
import { seedWorld, type World } from "../helpers/factories.ts";

const run = promisify(execFile);
const csv = (rows: string[][]) => rows.map((r) => r.join(";")).join("\n");

/** The text of a PDF as poppler's pdftotext reads it (what a reader copies out of the file). */
async function pdfText(bytes: Uint8Array): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "tvaers-snap-"));
  try {
    const file = join(dir, "d.pdf");
    await writeFile(file, bytes);
    const { stdout } = await run("pdftotext", ["-layout", file, "-"]);
    return stdout;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describeEachDatabase("Indicator snapshots in the published minutes (PDF and Word)", (kind) => {
  const t = useTestApp(kind);
  let w: World;
  let meetingId: number;
  let openItemId: number;
  const load = async (body: string, fileName: string) => {
    const res = await t().request({
      method: "POST",
      url: `/api/v1/indicators/load?fileName=${fileName}`,
      headers: { "content-type": "application/octet-stream" },
      payload: Buffer.from(body),
      token: w.users.secretary.token,
    });
    expect(res.statusCode, res.body).toBe(200);
  };
  const download = async (name: string, token?: string) => {
    const res = await t().request({
      method: "GET",
      url: `/api/v1/meetings/${meetingId}/${name}`,
      ...(token ? { token } : {}),
    });
    expect(res.statusCode, `${name}: ${res.body.slice(0, 200)}`).toBe(200);
    return new Uint8Array(res.rawPayload);
  };

  beforeAll(async () => {
    const sys = t().system;
    w = await seedWorld(sys);
    await loadReference(sys, shippedReferenceData());
    await load(
      csv([
        ["code", "name", "definition", "unit", "direction", "source", "rhythm", "aggregation", "internal"],
        [
          "faerdig",
          "Færdigbehandlingsdage",
          "Dage efter endt behandling",
          "dage",
          "lower_is_better",
          "eSundhed",
          "year",
          "sum",
          "nej",
        ],
      ]),
      "defs.csv",
    );
    await load(
      csv([
        ["indicator", "area_code", "period", "value"],
        ["faerdig", "101", "2024", "120"],
        ["faerdig", "101", "2025", "99"],
        ["faerdig", "147", "2025", "4242"],
      ]),
      "first.csv",
    );
    const meeting = await createMeeting(sys, {
      bodyId: w.ssu.id,
      start: new Date("2026-11-05T09:00:00Z"),
      end: new Date("2026-11-05T11:00:00Z"),
      location: "Regionshuset",
    });
    meetingId = meeting.id;
    const open = await createItem(sys, { meetingId, title: "Status på færdigbehandlingsdage" });
    openItemId = open.id;
    const closed = await createItem(sys, { meetingId, title: "Lukket forhandling", access: "closed" });
    for (const [itemId, area, from] of [
      [open.id, "101", "2024"],
      [closed.id, "147", "2025"],
    ] as const) {
      const res = await t().request({
        method: "POST",
        url: `/api/v1/items/${itemId}/indicator-snapshots`,
        token: w.users.secretary.token,
        payload: {
          indicatorCodes: ["faerdig"],
          areas: [{ kind: "municipality", code: area }],
          fromPeriod: from,
          toPeriod: "2025",
        },
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    let version = meeting.version;
    for (const [to, token] of [
      ["agenda_published", w.users.secretary.token],
      ["held", w.users.secretary.token],
      ["minutes_draft", w.users.secretary.token],
      ["minutes_approved", w.users.chair.token],
      ["minutes_published", w.users.secretary.token],
    ] as const) {
      const res = await t().request({
        method: "POST",
        url: `/api/v1/meetings/${meetingId}/transition`,
        token,
        payload: { to, version },
      });
      expect(res.statusCode, `${to}: ${res.body}`).toBe(200);
      version = res.json().version;
    }
    // New figures arrive after the publication: the minutes must keep the ones the body saw.
    await load(
      csv([
        ["indicator", "area_code", "period", "value"],
        ["faerdig", "101", "2025", "7777"],
      ]),
      "later.csv",
    );
  });

  it("the public minutes.pdf prints the frozen chart (a Figure with Alt) and table, not the later value, and no closed item's snapshot", async () => {
    const bytes = await download("minutes.pdf");
    const text = (await pdfText(bytes)).replace(/[ \t]+/g, " ");
    expect(text).toContain("Nøgletal: Færdigbehandlingsdage");
    expect(text).toMatch(/Tallene er frosset ved referatets offentliggørelse \d{1,2}\.\d{1,2}\.\d{4}/);
    expect(text).toMatch(/Københavns? Kommune 2024 120 \d/);
    expect(text).toMatch(/Københavns? Kommune 2025 99 \d/);
    expect(text).not.toContain("7777");
    expect(text).not.toContain("4242");
    const raw = Buffer.from(bytes).toString("latin1");
    expect(raw).toMatch(/\/S \/Figure/);
    expect(raw).toMatch(/\/Alt /);
    const report = await inspectPdf(bytes);
    expect(report.untaggedText).toBe("");
    expect(report.pagesWithoutStructure).toEqual([]);
    expect(report.headings.map((h) => h.text)).toContain("Nøgletal: Færdigbehandlingsdage");
    expect(report.scopedHeaderCells).toBe(report.headerCells);
  });

  it("the full edition (members) also prints the closed item's snapshot; the public Word edition the open one only", async () => {
    const full = await pdfText(await download("minutes.pdf?edition=full", w.users.secretary.token));
    expect(full.replace(/[ \t]+/g, " ")).toMatch(/Frederiksberg Kommune 2025 4\.242 \d/);
    expect(full).not.toContain("7777");
    const docx = inspectDocx(await download("minutes.docx"));
    expect(docx.headings.map((h) => h.text)).toContain("Nøgletal: Færdigbehandlingsdage");
    expect(docx.text).toMatch(/Kurve over Færdigbehandlingsdage \(dage\) for Københavns? Kommune, 2024–2025/);
    expect(docx.text).toMatch(/Københavns? Kommune: 2024 120, 2025 99\./);
    expect(docx.text).toMatch(/Tallene er frosset/);
    expect(docx.text).not.toContain("7777");
    expect(docx.text).not.toContain("4.242");
    expect(docx.text).not.toContain("4242");
    const fullDocx = inspectDocx(await download("minutes.docx?edition=full", w.users.secretary.token));
    expect(fullDocx.text).toContain("4.242");
  });

  it("the public meeting page shows the frozen figures under the open item as chart and table, not the later value nor the closed item's", async () => {
    const page = await t().request({
      method: "GET",
      url: `/moeder/${meetingId}`,
      headers: { accept: "text/html" },
    });
    const html = (
      page.statusCode === 301
        ? await t().request({
            method: "GET",
            url: page.headers.location as string,
            headers: { accept: "text/html" },
          })
        : page
    ).body;
    expect(html).toContain("Nøgletal på punktet");
    expect(html).toMatch(/<svg[^>]*role="img"/);
    expect(html).toMatch(
      /<th scope="row">Københavns? Kommune<\/th><td>2024<\/td><td class="text-align-right">120<\/td>/,
    );
    expect(html).not.toContain("7777");
    expect(html).not.toContain("7.777");
    expect(html).not.toContain("4.242");
    expect(html).not.toContain("Frederiksberg Kommune");
    // a member of the body sees the closed item's figures on the same page
    const member = await t().request({
      method: "GET",
      url: (page.headers.location as string | undefined) ?? `/moeder/${meetingId}`,
      headers: { accept: "text/html" },
      token: w.users.secretary.token,
    });
    expect(member.body).toContain("4.242");
  });

  it("a snapshot put on after publication is frozen at once: a later load does not move it", async () => {
    const res = await t().request({
      method: "POST",
      url: `/api/v1/items/${openItemId}/indicator-snapshots`,
      token: w.users.secretary.token,
      payload: {
        indicatorCodes: ["faerdig"],
        areas: [{ kind: "municipality", code: "101" }],
        fromPeriod: "2025",
        toPeriod: "2025",
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const read = async () =>
      (await t().request({ method: "GET", url: `/api/v1/indicator-snapshots/${res.json().id}` })).json();
    const before = await read();
    expect(before.frozen).toBe(true);
    expect(before.figures.indicators[0].values).toMatchObject([{ period: "2025", value: "7777" }]);
    await load(
      csv([
        ["indicator", "area_code", "period", "value"],
        ["faerdig", "101", "2025", "8888"],
      ]),
      "even-later.csv",
    );
    expect(await read()).toEqual(before);
  });
});
