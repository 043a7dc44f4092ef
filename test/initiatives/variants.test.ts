import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "../../src/modules/audit/index.ts";
import { createApiToken, createUser } from "../../src/modules/auth/auth.service.ts";
import { type Actor, PUBLIC_ACTOR, SYSTEM_ACTOR } from "../../src/modules/auth/index.ts";
import { exportAll, restoreAll } from "../../src/modules/backup/index.ts";
import {
  createInitiative,
  initiativePartyFigures,
  initiativePartyVariants,
} from "../../src/modules/initiatives/index.ts";
import { mayKeepPartyVariant } from "../../src/modules/initiatives/variants.access.ts";
import { figureSeries } from "../../src/modules/initiatives/variants.chart.ts";
import { readDanishNumber, type TInitiativeParty } from "../../src/modules/initiatives/variants.schemas.ts";
import { createParty } from "../../src/modules/parties/index.ts";
import { createMembership, createPerson } from "../../src/modules/people/index.ts";
import { useTestApp } from "../helpers/app.ts";
import { describeEachDatabase } from "../helpers/databases.ts";
import { seedWorld, type World } from "../helpers/factories.ts";

describe("who keeps a party's variant (pure)", () => {
  const actor = (roles: [number, "secretary" | "member"][], extra: Partial<Actor> = {}): Actor => ({
    ...PUBLIC_ACTOR,
    userId: 7,
    roles: new Map(roles.map(([b, r]) => [b, new Set([r])])),
    ...extra,
  });
  it.each([
    ["the owner body's secretariat", actor([[1, "secretary"]]), new Set<number>(), true],
    ["a member of the owner body for no party", actor([[1, "member"]]), new Set<number>(), false],
    ["the party's representative", actor([[2, "member"]]), new Set([10]), true],
    ["another party's representative", actor([[2, "member"]]), new Set([11]), false],
    ["another body's secretariat", actor([[2, "secretary"]]), new Set<number>(), false],
    ["an admin", actor([], { isAdmin: true }), new Set<number>(), true],
    ["the public", PUBLIC_ACTOR, new Set<number>(), false],
  ] as const)("%s: %s", (_who, a, represented, allowed) => {
    expect(mayKeepPartyVariant(a, { ownerBodyId: 1 }, 10, represented)).toBe(allowed);
  });
  it("lets only admins and representatives keep an initiative without an owner body", () => {
    expect(mayKeepPartyVariant(actor([[1, "secretary"]]), { ownerBodyId: null }, 10, new Set())).toBe(false);
    expect(mayKeepPartyVariant(actor([]), { ownerBodyId: null }, 10, new Set([10]))).toBe(true);
  });
});

describe("reading numbers and drawing figures (pure)", () => {
  it.each([
    ["93", 93],
    ["12,5", 12.5],
    ["1.234,5", 1234.5],
    ["1 234", 1234],
    ["-3", -3],
    ["", undefined],
    ["mange", "mange"],
    ["1,2,3", "1,2,3"],
  ])("reads %j as %j", (text, expected) => {
    expect(readDanishNumber(text)).toEqual(expected);
  });

  it("puts each label's figures on the period days, the latest of a day counting, gaps as null", () => {
    const f = (
      label: string,
      value: number,
      measuredOn: string,
      id: number,
      period: string | null = null,
    ) => ({
      id,
      createdAt: "",
      updatedAt: "",
      version: 1,
      initiativeId: 1,
      partyId: 1,
      label,
      value,
      unit: null,
      sharePercent: null,
      measuredOn,
      period,
    });
    const chart = figureSeries([
      f("forløb", 40, "2025-06-30", 1, "1. halvår 2025"),
      f("genindlagt", 9, "2025-06-30", 2),
      f("forløb", 93, "2025-12-31", 3),
      f("forløb", 95, "2025-12-31", 4),
      f("forløb", 120, "2026-06-30", 5),
    ]);
    expect(chart.days).toEqual(["2025-06-30", "2025-12-31", "2026-06-30"]);
    expect(chart.periodName.get("2025-06-30")).toBe("1. halvår 2025");
    expect(chart.series).toEqual([
      { name: "forløb", values: [40, 95, 120] },
      { name: "genindlagt", values: [9, null, null] },
    ]);
  });
});

