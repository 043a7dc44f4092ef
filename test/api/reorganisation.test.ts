import { and, eq, inArray, sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { testConfig } from "../../src/config.ts";
import type { Database } from "../../src/db/client.ts";
import { actions, createAction } from "../../src/modules/actions/index.ts";
import { agreements } from "../../src/modules/agreements/index.ts";
import { verifyAuditChain } from "../../src/modules/audit/index.ts";
import { createApiToken, createUser } from "../../src/modules/auth/auth.service.ts";
import { PUBLIC_ACTOR, SYSTEM_ACTOR } from "../../src/modules/auth/index.ts";
import { bodies, createBody, structureToday } from "../../src/modules/bodies/index.ts";
import { cases, createCase } from "../../src/modules/cases/index.ts";
import { demoData } from "../../src/modules/demo/demo.data.ts";
import { loadDemo } from "../../src/modules/demo/demo.service.ts";
import { funds, loadFundStatus } from "../../src/modules/funds/index.ts";
import { initiatives } from "../../src/modules/initiatives/index.ts";
import { agendaItems, meetings } from "../../src/modules/meetings/index.ts";
import { reorganisations, structureSuccessions } from "../../src/modules/reorganisation/index.ts";
import { buildApp } from "../../src/server/app.ts";
import type { Ctx } from "../../src/server/context.ts";
import { csrfFor, pageLogin } from "../helpers/csrf.ts";
import {
  createTestDatabase,
  type DbKind,
  describeEachDatabase,
  templateFolder,
} from "../helpers/databases.ts";

/** A demo database of either kind: PGlite from the install's template when it fits, else loaded here. */
async function demoDatabase(kind: DbKind): Promise<{ database: Database; drop(): Promise<void> }> {
  if (kind === "pglite") {
    const folder = templateFolder({ demo: true });
    const { createDatabase } = await import("../../src/db/client.ts");
    const database = await createDatabase({
      databaseUrl: undefined,
      dataDir: folder?.dataDir ?? "memory://",
    });
    await database.migrate();
    if (folder?.kind !== "demo") {
      await loadDemo(database.db, demoData);
    }
    const dropDemo = async () => {
      await database.close();
      folder?.remove();
    };
    return { database, drop: dropDemo };
  }
  const created = await createTestDatabase(kind);
  await loadDemo(created.database.db, demoData);
  return created;
}

const plusDays = (day: string, n: number) => {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};

/** The reform on the demo, what the readers show across it, and a second change carried out and undone. */
describeEachDatabase("Reorganisations on the demo", (kind: DbKind) => {
  let database: Database;
  let drop: () => Promise<void>;
  let app: FastifyInstance;
  let system: Ctx;
  let admin: string;
  const id = async (name: string) => {
    const [row] = await database.db.select().from(bodies).where(eq(bodies.name, name));
    return row as typeof bodies.$inferSelect;
  };
  const api = (method: "GET" | "POST", url: string, payload?: object, token?: string) =>
    app.inject({
      method,
      url,
      ...(payload ? { payload } : {}),
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });

  beforeAll(async () => {
    ({ database, drop } = await demoDatabase(kind));
    system = { db: database.db, actor: SYSTEM_ACTOR };
    app = await buildApp({ config: testConfig(), database });
    await app.ready();
    const user = await createUser(system, {
      email: "admin@reorg.test",
      name: "Admin",
      password: "korrekt-hest-batteri",
      isAdmin: true,
      personId: null,
    });
    admin = (
      await createApiToken({ db: database.db, actor: { ...PUBLIC_ACTOR, userId: user.id } }, { name: "t" })
    ).token;
  }, 400_000);
  afterAll(async () => {
    await app?.close();
    await drop?.();
  });

  it("the demo's clusters and committee close on 31.12.2026 and hand everything to their successors", async () => {
    const [reform] = await database.db.select().from(reorganisations);
    expect(reform?.status).toBe("carried_out");
    expect(reform?.effectiveDate).toBe("2027-01-01");
    const pn = await id("Sundhedsklynge Syd – politisk niveau");
    const sr = await id("Sundhedsråd Vestkyst Syd");
    expect(pn.validTo).toBe("2026-12-31");
    expect(sr.validFrom).toBe("2027-01-01");
    // The planned January meeting of the cluster is now the health council's; what was held stays.
    const pnMeetings = await database.db.select().from(meetings).where(eq(meetings.bodyId, pn.id));
    const srMeetings = await database.db.select().from(meetings).where(eq(meetings.bodyId, sr.id));
    expect(pnMeetings.every((m) => m.start < new Date("2027-01-01T00:00:00+01:00"))).toBe(true);
    expect(srMeetings.some((m) => m.status === "planned")).toBe(true);
    const closedIds = (await database.db.select().from(bodies).where(eq(bodies.validTo, "2026-12-31"))).map(
      (b) => b.id,
    );
    expect(closedIds.length).toBe(7);
    expect(await database.db.select().from(funds).where(inArray(funds.bodyId, closedIds))).toEqual([]);
    const open = await database.db
      .select()
      .from(initiatives)
      .where(
        and(
          inArray(initiatives.ownerBodyId, closedIds),
          sql`${initiatives.phase} not in ('anchored','stopped')`,
        ),
      );
    expect(open).toEqual([]);
    expect(
      await database.db.select().from(agreements).where(inArray(agreements.ownerBodyId, closedIds)),
    ).toEqual([]);
    expect((await verifyAuditChain(database.db)).broken).toEqual([]);
    // Pickers offer what exists on the day asked for.
    const names = async (day: string) =>
      (await api("GET", `/api/v1/bodies?validOn=${day}&limit=200`))
        .json()
        .items.map((b: { name: string }) => b.name);
    expect(await names("2026-12-15")).toContain(pn.name);
    expect(await names("2026-12-15")).not.toContain(sr.name);
    expect(await names("2027-01-15")).toContain(sr.name);
    expect(await names("2027-01-15")).not.toContain(pn.name);
    const parties = (await api("GET", "/api/v1/parties?validOn=2027-01-15&limit=200")).json().items;
    expect(parties.length).toBeGreaterThan(5);
  });

  it("body pages say when a body closed and where it goes on, and a closed calendar follows the successor", async () => {
    const pn = await id("Sundhedsklynge Nord – politisk niveau");
    const sr = await id("Sundhedsråd Vestkyst Nord");
    const closed = await api("GET", `/organer/${pn.id}`);
    const page = (await app.inject({ method: "GET", url: closed.headers.location as string })).body;
    expect(page).toContain("Nedlagt 31.12.2026");
    expect(page).toContain("videreført i");
    expect(page).toContain(`/organer/${sr.id}-`);
    const next = await app.inject({ method: "GET", url: `/organer/${sr.id}` });
    const succ = (await app.inject({ method: "GET", url: next.headers.location as string })).body;
    expect(succ).toMatch(/Oprette[st] 01\.01\.2027/);
    expect(succ).toContain(`withPredecessors=1`);
    const ics = await api("GET", `/api/v1/bodies/${pn.id}/calendar.ics`);
    expect(ics.body).toContain("Sundhedsråd Vestkyst Nord");
    const body = await api("GET", `/api/v1/bodies/${pn.id}`);
    expect(body.json()).toMatchObject({ validTo: "2026-12-31" });
    expect(["active", "closed"]).toContain(body.json().status);
  });

  it("search with predecessors finds the closed cluster's archive from its successor; closed items stay closed", async () => {
    const pn = await id("Sundhedsklynge Nord – politisk niveau");
    const sr = await id("Sundhedsråd Vestkyst Nord");
    const items = await database.db
      .select({
        id: agendaItems.id,
        title: agendaItems.title,
        access: agendaItems.access,
        status: meetings.status,
      })
      .from(agendaItems)
      .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
      .where(eq(meetings.bodyId, pn.id));
    const open = items.find((i) => i.access === "open" && i.status !== "planned" && i.title.length > 20);
    expect(open).toBeDefined();
    const word = (open?.title ?? "").split(/\s+/).find((w) => w.length > 6) as string;
    const without = await api("GET", `/api/v1/search?bodyId=${sr.id}&q=${encodeURIComponent(word)}`);
    expect(without.json().hits.filter((h: { bodyId: number }) => h.bodyId === pn.id)).toEqual([]);
    const withP = await api(
      "GET",
      `/api/v1/search?bodyId=${sr.id}&withPredecessors=1&q=${encodeURIComponent(word)}`,
    );
    expect(withP.statusCode).toBe(200);
    expect(withP.json().hits.some((h: { bodyId: number }) => h.bodyId === pn.id)).toBe(true);
    // Canary: a closed item of a closed body reaches no outsider through its successor's search.
    const [closedItem] = await database.db
      .select({ id: agendaItems.id, title: agendaItems.title, bodyId: meetings.bodyId })
      .from(agendaItems)
      .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
      .innerJoin(bodies, eq(bodies.id, meetings.bodyId))
      .where(
        and(
          eq(agendaItems.access, "closed"),
          eq(bodies.validTo, "2026-12-31"),
          sql`${meetings.status} <> 'planned'`,
        ),
      )
      .limit(1);
    expect(closedItem).toBeDefined();
    const [link] = await database.db
      .select()
      .from(structureSuccessions)
      .where(eq(structureSuccessions.predecessorId, closedItem?.bodyId as number));
    const q = (closedItem?.title ?? "").split(/\s+/).find((w) => w.length > 6) ?? "";
    for (const token of [undefined, admin]) {
      const res = await api(
        "GET",
        `/api/v1/search?bodyId=${link?.successorId}&withPredecessors=1&q=${encodeURIComponent(q)}`,
        undefined,
        token,
      );
      expect(res.statusCode).toBe(200);
      const seen = res.json().hits.some((h: { itemId: number | null }) => h.itemId === closedItem?.id);
      // The public never sees it; the admin (who may read everything) does, so the search did reach it.
      expect(seen).toBe(token === admin);
    }
    const publicPage = await app.inject({ method: "GET", url: `/soeg?bodyId=${sr.id}&withPredecessors=1` });
    expect(publicPage.statusCode).toBe(200);
  });

  it("a merge of the two health councils: the preview is what is carried out, to the øre, and undo puts it back", async () => {
    const north = await id("Sundhedsråd Vestkyst Nord");
    const south = await id("Sundhedsråd Vestkyst Syd");
    const effective = plusDays(structureToday() > "2027-01-01" ? structureToday() : "2027-01-01", 40);
    const merged = await createBody(system, {
      name: "Sundhedsråd Vestkyst",
      kind: "health_council",
      region: "Region Vestkyst",
      validFrom: effective,
    });
    // Open work on the councils: a follow-up with its due body, a case waiting for the next meeting.
    const action = await createAction(system, {
      bodyId: north.id,
      text: "Sekretariatet udarbejder en arbejdsplan",
      ownerText: "Sekretariatet",
      dueBodyId: north.id,
    });
    const waiting = await createCase(system, {
      title: "Arbejdsplan for sundhedsrådet",
      awaitingBodyId: south.id,
      decidingBodyId: south.id,
    });
    const input = {
      kind: "merge",
      title: "Sundhedsrådene lægges sammen",
      effectiveDate: effective,
      links: [north, south].map((b) => ({
        predecessor: { kind: "body", id: b.id },
        successors: [{ kind: "body", id: merged.id }],
      })),
    };
    expect((await api("POST", "/api/v1/reorganisations/preview", input)).statusCode).toBe(401);
    const previewed = await api("POST", "/api/v1/reorganisations/preview", input, admin);
    expect(previewed.statusCode).toBe(200);
    const preview = previewed.json();
    const sections = new Set(preview.moves.map((m: { section: string }) => m.section));
    for (const s of ["structure", "actions", "cases", "funds", "initiatives", "groups", "memberships"]) {
      expect(sections.has(s), s).toBe(true);
    }
    const fundIds = preview.moves
      .filter((m: { entity: string }) => m.entity === "fund")
      .map((m: { id: number }) => m.id);
    const money = async () => {
      let total = 0n;
      for (const f of fundIds) {
        total += (await loadFundStatus(system, f)).table.totals.remaining;
      }
      return total;
    };
    const before = await money();
    const counts = async () => ({
      actions: (await database.db.select().from(actions)).length,
      funds: (await database.db.select().from(funds)).length,
      initiatives: (await database.db.select().from(initiatives)).length,
    });
    const countsBefore = await counts();
    // A wrong digest is refused; nothing moves.
    const wrong = await api(
      "POST",
      "/api/v1/reorganisations",
      { ...input, previewDigest: "0".repeat(64) },
      admin,
    );
    expect(wrong.statusCode).toBe(409);
    const done = await api(
      "POST",
      "/api/v1/reorganisations",
      { ...input, previewDigest: preview.digest },
      admin,
    );
    expect(done.statusCode).toBe(201);
    expect(done.json().moves).toBe(preview.moves.length);
    // Every moved row holds the preview's new value.
    for (const m of preview.moves as { entity: string; id: number; column: string; to: number | string }[]) {
      if (m.entity === "action") {
        const [a] = await database.db.select().from(actions).where(eq(actions.id, m.id));
        expect(m.column === "body_id" ? a?.bodyId : a?.dueBodyId).toBe(m.to);
      }
      if (m.entity === "fund") {
        const [f] = await database.db.select().from(funds).where(eq(funds.id, m.id));
        expect(f?.bodyId).toBe(merged.id);
      }
      if (m.entity === "initiative") {
        const [i] = await database.db.select().from(initiatives).where(eq(initiatives.id, m.id));
        expect(i?.ownerBodyId).toBe(merged.id);
      }
    }
    const [movedAction] = await database.db.select().from(actions).where(eq(actions.id, action.id));
    expect(movedAction).toMatchObject({ bodyId: merged.id, dueBodyId: merged.id, status: "open" });
    const [movedCase] = await database.db.select().from(cases).where(eq(cases.id, waiting.id));
    expect(movedCase).toMatchObject({ awaitingBodyId: merged.id, decidingBodyId: merged.id });
    expect(await money()).toBe(before);
    expect(String(before)).toBe(preview.money.totalBeforeOre);
    expect(await counts()).toEqual(countsBefore);
    expect((await id("Sundhedsråd Vestkyst Nord")).validTo).toBe(plusDays(effective, -1));
    expect((await verifyAuditChain(database.db)).broken).toEqual([]);
    // Before the effective date the change can be undone, exactly.
    const undone = await api("POST", `/api/v1/reorganisations/${done.json().id}/undo`, undefined, admin);
    expect(undone.statusCode).toBe(200);
    expect(undone.json().status).toBe("undone");
    const [back] = await database.db.select().from(actions).where(eq(actions.id, action.id));
    expect(back).toMatchObject({ bodyId: north.id, dueBodyId: north.id });
    expect((await id("Sundhedsråd Vestkyst Nord")).validTo).toBeNull();
    for (const m of preview.moves.filter((x: { entity: string }) => x.entity === "fund")) {
      const [f] = await database.db.select().from(funds).where(eq(funds.id, m.id));
      expect(f?.bodyId).toBe(m.from);
    }
    expect(await money()).toBe(before);
    expect(
      (await api("POST", `/api/v1/reorganisations/${done.json().id}/undo`, undefined, admin)).statusCode,
    ).toBe(409);
    expect((await verifyAuditChain(database.db)).broken).toEqual([]);
  });

  it("an admin previews, confirms in a second step and undoes a closure through the pages, without JavaScript", async () => {
    const html = { accept: "text/html" };
    const anonymous = await app.inject({ method: "GET", url: "/admin/strukturaendringer", headers: html });
    expect(anonymous.statusCode).toBe(303);
    const cookie = await pageLogin((o) => app.inject(o), "admin@tvaers.local", "Klit-Fyrtaarn-2026");
    const list = await app.inject({
      method: "GET",
      url: "/admin/strukturaendringer",
      headers: { ...html, cookie },
    });
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain("Ny sundhedsstruktur 1. januar 2027");
    const group = await id("Ad hoc gruppe om genoptræningsplaner");
    const values = {
      kind: "close",
      title: "Genoptræningsgruppen nedlægges",
      effectiveDate: plusDays(structureToday(), 30),
      note: "",
      from1: `body:${group.id}`,
      to1: "",
    };
    const post = (url: string, extra: Record<string, string> = {}) =>
      app.inject({
        method: "POST",
        url,
        headers: { ...html, cookie, "content-type": "application/x-www-form-urlencoded" },
        payload: new URLSearchParams({ _csrf: csrfFor(cookie), ...values, ...extra }).toString(),
      });
    // Danish dates are read (issue 16.7); a day that does not exist is refused with the accepted ways.
    const bad = await post("/admin/strukturaendringer/forhaandsvisning", { effectiveDate: "31-13-2026" });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('aria-invalid="true"');
    expect(bad.body).toContain("Skriv datoen som dag-måned-år");
    // In English the same refusal is English (issue 16.10), and so is a line without a predecessor.
    const english = await app.inject({
      method: "POST",
      url: "/admin/strukturaendringer/forhaandsvisning",
      headers: {
        ...html,
        cookie: `${cookie}; tvaers_lang=en`,
        "content-type": "application/x-www-form-urlencoded",
      },
      payload: new URLSearchParams({
        _csrf: csrfFor(cookie),
        ...values,
        effectiveDate: "31-13-2026",
        from2: "",
        to2: "body:1",
      }).toString(),
    });
    expect(english.statusCode).toBe(400);
    expect(english.body).toContain("Write the date as day-month-year");
    expect(english.body).toContain("Choose a predecessor on the line.");
    expect(english.body).not.toContain("Skriv datoen");
    const danish = await post("/admin/strukturaendringer/forhaandsvisning", {
      effectiveDate: "1. januar 2027",
    });
    expect(danish.statusCode).toBe(200);
    const preview = await post("/admin/strukturaendringer/forhaandsvisning");
    expect(preview.statusCode).toBe(200);
    expect(preview.body).toContain("Forhåndsvisning: Genoptræningsgruppen nedlægges");
    expect(preview.body).toContain("Forgængernes sidste dag");
    const digest = /name="previewDigest" value="([0-9a-f]{64})"/.exec(preview.body)?.[1] as string;
    expect((await post("/admin/strukturaendringer", { previewDigest: digest })).statusCode).toBe(400);
    const done = await post("/admin/strukturaendringer", { previewDigest: digest, confirm: "1" });
    expect(done.statusCode).toBe(303);
    expect((await id("Ad hoc gruppe om genoptræningsplaner")).validTo).toBe(plusDays(structureToday(), 29));
    const detail = await app.inject({
      method: "GET",
      url: done.headers.location as string,
      headers: { ...html, cookie },
    });
    expect(detail.body).toContain("Fortryd strukturændringen");
    const undo = await post(`${done.headers.location}/fortryd`);
    expect(undo.statusCode).toBe(303);
    expect((await id("Ad hoc gruppe om genoptræningsplaner")).validTo).toBeNull();
  });

  it("a split: each row goes to the successor the admin chooses on the preview page (the first by default), and undo puts it back", async () => {
    const north = await id("Sundhedsråd Vestkyst Nord");
    const effective = plusDays(structureToday() > "2027-01-01" ? structureToday() : "2027-01-01", 50);
    const [west, east] = await Promise.all(
      ["Sundhedsråd Nord – Vest", "Sundhedsråd Nord – Øst"].map((name) =>
        createBody(system, { name, kind: "health_council", region: "Region Vestkyst", validFrom: effective }),
      ),
    );
    const action = await createAction(system, {
      bodyId: north.id,
      text: "Sekretariatet beskriver den østlige del af klyngens indsatser",
      ownerText: "Sekretariatet",
      dueBodyId: north.id,
    });
    const input = {
      kind: "split",
      title: "Sundhedsråd Nord deles i to",
      effectiveDate: effective,
      links: [
        {
          predecessor: { kind: "body", id: north.id },
          successors: [west, east].map((b) => ({ kind: "body", id: b?.id })),
        },
      ],
    };
    const plain = (await api("POST", "/api/v1/reorganisations/preview", input, admin)).json();
    const row = `action:${action.id}`;
    expect(plain.assignable.find((a: { row: string }) => a.row === row)).toMatchObject({
      to: { id: west?.id },
      successors: [{ id: west?.id }, { id: east?.id }],
    });
    // Nothing can go to a body that is not one of the predecessor's successors, or name a row that does not move.
    const south = await id("Sundhedsråd Vestkyst Syd");
    for (const assignments of [
      [{ row, to: { kind: "body", id: south.id } }],
      [{ row: "action:999999", to: { kind: "body", id: east?.id } }],
    ]) {
      const bad = await api("POST", "/api/v1/reorganisations/preview", { ...input, assignments }, admin);
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.fields[0].path).toBe("assignments");
    }

    // The admin's pages: the preview offers the choice, calculates again, and carries out what it showed.
    const html = { accept: "text/html" };
    const cookie = await pageLogin((o) => app.inject(o), "admin@tvaers.local", "Klit-Fyrtaarn-2026");
    const values = {
      _csrf: csrfFor(cookie),
      kind: "split",
      title: input.title,
      effectiveDate: effective,
      note: "",
      from1: `body:${north.id}`,
      to1: `body:${west?.id}`,
      from2: `body:${north.id}`,
      to2: `body:${east?.id}`,
    };
    const post = (url: string, extra: Record<string, string> = {}) =>
      app.inject({
        method: "POST",
        url,
        headers: { ...html, cookie, "content-type": "application/x-www-form-urlencoded" },
        payload: new URLSearchParams({ ...values, ...extra }).toString(),
      });
    const first = await post("/admin/strukturaendringer/forhaandsvisning");
    expect(first.statusCode).toBe(200);
    expect(first.body).toContain("Fordeling mellem efterfølgerne");
    // Danish throughout: the memberships that end are labelled with the roles' Danish names.
    expect(first.body).toContain("(medlem)");
    expect(first.body).not.toContain("(member)");
    const select =
      new RegExp(`<select[^>]*name="assign\\.${row}"[^>]*>(.*?)</select>`).exec(first.body)?.[1] ?? "";
    expect(select).toContain(`<option value="body:${west?.id}" selected>`);
    const again = await post("/admin/strukturaendringer/forhaandsvisning", {
      [`assign.${row}`]: `body:${east?.id}`,
    });
    expect(again.statusCode).toBe(200);
    const chosen =
      new RegExp(`<select[^>]*name="assign\\.${row}"[^>]*>(.*?)</select>`).exec(again.body)?.[1] ?? "";
    expect(chosen).toContain(`<option value="body:${east?.id}" selected>`);
    const digest = (body: string) => /name="previewDigest" value="([0-9a-f]{64})"/.exec(body)?.[1] as string;
    expect(digest(again.body)).not.toBe(digest(first.body));
    // The confirming form carries the choice: the API's preview with the same choice has the same digest.
    const chosenPreview = (
      await api(
        "POST",
        "/api/v1/reorganisations/preview",
        { ...input, assignments: [{ row, to: { kind: "body", id: east?.id } }] },
        admin,
      )
    ).json();
    expect(chosenPreview.digest).toBe(digest(again.body));
    const done = await post("/admin/strukturaendringer", {
      [`assign.${row}`]: `body:${east?.id}`,
      previewDigest: digest(again.body),
      confirm: "1",
    });
    expect(done.statusCode, done.body).toBe(303);
    const [moved] = await database.db.select().from(actions).where(eq(actions.id, action.id));
    expect(moved).toMatchObject({ bodyId: east?.id, dueBodyId: east?.id });
    // Every other row went to the first successor.
    const others = (
      chosenPreview.moves as { entity: string; id: number; column: string; to: unknown }[]
    ).filter((m) => m.column.endsWith("body_id") && !(m.entity === "action" && m.id === action.id));
    expect(others.length).toBeGreaterThan(0);
    expect(new Set(others.map((m) => m.to))).toEqual(new Set([west?.id]));
    const reorgId = Number(/(\d+)$/.exec(done.headers.location as string)?.[1]);
    expect((await api("POST", `/api/v1/reorganisations/${reorgId}/undo`, undefined, admin)).statusCode).toBe(
      200,
    );
    const [back] = await database.db.select().from(actions).where(eq(actions.id, action.id));
    expect(back).toMatchObject({ bodyId: north.id, dueBodyId: north.id });
    expect((await verifyAuditChain(database.db)).broken).toEqual([]);
  });

  it("refuses a merge with one predecessor and a successor that does not exist yet, in Danish", async () => {
    const north = await id("Sundhedsråd Vestkyst Nord");
    const res = await api(
      "POST",
      "/api/v1/reorganisations/preview",
      {
        kind: "merge",
        title: "x",
        effectiveDate: "2027-02-01",
        links: [{ predecessor: { kind: "body", id: north.id }, successors: [] }],
      },
      admin,
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain("sammenlægning");
  });
});
