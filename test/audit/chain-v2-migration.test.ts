import { readFileSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { verifyAuditChain } from "../../src/modules/audit/index.ts";
import { useTestApp } from "../helpers/app.ts";
import { describeEachDatabase } from "../helpers/databases.ts";
import { seedWorld } from "../helpers/factories.ts";

const rowsOf = (result: unknown) =>
  (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as Record<string, unknown>[];

/** The statement of migration 0035 that moves an existing version-1 chain to version 2. */
const MIGRATION = readFileSync(
  path.resolve(import.meta.dirname, "../../src/db/migrations/0035_personal_data_removal.sql"),
  "utf8",
);
const MOVE_CHAIN = MIGRATION.split("--> statement-breakpoint").find((s) => s.includes("DO $$")) as string;

/**
 * Migration 0035 moves a chain written under version 1 (hash over the payload itself) to version 2
 * (hash over the payload's digest): it checks every version-1 hash first, keeps it, recomputes the
 * chain, and records what it found in a note — so a chain broken before stays visibly broken.
 */
describeEachDatabase("Audit chain version 2 migration", (kind) => {
  const t = useTestApp(kind);
  const q = async (query: ReturnType<typeof sql>) => rowsOf(await t().database.db.execute(query));

  /** Rewrites the current log as version 1 would have written it (what a database before 0035 holds). */
  async function asVersion1() {
    const db = t().database.db;
    await db.execute(sql`alter table audit_log disable trigger audit_log_no_update`);
    const ids = await q(sql`select id from audit_log order by id`);
    let prev = "";
    for (const { id } of ids) {
      const [row] = await q(sql`update audit_log set prev_hash = ${prev}, digest = null, v1_hash = null,
        hash = tvaers_audit_hash(${prev}, table_name, action, row_id, before, after, actor, at)
        where id = ${Number(id)} returning hash`);
      prev = String(row?.hash);
    }
    await db.execute(sql`alter table audit_log enable trigger audit_log_no_update`);
    return { count: ids.length, head: prev };
  }

  it("moves an intact version-1 chain to version 2, keeping the old hashes, and says so", async () => {
    expect(MOVE_CHAIN).toBeTruthy();
    await seedWorld(t().system);
    const v1 = await asVersion1();
    expect(v1.count).toBeGreaterThan(20);
    // Version 2's verifier does not accept version-1 entries.
    expect((await verifyAuditChain(t().database.db)).broken.length).toBe(v1.count);
    await t().database.db.execute(sql.raw(MOVE_CHAIN));
    const result = await verifyAuditChain(t().database.db);
    expect(result.broken).toEqual([]);
    expect(result.entries).toBe(v1.count + 1);
    const [note] = await q(
      sql`select after from audit_log where action = 'chain_v2' order by id desc limit 1`,
    );
    expect(note?.after).toEqual({ entries: v1.count, lastV1Hash: v1.head, v1Broken: [] });
    const [kept] = await q(sql`select count(*)::int as n from audit_log where v1_hash is not null`);
    expect(kept?.n).toBe(v1.count);
  });

  it("records entries whose version-1 hash did not match", async () => {
    await asVersion1();
    const db = t().database.db;
    await db.execute(sql`alter table audit_log disable trigger audit_log_no_update`);
    const [target] = await q(sql`select id from audit_log where table_name = 'meetings' order by id limit 1`);
    await db.execute(sql`update audit_log set actor = 'jemand' where id = ${Number(target?.id)}`);
    await db.execute(sql`alter table audit_log enable trigger audit_log_no_update`);
    await db.execute(sql.raw(MOVE_CHAIN));
    const [note] = await q(
      sql`select after from audit_log where action = 'chain_v2' order by id desc limit 1`,
    );
    expect((note?.after as { v1Broken: number[] } | undefined)?.v1Broken).toEqual([Number(target?.id)]);
  });
});
