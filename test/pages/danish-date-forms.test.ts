import { expect, it } from "vitest";
import { useTestApp } from "../helpers/app.ts";
import { csrfFor, pageLogin } from "../helpers/csrf.ts";
import { describeEachDatabase } from "../helpers/databases.ts";
import { seedWorld, type World } from "../helpers/factories.ts";
import { snapshot } from "../helpers/snapshot.ts";

const DANISH_ERROR = "Skriv datoen som dag-måned-år, fx 21-01-2027";
/** A date as ISO anywhere a person reads it: in the text or in a visible field (not in a hidden one). */
const ISO_SHOWN =
  /(?:>[^<]*\b\d{4}-\d{2}-\d{2}\b[^<]*<|<(?:input|textarea)(?![^>]*type="hidden")[^>]*value="\d{4}-\d{2}-\d{2})/;

/**
 * Danish dates in the fund, initiative, mandate and agreement forms (issue 16.7): "21-01-2027", "21.1.2027",
 * "21/1 2027", "21. januar 2027" and ISO are read; anything else is a Danish (or English) error at the field,
 * with the text kept as typed and nothing written; a saved date comes back as "21-01-2027", never ISO.
 */
describeEachDatabase("Danish dates in the page forms", (kind) => {
  const t = useTestApp(kind);
  let w: World;
  let cookie = "";
  let initiativePath = "";

  const inject = (o: Parameters<ReturnType<typeof t>["request"]>[0]) => t().request(o);
  const get = (url: string, headers: Record<string, string> = {}) =>
    t().request({ method: "GET", url, headers: { accept: "text/html", cookie, ...headers } });
  const post = (url: string, values: Record<string, string>, opts: { csrf?: boolean; lang?: string } = {}) =>
    t().request({
      method: "POST",
      url,
      headers: {
        accept: "text/html",
        cookie,
        "content-type": "application/x-www-form-urlencoded",
        ...(opts.lang ? { "accept-language": opts.lang } : {}),
      },
      payload: new URLSearchParams({
        ...(opts.csrf === false ? {} : { _csrf: csrfFor(cookie) }),
        ...values,
      }).toString(),
    });
  const unchanged = async (run: () => Promise<void>) => {
    const before = await snapshot(t().database);
    await run();
    expect(await snapshot(t().database)).toBe(before);
  };
  const initiative = (dates: Record<string, string>) => ({
    title: "Kom trygt hjem",
    description: "Opfølgende hjemmebesøg efter udskrivning.",
    agreement: "Sundhedsaftalen 2024–2027",
    focusArea: "Sammenhængende forløb",
    scope: "pilot",
    ownerBodyId: String(w.ssu.id),
    region: "Testkyst",
    [`part-${w.region.id}`]: "1",
    targetGroup: "Ældre medicinske patienter",
    theme: "Udskrivning",
    evaluationPlan: "Halvårlig status til SSU.",
    ...dates,
  });

  it("arranges the world and logs in the secretary", async () => {
    w = await seedWorld(t().system);
    cookie = await pageLogin(inject as never, "sekretaer@test.dk", "korrekt-hest-batteri");
    expect(cookie).toContain("tvaers_session=");
  });

  it("shows date fields as text fields with the Danish hint, not as ISO date pickers", async () => {
    const page = await get("/indsatser/ny");
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("Fx 21-01-2027, 21.1.2027, 21/1 2027 eller 21. januar 2027.");
    expect(page.body).not.toContain('type="date"');
    expect(page.body).not.toContain("ÅÅÅÅ-MM-DD");
  });

  it("refuses a date it cannot read with a Danish error at the field, keeps the text, writes nothing", async () => {
    await unchanged(async () => {
      const bad = await post("/indsatser/ny", initiative({ periodFrom: "32.1.2025", periodTo: "snart" }));
      expect(bad.statusCode).toBe(400);
      expect(bad.body).toContain(DANISH_ERROR);
      expect(bad.body).toContain('value="32.1.2025"');
      expect(bad.body).toContain('value="snart"');
      expect(bad.body.match(/aria-invalid="true"/g)?.length).toBe(2);
      const english = await post("/indsatser/ny", initiative({ periodFrom: "1. januar" }), { lang: "en" });
      expect(english.statusCode).toBe(400);
      expect(english.body).toContain("Write the date as day-month-year");
      expect(english.body).not.toContain("Skriv datoen");
      const noCsrf = await post("/indsatser/ny", initiative({ periodFrom: "1.1.2025" }), { csrf: false });
      expect(noCsrf.statusCode).toBe(403);
    });
  });

  it("reads '1. januar 2025' and '31/12 2026' and shows them back as 01-01-2025 and 31-12-2026", async () => {
    const saved = await post(
      "/indsatser/ny",
      initiative({ periodFrom: "1. januar 2025", periodTo: "31/12 2026" }),
    );
    expect(saved.statusCode, saved.body).toBe(303);
    initiativePath = String(saved.headers.location).split("?")[0] as string;
    const edit = await get(`${initiativePath}/rediger`);
    expect(edit.statusCode).toBe(200);
    expect(edit.body).toContain('value="01-01-2025"');
    expect(edit.body).toContain('value="31-12-2026"');
    expect(edit.body).not.toMatch(ISO_SHOWN);
    const shown = await get(initiativePath);
    expect(shown.body).toContain("1. januar 2025");
    expect(shown.body).not.toMatch(ISO_SHOWN);
  });

  it("an edit keeps a Danish date written as the field shows it (21-01-2027 ⇄ ISO)", async () => {
    const edit = await get(`${initiativePath}/rediger`);
    const version = /name="version" value="(\d+)"/.exec(edit.body)?.[1] as string;
    const res = await post(`${initiativePath}/rediger`, {
      ...initiative({ periodFrom: "01-01-2025", periodTo: "21.1.2027" }),
      version,
    });
    expect(res.statusCode, res.body).toBe(303);
    const after = await get(`${initiativePath}/rediger`);
    expect(after.body).toContain('value="21-01-2027"');
    const api = await t().request({
      method: "GET",
      url: `/api/v1/initiatives/${/\/indsatser\/(\d+)/.exec(initiativePath)?.[1]}`,
      token: w.users.secretary.token,
    });
    expect(api.json()).toMatchObject({ periodFrom: "2025-01-01", periodTo: "2027-01-21" });
  });

  it("sets up a group with Danish dates in the period, the decision day and the deliverables", async () => {
    const bad = await post(`/organer/${w.ssu.id}/grupper`, {
      name: "Arbejdsgruppe om medicinlister",
      kind: "working_group",
      purpose: "Gruppen skal lave en fælles medicinliste.",
      periodFrom: "6. marts 2025",
      on: "30.2.2025",
      deliverables: "30-09-2025 Statusnotat",
      itemId: String(w.items.open.id),
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain(DANISH_ERROR);
    const saved = await post(`/organer/${w.ssu.id}/grupper`, {
      name: "Arbejdsgruppe om medicinlister",
      kind: "working_group",
      purpose: "Gruppen skal lave en fælles medicinliste.",
      periodFrom: "6. marts 2025",
      periodTo: "30/6 2026",
      on: "6.3.2025",
      reportsToId: String(w.ssu.id),
      approverBodyId: String(w.ssu.id),
      composition: "2 | Kommunerne | Sygeplejerske | fast",
      deliverables: "30-09-2025 Statusnotat\n31. maj 2026 Anbefaling til SSU",
      itemId: String(w.items.open.id),
      approved: "1",
    });
    expect(saved.statusCode, saved.body).toBe(303);
    const groups = await get(String(saved.headers.location));
    expect(groups.body).toContain("Arbejdsgruppe om medicinlister");
    expect(groups.body).not.toMatch(ISO_SHOWN);
  });

  it("starts a hearing with Danish dates", async () => {
    const created = await post("/aftaler/ny", {
      title: "Samarbejdsaftale om medicinlister",
      kind: "cooperation_agreement",
      theme: "Medicin",
      summary: "Fælles medicinliste på tværs af sektorer.",
      ownerBodyId: String(w.ssu.id),
      label: "Udkast",
      text: "Udkast til høring.",
    });
    expect(created.statusCode, created.body).toBe(303);
    const path = String(created.headers.location).split("?")[0] as string;
    await unchanged(async () => {
      const bad = await post(`${path}/hoering`, {
        startsOn: "1. april",
        endsOn: "1/6 2025",
        invitees: "Esbjerg Kommune",
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.body).toContain(DANISH_ERROR);
    });
    const hearing = await post(`${path}/hoering`, {
      startsOn: "1. april 2025",
      endsOn: "1/6 2025",
      invitees: "Esbjerg Kommune",
    });
    expect(hearing.statusCode, hearing.body).toBe(303);
    const page = await get(path);
    expect(page.body).toContain("1. juni 2025");
    expect(page.body).not.toMatch(ISO_SHOWN);
  });
});
