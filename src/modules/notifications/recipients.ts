/** Who receives a notification: users with roles in a body, an action's owner, the public's subscribers. */
import { inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { type Actor, PUBLIC_ACTOR, todayInDenmark } from "../auth/index.ts";
import { listPartyRepresentativeUsers, type MembershipRole } from "../people/index.ts";
import { rowsOf } from "./rows.ts";
import type { Audience } from "./topics.ts";

export interface Recipient {
  address: string;
  locale: "da" | "en";
  /** the reader as visibility.ts sees them (the public for subscribers) */
  actor: Actor;
  userId: number | null;
  subscriptionId: number | null;
  /** the token of this recipient's unsubscribe links */
  token: string;
  settings: Record<string, string>;
}

const AUDIENCE_ROLES: Record<Exclude<Audience, "owner" | "addressee">, (r: MembershipRole) => boolean> = {
  members: () => true,
  chairs: (r) => r === "chair" || r === "vice_chair",
  secretaries: (r) => r === "secretary",
};

interface UserRow {
  userId: number;
  email: string;
  locale: string | null;
  isAdmin: boolean;
  roles: MembershipRole[];
  settings: Record<string, string> | null;
  token: string | null;
}

const lang = (v: string | null): "da" | "en" => (v === "en" ? "en" : "da");

/** Active users whose person has an active membership of the body with a role of the audience. */
export async function usersOfBody(
  db: DbOrTx,
  bodyId: number,
  audience: Exclude<Audience, "owner" | "addressee">,
): Promise<Recipient[]> {
  const today = todayInDenmark();
  const rows = rowsOf<UserRow>(
    await db.execute(sql`select u.id as "userId", u.email, u.locale, u.is_admin as "isAdmin",
        array_agg(distinct m.role::text) as roles, p.settings, p.unsubscribe_token as token
      from memberships m
      join users u on u.person_id = m.person_id and u.active
      left join notification_profiles p on p.user_id = u.id
      where m.body_id = ${bodyId}
        and (m.from_date is null or m.from_date <= ${today}) and (m.to_date is null or m.to_date >= ${today})
      group by u.id, p.user_id order by u.id`),
  );
  return rows
    .filter((r) => r.roles.some(AUDIENCE_ROLES[audience]))
    .map((r) => ({
      address: r.email,
      locale: lang(r.locale),
      actor: {
        userId: r.userId,
        name: null,
        isAdmin: r.isAdmin,
        system: false,
        roles: new Map([[bodyId, new Set(r.roles)]]),
      },
      userId: r.userId,
      subscriptionId: null,
      token: r.token ?? "",
      settings: r.settings ?? {},
    }));
}

/** The owner of an action: the user of the owner person (else the person's own address). */
export async function actionOwner(db: DbOrTx, actionId: number): Promise<Recipient | null> {
  const [row] = rowsOf<{
    userId: number | null;
    email: string | null;
    locale: string | null;
    settings: Record<string, string> | null;
    token: string | null;
  }>(
    await db.execute(sql`select u.id as "userId", coalesce(u.email, pe.email) as email, u.locale,
        p.settings, p.unsubscribe_token as token
      from actions a join persons pe on pe.id = a.owner_person_id
      left join users u on u.person_id = pe.id and u.active
      left join notification_profiles p on p.user_id = u.id
      where a.id = ${actionId} order by u.id limit 1`),
  );
  if (!row?.email) {
    return null;
  }
  return {
    address: row.email,
    locale: lang(row.locale),
    actor: { ...PUBLIC_ACTOR, userId: row.userId },
    userId: row.userId,
    subscriptionId: null,
    token: row.token ?? "",
    settings: row.settings ?? {},
  };
}

/** The public's confirmed subscribers of a body; unconfirmed addresses get nothing but the confirmation. */
export async function subscribersOfBody(db: DbOrTx, bodyId: number): Promise<Recipient[]> {
  const rows = rowsOf<{ id: number; email: string; locale: string; token: string }>(
    await db.execute(sql`select id, email, locale, token from public_subscriptions
      where body_id = ${bodyId} and confirmed_at is not null order by id`),
  );
  return rows.map((r) => ({
    address: r.email,
    locale: lang(r.locale),
    actor: PUBLIC_ACTOR,
    userId: null,
    subscriptionId: r.id,
    token: r.token,
    settings: {},
  }));
}

/** A party's representatives today (the people module's rule) as readers: who answers for the party. */
export async function usersRepresentingParty(db: DbOrTx, partyId: number): Promise<Recipient[]> {
  const ids = await listPartyRepresentativeUsers(db, partyId, todayInDenmark());
  if (ids.length === 0) {
    return [];
  }
  const rows = rowsOf<Omit<UserRow, "roles">>(
    await db.execute(sql`select u.id as "userId", u.email, u.locale, u.is_admin as "isAdmin",
        p.settings, p.unsubscribe_token as token
      from users u left join notification_profiles p on p.user_id = u.id
      where ${inArray(sql`u.id`, ids)} order by u.id`),
  );
  return rows.map((r) => ({
    address: r.email,
    locale: lang(r.locale),
    actor: { userId: r.userId, name: null, isAdmin: r.isAdmin, system: false, roles: new Map() },
    userId: r.userId,
    subscriptionId: null,
    token: r.token ?? "",
    settings: r.settings ?? {},
  }));
}

/** Who answers for an obligation's addressee: the body's secretaries, or the party's representatives. */
export async function answerersOfAddressee(db: DbOrTx, addresseeId: number): Promise<Recipient[]> {
  const [a] = rowsOf<{ bodyId: number | null; partyId: number | null }>(
    await db.execute(sql`select body_id as "bodyId", party_id as "partyId" from obligation_addressees
      where id = ${addresseeId}`),
  );
  if (a?.bodyId != null) {
    return usersOfBody(db, a.bodyId, "secretaries");
  }
  return a?.partyId != null ? usersRepresentingParty(db, a.partyId) : [];
}
