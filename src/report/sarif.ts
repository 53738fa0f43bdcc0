import { jsonSafe } from "./escape.js";
import type { Log, Result as SarifResult, ReportingDescriptor, Notification } from "sarif";
import type { Finding, Severity } from "../model/finding.js";
import type { Report } from "../model/report.js";
import type { RuleMeta } from "../model/rule.js";
import { relativePath } from "./paths.js";

type Level = "error" | "warning" | "note";

/**
 * SARIF 2.1.0 for code-scanning upload. Every rule of the pack is listed (so a rule that found nothing is still
 * documented), results carry a physical location relative to the working directory and the finding's
 * fingerprint (rule + party roles + normalised clause text) so GitHub tracks an alert across renumbering.
 * Strengths are not results: SARIF results are problems. Suppressed findings stay, with `suppressions`.
 */
export function renderSarif(report: Report, options: { cwd?: string } = {}): string {
  const rules = [...report.rules].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).filter((r) => r.kind !== "strength");
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const results: SarifResult[] = [];
  const notifications: Notification[] = [];
  for (const d of report.documents) {
    const uri = relativePath(d.path, options.cwd).split("/").map(encodeURIComponent).join("/");
    if (d.error) {
      notifications.push({
        level: "error",
        message: { text: `${d.error.code} ${d.error.message}` },
        locations: [{ physicalLocation: { artifactLocation: { uri }, ...(d.error.line ? { region: { startLine: d.error.line } } : {}) } }],
      });
      continue;
    }
    for (const f of d.findings) {
      if (f.kind === "strength") continue;
      results.push(result(f, uri, ruleIndex.get(f.ruleId), isBinary(d.format)));
    }
  }
  const log: Log = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: report.tool.name,
            version: report.tool.version,
            informationUri: "https://github.com/trustlint/trustlint",
            rules: rules.map(descriptor),
          },
        },
        invocations: [{ executionSuccessful: notifications.length === 0, toolExecutionNotifications: notifications }],
        columnKind: "utf16CodeUnits",
        results,
      },
    ],
  };
  return `${jsonSafe(JSON.stringify(log, null, 2))}\n`;
}

function sarifLevel(severity: Severity): Level {
  return severity === "critical" || severity === "high" ? "error" : severity === "medium" ? "warning" : "note";
}

function descriptor(r: RuleMeta): ReportingDescriptor {
  return {
    id: r.id,
    name: pascal(r.id),
    shortDescription: { text: r.title },
    fullDescription: { text: r.rationale.trim() },
    help: {
      text: `${r.rationale.trim()}\n\nSuggested alternative: ${r.suggestion.trim()}`,
      markdown: `${r.rationale.trim()}\n\n**Suggested alternative:** ${r.suggestion.trim()}`,
    },
    defaultConfiguration: { level: sarifLevel(r.severity) },
    properties: { principle: r.principle, kind: r.kind, severity: r.severity, tags: [r.principle, r.kind] },
  };
}

/**
 * PDF and Word files are binary: a line number counts lines of the extracted text, which no viewer can go to.
 * Their results carry no region (a file-level alert in code scanning); the page (PDF) and clause are named in
 * the message and in the location's and result's property bags instead.
 */
export function isBinary(format: string | null | undefined): boolean {
  return format === "pdf" || format === "docx";
}

/** "page 3, clause 8.1" — where a finding sits in a PDF or Word file, as a reader finds it. */
export function binaryPlace(f: Finding): string {
  const parts = [f.location.page ? `page ${f.location.page}` : null, f.location.clause ? `clause ${f.location.clause}` : null];
  return parts.filter(Boolean).join(", ") || (f.kind === "gap" ? "whole document" : "");
}

function binaryResult(f: Finding, uri: string, ruleIndex: number | undefined): SarifResult {
  const place = binaryPlace(f);
  const where = { ...(f.location.page ? { page: f.location.page } : {}), ...(f.location.clause ? { clause: f.location.clause } : {}) };
  const out: SarifResult = {
    ruleId: f.ruleId,
    ...(ruleIndex !== undefined ? { ruleIndex } : {}),
    level: sarifLevel(f.severity),
    kind: "fail",
    message: {
      text: `${place ? `(${place[0]!.toUpperCase()}${place.slice(1)}) ` : ""}${f.message} Suggested alternative: ${f.suggestion}`,
    },
    locations: [
      {
        physicalLocation: { artifactLocation: { uri }, properties: where },
        ...(f.location.clause ? { logicalLocations: [{ name: `clause ${f.location.clause}`, kind: "member" }] } : {}),
      },
    ],
    partialFingerprints: { "trustlint/v1": f.fingerprint },
    properties: {
      principle: f.principle,
      findingKind: f.kind,
      severity: f.severity,
      burdened: f.burdened,
      beneficiary: f.beneficiary,
      ...where,
      ...(f.excerpt ? { excerpt: f.excerpt } : {}),
    },
  };
  if (f.suppressed)
    out.suppressions = [{ kind: f.suppressed.kind === "inline" ? "inSource" : "external", justification: f.suppressed.reason }];
  return out;
}

function result(f: Finding, uri: string, ruleIndex: number | undefined, binary = false): SarifResult {
  if (binary) return binaryResult(f, uri, ruleIndex);
  const region: NonNullable<NonNullable<SarifResult["locations"]>[number]["physicalLocation"]>["region"] = {
    startLine: Math.max(1, f.location.line),
    startColumn: Math.max(1, f.location.column),
  };
  if (f.location.endLine && f.location.endLine >= region.startLine!) {
    region.endLine = f.location.endLine;
    if (f.location.endColumn && (f.location.endLine > region.startLine! || f.location.endColumn > region.startColumn!))
      region.endColumn = f.location.endColumn;
  }
  if (f.excerpt) region.snippet = { text: f.excerpt };
  const out: SarifResult = {
    ruleId: f.ruleId,
    ...(ruleIndex !== undefined ? { ruleIndex } : {}),
    level: sarifLevel(f.severity),
    kind: "fail",
    message: { text: `${f.message} Suggested alternative: ${f.suggestion}` },
    locations: [
      {
        physicalLocation: { artifactLocation: { uri }, region },
        ...(f.location.clause ? { logicalLocations: [{ name: `clause ${f.location.clause}`, kind: "member" }] } : {}),
      },
    ],
    partialFingerprints: { "trustlint/v1": f.fingerprint },
    properties: { principle: f.principle, findingKind: f.kind, severity: f.severity, burdened: f.burdened, beneficiary: f.beneficiary },
  };
  if (f.suppressed)
    out.suppressions = [{ kind: f.suppressed.kind === "inline" ? "inSource" : "external", justification: f.suppressed.reason }];
  return out;
}

function pascal(id: string): string {
  return id.replace(/(^|[-_])([a-z0-9])/g, (_, __, c: string) => c.toUpperCase());
}
