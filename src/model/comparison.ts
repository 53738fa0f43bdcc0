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
  /** Rule ids of flags and gaps gone from, or new in, this clause. */
  resolved: string[];
  introduced: string[];
  /** Rule ids of strengths new in, or gone from, this clause. */
  gained: string[];
  lost: string[];
  /** Sum of the principle points the changed rules gained or lost, attributed to this clause. */
  points: number;
  /** The same, weighted into the overall index. */
  overallPoints: number;
}

/** A finding present in only one draft, with what its change did to the score. */
export type ChangedFinding = Finding & {
  effect: {
    /** Points on the finding's principle (before clamping and caps): positive helps the new draft. */
    points: number;
    /** The same, weighted into the overall index. */
    overallPoints: number;
  };
};

export interface Comparison {
  old: { path: string };
  new: { path: string };
  /** `rawDelta`: the index change computed before clamping and caps (and rounding), to one decimal. */
  overall: ScoreDelta & { rawDelta: number };
  principles: (ScoreDelta & { id: PrincipleId })[];
  /** Flags and gaps of the old draft that the new one no longer has. */
  resolved: ChangedFinding[];
  /** Flags and gaps the new draft has and the old one had not. */
  introduced: ChangedFinding[];
  /** Strengths the new draft has and the old one had not. */
  gained: ChangedFinding[];
  /** Strengths of the old draft that the new one lost. */
  lost: ChangedFinding[];
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
