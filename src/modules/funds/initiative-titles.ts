import { asc } from "drizzle-orm";
import type { Ctx } from "../../server/context.ts";
import { initiatives } from "../initiatives/initiatives.tables.ts";

/** Initiatives a grant can fund (ids and titles are public); read from the table to keep funds below initiatives. */
export async function listInitiativeTitles(ctx: Ctx): Promise<{ id: number; title: string }[]> {
  return ctx.db
    .select({ id: initiatives.id, title: initiatives.title })
    .from(initiatives)
    .orderBy(asc(initiatives.title))
    .limit(1000);
}
