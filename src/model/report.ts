import type { AppError } from "../shared/errors.js";
import type { DocumentFormat } from "./document.js";
import type { Fact } from "./fact.js";
import type { Finding, PrincipleId, Severity } from "./finding.js";
import type { Party } from "./party.js";
import type { RuleMeta } from "./rule.js";

/** One finding's effect on a principle score, so every point can be traced. */
export interface ScoreContribution {
  ruleId: string;
  kind: Finding["kind"];
  points: number;
  /** Index into the document's findings of the finding that earned the points. */
  finding: number;
  /** A flag counted one severity lower because this strength rule addresses the same risk. */
  mitigatedBy?: string;
  /** For a repeat of a rule in the document: which instance (2, 3, …) and the factor its points were scaled by. */
  instance?: number;
  factor?: number;
}

/** Where every principle starts: a deal with no findings is neither win-lose nor collaborative. */
export const BASE_SCORE = 50;

export interface PrincipleScore {
  id: PrincipleId;
  score: number;
  base: number;
  contributions: ScoreContribution[];
  /** Set when a severe flag capped the score ("critical flag caps at 40"). */
  cap: { limit: number; reason: string } | null;
  weight: number;
  /** The sum base + contributions when it fell outside 0–100 and was clamped to this; absent otherwise. */
  clampedTo?: number;
  /** Instances of a rule past the repeat cap (REPEAT_MAX_INSTANCES), which count nothing; absent when none. */
  uncounted?: { ruleId: string; count: number }[];
}

export interface DocumentScore {
  overall: number;
  /** The policy's base and index gain: overall = base + gain × (weighted mean − base), clamped, rounded. Absent in reports read back from older JSON (gain 1). */
  base?: number;
  gain?: number;
  principles: PrincipleScore[];
}

export interface DocumentReport {
  path: string;
  format: DocumentFormat | null;
  error: AppError | null;
  parties: Party[];
  score: DocumentScore | null;
  facts: Fact[];
  findings: Finding[];
  /** Unused inline suppressions, reported so they can be removed. */
  unusedSuppressions?: { ruleIds: string[]; line: number }[];
  /** Inline suppressions refused (no reason, unknown rule id): not applied, reported so they get fixed. */
  invalidSuppressions?: { ruleIds: string[]; line: number; message: string }[];
  stats?: { clauses: number; pages?: number; characters: number };
  /** Set when --min-severity left findings out of the report (the score still counts them). */
  hidden?: { minSeverity: Severity; count: number };
}

export interface Report {
  tool: { name: string; version: string };
  documents: DocumentReport[];
  rules: RuleMeta[];
}
