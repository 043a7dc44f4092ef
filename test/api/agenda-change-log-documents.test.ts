import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import { useTestApp } from "../helpers/app.ts";
import { describeEachDatabase } from "../helpers/databases.ts";
import { SECRET, seedWorld, type World } from "../helpers/factories.ts";

const dir = mkdtempSync(path.join(tmpdir(), "tvaers-change-log-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The text a reader gets from the file: the PDF's text layer, the Word document's paragraphs; white space as one space. */
async function textOf(bytes: Buffer, format: "pdf" | "docx"): Promise<string> {
  if (format === "pdf") {
    const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
    const task = pdfjs.getDocument({ data: new Uint8Array(bytes), verbosity: 0 });
    const doc = await task.promise;
    const pages: string[] = [];
    for (let p = 1; p <= doc.numPages; p++) {
      const content = await (await doc.getPage(p)).getTextContent();
      pages.push(content.items.map((i) => ("str" in i ? i.str : "")).join(" "));
    }
    await task.destroy();
    return pages.join(" ").replace(/\s+/g, " ");
  }
  const file = path.join(dir, `${Math.random().toString(36).slice(2)}.docx`);
  writeFileSync(file, bytes);
  const xml = execFileSync("unzip", ["-p", file, "word/document.xml"]).toString("utf8");
  return xml
    .replace(/<\/w:p>/g, " ")
    .replace(/<[^>]+>/g, "")
    .replace(/\s+/g, " ");
}

/**
 * The agenda's PDF and Word editions carry the supplementary agendas' change log as the page shows it
 * (issue 16.3: "a visible change log on the agenda and in the documents"): the public edition names the
 * items by number (a closed one as "(lukket punkt)") without the note; the full edition adds the note.
 */
describeEachDatabase("Change log in the agenda documents", (kind) => {
  const t = useTestApp(kind);
  let w: World;
  let meetingId = 0;
  let added = 0;
  let closed = 0;
  const NOTE = "Punkt om akutpladser tilføjet efter aftale med formanden.";

  const api = (method: "GET" | "POST", url: string, payload?: object, token?: string) =>
    t().request({ method, url, token: token ?? w.users.secretary.token, payload });

  it("arranges a published agenda and a supplement with an open and a closed item", async () => {
    w = await seedWorld(t().system);
    const m = (await api("POST", "/api/v1/meetings", { bodyId: w.ssu.id, start: "2030-03-05T09:00" })).json();
    meetingId = m.id;
    await api("POST", `/api/v1/meetings/${meetingId}/items`, { title: "Budget 2031" });
    const published = await api("POST", `/api/v1/meetings/${meetingId}/transition`, {
      to: "agenda_published",
      version: m.version,
    });
    expect(published.statusCode).toBe(200);
    added = (
      await api("POST", `/api/v1/meetings/${meetingId}/items`, { title: "Akutpladser i vinteren" })
    ).json().number;
    closed = (
      await api("POST", `/api/v1/meetings/${meetingId}/items`, { title: SECRET, access: "closed" })
    ).json().number;
    const version = (await api("GET", `/api/v1/meetings/${meetingId}`)).json().version;
    const res = await api("POST", `/api/v1/meetings/${meetingId}/supplementary-agenda`, {
      version,
      note: NOTE,
    });
    expect(res.statusCode).toBe(200);
  });

  for (const format of ["pdf", "docx"] as const) {
    it(`the public ${format} lists the changes by number, the closed item as a number only, no note`, async () => {
      const res = await api(
        "GET",
        `/api/v1/meetings/${meetingId}/agenda.${format}?edition=public`,
        undefined,
        "",
      );
      expect(res.statusCode).toBe(200);
      const text = await textOf(res.rawPayload, format);
      expect(text).toContain("Tillægsdagsorden");
      expect(text).toMatch(new RegExp(`Punkt ${added} tilføjet \\d+\\. [a-zæøå]+ \\d{4}`));
      expect(text).toMatch(
        new RegExp(`Punkt ${closed} tilføjet \\d+\\. [a-zæøå]+ \\d{4} \\(lukket punkt\\)`),
      );
      expect(text).not.toContain("akutpladser tilføjet efter aftale");
      expect(text).not.toContain(SECRET);
    });

    it(`the full ${format} for the members adds the note`, async () => {
      const res = await api(
        "GET",
        `/api/v1/meetings/${meetingId}/agenda.${format}?edition=full`,
        undefined,
        w.users.member.token,
      );
      expect(res.statusCode).toBe(200);
      const text = await textOf(res.rawPayload, format);
      expect(text).toContain("Tillægsdagsorden");
      expect(text).toMatch(new RegExp(`Punkt ${added} tilføjet`));
      expect(text).toContain(`Bemærkning: ${NOTE}`);
    });
  }

  it("the frozen public editions of the supplement carry the change log too", async () => {
    const docs = (await api("GET", `/api/v1/meetings/${meetingId}/documents`, undefined, "")).json() as {
      kind: string;
      edition: string;
      format: string;
      reason: string | null;
      url: string;
    }[];
    const frozen = docs.filter((d) => d.kind === "agenda" && d.reason === "Tillægsdagsorden.");
    expect(frozen.map((d) => d.format).sort()).toEqual(["docx", "pdf"]);
    for (const d of frozen) {
      const res = await api("GET", d.url, undefined, "");
      expect(res.statusCode).toBe(200);
      const text = await textOf(res.rawPayload, d.format as "pdf" | "docx");
      expect(text).toMatch(new RegExp(`Punkt ${added} tilføjet`));
      expect(text).not.toContain(NOTE);
    }
  });

  it("an agenda without a supplement prints no change log", async () => {
    const res = await api("GET", `/api/v1/meetings/${w.meeting.id}/agenda.pdf?edition=public`, undefined, "");
    expect(res.statusCode).toBe(200);
    expect(await textOf(res.rawPayload, "pdf")).not.toContain("Tillægsdagsorden");
  });
});
