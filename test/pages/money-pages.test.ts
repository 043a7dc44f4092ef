import { expect, it } from "vitest";
import { PUBLIC_ACTOR } from "../../src/modules/auth/index.ts";
import { demoData } from "../../src/modules/demo/demo.data.ts";
import { loadDemo } from "../../src/modules/demo/demo.service.ts";
import { listFunds, loadFundStatus } from "../../src/modules/funds/index.ts";
import { listAllInitiatives } from "../../src/modules/initiatives/index.ts";
import { useTestApp } from "../helpers/app.ts";
import { describeEachDatabase } from "../helpers/databases.ts";

const html = { accept: "text/html" };
const cookieValue = (setCookie: string | string[] | undefined, name: string) =>
  [setCookie ?? []]
    .flat()
    .map((c) => new RegExp(`^${name}=([^;]*)`).exec(c)?.[1])
    .find(Boolean);

/** The funds and initiative pages on the demo data: lists, filters, the map, forms with CSRF, bad input. */
describeEachDatabase("Funds and initiatives pages", (kind) => {
  const t = useTestApp(kind);
  const get = async (url: string, cookie?: string) => {
    let res = await t().request({ method: "GET", url, headers: { ...html, ...(cookie ? { cookie } : {}) } });
    if (res.statusCode === 301) {
      res = await t().request({
        method: "GET",
        url: String(res.headers.location),
        headers: { ...html, ...(cookie ? { cookie } : {}) },
      });
    }
    return res;
  };

  it("loads the demo with funds and at least 20 initiatives across both clusters", async () => {
    await loadDemo(t().database.db, demoData, new Date("2026-11-23T08:00:00Z"));
    const all = await listAllInitiatives(t().system, {});
    expect(all.length).toBeGreaterThanOrEqual(20);
    expect(new Set(all.flatMap((i) => i.clusters))).toEqual(
      new Set(["Sundhedsklynge Nord", "Sundhedsklynge Syd"]),
    );
  });

  it("shows the overview with counts, filters by cluster, and the map with a card per initiative", async () => {
    const overview = await get("/indsatser");
    expect(overview.statusCode).toBe(200);
    expect(overview.body).toContain("Status på indsatser");
    expect(overview.body).toContain("Kom trygt hjem efter akut indlæggelse");
    const syd = await get(`/indsatser?klynge=${encodeURIComponent("Sundhedsklynge Syd")}`);
    expect(syd.body).toContain("Sygeplejeklinik for borgere med KOL");
    expect(syd.body).not.toContain("Kom trygt hjem efter akut indlæggelse");
    const map = await get("/indsatser/kort");
    expect(map.statusCode).toBe(200);
    expect(map.body).toContain("<svg");
    expect(map.body).toContain("Havbjerg");
    expect((map.body.match(/class="tv-card"/g) ?? []).length).toBeGreaterThanOrEqual(20);
    const ids = [...map.body.matchAll(/kommune=(\d+)/g)].map((m) => m[1]);
    const one = await get(`/indsatser/kort?kommune=${ids[0]}`);
    expect(one.statusCode).toBe(200);
    expect(one.body).toMatch(/indsatser i .+ Kommune/);
    // unknown filter values are ignored, not errors
    expect((await get("/indsatser?fase=bogus&klynge=ingen")).statusCode).toBe(200);
  });

  it("shows a fund's status table exactly, with CSV and XLSX, and hides a grant pending at an unpublished agenda", async () => {
    const funds = (await listFunds({ db: t().database.db, actor: PUBLIC_ACTOR }, {})).items;
    const syd = funds.find((f) => f.name.includes("Syd"));
    const page = await get(`/puljer/${syd?.id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("Sygeplejeklinik for borgere med KOL (godkendt");
    // the grants pending at the planned PN meeting's item are not public yet
    expect(page.body).not.toContain("Fremskudt psykiatrisk funktion i rusmiddelbehandlingen (afventer");
    const status = await loadFundStatus({ db: t().database.db, actor: PUBLIC_ACTOR }, syd?.id as number);
    const parts = status.table.rows.map((r) => r.grants.get(status.grants[0]?.id as number) ?? 0n);
    expect(parts.reduce((a, b) => a + b, 0n)).toBe(75_000_000n);
    const csv = await get(`/puljer/${syd?.id}/status.csv`);
    expect(csv.headers["content-disposition"]).toContain("status-klyngemidler-sundhedsklynge-syd.csv");
    expect((await get("/puljer")).body).toContain("Klyngemidler Sundhedsklynge Nord");
  });

  it("lets the secretariat preview and save a grant through the form (CSRF), with Danish errors on bad input", async () => {
    const form = await get("/log-ind");
    const csrf = cookieValue(form.headers["set-cookie"], "tvaers_csrf") as string;
    const login = await t().request({
      method: "POST",
      url: "/log-ind",
      headers: {
        ...html,
        cookie: `tvaers_csrf=${csrf}`,
        "content-type": "application/x-www-form-urlencoded",
      },
      payload: new URLSearchParams({
        email: "admin@tvaers.local",
        password: "Klit-Fyrtaarn-2026",
        _csrf: csrf,
        next: "/",
      }).toString(),
    });
    const session = cookieValue(login.headers["set-cookie"], "tvaers_session") as string;
    const cookie = `tvaers_csrf=${csrf}; tvaers_session=${session}`;
    const funds = (await listFunds(t().system, {})).items;
    const nord = funds.find((f) => f.name.includes("Nord"));
    const page = await get(`/puljer/${nord?.id}`, cookie);
    expect(page.body).toContain("Ny bevilling");
    const post = (values: Record<string, string>, withCsrf = true) =>
      t().request({
        method: "POST",
        url: `/puljer/${nord?.id}/bevillinger`,
        headers: { ...html, cookie, "content-type": "application/x-www-form-urlencoded" },
        payload: new URLSearchParams({ ...(withCsrf ? { _csrf: csrf } : {}), ...values }).toString(),
      });
    expect((await post({ title: "X", keyAmount: "100,00" }, false)).statusCode).toBe(403);
    const preview = await post({
      title: "Demens i hjemmeplejen",
      keyAmount: "100.000,01",
      action: "preview",
    });
    expect(preview.statusCode).toBe(200);
    expect(preview.body).toContain("Fordeling");
    expect(preview.body).toContain("100.000,01");
    const bad = await post({ title: "", keyAmount: "12.34", action: "save" });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('aria-invalid="true"');
    expect(bad.body).toContain("Skriv beløbet i kroner");
    const saved = await post({
      title: "Demens i hjemmeplejen",
      keyAmount: "100.000,01",
      status: "approved",
      approvedOn: "2026-11-11",
      action: "save",
    });
    expect(saved.statusCode).toBe(303);
    const after = await get(`/puljer/${nord?.id}`, cookie);
    expect(after.body).toContain("Demens i hjemmeplejen (godkendt 11. november 2026)");
    const income = await t().request({
      method: "POST",
      url: `/puljer/${nord?.id}/indtaegt`,
      headers: { ...html, cookie, "content-type": "application/x-www-form-urlencoded" },
      payload: new URLSearchParams({ _csrf: csrf, year: "20x7" }).toString(),
    });
    expect(income.statusCode).toBe(400);
    expect(income.body).toContain("Skriv et årstal");
  });

  it("shows an initiative with its budget, history and the status report of a meeting; the status form needs a reason for red", async () => {
    const all = await listAllInitiatives(t().system, {});
    const akut = all.find((i) => i.title.startsWith("Kom trygt hjem")) as (typeof all)[number];
    const page = await get(`/indsatser/${akut.id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("Klyngemidler Sundhedsklynge Nord");
    expect(page.body).toContain("Statushistorik");
    const reportLink = /href="(\/indsatser\/status\/\d+)"/.exec(page.body)?.[1] as string;
    const report = await get(reportLink);
    expect(report.statusCode).toBe(200);
    expect(report.body).toContain("Status på indsatser");
    expect(report.body).toContain("Kom trygt hjem efter akut indlæggelse");
    const api = await t().request({
      method: "POST",
      url: `/api/v1/initiatives/${akut.id}/status`,
      payload: { version: akut.version, phase: "running", rag: "red" },
    });
    expect(api.statusCode).toBe(401);
    const res = await t().request({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { email: "admin@tvaers.local", password: "Klit-Fyrtaarn-2026" },
    });
    const token = res.json().token as string | undefined;
    const headers = token
      ? { authorization: `Bearer ${token}` }
      : { cookie: String(res.headers["set-cookie"]).split(";")[0] as string };
    const red = await t().app.inject({
      method: "POST",
      url: `/api/v1/initiatives/${akut.id}/status`,
      headers,
      payload: { version: akut.version, phase: "running", rag: "red" },
    });
    expect(red.statusCode).toBe(400);
    expect(red.json().error.fields[0]).toEqual({
      path: "reason",
      message: "En gul eller rød status skal have en begrundelse.",
    });
    const overview = await t().request({ method: "GET", url: "/api/v1/initiatives/overview?klynge=x" });
    expect(overview.statusCode).toBe(400);
    const counts = (await t().request({ method: "GET", url: "/api/v1/initiatives/overview" })).json();
    expect(counts.total).toBe(all.length);
    expect(counts.byRag.green + counts.byRag.yellow + counts.byRag.red).toBe(all.length);
  });
});
