import { appError, type AppError } from "../shared/errors.js";
import { parseYamlSource, issuePath, positionOf } from "../shared/yaml-source.js";
import { principleRuleSchema, topicSchema, type PrincipleRuleSource, type TopicSource } from "./rule-schema.js";
import { patternToRegexSource } from "./patterns.js";
import { loadPolicyFiles, POLICY_FILE } from "./load-policy.js";
import type { Policy } from "../model/policy.js";
import type { ZodType } from "zod";

export interface RuleFile {
  /** Path to show in errors (relative to the working directory). */
  file: string;
  text: string;
}

export interface LoadedTopic extends TopicSource {
  file: string;
}
export interface LoadedRule extends PrincipleRuleSource {
  file: string;
}

export interface RuleSources {
  topics: LoadedTopic[];
  rules: LoadedRule[];
  /** The packs' policy.yaml files merged (load-policy.ts); null when no pack has one. */
  policy: Policy | null;
}

/** One regex of a rule file with the place it was written, so a safety checker can point at `file:line:col`. */
export interface RegexEntry {
  file: string;
  line?: number;
  column?: number;
  source: string;
  flags: string;
  /** Marked `reviewed: true` by the rule author (back-references allowed). */
  reviewed?: boolean;
}

/**
 * Parses and validates rule files. A file is a principle rule when it has a `principle` key, otherwise a topic
 * detector. All errors are collected (not just the first) so a rule author fixes a pack in one go.
 */
export function loadRuleFiles(files: readonly RuleFile[]): { sources: RuleSources; errors: AppError[]; regexes: RegexEntry[] } {
  const topics: LoadedTopic[] = [];
  const rules: LoadedRule[] = [];
  const errors: AppError[] = [];
  const regexes: RegexEntry[] = [];
  const seen = new Map<string, string>();
  // policy.yaml files are merged in the order the packs were given (built-in first), not sorted by name.
  const { policy, errors: policyErrors } = loadPolicyFiles(files.filter((f) => POLICY_FILE.test(f.file)));
  errors.push(...policyErrors);
  for (const { file, text } of files.filter((f) => !POLICY_FILE.test(f.file)).sort((a, b) => a.file.localeCompare(b.file))) {
    const parsed = parseYamlSource(file, text, "RULE_YAML_SYNTAX");
    if (!parsed.ok) {
      errors.push(parsed.error);
      continue;
    }
    const { value, positions } = parsed.value;
    const isRule = typeof value === "object" && value !== null && "principle" in value;
    const schema: ZodType = isRule ? principleRuleSchema : topicSchema;
    const result = schema.safeParse(value);
    if (!result.success) {
      for (const issue of result.error.issues.slice(0, 5)) {
        const where = issuePath(issue.path);
        const keyPath = issue.code === "unrecognized_keys" && issue.keys[0] ? (where ? `${where}.${issue.keys[0]}` : issue.keys[0]) : where;
        const pos = positionOf(positions, keyPath);
        const message = issue.code === "unrecognized_keys" ? `unknown key '${keyPath}'` : `${keyPath || "(top level)"}: ${issue.message}`;
        errors.push(appError("RULE_SCHEMA", message, { path: file, line: pos?.line, column: pos?.column }));
      }
      continue;
    }
    const data = result.data as TopicSource | PrincipleRuleSource;
    const key = `${isRule ? "rule" : "topic"}:${data.id}`;
    const base = file.split(/[\\/]/).pop()!.replace(/\.ya?ml$/, "");
    if (base !== data.id) {
      const pos = positionOf(positions, "id");
      errors.push(appError("RULE_SCHEMA", `id '${data.id}' must match the file name '${base}'`, { path: file, line: pos?.line, column: pos?.column }));
      continue;
    }
    if (seen.has(key)) {
      errors.push(appError("RULE_DUPLICATE_ID", `'${data.id}' is already defined in ${seen.get(key)}`, { path: file, line: 1, column: 1 }));
      continue;
    }
    seen.set(key, file);
    const regexError = checkRegexes(data, isRule, positions, file, regexes);
    if (regexError) {
      errors.push(regexError);
      continue;
    }
    if (isRule) rules.push({ ...(data as PrincipleRuleSource), file });
    else topics.push({ ...(data as TopicSource), file });
  }
  // Every topic a rule names must exist.
  const topicIds = new Set(topics.map((t) => t.id));
  for (const rule of rules) {
    for (const topic of topicsOfRule(rule)) {
      if (!topicIds.has(topic)) errors.push(appError("RULE_UNKNOWN_TOPIC", `rule '${rule.id}' refers to unknown topic '${topic}'`, { path: rule.file, line: 1, column: 1 }));
    }
  }
  errors.push(...mitigationErrors(rules));
  return { sources: { topics, rules, policy }, errors, regexes };
}

