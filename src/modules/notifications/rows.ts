/** Rows of db.execute(): node-postgres and PGlite answer in different shapes. */
export function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as T[];
}
