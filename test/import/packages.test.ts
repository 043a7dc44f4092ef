import { randomBytes } from "node:crypto";
import path from "node:path";
import { asc, eq, inArray } from "drizzle-orm";
import { expect, it } from "vitest";
import { SYSTEM_ACTOR } from "../../src/modules/auth/index.ts";
import { importDocument, packFolder } from "../../src/modules/import/index.ts";
import { agendaItems, attachments, meetings } from "../../src/modules/meetings/index.ts";
import { useTestApp } from "../helpers/app.ts";
import { describeEachDatabase } from "../helpers/databases.ts";
import { seedWorld, type World } from "../helpers/factories.ts";
import { walkOparl } from "../oparl/walk.ts";
import { importDir } from "./helpers.ts";
import { CANARY_CLOSED_ATTACHMENT, CANARY_CLOSED_ITEM, ownEdocPackage } from "./package-fixtures.ts";

const PACKAGES = path.join(importDir, "corpus/packages");
const ORIGIN = "http://localhost:80";

/** A multipart/form-data body with one file in the field "file". */
function multipart(fileName: string, bytes: Uint8Array) {
  const boundary = `tvaers-${randomBytes(8).toString("hex")}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/zip\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), Buffer.from(bytes), Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
  };
}

/** Publication packages written through the same writer as documents, on both databases. */
describeEachDatabase("Publication packages into the database", (kind) => {
  const t = useTestApp(kind);

  const written = async (meetingId: number) => {
    const db = t().database.db;
    const items = await db
      .select()
      .from(agendaItems)
      .where(eq(agendaItems.meetingId, meetingId))
      .orderBy(asc(agendaItems.number));
    const files = await db
      .select()
      .from(attachments)
      .where(
        inArray(
          attachments.itemId,
          items.map((i) => i.id),
        ),
      )
      .orderBy(asc(attachments.itemId), asc(attachments.position));
    const [meeting] = await db.select().from(meetings).where(eq(meetings.id, meetingId));
    return { items, files, meeting };
  };

  const importFolder = async (name: string) => {
    const { zip } = await packFolder(path.join(PACKAGES, name), 64 * 1024 * 1024);
    return importDocument(t().database.db, SYSTEM_ACTOR, { bytes: zip, fileName: name });
  };

  it("imports the eDoc package: 8 open items, their case numbers and decisions, 10 attachments with their files", async () => {
    const outcome = await importFolder("edoc-ballerup-sfu-2012-12-04");
    expect(outcome.status).toBe("imported");
    const { items, files, meeting } = await written(outcome.meetingId);
    expect(meeting?.status).toBe("minutes_published");
    expect(items.map((i) => i.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(items.every((i) => i.access === "open")).toBe(true);
    expect(items[1]?.caseNumbers).toEqual(["2012-28504"]);
    expect(items[1]?.decisionText).toMatch(/^Indstillingen godkendt/);
    expect(items[6]?.decisionText).toMatch(/^Indstillingen godkendt/);
    expect(files).toHaveLength(10);
    expect(
      files.every((f) => f.access === "open" && f.sha256 !== null && f.mimeType === "application/pdf"),
    ).toBe(true);
    expect(outcome.counts.files).toBe(10);
    // The same package again changes nothing.
    expect((await importFolder("edoc-ballerup-sfu-2012-12-04")).status).toBe("duplicate");
  });

  it("imports the Acadre package: item 715 with its case number, this meeting's decision and 3 Word attachments", async () => {
    const outcome = await importFolder("acadre-syddjurs-puk-2013-06-20");
    const { items, files, meeting } = await written(outcome.meetingId);
    expect(meeting?.location).toBe("Kaløvig Kursuscenter");
    expect(items.map((i) => [i.number, i.access, i.caseNumbers])).toEqual([[715, "open", ["12/27845"]]]);
    expect(items[0]?.decisionText).toMatch(/^Punktet blev drøftet/);
    expect(items[0]?.decisionText).not.toMatch(/Punktet genoptages/);
    expect(files.map((f) => [f.access, f.fileName])).toEqual([
      ["open", "3525829E1.DOCX"],
      ["open", "2531342E2.DOC"],
      ["open", "3629343E3.DOCX"],
    ]);
  });

  it("imports the SBSYS package as a published agenda: 4 items, 14 attachments, the 3 files the package holds", async () => {
    const outcome = await importFolder("sbsys-publication553");
    const { items, files, meeting } = await written(outcome.meetingId);
    expect(meeting?.status).toBe("agenda_published");
    expect(items.map((i) => [i.number, i.access])).toEqual([
      [1, "open"],
      [2, "open"],
      [3, "open"],
      [4, "open"],
    ]);
    expect(files).toHaveLength(14);
    expect(files.filter((f) => f.sha256 !== null).map((f) => f.fileName)).toEqual([
      "1.pdf",
      "2.pdf",
      "14.pdf",
    ]);
  });
});

/** A package of our own through the API's review, with closed items and attachments: closed stays closed. */
describeEachDatabase("Publication package upload and closed attachments", (kind) => {
  const t = useTestApp(kind);
  let w: World;

  const written = async (meetingId: number) => {
    const db = t().database.db;
    const items = await db
      .select()
      .from(agendaItems)
      .where(eq(agendaItems.meetingId, meetingId))
      .orderBy(asc(agendaItems.number));
    const files = await db
      .select()
      .from(attachments)
      .where(
        inArray(
          attachments.itemId,
          items.map((i) => i.id),
        ),
      )
      .orderBy(asc(attachments.itemId), asc(attachments.position));
    return { items, files };
  };

  it("arranges a world", async () => {
    w = await seedWorld(t().system);
  });

  it("uploads a package ZIP through the API's review, and keeps every attachment's own access on confirm", async () => {
    const res = await t().request({
      method: "POST",
      url: "/api/v1/imports",
      ...multipart("testudvalget.zip", ownEdocPackage()),
      token: w.users.admin.token,
    });
    expect(res.statusCode).toBe(201);
    const pending = res.json();
    expect(pending.result.format).toBe("package");
    expect(pending.result.items.map((i: { access: string }) => i.access)).toEqual(["open", "closed"]);
    const confirmed = await t().request({
      method: "POST",
      url: `/api/v1/imports/${pending.id}/confirm`,
      token: w.users.admin.token,
      payload: { result: pending.result },
    });
    expect(confirmed.statusCode).toBe(200);
    const outcome = confirmed.json();
    const { items, files } = await written(outcome.meetingId);
    expect(items.map((i) => [i.number, i.access])).toEqual([
      [1, "open"],
      [2, "closed"],
    ]);
    expect(files.map((f) => [f.title, f.access, f.sha256 !== null])).toEqual([
      ["Oversigt over indsatsen", "open", true],
      ["Fortroligt notat om borger", "closed", true],
      ["Bilag til personalesagen", "closed", true],
    ]);
    // The bytes are there for those with the right: an admin reads the closed attachment.
    const closedFile = files[1];
    const asAdmin = await t().request({
      method: "GET",
      url: `/api/v1/attachments/${closedFile?.id}/content`,
      token: w.users.admin.token,
    });
    expect(asAdmin.statusCode).toBe(200);
    expect(asAdmin.body).toContain(CANARY_CLOSED_ATTACHMENT);

    // Canary: no closed text or bytes reach the public or an outsider — API, pages, search, OParl.
    const meetingId = outcome.meetingId as number;
    const surfaces = [
      `/api/v1/meetings/${meetingId}`,
      `/api/v1/meetings/${meetingId}/details`,
      `/api/v1/meetings/${meetingId}/items`,
      `/api/v1/items?meetingId=${meetingId}`,
      ...items.map((i) => `/api/v1/items/${i.id}`),
      ...items.map((i) => `/api/v1/items/${i.id}/attachments`),
      ...files.flatMap((f) => [`/api/v1/attachments/${f.id}`, `/api/v1/attachments/${f.id}/content`]),
      `/api/v1/search?q=${CANARY_CLOSED_ATTACHMENT}`,
      `/api/v1/search?q=${CANARY_CLOSED_ITEM}`,
      `/moeder/${meetingId}`,
    ];
    for (const token of [undefined, w.users.outsider.token]) {
      for (const url of surfaces) {
        const got = await t().request({ method: "GET", url, token });
        expect(got.body, url).not.toContain(CANARY_CLOSED_ATTACHMENT);
        expect(got.body, url).not.toContain(CANARY_CLOSED_ITEM);
        expect(got.body, url).not.toContain("Fortroligt notat om borger");
      }
      for (const f of files.filter((x) => x.access === "closed")) {
        const content = await t().request({
          method: "GET",
          url: `/api/v1/attachments/${f.id}/content`,
          token,
        });
        expect(content.statusCode).toBe(404);
      }
    }
    // The open attachment is public, with its bytes.
    const openFile = await t().request({ method: "GET", url: `/api/v1/attachments/${files[0]?.id}/content` });
    expect(openFile.statusCode).toBe(200);
    expect(openFile.body).toContain("tre spor");
    // The search page repeats what was asked, and finds nothing more.
    const page = await t().request({ method: "GET", url: `/soeg?q=${CANARY_CLOSED_ATTACHMENT}` });
    const none = await t().request({ method: "GET", url: "/soeg?q=KANARIE-UDEN-FUND-0000" });
    expect(page.body.split(CANARY_CLOSED_ATTACHMENT).length - 1).toBe(
      none.body.split("KANARIE-UDEN-FUND-0000").length - 1,
    );
    // OParl, walked from System as the public: no closed text, no closed file.
    const fetched: string[] = [];
    const walk = await walkOparl(async (url) => {
      const r = await t().request({ method: "GET", url: url.replace(ORIGIN, "") });
      fetched.push(r.body);
      return { status: r.statusCode, body: r.body, headers: r.headers as Record<string, string | undefined> };
    }, `${ORIGIN}/oparl/v1.1`);
    expect(walk.errors).toEqual([]);
    expect(fetched.join("\n")).not.toContain(CANARY_CLOSED_ATTACHMENT);
    expect(fetched.join("\n")).not.toContain("Fortroligt notat om borger");
    const oparlFiles = [...walk.objects.values()].filter((o) => String(o.type).endsWith("/File"));
    expect(oparlFiles.some((o) => o.name === "Oversigt over indsatsen")).toBe(true);
    for (const f of oparlFiles) {
      for (const key of ["accessUrl", "downloadUrl"]) {
        if (typeof f[key] === "string") {
          const body = (await t().request({ method: "GET", url: String(f[key]).replace(ORIGIN, "") })).body;
          expect(body).not.toContain(CANARY_CLOSED_ATTACHMENT);
        }
      }
    }
  }, 120_000);

  it("refuses a hostile package upload with a Danish message and writes nothing", async () => {
    const manifest = `<?xml version="1.0"?><!DOCTYPE Meeting [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><Meeting><Committee>&xxe;</Committee></Meeting>`;
    const { storedZip } = await import("../../src/modules/import/unzip.ts");
    const zip = storedZip([["eDocAgendaPublishing.xml", new TextEncoder().encode(manifest)]]);
    const res = await t().request({
      method: "POST",
      url: "/api/v1/imports",
      ...multipart("ondsindet.zip", zip),
      token: w.users.admin.token,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0].message).toMatch(
      /Publiceringspakken kan ikke læses.*\[package_invalid\]/,
    );
    expect(res.body).not.toContain("root:");
  });
});
