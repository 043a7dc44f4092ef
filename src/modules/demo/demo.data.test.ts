import { describe, expect, it } from "vitest";
import { demoData } from "./demo.data.ts";
import { DEMO_REFERENCE_DATE, type Outcome } from "./demo.types.ts";

const { parties, bodies, persons, memberships, meetings, users } = demoData;

const partyKeys = new Set(parties.map((p) => p.key));
const bodyKeys = new Set(bodies.map((b) => b.key));
const personKeys = new Set(persons.map((p) => p.key));
const isPast = (start: string) => start.slice(0, 10) < DEMO_REFERENCE_DATE;
const heldStatuses = ["held", "minutes_draft", "minutes_approved", "minutes_published"];

function duplicates(values: string[]): string[] {
  return values.filter((v, i) => values.indexOf(v) !== i);
}

describe("demo data integrity", () => {
  it("has unique keys", () => {
    expect(duplicates(parties.map((p) => p.key))).toEqual([]);
    expect(duplicates(bodies.map((b) => b.key))).toEqual([]);
    expect(duplicates(persons.map((p) => p.key))).toEqual([]);
    expect(duplicates(meetings.map((m) => m.key))).toEqual([]);
    expect(duplicates(users.map((u) => u.email))).toEqual([]);
    expect(duplicates(persons.map((p) => p.email ?? p.key))).toEqual([]);
  });

  it("resolves all references", () => {
    for (const b of bodies) {
      if (b.reportsTo) {
        expect(bodyKeys, `${b.key}.reportsTo`).toContain(b.reportsTo);
        expect(b.reportsTo).not.toBe(b.key);
      }
    }
    for (const ms of memberships) {
      expect(personKeys, ms.personKey).toContain(ms.personKey);
      expect(bodyKeys, ms.bodyKey).toContain(ms.bodyKey);
      expect(partyKeys, ms.partyKey).toContain(ms.partyKey);
      if (ms.to) {
        expect(ms.to > ms.from).toBe(true);
      }
    }
    for (const m of meetings) {
      expect(bodyKeys, m.key).toContain(m.bodyKey);
      for (const a of m.attendance) {
        expect(personKeys, `${m.key} attendance`).toContain(a.personKey);
        if (a.status === "substitute") {
          expect(personKeys, `${m.key} substitute`).toContain(a.substituteForKey);
        }
        if (a.status === "guest") {
          const numbers = m.items.map((i) => i.number);
          expect(a.guestItems?.length).toBeGreaterThan(0);
          for (const n of a.guestItems ?? []) {
            expect(numbers).toContain(n);
          }
        }
      }
      expect(duplicates(m.attendance.map((a) => a.personKey)), m.key).toEqual([]);
      const attending = m.attendance.filter((a) => a.status === "present" || a.status === "substitute");
      for (const a of m.attendance.filter((x) => x.status === "substitute")) {
        const member = m.attendance.find((x) => x.personKey === a.substituteForKey);
        expect(member?.status, `${m.key}: ${a.substituteForKey} has sent apologies`).toBe("afbud");
      }
      for (const item of m.items) {
        for (const p of item.absentPersonKeys) {
          expect(personKeys, `${m.key} #${item.number}`).toContain(p);
          expect(
            attending.map((a) => a.personKey),
            `${m.key} #${item.number}: ${p} attended the meeting`,
          ).toContain(p);
        }
      }
    }
    for (const m of meetings) {
      for (const item of m.items) {
        expect(item.title.trim(), m.key).not.toBe("");
        expect(duplicates(item.attachments.map((a) => a.fileName)), `${m.key} #${item.number}`).toEqual([]);
        for (const a of item.attachments) {
          const lines = a.content.split("\n").length;
          expect(lines, a.fileName).toBeGreaterThanOrEqual(5);
          expect(lines, a.fileName).toBeLessThanOrEqual(30);
          expect(a.mimeType).toBe(a.fileName.endsWith(".md") ? "text/markdown" : "text/plain");
        }
      }
    }
    for (const u of users) {
      if (u.personKey) {
        expect(personKeys).toContain(u.personKey);
      }
    }
  });

  it("has a tree of bodies without cycles", () => {
    const byKey = new Map(bodies.map((b) => [b.key, b]));
    for (const b of bodies) {
      const seen = new Set<string>();
      let cur: string | undefined = b.key;
      while (cur) {
        expect(seen.has(cur), `cycle at ${b.key}`).toBe(false);
        seen.add(cur);
        cur = byKey.get(cur)?.reportsTo;
      }
    }
  });

  it("has 7 municipalities with three-digit codes and the expected body kinds", () => {
    const municipalities = parties.filter((p) => p.type === "municipality");
    expect(municipalities).toHaveLength(7);
    for (const p of municipalities) {
      expect(p.municipalityCode).toMatch(/^\d{3}$/);
    }
    expect(duplicates(municipalities.map((p) => p.municipalityCode ?? ""))).toEqual([]);
    const statuses = bodies.filter((b) => b.kind === "ad_hoc_group").map((b) => b.mandate?.status);
    expect(statuses).toEqual(expect.arrayContaining(["active", "standby", "closed"]));
  });

  it("has at least 30 persons and a chair and secretary in every body", () => {
    expect(persons.length).toBeGreaterThanOrEqual(30);
    for (const b of bodies) {
      const roles = memberships.filter((ms) => ms.bodyKey === b.key).map((ms) => ms.role);
      expect(roles, b.key).toContain("chair");
      expect(roles, b.key).toContain("secretary");
    }
  });

  it("links users to persons with matching memberships", () => {
    const roleOf = (email: string) => {
      const personKey = users.find((u) => u.email === email)?.personKey;
      return memberships.filter((ms) => ms.personKey === personKey).map((ms) => `${ms.bodyKey}:${ms.role}`);
    };
    expect(users.find((u) => u.email === "admin@tvaers.local")?.isAdmin).toBe(true);
    expect(roleOf("sekretariat@tvaers.local")).toEqual(
      expect.arrayContaining(["ssu:secretary", "sss:secretary"]),
    );
    expect(roleOf("formand@tvaers.local")).toContain("ssu:chair");
    const clusterBodies = bodies.filter((b) => b.cluster).map((b) => `${b.key}:member`);
    expect(roleOf("medlem@tvaers.local").some((r) => clusterBodies.includes(r))).toBe(true);
  });

  it("has 14 meetings (12 before the reform, 2 planned after it) with 8–20 consecutively numbered items", () => {
    expect(meetings).toHaveLength(14);
    for (const m of meetings) {
      expect(m.items.length, m.key).toBeGreaterThanOrEqual(8);
      expect(m.items.length, m.key).toBeLessThanOrEqual(20);
      expect(
        m.items.map((i) => i.number),
        m.key,
      ).toEqual(m.items.map((_, i) => i + 1));
    }
  });

  it("has weekday meetings that end after they start", () => {
    for (const m of meetings) {
      expect(m.start, m.key).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
      expect(m.end > m.start, m.key).toBe(true);
      expect(m.end.slice(0, 10), m.key).toBe(m.start.slice(0, 10));
      const day = new Date(`${m.start.slice(0, 10)}T12:00:00Z`).getUTCDay();
      expect(day, m.key).toBeGreaterThanOrEqual(1);
      expect(day, m.key).toBeLessThanOrEqual(5);
    }
  });

  it("has decisions exactly on held meetings", () => {
    for (const m of meetings) {
      if (isPast(m.start)) {
        expect(heldStatuses, m.key).toContain(m.status);
        expect(m.cancelled ?? false, m.key).toBe(false);
        expect(m.attendance.length, m.key).toBeGreaterThan(0);
        for (const item of m.items) {
          expect(item.decision?.text, `${m.key} #${item.number}`).toBeTruthy();
        }
      } else {
        expect(["planned", "agenda_published"], m.key).toContain(m.status);
        for (const item of m.items) {
          expect(item.decision, `${m.key} #${item.number}`).toBeUndefined();
        }
      }
    }
    expect(meetings.filter((m) => m.cancelled)).toHaveLength(1);
  });

  it("covers all outcomes, attendance statuses and closed content", () => {
    const outcomes = new Set(meetings.flatMap((m) => m.items.map((i) => i.decision?.outcome)));
    const all: Outcome[] = [
      "approved",
      "approved_with_remarks",
      "not_approved",
      "noted",
      "discussed",
      "postponed",
    ];
    for (const o of all) {
      expect(outcomes, o).toContain(o);
    }
    const statuses = new Set(meetings.flatMap((m) => m.attendance.map((a) => a.status)));
    expect([...statuses].sort()).toEqual(["absent", "afbud", "guest", "present", "substitute"]);
    expect(meetings.filter((m) => m.items.some((i) => i.access === "closed")).length).toBeGreaterThanOrEqual(
      6,
    );
    const closedOnOpen = meetings.flatMap((m) =>
      m.items
        .filter((i) => i.access === "open")
        .flatMap((i) => i.attachments.filter((a) => a.access === "closed")),
    );
    expect(closedOnOpen.length).toBeGreaterThanOrEqual(2);
    expect(
      meetings.flatMap((m) => m.items).filter((i) => i.absentPersonKeys.length > 0).length,
    ).toBeGreaterThan(2);
    const kinds = new Set(meetings.map((m) => m.kind));
    expect(kinds).toContain("virtual");
    expect(kinds).toContain("theme");
  });
});
