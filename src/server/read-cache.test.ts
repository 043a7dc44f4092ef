import { describe, expect, it } from "vitest";
import { ReadCache } from "./read-cache.ts";

describe("read cache", () => {
  it("serves an entry until a write", () => {
    const c = new ReadCache();
    c.set("a", c.generation, "A", 7);
    expect(c.get("a")).toMatchObject({ value: "A", meta: 7 });
    c.invalidate();
    expect(c.get("a")).toBeUndefined();
  });
  it("refuses a value read before a write that committed meanwhile", () => {
    const c = new ReadCache();
    const readAt = c.generation;
    c.invalidate();
    c.set("a", readAt, "stale");
    expect(c.get("a")).toBeUndefined();
  });
  it("keeps at most maxEntries", () => {
    const c = new ReadCache(2);
    for (const k of ["a", "b", "c"]) {
      c.set(k, c.generation, k);
    }
    expect(c.get("a")).toBeUndefined();
    expect(c.get("c")?.value).toBe("c");
  });
});
