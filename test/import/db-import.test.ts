import { asc, eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { SYSTEM_ACTOR } from "../../src/modules/auth/index.ts";
import { importDocument, parseText } from "../../src/modules/import/index.ts";
import {
  agendaItems,
  attachments,
  itemAbsences,
  meetings,
  minutesCorrections,
} from "../../src/modules/meetings/index.ts";
import { createPerson, persons } from "../../src/modules/people/index.ts";
import { useTestApp } from "../helpers/app.ts";
import { describeEachDatabase } from "../helpers/databases.ts";
import { seedWorld, type World } from "../helpers/factories.ts";
import { encode, fullSnapshot, seeds } from "./helpers.ts";

const fold = (s: string) => s.normalize("NFC").toLowerCase().replace(/\s+/g, " ").trim();

describeEachDatabase("Import into the database", (kind) => {
  const t = useTestApp(kind);
  let w: World;
  const meetingOf: Record<string, number> = {};

  it("arranges a world with a person named like an absent member (other case and spacing)", async () => {
    w = await seedWorld(t().system);
    await createPerson(t().system, { name: "søren  S. KJÆR" });
  });

  for (const seed of seeds) {
    it(`imports ${seed.file} with every item, section, decision, absence and attachment title`, async () => {
      const parsed = parseText(seed.text, seed.file);
      const outcome = await importDocument(t().database.db, SYSTEM_ACTOR, {
        bytes: encode(seed.text),
        fileName: seed.file,
      });
      expect(outcome.status).toBe("imported");
      meetingOf[seed.id] = outcome.meetingId;
      const db = t().database.db;
      const [meeting] = await db.select().from(meetings).where(eq(meetings.id, outcome.meetingId));
      expect(meeting?.status).toBe("minutes_published");
      expect(meeting?.location).toBe(parsed.location);
      const items = await db
        .select()
        .from(agendaItems)
        .where(eq(agendaItems.meetingId, outcome.meetingId))
        .orderBy(asc(agendaItems.position));
      expect(items.length).toBe(parsed.items.length);
      for (const [i, row] of items.entries()) {
        const want = parsed.items[i];
        if (!want) {
          throw new Error("missing parsed item");
        }
        const { decision, ...sections } = want.sections;
        expect(row.number).toBe(want.number);
        expect(row.title).toBe(want.title);
        expect(row.access).toBe(want.access ?? "open");
        expect(row.decisionText).toBe(decision ?? null);
        expect(row.sections).toEqual(sections);
        expect(row.recommendations).toEqual(want.recommendations);
        expect(row.caseNumbers).toEqual(want.caseNumbers);
        const files = await db.select().from(attachments).where(eq(attachments.itemId, row.id));
        expect(files.map((f) => f.title).sort()).toEqual([...new Set(want.attachments)].sort());
        const absent = await db
          .select({ name: persons.name })
          .from(itemAbsences)
          .innerJoin(persons, eq(persons.id, itemAbsences.personId))
          .where(eq(itemAbsences.itemId, row.id));
        expect(absent.map((a) => fold(a.name)).sort()).toEqual([...new Set(want.absent.map(fold))].sort());
      }
    });
  }

  it("matched the absent member to the existing person and created the others once", async () => {
    const all = await t().database.db.select().from(persons);
    expect(all.filter((p) => fold(p.name) === "søren s. kjær")).toHaveLength(1);
    expect(all.filter((p) => fold(p.name) === "søren due-andersen")).toHaveLength(1);
  });

  it("changes nothing when the same document is imported again", async () => {
    const before = await fullSnapshot(t().database);
    for (const seed of seeds) {
      const again = await importDocument(t().database.db, SYSTEM_ACTOR, {
        bytes: encode(seed.text),
        fileName: seed.file,
      });
      expect(again.status).toBe("duplicate");
    }
    expect(await fullSnapshot(t().database)).toBe(before);
  });

  it("updates a corrected version in place and keeps a hand-edited title and a hand-added attachment", async () => {
    const seed = seeds[0];
    if (!seed) {
      throw new Error("no seed");
    }
    const db = t().database.db;
    const items = await db
      .select()
      .from(agendaItems)
      .where(eq(agendaItems.meetingId, meetingOf[seed.id] as number))
      .orderBy(asc(agendaItems.position));
    const [first, , third] = items;
    if (!first || !third?.decisionText) {
      throw new Error("seed 000 should have a decision on item 3");
    }
    // A secretary corrects a title through the API, as approved minutes are corrected.
    const corrected = await t().request({
      method: "POST",
      url: `/api/v1/items/${first.id}/corrections`,
      token: w.users.admin.token,
      payload: {
        version: first.version,
        reason: "Titlen præciseret",
        changes: { title: "Godkendelse af dagsordenen (rettet)" },
      },
    });
    expect(corrected.statusCode).toBe(200);
    // No API adds attachments to approved minutes; a user added this one while they were a draft.
    await db.insert(attachments).values({ itemId: third.id, title: "Håndtilføjet bilag", position: 99 });

    expect(third.decisionText.startsWith("Indstilling blev godkendt.")).toBe(true);
    const text = seed.text.replace("Indstilling blev godkendt.", "Udsat til næste møde efter drøftelse.");
    expect(text).not.toBe(seed.text);
    const outcome = await importDocument(db, SYSTEM_ACTOR, {
      bytes: encode(text),
      fileName: "000-rettet.txt",
    });
    expect(outcome.status).toBe("updated");
    expect(outcome.meetingId).toBe(meetingOf[seed.id]);
    expect(outcome.counts.created).toBe(0);
    expect(outcome.counts.updated).toBe(1);
    expect(outcome.kept.join(" ")).toContain("punkt 1: titlen");

    const after = await db
      .select()
      .from(agendaItems)
      .where(eq(agendaItems.meetingId, meetingOf[seed.id] as number))
      .orderBy(asc(agendaItems.position));
    expect(after.map((i) => i.id)).toEqual(items.map((i) => i.id));
    expect(after[0]?.title).toBe("Godkendelse af dagsordenen (rettet)");
    expect(after[2]?.decisionText?.startsWith("Udsat til næste møde")).toBe(true);
    expect(after[2]?.outcome).toBe("postponed");
    const files = await db.select().from(attachments).where(eq(attachments.itemId, third.id));
    expect(files.map((f) => f.title)).toContain("Håndtilføjet bilag");
    const corrections = await db
      .select()
      .from(minutesCorrections)
      .where(eq(minutesCorrections.itemId, third.id));
    expect(corrections).toHaveLength(1);
    expect(corrections[0]?.reason).toContain("000-rettet.txt");

    const before = await fullSnapshot(t().database);
    const again = await importDocument(db, SYSTEM_ACTOR, {
      bytes: encode(`${text}\n`),
      fileName: "000-igen.txt",
    });
    expect(again.status).toBe("duplicate");
    expect(again.counts.updated).toBe(0);
    const records = JSON.parse(await fullSnapshot(t().database)).records.length;
    expect(records).toBe(JSON.parse(before).records.length + 1);
  });

  it("keeps a closed item closed to the public", async () => {
    const seed = seeds[0];
    if (!seed) {
      throw new Error("no seed");
    }
    const secret = "HEMMELIGT-IMPORTERET-4711";
    const withSecret = seed.text
      .replace("### **3 (Åben) Det tværsektorielle", "### **3 (Lukket) Det tværsektorielle")
      .replace("*Med Corona-pandemien", `${secret} *Med Corona-pandemien`);
    expect(withSecret).toContain(`(Lukket) Det tværsektorielle`);
    expect(withSecret).toContain(secret);
    const outcome = await importDocument(t().database.db, SYSTEM_ACTOR, {
      bytes: encode(withSecret),
      fileName: "000-lukket.txt",
      body: String(w.ssu.id),
    });
    expect(outcome.status).toBe("imported");
    const [closed] = await t()
      .database.db.select()
      .from(agendaItems)
      .where(eq(agendaItems.meetingId, outcome.meetingId))
      .orderBy(asc(agendaItems.position))
      .offset(2)
      .limit(1);
    expect(closed?.access).toBe("closed");
    const publicView = await t().request({ method: "GET", url: `/api/v1/items/${closed?.id}` });
    expect(publicView.statusCode).toBe(200);
    expect(publicView.json().redacted).toBe(true);
    expect(publicView.body).not.toContain(secret);
    const list = await t().request({ method: "GET", url: `/api/v1/meetings/${outcome.meetingId}/items` });
    expect(list.body).not.toContain(secret);
    const member = await t().request({
      method: "GET",
      url: `/api/v1/items/${closed?.id}`,
      token: w.users.member.token,
    });
    expect(member.json().redacted).toBe(false);
  });
});
