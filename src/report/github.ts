import type { Finding, Severity } from "../model/finding.js";
import type { DocumentReport, Report } from "../model/report.js";
import { relativePath } from "./paths.js";
import { binaryPlace, isBinary } from "./sarif.js";

/**
 * GitHub Actions workflow commands, one per open flag or gap, so findings annotate a pull request without code
 * scanning: `::error file=…,line=…,col=…,title=…::message`. Escaping follows the runner's rules: in the
 * message `%`, CR and LF are percent-encoded; in properties also `:` and `,`.
 */
export function renderGithub(report: Report, options: { cwd?: string } = {}): string {
  return report.documents.map((d) => githubDocument(d, options.cwd)).join("");
}

export function githubDocument(d: DocumentReport, cwd?: string): string {
  const file = relativePath(d.path, cwd);
  if (d.error) {
    const line = d.error.line ? `,line=${int(d.error.line)}` : "";
    return `::error ${prop("file", file)}${line},${prop("title", `trustlint ${d.error.code}`)}::${data(d.error.message)}\n`;
  }
  // PDF and Word: no line (it would point into the binary file); the page and clause go in the title.
  const binary = isBinary(d.format);
  return d.findings
    .filter((f) => f.kind !== "strength" && !f.suppressed)
    .map((f) => {
      const at = binary ? "" : `,line=${int(f.location.line)},col=${int(f.location.column)}`;
      const place = binary && binaryPlace(f) ? ` (${binaryPlace(f)})` : "";
      return `::${level(f.severity)} ${prop("file", file)}${at},${prop("title", title(f) + place)}::${data(f.message + " → " + f.suggestion)}\n`;
    })
    .join("");
}

function title(f: Finding): string {
  return `${f.kind === "gap" ? "gap" : f.severity}: ${f.title} [${f.ruleId}]`;
}

export function level(severity: Severity): "error" | "warning" | "notice" {
  return severity === "critical" || severity === "high" ? "error" : severity === "medium" ? "warning" : "notice";
}

export function data(text: string): string {
  return (
    text
      .replace(/%/g, "%25")
      .replace(/\r/g, "%0D")
      .replace(/\n/g, "%0A")
      // The runner prints data to the build log: escape sequences and other controls must not reach it.
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g, (c) => (c === "\u001b" ? "␛" : " "))
      // Bidi overrides would reorder what a reviewer reads in the log and the annotation.
      .replace(/[\u202a-\u202e\u2066-\u2069]/g, "")
  );
}

/** A line or column property: only a whole number ever reaches the command (a tampered report cannot add one). */
function int(value: unknown): number {
  const n = Math.trunc(Number(value));
  return Number.isFinite(n) && n > 0 ? n : 1;
}

function prop(name: string, value: string): string {
  return `${name}=${data(value).replace(/:/g, "%3A").replace(/,/g, "%2C")}`;
}
