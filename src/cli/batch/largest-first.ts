import type { Io } from "../io.js";

/**
 * The order in which a worker pool takes documents: the largest waiting file first. A batch's wall time with
 * workers is at least its slowest document, and that one should not start last: in the 60 CUAD PDFs of the
 * bench, one 154-page filing is 40 % of all the work and sat 25th in path order, so one worker read it alone
 * while the other had long run out of documents. Taken first, it runs while the other worker reads the rest.
 * File size stands in for the work (a document's time grows with its bytes); ties keep path order, so the
 * schedule depends only on the files. Reports are still emitted in path order.
 */
export class LargestFirst {
  private readonly waiting: number[] = [];

  constructor(private readonly bytes: readonly number[]) {}

  add(index: number): void {
    this.waiting.push(index);
  }

  /** The index of the largest waiting file (the first in path order among equals), or undefined. */
  take(): number | undefined {
    if (!this.waiting.length) return undefined;
    let best = 0;
    for (let k = 1; k < this.waiting.length; k++) {
      const a = this.waiting[k]!;
      const b = this.waiting[best]!;
      if (this.bytes[a]! > this.bytes[b]! || (this.bytes[a] === this.bytes[b] && a < b)) best = k;
    }
    return this.waiting.splice(best, 1)[0];
  }
}

/** Size in bytes of each path; 0 for standard input and for a path that cannot be read (its worker says why). */
export async function fileSizes(paths: readonly string[], io: Pick<Io, "stat">): Promise<number[]> {
  return Promise.all(
    paths.map((p) =>
      p === "-"
        ? 0
        : io.stat(p).then(
            (s) => s.size,
            () => 0,
          ),
    ),
  );
}
