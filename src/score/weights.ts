import type { PrincipleId } from "../model/finding.js";
import type { ScorePolicy } from "../model/policy.js";

// The weight presets live in the rule pack (rules/policy.yaml, `score.weights`), as every other scoring number
// does: a pack that declares another preset makes it selectable. See docs/scoring.md.

/** The names of the pack's weight presets, in the order the policy declares them. */
export function presetNames(policy: Pick<ScorePolicy, "weightPresets">): string[] {
  return Object.keys(policy.weightPresets);
}

/** The weight table of a preset, or null when the pack declares no preset of that name. */
export function presetWeights(policy: Pick<ScorePolicy, "weightPresets">, name: string): Record<PrincipleId, number> | null {
  return Object.hasOwn(policy.weightPresets, name) ? { ...policy.weightPresets[name]! } : null;
}

/** The weights a document is scored with when no preset or table is chosen: the pack's default preset. */
export function defaultWeights(policy: Pick<ScorePolicy, "weightPresets" | "defaultPreset">): Record<PrincipleId, number> {
  return { ...policy.weightPresets[policy.defaultPreset]! };
}
