/**
 * A cache of presented, serialized read responses (e.g. a meeting with its items as JSON).
 *
 * Correctness rests on one rule: every write bumps `generation`, and an entry is only served when
 * it was computed in the current generation. A reader captures the generation *before* it reads
 * the database, so a write that commits while the reader works makes its result stale at once.
 * Across processes (several instances on one PostgreSQL server) writes are announced with
 * LISTEN/NOTIFY, see db/client.ts.
 */
export class ReadCache {
  private generationValue = 0;
  private readonly entries = new Map<string, { generation: number; value: string | Buffer; meta: number }>();

  constructor(private readonly maxEntries = 2000) {}

  get generation(): number {
    return this.generationValue;
  }

  /** Forget everything: called after any write. */
  invalidate(): void {
    this.generationValue++;
    this.entries.clear();
  }

  get(key: string): { value: string | Buffer; meta: number } | undefined {
    const entry = this.entries.get(key);
    if (!entry || entry.generation !== this.generationValue) {
      return undefined;
    }
    return entry;
  }

  /** Stores a value computed from data read in `generation`; ignored when a write came in between. */
  set(key: string, generation: number, value: string | Buffer, meta = 0): void {
    if (generation !== this.generationValue) {
      return;
    }
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) {
        this.entries.delete(oldest);
      }
    }
    this.entries.set(key, { generation, value, meta });
  }
}
