import { stat } from "node:fs/promises";
import { boundedReadError, readRegularFile, SMALL_FILE_LIMIT } from "../../shared/bounded-read.js";
import { dirname, join, resolve } from "node:path";
import { z } from "zod";
import { PRINCIPLES, SEVERITIES, type PrincipleId } from "../../model/finding.js";
import { appError, type AppError } from "../../shared/errors.js";
import { err, ok, type Result } from "../../shared/result.js";
import { parseYamlSource } from "../../shared/yaml-source.js";
import { yamlIssues } from "../../shared/zod-issue.js";

const CONFIG_NAMES = [".trustlintrc.yaml", ".trustlintrc.yml"];

const score = z.number().min(0).max(100);
const minScore = z.union([
  score,
  z.strictObject(
    Object.fromEntries(["overall", ...PRINCIPLES].map((k) => [k, score.optional()])) as Record<
      "overall" | PrincipleId,
      z.ZodOptional<typeof score>
    >,
  ),
]);
const principleMap = <T extends z.ZodType>(value: T) => z.partialRecord(z.enum(PRINCIPLES), value);

/** `.trustlintrc.yaml`. Strict: a misspelt key is an error at its line, not a setting silently ignored. */
const configSchema = z.strictObject({
  /** `builtin` (default) extends the built-in pack; `none` uses only the rule folders below. */
  extends: z.enum(["builtin", "none"]).default("builtin"),
  /** Extra rule folders (a team pack with its own topics and rules), relative to the config file. */
  "rule-folders": z.array(z.string().min(1)).default([]),
  /** Same as rule-folders (the name `trustlint init` writes). */
  "rule-dirs": z.array(z.string().min(1)).default([]),
  /** Rule id → off, or a severity that replaces the rule's own. */
  rules: z.record(z.string().regex(/^[a-z][a-z0-9-]*$/, "rule ids are kebab-case"), z.enum(["off", ...SEVERITIES])).default({}),
  /**
   * A weight preset of the rule pack (checked once the pack is loaded: a pack may declare its own) or a weight per
   * principle (missing principles weigh 0).
   */
  weights: z
    .union([z.string().regex(/^[a-z][a-z0-9-]*$/, "a preset name is kebab-case"), principleMap(z.number().min(0).max(100))])
    .optional(),
  /** Party name or defined term → role, when the contract's own wording is ambiguous. */
  roles: z.record(z.string().min(1), z.enum(["buyer", "supplier", "unknown"])).default({}),
  /** Overall floor, or `{overall: 60, risk-allocation: 50}`. */
  "min-score": minScore.optional(),
  "fail-on": z.enum(SEVERITIES).optional(),
  "max-flags": z.number().int().min(0).optional(),
  /** The three thresholds may also be grouped under `thresholds:` (as `trustlint init` writes them). */
  thresholds: z
    .strictObject({
      "min-score": minScore.optional(),
      "fail-on": z.enum(SEVERITIES).optional(),
      "max-flags": z.number().int().min(0).optional(),
    })
    .optional(),
  ignore: z.array(z.string().min(1)).default([]),
  format: z.string().optional(),
  concurrency: z.union([z.literal("auto"), z.literal("off"), z.number().int().min(1)]).optional(),
  baseline: z.string().optional(),
  /** Findings accepted by rule and clause (or fingerprint), with a reason; see ./config-suppress.ts. */
  suppress: z
    .array(
      z.strictObject({
        rule: z.string().regex(/^[a-z][a-z0-9-]*$/, "rule ids are kebab-case"),
        // YAML reads 8.1 as a number; a clause number is text ("8.10" is not "8.1"), so quote it or it is converted.
        clause: z
          .union([z.string().min(1), z.number()])
          .transform(String)
          .optional(),
        fingerprint: z.string().min(1).optional(),
        file: z.string().min(1).optional(),
        reason: z
          .string({ error: "a suppression needs a reason (why is this finding accepted?)" })
          .trim()
          .min(1, "a suppression needs a reason (why is this finding accepted?)"),
      }),
    )
    .default([]),
});
export type ConfigSource = z.infer<typeof configSchema>;

export interface LoadedConfig extends ConfigSource {
  /** The file it came from, or null when none was found. */
  file: string | null;
  /** Where `weights:` stands in it, so an unknown preset name (known only once the pack is loaded) points there. */
  weightsAt?: { line: number; column: number };
}

export const EMPTY_CONFIG: LoadedConfig = { ...configSchema.parse({}), file: null };

/** Nearest `.trustlintrc.yaml` from `dir` upwards, or null. */
export async function discoverConfig(dir: string): Promise<string | null> {
  let d = resolve(dir);
  while (true) {
    for (const name of CONFIG_NAMES) {
      const p = join(d, name);
      // stat, not open: a named pipe called .trustlintrc.yaml must not block the search (it is refused when read).
      try {
        await stat(p);
        return p;
      } catch {
        // keep looking
      }
    }
    const parent = dirname(d);
    if (parent === d) return null;
    d = parent;
  }
}

export async function loadConfigFile(path: string, shownAs = path): Promise<Result<LoadedConfig, AppError[]>> {
  // A regular file of at most 1 MB: a config that is /dev/zero, a FIFO or a socket is refused at once.
  const read = await readRegularFile(path, SMALL_FILE_LIMIT);
  if (!read.ok) return err([boundedReadError(shownAs, "config", read)]);
  return parseConfig(new TextDecoder().decode(read.bytes), path, shownAs);
}

export function parseConfig(text: string, path: string, shownAs = path): Result<LoadedConfig, AppError[]> {
  const parsed = parseYamlSource(shownAs, text, "CONFIG_YAML_SYNTAX");
  if (!parsed.ok) return err([parsed.error]);
  const { value, positions } = parsed.value;
  const result = configSchema.safeParse(value ?? {});
  if (!result.success) {
    return err(
      result.error.issues.slice(0, 10).map((issue) => {
        // An unknown key is reported once per issue, at its first key.
        const first = yamlIssues(issue, positions)[0]!;
        const message = first.key === null ? first.message : `unknown key '${first.keyPath}'`;
        return appError("CONFIG_SCHEMA", message, { path: shownAs, line: first.line, column: first.column });
      }),
    );
  }
  const base = dirname(resolve(path));
  const data = result.data;
  const t = data.thresholds ?? {};
  return ok({
    ...data,
    "rule-folders": [...data["rule-folders"], ...data["rule-dirs"]].map((f) => resolve(base, f)),
    "rule-dirs": [],
    "min-score": data["min-score"] ?? t["min-score"],
    "fail-on": data["fail-on"] ?? t["fail-on"],
    "max-flags": data["max-flags"] ?? t["max-flags"],
    baseline: data.baseline ? resolve(base, data.baseline) : undefined,
    file: shownAs,
    ...(positions.has("weights") ? { weightsAt: positions.get("weights")! } : {}),
  });
}
