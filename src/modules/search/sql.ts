import { type SQL, sql } from "drizzle-orm";

/** Rows of db.execute(): node-postgres and PGlite answer in different shapes. */
export function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as T[];
}

/**
 * A text[] parameter. Sent as one JSON value, so that node-postgres and PGlite (which serialize
 * JavaScript arrays differently) receive the same thing, and never spliced into the SQL text.
 */
export function textArray(values: readonly string[]): SQL {
  return sql`array(select jsonb_array_elements_text(${JSON.stringify(values)}::jsonb))`;
}

/** An int[] parameter, as textArray. */
export function intArray(values: readonly number[]): SQL {
  return sql`array(select (jsonb_array_elements_text(${JSON.stringify(values)}::jsonb))::int)`;
}