/** `mitigated-by:` may only be on a flag and must name strength rules of the pack. */
function mitigationErrors(rules: readonly LoadedRule[]): AppError[] {
  const byId = new Map(rules.map((r) => [r.id, r]));
  const out: AppError[] = [];
  for (const rule of rules) {
    const ids = rule["mitigated-by"] ?? [];
    if (ids.length && rule.kind !== "flag") out.push(appError("RULE_SCHEMA", `rule '${rule.id}' is a ${rule.kind}: only a flag can be mitigated-by a strength`, { path: rule.file, line: 1, column: 1 }));
    for (const id of ids) {
      const other = byId.get(id);
      if (!other) out.push(appError("RULE_SCHEMA", `rule '${rule.id}' is mitigated-by unknown rule '${id}'`, { path: rule.file, line: 1, column: 1 }));
      else if (other.kind !== "strength") out.push(appError("RULE_SCHEMA", `rule '${rule.id}' is mitigated-by '${id}', which is a ${other.kind}, not a strength`, { path: rule.file, line: 1, column: 1 }));
    }
  }
  return out;
}

export function topicsOfRule(rule: PrincipleRuleSource): string[] {
  const w = rule.when;
  if ("fact" in w) return [w.fact.topic, ...w.unless.map((u) => u.topic), ...w["only-if"].map((u) => u.topic), ...w["unless-same-place"]];
  return [...w.absent, ...w["only-if"].map((u) => u.topic)];
}

/** Compiles every pattern once to report a bad regex at its own line. */
function checkRegexes(
  data: TopicSource | PrincipleRuleSource,
  isRule: boolean,
  positions: Map<string, { line: number; column: number }>,
  file: string,
  collected: RegexEntry[],
): AppError | null {
  if (isRule) return null;
  const topic = data as TopicSource;
  const lists: [string, readonly unknown[]][] = [
    ["trigger", topic.trigger],
    ["exclude", topic.exclude],
    ...topic.require.map((r, i) => [`require[${i}].any`, r.any] as [string, readonly unknown[]]),
    ...(topic["mutual-if"] ? [["mutual-if.any", topic["mutual-if"].any] as [string, readonly unknown[]]] : []),
  ];
  for (const [path, list] of lists) {
    for (let i = 0; i < list.length; i++) {
      const p = list[i] as Parameters<typeof patternToRegexSource>[0];
      const { source, flags } = patternToRegexSource(p);
      const pos = positionOf(positions, `${path}[${i}]`);
      try {
        new RegExp(source, flags);
        collected.push({ file, line: pos?.line, column: pos?.column, source, flags, ...(typeof p === "object" && p.reviewed ? { reviewed: true } : {}) });
      } catch (e) {
        return appError("RULE_REGEX", `invalid regex: ${(e as Error).message}`, { path: file, line: pos?.line, column: pos?.column });
      }
    }
  }
  for (let i = 0; i < topic.values.length; i++) {
    const v = topic.values[i]!;
    const pos = positionOf(positions, `values[${i}].regex`);
    try {
      new RegExp(v.regex, v.flags ?? "i");
      collected.push({ file, line: pos?.line, column: pos?.column, source: v.regex, flags: v.flags ?? "i", ...(v.reviewed ? { reviewed: true } : {}) });
    } catch (e) {
      return appError("RULE_REGEX", `invalid regex: ${(e as Error).message}`, { path: file, line: pos?.line, column: pos?.column });
    }
  }
  return null;
}
