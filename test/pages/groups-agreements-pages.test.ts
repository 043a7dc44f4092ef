import { expect, it } from "vitest";
import { createParty } from "../../src/modules/parties/index.ts";
import { useTestApp } from "../helpers/app.ts";
import { csrfFor } from "../helpers/csrf.ts";
import { describeEachDatabase } from "../helpers/databases.ts";
import { publishedMeeting } from "../helpers/decisions.ts";
import { SECRET, seedWorld, type World } from "../helpers/factories.ts";

const html = { accept: "text/html" };
const cookieValue = (setCookie: string | string[] | undefined, name: string) =>
  [setCookie ?? []]
    .flat()
    .map((c) => new RegExp(`^${name}=([^;]*)`).exec(c)?.[1])
    .find(Boolean);

/**
 * The mandate and agreement pages through their forms (CSRF, 303, 400 with Danish field errors), and
 * closed is closed on every one of them: logged out and as the secretary of another body.
 */
describeEachDatabase("Mandate, toolbox and agreement pages", (kind) => {
  const t = useTestApp(kind);
  let w: World;
  let secretary: string;
  let outsider: string;
  let csrf: string;
  let closedItemId: number;
  let groupPath: string;
  let agreementPath: string;

  const get = async (url: string, cookie?: string) => {
    let res = await t().request({ method: "GET", url, headers: { ...html, ...(cookie ? { cookie } : {}) } });
    for (let i = 0; i < 2 && (res.statusCode === 301 || res.statusCode === 303); i++) {
      res = await t().request({
        method: "GET",
        url: String(res.headers.location),
        headers: { ...html, ...(cookie ? { cookie } : {}) },
      });
    }
    return res;
  };
  const post = (url: string, values: Record<string, string>, cookie = secretary, withCsrf = true) =>
    t().request({
      method: "POST",
      url,
      headers: { ...html, cookie, "content-type": "application/x-www-form-urlencoded" },
      payload: new URLSearchParams({ ...(withCsrf ? { _csrf: csrfFor(cookie) } : {}), ...values }).toString(),
    });
  async function login(email: string) {
    const res = await t().request({
      method: "POST",
      url: "/log-ind",
      headers: {
        ...html,
        cookie: `tvaers_csrf=${csrf}`,
        "content-type": "application/x-www-form-urlencoded",
      },
      payload: new URLSearchParams({
        email,
        password: "korrekt-hest-batteri",
        _csrf: csrf,
        next: "/",
      }).toString(),
    });
    expect(res.statusCode, res.body).toBe(303);
    return `tvaers_csrf=${csrf}; tvaers_session=${cookieValue(res.headers["set-cookie"], "tvaers_session")}`;
  }
  const readers = () => [undefined, outsider];

  it("sets up a group through the form, with CSRF and Danish field errors", async () => {
    w = await seedWorld(t().system);
    const form = await get("/log-ind");
    csrf = cookieValue(form.headers["set-cookie"], "tvaers_csrf") as string;
    secretary = await login("sekretaer@test.dk");
    outsider = await login("udenfor@test.dk");
    const closed = await publishedMeeting(t().system, w.ssu.id, "2025-11-06", [
      { title: "Afrapportering fra arbejdsgruppen" },
      { title: `Fortrolig drøftelse ${SECRET}`, access: "closed", text: `Fortroligt ${SECRET}` },
    ]);
    closedItemId = closed.items[1]?.id as number;
    const groups = await get(`/organer/${w.ssu.id}/grupper`, secretary);
    expect(groups.statusCode).toBe(200);
    expect(groups.body).toContain("Nedsæt en gruppe");
    expect((await get(`/organer/${w.ssu.id}/grupper`)).body).not.toContain("Nedsæt en gruppe");
    const values = {
      name: "Arbejdsgruppe om medicinlister",
      kind: "working_group",
      purpose: "Gruppen skal lave en fælles medicinliste.",
      periodFrom: "2025-03-06",
      periodTo: "2026-06-30",
      reportsToId: String(w.ssu.id),
      approverBodyId: String(w.ssu.id),
      composition: "2 | Kommunerne | Sygeplejerske | fast\n1 | Almen praksis | Læge | fleksibel",
      deliverables: "2025-09-30 Statusnotat\n2026-05-31 Anbefaling til SSU",
      itemId: String(w.items.open.id),
      approved: "1",
    };
    expect((await post(`/organer/${w.ssu.id}/grupper`, values, secretary, false)).statusCode).toBe(403);
    const bad = await post(`/organer/${w.ssu.id}/grupper`, {
      ...values,
      name: "",
      deliverables: "Statusnotat uden dato",
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('aria-invalid="true"');
    expect(bad.body).toContain("Linje 1: skriv en dato og en leverance");
    // In English the line's refusal is English (issue 16.10).
    const english = await post(
      `/organer/${w.ssu.id}/grupper`,
      { ...values, deliverables: "2025-09-30 Statusnotat\nStatusnotat uden dato" },
      `${secretary}; tvaers_lang=en`,
    );
    expect(english.statusCode).toBe(400);
    expect(english.body).toContain("Line 2: write a date and a deliverable");
    expect(english.body).not.toContain("skriv en dato og en leverance");
    const badDate = await post(`/organer/${w.ssu.id}/grupper`, { ...values, periodFrom: "2025-02-30" });
    expect(badDate.statusCode).toBe(400);
    expect(badDate.body).toContain("Skriv datoen som dag-måned-år");
    const saved = await post(`/organer/${w.ssu.id}/grupper`, values);
    expect(saved.statusCode, saved.body).toBe(303);
    const after = await get(String(saved.headers.location), secretary);
    expect(after.body).toContain("Ændringen er gemt.");
    expect(after.body).toContain("Arbejdsgruppe om medicinlister");
    groupPath = (/href="(\/organer\/\d+-arbejdsgruppe-om-medicinlister\/kommissorium)"/.exec(after.body) ??
      [])[1] as string;
    expect(groupPath).toBeTruthy();
  });

  it("records a report, continues with a revised mandate at a closed item and closes the group; the pages show none of the item", async () => {
    expect(
      (await post(`${groupPath}/afrapportering`, { deliverable: "Statusnotat", on: "2025-10-01" }))
        .statusCode,
    ).toBe(303);
    const revise = await post(`${groupPath}/revider`, {
      purpose: "Gruppen skal lave en fælles medicinliste og en plan for udbredelse.",
      periodFrom: "2025-03-06",
      periodTo: "2026-12-31",
      composition: "2 | Kommunerne | Sygeplejerske | fast",
      deliverables: "2025-09-30 Statusnotat\n2026-11-30 Plan for udbredelse",
      changeNote: "",
      itemId: String(closedItemId),
      continued: "1",
      approved: "1",
    });
    expect(revise.statusCode).toBe(400);
    expect(revise.body).toContain("Skriv, hvad der er ændret.");
    const ok = await post(`${groupPath}/revider`, {
      purpose: "Gruppen skal lave en fælles medicinliste og en plan for udbredelse.",
      periodFrom: "2025-03-06",
      periodTo: "2026-12-31",
      composition: "2 | Kommunerne | Sygeplejerske | fast",
      deliverables: "2025-09-30 Statusnotat\n2026-11-30 Plan for udbredelse",
      changeNote: "Perioden forlænges.",
      itemId: String(closedItemId),
      continued: "1",
      approved: "1",
    });
    expect(ok.statusCode, ok.body).toBe(303);
    expect((await post(`${groupPath}/status`, { change: "resumed", on: "2026-01-01" })).statusCode).toBe(409);
    expect(
      (await post(`${groupPath}/status`, { change: "closed", on: "2026-12-31", note: "Opgaven er løst." }))
        .statusCode,
    ).toBe(303);
    for (const cookie of readers()) {
      const page = await get(groupPath, cookie);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain("Plan for udbredelse");
      expect(page.body).toContain("Videreført");
      expect(page.body).toContain("lukket punkt 2");
      expect(page.body).not.toContain(SECRET);
      expect(page.body).not.toContain("Sekretariatet");
      const groups = await get(`/organer/${w.ssu.id}/grupper`, cookie);
      expect(groups.body).toContain("Nedlagt");
      expect(groups.body).not.toContain(SECRET);
    }
    expect((await get(groupPath, secretary)).body).toContain(`Fortrolig drøftelse ${SECRET}`);
  });

  it("drafts an agreement, runs a hearing with three responses, handles the matrix, approves it and finds it in the toolbox", async () => {
    for (const name of ["Esbjerg Kommune", "Varde Kommune"]) {
      await createParty(t().system, { type: "municipality", name, region: "Testkyst" });
    }
    const draft = await post("/aftaler/ny", {
      title: "Samarbejdsaftale om medicinlister",
      kind: "cooperation_agreement",
      theme: "Medicin",
      summary: "Fælles medicinliste på tværs af sektorer.",
      ownerBodyId: String(w.ssu.id),
      contactName: "Sara Sekretær",
      contactEmail: "ikke en mail",
      label: "Udkast",
      text: "Udkast til høring.",
    });
    expect(draft.statusCode).toBe(400);
    expect(draft.body).toContain("Ugyldig e-mailadresse.");
    const created = await post("/aftaler/ny", {
      title: "Samarbejdsaftale om medicinlister",
      kind: "cooperation_agreement",
      theme: "Medicin",
      summary: "Fælles medicinliste på tværs af sektorer.",
      ownerBodyId: String(w.ssu.id),
      contactName: "Sara Sekretær",
      contactEmail: "sara@test.dk",
      label: "Udkast",
      text: "**Baggrund**\n\nUdkast til høring.",
    });
    expect(created.statusCode, created.body).toBe(303);
    agreementPath = String(created.headers.location).replace(/\?gemt=1$/, "");
    for (const cookie of readers()) {
      expect((await get(agreementPath, cookie)).statusCode).toBe(404);
    }
    const bad = await post(`${agreementPath}/hoering`, {
      startsOn: "2025-05-01",
      endsOn: "2025-04-01",
      invitees: "Esbjerg Kommune",
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain("Høringsfristen ligger før høringens start.");
    const hearing = await post(`${agreementPath}/hoering`, {
      startsOn: "2025-04-01",
      endsOn: "2025-06-01",
      invitees: "Esbjerg Kommune\nVarde Kommune\nPLO-Testkyst",
      itemId: String(w.items.open.id),
    });
    expect(hearing.statusCode, hearing.body).toBe(303);
    const page = await get(agreementPath, secretary);
    const hearingId = (/name="hearingId" value="(\d+)"/.exec(page.body) ?? [])[1] as string;
    for (const [partyName, text] of [
      ["Esbjerg Kommune", `Aftalen bør nævne apotekerne.\n\nFristen er for kort. SVAR-${SECRET}`],
      ["Varde Kommune", "Vi støtter aftalen."],
      ["PLO-Testkyst", "Lægerne skal kunne se listen i journalen."],
    ] as const) {
      const res = await post(`${agreementPath}/svar`, {
        hearingId,
        partyName,
        receivedOn: "2025-05-15",
        text,
      });
      expect(res.statusCode, res.body).toBe(303);
    }
    for (const cookie of readers()) {
      const seen = await get(agreementPath, cookie);
      expect(seen.statusCode).toBe(200);
      expect(seen.body).toContain("3 høringssvar modtaget");
      expect(seen.body).not.toContain(SECRET);
    }
    const withMatrix = await get(agreementPath, secretary);
    const remarks = [
      ...withMatrix.body.matchAll(/action="[^"]*\/bemaerkning\/(\d+)"[\s\S]*?name="version" value="(\d+)"/g),
    ];
    expect(remarks).toHaveLength(4);
    for (const [i, m] of remarks.entries()) {
      const res = await post(`${agreementPath}/bemaerkning/${m[1]}`, {
        version: m[2] as string,
        handling: ["changed", "not_changed", "adjusted", "changed"][i] as string,
        answer: `Svar ${i + 1}`,
      });
      expect(res.statusCode, res.body).toBe(303);
    }
    const approve = await post(`${agreementPath}/godkend`, {
      bodyId: String(w.ssu.id),
      itemId: String(closedItemId),
      publishResponses: "1",
    });
    expect(approve.statusCode, approve.body).toBe(303);
    for (const cookie of readers()) {
      const seen = await get(agreementPath, cookie);
      expect(seen.body).toContain("Godkendt");
      expect(seen.body).toContain("Drøftet og justeret");
      expect(seen.body).toContain("lukket punkt 2");
      expect(seen.body).not.toContain(`Fortrolig drøftelse ${SECRET}`);
      // The text renders as text: no Markdown syntax and no word "Markdown" on the public page.
      expect(seen.body).toContain("<strong>Baggrund</strong>");
      expect(seen.body).not.toContain("**");
      expect(seen.body).not.toContain("Markdown");
      const toolbox = await get("/vaerktoejskasse?q=medicinliste", cookie);
      expect(toolbox.body).toContain("Samarbejdsaftale om medicinlister");
      expect(toolbox.body).toContain("1 gældende aftaler");
      const none = await get("/vaerktoejskasse?q=ingenting&tema=Medicin", cookie);
      expect(none.body).toContain("Ingen gældende aftaler matcher søgningen.");
    }
  });
});
