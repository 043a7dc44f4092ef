import { inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.ts";
import { type Actor, PUBLIC_ACTOR, SYSTEM_ACTOR } from "../../src/modules/auth/index.ts";
import { createBody } from "../../src/modules/bodies/index.ts";
import {
  agendaItems,
  createItem,
  createMeeting,
  type ItemNeed,
  itemVisible,
  MEETING_STATUS_PATH,
  type MeetingStatus,
  meetings,
  visibilityOf,
  visibleItemsWhere,
  visibleMeetingsWhere,
} from "../../src/modules/meetings/index.ts";
import { actorWith } from "../helpers/actors.ts";
import { createTestDatabase, describeEachDatabase } from "../helpers/databases.ts";

const actor = actorWith;

describe("itemVisible (the predicate), table-driven", () => {
  const member = actor([[1, ["member"]]]);
  const cases: Array<[string, Actor, MeetingStatus, "open" | "closed", ItemNeed, boolean]> = [
    ["public, planned agenda", PUBLIC_ACTOR, "planned", "open", {}, false],
    [
      "public, published agenda, open item",
      PUBLIC_ACTOR,
      "agenda_published",
      "open",
      { content: true },
      true,
    ],
    ["public, published agenda, closed item exists", PUBLIC_ACTOR, "agenda_published", "closed", {}, true],
    ["public, closed item's content", PUBLIC_ACTOR, "minutes_published", "closed", { content: true }, false],
    [
      "public, decision before publication",
      PUBLIC_ACTOR,
      "minutes_approved",
      "open",
      { minutes: true },
      false,
    ],
    [
      "public, decision after publication",
      PUBLIC_ACTOR,
      "minutes_published",
      "open",
      { minutes: true },
      true,
    ],
    ["member, planned closed item", member, "planned", "closed", { content: true, minutes: true }, true],
    ["member of another body, planned", actor([[2, ["chair"]]]), "planned", "open", {}, false],
    ["admin, anything", actor([], true), "planned", "closed", { content: true, minutes: true }, true],
  ];
  for (const [name, who, status, access, need, expected] of cases) {
    it(name, () => {
      expect(itemVisible(who, { bodyId: 1, status }, access, need)).toBe(expected);
    });
  }
});

describeEachDatabase("visibleItemsWhere agrees with the predicate", (kind) => {
  let database: Database;
  let drop: () => Promise<void>;
  let bodyId: number;
  let otherBodyId: number;
  const items: Array<{ id: number; bodyId: number; status: MeetingStatus; access: "open" | "closed" }> = [];

  beforeAll(async () => {
    ({ database, drop } = await createTestDatabase(kind));
    const system = { db: database.db, actor: SYSTEM_ACTOR };
    bodyId = (await createBody(system, { name: "Udvalget", kind: "political_committee" })).id;
    otherBodyId = (await createBody(system, { name: "Følgegruppen", kind: "follow_group" })).id;
    // Every status in both bodies, each with an open and a closed item; statuses are set directly
    // (the walk's own rules are tested elsewhere): this test is about reading.
    for (const b of [bodyId, otherBodyId]) {
      for (const [i, status] of MEETING_STATUS_PATH.entries()) {
        const m = await createMeeting(system, { bodyId: b, start: new Date(Date.UTC(2025, 0, 1 + i)) });
        for (const access of ["open", "closed"] as const) {
          const item = await createItem(system, { meetingId: m.id, title: `${status} ${access}`, access });
          items.push({ id: item.id, bodyId: b, status, access });
        }
        await database.db
          .update(meetings)
          .set({ status })
          .where(inArray(meetings.id, [m.id]));
      }
    }
  });
  afterAll(async () => drop?.());

  const actors = (): Array<[string, Actor]> => [
    ["public", PUBLIC_ACTOR],
    ["member", actor([[bodyId, ["member"]]])],
    ["secretary", actor([[bodyId, ["secretary"]]])],
    ["member elsewhere", actor([[otherBodyId, ["member"]]])],
    [
      "member of both",
      actor([
        [bodyId, ["chair"]],
        [otherBodyId, ["observer"]],
      ]),
    ],
    ["admin", actor([], true)],
    ["system", SYSTEM_ACTOR],
  ];
  const needs: ItemNeed[] = [{}, { content: true }, { minutes: true }, { content: true, minutes: true }];

  it("items: every reader × every need × every status × open/closed", async () => {
    let compared = 0;
    for (const [name, who] of actors()) {
      for (const need of needs) {
        const where = visibleItemsWhere(who, need);
        const rows = await database.db.select({ id: agendaItems.id }).from(agendaItems).where(where);
        const bySql = new Set(rows.map((r) => r.id));
        for (const item of items) {
          const expected = itemVisible(who, { bodyId: item.bodyId, status: item.status }, item.access, need);
          expect(bySql.has(item.id), `${name} ${JSON.stringify(need)} ${item.status} ${item.access}`).toBe(
            expected,
          );
          compared++;
        }
      }
    }
    expect(compared).toBe(7 * 4 * items.length);
  });

  it("meetings: agenda and minutes visibility", async () => {
    const all = await database.db.select().from(meetings);
    for (const [name, who] of actors()) {
      for (const minutes of [false, true]) {
        const rows = await database.db
          .select({ id: meetings.id })
          .from(meetings)
          .where(visibleMeetingsWhere(who, { minutes }));
        const bySql = new Set(rows.map((r) => r.id));
        for (const m of all) {
          const v = visibilityOf(who, m);
          expect(bySql.has(m.id), `${name} ${minutes} ${m.status}`).toBe(minutes ? v.minutes : v.agenda);
        }
      }
    }
  });
});
