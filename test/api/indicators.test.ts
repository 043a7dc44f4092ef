import { expect, it } from "vitest";
import { writeXlsx } from "../../src/lib/xlsx.ts";
import { createItem, createMeeting, transitionMeeting } from "../../src/modules/meetings/index.ts";
import { loadReference, shippedReferenceData } from "../../src/modules/reference/index.ts";
import { useTestApp } from "../helpers/app.ts";
import { describeEachDatabase } from "../helpers/databases.ts";
import { seedWorld, type World } from "../helpers/factories.ts";

const csv = (rows: string[][]) => rows.map((r) => r.join(";")).join("\n");
const HOVEDSTADEN = [
  "101",
  "147",
  "151",
  "153",
  "155",
  "157",
  "159",
  "161",
  "163",
  "165",
  "167",
  "169",
  "173",
  "175",
  "183",
  "185",
  "187",
  "190",
  "201",
  "210",
  "217",
  "219",
  "223",
  "230",
  "240",
  "250",
  "260",
  "270",
  "400",
];
const SJAELLAND = [
  "253",
  "259",
  "265",
  "269",
  "306",
  "316",
  "320",
  "326",
  "329",
  "330",
  "336",
  "340",
  "350",
  "360",
  "370",
  "376",
  "390",
];

/** Indicators through the API: definitions, loading (good, bad, again), aggregation across the reform, pages, snapshots. */
describeEachDatabase("Indicators", (kind) => {
  const t = useTestApp(kind);
  let w: World;
  const load = (body: string | Uint8Array, fileName: string, token?: string) =>
    t().request({
      method: "POST",
      url: `/api/v1/indicators/load?fileName=${encodeURIComponent(fileName)}`,
      headers: { "content-type": "application/octet-stream" },
      payload: Buffer.from(body),
      ...(token ? { token } : {}),
    });
  const values = async (code: string, query = "") =>
    (await t().request({ method: "GET", url: `/api/v1/indicators/${code}/values${query}` })).json();

  it("defines indicators from a definitions file (secretariats only)", async () => {
    w = await seedWorld(t().system);
    await loadReference(t().system, shippedReferenceData());
    const defs = csv([
      ["code", "name", "definition", "unit", "direction", "source", "rhythm", "aggregation", "internal"],
      [
        "genindl",
        "Akutte genindlæggelser",
        "Andel genindlagt inden 30 dage",
        "%",
        "lower_is_better",
        "eSundhed",
        "year",
        "ratio",
        "nej",
      ],
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
      [
        "intern",
        "Intern måling",
        "Kun for sekretariatet",
        "antal",
        "neutral",
        "Egen opgørelse",
        "quarter",
        "sum",
        "ja",
      ],
    ]);
    expect((await load(defs, "defs.csv", w.users.member.token)).statusCode).toBe(403);
    const res = await load(defs, "defs.csv", w.users.secretary.token);
    expect(res.statusCode, res.body).toBe(200);
    const list = (await t().request({ method: "GET", url: "/api/v1/indicators" })).json();
    expect(list.map((i: { code: string }) => i.code).sort()).toEqual(["faerdig", "genindl"]);
  });

  it("loads a good file for all 46 municipalities of Østdanmark and aggregates them exactly into the successor region", async () => {
    const rows = [["indicator", "area_code", "period", "value", "numerator", "denominator"]];
    [...HOVEDSTADEN, ...SJAELLAND].forEach((code, i) => {
      const den = 100 + i;
      const num = (i % 7) + 1;
      rows.push([
        "genindl",
        code.padStart(4, "0"),
        "2025",
        ((num / den) * 100).toFixed(6),
        String(num),
        String(den),
      ]);
      rows.push(["faerdig", code, "2025", `${i},5`, "", ""]);
    });
    const res = await load(csv(rows), "vaerdier.csv", w.users.secretary.token);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ rows: 92, superseded: 0 });
    const sum = (codes: string[], offset: number) =>
      codes.reduce((s, _c, i) => s + (i + offset) * 10 + 5, 0) / 10;
    const [ost] = await values("faerdig", "?areaKind=region&areaCode=ostdanmark");
    const [hov] = await values("faerdig", "?areaKind=region&areaCode=1084");
    const [sj] = await values("faerdig", "?areaKind=region&areaCode=1085");
    expect(Number(hov.value)).toBe(sum(HOVEDSTADEN, 0));
    expect(Number(sj.value)).toBe(sum(SJAELLAND, HOVEDSTADEN.length));
    expect(ost.value).toBe(String(Number(hov.value) + Number(sj.value)));
    expect(ost.aggregated).toBe(true);
    const [ratio] = await values("genindl", "?areaKind=region&areaCode=ostdanmark");
    const nums = [...HOVEDSTADEN, ...SJAELLAND].map((_c, i) => (i % 7) + 1).reduce((a, b) => a + b, 0);
    const dens = [...HOVEDSTADEN, ...SJAELLAND].map((_c, i) => 100 + i).reduce((a, b) => a + b, 0);
    expect(Number(ratio.numerator)).toBe(nums);
    expect(Number(ratio.denominator)).toBe(dens);
    expect(Number(ratio.value)).toBeCloseTo((nums / dens) * 100, 5);
  });

  it("refuses a file with bad rows whole, reporting each bad row, and writes nothing", async () => {
    const before = await values("faerdig");
    const bad = csv([
      ["indicator", "area_code", "period", "value"],
      ["faerdig", "101", "2024", "3"],
      ["faerdig", "999", "2024", "3"],
      ["faerdig", "147", "2024-13", "3"],
      ["faerdig", "151", "2024", "tre"],
      ["ukendt", "153", "2024", "3"],
      ["faerdig", "155", "2024-Q1", "3"],
    ]);
    const res = await load(bad, "fejl.csv", w.users.secretary.token);
    expect(res.statusCode).toBe(400);
    const fields = res.json().error.fields as { path: string; message: string }[];
    expect(fields.map((f) => f.path)).toEqual(["linje 3", "linje 4", "linje 5", "linje 6", "linje 7"]);
    expect(fields[0]?.message).toContain("Ukendt områdekode");
    expect(await values("faerdig")).toEqual(before);
  });

  it("keeps the previous values as history when a second load (XLSX) changes them", async () => {
    const xlsx = writeXlsx([
      {
        name: "Ark1",
        rows: [
          ["Indikator", "Kommunekode", "Periode", "Værdi"],
          ["faerdig", "101", "2025", { number: "99" }],
        ],
      },
    ]);
    const res = await load(xlsx, "ny.xlsx", w.users.secretary.token);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ rows: 1, superseded: 1 });
    const [kbh] = await values("faerdig", "?areaKind=municipality&areaCode=101");
    expect(kbh.value).toBe("99");
    const { indicatorValues } = await import("../../src/modules/indicators/index.ts");
    const all = await t().database.db.select().from(indicatorValues);
    const kbhRows = all.filter(
      (v) =>
        v.areaCode === "101" &&
        v.period === "2025" &&
        v.indicatorId === all.find((x) => x.value === "99.000000")?.indicatorId,
    );
    expect(kbhRows.map((v) => [v.value, v.supersededBy === null])).toEqual([
      ["0.500000", false],
      ["99.000000", true],
    ]);
  });

  it("shows the indicator page with line, bars and map, each with its table, and hides internal indicators", async () => {
    const page = await t().request({
      method: "GET",
      url: "/indikatorer/faerdig?omraade=region:ostdanmark",
      headers: { accept: "text/html" },
    });
    expect(page.statusCode).toBe(200);
    expect((page.body.match(/<svg[^>]*class="tv-chart"/g) ?? []).length).toBe(2);
    expect(page.body).toContain('class="tv-dk-map"');
    expect((page.body.match(/<table/g) ?? []).length).toBe(3);
    expect(page.body).toContain("Region Østdanmark *");
    const csvFile = await t().request({ method: "GET", url: "/indikatorer/faerdig/vaerdier.csv" });
    expect(csvFile.body).toContain("faerdig;municipality;101;Københavns Kommune;2025;99");
    expect(
      (await t().request({ method: "GET", url: "/indikatorer/intern", headers: { accept: "text/html" } }))
        .statusCode,
    ).toBe(404);
    const internal = await t().request({
      method: "GET",
      url: "/api/v1/indicators",
      token: w.users.member.token,
    });
    expect(internal.json().map((i: { code: string }) => i.code)).toContain("intern");
  });

  it("freezes a snapshot when the minutes are published; new values do not change it; a closed item's snapshot stays hidden", async () => {
    const meeting = await createMeeting(t().system, {
      bodyId: w.ssu.id,
      start: new Date("2026-11-05T09:00:00Z"),
      end: new Date("2026-11-05T11:00:00Z"),
      location: "Regionshuset",
    });
    const open = await createItem(t().system, { meetingId: meeting.id, title: "Status på genindlæggelser" });
    const closed = await createItem(t().system, {
      meetingId: meeting.id,
      title: "Lukket punkt",
      access: "closed",
    });
    const snap = (itemId: number, token?: string) =>
      t().request({
        method: "POST",
        url: `/api/v1/items/${itemId}/indicator-snapshots`,
        payload: {
          indicatorCodes: ["faerdig", "intern"],
          areas: [{ kind: "municipality", code: "101" }],
          fromPeriod: "2024",
          toPeriod: "2025",
        },
        ...(token ? { token } : {}),
      });
    expect((await snap(open.id, w.users.member.token)).statusCode).toBe(403);
    const a = await snap(open.id, w.users.secretary.token);
    expect(a.statusCode, a.body).toBe(201);
    const b = await snap(closed.id, w.users.secretary.token);
    let status = meeting;
    for (const to of [
      "agenda_published",
      "held",
      "minutes_draft",
      "minutes_approved",
      "minutes_published",
    ] as const) {
      status = await transitionMeeting(t().system, meeting.id, { to, version: status.version });
    }
    await load(
      csv([
        ["indicator", "area_code", "period", "value"],
        ["faerdig", "101", "2025", "7"],
      ]),
      "senere.csv",
      w.users.secretary.token,
    );
    const frozen = await t().request({ method: "GET", url: `/api/v1/indicator-snapshots/${a.json().id}` });
    expect(frozen.statusCode).toBe(200);
    expect(frozen.json().frozen).toBe(true);
    expect(frozen.json().figures.indicators[0].values).toMatchObject([
      { areaCode: "101", period: "2025", value: "99" },
    ]);
    // the live figures move on (nothing kept from before the new load)
    const [live] = await values("faerdig", "?areaKind=municipality&areaCode=101");
    expect(live.value).toBe("7");
    // the internal indicator in the snapshot is left out for the public, kept for the secretariat
    expect(frozen.json().figures.indicators.map((i: { code: string }) => i.code)).toEqual(["faerdig"]);
    const inside = await t().request({
      method: "GET",
      url: `/api/v1/indicator-snapshots/${a.json().id}`,
      token: w.users.secretary.token,
    });
    expect(inside.json().figures.indicators.map((i: { code: string }) => i.code)).toEqual([
      "faerdig",
      "intern",
    ]);
    const page = (id: number) =>
      t().request({ method: "GET", url: `/indikatorer/billede/${id}`, headers: { accept: "text/html" } });
    const html = await page(a.json().id);
    expect(html.statusCode).toBe(200);
    expect(html.body).toContain("Frosset");
    expect(html.body).toContain('class="tv-chart"');
    expect(html.body).toMatch(/<td class="text-align-right">99<\/td>/);
    expect((await page(b.json().id)).statusCode).toBe(404);
    expect(
      (await t().request({ method: "GET", url: `/api/v1/indicator-snapshots/${b.json().id}` })).statusCode,
    ).toBe(404);
    expect(
      (
        await t().request({
          method: "GET",
          url: `/api/v1/indicator-snapshots/${b.json().id}`,
          token: w.users.secretary.token,
        })
      ).statusCode,
    ).toBe(200);
  });
});
