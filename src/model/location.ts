/**
 * Offsets are 0-based UTF-16 indexes into a string; lines and columns are 1-based (as in semgrep and textlint).
 */
export interface Span {
  start: number;
  end: number;
}

export interface Position {
  line: number;
  column: number;
}

/** Where a fact or finding sits, in terms a person can look up. */
export interface Location {
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  /** Clause number as the document shows it ("14.2", "(a)", "Article IV"), or null. */
  clause: string | null;
  /** Heading of the clause or its section, when there is one. */
  heading?: string | null;
  /** 1-based page, for paginated sources (PDF). */
  page?: number;
  /** Dotted path into a YAML deal summary ("risk.liability.supplier_cap"). */
  path?: string;
}

/** Index of the last element of an ascending, non-empty array that is <= value (0 when none is). */
export function lastAtOrBelow(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (sorted[mid]! <= value) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Maps offsets to line/column in O(log n) after an O(n) build. */
export class LineIndex {
  private readonly starts: number[];

  constructor(text: string) {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      if (ch === 10) starts.push(i + 1);
      else if (ch === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    this.starts = starts;
  }

  position(offset: number): Position {
    const line = lastAtOrBelow(this.starts, offset);
    return { line: line + 1, column: offset - this.starts[line]! + 1 };
  }

  get lineCount(): number {
    return this.starts.length;
  }
}
