import { createHash } from "node:crypto";
import { desc, eq, inArray } from "drizzle-orm";
import type { Ctx } from "../../server/context.ts";
import { AppError, notFound } from "../../server/errors.ts";
import { appendAuditNote } from "../audit/index.ts";
import { authorize, isPrivileged } from "../auth/index.ts";
import { bodies, dayBefore, structureToday } from "../bodies/index.ts";
import { funds as fundsTable } from "../funds/index.ts";
import { parties } from "../parties/index.ts";
import { peopleWithoutBody, planBody } from "./plan.bodies.ts";
import { fundRemaining } from "./plan.funds.ts";
import { planParty } from "./plan.parties.ts";
import { Plan } from "./plan.types.ts";
import { applyMoves, revertMoves } from "./reorganisation.apply.ts";
import type {
  TAssignment,
  TPreview,
  TReorganisation,
  TReorganisationInput,
} from "./reorganisation.schemas.ts";
import { reorganisations, structureSuccessions } from "./reorganisation.tables.ts";
import { checkShape, loadNodes, type Node } from "./reorganisation.validate.ts";

const ADMIN_ONLY = "Kun administratorer kan gennemføre strukturændringer.";

const named = (n: Node) => ({ kind: n.kind, id: n.row.id, name: n.row.name });

/** Reads everything the change would do, without writing anything. */
async function buildPlan(ctx: Ctx, input: TReorganisationInput) {
  checkShape(input);
  const nodes = await loadNodes(ctx.db, input);
  const lastDay = dayBefore(input.effectiveDate);
  const closing = nodes.filter((n) => n.predecessor.kind === "body").map((n) => n.predecessor.row.id);
  const plan = new Plan(ctx, input.effectiveDate, lastDay, closing);
  const spans: { node: Node[]; at: number; end: number; follows: number; followsEnd: number }[] = [];
  for (const n of nodes) {
    const receiver = n.successors[0] ?? null;
    const at = plan.moves.length;
    const follows = plan.follows.length;
    if (n.predecessor.kind === "body") {
      await planBody(
        plan,
        n.predecessor.row as typeof bodies.$inferSelect,
        (receiver?.row ?? null) as typeof bodies.$inferSelect | null,
      );
    } else {
      await planParty(
        plan,
        n.predecessor.row as typeof parties.$inferSelect,
        (receiver?.row ?? null) as typeof parties.$inferSelect | null,
      );
    }
    spans.push({
      node: [n.predecessor, ...n.successors],
      at,
      end: plan.moves.length,
      follows,
      followsEnd: plan.follows.length,
    });
  }
  const assignable = await assign(plan, nodes, spans, input.assignments ?? []);
  const without = await peopleWithoutBody(plan);
  return { nodes, plan, without, assignable };
}

/** Columns that say which body or party a row belongs to: in a split, these go to the chosen successor. */
const OWNER_COLUMNS = new Set([
  "body_id",
  "due_body_id",
  "awaiting_body_id",
  "deciding_body_id",
  "owner_body_id",
  "approved_by_body_id",
  "reports_to_id",
  "approver_body_id",
  "party_id",
  "filters.bodyId",
  "filters.partyId",
]);

/**
 * A predecessor with several successors: every row that moves goes to the first unless an
 * assignment sends it (with all its moves, and what follows it) to another of the same predecessor's
 * successors. Returns the rows that could be assigned, as the preview offers them.
 */
