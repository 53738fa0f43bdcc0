import type { PrincipleId, Severity } from "../model/finding.js";

/** Points per finding, after domain.md §8.3: strengths add, flags subtract, gaps subtract half a flag. */
export const STRENGTH_POINTS: Record<Severity, number> = { critical: 20, high: 15, medium: 8, low: 4, info: 0 };
export const FLAG_POINTS: Record<Severity, number> = { critical: 30, high: 18, medium: 10, low: 5, info: 0 };
export const GAP_FACTOR = 0.5;
export const BASE_SCORE = 50;

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
