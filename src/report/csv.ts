import { PRINCIPLES, SEVERITIES, severityRank, type Finding } from "../model/finding.js";
import type { DocumentReport, Report } from "../model/report.js";

/**
 * One row per document for a spreadsheet: scores per principle, overall, and counts of open flags and gaps by
 * severity. Cells are CSV-escaped (RFC 4180) and a cell that a spreadsheet would run as a formula (leading
 * = + - @, tab or CR) is prefixed with an apostrophe, because file names and error messages come from outside.
 */
const CSV_HEADER = [
  "path",
  "format",
  "error",
  "overall",
  ...PRINCIPLES,
  ...SEVERITIES.map((s) => `open_${s}`),
  "flags",
  "gaps",
  "strengths",
  "suppressed",
  // Added at the end so the columns before keep their positions.
  "parties",
  "top_flags",
];

export function renderCsv(report: Report): string {
  return csvHeader() + report.documents.map(csvRow).join("");
}

export function csvHeader(): string {
  return `${CSV_HEADER.map(cell).join(",")}\r\n`;
}

export function csvRow(d: DocumentReport): string {
  const open = d.findings.filter((f) => f.kind !== "strength" && !f.suppressed);
  const score = (id: string) => d.score?.principles.find((p) => p.id === id)?.score ?? "";
  const row = [
    d.path,
    d.format ?? "",
    d.error ? `${d.error.code} ${d.error.message}` : "",
    d.score?.overall ?? "",
    ...PRINCIPLES.map(score),
    ...SEVERITIES.map((s) => (d.error ? "" : open.filter((f) => f.severity === s).length)),
    d.error ? "" : open.filter((f) => f.kind === "flag").length,
    d.error ? "" : open.filter((f) => f.kind === "gap").length,
    d.error ? "" : d.findings.filter((f) => f.kind === "strength" && !f.suppressed).length,
    d.error ? "" : d.findings.filter((f) => f.suppressed).length,
    d.parties.map((p) => `${p.name} (${p.role})`).join("; "),
    topFlags(d.findings)
      .map((f) => `${f.ruleId}: ${f.title} (${f.severity}${f.location.clause ? `, clause ${f.location.clause}` : ""})`)
      .join("; "),
  ];
  return `${row.map(cell).join(",")}\r\n`;
}

export function cell(value: string | number): string {
  if (typeof value === "number") return String(value);
  // Control characters (escape sequences from a file name or clause) have no place in a spreadsheet cell.
  let v = value
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g, (c) => (c === "\u001b" ? "␛" : " "))
    .replace(/[\u202a-\u202e\u2066-\u2069]/g, "");
  if (/^[=+\-@\t\r]/.test(v)) v = `'${v}`;
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** The three most severe open flags, one per rule (ties: document order). */
function topFlags(findings: readonly Finding[], n = 3): Finding[] {
  const seen = new Set<string>();
  return findings
    .filter((f) => f.kind === "flag" && !f.suppressed)
    .map((f, i) => ({ f, i }))
    .sort((a, b) => severityRank(b.f.severity) - severityRank(a.f.severity) || a.i - b.i)
    .map(({ f }) => f)
    .filter((f) => (seen.has(f.ruleId) ? false : (seen.add(f.ruleId), true)))
    .slice(0, n);
}
