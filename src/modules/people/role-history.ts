import { and, desc, eq, or, sql } from "drizzle-orm";
import type { Ctx } from "../../server/context.ts";
import { auditLog } from "../audit/audit.tables.ts";
import { authorize, canReadClosed } from "../auth/policy.ts";
import { listPersonsByIds } from "./people.service.ts";
import type { MembershipRole } from "./people.tables.ts";

export interface RoleChange {
  at: string;
  /** who made the change, as the audit log names them ("user:12 …", "cli:…", "system") */
  by: string;
  action: "insert" | "update" | "delete";
  personId: number;
  personName: string | null;
  roleBefore: MembershipRole | null;
  roleAfter: MembershipRole | null;
}

type Snapshot = { person_id?: number; body_id?: number; role?: MembershipRole } | null;

/**
 * The body's role changes (memberships added, changed, removed), newest first, from the audit log —
 * which the database's trigger writes for every change, whatever code path made it. Members only.
 */
export async function listRoleChanges(ctx: Ctx, bodyId: number, limit = 50): Promise<RoleChange[]> {
  authorize(ctx.actor, canReadClosed(ctx.actor, bodyId), "Kun forummets medlemmer kan se rolleændringer.");
  const body = String(bodyId);
  const rows = await ctx.db
    .select()
    .from(auditLog)
    .where(
      and(
        eq(auditLog.tableName, "memberships"),
        or(sql`${auditLog.after}->>'body_id' = ${body}`, sql`${auditLog.before}->>'body_id' = ${body}`),
      ),
    )
    .orderBy(desc(auditLog.id))
    .limit(limit);
  const changes = rows.flatMap((r) => {
    const before = r.before as Snapshot;
    const after = r.after as Snapshot;
    const personId = after?.person_id ?? before?.person_id;
    if (personId === undefined || (r.action === "update" && before?.role === after?.role)) {
      return [];
    }
    return [
      {
        at: r.at.toISOString(),
        by: r.actor,
        action: r.action as RoleChange["action"],
        personId,
        roleBefore: before?.role ?? null,
        roleAfter: after?.role ?? null,
      },
    ];
  });
  const names = new Map(
    (
      await listPersonsByIds(
        ctx,
        changes.map((c) => c.personId),
      )
    ).map((p) => [p.id, p.name]),
  );
  return changes.map((c) => ({ ...c, personName: names.get(c.personId) ?? null }));
}