async function assign(
  plan: Plan,
  nodes: Awaited<ReturnType<typeof loadNodes>>,
  spans: { at: number; end: number; follows: number; followsEnd: number }[],
  assignments: TAssignment[],
): Promise<TPreview["assignable"]> {
  const wanted = new Map(assignments.map((a) => [a.row, a.to]));
  const used = new Set<string>();
  const offered: TPreview["assignable"] = [];
  for (const [i, n] of nodes.entries()) {
    const span = spans[i];
    const receiver = n.successors[0];
    if (!span || !receiver || n.successors.length < 2) {
      continue;
    }
    const rows = new Map<string, { section: string; label: string; to: Node }>();
    for (let m = span.at; m < span.end; m++) {
      const move = plan.moves[m] as (typeof plan.moves)[number];
      const key = plan.keys[m] as string;
      if (!OWNER_COLUMNS.has(move.column) || move.to !== receiver.row.id) {
        continue;
      }
      const target = wanted.get(key);
      const to = target
        ? n.successors.find((s) => s.kind === target.kind && s.row.id === target.id)
        : receiver;
      if (!to) {
        throw new AppError(
          "validation_failed",
          "En række kan kun fordeles til en af forgængerens efterfølgere.",
          [
            {
              path: "assignments",
              message: `${move.label}: vælg en af ${n.successors.map((s) => s.row.name).join(", ")}.`,
            },
          ],
        );
      }
      if (target) {
        used.add(key);
      }
      move.to = to.row.id;
      if (move.entity === "fund") {
        const line = plan.funds.find((f) => f.fundId === move.id);
        if (line) {
          line.to = to.row.name;
        }
        for (const f of await successorFunds(plan, to)) {
          plan.receiverFundIds.add(f);
        }
      }
      if (!rows.has(key)) {
        rows.set(key, { section: move.section, label: move.label, to });
      }
    }
    for (let f = span.follows; f < span.followsEnd; f++) {
      const follow = plan.follows[f];
      const to = follow?.key ? rows.get(follow.key)?.to : undefined;
      if (follow && to) {
        follow.target = to.row.name;
      }
    }
    for (const [row, r] of rows) {
      offered.push({
        row,
        section: r.section,
        label: r.label,
        predecessor: named(n.predecessor),
        successors: n.successors.map(named),
        to: named(r.to),
      });
    }
  }
  const unknown = [...wanted.keys()].filter((k) => !used.has(k));
  if (unknown.length > 0) {
    throw new AppError(
      "validation_failed",
      "En fordeling nævner en række, som ikke flyttes i denne ændring.",
      [{ path: "assignments", message: `Flyttes ikke: ${unknown.slice(0, 5).join(", ")}.` }],
    );
  }
  return offered;
}

/** A body successor's own funds: counted in the sums before and after when it receives a fund. */
async function successorFunds(plan: Plan, to: Node): Promise<number[]> {
  if (to.kind !== "body") {
    return [];
  }
  const rows = await plan.db
    .select({ id: fundsTable.id })
    .from(fundsTable)
    .where(eq(fundsTable.bodyId, to.row.id));
  return rows.map((r) => r.id);
}

/** The sum of what remains in every fund the change touches (moved funds and the receivers' own). */
async function moneyOf(plan: Plan, fundIds: number[]) {
  let total = 0n;
  for (const id of fundIds) {
    total += await fundRemaining(plan, id);
  }
  return total;
}

const touchedFunds = (plan: Plan) => [
  ...new Set([...plan.funds.map((f) => f.fundId), ...plan.receiverFundIds]),
];

/** A fingerprint of exactly what would move: the confirmation must carry the same one. */
function digestOf(plan: Plan, totalOre: bigint) {
  const moves = plan.moves.map((m) => [m.entity, m.id, m.column, m.from, m.to]);
  return createHash("sha256")
    .update(JSON.stringify({ moves, totalOre: totalOre.toString() }))
    .digest("hex");
}

function presentPreview(
  input: TReorganisationInput,
  built: Awaited<ReturnType<typeof buildPlan>>,
  total: bigint,
): TPreview {
  const { nodes, plan, without } = built;
  return {
    kind: input.kind,
    title: input.title,
    effectiveDate: input.effectiveDate,
    lastDay: plan.lastDay,
    nodes: nodes.map((n) => ({
      predecessor: named(n.predecessor),
      receiver: n.successors[0] ? named(n.successors[0]) : null,
      successors: n.successors.map(named),
    })),
    moves: plan.moves,
    assignable: built.assignable,
    stays: [
      ...plan.stays,
      ...plan.follows.map((f) => ({ section: f.section, label: f.label, reason: `${f.reason}:${f.target}` })),
    ],
    money: {
      funds: plan.funds.map((f) => ({
        fundId: f.fundId,
        name: f.name,
        remainingOre: f.remainingOre.toString(),
        to: f.to,
      })),
      totalBeforeOre: total.toString(),
      totalAfterOre: total.toString(),
    },
    peopleWithoutBody: without,
    digest: digestOf(plan, total),
  };
}

