/** The limits every parse runs under (issue 18.2); the server and the CLI take them from the config. */
export interface ParseLimits {
  /** total bytes a ZIP (DOCX, package) may inflate to, checked while inflating */
  maxInflatedBytes: number;
  /** pages a PDF may have; more is refused before any page is read */
  maxPdfPages: number;
  /** wall time of one parse; the worker is stopped when it passes */
  timeoutMs: number;
  /** old-generation heap of the parsing worker (worker_threads `resourceLimits`) */
  maxMemoryMb: number;
}

export const DEFAULT_LIMITS: ParseLimits = {
  maxInflatedBytes: 64 * 1024 * 1024,
  maxPdfPages: 2000,
  timeoutMs: 30_000,
  maxMemoryMb: 768,
};

let current: ParseLimits = { ...DEFAULT_LIMITS };

/** Sets the limits for this process (called once at boot from the config). */
export function configureParseLimits(limits: Partial<ParseLimits>): void {
  current = { ...current, ...Object.fromEntries(Object.entries(limits).filter(([, v]) => v !== undefined)) };
}

/** The limits in force. */
export function parseLimits(): ParseLimits {
  return current;
}
