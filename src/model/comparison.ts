import type { Finding, PrincipleId } from "./finding.js";
import type { RuleMeta } from "./rule.js";

/** Two drafts of one deal, compared: the negotiator's "did my redline help?". */
export interface ScoreDelta {
  old: number;
  new: number;
  delta: number;
}

/** A clause whose added or removed findings moved the score. */
export interface ClauseChange {
  /**
   * Clause label (or, for deal summaries, the field path) in the old draft (resolved findings) or the new one
   * (introduced), or null for whole-document gaps.
   */
  oldClause: string | null;
  newClause: string | null;
  resolved: string[];
  introduced: string[];
  /** Sum of the principle points the changed rules gained or lost, attributed to this clause. */
  points: number;
  /** The same, weighted into the overall index. */
  overallPoints: number;
}

export interface Comparison {
  old: { path: string };
  new: { path: string };
  overall: ScoreDelta;
  principles: (ScoreDelta & { id: PrincipleId })[];
  resolved: Finding[];
  introduced: Finding[];
  unchanged: { old: Finding; new: Finding }[];
  /** Largest absolute effect first. */
  clauses: ClauseChange[];
  /** Human-readable reasons the new draft is worse (overall or any principle lower); empty when it is not. */
  regressions: string[];
}

export interface ComparisonReport {
  tool: { name: string; version: string };
  comparison: Comparison;
  rules: RuleMeta[];
}
