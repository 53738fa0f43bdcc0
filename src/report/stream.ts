import { jsonSafe } from "./escape.js";
import type { DocumentReport, Report } from "../model/report.js";
import { compactDocument } from "./compact.js";
import { csvHeader, csvRow } from "./csv.js";
import { githubDocument } from "./github.js";
import type { RenderOptions } from "./index.js";
import { jsonDocument } from "./json.js";
import { portfolioRow, renderPortfolio, type PortfolioRow } from "./portfolio.js";
import { renderTerminal } from "./terminal.js";

/**
 * A reporter that can write a batch one document at a time, so a run over a whole portfolio never holds every
 * report. Concatenating head + documents + tail gives exactly what the whole-report reporter gives (tested).
 */
export interface StreamingReporter {
  head(): string;
  document(d: DocumentReport): string;
  tail(): string;
}

type Meta = Omit<Report, "documents">;

export const STREAMING: Record<string, (meta: Meta, options: RenderOptions) => StreamingReporter> = {
  terminal: (meta, options) => {
    const rows: PortfolioRow[] = [];
    let printed = 0;
    return {
      head: () => "",
      // renderTerminal joins documents with a blank line and leaves out those that failed (stderr has them).
      document: (d) => (
        rows.push(portfolioRow(d)),
        d.error ? "" : (printed++ ? "\n" : "") + renderTerminal({ ...meta, documents: [d] }, options)
      ),
      tail: () => (rows.length > 1 ? renderPortfolio(rows) : ""),
    };
  },
  json: (meta) => {
    let n = 0;
    const head = JSON.stringify({ schemaVersion: 1, tool: meta.tool }, null, 2).replace(/\n}$/, "");
    return {
      head: () => `${head},\n  "documents": [`,
      document: (d) => `${n++ ? "," : ""}\n    ${jsonSafe(JSON.stringify(jsonDocument(d), null, 2)).replace(/\n/g, "\n    ")}`,
      tail: () => (n ? "\n  ]\n}\n" : "]\n}\n"),
    };
  },
  csv: () => ({ head: csvHeader, document: csvRow, tail: () => "" }),
  github: (_meta, options) => ({ head: () => "", document: (d) => githubDocument(d, options.cwd), tail: () => "" }),
  compact: (_meta, options) => ({ head: () => "", document: (d) => compactDocument(d, options.cwd), tail: () => "" }),
};
