import { PRINCIPLES } from "../../model/finding.js";
import type { ScorePolicy } from "../../model/policy.js";
import { defaultWeights, presetNames } from "../../score/weights.js";

/**
 * The commented project configuration `trustlint init` writes. Keys follow the configuration the batch
 * options read (rules, rule folders, weights, roles, thresholds, ignore globs, default format). The weights
 * section follows the rule pack's policy: its presets by name, and its default preset's numbers.
 */
export function rcTemplate(policy: Pick<ScorePolicy, "weightPresets" | "defaultPreset">): string {
  const weights = defaultWeights(policy);
  const others = presetNames(policy).filter((n) => n !== policy.defaultPreset);
  const table = PRINCIPLES.map((p) => `#   ${p}: ${weights[p]}`).join("\n");
  return `# trustlint configuration. Command-line options override these values.
# Every key is optional. Uncomment a section (the key and its lines) to use it.

# Default output format: terminal | json | html | markdown (plus any format \`trustlint check --help\` lists).
format: terminal

# Rules: turn a rule off, or change its severity (critical | high | medium | low | info).
# List them with \`trustlint rules\`; see one with \`trustlint explain <id>\`.
# rules:
#   sv-no-shared-vision: off
#   ra-indemnity-one-way: critical

# Extra folders of your own rule and topic YAML files, relative to this file.
# rule-dirs:
#   - ./house-rules

# Principle weights for the overall index (any positive numbers; they are normalised), or a preset's name.
# Omit to use the ${policy.defaultPreset} preset (the numbers below)${others.length ? `; the rule pack also has: ${others.join(", ")}` : ""}.
# weights:
${table}

# Party roles when the contract does not make them clear: defined term or name → buyer | supplier.
# roles:
#   Customer: buyer
#   "Acme Ltd": supplier

# When a run fails (exit code 1).
# thresholds:
#   min-score: 50        # any document's overall index below this
#   fail-on: high        # any flag or gap of this severity or worse
#   max-flags: 10        # more open flags and gaps than this in the whole run

# Findings accepted here rather than in the contract (works for PDF and Word too). A reason is required.
# suppress:
#   - rule: ra-indemnity-one-way
#     clause: "8.1"        # quoted: YAML reads 8.10 as 8.1; or fingerprint: … from the JSON report
#     reason: agreed with legal, insurer covers it

# Files to skip when checking folders (glob patterns, relative to this file).
ignore:
  - "**/node_modules/**"
  # - "archive/**"
`;
}
