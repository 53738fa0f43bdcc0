import type { Report } from "../model/report.js";
import { renderCompact } from "./compact.js";
import { renderCsv } from "./csv.js";
import { renderGithub } from "./github.js";
import { renderHtml } from "./html.js";
import { renderJson } from "./json.js";
import { renderMarkdown } from "./markdown.js";
import { portfolioFor } from "./portfolio.js";
import { renderSarif } from "./sarif.js";
import { renderTerminal } from "./terminal.js";

export interface RenderOptions {
  color: boolean;
  explainScore?: boolean;
  /** Working directory, for formats that print relative paths. */
  cwd?: string;
}

export type Reporter = (report: Report, options: RenderOptions) => string;

/** Every output format: a pure function from the report model to a string. */
export const REPORTERS = {
  terminal: (r, o) => renderTerminal(r, o) + portfolioFor(r),
  json: (r) => renderJson(r),
  sarif: (r, o) => renderSarif(r, o),
  csv: (r) => renderCsv(r),
  github: (r, o) => renderGithub(r, o),
  html: (r, o) => renderHtml(r, o),
  markdown: (r, o) => renderMarkdown(r, o),
  compact: (r, o) => renderCompact(r, o),
} satisfies Record<string, Reporter>;

export type FormatName = keyof typeof REPORTERS;
export const FORMATS = Object.keys(REPORTERS) as FormatName[];
