import type { Config } from "../config.ts";
import type { Database, DbOrTx } from "../db/client.ts";
import type { Actor } from "../modules/auth/actor.ts";
import type { Background } from "./background.ts";
import type { ReadCache } from "./read-cache.ts";

/** What every service call gets: the database (or a transaction) and who is asking. */
export interface Ctx {
  db: DbOrTx;
  actor: Actor;
}

declare module "fastify" {
  interface FastifyInstance {
    /** after-commit work (frozen documents, attachments' text …): `drain()` in tests */
    background: Background;
    /** runs `listener` after every answered write (app.ts: only write routes carry the hook) */
    afterWrite: (listener: () => void) => void;
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
