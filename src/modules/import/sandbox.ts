/**
 * Runs every parse of an uploaded or imported file in a `worker_threads` Worker with
 * `resourceLimits`, one job at a time, so a hostile file can neither stall the event loop nor keep
 * memory: a job over its time limit or heap limit ends the worker (its whole heap goes with it) and
 * is refused with a Danish message naming the limit. The worker is reused between jobs (the cost of
 * loading the converters is paid once per process) and never keeps the process alive.
 */
import { Worker } from "node:worker_threads";
import { ImportError, type ImportErrorCode } from "./import.errors.ts";
import { type ParseLimits, parseLimits } from "./limits.ts";
import type { WorkerJob, WorkerReply } from "./parse-worker.ts";

let worker: Worker | null = null;
let memoryMb = 0;
let nextId = 1;
let queue: Promise<unknown> = Promise.resolve();

function spawn(limits: ParseLimits): Worker {
  if (worker && memoryMb === limits.maxMemoryMb) {
    return worker;
  }
  void worker?.terminate();
  const w = new Worker(new URL("./parse-worker.ts", import.meta.url), {
    // Node strips the types itself; no loader is needed inside the worker.
    execArgv: [],
    resourceLimits: {
      maxOldGenerationSizeMb: limits.maxMemoryMb,
      maxYoungGenerationSizeMb: 48,
      stackSizeMb: 8,
    },
  });
  w.unref();
  worker = w;
  memoryMb = limits.maxMemoryMb;
  return w;
}

/** Ends the worker now (after a refusal, and at shutdown); the next job starts a fresh one. */
export async function stopParseWorker(): Promise<void> {
  const w = worker;
  worker = null;
  await w?.terminate();
}

function runJob<T>(
  op: WorkerJob["op"],
  bytes: Uint8Array,
  fileName: string,
  limits: ParseLimits,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const w = spawn(limits);
    const id = nextId++;
    let settled = false;
    const finish = (fn: () => void, kill: boolean) => {
      if (settled) {
        return;
      }
      settled = true;
      clearTimeout(timer);
      w.off("message", onMessage);
      w.off("error", onError);
      w.off("exit", onExit);
      w.unref();
      if (kill && worker === w) {
        worker = null;
        void w.terminate();
      }
      fn();
    };
    const timer = setTimeout(
      () =>
        finish(
          () => reject(new ImportError("timeout", `grænsen er ${Math.round(limits.timeoutMs / 1000)} s`)),
          true,
        ),
      limits.timeoutMs,
    );
    const onMessage = (reply: WorkerReply) => {
      if (reply.id !== id) {
        return;
      }
      if (reply.ok) {
        finish(() => resolve(reply.value as T), false);
        return;
      }
      const limit = reply.code?.startsWith("limit_") ?? false;
      const err =
        reply.code === null
          ? new ImportError("unsupported_format", reply.message.slice(0, 120))
          : new ImportError(reply.code as ImportErrorCode, reply.detail);
      finish(() => reject(err), limit);
    };
    const onError = (err: Error & { code?: string }) => {
      const memory = err.code === "ERR_WORKER_OUT_OF_MEMORY";
      finish(
        () =>
          reject(
            memory
              ? new ImportError("limit_memory", `grænsen er ${limits.maxMemoryMb} MB`)
              : new ImportError("unsupported_format", err.message.slice(0, 120), { cause: err }),
          ),
        true,
      );
    };
    const onExit = () => {
      if (worker === w) {
        worker = null;
      }
      finish(() => reject(new ImportError("limit_memory", `grænsen er ${limits.maxMemoryMb} MB`)), false);
    };
    w.on("message", onMessage);
    w.on("error", onError);
    w.on("exit", onExit);
    w.ref();
    const job: WorkerJob = { id, op, bytes, fileName, limits };
    w.postMessage(job);
  });
}

/** Runs one job in the parsing worker after the jobs before it; limits default to the configured ones. */
export function inWorker<T>(
  op: WorkerJob["op"],
  bytes: Uint8Array,
  fileName: string,
  overrides: Partial<ParseLimits> = {},
): Promise<T> {
  const limits = { ...parseLimits(), ...overrides };
  const run = queue.then(() => runJob<T>(op, bytes, fileName, limits));
  queue = run.catch(() => undefined);
  return run;
}
