/**
 * Who sits in a body on a day, one row per person: the role that counts most when they hold several and the
 * party they represent — what the attendance list, the public meeting page and the body page show beside a name.
 */
import { inArray } from "drizzle-orm";
import type { Ctx } from "../../server/context.ts";
import { parties } from "../parties/parties.tables.ts";
import { listMemberships, listPersonsByIds } from "./people.service.ts";
import type { MembershipRole } from "./people.tables.ts";

/** Which of a person's roles in the body to show when they hold several. */
export const ROLE_ORDER: readonly MembershipRole[] = [
  "chair",
  "vice_chair",
  "member",
  "observer",
  "substitute",
  "secretary",
];

export interface BodyMember {
  id: number;
  name: string;
  title: string | null;
  role: MembershipRole;
  /** the party the person represents in the body, when the membership names one */
  party: string | null;
}

/** The body's members on a day (YYYY-MM-DD), by name, each with one role and their party. */
export async function listBodyMembers(svc: Ctx, bodyId: number, day: string): Promise<BodyMember[]> {
  const rows = (await listMemberships(svc, { bodyId, activeOn: day, limit: 200 })).items;
  const best = new Map<number, (typeof rows)[number]>();
  for (const m of rows) {
    const held = best.get(m.personId);
    if (!held || ROLE_ORDER.indexOf(m.role) < ROLE_ORDER.indexOf(held.role)) {
      best.set(m.personId, m);
    }
  }
  const partyIds = [...new Set(rows.flatMap((m) => (m.partyId ? [m.partyId] : [])))];
  const partyNames = new Map(
    partyIds.length > 0
      ? (
          await svc.db
            .select({ id: parties.id, name: parties.name })
            .from(parties)
            .where(inArray(parties.id, partyIds))
        ).map((p) => [p.id, p.name])
      : [],
  );
  return (await listPersonsByIds(svc, [...best.keys()]))
    .flatMap((p) => {
      const m = best.get(p.id);
      return m
        ? [
            {
              id: p.id,
              name: p.name,
              title: p.title,
              role: m.role,
              party: m.partyId ? (partyNames.get(m.partyId) ?? null) : null,
            },
          ]
        : [];
    })
    .sort((a, b) => a.name.localeCompare(b.name, "da"));
}
