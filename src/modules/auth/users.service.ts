import { and, eq, ilike, ne } from "drizzle-orm";
import { deleteVersioned, getById, paginate, pgErrorCode, updateVersioned } from "../../db/crud.ts";
import type { Ctx } from "../../server/context.ts";
import { AppError } from "../../server/errors.ts";
import { createUser, presentUser } from "./auth.service.ts";
import { users } from "./auth.tables.ts";
import { hashPassword } from "./password.ts";
import { assertPasswordAcceptable } from "./password-policy.ts";
import { authorize, isPrivileged } from "./policy.ts";

type UserRow = typeof users.$inferSelect;
const WHAT = "Brugeren";

export interface UserInput {
  email: string;
  name: string;
  password: string;
  isAdmin?: boolean | undefined;
  active?: boolean | undefined;
  personId?: number | null | undefined;
}

function adminOnly(ctx: Ctx) {
  authorize(ctx.actor, isPrivileged(ctx.actor), "Kun administratorer kan administrere brugere.");
}

export async function listUsers(ctx: Ctx, f: { q?: string; limit?: number; cursor?: string }) {
  adminOnly(ctx);
  const where = f.q ? ilike(users.email, `%${f.q}%`) : undefined;
  const page = await paginate<UserRow>({ db: ctx.db, table: users, where, page: f });
  return { items: page.items.map(presentUser), nextCursor: page.nextCursor };
}

export async function getUser(ctx: Ctx, id: number) {
  adminOnly(ctx);
  return presentUser(await getById<UserRow>(ctx.db, users, id, WHAT));
}

export async function updateUser(ctx: Ctx, id: number, input: Partial<UserInput> & { version: number }) {
  adminOnly(ctx);
  const { version, password, email, ...rest } = input;
  const values: Record<string, unknown> = { ...rest };
  if (email !== undefined) {
    values.email = email.trim().toLowerCase();
  }
  if (password !== undefined) {
    const current = await getById<UserRow>(ctx.db, users, id, WHAT);
    assertPasswordAcceptable(password, { email: email ?? current.email, name: rest.name ?? current.name });
    values.passwordHash = await hashPassword(password);
  }
  if ((rest.isAdmin === false || rest.active === false) && id === ctx.actor.userId) {
    await ensureAnotherAdmin(ctx, id);
  }
  try {
    return presentUser(await updateVersioned<UserRow>(ctx.db, users, id, version, values, WHAT));
  } catch (err) {
    if (pgErrorCode(err) === "23505") {
      throw new AppError("conflict", "Der findes allerede en bruger med den e-mailadresse.", [
        { path: "email", message: "Findes allerede." },
      ]);
    }
    throw err;
  }
}

async function ensureAnotherAdmin(ctx: Ctx, id: number) {
  const others = await ctx.db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.isAdmin, true), eq(users.active, true), ne(users.id, id)))
    .limit(1);
  if (others.length === 0) {
    throw new AppError("conflict", "Installationen skal have mindst én aktiv administrator.");
  }
}

export async function deleteUser(ctx: Ctx, id: number, version: number | undefined) {
  adminOnly(ctx);
  if (id === ctx.actor.userId) {
    await ensureAnotherAdmin(ctx, id);
  }
  await deleteVersioned(ctx.db, users, id, version, WHAT);
}

export const userService = {
  list: listUsers,
  get: getUser,
  create: (ctx: Ctx, input: UserInput) => createUser(ctx, input),
  update: updateUser,
  remove: deleteUser,
};