/** Shows what a reorganisation would move and what not; writes nothing. */
export async function previewReorganisation(ctx: Ctx, input: TReorganisationInput): Promise<TPreview> {
  authorize(ctx.actor, isPrivileged(ctx.actor), ADMIN_ONLY);
  const built = await buildPlan(ctx, input);
  return presentPreview(input, built, await moneyOf(built.plan, touchedFunds(built.plan)));
}

/**
 * Carries out a reorganisation in the caller's transaction: plans again, refuses when the plan is not
 * the one previewed, moves every row, ends the predecessors, records the successions and checks that
 * the money in the touched funds is the same to the øre afterwards.
 */
export async function carryOutReorganisation(
  ctx: Ctx,
  input: TReorganisationInput & { previewDigest: string },
): Promise<TReorganisation> {
  authorize(ctx.actor, isPrivileged(ctx.actor), ADMIN_ONLY);
  const built = await buildPlan(ctx, input);
  const funds = touchedFunds(built.plan);
  const before = await moneyOf(built.plan, funds);
  const preview = presentPreview(input, built, before);
  if (preview.digest !== input.previewDigest) {
    throw new AppError(
      "conflict",
      "Noget er ændret siden forhåndsvisningen. Se forhåndsvisningen igen, før ændringen gennemføres.",
    );
  }
  await applyMoves(ctx, built.plan.moves);
  const after = await moneyOf(built.plan, funds);
  if (after !== before) {
    throw new AppError(
      "internal",
      `Puljernes saldo ændrede sig under strukturændringen (${before} → ${after} øre).`,
    );
  }
  const summary = {
    moved: countBy(preview.moves.map((m) => m.section)),
    stays: countBy(preview.stays.map((s) => s.section)),
    totalBeforeOre: before.toString(),
    totalAfterOre: after.toString(),
    peopleWithoutBody: preview.peopleWithoutBody.length,
  };
  const [row] = await ctx.db
    .insert(reorganisations)
    .values({
      kind: input.kind,
      title: input.title,
      note: input.note ?? null,
      effectiveDate: input.effectiveDate,
      summary,
      moves: built.plan.moves.map(({ entity, id, column, from, to }) => ({ entity, id, column, from, to })),
      carriedOutBy: ctx.actor.userId,
    })
    .returning();
  const reorg = row as typeof reorganisations.$inferSelect;
  const links = built.nodes.flatMap((n) =>
    n.successors.map((s) => ({
      reorganisationId: reorg.id,
      predecessorKind: n.predecessor.kind,
      predecessorId: n.predecessor.row.id,
      successorKind: s.kind,
      successorId: s.row.id,
      effectiveDate: input.effectiveDate,
    })),
  );
  if (links.length > 0) {
    await ctx.db.insert(structureSuccessions).values(links);
  }
  await appendAuditNote(ctx.db, "reorganisations", "carry_out", {
    id: reorg.id,
    title: reorg.title,
    ...summary,
  });
  return getReorganisation(ctx, reorg.id);
}

