import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { verifyAuditChain } from "../../src/modules/audit/index.ts";
import { useTestApp } from "../helpers/app.ts";
import { describeEachDatabase } from "../helpers/databases.ts";
import { seedWorld, type World } from "../helpers/factories.ts";

const rowsOf = (result: unknown) =>
  (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as Record<string, unknown>[];

describeEachDatabase("Audit log", (kind) => {
  const t = useTestApp(kind);
  let w: World;
  const q = async (query: ReturnType<typeof sql>) => rowsOf(await t().database.db.execute(query));

  it("arranges a world", async () => {
    w = await seedWorld(t().system);
  });

  it("records who changed what, with before and after, and never a password hash", async () => {
    const created = await t().request({
      method: "POST",
      url: `/api/v1/meetings`,
      token: w.users.secretary.token,
      payload: { bodyId: w.ssu.id, start: "2026-09-10T10:00", location: "Rådhuset" },
    });
    expect(created.statusCode).toBe(201);
    const meeting = created.json();
    await t().request({
      method: "PATCH",
      url: `/api/v1/meetings/${meeting.id}`,
      token: w.users.secretary.token,
      payload: { version: meeting.version, location: "Regionshuset" },
    });
    const history = await t().request({
      method: "GET",
      url: `/api/v1/meetings/${meeting.id}/history`,
      token: w.users.secretary.token,
    });
    expect(history.statusCode).toBe(200);
    const entries = history.json() as Array<{
      action: string;
      actor: string;
      before: { location?: string } | null;
      after: { location?: string };
    }>;
    expect(entries.map((e) => e.action)).toEqual(["insert", "update"]);
    expect(entries[1]?.actor).toBe(`user:${w.users.secretary.user.id} ${w.users.secretary.user.name}`);
    expect(entries[1]?.before?.location).toBe("Rådhuset");
    expect(entries[1]?.after.location).toBe("Regionshuset");
    const users = await q(sql`select after::text as t from audit_log where table_name = 'users'`);
    expect(users.length).toBeGreaterThan(0);
    for (const u of users) {
      expect(String(u.t)).not.toContain("scrypt$");
      expect(String(u.t)).not.toContain("password_hash");
    }
  });

  it("shows the history only to the body's secretariat", async () => {
    const url = `/api/v1/items/${w.items.closed.id}/history`;
    expect((await t().request({ method: "GET", url })).statusCode).toBe(401);
    expect((await t().request({ method: "GET", url, token: w.users.outsider.token })).statusCode).toBe(403);
    expect((await t().request({ method: "GET", url, token: w.users.member.token })).statusCode).toBe(403);
    const ok = await t().request({ method: "GET", url, token: w.users.secretary.token });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().length).toBeGreaterThan(0);
  });

  it("audits every data table, except the ones named with a reason", async () => {
    const missing = await q(sql`
      select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = current_schema() and c.relkind = 'r'
        and c.relname <> all (tvaers_audit_excluded())
        and not exists (select 1 from pg_trigger tg where tg.tgrelid = c.oid and tg.tgname = c.relname || '_audit')`);
    expect(missing).toEqual([]);
  });

  it("is append-only", async () => {
    await expect(t().database.db.execute(sql`update audit_log set actor = 'x'`)).rejects.toThrow();
    await expect(t().database.db.execute(sql`delete from audit_log`)).rejects.toThrow();
    await expect(t().database.db.execute(sql`truncate audit_log`)).rejects.toThrow();
  });

  it("verifies the chain, and finds a changed, a removed and an inserted entry", async () => {
    const ok = await verifyAuditChain(t().database.db, 7);
    expect(ok.entries).toBeGreaterThan(20);
    expect(ok.broken).toEqual([]);
    // An attacker with the owner's rights switches the guard off and edits the log.
    await t().database.db.execute(sql`alter table audit_log disable trigger audit_log_no_update`);
    const [target] = await q(sql`select id from audit_log where table_name = 'meetings' order by id limit 1`);
    await t().database.db.execute(
      sql`update audit_log set after = jsonb_set(after, '{location}', '"Et andet sted"') where id = ${target?.id}`,
    );
    const changed = await verifyAuditChain(t().database.db);
    expect(changed.broken).toEqual([Number(target?.id)]);
    await t().database.db.execute(sql`delete from audit_log where id = ${Number(target?.id) + 1}`);
    const removed = await verifyAuditChain(t().database.db);
    expect(removed.broken).toContain(Number(target?.id) + 2);
    await t().database.db.execute(sql`alter table audit_log enable trigger audit_log_no_update`);
  });
});
