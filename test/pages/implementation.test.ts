import { count, eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { implementationChanges, ratificationSteps } from "../../src/modules/agreements/index.ts";
import { attachments } from "../../src/modules/meetings/items.tables.ts";
import { formatIsoDay } from "../../src/web/format.ts";
import {
  dayFromNow,
  type ImplWorld,
  PASSWORD,
  parseCsv,
  seedImplementationWorld,
} from "../agreements/implementation.fixture.ts";
import { useTestApp } from "../helpers/app.ts";
import { csrfFor, pageLogin } from "../helpers/csrf.ts";
import { describeEachDatabase } from "../helpers/databases.ts";

const DATE_ERROR =
  "Skriv datoen som dag-måned-år, fx 21-01-2027, 21.1.2027, 21/1 2027 eller 21. januar 2027.";

/** The rows of the page's matrix table as plain text cells (screen-reader-only text left out). */
function tableRows(html: string, tableClass: string): string[][] {
  const table =
    new RegExp(`<table class="[^"]*${tableClass}[^"]*">([\\s\\S]*?)</table>`).exec(html)?.[1] ?? "";
  const decode = (s: string) =>
    s
      .replace(/<span class="sr-only">[\s\S]*?<\/span>/g, "")
      .replace(/<[^>]+>/g, "")
      .replace(/\u00ad/g, "")
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&amp;/g, "&")
      .trim();
  return [...table.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((row) =>
    [...(row[1] ?? "").matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) => decode(c[1] ?? "")),
  );
}

