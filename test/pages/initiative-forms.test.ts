import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { bodies } from "../../src/modules/bodies/index.ts";
import {
  createInitiative,
  initiativeDocuments,
  listAllInitiatives,
} from "../../src/modules/initiatives/index.ts";
import { useTestApp } from "../helpers/app.ts";
import { csrfFor } from "../helpers/csrf.ts";
import { describeEachDatabase } from "../helpers/databases.ts";
import { seedWorld, type World } from "../helpers/factories.ts";
import { snapshot } from "../helpers/snapshot.ts";

const PDF = Buffer.from("%PDF-1.7\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n");
const CSRF = "csrf-token-of-the-initiative-forms-test-01";
const form = { "content-type": "application/x-www-form-urlencoded", accept: "text/html" };

/** A multipart form body with one file and fields, as a browser sends it. */
function multipart(fields: Record<string, string>, file: { name: string; bytes: Buffer }) {
  const boundary = `tvaers-${randomBytes(8).toString("hex")}`;
  const parts = Object.entries(fields).map(
    ([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`,
  );
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`;
  return {
    payload: Buffer.concat([
      Buffer.from(parts.join("") + head),
      file.bytes,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
    type: `multipart/form-data; boundary=${boundary}`,
  };
}

/**
 * The secretariat's initiative forms without JavaScript: /indsatser/ny, /indsatser/<id>/rediger (with
 * the version: a stale one is a 409 that marks what differs) and the document forms (link, file,
 * removal) — CSRF refused, Danish field errors, outsiders refused, nothing written on any failure.
 */
describeEachDatabase("Initiative forms (pages)", (kind) => {
  const t = useTestApp(kind);
  let w: World;
  const cookies: Record<string, string> = {};

  async function logIn(email: string) {
    const res = await t().request({
      method: "POST",
      url: "/log-ind",
      headers: { ...form, cookie: `tvaers_csrf=${CSRF}` },
      payload: new URLSearchParams({
        email,
        password: "korrekt-hest-batteri",
        _csrf: CSRF,
        next: "/",
      }).toString(),
    });
    const session = String(res.headers["set-cookie"]).match(/tvaers_session=([^;]+)/)?.[1];
    expect(session, email).toBeTruthy();
    return `tvaers_csrf=${CSRF}; tvaers_session=${session}`;
  }
  const get = (url: string, who?: string) =>
    t().request({
      method: "GET",
      url,
      headers: { accept: "text/html", ...(who ? { cookie: cookies[who] } : {}) },
    });
  const post = (url: string, who: string, values: Record<string, string>, csrf = true) =>
    t().request({
      method: "POST",
      url,
      headers: { ...form, cookie: cookies[who] },
      payload: new URLSearchParams({
        ...(csrf ? { _csrf: csrfFor(cookies[who] ?? "") } : {}),
        ...values,
      }).toString(),
    });
  const unchanged = async (run: () => Promise<unknown>) => {
    const before = await snapshot(t().database);
    await run();
    expect(await snapshot(t().database)).toBe(before);
  };
  const valid = () => ({
    title: "Kom trygt hjem",
    description: "Opfølgende hjemmebesøg efter udskrivning.",
    agreement: "Sundhedsaftalen 2024–2027",
    focusArea: "Sammenhængende forløb",
    scope: "pilot",
    ownerBodyId: String(w.ssu.id),
    region: "Testkyst",
    "klynge-0": "Sundhedsklynge Syd",
    [`part-${w.region.id}`]: "1",
    targetGroup: "Ældre medicinske patienter",
    theme: "Udskrivning",
    periodFrom: "2025-01-01",
    periodTo: "2026-12-31",
    evaluationPlan: "Halvårlig status til SSU.",
  });

  it("arranges the world and logs in the secretary, a member and an admin", async () => {
    w = await seedWorld(t().system);
    await t()
      .system.db.update(bodies)
      .set({ cluster: "Sundhedsklynge Syd" })
      .where(eq(bodies.id, w.other.id));
    cookies.secretary = await logIn("sekretaer@test.dk");
    cookies.member = await logIn("medlem@test.dk");
    cookies.other = await logIn("udenfor@test.dk");
    cookies.admin = await logIn("admin@test.dk");
  });

  it("links to the new form only for a secretariat, and refuses the form to others", async () => {
    expect((await get("/indsatser", "secretary")).body).toContain('href="/indsatser/ny"');
    expect((await get("/indsatser")).body).not.toContain('href="/indsatser/ny"');
    expect((await get("/indsatser", "member")).body).not.toContain('href="/indsatser/ny"');
    const page = await get("/indsatser/ny", "secretary");
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("Indsatser er offentlige");
    expect(page.body).toContain("Sundhedsklynge Syd");
    expect((await get("/indsatser/ny", "member")).statusCode).toBe(403);
    expect([401, 303]).toContain((await get("/indsatser/ny")).statusCode);
  });

  it("creates an initiative; bad input gives Danish errors at the fields and writes nothing; CSRF and outsiders are refused", async () => {
    await unchanged(async () => {
      expect((await post("/indsatser/ny", "secretary", valid(), false)).statusCode).toBe(403);
      const empty = await post("/indsatser/ny", "secretary", { ...valid(), title: "", theme: " " });
      expect(empty.statusCode).toBe(400);
      expect(empty.body).toContain("Skal udfyldes.");
      expect(empty.body).toMatch(
        /id="init-title"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*id="init-title"/,
      );
      expect(empty.body).toContain('href="#init-theme"');
      // the user's values come back
      expect(empty.body).toContain("Opfølgende hjemmebesøg efter udskrivning.");
      const period = await post("/indsatser/ny", "secretary", { ...valid(), periodTo: "2024-01-01" });
      expect(period.statusCode).toBe(400);
      expect(period.body).toContain("Perioden slutter før, den begynder.");
      const date = await post("/indsatser/ny", "secretary", { ...valid(), periodFrom: "2025-02-30" });
      expect(date.statusCode).toBe(400);
      expect(date.body).toContain("Skriv datoen som dag-måned-år");
      const pilot = await post("/indsatser/ny", "secretary", {
        ...valid(),
        "klynge-1": "Sundhedsklynge Nord",
      });
      expect(pilot.statusCode).toBe(400);
      expect(pilot.body).toContain("En prøvehandling foregår i én klynge.");
      // a body the secretary does not keep: refused, shown again
      const other = await post("/indsatser/ny", "secretary", { ...valid(), ownerBodyId: String(w.other.id) });
      expect(other.statusCode).toBe(403);
      expect((await post("/indsatser/ny", "member", valid())).statusCode).toBe(403);
    });
    const res = await post("/indsatser/ny", "secretary", valid());
    expect(res.statusCode, res.body.slice(0, 400)).toBe(303);
    expect(String(res.headers.location)).toMatch(/^\/indsatser\/\d+-kom-trygt-hjem\?gemt=oprettet$/);
    const [made] = await listAllInitiatives(t().system, { q: "Kom trygt hjem" });
    expect(made).toMatchObject({
      scope: "pilot",
      ownerBodyId: w.ssu.id,
      clusters: ["Sundhedsklynge Syd"],
      partyIds: [w.region.id],
      periodTo: "2026-12-31",
      phase: "idea",
    });
    const page = await get(String(res.headers.location), "secretary");
    expect(page.body).toContain("Indsatsen er oprettet");
    expect(page.body).toContain("/rediger");
    expect((await get(String(res.headers.location))).body).not.toContain("/rediger");
  });

  it("keeps a long description whole (no cut at the form) and refuses one over the limit in Danish", async () => {
    const long = "Beskrivelse af forløbet. ".repeat(600).trim();
    expect(long.length).toBeGreaterThan(14_000);
    const res = await post("/indsatser/ny", "secretary", {
      ...valid(),
      title: "Lang beskrivelse",
      description: long,
    });
    expect(res.statusCode, res.body.slice(0, 400)).toBe(303);
    const [made] = await listAllInitiatives(t().system, { q: "Lang beskrivelse" });
    expect(made?.description).toBe(long);
    await unchanged(async () => {
      const tooLong = await post("/indsatser/ny", "secretary", {
        ...valid(),
        title: "For lang beskrivelse",
        description: "x".repeat(20_001),
      });
      expect(tooLong.statusCode).toBe(400);
      expect(tooLong.body).toContain('href="#init-description"');
    });
  });

  it("edits an initiative with its version: a stale version is a 409 with the differing fields, never an overwrite", async () => {
    const [i] = await listAllInitiatives(t().system, { q: "Kom trygt hjem" });
    const id = i?.id as number;
    const url = `/indsatser/${id}-kom-trygt-hjem/rediger`;
    const form1 = await get(url, "secretary");
    expect(form1.statusCode).toBe(200);
    expect(form1.body).toContain(`name="version" value="${i?.version}"`);
    expect(form1.body).toContain("Halvårlig status til SSU.");
    expect((await get(url, "member")).statusCode).toBe(403);
    expect((await get(url, "other")).statusCode).toBe(403);
    const mine = { ...valid(), version: String(i?.version), theme: "Udskrivning og opfølgning" };
    // someone else saves first (the API, as the admin)
    const theirs = await t().request({
      method: "PATCH",
      url: `/api/v1/initiatives/${id}`,
      payload: { version: i?.version, title: "Kom trygt hjem – 2. fase" },
      token: w.users.admin.token,
    });
    expect(theirs.statusCode).toBe(200);
    await unchanged(async () => {
      const stale = await post(url, "secretary", mine);
      expect(stale.statusCode).toBe(409);
      expect(stale.body).toContain("En anden har gemt en ændring");
      expect(stale.body).toContain("I den gemte udgave: Kom trygt hjem – 2. fase");
      expect(stale.body).toContain("Udskrivning og opfølgning");
      expect(stale.body).toContain(`name="version" value="${theirs.json().version}"`);
      expect(
        (await post(url, "member", { ...mine, version: String(theirs.json().version) })).statusCode,
      ).toBe(403);
      expect(
        (await post(url, "secretary", { ...mine, version: String(theirs.json().version), title: "" }))
          .statusCode,
      ).toBe(400);
    });
    const saved = await post(url, "secretary", { ...mine, version: String(theirs.json().version) });
    expect(saved.statusCode).toBe(303);
    expect(String(saved.headers.location)).toContain("?gemt=rettet");
    const [after] = await listAllInitiatives(t().system, { q: "Kom trygt hjem" });
    expect(after).toMatchObject({ title: "Kom trygt hjem", theme: "Udskrivning og opfølgning" });
  });

  it("adds a link and a file, refuses bad ones with Danish errors, serves the file, and removes with the version", async () => {
    const [i] = await listAllInitiatives(t().system, { q: "Kom trygt hjem" });
    const path = `/indsatser/${i?.id}-kom-trygt-hjem`;
    const page = await get(path, "secretary");
    expect(page.body).toContain("Dokumenter på en indsats er offentlige.");
    expect((await get(path)).body).not.toContain("Dokumenter på en indsats er offentlige.");
    await unchanged(async () => {
      const bad = await post(`${path}/dokumenter/link`, "secretary", {
        title: "Beskrivelse",
        url: "javascript:alert(1)",
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.body).toContain("Kun adresser, der begynder med https:// eller http://, kan bruges.");
      expect(bad.body).toContain('href="#doclink-url"');
      expect(
        (await post(`${path}/dokumenter/link`, "secretary", { title: "X", url: "https://x.dk" }, false))
          .statusCode,
      ).toBe(403);
      expect(
        (await post(`${path}/dokumenter/link`, "member", { title: "X", url: "https://x.dk" })).statusCode,
      ).toBe(403);
      const wrong = multipart(
        { _csrf: csrfFor(cookies.secretary ?? ""), title: "" },
        { name: "rapport.pdf", bytes: Buffer.from("MZ program") },
      );
      const refused = await t().request({
        method: "POST",
        url: `${path}/dokumenter/fil`,
        headers: { cookie: cookies.secretary as string, "content-type": wrong.type, accept: "text/html" },
        payload: wrong.payload,
      });
      expect(refused.statusCode).toBe(400);
      expect(refused.body).toContain("ikke en gyldig PDF-fil");
      const noCsrf = multipart({ title: "" }, { name: "rapport.pdf", bytes: PDF });
      const forged = await t().request({
        method: "POST",
        url: `${path}/dokumenter/fil`,
        headers: { cookie: cookies.secretary as string, "content-type": noCsrf.type, accept: "text/html" },
        payload: noCsrf.payload,
      });
      expect(forged.statusCode).toBe(403);
    });
    const added = await post(`${path}/dokumenter/link`, "secretary", {
      title: "Kort over indsatserne",
      url: "/indsatser/kort",
    });
    expect(added.statusCode).toBe(303);
    const good = multipart(
      { _csrf: csrfFor(cookies.secretary ?? ""), title: "Evalueringsplan" },
      { name: "evaluering.pdf", bytes: PDF },
    );
    const uploaded = await t().request({
      method: "POST",
      url: `${path}/dokumenter/fil`,
      headers: { cookie: cookies.secretary as string, "content-type": good.type, accept: "text/html" },
      payload: good.payload,
    });
    expect(uploaded.statusCode, uploaded.body.slice(0, 300)).toBe(303);
    const shown = (await get(path)).body;
    expect(shown).toContain('href="/indsatser/kort"');
    const fileHref = /href="(\/indsatser\/[^"]+\/dokumenter\/\d+)"/.exec(shown)?.[1] as string;
    const file = await get(fileHref);
    expect(file.statusCode).toBe(200);
    expect(file.headers["content-disposition"]).toContain('attachment; filename="evaluering.pdf"');
    expect(file.rawPayload.equals(PDF)).toBe(true);
    const docs = (await t().request({ method: "GET", url: `/api/v1/initiatives/${i?.id}/documents` })).json();
    const link = docs.find((d: { kind: string }) => d.kind === "link");
    await unchanged(async () => {
      const stale = await post(`${path}/dokumenter/${link.id}/slet`, "secretary", {
        version: String(link.version + 1),
      });
      expect(stale.statusCode).toBe(409);
      expect(stale.body).toContain("Data er ændret af en anden");
      expect(
        (await post(`${path}/dokumenter/${link.id}/slet`, "member", { version: String(link.version) }))
          .statusCode,
      ).toBe(403);
    });
    const removed = await post(`${path}/dokumenter/${link.id}/slet`, "secretary", {
      version: String(link.version),
    });
    expect(removed.statusCode).toBe(303);
    expect((await get(String(removed.headers.location), "secretary")).body).toContain(
      "Dokumentet er fjernet.",
    );
    expect((await get(path)).body).not.toContain('href="/indsatser/kort"');
    // an address that never passed the form (written straight to the table) is shown, not linked
    await t()
      .system.db.insert(initiativeDocuments)
      .values({ initiativeId: i?.id as number, title: "Gammelt link", url: "javascript:alert(1)" });
    // (as a logged-in reader: the public's pages are kept until a write through the app)
    const old = (await get(path, "member")).body;
    expect(old).toContain("Gammelt link");
    expect(old).not.toContain("javascript:");
  });

  it("refuses to edit an initiative owned by a body the secretary does not keep", async () => {
    const foreign = await createInitiative(t().system, {
      title: "Andet forums indsats",
      agreement: "Sundhedsaftalen 2024–2027",
      focusArea: "Forebyggelse",
      scope: "joint",
      ownerBodyId: w.other.id,
      targetGroup: "Børn",
      theme: "Trivsel",
    });
    const url = `/indsatser/${foreign.id}-andet-forums-indsats`;
    expect((await get(`${url}/rediger`, "secretary")).statusCode).toBe(403);
    expect((await get(url, "secretary")).body).not.toContain("/rediger");
    expect((await get(`${url}/rediger`, "other")).statusCode).toBe(200);
    await unchanged(async () => {
      const res = await post(`${url}/rediger`, "secretary", {
        ...valid(),
        ownerBodyId: String(w.other.id),
        version: String(foreign.version),
      });
      expect(res.statusCode).toBe(403);
    });
  });
});
