import type { PrincipleId, Severity } from "../model/finding.js";

/** Points per finding, after domain.md §8.3: strengths add, flags subtract, gaps subtract half a flag. */
export const STRENGTH_POINTS: Record<Severity, number> = { critical: 20, high: 15, medium: 8, low: 4, info: 0 };
export const FLAG_POINTS: Record<Severity, number> = { critical: 30, high: 18, medium: 10, low: 5, info: 0 };
export const GAP_FACTOR = 0.5;

/**
 * Repeats: the first instance of a rule in a document counts in full, each further instance counts REPEAT_DECAY
 * of the previous one (a half, a quarter, …), and only the first REPEAT_MAX_INSTANCES instances count at all. Four
 * one-way indemnities are worse than one, but not four times worse, and a long contract is not punished without
 * bound for repeating itself.
 */
export const REPEAT_DECAY = 0.5;
export const REPEAT_MAX_INSTANCES = 3;

/**
 * Severity caps, checked in order after clamping: `count` or more distinct flag rules of `severity` (after
 * mitigation) cap the principle at `limit`, so boilerplate strengths cannot buy off a deal-shaping win-lose term.
 */
export const SEVERITY_CAPS: readonly { severity: Severity; count: number; limit: number; reason: string }[] = [
  { severity: "critical", count: 1, limit: 40, reason: "a critical win-lose term caps this principle at 40" },
  { severity: "high", count: 2, limit: 60, reason: "two or more high-severity win-lose terms cap this principle at 60" },
];

/** Every principle score is clamped to this range before the caps apply. */
export const SCORE_RANGE = { min: 0, max: 100 } as const;
export { BASE_SCORE } from "../model/report.js";

/** Principle weights for the overall index: relational deals (default) and a transactional preset. */
export const WEIGHT_PRESETS: Record<"relational" | "transactional", Record<PrincipleId, number>> = {
  relational: {
    "shared-vision": 20,
    "pricing-incentives": 20,
    "risk-allocation": 20,
    governance: 15,
    "trust-transparency": 10,
    "term-exit": 10,
    "dispute-resolution": 5,
  },
  transactional: {
    "shared-vision": 5,
    "pricing-incentives": 15,
    "risk-allocation": 35,
    governance: 10,
    "trust-transparency": 5,
    "term-exit": 15,
    "dispute-resolution": 15,
  },
};

export type PresetName = keyof typeof WEIGHT_PRESETS;
export const PRESET_NAMES = Object.keys(WEIGHT_PRESETS) as PresetName[];

/**
 * Mitigation pairs (domain.md §8.3): a flag whose risk is addressed by one of these strengths in the same
 * document counts one severity level lower, instead of the strength's points being counted against it twice.
 */
export const MITIGATIONS: Record<string, readonly string[]> = {
  // A one-sided exit right hurts less when the exit itself is planned and assisted.
  "tx-termination-for-convenience-one-sided": ["tx-exit-plan"],
  // A short initial term that grows with performance is closer to the long term the scope needs.
  "tx-short-term-for-strategic-scope": ["tx-performance-based-extension"],
  // A hair-trigger termination right is softened when disputes must go up the ladder first.
  "tx-termination-minor-breach": ["dr-escalation-ladder"],
};
