import type { DocumentReport, Report } from "../model/report.js";
import { relativePath } from "./paths.js";
import { terminalSafe } from "./sanitize.js";

/**
 * One line per open flag or gap, for editors (quickfix, problem matchers) and grep, like ESLint's compact/unix
 * formats: `path:line:col: severity rule-id message`. A document that could not be analysed has no line here:
 * its error goes to stderr, once, as for the terminal report. Strengths and suppressed findings are left out.
 * Every line is one line: newlines and control characters in a message become spaces.
 */
export function renderCompact(report: Report, options: { cwd?: string } = {}): string {
  return report.documents.map((d) => compactDocument(d, options.cwd)).join("");
}

export function compactDocument(d: DocumentReport, cwd?: string): string {
  const path = oneLine(relativePath(d.path, cwd));
  if (d.error) return "";
  return d.findings
    .filter((f) => f.kind !== "strength" && !f.suppressed)
    .map((f) => {
      const page = f.location.page ? ` (page ${f.location.page})` : "";
      const gap = f.kind === "gap" ? " (missing)" : "";
      return `${path}:${Math.max(1, f.location.line)}:${Math.max(1, f.location.column)}: ${f.severity} ${f.ruleId} ${oneLine(f.message)}${gap}${page}\n`;
    })
    .join("");
}

function oneLine(text: string): string {
  return terminalSafe(text.replace(/\s*[\r\n]+\s*/g, " "));
}
