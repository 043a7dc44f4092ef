import { expect, it } from "vitest";
import { measureCompoundRecall, QUERIES } from "../bench/compound-recall.ts";

it("30 Danish compound queries find their compounds (recall and precision on the fixed set)", async () => {
  expect(QUERIES).toHaveLength(30);
  const r = await measureCompoundRecall();
  // Figures of docs/search.md; the danish stemmer alone finds about a tenth.
  expect(r.recall).toBeGreaterThanOrEqual(0.9);
  expect(r.precision).toBeGreaterThanOrEqual(0.95);
  expect(r.baselineRecall).toBeLessThan(0.2);
  expect(r.extras).not.toContain("ældre → Forældresamarbejde i børnepsykiatrien");
}, 60_000);
