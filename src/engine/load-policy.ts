import { z, type ZodType } from "zod";
import { PRINCIPLES, SEVERITIES, type PrincipleId } from "../model/finding.js";
import type { Policy } from "../model/policy.js";
import { appError, type AppError } from "../shared/errors.js";
import { issuePath, parseYamlSource, positionOf } from "../shared/yaml-source.js";

/**
 * `policy.yaml` in a rule pack: the scoring numbers and the deal-summary thresholds (see docs/scoring.md). The
 * built-in pack's file is complete; a user pack's file may set any subset of the keys, and is laid over the
 * policy before it (objects merge key by key, a list such as `caps` replaces the list before it).
 */
export const POLICY_FILE = /(^|[\\/])policy\.ya?ml$/;

const points = z.number().min(0).max(1000);
const severityPoints = (partial: boolean) => {
  const o = z.strictObject(Object.fromEntries(SEVERITIES.map((s) => [s, points])) as Record<(typeof SEVERITIES)[number], typeof points>);
  return partial ? o.partial() : o;
};
const fraction = z.number().min(0).max(1);

/** A preset's weights: every principle named (a new preset is complete), 0–100 each; only the proportions matter. */
const presetWeights = (partial: boolean) => {
  const weight = z.number().min(0).max(100);
  const o = z.strictObject(Object.fromEntries(PRINCIPLES.map((p) => [p, weight])) as Record<PrincipleId, typeof weight>);
  return partial ? o.partial() : o;
};
const PRESET_NAME = /^[a-z][a-z0-9-]*$/;
const presetName = z.string().regex(PRESET_NAME, "a preset name is kebab-case");

function policySchema(partial: boolean): ZodType {
  const obj = <T extends z.ZodRawShape>(shape: T) => (partial ? z.strictObject(shape).partial() : z.strictObject(shape));
  return obj({
    score: obj({
      base: z.number().min(0).max(1000),
      range: z.strictObject({ min: z.number(), max: z.number() }).refine((r) => r.min < r.max, "range.min must be below range.max"),
      "strength-points": severityPoints(partial),
      "flag-points": severityPoints(partial),
      "gap-factor": fraction,
      "index-gain": z.number().min(1).max(10),
      "repeat-decay": fraction,
      "repeat-max-instances": z.int().min(1).max(100),
      caps: z.array(z.strictObject({ severity: z.enum(SEVERITIES), count: z.int().min(1), limit: z.number(), reason: z.string().min(1) })),
      weights: obj({
        default: presetName,
        presets: z.record(presetName, presetWeights(partial)),
      }),
    }),
    "deal-summary": obj({
      "lowest-price-min-weight-pct": z.number().min(0).max(100),
      "late-payment-over-days": z.number().min(0),
      "metric-overload-over-count": z.int().min(0),
      "guiding-principles-min-count": z.int().min(1),
    }),
  });
}

const PARTIAL = policySchema(true);
const FULL = policySchema(false);

export interface PolicyFile {
  file: string;
  text: string;
}

/**
 * Validates the policy files of the packs in load order and merges them; `null` when there are none. Errors point
 * at `file:line:col` as rule errors do.
 */
export function loadPolicyFiles(files: readonly PolicyFile[]): { policy: Policy | null; errors: AppError[] } {
  const errors: AppError[] = [];
  let merged: Record<string, unknown> | null = null;
  for (const { file, text } of files) {
    const parsed = parseYamlSource(file, text, "RULE_YAML_SYNTAX");
    if (!parsed.ok) {
      errors.push(parsed.error);
      continue;
    }
    const { value, positions } = parsed.value;
    const result = PARTIAL.safeParse(value ?? {});
    if (!result.success) {
      for (const issue of result.error.issues.slice(0, 5)) {
        const where = issuePath(issue.path);
        const keyPath = issue.code === "unrecognized_keys" && issue.keys[0] ? (where ? `${where}.${issue.keys[0]}` : issue.keys[0]) : where;
        const pos = positionOf(positions, keyPath);
        const message =
          issue.code === "unrecognized_keys" ? `unknown policy key '${keyPath}'` : `${keyPath || "(top level)"}: ${issue.message}`;
        errors.push(appError("RULE_SCHEMA", message, { path: file, line: pos?.line, column: pos?.column }));
      }
      continue;
    }
    const presetErrors = presetProblems(merged, result.data as Record<string, unknown>, file, positions);
    if (presetErrors.length) {
      errors.push(...presetErrors);
      continue;
    }
    merged = overlay(merged ?? {}, result.data as Record<string, unknown>);
  }
  if (errors.length || !merged) return { policy: null, errors };
  const full = FULL.safeParse(merged);
  if (!full.success) {
    const last = files[files.length - 1]!.file;
    for (const issue of full.error.issues.slice(0, 5))
      errors.push(
        appError("RULE_SCHEMA", `policy incomplete: ${issuePath(issue.path) || "(top level)"}: ${issue.message}`, {
          path: last,
          line: 1,
          column: 1,
        }),
      );
    return { policy: null, errors };
  }
  return { policy: toPolicy(full.data as FullPolicy), errors };
}

