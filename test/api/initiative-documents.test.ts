import { beforeAll, expect, it } from "vitest";
import { testConfig } from "../../src/config.ts";
import { exportAll, restoreAll } from "../../src/modules/backup/index.ts";
import { linkProblem } from "../../src/modules/initiatives/documents.schemas.ts";
import { createInitiative } from "../../src/modules/initiatives/index.ts";
import { buildApp } from "../../src/server/app.ts";
import { type TestApp, useTestApp } from "../helpers/app.ts";
import { createTestDatabase, describeEachDatabase } from "../helpers/databases.ts";
import { seedWorld, type World } from "../helpers/factories.ts";
import { exportAfterRestore } from "../helpers/snapshot.ts";

/** A small upload limit, so that "too big" needs no 50 MB in memory. */
const LIMIT = 64 * 1024;
const PDF = Buffer.from("%PDF-1.7\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n");

it("refuses every address but http(s) and pages of Tværs", () => {
  for (const ok of ["https://www.sst.dk/da/udgivelser", "http://example.org/a?b=c", "/indsatser/kort"]) {
    expect(linkProblem(ok), ok).toBeNull();
  }
  for (const bad of [
    "javascript:alert(1)",
    "data:text/html,<b>x</b>",
    "file:///etc/passwd",
    "ftp://example.org/x",
    "//evil.example/x",
    "www.sst.dk",
    "https://bruger:kode@example.org/",
    "https://example.org/med mellemrum",
    "/\\evil.example",
    "",
  ]) {
    expect(linkProblem(bad), bad).not.toBeNull();
  }
});

