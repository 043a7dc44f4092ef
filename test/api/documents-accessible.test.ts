/**
 * The published minutes as the public downloads them (issue 19 and issue 16 item 8): a tagged PDF
 * whose headings are the items, and a Word file in Danish with outline levels — both carrying the
 * attendance (til stede, afbud, fraværende, stedfortræder), per-item absence, the outcome label and
 * "Godkendt af <navn>, <dato>", with Markdown rendered, never printed. Through the routes and the
 * document model's loaders, on both databases.
 */
import { eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { inspectDocx, inspectPdf } from "../../src/modules/documents/index.ts";
import {
  absenceService,
  attendanceService,
  createItem,
  createMeeting,
  meetings,
} from "../../src/modules/meetings/index.ts";
import { createMembership, createPerson } from "../../src/modules/people/index.ts";
import { formatDate } from "../../src/web/format.ts";
import { useTestApp } from "../helpers/app.ts";
import { describeEachDatabase } from "../helpers/databases.ts";
import { SECRET, seedWorld, type World } from "../helpers/factories.ts";

const MARKDOWN =
  "**Baggrund:** se [sundhedsaftalen](https://www.example.dk/sundhedsaftale).\n\n- første skridt\n- andet skridt";

describeEachDatabase("Accessible documents: tagged PDF and Danish Word that match the page", (kind) => {
  const t = useTestApp(kind);
  let w: World;
  let meetingId: number;
  /** "Godkendt af <navn>, <dato>": the name and time the chair's approval recorded */
  let approvedLine = "";
  const titles = ["Godkendelse af dagsorden", "Fælles forløbskoordination", `Forhandling ${SECRET}`];

  beforeAll(async () => {
    const sys = t().system;
    w = await seedWorld(sys);
    const ib = await createPerson(sys, { name: "Ib Stedfortræder" });
    const ulla = await createPerson(sys, { name: "Ulla Udeblevet" });
    await createMembership(sys, { personId: ib.id, bodyId: w.ssu.id, role: "member" });
    await createMembership(sys, { personId: ulla.id, bodyId: w.ssu.id, role: "member" });
    const meeting = await createMeeting(sys, {
      bodyId: w.ssu.id,
      start: new Date("2025-05-08T08:00:00Z"),
      end: new Date("2025-05-08T10:00:00Z"),
      location: "Regionshuset",
    });
    meetingId = meeting.id;
    await createItem(sys, {
      meetingId,
      title: titles[0] as string,
      decisionText: "Godkendt.",
      outcome: "approved",
    });
    const second = await createItem(sys, {
      meetingId,
      title: titles[1] as string,
      sections: { summary: MARKDOWN },
      decisionText: "Udvalget ønsker en [status](https://www.example.dk/status) i efteråret.",
      outcome: "approved_with_remarks",
    });
    await createItem(sys, { meetingId, title: titles[2] as string, access: "closed", decisionText: SECRET });
    await attendanceService.create(sys, { meetingId, personId: w.people.chair.id, status: "present" });
    await attendanceService.create(sys, { meetingId, personId: w.people.member.id, status: "afbud" });
    await attendanceService.create(sys, {
      meetingId,
      personId: ib.id,
      status: "substitute",
      substituteForId: w.people.member.id,
    });
    await attendanceService.create(sys, { meetingId, personId: ulla.id, status: "absent" });
    await absenceService.create(sys, { itemId: second.id, personId: w.people.chair.id });
    let version = meeting.version;
    for (const [to, token] of [
      ["agenda_published", w.users.secretary.token],
      ["held", w.users.secretary.token],
      ["minutes_draft", w.users.secretary.token],
      ["minutes_approved", w.users.chair.token],
      ["minutes_published", w.users.secretary.token],
    ] as const) {
      const res = await t().request({
        method: "POST",
        url: `/api/v1/meetings/${meetingId}/transition`,
        token,
        payload: { to, version },
      });
      expect(res.statusCode, `${to}: ${res.body}`).toBe(200);
      version = res.json().version;
    }
    const [row] = await sys.db.select().from(meetings).where(eq(meetings.id, meetingId));
    expect(row?.minutesApprovedBy).toBeTruthy();
    approvedLine = `Godkendt af ${row?.minutesApprovedBy}, ${formatDate(row?.minutesApprovedAt as Date, "da")}`;
  });

  const download = async (name: string) => {
    const res = await t().request({ method: "GET", url: `/api/v1/meetings/${meetingId}/${name}` });
    expect(res.statusCode, name).toBe(200);
    return new Uint8Array(res.rawPayload);
  };

  it("minutes.pdf: tagged, Danish, the items as headings, attendance and approval as on the page", async () => {
    const r = await inspectPdf(await download("minutes.pdf"));
    expect(r.marked && r.pdfua && r.displayDocTitle).toBe(true);
    expect(r.lang).toBe("da-DK");
    const items = r.headings.filter((h) => h.level === 2 && h.text.startsWith("Punkt "));
    expect(items.map((h) => h.text)).toEqual([
      "Punkt 1 (Åben) Godkendelse af dagsorden",
      "Punkt 2 (Åben) Fælles forløbskoordination",
      "Punkt 3 (Lukket) Lukket punkt",
    ]);
    expect(r.untaggedText).toBe("");
    expect(r.fontsNotEmbedded + r.fontsWithoutUnicode).toBe(0);
    expect(r.linksInTree).toBe(r.links);
    expect(r.links).toBeGreaterThanOrEqual(2);
    const text = r.taggedText.replace(/\s+/g, " ");
    expect(text).toContain("Til stede Frede Formand, Ib Stedfortræder (stedfortræder for Mette Medlem)");
    expect(text).toContain("Afbud Mette Medlem");
    expect(text).toContain("Fraværende Ulla Udeblevet");
    expect(text).toContain(approvedLine);
    expect(text).toMatch(/Beslutning Godkendt med bemærkninger Udvalget ønsker en status ?i efteråret/);
    expect(text).toContain("Fraværende Frede Formand");
    expect(text).toContain("Baggrund: se sundhedsaftalen");
    expect(text).not.toMatch(/\]\(|\*\*/);
    expect(`${text}${r.artifactText}`).not.toContain(SECRET);
  });

  it("minutes.docx: da-DK, outline levels, TOC field, properties; the same attendance and approval", async () => {
    const r = inspectDocx(await download("minutes.docx"));
    expect(r.defaultLang).toBe("da-DK");
    expect(r.runsWithLang).toBeGreaterThan(0);
    expect(r.headingStyles.find((s) => s.id === "Heading2")?.outlineLevel).toBe(1);
    expect(r.headings.filter((h) => h.level === 2).map((h) => h.text)).toEqual([
      "Deltagere",
      "Punkt 1 (Åben) Godkendelse af dagsorden",
      "Punkt 2 (Åben) Fælles forløbskoordination",
      "Punkt 3 (Lukket) Lukket punkt",
    ]);
    expect(r.tocField).toBe(true);
    expect(r.core).toMatchObject({ creator: "Tværs", lastModifiedBy: "Sundhedssamarbejdsudvalget" });
    expect(r.core.title).toContain("Referat – Sundhedssamarbejdsudvalget");
    expect(r.hyperlinks).toBeGreaterThanOrEqual(2);
    expect(r.text).toContain("Afbud: Mette Medlem");
    expect(r.text).toContain("Ib Stedfortræder (stedfortræder for Mette Medlem)");
    expect(r.text).toContain(approvedLine);
    expect(r.text).toContain("Godkendt med bemærkninger");
    expect(r.text).not.toMatch(/\]\(|\*\*/);
    expect(r.text).not.toContain(SECRET);
  });

  it("agenda.pdf: tagged with the items as headings; no attendance before the meeting is held", async () => {
    const r = await inspectPdf(await download("agenda.pdf"));
    expect(r.marked && r.lang === "da-DK").toBe(true);
    expect(r.headings.filter((h) => h.level === 2).map((h) => h.text)).toEqual([
      "Indholdsfortegnelse",
      "Punkt 1 (Åben) Godkendelse af dagsorden",
      "Punkt 2 (Åben) Fælles forløbskoordination",
      "Punkt 3 (Lukket) Lukket punkt",
    ]);
    expect(r.taggedText).not.toContain("Til stede");
  });
});