/**
 * The checks a file's weight presets need beyond their own shape, told at the file's own line: a preset the
 * packs before it did not declare must weigh every principle (only a known preset may be changed in part), and
 * `default` must name a preset declared by now.
 */
function presetProblems(
  before: Record<string, unknown> | null,
  data: Record<string, unknown>,
  file: string,
  positions: Map<string, { line: number; column: number }>,
): AppError[] {
  const weights = (p: Record<string, unknown> | null) => ((p?.score as Record<string, unknown> | undefined)?.weights ?? {}) as Weights;
  type Weights = { default?: string; presets?: Record<string, Record<string, number>> };
  const known = weights(before).presets ?? {};
  const mine = weights(data);
  const at = (path: string, message: string) => {
    const pos = positionOf(positions, path);
    return appError("RULE_SCHEMA", message, { path: file, line: pos?.line, column: pos?.column });
  };
  const out: AppError[] = [];
  for (const [name, table] of Object.entries(mine.presets ?? {})) {
    if (Object.hasOwn(known, name)) continue;
    const missing = PRINCIPLES.filter((p) => table[p] === undefined);
    if (missing.length)
      out.push(at(`score.weights.presets.${name}`, `weight preset '${name}' must weigh every principle (missing: ${missing.join(", ")})`));
  }
  const chosen = mine.default;
  if (chosen !== undefined && !Object.hasOwn(known, chosen) && !Object.hasOwn(mine.presets ?? {}, chosen))
    out.push(
      at(
        "score.weights.default",
        `score.weights.default: no weight preset '${chosen}' (declared: ${[...new Set([...Object.keys(known), ...Object.keys(mine.presets ?? {})])].join(", ") || "none"})`,
      ),
    );
  return out;
}

/** Objects merge key by key; anything else (numbers, lists) replaces what was there. */
function overlay(base: Record<string, unknown>, top: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(top)) {
    const b = out[k];
    out[k] = isPlain(v) && isPlain(b) ? overlay(b, v) : v;
  }
  return out;
}
const isPlain = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

type Sev = Record<(typeof SEVERITIES)[number], number>;
interface FullPolicy {
  score: {
    base: number;
    range: { min: number; max: number };
    "strength-points": Sev;
    "flag-points": Sev;
    "gap-factor": number;
    "index-gain": number;
    "repeat-decay": number;
    "repeat-max-instances": number;
    caps: { severity: (typeof SEVERITIES)[number]; count: number; limit: number; reason: string }[];
    weights: { default: string; presets: Record<string, Record<PrincipleId, number>> };
  };
  "deal-summary": {
    "lowest-price-min-weight-pct": number;
    "late-payment-over-days": number;
    "metric-overload-over-count": number;
    "guiding-principles-min-count": number;
  };
}

function toPolicy(p: FullPolicy): Policy {
  const s = p.score;
  const d = p["deal-summary"];
  return {
    score: {
      base: s.base,
      range: s.range,
      strengthPoints: s["strength-points"],
      flagPoints: s["flag-points"],
      gapFactor: s["gap-factor"],
      gain: s["index-gain"],
      repeatDecay: s["repeat-decay"],
      repeatMaxInstances: s["repeat-max-instances"],
      caps: s.caps,
      weightPresets: s.weights.presets,
      defaultPreset: s.weights.default,
      mitigations: {},
    },
    deal: {
      lowestPriceMinWeightPct: d["lowest-price-min-weight-pct"],
      latePaymentOverDays: d["late-payment-over-days"],
      metricOverloadOverCount: d["metric-overload-over-count"],
      guidingPrinciplesMinCount: d["guiding-principles-min-count"],
    },
  };
}
