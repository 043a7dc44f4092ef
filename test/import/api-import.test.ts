import { randomBytes } from "node:crypto";
import { expect, it } from "vitest";
import { encryptedPdf, makeZip, pdfWithoutText } from "../fixtures/bad-documents.ts";
import { seedToPdf } from "../fixtures/seed-documents.ts";
import { useTestApp } from "../helpers/app.ts";
import { describeEachDatabase } from "../helpers/databases.ts";
import { seedWorld, type World } from "../helpers/factories.ts";
import { encode, fullSnapshot, seeds } from "./helpers.ts";

/** A multipart/form-data body with one file in the field "file". */
function multipart(fileName: string, bytes: Uint8Array) {
  const boundary = `tvaers-${randomBytes(8).toString("hex")}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), Buffer.from(bytes), Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
  };
}

const seed = (i: number) => {
  const s = seeds[i];
  if (!s) {
    throw new Error(`seed ${i} missing`);
  }
  return s;
};

describeEachDatabase("Import through the API (review before writing)", (kind) => {
  const t = useTestApp(kind);
  let w: World;
  const upload = (fileName: string, bytes: Uint8Array, token?: string, query = "") =>
    t().request({ method: "POST", url: `/api/v1/imports${query}`, ...multipart(fileName, bytes), token });

  it("arranges a world", async () => {
    w = await seedWorld(t().system);
  });

  it("lets only secretaries and admins upload", async () => {
    const before = await fullSnapshot(t().database);
    expect((await upload("000.txt", encode(seed(0).text))).statusCode).toBe(401);
    expect((await upload("000.txt", encode(seed(0).text), w.users.member.token)).statusCode).toBe(403);
    const other = await upload(
      "000.txt",
      encode(seed(0).text),
      w.users.outsider.token,
      `?bodyId=${w.ssu.id}`,
    );
    expect(other.statusCode).toBe(403);
    expect(await fullSnapshot(t().database)).toBe(before);
  });

  it("parses an upload for review, then writes the edited result when confirmed", async () => {
    const res = await upload("000.txt", encode(seed(0).text), w.users.secretary.token, `?bodyId=${w.ssu.id}`);
    expect(res.statusCode).toBe(201);
    const pending = res.json();
    expect(pending.result.items).toHaveLength(7);
    expect(pending.confidence.items).toHaveLength(7);
    expect(pending.body).toEqual({ id: w.ssu.id, name: w.ssu.name });
    expect(pending.meetingId).toBeNull();
    expect(pending.duplicateOf).toBeNull();
    const url = `/api/v1/imports/${pending.id}`;
    expect((await t().request({ method: "GET", url, token: w.users.secretary.token })).statusCode).toBe(200);
    expect((await t().request({ method: "GET", url, token: w.users.admin.token })).statusCode).toBe(200);
    expect((await t().request({ method: "GET", url, token: w.users.outsider.token })).statusCode).toBe(404);
    expect((await t().request({ method: "GET", url })).statusCode).toBe(404);

    const edited = structuredClone(pending.result);
    edited.items[0].title = "Godkendelse af dagsorden (redigeret ved gennemsyn)";
    const refused = await t().request({
      method: "POST",
      url: `${url}/confirm`,
      token: w.users.outsider.token,
      payload: { result: edited },
    });
    expect(refused.statusCode).toBe(404);
    const invalid = await t().request({
      method: "POST",
      url: `${url}/confirm`,
      token: w.users.secretary.token,
      payload: { result: { ...edited, items: "ingen" } },
    });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().error.code).toBe("validation_failed");

    const confirmed = await t().request({
      method: "POST",
      url: `${url}/confirm`,
      token: w.users.secretary.token,
      payload: { result: edited },
    });
    expect(confirmed.statusCode).toBe(200);
    const outcome = confirmed.json();
    expect(outcome.status).toBe("imported");
    expect(outcome.bodyId).toBe(w.ssu.id);
    expect(outcome.counts.created).toBe(7);
    const items = await t().request({ method: "GET", url: `/api/v1/meetings/${outcome.meetingId}/items` });
    expect(items.json().items[0].title).toBe("Godkendelse af dagsorden (redigeret ved gennemsyn)");
    const meeting = await t().request({ method: "GET", url: `/api/v1/meetings/${outcome.meetingId}` });
    expect(meeting.json().status).toBe("minutes_published");
    expect((await t().request({ method: "GET", url, token: w.users.secretary.token })).statusCode).toBe(404);

    const again = await upload(
      "000.txt",
      encode(seed(0).text),
      w.users.secretary.token,
      `?bodyId=${w.ssu.id}`,
    );
    expect(again.json().duplicateOf).toEqual({ importId: outcome.importId, meetingId: outcome.meetingId });
    expect(again.json().meetingId).toBe(outcome.meetingId);
    const before = await fullSnapshot(t().database);
    const dup = await t().request({
      method: "POST",
      url: `/api/v1/imports/${again.json().id}/confirm`,
      token: w.users.secretary.token,
      payload: { result: edited },
    });
    expect(dup.json().status).toBe("duplicate");
    const after = JSON.parse(await fullSnapshot(t().database));
    expect(after.tables).toBe(JSON.parse(before).tables);
    expect(after.pending).toEqual([]);
  });

  it("lets only an admin create an unknown body", async () => {
    const res = await upload("001.txt", encode(seed(1).text), w.users.secretary.token);
    expect(res.statusCode).toBe(201);
    expect(res.json().body).toBeNull();
    const before = await fullSnapshot(t().database);
    const refused = await t().request({
      method: "POST",
      url: `/api/v1/imports/${res.json().id}/confirm`,
      token: w.users.secretary.token,
      payload: { result: res.json().result },
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toContain("kun en administrator");
    expect(await fullSnapshot(t().database)).toBe(before);
    const byAdmin = await t().request({
      method: "POST",
      url: `/api/v1/imports/${res.json().id}/confirm`,
      token: w.users.admin.token,
      payload: { result: res.json().result },
    });
    expect(byAdmin.statusCode).toBe(200);
    expect(byAdmin.json().bodyCreated).toBe(true);
  });

  it("discards a pending import", async () => {
    const res = await upload("002.txt", encode(seed(2).text), w.users.admin.token);
    const url = `/api/v1/imports/${res.json().id}`;
    expect((await t().request({ method: "DELETE", url, token: w.users.admin.token })).statusCode).toBe(204);
    expect((await t().request({ method: "GET", url, token: w.users.admin.token })).statusCode).toBe(404);
  });

  it("refuses bad documents with a Danish message and writes nothing", async () => {
    const pdf = await seedToPdf(
      "Referat\nØkonomiudvalget\n3. maj 2024\n\nPunkt 1: Godkendelse af dagsorden\n",
    );
    const bad: [string, Uint8Array, RegExp][] = [
      ["tom.txt", new Uint8Array(), /tom/],
      ["affald.pdf", Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256), /genkendes ikke/],
      ["afkortet.pdf", pdf.subarray(0, Math.floor(pdf.length / 3)), /beskadiget/],
      ["krypteret.pdf", await encryptedPdf(), /adgangskode/],
      ["scannet.pdf", await pdfWithoutText(), /tekstlag/],
      ["zip.docx", makeZip({ "hej.txt": "hej" }), /Word/],
      ["roman.txt", encode("Der var engang en konge.\n\nHan havde tre sønner.\n"), /ligner ikke/],
      ["kæmpe.pdf", new Uint8Array(t().app.config.maxUploadBytes + 1), /for stor/],
    ];
    const before = await fullSnapshot(t().database);
    for (const [name, bytes, message] of bad) {
      const res = await upload(name, bytes, w.users.admin.token);
      expect(res.statusCode, name).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, name).toBeLessThan(500);
      expect(res.json().error.message, name).toMatch(message);
    }
    const notMultipart = await t().request({
      method: "POST",
      url: "/api/v1/imports",
      token: w.users.admin.token,
      payload: { file: "x" },
    });
    expect(notMultipart.statusCode).toBe(415);
    expect(await fullSnapshot(t().database)).toBe(before);
  });
});
