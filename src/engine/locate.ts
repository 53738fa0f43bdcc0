import type { Clause, ContractDocument } from "../model/document.js";
import { LineIndex, lastAtOrBelow, type Location } from "../model/location.js";

/**
 * Turns offsets in the normalised text into locations in the source: the one place where that conversion
 * happens (as ESLint's createProblem), so rules and detectors cannot get positions wrong.
 */
export class Locator {
  private readonly lines: LineIndex;

  constructor(private readonly doc: ContractDocument) {
    this.lines = new LineIndex(doc.original);
  }

  private source(offset: number): number {
    const map = this.doc.offsetMap;
    if (!map) return Math.min(offset, this.doc.original.length);
    return map[Math.max(0, Math.min(offset, map.length - 1))]!;
  }

  locate(start: number, end: number, clause: Clause | null): Location {
    const s = this.lines.position(this.source(start));
    const e = this.lines.position(this.source(Math.max(start, end)));
    const location: Location = {
      line: s.line,
      column: s.column,
      endLine: e.line,
      endColumn: e.column,
      clause: clause?.label ?? clause?.number ?? null,
      heading: clause?.heading ?? null,
    };
    const page = this.pageOf(start);
    if (page !== undefined) location.page = page;
    return location;
  }

  private pageOf(offset: number): number | undefined {
    const starts = this.doc.pageStarts;
    if (!starts || starts.length === 0) return undefined;
    return lastAtOrBelow(starts, offset) + 1;
  }
}
