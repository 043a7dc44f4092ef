import { describe, expect, it } from "vitest";
import { createItem, createMeeting } from "../../src/modules/meetings/index.ts";
import { useTestApp } from "../helpers/app.ts";
import { PG_ADMIN_URL, postgresAvailable } from "../helpers/databases.ts";
import { seedWorld } from "../helpers/factories.ts";

/**
 * 50 editors at once on one meeting and its items, through the API on the PostgreSQL server (the
 * embedded database serialises everything, so only the server can show a lost update). Each editor
 * reads a row's version and PATCHes it: every update either applies (200) or is refused with 409, and
 * afterwards each row's version is its first version plus the number of 200s, and its value is the one
 * the last successful update wrote. Deterministic: editors and rows are assigned by index, not by chance.
 */
const EDITORS = 50;
const ROUNDS = 3;

function suite() {
  const t = useTestApp("postgres");

  it("applies or refuses every concurrent update, and loses none", { timeout: 120_000 }, async () => {
    const { system } = t();
    const w = await seedWorld(system);
    const meeting = await createMeeting(system, {
      bodyId: w.ssu.id,
      start: new Date("2026-09-01T09:00:00Z"),
      end: new Date("2026-09-01T12:00:00Z"),
      location: "Mødelokale 1",
    });
    const items = [];
    for (let i = 1; i <= 4; i++) {
      items.push(await createItem(system, { meetingId: meeting.id, title: `Punkt ${i}` }));
    }
    const rows = [
      { url: `/api/v1/meetings/${meeting.id}`, field: "location", first: meeting.version },
      ...items.map((item) => ({ url: `/api/v1/items/${item.id}`, field: "title", first: item.version })),
    ];
    const token = w.users.secretary.token;
    const applied = rows.map(() => [] as { version: number; value: string }[]);
    const statuses = new Map<number, number>();

    for (let round = 0; round < ROUNDS; round++) {
      await Promise.all(
        Array.from({ length: EDITORS }, async (_, editor) => {
          const rowIndex = editor % rows.length;
          const row = rows[rowIndex];
          if (!row) {
            return;
          }
          const read = await t().request({ method: "GET", url: row.url, token });
          expect(read.statusCode).toBe(200);
          const value = `Redaktør ${editor} runde ${round}`;
          const res = await t().request({
            method: "PATCH",
            url: row.url,
            token,
            payload: { version: read.json().version, [row.field]: value },
          });
          statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
          expect([200, 409], res.body).toContain(res.statusCode);
          if (res.statusCode === 200) {
            expect(res.json()[row.field]).toBe(value);
            applied[rowIndex]?.push({ version: res.json().version, value });
          } else {
            expect(res.json().error.code).toBe("version_conflict");
          }
        }),
      );
    }

    let ok = 0;
    for (const [i, row] of rows.entries()) {
      const done = applied[i] ?? [];
      ok += done.length;
      const final = (await t().request({ method: "GET", url: row.url, token })).json();
      // Every success made its own version: no two updates applied on the same version.
      const versions = done.map((d) => d.version).sort((a, b) => a - b);
      expect(versions).toEqual(versions.map((_, k) => row.first + 1 + k));
      expect(final.version).toBe(row.first + done.length);
      const last = done.find((d) => d.version === final.version);
      expect(final[row.field]).toBe(last?.value);
    }
    console.info(
      `concurrency: ${EDITORS * ROUNDS} updates on ${rows.length} rows: ${JSON.stringify(Object.fromEntries(statuses))}`,
    );
    expect(ok).toBe(statuses.get(200));
    expect(ok).toBeGreaterThanOrEqual(rows.length * ROUNDS);
    expect((statuses.get(200) ?? 0) + (statuses.get(409) ?? 0)).toBe(EDITORS * ROUNDS);
  });
}

// PostgreSQL only, with describeEachDatabase's convention when the server does not answer: skipped
// loudly, or failing under TVAERS_REQUIRE_PG.
if (await postgresAvailable()) {
  describe("Concurrent editors [PostgreSQL]", suite);
} else if (process.env.TVAERS_REQUIRE_PG) {
  describe("Concurrent editors [PostgreSQL]", () => {
    it("needs the PostgreSQL server, which does not answer", () => {
      throw new Error(`PostgreSQL på ${PG_ADMIN_URL} svarer ikke, og TVAERS_REQUIRE_PG er sat.`);
    });
  });
} else {
  describe.skip("Concurrent editors [PostgreSQL – server svarer ikke]", suite);
}
