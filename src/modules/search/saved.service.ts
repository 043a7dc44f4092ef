import { and, eq } from "drizzle-orm";
import { deleteVersioned, getById, paginate, updateVersioned } from "../../db/crud.ts";
import type { Ctx } from "../../server/context.ts";
import { notFound } from "../../server/errors.ts";
import { presentMeta } from "../../server/schemas.ts";
import { authorize } from "../auth/index.ts";
import type { TSavedFilters, TSavedSearch } from "./search.schemas.ts";
import { parseOrThrow } from "./search.service.ts";
import { savedSearches } from "./search.tables.ts";

type Row = typeof savedSearches.$inferSelect;
const WHAT = "Den gemte søgning";

/** The query string of a search with these filters (for the feed and the search page). */
export function searchParams(query: string, filters: TSavedFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (query.trim() !== "") {
    params.set("q", query);
  }
  for (const [key, value] of Object.entries(filters)) {
    if (value === undefined || value === null) {
      continue;
    }
    params.set(key, Array.isArray(value) ? value.join(",") : String(value));
  }
  return params;
}

export function presentSavedSearch(row: Row): TSavedSearch {
  const filters = row.filters as TSavedFilters;
  return {
    ...presentMeta(row),
    name: row.name,
    query: row.query,
    filters,
    emailAlerts: row.emailAlerts,
    lastSentAt: row.lastSentAt ? row.lastSentAt.toISOString() : null,
    feedUrl: `/api/v1/search/feed?${searchParams(row.query, filters).toString()}`,
  };
}

function requireUser(ctx: Ctx): number {
  authorize(ctx.actor, ctx.actor.userId !== null, "Log ind for at gemme søgninger.");
  return ctx.actor.userId as number;
}

/** A saved search of the actor's own; others' answer 404 (their existence is not the actor's business). */
async function ownRow(ctx: Ctx, id: number): Promise<Row> {
  const userId = requireUser(ctx);
  const row = await getById<Row>(ctx.db, savedSearches, id, WHAT);
  if (row.userId !== userId) {
    throw notFound(WHAT);
  }
  return row;
}

type Input = {
  name: string;
  query: string;
  filters?: TSavedFilters | undefined;
  emailAlerts?: boolean | undefined;
};

export const savedSearchService = {
  async list(ctx: Ctx, f: { limit?: number | undefined; cursor?: string | undefined }) {
    const userId = requireUser(ctx);
    const page = await paginate<Row>({
      db: ctx.db,
      table: savedSearches,
      where: and(eq(savedSearches.userId, userId)),
      page: f,
    });
    return { items: page.items.map(presentSavedSearch), nextCursor: page.nextCursor };
  },
  async get(ctx: Ctx, id: number) {
    return presentSavedSearch(await ownRow(ctx, id));
  },
  async create(ctx: Ctx, input: Input) {
    const userId = requireUser(ctx);
    parseOrThrow(input.query);
    const [row] = await ctx.db
      .insert(savedSearches)
      .values({ ...input, filters: input.filters ?? {}, userId })
      .returning();
    return presentSavedSearch(row as Row);
  },
  async update(ctx: Ctx, id: number, input: Partial<Input> & { version: number }) {
    await ownRow(ctx, id);
    if (input.query !== undefined) {
      parseOrThrow(input.query);
    }
    const { version, ...values } = input;
    return presentSavedSearch(await updateVersioned<Row>(ctx.db, savedSearches, id, version, values, WHAT));
  },
  async remove(ctx: Ctx, id: number, version: number | undefined) {
    await ownRow(ctx, id);
    await deleteVersioned(ctx.db, savedSearches, id, version, WHAT);
  },
};
