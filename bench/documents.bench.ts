/**
 * Minutes as PDF and Word: time and memory for a 100-item document against a 1-item baseline built
 * in the same run. Budget (issue 6): a 100-item minutes PDF in ≤ 2 s and ≤ 200 MB.
 */
import type { DocItem, DocModel } from "../src/modules/documents/index.ts";
import { documentDocx, documentPdf } from "../src/modules/documents/index.ts";

const PARAGRAPH =
  "Sundhedsklyngen har i perioden arbejdet med **fælles forløbskoordination** for borgere med komplekse behov. " +
  "Erfaringerne fra kommunerne og hospitalet viser, at *tidlig opsporing* og en fælles plan nedbringer antallet af genindlæggelser.";

function item(n: number): DocItem {
  return {
    number: n,
    access: n % 10 === 0 ? "closed" : "open",
    redacted: false,
    title: `Sag nummer ${n}: opfølgning på indsatser under sundhedsaftalen 2024–2027`,
    durationMinutes: 15,
    caseNumbers: [`EMN-2025-${String(10000 + n).padStart(5, "0")}`],
    sections: [
      { heading: "Sagsresumé", text: PARAGRAPH },
      {
        heading: "Sagsfremstilling",
        text: `## Baggrund\n${PARAGRAPH}\n\n${PARAGRAPH}\n\n- Første punkt\n- Andet punkt\n- Tredje punkt`,
      },
      {
        heading: "Økonomi",
        text: "Udgifterne afholdes inden for den tværsektorielle pulje på 19,8 mio. kr.",
      },
      { heading: "Proces", text: "1. Drøftelse i FSN\n2. Godkendelse i PN\n3. Implementering i klyngen" },
    ],
    recommendations: [
      "Administrationen indstiller, at udvalget godkender planen og tager orienteringen til efterretning.",
    ],
    previousDecisions: null,
    outcome: "Godkendt med bemærkninger",
    decision: `Godkendt med bemærkninger.\n\n${PARAGRAPH}`,
    absent: n % 7 === 0 ? ["Søren Due-Andersen", "Mette Kjær Olesen"] : [],
    attachments: ["Notat om forløbskoordination", "Bilag 2 – økonomisk overblik"],
    indicators: [],
  };
}

function model(items: number): DocModel {
  return {
    kind: "minutes",
    edition: "full",
    draft: false,
    body: { id: 1, name: "Sundhedssamarbejdsudvalget", shortName: "SSU" },
    meeting: {
      id: 1,
      title: null,
      start: new Date("2026-03-05T09:00:00Z"),
      end: new Date("2026-03-05T12:00:00Z"),
      location: "Regionshuset, Damhaven 12, 7100 Vejle",
      status: "minutes_published",
      cancelled: false,
    },
    items: Array.from({ length: items }, (_, i) => item(i + 1)),
    attendance: [
      { status: "present", name: "Anne Holm", substituteFor: null, guestItems: [] },
      { status: "substitute", name: "Bo Ørsted", substituteFor: "Carl Ås", guestItems: [] },
      { status: "afbud", name: "Carl Ås", substituteFor: null, guestItems: [] },
    ],
    approval: { by: "Karen Holm", at: new Date("2026-03-12T10:00:00Z") },
  };
}

const MB = 1024 * 1024;

/** Median time of `runs` renderings, and heap/RSS growth over the first (cold) one. */
async function measure(name: string, render: () => Promise<Uint8Array>, runs = 5) {
  globalThis.gc?.();
  const before = process.memoryUsage();
  let peakRss = before.rss;
  const timer = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 5);
  const times: number[] = [];
  const cpu: number[] = [];
  let size = 0;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    size = (await render()).byteLength;
    const used = process.cpuUsage(cpuStart);
    cpu.push((used.user + used.system) / 1000);
    times.push(performance.now() - start);
  }
  clearInterval(timer);
  const after = process.memoryUsage();
  peakRss = Math.max(peakRss, after.rss);
  times.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  return {
    case: name,
    "median ms": Math.round(times[Math.floor(times.length / 2)] ?? 0),
    // CPU time is what the rendering itself costs; wall time also counts other processes on a busy machine.
    "median CPU ms": Math.round(cpu[Math.floor(cpu.length / 2)] ?? 0),
    "max ms": Math.round(times.at(-1) ?? 0),
    "size kB": Math.round(size / 1024),
    "heap growth MB": Number(((after.heapUsed - before.heapUsed) / MB).toFixed(1)),
    "peak RSS growth MB": Number(((peakRss - before.rss) / MB).toFixed(1)),
    "peak RSS MB": Math.round(peakRss / MB),
  };
}

export async function benchDocuments(): Promise<void> {
  const one = model(1);
  const hundred = model(100);
  // Warm up: fonts are loaded once per process.
  await documentPdf(one);
  await documentDocx(one);
  const rows = [
    await measure("PDF, 1 punkt (baseline)", () => documentPdf(one)),
    await measure("PDF, 100 punkter", () => documentPdf(hundred)),
    await measure("DOCX, 1 punkt", () => documentDocx(one)),
    await measure("DOCX, 100 punkter", () => documentDocx(hundred)),
  ];
  process.stdout.write("\nReferat som PDF og Word (budget: 100 punkter som PDF ≤ 2 s og ≤ 200 MB)\n");
  console.table(rows);
  const pdf = rows[1];
  const base = rows[0];
  if (pdf && base) {
    process.stdout.write(
      `100 punkter: ${pdf["median ms"]} ms (CPU ${pdf["median CPU ms"]} ms, ${(pdf["median ms"] / Math.max(1, base["median ms"])).toFixed(1)} × baseline), ` +
        `peak RSS growth ${pdf["peak RSS growth MB"]} MB — ${pdf["median ms"] <= 2000 && pdf["peak RSS growth MB"] <= 200 ? "inden for budget" : "OVER BUDGET"}\n`,
    );
  }
}
