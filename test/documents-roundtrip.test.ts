/**
 * Round trip: every demo meeting's generated agenda / minutes, fed to the importer (parseDocument),
 * gives back the same items, titles, access, decisions and absences — in PDF and in Word.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "../src/modules/auth/index.ts";
import { demoData } from "../src/modules/demo/demo.data.ts";
import { loadDemo } from "../src/modules/demo/demo.service.ts";
import {
  type DocModel,
  documentDocx,
  documentPdf,
  loadDocumentModel,
} from "../src/modules/documents/index.ts";
import { type ImportResult, parseDocument } from "../src/modules/import/index.ts";
import { meetings } from "../src/modules/meetings/index.ts";
import type { Ctx } from "../src/server/context.ts";
import { createTestDatabase } from "./helpers/databases.ts";

/** Text compared by its words: Markdown markers, list bullets and line breaks aside. */
function words(text: string | null | undefined): string {
  return (text ?? "")
    .replace(/^\s*(?:[-*•]|\d{1,3}[.)])\s+/gm, "")
    .replace(/[*_#]/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

/** Names as the importer reports them: a note in parentheses is not part of the name. */
function names(list: string[]): string[] {
  return list.map((n) => n.replace(/\s*\([^)]*\)\s*$/, "")).sort();
}

/** What differs between the document's data and what the importer read back, one line per difference. */
function differences(model: DocModel, parsed: ImportResult, label: string): string[] {
  const out: string[] = [];
  const check = (what: string, got: unknown, want: unknown) => {
    if (JSON.stringify(got) !== JSON.stringify(want)) {
      out.push(`${label} ${what}: ${JSON.stringify(got)} ≠ ${JSON.stringify(want)}`);
    }
  };
  check("kind", parsed.kind, model.kind);
  check("body", parsed.body, model.body.name);
  check(
    "items",
    parsed.items.map((i) => [i.number, i.access, i.title]),
    model.items.map((i) => [i.number, i.access, i.title]),
  );
  const meetingAbsent = new Set(
    model.attendance.filter((a) => a.status === "afbud" || a.status === "absent").map((a) => a.name),
  );
  for (const [index, item] of model.items.entries()) {
    const back = parsed.items[index];
    const where = `punkt ${item.number}`;
    check(`${where} beslutning`, words(back?.sections.decision), words(item.decision));
    // Apologies and absences for the whole meeting (on the cover) are the importer's to add to every
    // item (the convention of Danish minutes); the item's own absences must come back as they were.
    const own = names(back?.absent ?? []).filter((n) => !meetingAbsent.has(n));
    check(
      `${where} fraværende`,
      own,
      names(item.absent).filter((n) => !meetingAbsent.has(n)),
    );
    check(`${where} tidsramme`, back?.durationMinutes ?? null, item.redacted ? null : item.durationMinutes);
  }
  return out;
}

describe("Round trip through the importer (demo data)", () => {
  let drop: () => Promise<void>;
  let ctx: Ctx;
  let list: Array<typeof meetings.$inferSelect> = [];

  beforeAll(async () => {
    const created = await createTestDatabase("pglite");
    drop = created.drop;
    ctx = { db: created.database.db, actor: SYSTEM_ACTOR };
    await loadDemo(created.database.db, demoData, new Date("2026-11-23T08:00:00Z"));
    list = await ctx.db.select().from(meetings);
  }, 120_000);
  afterAll(async () => drop());

  it("gives back items, titles, decisions and absences from PDF and DOCX, in both editions", async () => {
    let documents = 0;
    let items = 0;
    let absences = 0;
    const problems: string[] = [];
    for (const meeting of list) {
      const kind = ["planned", "agenda_published"].includes(meeting.status) ? "agenda" : "minutes";
      for (const edition of ["full", "public"] as const) {
        const model = await loadDocumentModel(ctx, meeting.id, kind, edition);
        for (const [format, render] of [
          ["pdf", documentPdf],
          ["docx", documentDocx],
        ] as const) {
          const parsed = await parseDocument({ bytes: await render(model), fileName: `m.${format}` });
          problems.push(...differences(model, parsed, `møde ${meeting.id} ${kind} ${edition} ${format}`));
          documents++;
          items += model.items.length;
          absences += model.items.reduce((n, i) => n + i.absent.length, 0);
        }
      }
    }
    expect(problems).toEqual([]);
    expect(documents).toBe(list.length * 4);
    expect(items).toBeGreaterThan(300);
    expect(absences).toBeGreaterThan(0);
    // 48 documents, Word's page numbers worked out for each: generous on a busy CI machine.
  }, 300_000);
});
