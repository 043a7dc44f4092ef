import type { Db } from "../db/client.ts";

/** A piece of after-commit work: does what is due and says how much it did (0 = nothing left now). */
export interface BackgroundTask {
  name: string;
  run(db: Db): Promise<number>;
}

interface Log {
  error(obj: object, msg: string): void;
}

/**
 * Runs the after-commit work (frozen documents, text of attachments, mails …) off the requests: woken
 * after every write and every few seconds while the server listens, and drained by commands before
 * they close. The work itself lives in the database, so a stop loses nothing; this only decides when.
 */
export class Background {
  private running: Promise<void> | null = null;
  private again = false;
  private started = false;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly db: Db,
    private readonly tasks: readonly BackgroundTask[],
    private readonly log: Log,
    /** told after a round that did some work (its writes may change what cached reads show) */
    private readonly afterWork: () => void = () => {},
  ) {}

  /** Starts the periodic wake-up (the server does this when it listens) and resumes pending work. */
  start(intervalMs: number): void {
    this.started = true;
    this.timer = setInterval(() => this.kick(), intervalMs);
    this.timer.unref();
    this.kick();
  }

  /** Wakes the worker after a write; does nothing before `start` (tests drain explicitly). */
  kick(): void {
    if (this.started) {
      this.wake();
    }
  }

  /** Runs until no task has anything left to do. */
  async drain(): Promise<void> {
    this.wake();
    while (this.running) {
      await this.running;
    }
  }

  async stop(): Promise<void> {
    this.started = false;
    clearInterval(this.timer);
    while (this.running) {
      await this.running;
    }
  }

  private wake(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.loop().finally(() => {
      this.running = null;
      if (this.again) {
        this.again = false;
        this.wake();
      }
    });
  }

  private async loop(): Promise<void> {
    for (;;) {
      let did = 0;
      for (const task of this.tasks) {
        try {
          did += await task.run(this.db);
        } catch (err) {
          this.log.error({ err, task: task.name }, "background work failed");
        }
      }
      if (did === 0) {
        return;
      }
      this.afterWork();
    }
  }
}

/** For commands: does every task's pending work now and returns when nothing is left. */
export async function drainBackground(db: Db, tasks: readonly BackgroundTask[]): Promise<void> {
  const errors: unknown[] = [];
  await new Background(db, tasks, { error: (obj) => errors.push(obj) }).drain();
  if (errors.length > 0) {
    throw new Error(`Efterarbejdet fejlede: ${JSON.stringify(errors[0])}`);
  }
}
