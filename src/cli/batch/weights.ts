import type { PrincipleId } from "../../model/finding.js";
import type { ScorePolicy } from "../../model/policy.js";
import { PRINCIPLES } from "../../model/finding.js";
import { presetNames, presetWeights } from "../../score/weights.js";
import { appError, type AppError } from "../../shared/errors.js";
import { err, ok, type Result } from "../../shared/result.js";
import type { LoadedConfig } from "./config.js";

/**
 * The principle weights a run scores with: `--preset`, else the config's `weights:` (a preset name or a table),
 * else undefined, which scores with the pack's default preset. Preset names are looked up in the pack's policy,
 * so this runs once the pack is loaded, and an unknown name is an error before any file is read.
 */
export function chooseWeights(
  policy: ScorePolicy,
  preset: string | undefined,
  config: Pick<LoadedConfig, "weights" | "weightsAt" | "file">,
): Result<Record<PrincipleId, number> | undefined, AppError[]> {
  const declared = `the rule pack declares: ${presetNames(policy).join(", ")}`;
  if (preset !== undefined) {
    const table = presetWeights(policy, preset);
    return table ? ok(table) : err([appError("USAGE", `--preset: no weight preset '${preset}'`, { hint: declared })]);
  }
  const w = config.weights;
  if (w === undefined) return ok(undefined);
  if (typeof w === "string") {
    const table = presetWeights(policy, w);
    if (table) return ok(table);
    const where = { path: config.file ?? undefined, line: config.weightsAt?.line, column: config.weightsAt?.column, hint: declared };
    return err([appError("CONFIG_SCHEMA", `weights: no weight preset '${w}'`, where)]);
  }
  // A table from the config: principles it leaves out weigh 0.
  return ok(Object.fromEntries(PRINCIPLES.map((p) => [p, w[p] ?? 0])) as Record<PrincipleId, number>);
}