describeEachDatabase("Per-party variants of an initiative (issue 22.5)", (kind) => {
  const t = useTestApp(kind);
  let w: World;
  let initiativeId: number;
  let ritaToken: string;
  const party: Record<"esbjerg" | "fanoe" | "varde", { id: number }> = {} as never;

  const api = (method: "GET" | "POST", url: string, token?: string, payload?: object) =>
    t().request({ method, url, ...(token ? { token } : {}), ...(payload ? { payload } : {}) });
  const partyOf = async (partyId: number, token?: string) => {
    const res = await api("GET", `/api/v1/initiatives/${initiativeId}/parties`, token);
    expect(res.statusCode, res.body).toBe(200);
    return (res.json() as TInitiativeParty[]).find((p) => p.partyId === partyId) as TInitiativeParty;
  };
  const rowsOf = async (partyId: number) =>
    t()
      .system.db.select()
      .from(initiativePartyVariants)
      .where(
        and(
          eq(initiativePartyVariants.initiativeId, initiativeId),
          eq(initiativePartyVariants.partyId, partyId),
        ),
      );

  beforeAll(async () => {
    const { system } = t();
    w = await seedWorld(system);
    for (const [key, name] of [
      ["esbjerg", "Esbjerg Kommune"],
      ["fanoe", "Fanø Kommune"],
      ["varde", "Varde Kommune"],
    ] as const) {
      party[key] = await createParty(system, { type: "municipality", name, region: "Testkyst" });
    }
    // The SSU member sits for Esbjerg too: Esbjerg's representative in the owner body.
    await createMembership(system, {
      personId: w.people.member.id,
      bodyId: w.ssu.id,
      role: "member",
      partyId: party.esbjerg.id,
    });
    // Rita sits for Fanø in another body: Fanø's representative too.
    const rep = await createPerson(system, { name: "Rita Repræsentant" });
    await createMembership(system, {
      personId: rep.id,
      bodyId: w.other.id,
      role: "member",
      partyId: party.fanoe.id,
    });
    const rita = await createUser(system, {
      email: "rita@test.dk",
      name: "rita",
      password: "korrekt-hest-batteri",
      personId: rep.id,
    });
    ritaToken = (
      await createApiToken({ db: system.db, actor: { ...PUBLIC_ACTOR, userId: rita.id } }, { name: "t" })
    ).token;
    const initiative = await createInitiative(
      { db: system.db, actor: SYSTEM_ACTOR },
      {
        title: "Akutteam i eget hjem",
        agreement: "Sundhedsaftalen 2024–2027",
        focusArea: "Sammenhængende forløb",
        scope: "parallel",
        ownerBodyId: w.ssu.id,
        region: "Testkyst",
        partyIds: [party.esbjerg.id, party.fanoe.id],
        targetGroup: "Ældre",
        theme: "Akut",
      },
    );
    initiativeId = initiative.id;
  });

  it("lists the named parties with no variant yet, version 0", async () => {
    const res = await api("GET", `/api/v1/initiatives/${initiativeId}/parties`);
    expect(res.statusCode).toBe(200);
    const list = res.json() as TInitiativeParty[];
    expect(list.map((p) => p.partyName)).toEqual(["Esbjerg Kommune", "Fanø Kommune"]);
    expect(list.every((p) => p.current === null && p.version === 0 && !p.mayChange)).toBe(true);
  });

  it("keeps the history of opting in and out as rows; the latest is in force", async () => {
    const tok = w.users.secretary.token;
    const url = `/api/v1/initiatives/${initiativeId}/parties/${party.fanoe.id}/variant`;
    const first = await api("POST", url, tok, {
      version: 0,
      model: "Model B, der afprøves",
      participation: "in",
      effectiveOn: "2025-01-01",
      contactName: "Kim Kontakt",
      contactEmail: "kim@fanoe.test",
    });
    expect(first.statusCode, first.body).toBe(201);
    const out = await api("POST", url, tok, {
      version: 1,
      model: "Model B, der afprøves",
      participation: "out",
      reason: "Står udenfor den fælles organisering",
      effectiveOn: "2025-09-01",
    });
    expect(out.statusCode, out.body).toBe(201);
    const p = out.json() as TInitiativeParty;
    expect(p.version).toBe(2);
    expect(p.current).toMatchObject({ participation: "out", reason: "Står udenfor den fælles organisering" });
    expect(p.history.map((h) => [h.effectiveOn, h.participation])).toEqual([
      ["2025-09-01", "out"],
      ["2025-01-01", "in"],
    ]);
    expect(await rowsOf(party.fanoe.id)).toHaveLength(2);
    const audited = await t()
      .system.db.select({ id: auditLog.id })
      .from(auditLog)
      .where(and(eq(auditLog.tableName, "initiative_party_variants"), eq(auditLog.action, "insert")));
    expect(audited.length).toBeGreaterThanOrEqual(2);
  });

  it("answers 409 for a stale version and writes nothing", async () => {
    const before = await rowsOf(party.fanoe.id);
    const res = await api(
      "POST",
      `/api/v1/initiatives/${initiativeId}/parties/${party.fanoe.id}/variant`,
      w.users.secretary.token,
      { version: 1, participation: "in" },
    );
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe("version_conflict");
    expect(await rowsOf(party.fanoe.id)).toHaveLength(before.length);
  });

  it("needs a reason to stand outside, in Danish, at the field", async () => {
    const res = await api(
      "POST",
      `/api/v1/initiatives/${initiativeId}/parties/${party.esbjerg.id}/variant`,
      w.users.secretary.token,
      { version: 0, participation: "out" },
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual([
      expect.objectContaining({ message: expect.stringContaining("hvorfor parten står udenfor") }),
    ]);
    expect(await rowsOf(party.esbjerg.id)).toHaveLength(0);
  });

  it("lets the party's representative keep their own party, not another", async () => {
    const tok = w.users.member.token;
    const own = await api(
      "POST",
      `/api/v1/initiatives/${initiativeId}/parties/${party.esbjerg.id}/variant`,
      tok,
      {
        version: 0,
        model: "Model A",
        participation: "in",
      },
    );
    expect(own.statusCode, own.body).toBe(201);
    expect((await partyOf(party.esbjerg.id, tok)).mayChange).toBe(true);
    expect((await partyOf(party.fanoe.id, tok)).mayChange).toBe(false);
    const other = await api(
      "POST",
      `/api/v1/initiatives/${initiativeId}/parties/${party.fanoe.id}/figures`,
      tok,
      {
        label: "patientforløb",
        value: 1,
        measuredOn: "2025-06-30",
      },
    );
    expect(other.statusCode).toBe(403);
    const rita = await api(
      "POST",
      `/api/v1/initiatives/${initiativeId}/parties/${party.fanoe.id}/figures`,
      ritaToken,
      {
        label: "patientforløb",
        value: 12,
        measuredOn: "2025-06-30",
      },
    );
    expect(rita.statusCode, rita.body).toBe(201);
    const notHers = await api(
      "POST",
      `/api/v1/initiatives/${initiativeId}/parties/${party.esbjerg.id}/figures`,
      ritaToken,
      {
        label: "patientforløb",
        value: 12,
        measuredOn: "2025-06-30",
      },
    );
    expect(notHers.statusCode).toBe(403);
  });

  it("refuses outsiders and the public with nothing written", async () => {
    const count = async () =>
      (
        await t()
          .system.db.select({ id: initiativePartyFigures.id })
          .from(initiativePartyFigures)
          .where(eq(initiativePartyFigures.initiativeId, initiativeId))
      ).length +
      (
        await t()
          .system.db.select({ id: initiativePartyVariants.id })
          .from(initiativePartyVariants)
          .where(eq(initiativePartyVariants.initiativeId, initiativeId))
      ).length;
    const before = await count();
    for (const token of [w.users.outsider.token, undefined]) {
      const v = await api(
        "POST",
        `/api/v1/initiatives/${initiativeId}/parties/${party.esbjerg.id}/variant`,
        token,
        {
          version: 1,
          participation: "out",
          reason: "Nej",
        },
      );
      expect(v.statusCode).toBe(token ? 403 : 401);
      const f = await api(
        "POST",
        `/api/v1/initiatives/${initiativeId}/parties/${party.esbjerg.id}/figures`,
        token,
        {
          label: "patientforløb",
          value: 5,
          measuredOn: "2025-06-30",
        },
      );
      expect(f.statusCode).toBe(token ? 403 : 401);
    }
    expect(await count()).toBe(before);
  });

  it("refuses a party that does not take part", async () => {
    const res = await api(
      "POST",
      `/api/v1/initiatives/${initiativeId}/parties/${party.varde.id}/variant`,
      w.users.secretary.token,
      { version: 0, participation: "in" },
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toBe("Parten deltager ikke i indsatsen.");
    expect(await rowsOf(party.varde.id)).toHaveLength(0);
  });

  it("keeps figures over time, oldest period first, with unit and share", async () => {
    const url = `/api/v1/initiatives/${initiativeId}/parties/${party.esbjerg.id}/figures`;
    for (const [measuredOn, value, share] of [
      ["2025-12-31", 93, 23],
      ["2025-06-30", 40, null],
      ["2026-06-30", 120, 20.5],
    ] as const) {
      const res = await api("POST", url, w.users.secretary.token, {
        label: "patientforløb",
        value,
        unit: "forløb",
        sharePercent: share,
        measuredOn,
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    const p = await partyOf(party.esbjerg.id);
    expect(p.figures.map((f) => [f.measuredOn, f.value, f.sharePercent])).toEqual([
      ["2025-06-30", 40, null],
      ["2025-12-31", 93, 23],
      ["2026-06-30", 120, 20.5],
    ]);
    const bad = await api("POST", url, w.users.secretary.token, {
      label: "",
      value: 1,
      sharePercent: 140,
      measuredOn: "",
    });
    expect(bad.statusCode).toBe(400);
    const fields = Object.fromEntries(
      (bad.json().error.fields as { path: string; message: string }[]).map((f) => [
        f.path.replace(/^body\./, ""),
        f.message,
      ]),
    );
    expect(fields.label).toBe("Skal udfyldes.");
    expect(fields.sharePercent).toBe("Andelen skal være mellem 0 og 100 %.");
    expect(fields.measuredOn).toBe("Skal udfyldes.");
  });

  it("shows the contact person only to logged-in readers", async () => {
    const pub = await partyOf(party.fanoe.id);
    expect(pub.history.every((h) => h.contactName === null && h.contactEmail === null)).toBe(true);
    const inside = await partyOf(party.fanoe.id, w.users.outsider.token);
    expect(inside.history.map((h) => h.contactName)).toContain("Kim Kontakt");
  });

  it("documents the routes in the OpenAPI document", async () => {
    const res = await api("GET", "/api/openapi.json");
    const paths = Object.keys((res.json() as { paths: Record<string, unknown> }).paths);
    expect(paths).toEqual(
      expect.arrayContaining([
        "/api/v1/initiatives/{id}/parties",
        "/api/v1/initiatives/{id}/parties/{partyId}/variant",
        "/api/v1/initiatives/{id}/parties/{partyId}/figures",
      ]),
    );
  });

  it("is exported and restored with its history and figures", async () => {
    const { db } = t().system;
    const file = await exportAll(db);
    expect(file.tables.initiativePartyVariants?.length).toBe(3);
    expect(file.tables.initiativePartyFigures?.length).toBe(4);
    const before = await db.select().from(initiativePartyVariants);
    await restoreAll(t().database.db, JSON.parse(JSON.stringify(file)), { replace: true });
    expect(await db.select().from(initiativePartyVariants)).toEqual(before);
    expect((await partyOf(party.esbjerg.id)).figures.map((f) => f.value)).toEqual([40, 93, 120]);
  });
});
