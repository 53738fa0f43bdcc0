import type { PrincipleId } from "../model/finding.js";

// The scoring numbers (base, points, decay, clamp, caps) and the mitigation pairs live in the rule pack:
// rules/policy.yaml and the rules' `mitigated-by:` (see docs/scoring.md).

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
