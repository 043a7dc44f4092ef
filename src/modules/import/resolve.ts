/** Finds (or creates) what an imported document refers to: the body, the meeting, the absent persons. */
import { and, asc, eq, gte, lt } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { parseDateTime } from "../../lib/time.ts";
import type { Ctx } from "../../server/context.ts";
import { isPrivileged } from "../auth/index.ts";
import { type BODY_KINDS, bodies, createBody, findBody } from "../bodies/index.ts";
import { meetings } from "../meetings/index.ts";
import { createPerson, persons } from "../people/index.ts";
import { cleanBodyName, fold } from "./provenance.ts";
import { ImportWriteError } from "./write-errors.ts";

type BodyKind = (typeof BODY_KINDS)[number];
type MeetingRow = typeof meetings.$inferSelect;

/** A new body's kind, guessed from its name; an admin can change it afterwards. */
export function bodyKindOf(name: string): BodyKind {
  const n = fold(name);
  const rules: [RegExp, BodyKind][] = [
    [/klynge.*politisk|politisk.*klynge/, "cluster_political"],
    [/klynge/, "cluster_professional"],
    [/formandskab/, "chair_group"],
    [/styregruppe|strategisk sundhedsstyregruppe/, "administrative_steering_group"],
    [/følgegruppe|kompetencegruppe/, "follow_group"],
    [/ad hoc|arbejdsgruppe/, "ad_hoc_group"],
    [/koordinationsforum/, "coordination_forum"],
    [/direktørkreds|kommunal/, "municipal_forum"],
    [/udvalg/, "political_committee"],
  ];
  return rules.find(([re]) => re.test(n))?.[1] ?? "other";
}

/** The body by id, name or short name (case and white space folded, without a trailing "d."); null if unknown. */
export async function lookupBody(
  ctx: Ctx,
  ref: { id?: number | undefined; name?: string | null | undefined },
): Promise<{ id: number; name: string } | null> {
  const raw = ref.id !== undefined ? String(ref.id) : ref.name?.trim();
  if (!raw) {
    return null;
  }
  if (/^\d+$/.test(raw)) {
    const found = await findBody(ctx, raw);
    return found && (ref.id === undefined || found.id === ref.id) ? { id: found.id, name: found.name } : null;
  }
  const rows = await ctx.db
    .select({ id: bodies.id, name: bodies.name, shortName: bodies.shortName })
    .from(bodies)
    .orderBy(asc(bodies.id));
  const wanted = new Set([fold(raw), fold(cleanBodyName(raw))]);
  const match = rows.find((r) => wanted.has(fold(r.name)) || (r.shortName && wanted.has(fold(r.shortName))));
  return match ? { id: match.id, name: match.name } : null;
}

/** The body of an import, created when unknown — which only an administrator (or the CLI) may do. */
export async function resolveBody(
  ctx: Ctx,
  ref: { id?: number | undefined; name?: string | null | undefined },
): Promise<{ id: number; name: string; created: boolean }> {
  const raw = ref.id !== undefined ? String(ref.id) : ref.name?.trim();
  if (!raw) {
    throw new ImportWriteError("no_body");
  }
  const found = await lookupBody(ctx, ref);
  if (found) {
    return { ...found, created: false };
  }
  if (/^\d+$/.test(raw)) {
    throw new ImportWriteError("body_not_found", raw);
  }
  const name = cleanBodyName(raw) || raw;
  if (!isPrivileged(ctx.actor)) {
    throw new ImportWriteError("unknown_body", name);
  }
  const created = await createBody(ctx, { name: name.slice(0, 300), kind: bodyKindOf(name) });
  return { id: created.id, name: created.name, created: true };
}

/** The instant a document's start stands for: its local time, or midnight when it gives only a date. */
export function startInstant(start: string): Date | null {
  return parseDateTime(start.length === 10 ? `${start}T00:00` : start);
}

/** The body's meeting at that start, or else its only meeting that Danish day; null when there is none. */
export async function findMeeting(db: DbOrTx, bodyId: number, start: string): Promise<MeetingRow | null> {
  const instant = startInstant(start);
  if (!instant) {
    return null;
  }
  const [exact] = await db
    .select()
    .from(meetings)
    .where(and(eq(meetings.bodyId, bodyId), eq(meetings.start, instant)))
    .limit(1);
  if (exact) {
    return exact;
  }
  const day = start.slice(0, 10);
  const from = parseDateTime(`${day}T00:00`) as Date;
  const to = new Date(from.getTime() + 36 * 3600_000);
  const sameDay = (
    await db
      .select()
      .from(meetings)
      .where(and(eq(meetings.bodyId, bodyId), gte(meetings.start, from), lt(meetings.start, to)))
  ).filter(
    (m) => !m.cancelled && m.start.toLocaleDateString("sv-SE", { timeZone: "Europe/Copenhagen" }) === day,
  );
  return sameDay.length === 1 ? (sameDay[0] as MeetingRow) : null;
}

/** Persons by folded name, loaded once per document; unknown names become new persons. */
export class PersonIndex {
  private byName: Map<string, number> | null = null;
  private readonly matchedIds = new Set<number>();
  private readonly createdIds = new Set<number>();

  constructor(private readonly ctx: Ctx) {}

  /** The person's id for a name as written in the document. */
  async idFor(name: string): Promise<number> {
    if (!this.byName) {
      const rows = await this.ctx.db
        .select({ id: persons.id, name: persons.name })
        .from(persons)
        .orderBy(asc(persons.id));
      this.byName = new Map();
      for (const row of rows) {
        if (!this.byName.has(fold(row.name))) {
          this.byName.set(fold(row.name), row.id);
        }
      }
    }
    const key = fold(name);
    const known = this.byName.get(key);
    if (known !== undefined) {
      if (!this.createdIds.has(known)) {
        this.matchedIds.add(known);
      }
      return known;
    }
    const person = await createPerson(this.ctx, { name: name.replace(/\s+/g, " ").trim().slice(0, 300) });
    this.byName.set(key, person.id);
    this.createdIds.add(person.id);
    return person.id;
  }

  /** How many distinct existing persons were matched. */
  get matched(): number {
    return this.matchedIds.size;
  }

  /** How many persons were created. */
  get created(): number {
    return this.createdIds.size;
  }
}