/** Undoes a reorganisation before its effective date: every row back, successions removed. */
export async function undoReorganisation(ctx: Ctx, id: number): Promise<TReorganisation> {
  authorize(ctx.actor, isPrivileged(ctx.actor), ADMIN_ONLY);
  const [row] = await ctx.db.select().from(reorganisations).where(eq(reorganisations.id, id)).for("update");
  if (!row) {
    throw notFound("Strukturændringen");
  }
  if (row.status !== "carried_out") {
    throw new AppError("conflict", "Strukturændringen er allerede fortrudt.");
  }
  if (structureToday() >= row.effectiveDate) {
    throw new AppError("conflict", "Strukturændringen er trådt i kraft og kan ikke længere fortrydes.");
  }
  await revertMoves(ctx, row.moves);
  await ctx.db.delete(structureSuccessions).where(eq(structureSuccessions.reorganisationId, id));
  await ctx.db
    .update(reorganisations)
    .set({
      status: "undone",
      undoneAt: new Date(),
      undoneBy: ctx.actor.userId,
      updatedAt: new Date(),
      version: row.version + 1,
    })
    .where(eq(reorganisations.id, id));
  await appendAuditNote(ctx.db, "reorganisations", "undo", { id, title: row.title, moves: row.moves.length });
  return getReorganisation(ctx, id);
}

function countBy(values: string[]) {
  const out: Record<string, number> = {};
  for (const v of values) {
    out[v] = (out[v] ?? 0) + 1;
  }
  return out;
}

async function present(ctx: Ctx, row: typeof reorganisations.$inferSelect): Promise<TReorganisation> {
  const links = await ctx.db
    .select()
    .from(structureSuccessions)
    .where(eq(structureSuccessions.reorganisationId, row.id));
  const ids = (kind: "body" | "party") => [
    ...new Set(
      links
        .flatMap((l) => [
          l.predecessorKind === kind ? l.predecessorId : -1,
          l.successorKind === kind ? l.successorId : -1,
        ])
        .filter((i) => i > 0),
    ),
  ];
  const names = new Map<string, string>();
  const bodyIds = ids("body");
  const partyIds = ids("party");
  if (bodyIds.length > 0) {
    for (const b of await ctx.db
      .select({ id: bodies.id, name: bodies.name })
      .from(bodies)
      .where(inArray(bodies.id, bodyIds))) {
      names.set(`body:${b.id}`, b.name);
    }
  }
  if (partyIds.length > 0) {
    for (const p of await ctx.db
      .select({ id: parties.id, name: parties.name })
      .from(parties)
      .where(inArray(parties.id, partyIds))) {
      names.set(`party:${p.id}`, p.name);
    }
  }
  const node = (kind: "body" | "party", id: number) => ({
    kind,
    id,
    name: names.get(`${kind}:${id}`) ?? String(id),
  });
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    note: row.note,
    effectiveDate: row.effectiveDate,
    status: row.status,
    undoable: row.status === "carried_out" && structureToday() < row.effectiveDate,
    summary: row.summary,
    moves: row.moves.length,
    successions: links.map((l) => ({
      predecessor: node(l.predecessorKind, l.predecessorId),
      successor: node(l.successorKind, l.successorId),
    })),
    createdAt: row.createdAt.toISOString(),
    undoneAt: row.undoneAt ? row.undoneAt.toISOString() : null,
  };
}

/** One reorganisation with its successions (admins; the structure's history is shown on body pages). */
export async function getReorganisation(ctx: Ctx, id: number): Promise<TReorganisation> {
  authorize(ctx.actor, isPrivileged(ctx.actor), ADMIN_ONLY);
  const [row] = await ctx.db.select().from(reorganisations).where(eq(reorganisations.id, id));
  if (!row) {
    throw notFound("Strukturændringen");
  }
  return present(ctx, row);
}

/** Every reorganisation, newest effective date first. */
export async function listReorganisations(ctx: Ctx): Promise<TReorganisation[]> {
  authorize(ctx.actor, isPrivileged(ctx.actor), ADMIN_ONLY);
  const rows = await ctx.db
    .select()
    .from(reorganisations)
    .orderBy(desc(reorganisations.effectiveDate), desc(reorganisations.id))
    .limit(200);
  const out: TReorganisation[] = [];
  for (const r of rows) {
    out.push(await present(ctx, r));
  }
  return out;
}
