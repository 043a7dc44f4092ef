import { describe, expect, it } from "vitest";
import { ensureClientBundle } from "../../src/server/client-bundle.ts";

/** Each page's own JavaScript (entry plus the chunks it imports), gzipped, must stay ≤ 50 KB. */
describe("Page scripts (Vite bundle)", () => {
  it("builds every src/client entry and each page's script is at most 50 KB gzipped", async () => {
    const bundle = await ensureClientBundle();
    const sizes = Object.fromEntries([...bundle.entries.values()].map((e) => [e.name, e.gzipBytes]));
    console.log(`page scripts, gzipped bytes: ${JSON.stringify(sizes)} (bundle ${bundle.hash})`);
    expect(Object.keys(sizes).sort()).toEqual(["agenda", "conduct", "confirm", "item"]);
    for (const [name, bytes] of Object.entries(sizes)) {
      expect(bytes, name).toBeGreaterThan(0);
      expect(bytes, name).toBeLessThanOrEqual(50 * 1024);
    }
  });
});