/** Documents of an initiative through the API: links, files checked by content and size, removal, rights. */
describeEachDatabase("Initiative documents API", (kind) => {
  const app = useTestApp(kind, { maxUploadBytes: LIMIT });
  let t: TestApp;
  let w: World;
  let initiativeId: number;

  beforeAll(async () => {
    t = app();
    w = await seedWorld(t.system);
    initiativeId = (
      await createInitiative(t.system, {
        title: "Kom Trygt Hjem",
        agreement: "Sundhedsaftalen 2024–2027",
        focusArea: "Sammenhængende forløb",
        scope: "pilot",
        ownerBodyId: w.ssu.id,
        targetGroup: "Ældre medicinske patienter",
        theme: "Udskrivning",
      })
    ).id;
  });

  const base = () => `/api/v1/initiatives/${initiativeId}/documents`;
  const link = (payload: object, token?: string) =>
    t.request({ method: "POST", url: base(), payload, ...(token ? { token } : {}) });
  const upload = (fileName: string, bytes: Buffer, token?: string, type = "application/octet-stream") =>
    t.request({
      method: "POST",
      url: `${base()}/file?fileName=${encodeURIComponent(fileName)}`,
      payload: bytes,
      headers: { "content-type": type },
      ...(token ? { token } : {}),
    });
  const count = async () => (await t.request({ method: "GET", url: base() })).json().length as number;

  it("lets the owner body's secretary add a link, which anyone can read", async () => {
    const res = await link(
      { title: "Projektbeskrivelse", url: "https://www.example.org/kom-trygt-hjem.pdf" },
      w.users.secretary.token,
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      initiativeId,
      title: "Projektbeskrivelse",
      kind: "link",
      url: "https://www.example.org/kom-trygt-hjem.pdf",
      sha256: null,
      contentUrl: null,
    });
    const page = await link({ title: "Status på mødet", url: "/indsatser/status/1" }, w.users.admin.token);
    expect(page.statusCode, page.body).toBe(201);
    const list = await t.request({ method: "GET", url: base() });
    expect(list.statusCode).toBe(200);
    expect(list.json().map((d: { title: string }) => d.title)).toEqual([
      "Projektbeskrivelse",
      "Status på mødet",
    ]);
  });

  it("refuses a bad address with a Danish field error and writes nothing", async () => {
    const before = await count();
    for (const url of ["javascript:alert(1)", "ftp://example.org/x", "www.sst.dk", ""]) {
      const res = await link({ title: "Link", url }, w.users.secretary.token);
      expect(res.statusCode, url).toBe(400);
      expect(res.json().error.code).toBe("validation_failed");
      expect(res.json().error.fields[0].path).toBe("body.url");
    }
    const noTitle = await link({ title: " ", url: "https://example.org" }, w.users.secretary.token);
    expect(noTitle.json().error.fields[0]).toEqual({ path: "body.title", message: "Skal udfyldes." });
    const js = await link({ title: "Link", url: "javascript:alert(1)" }, w.users.secretary.token);
    expect(js.json().error.fields[0].message).toMatch(/https:\/\//);
    expect(await count()).toBe(before);
  });

  it("uploads a file checked by its content, and serves it as a download with its name", async () => {
    const res = await upload("Evalueringsplan æøå.pdf", PDF, w.users.secretary.token);
    expect(res.statusCode, res.body).toBe(201);
    const doc = res.json();
    expect(doc).toMatchObject({
      kind: "file",
      title: "Evalueringsplan æøå",
      fileName: "Evalueringsplan æøå.pdf",
      mimeType: "application/pdf",
      size: PDF.byteLength,
      url: null,
    });
    expect(doc.sha256).toMatch(/^[0-9a-f]{64}$/);
    const file = await t.request({ method: "GET", url: doc.contentUrl });
    expect(file.statusCode).toBe(200);
    expect(file.headers["content-type"]).toBe("application/pdf");
    expect(file.headers["content-disposition"]).toBe(
      `attachment; filename="Evalueringsplan ___.pdf"; filename*=UTF-8''${encodeURIComponent("Evalueringsplan æøå.pdf")}`,
    );
    expect(file.headers["x-content-type-options"]).toBe("nosniff");
    expect(file.rawPayload.equals(PDF)).toBe(true);
    // the declared type counts for nothing: the name and the bytes decide
    const titled = await t.request({
      method: "POST",
      url: `${base()}/file?fileName=noter.txt&title=${encodeURIComponent("Noter fra workshop")}`,
      payload: Buffer.from("Noter – æøå\n"),
      headers: { "content-type": "application/pdf" },
      token: w.users.admin.token,
    });
    expect(titled.statusCode, titled.body).toBe(201);
    expect(titled.json()).toMatchObject({
      title: "Noter fra workshop",
      mimeType: "text/plain; charset=utf-8",
    });
  });

  it("refuses a file whose content is not what its name says, a program, an empty file and a type not allowed", async () => {
    const before = await count();
    const cases: [string, Buffer, RegExp][] = [
      ["rapport.pdf", Buffer.from("MZ\x90\x00 a program"), /ikke en gyldig PDF-fil/],
      ["rapport.docx", PDF, /ikke en gyldig DOCX-fil/],
      ["program.exe", Buffer.from("MZ"), /Filtypen er ikke tilladt/],
      ["tom.pdf", Buffer.alloc(0), /Filen er tom/],
      ["uden-endelse", PDF, /Filtypen er ikke tilladt/],
    ];
    for (const [name, bytes, message] of cases) {
      const res = await upload(name, bytes, w.users.secretary.token);
      expect(res.statusCode, name).toBe(400);
      expect(res.json().error.fields[0].path, name).toBe("file");
      expect(res.json().error.message, name).toMatch(message);
    }
    expect(await count()).toBe(before);
  });

  it("refuses a file above the upload limit with 413 and writes nothing", async () => {
    const before = await count();
    const big = Buffer.concat([PDF, Buffer.alloc(LIMIT)]);
    const res = await upload("stor.pdf", big, w.users.secretary.token);
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe("payload_too_large");
    expect(await count()).toBe(before);
  });

  it("lets only the owner body's secretariat and admins add or remove documents (401 public, 403 others)", async () => {
    const before = await count();
    const who = [
      [undefined, 401],
      [w.users.member.token, 403],
      [w.users.chair.token, 403],
      [w.users.outsider.token, 403],
    ] as const;
    const [first] = (await t.request({ method: "GET", url: base() })).json();
    for (const [token, status] of who) {
      expect((await link({ title: "X", url: "https://example.org" }, token)).statusCode).toBe(status);
      expect((await upload("x.pdf", PDF, token)).statusCode).toBe(status);
      const del = await t.request({
        method: "DELETE",
        url: `${base()}/${first.id}`,
        ...(token ? { token } : {}),
      });
      expect(del.statusCode).toBe(status);
    }
    expect(await count()).toBe(before);
    // an unknown initiative is 404 for everyone, before any rights are asked
    const unknown = await t.request({
      method: "POST",
      url: "/api/v1/initiatives/999999/documents",
      payload: { title: "X", url: "https://example.org" },
    });
    expect(unknown.statusCode).toBe(404);
  });

  it("removes a document with the version read (a stale version is a 409), and 404 for a link's content", async () => {
    const docs = (await t.request({ method: "GET", url: base() })).json();
    const linkDoc = docs.find((d: { kind: string }) => d.kind === "link");
    const content = await t.request({ method: "GET", url: `${base()}/${linkDoc.id}/content` });
    expect(content.statusCode).toBe(404);
    const stale = await t.request({
      method: "DELETE",
      url: `${base()}/${linkDoc.id}?version=${linkDoc.version + 1}`,
      token: w.users.secretary.token,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe("version_conflict");
    const elsewhere = await t.request({
      method: "DELETE",
      url: `/api/v1/initiatives/${initiativeId + 1000}/documents/${linkDoc.id}`,
      token: w.users.admin.token,
    });
    expect(elsewhere.statusCode).toBe(404);
    const del = await t.request({
      method: "DELETE",
      url: `${base()}/${linkDoc.id}?version=${linkDoc.version}`,
      token: w.users.secretary.token,
    });
    expect(del.statusCode).toBe(204);
    expect(await count()).toBe(docs.length - 1);
    const again = await t.request({
      method: "DELETE",
      url: `${base()}/${linkDoc.id}`,
      token: w.users.secretary.token,
    });
    expect(again.statusCode).toBe(404);
  });

  it("keeps documents, files included, through export and restore", async () => {
    const exported = await exportAll(t.database.db, new Date(0));
    const rows = exported.tables.initiativeDocuments ?? [];
    expect(rows.some((r) => r.sha256 !== null && r.url === null)).toBe(true);
    expect(rows.some((r) => r.url !== null && r.sha256 === null)).toBe(true);
    const target = await createTestDatabase(kind);
    try {
      await restoreAll(target.database.db, JSON.parse(JSON.stringify(exported)));
      expect(await exportAfterRestore(target.database.db)).toEqual(exported);
      const restored = await buildApp({ config: testConfig(), database: target.database });
      const list = (await restored.inject({ method: "GET", url: base() })).json();
      const file = list.find(
        (d: { kind: string; mimeType: string }) => d.kind === "file" && d.mimeType === "application/pdf",
      );
      const bytes = await restored.inject({ method: "GET", url: file.contentUrl });
      expect(bytes.rawPayload.equals(PDF)).toBe(true);
      await restored.close();
    } finally {
      await target.drop();
    }
  });
});
