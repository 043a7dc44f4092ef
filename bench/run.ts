/** `npm run bench`: each benchmark prints its figures and ratios against a baseline measured in the same run. */
import { benchActs } from "./acts.bench.ts";
import { benchAgreements } from "./agreements.bench.ts";
import { benchApi } from "./api.bench.ts";
import { benchRecall } from "./compound-recall.ts";
import { benchDocuments } from "./documents.bench.ts";
import { benchImport } from "./import.bench.ts";
import { benchIndicators } from "./indicators.ts";
import { benchInitiatives } from "./initiatives.bench.ts";
import { benchLoad } from "./load.bench.ts";
import { benchNotifications } from "./notifications.ts";
import { benchPages } from "./pages.bench.ts";
import { benchSearch } from "./search.bench.ts";
import { benchStart } from "./start.bench.ts";

const only = process.argv[2];
const benches: Record<string, () => Promise<void>> = {
  acts: benchActs,
  agreements: benchAgreements,
  api: benchApi,
  documents: benchDocuments,
  import: benchImport,
  indicators: benchIndicators,
  initiatives: benchInitiatives,
  load: benchLoad,
  notifications: benchNotifications,
  pages: benchPages,
  recall: benchRecall,
  search: benchSearch,
  start: benchStart,
};

for (const [name, run] of Object.entries(benches)) {
  if (only && only !== name) {
    continue;
  }
  process.stdout.write(`\n=== ${name} ===\n`);
  await run();
}
