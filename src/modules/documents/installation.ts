/**
 * This installation's id: made once (the first time a calendar needs it) and kept in the database, so
 * the calendars' UIDs are the same across restarts and different from any other installation's —
 * someone subscribed to two regions' calendars gets no collisions. A restore keeps the target's own.
 */
import { randomUUID } from "node:crypto";
import type { DbOrTx } from "../../db/client.ts";
import { installation } from "./calendar.tables.ts";

const known = new WeakMap<object, string>();

export async function installationId(db: DbOrTx): Promise<string> {
  const cached = known.get(db);
  if (cached) {
    return cached;
  }
  const oldest = () =>
    db.select().from(installation).orderBy(installation.createdAt, installation.id).limit(1);
  let [row] = await oldest();
  if (!row) {
    await db.insert(installation).values({ id: randomUUID() });
    // Two first starts at once may both insert: the oldest row wins for everyone.
    [row] = await oldest();
  }
  const id = row?.id ?? randomUUID();
  known.set(db, id);
  return id;
}