describeEachDatabase("Implementation matrix and ratification pages (issue 22.3/22.4)", (kind) => {
  const t = useTestApp(kind);
  let w: ImplWorld;
  let rep: string;
  let secretary: string;
  let outsider: string;
  const inject = (o: Parameters<Parameters<typeof pageLogin>[0]>[0]) => t().app.inject(o);
  const html = { accept: "text/html" };
  const rows = async () =>
    (await t().system.db.select({ n: count() }).from(implementationChanges))[0]?.n ?? 0;
  const post = (url: string, cookie: string, fields: Record<string, string>, csrf = true) =>
    t().app.inject({
      method: "POST",
      url,
      headers: { ...html, cookie, "content-type": "application/x-www-form-urlencoded" },
      payload: new URLSearchParams({ ...(csrf ? { _csrf: csrfFor(cookie) } : {}), ...fields }).toString(),
    });
  const get = (url: string, cookie?: string, headers: Record<string, string> = {}) =>
    t().app.inject({ method: "GET", url, headers: { ...html, ...headers, ...(cookie ? { cookie } : {}) } });
  const cellUrl = () => `/aftaler/implementering/${w.inForce.id}/${w.havby.id}`;

  beforeAll(async () => {
    w = await seedImplementationWorld(t().system);
    const login = (email: string) => pageLogin(inject as never, email, PASSWORD);
    rep = await login("havby@test.dk");
    secretary = await login("sekretaer@test.dk");
    outsider = await login("udenfor@test.dk");
  });

  it("refuses a form without its CSRF field, and an outsider's form, writing nothing", async () => {
    const before = await rows();
    const noCsrf = await post(cellUrl(), rep, { state: "implemented" }, false);
    expect(noCsrf.statusCode).toBe(403);
    const refused = await post(cellUrl(), outsider, { state: "implemented" });
    expect(refused.statusCode).toBe(403);
    expect(refused.body).toContain("Kun partens repræsentant");
    expect((await get(cellUrl(), outsider)).body).not.toContain('action="/aftaler/implementering/');
    expect(await rows()).toBe(before);
  });

  it("shows Danish field errors for an unreadable date and a missing reason", async () => {
    const before = await rows();
    const badDate = await post(cellUrl(), rep, { state: "in_progress", since: "32.13.2026" });
    expect(badDate.statusCode).toBe(400);
    expect(badDate.body).toContain(DATE_ERROR);
    expect(badDate.body).toContain('id="state-since"');
    expect(badDate.body).toContain('aria-invalid="true"');
    const noReason = await post(cellUrl(), rep, { state: "opted_out", since: "1.3.2026" });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain("Skriv begrundelsen for, at parten har fravalgt aftalen.");
    expect(noReason.body).toContain('href="#state-reason"');
    expect(await rows()).toBe(before);
  });

  it("records a state with Danish dates in and out, and shows the cell's history", async () => {
    const first = await post(cellUrl(), rep, {
      state: "in_progress",
      since: "1.3.2026",
      plannedOn: "31. december 2026",
      note: "Arbejdsgange beskrives.",
    });
    expect(first.statusCode).toBe(303);
    expect(first.headers.location).toBe(`${cellUrl()}?gemt=1`);
    const second = await post(cellUrl(), rep, { state: "implemented", since: "15-11-2026" });
    expect(second.statusCode).toBe(303);
    const page = await get(`${cellUrl()}?gemt=1`, rep);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("Tilstanden er gemt.");
    expect(page.body).toContain("Implementeret siden 15. november 2026");
    const history = tableRows(page.body, "table--compact");
    expect(history.slice(1).map((r) => r.slice(0, 4))).toEqual([
      ["Implementeret", "15. november 2026", "–", ""],
      ["Under implementering", "1. marts 2026", "31. december 2026", ""],
    ]);
    expect(page.body).not.toMatch(/\b20\d\d-\d\d-\d\d\b/);
    const skov = await post(`/aftaler/implementering/${w.inForce.id}/${w.skovby.id}`, secretary, {
      state: "opted_out",
      since: "1.5.2026",
      reason: 'Står udenfor den fælles organisering & model "B".',
    });
    expect(skov.statusCode).toBe(303);
    await post(`/aftaler/implementering/${w.inForce.id}/${w.plo.id}`, secretary, { state: "not_relevant" });
  });

  it("shows the matrix as the CSV and XLSX give it, filtered the same way", async () => {
    for (const qs of ["", "?cluster=K-HAV", `?partyId=${w.skovby.id}`]) {
      const page = await get(`/aftaler/implementering${qs}`);
      expect(page.statusCode).toBe(200);
      const onPage = tableRows(page.body, "tv-impl-matrix");
      const csv = await get(`/aftaler/implementering.csv${qs}`);
      expect(csv.statusCode).toBe(200);
      const file = parseCsv(csv.body);
      // title row, then the table, then a blank row and the counts
      expect(file.slice(1, 1 + onPage.length)).toEqual(onPage);
      expect(page.body).toContain(`href="/aftaler/implementering.xlsx${qs.replace("&", "&amp;")}"`);
    }
    const filtered = tableRows((await get("/aftaler/implementering?cluster=K-HAV")).body, "tv-impl-matrix");
    expect(filtered.map((r) => r[0])).toEqual(["Part", "Havby Kommune"]);
    const all = tableRows((await get("/aftaler/implementering")).body, "tv-impl-matrix");
    expect(all.find((r) => r[0] === "Skovby Kommune")?.[2]).toBe(
      'Fravalgt siden 1. maj 2026: Står udenfor den fælles organisering & model "B".',
    );
    expect(all.find((r) => r[0] === "PLO-Testkyst")?.[2]).toContain("Ikke relevant");
    const en = await get("/aftaler/implementering", undefined, { "accept-language": "en" });
    expect(en.body).toContain("Implementation of agreements");
    expect(en.body).toContain("Implemented since 15 November 2026");
  });

  it("lets a secretariat put a snapshot on an agenda item from the page", async () => {
    const n = async () => (await t().system.db.select({ n: count() }).from(attachments))[0]?.n ?? 0;
    const before = await n();
    const page = await get("/aftaler/implementering", secretary);
    expect(page.body).toContain('action="/aftaler/implementering/bilag"');
    const missing = await post("/aftaler/implementering/bilag", secretary, { itemId: "" });
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain("Vælg det punkt, matricen skal lægges på.");
    const ok = await post("/aftaler/implementering/bilag?cluster=K-HAV", secretary, {
      itemId: String(w.item.id),
    });
    expect(ok.statusCode).toBe(303);
    expect(ok.headers.location).toBe("/aftaler/implementering?cluster=K-HAV&gemt=1");
    expect(await n()).toBe(before + 1);
  });

  it("shows the ratification tracker on the agreement page, late ones flagged, editable by the secretariat", async () => {
    const path = `/aftaler/${w.inForce.id}`;
    const agreementPage = async (cookie?: string) => {
      const first = await get(path, cookie);
      return first.statusCode === 301 ? get(String(first.headers.location), cookie) : first;
    };
    const canonical = String((await get(path)).headers.location);
    const before = (await t().system.db.select({ n: count() }).from(ratificationSteps))[0]?.n ?? 0;
    const refused = await post(`${canonical}/godkendelser`, outsider, {
      kind: "municipal_council",
      name: "X",
    });
    expect(refused.statusCode).toBe(403);
    const bad = await post(`${canonical}/godkendelser`, secretary, {
      kind: "municipal_council",
      name: "Havby Kommunalbestyrelse",
      deadline: "30.02.2027",
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain(DATE_ERROR);
    expect((await t().system.db.select({ n: count() }).from(ratificationSteps))[0]?.n).toBe(before);
    const late = dayFromNow(-3).split("-").reverse().join(".");
    for (const [k, name, deadline] of [
      ["municipal_council", "Havby Kommunalbestyrelse", late],
      ["regional_council", "Regionsrådet", "30.6.2027"],
    ]) {
      const res = await post(`${canonical}/godkendelser`, secretary, {
        kind: k as string,
        name: name as string,
        deadline: deadline as string,
      });
      expect(res.statusCode).toBe(303);
    }
    const [step] = await t()
      .system.db.select()
      .from(ratificationSteps)
      .where(eq(ratificationSteps.name, "Regionsrådet"));
    const approve = await post(`${canonical}/godkendelser/${step?.id}`, secretary, {
      version: String(step?.version),
      approvedOn: dayFromNow(-1).split("-").reverse().join("."),
      deadline: "30.6.2027",
      link: "https://region.example/regionsraad/2-december",
      note: "",
    });
    expect(approve.statusCode).toBe(303);
    const page = await agreementPage();
    expect(page.statusCode).toBe(200);
    const table = tableRows(page.body, "tv-ratification");
    expect(table.slice(1).map((r) => r.slice(0, 3))).toEqual([
      [
        "Havby Kommunalbestyrelse · Kommunalbestyrelse",
        expect.stringMatching(/^senest /),
        "Fristen er overskredet",
      ],
      ["Regionsrådet · Regionsråd", "senest 30. juni 2027", formatIsoDay(dayFromNow(-1), "da")],
    ]);
    expect(page.body).toContain('data-late="true"');
    expect(page.body).not.toContain(`action="${canonical}/godkendelser"`);
    const secretaryPage = await agreementPage(secretary);
    expect(secretaryPage.body).toContain(`action="${canonical}/godkendelser"`);
    expect(secretaryPage.body).toContain('enctype="multipart/form-data"');
  });

  it("uploads an approval's document from the page (multipart, CSRF checked, rights first)", async () => {
    const canonical = String((await get(`/aftaler/${w.inForce.id}`)).headers.location);
    const [step] = await t()
      .system.db.select()
      .from(ratificationSteps)
      .where(eq(ratificationSteps.name, "Havby Kommunalbestyrelse"));
    const url = `${canonical}/godkendelser/${step?.id}/dokument`;
    const upload = (cookie: string, csrf: string | null, text: string) => {
      const boundary = "tvaers-test-boundary";
      const field =
        csrf === null
          ? ""
          : `--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${csrf}\r\n`;
      const body = `${field}--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="beslutning.txt"\r\nContent-Type: text/plain\r\n\r\n${text}\r\n--${boundary}--\r\n`;
      return t().app.inject({
        method: "POST",
        url,
        headers: { ...html, cookie, "content-type": `multipart/form-data; boundary=${boundary}` },
        payload: body,
      });
    };
    expect((await upload(outsider, csrfFor(outsider), "Forfalsket.")).statusCode).toBe(403);
    expect((await upload(secretary, null, "Uden CSRF.")).statusCode).toBe(403);
    const empty = await upload(secretary, csrfFor(secretary), "");
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain("Vælg en fil.");
    const [unchanged] = await t()
      .system.db.select()
      .from(ratificationSteps)
      .where(eq(ratificationSteps.id, step?.id as number));
    expect(unchanged?.sha256).toBeNull();
    const ok = await upload(secretary, csrfFor(secretary), "Kommunalbestyrelsen godkendte aftalen.");
    expect(ok.statusCode).toBe(303);
    const page = await get(canonical);
    expect(page.body).toContain(`/api/v1/ratification-steps/${step?.id}/content`);
    const file = await t().app.inject({
      method: "GET",
      url: `/api/v1/ratification-steps/${step?.id}/content`,
    });
    expect(file.body).toBe("Kommunalbestyrelsen godkendte aftalen.");
  });
});
