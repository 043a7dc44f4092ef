import { expect, it } from "vitest";
import { PUBLIC_ACTOR } from "../../src/modules/auth/index.ts";
import { demoData } from "../../src/modules/demo/demo.data.ts";
import { loadDemo } from "../../src/modules/demo/demo.service.ts";
import { getFund, listFunds, loadFundStatus } from "../../src/modules/funds/index.ts";
import { listAllInitiatives } from "../../src/modules/initiatives/index.ts";
import { listParties } from "../../src/modules/parties/index.ts";
import { useTestApp } from "../helpers/app.ts";
import { csrfFor } from "../helpers/csrf.ts";
import { describeEachDatabase } from "../helpers/databases.ts";
import { snapshot } from "../helpers/snapshot.ts";

const html = { accept: "text/html" };
const cookieValue = (setCookie: string | string[] | undefined, name: string) =>
  [setCookie ?? []]
    .flat()
    .map((c) => new RegExp(`^${name}=([^;]*)`).exec(c)?.[1])
    .find(Boolean);

/**
 * The funds and initiative pages on the demo data: lists, filters, the map, forms with CSRF, bad input;
 * the new-fund and edit-fund forms (the initiative and document forms: initiative-forms.test.ts).
 */
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
        payload: new URLSearchParams({
          ...(withCsrf ? { _csrf: csrfFor(cookie) } : {}),
          ...values,
        }).toString(),
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
      payload: new URLSearchParams({ _csrf: csrfFor(cookie), year: "20x7" }).toString(),
    });
    expect(income.statusCode).toBe(400);
    expect(income.body).toContain("Skriv et årstal");
    // In English the same refusal is English (issue 16.10).
    const english = await t().request({
      method: "POST",
      url: `/puljer/${nord?.id}/indtaegt`,
      headers: {
        ...html,
        cookie: `${cookie}; tvaers_lang=en`,
        "content-type": "application/x-www-form-urlencoded",
      },
      payload: new URLSearchParams({
        _csrf: csrfFor(cookie),
        year: "20x7",
        [`p${partyIdInForm(income.body)}`]: "12x",
      }).toString(),
    });
    expect(english.statusCode).toBe(400);
    expect(english.body).toContain("Write a year between 1900 and 2200.");
    expect(english.body).toContain("Write the amount in kroner");
    expect(english.body).not.toContain("Skriv et årstal");
  });

  it("shows an initiative with its budget, history and the status report of a meeting; the status form needs a reason for red", async () => {
    const all = await listAllInitiatives(t().system, {});
    const akut = all.find((i) => i.title.startsWith("Kom trygt hjem")) as (typeof all)[number];
    const page = await get(`/indsatser/${akut.id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("Klyngemidler Sundhedsklynge Nord");
    expect(page.body).toContain("Statushistorik");
    // the demo's documents are links to pages of Tværs; the public sees them, not the forms
    expect(page.body).toContain(">Indsatserne i Sundhedsklynge Nord på kortet</a>");
    expect(page.body).toMatch(
      /href="\/indsatser\/status\/\d+"[^>]*>Status på indsatser ved mødet i FSN Nord/,
    );
    expect(page.body).not.toContain("Dokumenter på en indsats er offentlige.");
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

  async function logIn(email: string, password: string) {
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
      payload: new URLSearchParams({ email, password, _csrf: csrf, next: "/" }).toString(),
    });
    const session = cookieValue(login.headers["set-cookie"], "tvaers_session") as string;
    expect(session, email).toBeTruthy();
    return { csrf, cookie: `tvaers_csrf=${csrf}; tvaers_session=${session}` };
  }
  const send = (
    url: string,
    who: { csrf: string; cookie: string },
    values: Record<string, string>,
    csrf = true,
  ) =>
    t().request({
      method: "POST",
      url,
      headers: { ...html, cookie: who.cookie, "content-type": "application/x-www-form-urlencoded" },
      payload: new URLSearchParams({ ...(csrf ? { _csrf: csrfFor(who.cookie) } : {}), ...values }).toString(),
    });
  const unchanged = async (run: () => Promise<unknown>) => {
    const before = await snapshot(t().database);
    await run();
    expect(await snapshot(t().database)).toBe(before);
  };

  it("lets a secretariat create a fund at /puljer/ny and choose its parties; Danish errors, CSRF and others refused, nothing written on failure", async () => {
    const sek = await logIn("sekretariat@tvaers.local", "Dagsorden-Bilag-2026");
    const member = await logIn("medlem@tvaers.local", "Referat-Laesning-2026");
    expect((await get("/puljer", sek.cookie)).body).toContain('href="/puljer/ny"');
    expect((await get("/puljer")).body).not.toContain('href="/puljer/ny"');
    expect((await get("/puljer", member.cookie)).body).not.toContain('href="/puljer/ny"');
    expect((await get("/puljer/ny", member.cookie)).statusCode).toBe(403);
    const page = await get("/puljer/ny", sek.cookie);
    expect(page.statusCode).toBe(200);
    const ssu = /<option value="(\d+)"[^>]*>Sundhedssamarbejdsudvalget/.exec(page.body)?.[1] as string;
    expect(ssu).toBeTruthy();
    const [demoFund] = (await listFunds(t().system, {})).items;
    // the demo's funds belong to the clusters' political levels, which this secretary does not keep
    expect(page.body).not.toContain(`<option value="${demoFund?.bodyId}"`);
    const valid = {
      bodyId: ssu,
      name: "Tværsektoriel pulje 2027",
      description: "Fælles midler.",
      keyBasis: "income_all_years",
    };
    await unchanged(async () => {
      expect((await send("/puljer/ny", sek, valid, false)).statusCode).toBe(403);
      const empty = await send("/puljer/ny", sek, { ...valid, name: " " });
      expect(empty.statusCode).toBe(400);
      expect(empty.body).toContain('href="#fund-name"');
      expect(empty.body).toContain("Skal udfyldes.");
      expect(empty.body).toContain("Fælles midler.");
      const year = await send("/puljer/ny", sek, { ...valid, keyBasis: "income_year" });
      expect(year.statusCode).toBe(400);
      expect(year.body).toContain("Vælg det år, hvis indtægt giver fordelingsnøglen.");
      const late = await send("/puljer/ny", sek, { ...valid, keyBasis: "income_year", keyYear: "2300" });
      expect(late.statusCode).toBe(400);
      expect(late.body).toContain("Året skal ligge mellem 1900 og 2200.");
      expect((await send("/puljer/ny", sek, { ...valid, bodyId: String(demoFund?.bodyId) })).statusCode).toBe(
        403,
      );
      expect((await send("/puljer/ny", member, valid)).statusCode).toBe(403);
    });
    const created = await send("/puljer/ny", sek, valid);
    expect(created.statusCode, created.body.slice(0, 300)).toBe(303);
    const location = String(created.headers.location);
    expect(location).toMatch(/^\/puljer\/\d+-tvaersektoriel-pulje-2027\/rediger\?oprettet=1#parties-h$/);
    const id = Number(/\/puljer\/(\d+)-/.exec(location)?.[1]);
    const edit = await get(location.split("#")[0] as string, sek.cookie);
    expect(edit.body).toContain("Puljen er oprettet.");
    const parties = (await listParties(t().system, { limit: 200 })).items;
    const pid = (name: string) => String(parties.find((p) => p.name === name)?.id);
    const choice = {
      version: "1",
      [`part-${pid("Region Vestkyst")}`]: "out",
      [`part-${pid("Havbjerg Kommune")}`]: "key",
      [`part-${pid("Klitmose Kommune")}`]: "key",
    };
    await unchanged(async () => {
      const none = await send(`/puljer/${id}/parter`, sek, {
        ...choice,
        [`part-${pid("Havbjerg Kommune")}`]: "out",
        [`part-${pid("Klitmose Kommune")}`]: "",
      });
      expect(none.statusCode).toBe(400);
      expect(none.body).toContain("Mindst én part skal være med i fordelingsnøglen.");
      expect((await send(`/puljer/${id}/parter`, member, choice)).statusCode).toBe(403);
    });
    expect((await send(`/puljer/${id}/parter`, sek, choice)).statusCode).toBe(303);
    const fund = await getFund(t().system, id);
    expect(fund.parties.map((p) => [p.name, p.inKey])).toEqual([
      ["Havbjerg Kommune", true],
      ["Klitmose Kommune", true],
      ["Region Vestkyst", false],
    ]);
    expect(fund.version).toBe(2);
  });

  it("edits a fund's own fields with its version: a stale version is a 409 showing the saved values; others are refused", async () => {
    const sek = await logIn("sekretariat@tvaers.local", "Dagsorden-Bilag-2026");
    const fund = (await listFunds(t().system, {})).items.find((f) => f.name === "Tværsektoriel pulje 2027");
    const url = `/puljer/${fund?.id}-tvaersektoriel-pulje-2027/rediger`;
    expect((await get(`/puljer/${fund?.id}`, sek.cookie)).body).toContain(`href="${url}"`);
    expect((await get(url, sek.cookie)).statusCode).toBe(200);
    expect((await get(`/puljer/${fund?.id}`)).body).not.toContain("/rediger");
    const mine = {
      version: "1",
      name: "Tværsektoriel pulje 2027–2028",
      description: "Fælles midler.",
      keyBasis: "income_all_years",
      keyYear: "",
    };
    await unchanged(async () => {
      // the parties form saved version 2 in the meantime
      const stale = await send(url, sek, mine);
      expect(stale.statusCode).toBe(409);
      expect(stale.body).toContain("En anden har gemt en ændring");
      expect(stale.body).toContain("I den gemte udgave: Tværsektoriel pulje 2027");
      expect(stale.body).toContain('name="version" value="2"');
      expect(stale.body).toContain('value="Tværsektoriel pulje 2027–2028"');
    });
    const saved = await send(url, sek, { ...mine, version: "2" });
    expect(saved.statusCode).toBe(303);
    expect((await getFund(t().system, fund?.id as number)).name).toBe("Tværsektoriel pulje 2027–2028");
    // a secretary of another body: the demo's cluster funds are not theirs
    const [demoFund] = (await listFunds(t().system, {})).items;
    await unchanged(async () => {
      expect((await get(`/puljer/${demoFund?.id}/rediger`, sek.cookie)).statusCode).toBe(403);
      expect((await get(`/puljer/${demoFund?.id}`, sek.cookie)).body).not.toContain("/rediger");
      expect(
        (await send(`/puljer/${demoFund?.id}/rediger`, sek, { ...mine, version: String(demoFund?.version) }))
          .statusCode,
      ).toBe(403);
      expect(
        (await send(`/puljer/${demoFund?.id}/parter`, sek, { version: String(demoFund?.version) }))
          .statusCode,
      ).toBe(403);
    });
  });
});

/** The id of the first party with an income field on the fund page ("income-p<id>"). */
function partyIdInForm(page: string): string {
  return /id="income-p(\d+)"/.exec(page)?.[1] ?? "0";
}
