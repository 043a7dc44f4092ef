/**
 * The parsing worker: runs parse-core.ts for the main thread, one job at a time. Started by
 * sandbox.ts with `resourceLimits`; a job over a limit ends the worker, which frees its memory.
 */
import { parentPort } from "node:worker_threads";
import { ImportError } from "./import.errors.ts";
import type { ParseLimits } from "./limits.ts";
import { extractTextOf, parseBytes } from "./parse-core.ts";

export interface WorkerJob {
  id: number;
  op: "parse" | "text";
  bytes: Uint8Array;
  fileName: string;
  limits: ParseLimits;
}

export type WorkerReply =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; code: string | null; detail: string | undefined; message: string };

parentPort?.on("message", async (job: WorkerJob) => {
  let reply: WorkerReply;
  try {
    const value =
      job.op === "parse"
        ? await parseBytes(job.bytes, job.fileName, job.limits)
        : await extractTextOf(job.bytes, job.limits);
    reply = { id: job.id, ok: true, value };
  } catch (err) {
    reply =
      err instanceof ImportError
        ? { id: job.id, ok: false, code: err.code, detail: err.detail, message: err.message }
        : {
            id: job.id,
            ok: false,
            code: null,
            detail: undefined,
            message: String((err as Error)?.message ?? err),
          };
  }
  parentPort?.postMessage(reply);
});
