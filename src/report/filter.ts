import { severityRank, type Severity } from "../model/finding.js";
import type { DocumentReport } from "../model/report.js";

/**
 * `--min-severity`: the report shows only flags and gaps of this severity or worse. It is a view, not an
 * analysis setting: the score (and every threshold) was computed from all findings before this runs, and
 * strengths are kept (they are not problems). Score contributions keep pointing at the right finding; one whose
 * finding is hidden points at -1. The document records how many findings it hides, so no format pretends
 * they do not exist.
 */
export function hideBelow(d: DocumentReport, min: Severity | undefined): DocumentReport {
  if (!min || d.error) return d;
  const limit = severityRank(min);
  const newIndex = new Map<number, number>();
  const findings = d.findings.filter((f, i) => {
    const keep = f.kind === "strength" || severityRank(f.severity) >= limit;
    if (keep) newIndex.set(i, newIndex.size);
    return keep;
  });
  const hidden = d.findings.length - findings.length;
  const score = d.score && {
    ...d.score,
    principles: d.score.principles.map((p) => ({
      ...p,
      contributions: p.contributions.map((c) => ({ ...c, finding: newIndex.get(c.finding) ?? -1 })),
    })),
  };
  return { ...d, findings, score, hidden: { minSeverity: min, count: hidden } };
}

/** "3 findings below high not shown (--min-severity)", or "" when nothing is hidden. */
export function hiddenNote(d: DocumentReport): string {
  if (!d.hidden?.count) return "";
  return `${d.hidden.count} finding(s) below ${d.hidden.minSeverity} not shown (--min-severity)`;
}
