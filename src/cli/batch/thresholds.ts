import { InvalidArgumentError } from "commander";
import { PRINCIPLES, severityRank, type PrincipleId, type Severity } from "../../model/finding.js";
import type { DocumentReport } from "../../model/report.js";

export interface Thresholds {
  /** Overall score floor. */
  minScore?: number;
  /** Per-principle score floors. */
  minPrinciple: Partial<Record<PrincipleId, number>>;
  failOn?: Severity;
  /** Most open flags and gaps allowed across the whole run. */
  maxFlags?: number;
}

/** `--min-score 60` or `--min-score risk-allocation=50` (repeatable). */
export function collectMinScore(
  value: string,
  previous: { overall?: number; principles: Partial<Record<PrincipleId, number>> } = { principles: {} },
) {
  const m = /^(?:([a-z-]+)=)?(\d+(?:\.\d+)?)$/.exec(value.trim());
  if (!m) throw new InvalidArgumentError("expected a score 0-100 or principle=score, e.g. 60 or risk-allocation=50");
  const n = Number(m[2]);
  if (n < 0 || n > 100) throw new InvalidArgumentError("expected a score from 0 to 100");
  if (!m[1]) return { ...previous, overall: n };
  if (!(PRINCIPLES as readonly string[]).includes(m[1]))
    throw new InvalidArgumentError(`unknown principle '${m[1]}' (one of ${PRINCIPLES.join(", ")})`);
  return { ...previous, principles: { ...previous.principles, [m[1]]: n } };
}

/** Open = a flag or gap that is neither suppressed inline nor accepted in the baseline. */
function openProblems(d: DocumentReport) {
  return d.findings.filter((f) => f.kind !== "strength" && !f.suppressed);
}

/**
 * Checks thresholds one document at a time (so a streamed batch needs no second pass) and the run-wide
 * --max-flags at the end. Every failure is one line saying which limit and by how much.
 */
export class ThresholdCheck {
  private readonly reasons: string[] = [];
  private open = 0;

  constructor(private readonly t: Thresholds) {}

  add(d: DocumentReport): void {
    if (!d.score) return;
    const open = openProblems(d);
    this.open += open.length;
    if (this.t.minScore !== undefined && d.score.overall < this.t.minScore) {
      this.reasons.push(`${d.path}: overall score ${d.score.overall} is below --min-score ${this.t.minScore}`);
    }
    for (const [id, min] of Object.entries(this.t.minPrinciple)) {
      const p = d.score.principles.find((x) => x.id === id);
      if (p && p.score < min!) this.reasons.push(`${d.path}: ${id} score ${p.score} is below --min-score ${id}=${min}`);
    }
    if (this.t.failOn) {
      const limit = severityRank(this.t.failOn);
      const hits = open.filter((f) => severityRank(f.severity) >= limit);
      if (hits.length)
        this.reasons.push(
          `${d.path}: ${hits.length} open finding(s) at or above --fail-on ${this.t.failOn} (first: ${hits[0]!.ruleId} line ${hits[0]!.location.line})`,
        );
    }
  }

  finish(): string[] {
    const out = [...this.reasons];
    if (this.t.maxFlags !== undefined && this.open > this.t.maxFlags)
      out.push(`${this.open} open flags and gaps exceed --max-flags ${this.t.maxFlags}`);
    return out;
  }
}
