import type { RulePack } from "../../engine/index.js";
import type { Severity } from "../../model/finding.js";
import { appError, type AppError } from "../../shared/errors.js";
import { err, ok, type Result } from "../../shared/result.js";
import type { AnalyseOptions } from "../../core/pipeline.js";
import { loadPack } from "../../core/rule-files.js";
import type { InputFlags } from "../input-options.js";

/**
 * Everything a worker needs to analyse a file exactly as the main thread would. Plain data only: it is copied
 * into each worker thread, so two runs with different concurrency cannot disagree.
 */
export interface AnalysisSettings {
  cwd: string;
  /** Extra rule folders (team packs), in order. */
  rulesDirs: string[];
  /** Include the built-in pack (config `extends`, default true). */
  builtin: boolean;
  /** Rule id → "off" or a severity that replaces the rule's own. */
  ruleOverrides: Record<string, "off" | Severity>;
  analyse: AnalyseOptions;
  /** --password, --stdin-format, --max-size (see ../input-options.ts). */
  input: InputFlags;
}

/** Loads the pack and applies the config's rule switches and severity overrides. */
export async function buildPack(
  settings: AnalysisSettings,
  env: Record<string, string | undefined> = {},
): Promise<Result<RulePack, AppError[]>> {
  const loaded = await loadPack(settings.rulesDirs, settings.cwd, env, { builtin: settings.builtin });
  if (!loaded.ok) return loaded;
  const pack = loaded.value;
  const overrides = Object.entries(settings.ruleOverrides);
  if (!overrides.length) return loaded;
  const known = new Set(pack.rules.map((r) => r.id));
  const unknown = overrides.filter(([id]) => !known.has(id)).map(([id]) => id);
  if (unknown.length) {
    return err(unknown.map((id) => appError("CONFIG_SCHEMA", `rules: unknown rule id '${id}'`, { hint: "trustlint rules lists the ids" })));
  }
  const rules = pack.rules
    .filter((r) => settings.ruleOverrides[r.id] !== "off")
    .map((r) => {
      const o = settings.ruleOverrides[r.id];
      return o && o !== "off" ? { ...r, severity: o } : r;
    });
  return ok({ ...pack, rules });
}
