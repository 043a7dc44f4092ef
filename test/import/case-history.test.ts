import { readFileSync } from "node:fs";
import { and, eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { SYSTEM_ACTOR } from "../../src/modules/auth/index.ts";
import { bodies } from "../../src/modules/bodies/index.ts";
import { consultations } from "../../src/modules/cases/cases.tables.ts";
import { importDocument } from "../../src/modules/import/index.ts";
import { agendaItems } from "../../src/modules/meetings/index.ts";
import { useTestApp } from "../helpers/app.ts";
import { describeEachDatabase } from "../helpers/databases.ts";

const CORPUS = new URL("../../../shared/import/corpus/documents/", import.meta.url);
const corpus = (name: string) => new Uint8Array(readFileSync(new URL(name, CORPUS)));

/** A small document of our own: a closed item whose case history carries a canary, and an open one. */
const CANARY = "KANARIE-HISTORIK-7731";
const closedDoc = `Referat

Sundhedsudvalget

Mødedato: 12. november 2025 kl. 15.00
Mødested: Rådhuset, mødelokale 2

## 1. Lukket punkt: Aftale med leverandør om hjemmepleje

Sagsforløb

Udvalg: Økonomiudvalget
Dato: 03-11-2025
Punktnummer: 4

Oversendes til Sundhedsudvalget. ${CANARY}.

Beslutning

Godkendt.

## 2. Budgetopfølgning for sundhedsområdet

Sagsforløb

Udvalg: Økonomiudvalget
Dato: 03-11-2025
Punktnummer: 5

Oversendes til Sundhedsudvalget med anbefaling.

Beslutning

Taget til efterretning.
`;

interface Entry {
  body: { name: string };
  date: string;
  itemNumber: number;
  itemId: number | null;
  title: string;
  redacted: boolean;
  decisionText: string | null;
  source: { itemId: number } | null;
}

/** Case histories read from real documents become one case's timeline across bodies. */
describeEachDatabase("Imported case histories across bodies", (kind) => {
  const t = useTestApp(kind);
  const get = async (url: string) => t().request({ method: "GET", url });
  const caseOfItem = async (itemId: number) => {
    const [row] = await t()
      .database.db.select({ caseId: consultations.caseId })
      .from(consultations)
      .where(eq(consultations.itemId, itemId));
    return row?.caseId as number;
  };

  it("links a FirstAgenda item's Sagsforløb to the earlier meeting imported before, and keeps the other stops with their decisions", async () => {
    const db = t().database.db;
    // Aarhus Byråd 27 August 2025 (FirstAgenda PDF), then Teknisk Udvalg 1 October 2025 (FirstAgenda web page)
    const council = await importDocument(db, SYSTEM_ACTOR, {
      bytes: corpus("fa-pdf-aarhus-byraad-2025-08-27.pdf"),
      fileName: "fa-pdf-aarhus-byraad-2025-08-27.pdf",
    });
    expect(council.status).toBe("imported");
    const committee = await importDocument(db, SYSTEM_ACTOR, {
      bytes: corpus("fa-html-teknisk-udvalg-2025-10-01.html"),
      fileName: "fa-html-teknisk-udvalg-2025-10-01.html",
    });
    expect(committee.status).toBe("imported");
    // The committee's item 3 (a local plan) was before the council on 27 August 2025 as its item 10.
    const [item3] = await db
      .select()
      .from(agendaItems)
      .where(and(eq(agendaItems.meetingId, committee.meetingId), eq(agendaItems.number, 3)));
    const [councilItem10] = await db
      .select()
      .from(agendaItems)
      .where(and(eq(agendaItems.meetingId, council.meetingId), eq(agendaItems.number, 10)));
    expect(item3 && councilItem10).toBeTruthy();
    const caseId = await caseOfItem(item3?.id as number);
    expect(caseId).toBeGreaterThan(0);

    const res = await get(`/api/v1/cases/${caseId}/timeline`);
    expect(res.statusCode).toBe(200);
    const entries = res.json().entries as Entry[];
    const names = entries.map((e) => `${e.date} ${e.body.name} #${e.itemNumber}`);
    expect(names).toContain("2025-08-27 Aarhus Byråd #10");
    expect(names).toContain("2025-10-01 Teknisk Udvalg #3");
    expect(names.some((n) => n.includes("Magistraten"))).toBe(true);
    // The council's stop is the imported item itself, not a copy of its decision.
    const atCouncil = entries.find((e) => e.body.name === "Aarhus Byråd");
    expect(atCouncil).toMatchObject({ itemId: councilItem10?.id, source: null, redacted: false });
    // The Magistrat's stop is known only from the committee's document: its decision, with its source.
    const atMagistrate = entries.find((e) => e.body.name === "Magistraten");
    expect(atMagistrate).toMatchObject({ itemId: null, redacted: false, source: { itemId: item3?.id } });
    expect(atMagistrate?.decisionText).toMatch(/Fremsendes til Aarhus Byråd/);
    // The case page shows the stops across bodies, and where the Magistrat's decision is known from.
    const page = await get(`/sager/${caseId}`);
    expect(page.statusCode).toBe(200);
    for (const text of ["Magistraten", "Aarhus Byråd", "Teknisk Udvalg", "Kendt fra sagsforløbet i"]) {
      expect(page.body).toContain(text);
    }
    expect(page.body).toContain(`href="/moeder/${committee.meetingId}#punkt-3"`);
    // Nothing of the history counts as this meeting's decision or absence.
    expect(item3?.decisionText ?? "").not.toMatch(/Magistraten i mødet/);
    // The earlier bodies exist now (an admin's import creates them, as it creates the meeting's body).
    const [magistrate] = await db.select().from(bodies).where(eq(bodies.name, "Magistraten"));
    expect(magistrate).toBeDefined();
  });

  it("importing the documents again adds no stop", async () => {
    const db = t().database.db;
    const before = (await db.select().from(consultations)).length;
    const again = await importDocument(db, SYSTEM_ACTOR, {
      bytes: corpus("fa-html-teknisk-udvalg-2025-10-01.html"),
      fileName: "fa-html-teknisk-udvalg-2025-10-01.html",
    });
    expect(again.status).toBe("duplicate");
    expect((await db.select().from(consultations)).length).toBe(before);
  });

  it("keeps a closed item's case history closed: the canary reaches no public surface", async () => {
    const db = t().database.db;
    const outcome = await importDocument(db, SYSTEM_ACTOR, {
      bytes: new TextEncoder().encode(closedDoc),
      fileName: "lukket-historik.md",
    });
    expect(outcome.status).toBe("imported");
    const items = await db.select().from(agendaItems).where(eq(agendaItems.meetingId, outcome.meetingId));
    const closed = items.find((i) => i.number === 1);
    const open = items.find((i) => i.number === 2);
    expect(closed?.access).toBe("closed");
    const closedCase = await caseOfItem(closed?.id as number);
    const openCase = await caseOfItem(open?.id as number);
    // The stored note has the canary (members of the body read it) ...
    const [stop] = await db
      .select()
      .from(consultations)
      .where(and(eq(consultations.caseId, closedCase), eq(consultations.sourceItemId, closed?.id as number)));
    expect(stop?.note).toContain(CANARY);
    // ... the public meets it nowhere: the closed case, its timeline, the case pages, OParl, search.
    for (const url of [
      `/api/v1/cases/${closedCase}/timeline`,
      `/api/v1/cases/${closedCase}`,
      "/api/v1/cases",
      `/sager/${closedCase}`,
      "/sager",
      "/oparl/v1.1/papers",
      `/api/v1/search?q=${CANARY}`,
    ]) {
      const res = await get(url);
      expect(res.body, url).not.toContain(CANARY);
    }
    // The search page repeats what was asked, and finds nothing.
    const page = await get(`/soeg?q=${CANARY}`);
    expect(page.body.split(CANARY).length - 1).toBe(
      (await get("/soeg?q=KANARIE-UDEN-FUND-0000")).body.split("KANARIE-UDEN-FUND-0000").length - 1,
    );
    // The open item's history is as public as the item.
    const timeline = (await get(`/api/v1/cases/${openCase}/timeline`)).json().entries as Entry[];
    const earlier = timeline.find((e) => e.body.name === "Økonomiudvalget");
    expect(earlier).toMatchObject({
      redacted: false,
      decisionText: "Oversendes til Sundhedsudvalget med anbefaling.",
    });
  });
});
