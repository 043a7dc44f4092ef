import { execFileSync } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { verifyAuditChain } from "../../src/modules/audit/index.ts";
import { exportAll } from "../../src/modules/backup/index.ts";
import { useTestApp } from "../helpers/app.ts";
import { csrfFor, pageLogin } from "../helpers/csrf.ts";
import { describeEachDatabase } from "../helpers/databases.ts";
import { seedWorld, type World } from "../helpers/factories.ts";

/** Rows of db.execute(): node-postgres and PGlite answer in different shapes. */
const rowsOf = <T>(result: unknown): T[] =>
  (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as T[];

/** CPR-like canaries: one removed through the pages, one through the API. */
const CANARY = "010203-1234";
const SECOND = "020304-5678";

/**
 * Issue 18.6: personal data published by mistake in an open item, its correction history and its
 * published minutes editions is removed by an admin; afterwards it is nowhere — pages, API, the PDF and
 * Word editions, search, the export, mails and the audit log — while the audit chain still verifies.
 */
describeEachDatabase("Removal of personal data", (kind) => {
  const t = useTestApp(kind);
  let w: World;
  let dir: string;
  let cookie: string;
  const get = (url: string, token?: string, headers: Record<string, string> = {}) =>
    t().request({ method: "GET", url, token, headers });
  const post = (url: string, payload: object, token?: string) =>
    t().request({ method: "POST", url, token, payload });
  const form = (url: string, values: Record<string, string>) =>
    t().request({
      method: "POST",
      url,
      headers: { cookie, accept: "text/html", "content-type": "application/x-www-form-urlencoded" },
      payload: new URLSearchParams({ _csrf: csrfFor(cookie), ...values }).toString(),
    });
  /** A page as a browser gets it (following the meeting page's redirect to its slug), logged in or not. */
  async function page(url: string, logged = true) {
    const headers: Record<string, string> = logged
      ? { cookie, accept: "text/html" }
      : { accept: "text/html" };
    const res = await get(url, undefined, headers);
    return res.statusCode === 301 ? get(String(res.headers.location), undefined, headers) : res;
  }
  const itemUrl = () => `/arbejdsrum/moeder/${w.meeting.id}/punkter/${w.items.open.id}`;

  /** The text of every frozen edition of the meeting: pdftotext for PDF, the XML for Word. */
  async function editionTexts(): Promise<{ id: number; etag: string; text: string }[]> {
    const docs = (await get(`/api/v1/meetings/${w.meeting.id}/documents`, w.users.admin.token)).json() as {
      id: number;
      format: string;
      url: string;
    }[];
    const out = [];
    for (const d of docs) {
      const res = await get(d.url, w.users.admin.token);
      expect(res.statusCode).toBe(200);
      const file = path.join(dir, `${d.id}.${d.format}`);
      await writeFile(file, res.rawPayload);
      const text =
        d.format === "pdf"
          ? execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"]).toString("utf8")
          : execFileSync("unzip", ["-p", file, "word/document.xml"]).toString("utf8");
      // Without white space, so that a line break inside a number cannot hide it.
      out.push({ id: d.id, etag: String(res.headers.etag), text: text.replace(/\s+/g, "") });
    }
    return out;
  }

  async function auditText(): Promise<string> {
    const rows = await t().database.db.execute(
      sql`select before::text as b, after::text as a from audit_log`,
    );
    return rowsOf<{ b: string; a: string }>(rows)
      .map((r) => `${r.b}\n${r.a}`)
      .join("\n");
  }

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "tvaers-removal-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("arranges published minutes whose open item, corrections and editions carry the canaries", async () => {
    w = await seedWorld(t().system);
    const s = w.users.secretary.token;
    const item = (await get(`/api/v1/items/${w.items.open.id}`, s)).json();
    const first = await post(
      `/api/v1/items/${w.items.open.id}/corrections`,
      {
        version: item.version,
        reason: "Borgerens henvendelse tilføjet",
        changes: {
          sections: { summary: `Dagsordenen forelægges. Borgeren med CPR ${CANARY} har klaget.` },
          decisionText: `Godkendt. Svar sendes til ${CANARY}.`,
          recommendations: [`Administrationen indstiller, at klagen fra ${SECOND} besvares.`],
        },
      },
      s,
    );
    expect(first.statusCode).toBe(200);
    const second = await post(
      `/api/v1/items/${w.items.open.id}/corrections`,
      {
        version: first.json().version,
        reason: `CPR ${CANARY} fjernet fra beslutningen`,
        changes: { decisionText: "Godkendt." },
      },
      s,
    );
    expect(second.statusCode).toBe(200);
    // The canary is everywhere the audit found it: API, corrections, page, editions, audit log.
    expect((await get(`/api/v1/items/${w.items.open.id}`)).body).toContain(CANARY);
    expect((await get(`/api/v1/items/${w.items.open.id}/corrections`)).body).toContain(CANARY);
    cookie = "";
    expect((await page(`/moeder/${w.meeting.id}`, false)).body).toContain(CANARY);
    const texts = await editionTexts();
    expect(texts.filter((e) => e.text.includes(CANARY)).length).toBeGreaterThanOrEqual(4);
    expect(await auditText()).toContain(CANARY);
  });

  it("refuses everyone but an admin, and changes nothing", async () => {
    const body = { passage: CANARY, reason: "CPR-nummer offentliggjort ved en fejl" };
    const url = `/api/v1/items/${w.items.open.id}/personal-data-removals`;
    expect((await post(url, body)).statusCode).toBe(401);
    for (const who of ["member", "chair", "secretary", "outsider"] as const) {
      // outsider: the secretary of another body
      expect((await post(url, body, w.users[who].token)).statusCode, who).toBe(403);
    }
    const member = await pageLogin((o) => t().app.inject(o), "medlem@test.dk", "korrekt-hest-batteri");
    const refused = await t().request({
      method: "POST",
      url: `${itemUrl()}/personoplysninger/bekraeft`,
      headers: { cookie: member, accept: "text/html", "content-type": "application/x-www-form-urlencoded" },
      payload: new URLSearchParams({ _csrf: csrfFor(member), ...body }).toString(),
    });
    expect(refused.statusCode).toBe(403);
    expect((await get(`/api/v1/items/${w.items.open.id}`)).body).toContain(CANARY);
    expect(
      (await post(url, { passage: "findes ikke i punktet", reason: "Prøve" }, w.users.admin.token))
        .statusCode,
    ).toBe(409);
  });

  it("an admin removes a passage through the pages: form, confirmation, done", async () => {
    cookie = await pageLogin((o) => t().app.inject(o), "admin@test.dk", "korrekt-hest-batteri");
    const itemPage = await page(itemUrl());
    expect(itemPage.statusCode).toBe(200);
    expect(itemPage.body).toContain(`${itemUrl()}/personoplysninger`);
    const blank = await page(`${itemUrl()}/personoplysninger`);
    expect(blank.statusCode).toBe(200);
    expect(blank.body).toContain("Fjern personoplysninger");
    const missing = await form(`${itemUrl()}/personoplysninger`, { passage: "", reason: "" });
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('aria-invalid="true"');
    const values = { passage: CANARY, reason: "CPR-nummer offentliggjort ved en fejl" };
    const confirm = await form(`${itemUrl()}/personoplysninger`, values);
    expect(confirm.statusCode).toBe(200);
    expect(confirm.body).toContain("Bekræft fjernelsen");
    expect(confirm.body).toContain(`${itemUrl()}/personoplysninger/bekraeft`);
    const done = await form(`${itemUrl()}/personoplysninger/bekraeft`, values);
    expect(done.statusCode).toBe(303);
    const after = await page(String(done.headers.location));
    expect(after.statusCode).toBe(200);
    expect(after.body).toContain("Oplysningerne er fjernet.");
    expect(after.body).toContain("[Oplysninger fjernet ");
    expect(after.body).not.toContain(CANARY);
  });

  it("an admin removes a passage through the API", async () => {
    const before = await editionTexts();
    const res = await post(
      `/api/v1/items/${w.items.open.id}/personal-data-removals`,
      { passage: SECOND, reason: "CPR-nummer i indstillingen" },
      w.users.admin.token,
    );
    expect(res.statusCode).toBe(201);
    expect(res.json().marker).toMatch(
      /^\[Oplysninger fjernet \d+\.\d+\.\d{4} – CPR-nummer i indstillingen]$/,
    );
    expect(res.json().places.itemFields).toBe(1);
    const after = await editionTexts();
    // The same documents at the same addresses; those that held the passage have new bytes (a new ETag).
    expect(after.map((d) => d.id)).toEqual(before.map((d) => d.id));
    const changed = after.filter((d, i) => d.etag !== before[i]?.etag);
    expect(changed.length).toBe(before.filter((d) => d.text.includes(SECOND)).length);
    expect(changed.length).toBeGreaterThan(0);
  });

  it("leaves no trace of either canary: pages, API, editions, search, export, mail and audit log", async () => {
    const id = w.items.open.id;
    for (const token of [undefined, w.users.admin.token]) {
      const item = await get(`/api/v1/items/${id}`, token);
      expect(item.body).toContain("[Oplysninger fjernet ");
      const corrections = await get(`/api/v1/items/${id}/corrections`, token);
      expect(corrections.statusCode).toBe(200);
      expect(corrections.body).toContain("[Oplysninger fjernet ");
      for (const body of [item.body, corrections.body]) {
        expect(body).not.toContain(CANARY);
        expect(body).not.toContain(SECOND);
      }
    }
    const pages = [
      await page(`/moeder/${w.meeting.id}`, false),
      await page(`/moeder/${w.meeting.id}`),
      await page(`/arbejdsrum/moeder/${w.meeting.id}/referat`),
      await page(itemUrl()),
      await page(`/moeder/${w.meeting.id}/referat.pdf`, false),
    ];
    for (const p of pages) {
      expect(p.statusCode).toBe(200);
      expect(p.body).not.toContain(CANARY);
      expect(p.body).not.toContain(SECOND);
    }
    const texts = await editionTexts();
    expect(texts.length).toBeGreaterThanOrEqual(8);
    for (const e of texts) {
      expect(e.text).not.toContain(CANARY);
      expect(e.text).not.toContain(SECOND);
    }
    expect(texts.some((e) => e.text.includes("[Oplysningerfjernet"))).toBe(true);
    for (const q of ["010203", CANARY, "020304-5678"]) {
      const found = await get(`/api/v1/search?q=${encodeURIComponent(q)}`, w.users.admin.token);
      expect(found.statusCode).toBe(200);
      expect(found.body).not.toContain(CANARY);
      expect(found.body).not.toContain(SECOND);
    }
    const exported = JSON.stringify(await exportAll(t().database.db));
    expect(exported).toContain("Oplysninger fjernet");
    expect(exported).not.toContain(CANARY);
    expect(exported).not.toContain(SECOND);
    const mail = await t().database.db.execute(
      sql`select coalesce(string_agg(payload::text, ' '), '') as t from notification_events`,
    );
    expect(JSON.stringify(mail)).not.toContain(CANARY);
    const audit = await auditText();
    expect(audit).not.toContain(CANARY);
    expect(audit).not.toContain(SECOND);
    expect(audit).toContain("CPR-nummer offentliggjort ved en fejl");
  });

  it("keeps an intact audit chain that records who removed what and why, without the text", async () => {
    const result = await verifyAuditChain(t().database.db, 50);
    expect(result.broken).toEqual([]);
    expect(result.scrubbed).toBeGreaterThan(0);
    const notes = await t().database.db.execute(
      sql`select actor, after from audit_log where action = 'personal_data_removed' order by id`,
    );
    const rows = rowsOf<{ actor: string; after: { reason: string; scrubbedEntries: number[] } }>(notes);
    expect(rows.length).toBe(2);
    expect(rows[0]?.actor).toMatch(/^user:\d+ admin$/);
    expect(rows[0]?.after.reason).toBe("CPR-nummer offentliggjort ved en fejl");
    expect(rows[0]?.after.scrubbedEntries.length).toBeGreaterThan(0);
    // A scrubbed entry that no removal note names is a break, like any other change to the log.
    await t().database.db.execute(sql`alter table audit_log disable trigger audit_log_no_update`);
    const [target] = rowsOf<{ id: number }>(
      await t().database.db.execute(
        sql`select id from audit_log where table_name = 'meetings' and scrubbed_at is null order by id limit 1`,
      ),
    );
    await t().database.db.execute(
      sql`update audit_log set scrubbed_at = now(), after = null where id = ${target?.id}`,
    );
    await t().database.db.execute(sql`alter table audit_log enable trigger audit_log_no_update`);
    expect((await verifyAuditChain(t().database.db)).broken).toEqual([Number(target?.id)]);
  });
});
