import { describe, expect, it } from "vitest";
import type { Db } from "../db/client.ts";
import { Background, type BackgroundTask } from "./background.ts";

/** A task that has `n` pieces of work, one per run. */
function countdown(n: number): BackgroundTask & { left: () => number } {
  let left = n;
  return {
    name: "countdown",
    run: async () => {
      if (left === 0) {
        return 0;
      }
      left--;
      return 1;
    },
    left: () => left,
  };
}

describe("Background: read caches are told after work that wrote", () => {
  const log = { error: () => {} };

  it("calls afterWork once per round that did something, never for an idle round", async () => {
    let told = 0;
    const task = countdown(3);
    await new Background(null as unknown as Db, [task], log, () => told++).drain();
    expect(task.left()).toBe(0);
    expect(told).toBe(3);
    await new Background(null as unknown as Db, [countdown(0)], log, () => told++).drain();
    expect(told).toBe(3);
  });
});
