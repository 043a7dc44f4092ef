/** A progress bar for long imports on stderr: one redrawn line on a terminal, plain lines otherwise. */
export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
}

const clock = (seconds: number) => {
  const s = Math.max(0, Math.round(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
};

export class Progress {
  private done = 0;
  private readonly started: number;

  constructor(
    private readonly total: number,
    private readonly stream: ProgressStream = process.stderr,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.started = now();
  }

  /** Documents per second so far and the estimated time left. */
  rate(): { perSecond: number; etaSeconds: number } {
    const elapsed = Math.max((this.now() - this.started) / 1000, 1e-3);
    const perSecond = this.done / elapsed;
    return { perSecond, etaSeconds: perSecond > 0 ? (this.total - this.done) / perSecond : 0 };
  }

  /** One document finished with a status word ("importeret", "fejlet" ...). */
  tick(file: string, status: string): void {
    this.done += 1;
    const { perSecond, etaSeconds } = this.rate();
    const figures = `${this.done}/${this.total}  ${perSecond.toFixed(1)} dok/s  ETA ${clock(etaSeconds)}`;
    if (this.stream.isTTY) {
      const width = 24;
      const filled = Math.round((this.done / Math.max(this.total, 1)) * width);
      const bar = `${"█".repeat(filled)}${"░".repeat(width - filled)}`;
      const name = file.length > 40 ? `…${file.slice(-39)}` : file;
      this.stream.write(`\r\x1b[2K${bar} ${figures}  ${status} ${name}`);
    } else {
      this.stream.write(`[${figures}] ${status}: ${file}\n`);
    }
  }

  /** Ends the redrawn line so that what follows starts on its own line. */
  finish(): void {
    if (this.stream.isTTY) {
      this.stream.write("\n");
    }
  }
}
