import type { Config } from "../config.ts";
import type { Database, DbOrTx } from "../db/client.ts";
import type { Actor } from "../modules/auth/actor.ts";
import type { ReadCache } from "./read-cache.ts";

/** What every service call gets: the database (or a transaction) and who is asking. */
export interface Ctx {
  db: DbOrTx;
  actor: Actor;
}

/**
 * Called inside the transaction of a meeting's status change or a correction of its minutes, after
 * the change (the documents module freezes the published agenda/minutes here). `correction` is set
 * for a correction of approved minutes. Kept as a list so meetings need not import documents.
 */
export type PublicationHook = (
  ctx: Ctx,
  event: {
    meetingId: number;
    correction: { itemNumber: number; closed: boolean; reason: string } | null;
  },
) => Promise<void>;

declare module "fastify" {
  interface FastifyInstance {
    publicationHooks: PublicationHook[];
    database: Database;
    config: Config;
    readCache: ReadCache;
  }
  interface FastifyRequest {
    actor: Actor;
    /** how the actor was authenticated; cookie requests get an origin check on writes */
    authVia: "cookie" | "token" | null;
  }
}
