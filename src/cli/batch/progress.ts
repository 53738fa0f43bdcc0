/**
 * A one-line progress bar on stderr: files done/total, rate, ETA and the current file. Own renderer (a dozen
 * lines) rather than a dependency. The caller decides whether to show it at all (TTY, --quiet, machine format).
 */
export class Progress {
  private done = 0;
  private readonly started = Date.now();
  private lastDraw = 0;
  private visible = false;

  constructor(
    private readonly total: number,
    private readonly write: (s: string) => void,
    private readonly columns = 80,
    private readonly now: () => number = Date.now,
  ) {}

  tick(currentFile: string): void {
    this.done++;
    const t = this.now();
    // Redraw at most ~12 times a second; always draw the last one.
    if (t - this.lastDraw < 80 && this.done < this.total) return;
    this.lastDraw = t;
    this.draw(currentFile, t);
  }

  /** Removes the line, e.g. before writing a report to the same terminal. */
  clear(): void {
    if (this.visible) this.write("\r\u001b[2K");
    this.visible = false;
  }

  private draw(file: string, t: number): void {
    const secs = Math.max(0.001, (t - this.started) / 1000);
    const rate = this.done / secs;
    const eta = rate > 0 ? Math.round((this.total - this.done) / rate) : 0;
    const width = 20;
    const filled = Math.round((this.done / Math.max(1, this.total)) * width);
    const head = `[${"█".repeat(filled)}${"░".repeat(width - filled)}] ${this.done}/${this.total} ${rate.toFixed(1)}/s ETA ${eta}s `;
    const room = Math.max(0, this.columns - head.length - 1);
    const name = file.length > room ? `…${file.slice(file.length - room + 1)}` : file;
    this.write(`\r\u001b[2K${head}${room > 1 ? name.replace(/[\u0000-\u001f\u007f-\u009f]/g, " ") : ""}`);
    this.visible = true;
  }
}
