import autocannon from "autocannon";

export interface Figure {
  name: string;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
}

/** Loads one URL on loopback for a fixed time with a fixed number of connections. */
export async function load(
  name: string,
  url: string,
  opts: { seconds?: number; connections?: number; headers?: Record<string, string> } = {},
): Promise<Figure> {
  const result = await autocannon({
    url,
    connections: opts.connections ?? 10,
    duration: opts.seconds ?? Number(process.env.BENCH_SECONDS ?? 5),
    headers: opts.headers ?? {},
  });
  return {
    name,
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}

/** The figure with the median throughput of several runs of one case (the upper one of an even count). */
export function medianFigure(runs: Figure[]): Figure {
  const sorted = [...runs].sort((a, b) => a.requestsPerSecond - b.requestsPerSecond);
  const median = sorted[Math.floor(sorted.length / 2)];
  if (!median) {
    throw new Error("no runs to take the median of");
  }
  return median;
}

/** Prints figures as a table with each one's throughput relative to the baseline. */
export function report(title: string, baseline: Figure, figures: Figure[]): void {
  const rows = [baseline, ...figures].map((f) => ({
    case: f.name,
    "req/s": Math.round(f.requestsPerSecond),
    "p50 ms": f.p50Ms,
    "p99 ms": f.p99Ms,
    "vs baseline": `${((f.requestsPerSecond / baseline.requestsPerSecond) * 100).toFixed(1)} %`,
    errors: f.errors,
  }));
  process.stdout.write(`\n${title}\n`);
  console.table(rows);
}
