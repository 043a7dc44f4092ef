import { count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { implementationChanges, ratificationSteps } from "../../src/modules/agreements/index.ts";
import { auditLog } from "../../src/modules/audit/index.ts";
import { readXlsxRows } from "../../src/modules/indicators/xlsx-read.ts";
import { attachments } from "../../src/modules/meetings/items.tables.ts";
import { useTestApp } from "../helpers/app.ts";
import { describeEachDatabase } from "../helpers/databases.ts";
import { dayFromNow, type ImplWorld, parseCsv, seedImplementationWorld } from "./implementation.fixture.ts";

describeEachDatabase("Implementation of agreements per party (issue 22.3)", (kind) => {
  const t = useTestApp(kind);
  let w: ImplWorld;
  const cells = async () =>
    (await t().system.db.select({ n: count() }).from(implementationChanges))[0]?.n ?? 0;
  const set = (token: string | undefined, partyId: number, payload: object, agreementId = w.inForce.id) =>
    t().request({
      method: "POST",
      url: `/api/v1/agreements/${agreementId}/implementation/${partyId}`,
      token,
      payload,
    });

  beforeAll(async () => {
    w = await seedImplementationWorld(t().system);
  });

  it("refuses outsiders, the public, another party's representative and agreements not in force — writing nothing", async () => {
    const before = await cells();
    const outsider = await set(w.users.outsider.token, w.havby.id, { state: "implemented" });
    expect(outsider.statusCode).toBe(403);
    expect(outsider.json().error.message).toContain("repræsentant");
    expect((await set(undefined, w.havby.id, { state: "implemented" })).statusCode).toBe(401);
    // Havby's representative does not speak for Skovby
    expect((await set(w.repToken, w.skovby.id, { state: "implemented" })).statusCode).toBe(403);
    const hearing = await set(w.users.secretary.token, w.havby.id, { state: "in_progress" }, w.inHearing.id);
    expect(hearing.statusCode).toBe(409);
    expect(hearing.json().error.message).toBe("Aftalen er ikke i kraft.");
    expect(await cells()).toBe(before);
  });

  it("keeps every change as a row: the representative moves the party along, the history shows it", async () => {
    const first = await set(w.repToken, w.havby.id, {
      state: "in_progress",
      since: "2025-04-01",
      plannedOn: "2025-12-31",
      note: "Procedure i høring internt.",
    });
    expect(first.statusCode).toBe(200);
    const second = await set(w.repToken, w.havby.id, { state: "implemented", since: "2025-11-15" });
    expect(second.statusCode).toBe(200);
    const cell = second.json();
    expect(cell.current).toMatchObject({ state: "implemented", since: "2025-11-15" });
    expect(cell.history.map((h: { state: string }) => h.state)).toEqual(["implemented", "in_progress"]);
    expect(cell.history[1]).toMatchObject({ plannedOn: "2025-12-31", note: "Procedure i høring internt." });
    expect(cell.canEdit).toBe(true);
    const read = await t().request({
      method: "GET",
      url: `/api/v1/agreements/${w.inForce.id}/implementation/${w.havby.id}`,
    });
    expect(read.json().history).toHaveLength(2);
    expect(read.json().canEdit).toBe(false);
    const audited = await t()
      .system.db.select({ n: count() })
      .from(auditLog)
      .where(eq(auditLog.tableName, "implementation_changes"));
    expect(audited[0]?.n).toBeGreaterThanOrEqual(2);
  });

  it("asks for the reason of an opt-out, in Danish, on the field", async () => {
    const before = await cells();
    const res = await set(w.users.secretary.token, w.skovby.id, { state: "opted_out" });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual([
      { path: "reason", message: "Skriv begrundelsen for, at parten har fravalgt aftalen." },
    ]);
    const badDate = await set(w.users.secretary.token, w.skovby.id, {
      state: "in_progress",
      since: "2025-02-30",
    });
    expect(badDate.statusCode).toBe(400);
    expect(await cells()).toBe(before);
    const ok = await set(w.users.secretary.token, w.skovby.id, {
      state: "opted_out",
      since: "2025-05-01",
      reason: "Ønsker ikke at udvide målgruppen på nuværende tidspunkt.",
    });
    expect(ok.statusCode).toBe(200);
    const plo = await set(w.users.secretary.token, w.plo.id, {
      state: "not_relevant",
      reason: "Aftalen vedrører ikke almen praksis.",
    });
    expect(plo.statusCode).toBe(200);
  });

  it("shows the matrix with parties of the owner group, filtered by region, cluster, party and agreement", async () => {
    const all = (await t().request({ method: "GET", url: "/api/v1/implementation" })).json();
    expect(all.agreements.map((a: { id: number }) => a.id)).toEqual([w.inForce.id]);
    const state = (partyId: number) =>
      all.cells.find((c: { partyId: number }) => c.partyId === partyId)?.state;
    expect(state(w.havby.id)).toBe("implemented");
    expect(state(w.skovby.id)).toBe("opted_out");
    expect(state(w.plo.id)).toBe("not_relevant");
    expect(state(w.region.id)).toBe("not_started");
    expect(all.counts).toMatchObject({ implemented: 1, opted_out: 1, not_relevant: 1, not_started: 1 });
    const cluster = (
      await t().request({ method: "GET", url: "/api/v1/implementation?cluster=K-HAV" })
    ).json();
    expect(cluster.parties.map((p: { name: string }) => p.name)).toEqual(["Havby Kommune"]);
    const party = (
      await t().request({ method: "GET", url: `/api/v1/implementation?partyId=${w.skovby.id}` })
    ).json();
    expect(party.cells).toHaveLength(1);
    const none = (
      await t().request({ method: "GET", url: "/api/v1/implementation?region=Andetsted" })
    ).json();
    expect(none.parties).toEqual([]);
    const byAgreement = (
      await t().request({ method: "GET", url: `/api/v1/implementation?agreementId=${w.inHearing.id}` })
    ).json();
    expect(byAgreement.cells).toEqual([]);
  });

  it("exports CSV and XLSX with the same rows", async () => {
    const csv = await t().request({ method: "GET", url: "/api/v1/implementation.csv" });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers["content-type"]).toContain("text/csv");
    const rows = parseCsv(csv.body);
    expect(rows[1]).toEqual(["Part", "Region", "Samarbejdsaftale om udskrivning"]);
    const havby = rows.find((r) => r[0] === "Havby Kommune");
    expect(havby).toEqual(["Havby Kommune", "Testkyst", "Implementeret siden 15. november 2025"]);
    expect(rows.find((r) => r[0] === "Skovby Kommune")?.[2]).toBe(
      "Fravalgt siden 1. maj 2025: Ønsker ikke at udvide målgruppen på nuværende tidspunkt.",
    );
    const xlsx = await t().request({ method: "GET", url: "/api/v1/implementation.xlsx" });
    expect(xlsx.statusCode).toBe(200);
    const sheet = readXlsxRows(new Uint8Array(xlsx.rawPayload)).map((r) => r.cells);
    const nonEmpty = rows.filter((r) => r.some((c) => c !== ""));
    expect(sheet.filter((r) => r.some((c) => c !== ""))).toEqual(nonEmpty);
    const en = parseCsv(
      (await t().request({ method: "GET", url: "/api/v1/implementation.csv?lang=en" })).body,
    );
    expect(en.find((r) => r[0] === "Havby Kommune")?.[2]).toBe("Implemented since 15 November 2025");
  });

  it("attaches a snapshot to an agenda item for the item's secretariat only", async () => {
    const n = async () => (await t().system.db.select({ n: count() }).from(attachments))[0]?.n ?? 0;
    const before = await n();
    const refused = await t().request({
      method: "POST",
      url: "/api/v1/implementation.xlsx/attach",
      token: w.users.member.token,
      payload: { itemId: w.item.id },
    });
    expect(refused.statusCode).toBe(403);
    const hidden = await t().request({
      method: "POST",
      url: "/api/v1/implementation.xlsx/attach",
      token: w.users.outsider.token,
      payload: { itemId: w.item.id },
    });
    // the planned meeting's item does not exist for an outsider
    expect(hidden.statusCode).toBe(404);
    expect(await n()).toBe(before);
    const res = await t().request({
      method: "POST",
      url: "/api/v1/implementation.xlsx/attach",
      token: w.users.secretary.token,
      payload: { itemId: w.item.id, cluster: "K-HAV" },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().access).toBe("open");
    expect(await n()).toBe(before + 1);
  });
});

describeEachDatabase("Ratification tracker (issue 22.4)", (kind) => {
  const t = useTestApp(kind);
  let w: ImplWorld;
  const steps = async () => (await t().system.db.select({ n: count() }).from(ratificationSteps))[0]?.n ?? 0;
  const add = (token: string | undefined, payload: object) =>
    t().request({ method: "POST", url: `/api/v1/agreements/${w.inForce.id}/ratification`, token, payload });

  beforeAll(async () => {
    w = await seedImplementationWorld(t().system);
  });

  it("refuses anyone but the owner's secretariat, writing nothing", async () => {
    const payload = { kind: "municipal_council", name: "Havby Kommunalbestyrelse", deadline: "2027-06-30" };
    expect((await add(w.users.outsider.token, payload)).statusCode).toBe(403);
    expect((await add(w.repToken, payload)).statusCode).toBe(403);
    expect((await add(undefined, payload)).statusCode).toBe(401);
    expect(await steps()).toBe(0);
  });

  describe("with steps", () => {
    let tracker: { steps: { id: number; name: string; version: number; late: boolean }[] };
    beforeAll(async () => {
      for (const [k, name, deadline] of [
        ["municipal_council", "Havby Kommunalbestyrelse", dayFromNow(-10)],
        ["municipal_council", "Skovby Kommunalbestyrelse", dayFromNow(-10)],
        ["regional_council", "Regionsrådet", dayFromNow(30)],
        ["health_authority", "Sundhedsstyrelsen", dayFromNow(60)],
      ] as const) {
        const res = await add(w.users.secretary.token, { kind: k, name, deadline });
        expect(res.statusCode).toBe(201);
        tracker = res.json();
      }
    });

    it("flags a step whose deadline has passed without an approval", async () => {
      expect(tracker.steps.map((s) => s.late)).toEqual([true, true, false, false]);
      const skovby = tracker.steps[1] as { id: number; version: number };
      const res = await t().request({
        method: "PATCH",
        url: `/api/v1/ratification-steps/${skovby.id}`,
        token: w.users.secretary.token,
        payload: {
          version: skovby.version,
          approvedOn: dayFromNow(-12),
          link: "https://skovby.example/dagsorden/punkt-7",
        },
      });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ approved: 1, late: 1 });
      const read = (
        await t().request({ method: "GET", url: `/api/v1/agreements/${w.inForce.id}/ratification` })
      ).json();
      expect(read.steps.map((s: { late: boolean }) => s.late)).toEqual([true, false, false, false]);
      expect(read.canEdit).toBe(false);
    });

    it("refuses a bad link and a duplicate name with Danish field errors", async () => {
      const step = tracker.steps[0] as { id: number; version: number };
      const bad = await t().request({
        method: "PATCH",
        url: `/api/v1/ratification-steps/${step.id}`,
        token: w.users.secretary.token,
        payload: { version: step.version, link: "javascript:alert(1)" },
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.fields[0].path).toBe("body.link");
      const dup = await add(w.users.secretary.token, { kind: "regional_council", name: "Regionsrådet" });
      expect(dup.statusCode).toBe(400);
      expect(dup.json().error.fields).toEqual([
        { path: "name", message: "Der er allerede en godkendelse med det navn på aftalen." },
      ]);
      const outsider = await t().request({
        method: "PATCH",
        url: `/api/v1/ratification-steps/${step.id}`,
        token: w.users.outsider.token,
        payload: { version: step.version, approvedOn: dayFromNow(-1) },
      });
      expect(outsider.statusCode).toBe(403);
      const [row] = await t()
        .system.db.select()
        .from(ratificationSteps)
        .where(eq(ratificationSteps.id, step.id));
      expect(row?.approvedOn).toBeNull();
    });

    it("stores an approval's document through the file store and serves it", async () => {
      const step = tracker.steps[2] as { id: number };
      const up = await t().request({
        method: "PUT",
        url: `/api/v1/ratification-steps/${step.id}/content?fileName=regionsraad.txt`,
        token: w.users.secretary.token,
        headers: { "content-type": "text/plain" },
        payload: "Regionsrådet godkendte aftalen.",
      });
      expect(up.statusCode).toBe(200);
      const got = await t().request({ method: "GET", url: `/api/v1/ratification-steps/${step.id}/content` });
      expect(got.statusCode).toBe(200);
      expect(got.body).toBe("Regionsrådet godkendte aftalen.");
    });
  });

  it("appears in the OpenAPI document", async () => {
    const doc = (await t().request({ method: "GET", url: "/api/docs/json" })).json();
    for (const path of [
      "/api/v1/implementation",
      "/api/v1/implementation.csv",
      "/api/v1/implementation.xlsx/attach",
      "/api/v1/agreements/{id}/implementation/{partyId}",
      "/api/v1/agreements/{id}/ratification",
      "/api/v1/ratification-steps/{id}",
    ]) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
  });
});
