import { appError, type AppError } from "../shared/errors.js";
import { parseYamlSource, issuePath, positionOf } from "../shared/yaml-source.js";
import {
  fragmentFileSchema,
  principleRuleSchema,
  topicSchema,
  type PatternSource,
  type PrincipleRuleSource,
  type TopicSource,
} from "./rule-schema.js";
import { expandFragments, patternToRegexSource } from "./patterns.js";
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
  const shared = loadFragmentFiles(files, errors);
  for (const { file, text } of files.filter((f) => !POLICY_FILE.test(f.file)).sort((a, b) => a.file.localeCompare(b.file))) {
    if (isFragmentFile(file)) continue;
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
    let data = result.data as TopicSource | PrincipleRuleSource;
    if (!isRule) {
      const expanded = withFragments(data as TopicSource, fragmentsFor(file, shared), positions, file);
      if (!expanded.ok) {
        errors.push(expanded.error);
        continue;
      }
      data = expanded.value;
    }
    const key = `${isRule ? "rule" : "topic"}:${data.id}`;
    const base = file
      .split(/[\\/]/)
      .pop()!
      .replace(/\.ya?ml$/, "");
    if (base !== data.id) {
      const pos = positionOf(positions, "id");
      errors.push(
        appError("RULE_SCHEMA", `id '${data.id}' must match the file name '${base}'`, { path: file, line: pos?.line, column: pos?.column }),
      );
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
      if (!topicIds.has(topic))
        errors.push(
          appError("RULE_UNKNOWN_TOPIC", `rule '${rule.id}' refers to unknown topic '${topic}'`, { path: rule.file, line: 1, column: 1 }),
        );
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
    if (ids.length && rule.kind !== "flag")
      out.push(
        appError("RULE_SCHEMA", `rule '${rule.id}' is a ${rule.kind}: only a flag can be mitigated-by a strength`, {
          path: rule.file,
          line: 1,
          column: 1,
        }),
      );
    for (const id of ids) {
      const other = byId.get(id);
      if (!other)
        out.push(
          appError("RULE_SCHEMA", `rule '${rule.id}' is mitigated-by unknown rule '${id}'`, { path: rule.file, line: 1, column: 1 }),
        );
      else if (other.kind !== "strength")
        out.push(
          appError("RULE_SCHEMA", `rule '${rule.id}' is mitigated-by '${id}', which is a ${other.kind}, not a strength`, {
            path: rule.file,
            line: 1,
            column: 1,
          }),
        );
    }
  }
  return out;
}

export function topicsOfRule(rule: PrincipleRuleSource): string[] {
  const w = rule.when;
  if ("fact" in w)
    return [
      w.fact.topic,
      ...w.unless.map((u) => u.topic),
      ...w["only-if"].map((u) => u.topic),
      ...w["unless-same-place"],
      ...w["returned-by"],
    ];
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
  const lists = patternLists(topic);
  for (const [path, list] of lists) {
    for (let i = 0; i < list.length; i++) {
      const p = list[i] as Parameters<typeof patternToRegexSource>[0];
      const { source, flags } = patternToRegexSource(p);
      const pos = positionOf(positions, `${path}[${i}]`);
      try {
        new RegExp(source, flags);
        collected.push({
          file,
          line: pos?.line,
          column: pos?.column,
          source,
          flags,
          ...(typeof p === "object" && p.reviewed ? { reviewed: true } : {}),
        });
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
      collected.push({
        file,
        line: pos?.line,
        column: pos?.column,
        source: v.regex,
        flags: v.flags ?? "i",
        ...(v.reviewed ? { reviewed: true } : {}),
      });
    } catch (e) {
      return appError("RULE_REGEX", `invalid regex: ${(e as Error).message}`, { path: file, line: pos?.line, column: pos?.column });
    }
  }
  return null;
}

/** Every pattern list of a topic with its path in the file (exclusions' `any` and `unless` lists included). */
function patternLists(topic: TopicSource): [string, readonly PatternSource[]][] {
  const exclusions: [string, readonly PatternSource[]][] = topic.exclude.flatMap((x, i): [string, readonly PatternSource[]][] => {
    if (typeof x === "object" && "any" in x)
      return [
        [`exclude[${i}].any`, x.any],
        [`exclude[${i}].unless`, x.unless],
      ];
    if (typeof x === "object" && "all" in x)
      return [
        [`exclude[${i}].all`, x.all],
        ...(x.unless ? [[`exclude[${i}].unless`, x.unless] as [string, readonly PatternSource[]]] : []),
      ];
    const self: [string, readonly PatternSource[]] = [`exclude[${i}]`, [x]];
    return typeof x === "object" && x.unless ? [self, [`exclude[${i}].unless`, x.unless]] : [self];
  });
  return [
    ["trigger", topic.trigger],
    ...exclusions,
    ...topic.require.map((r, i): [string, readonly PatternSource[]] => [`require[${i}].any`, r.any]),
    ...(topic["mutual-if"] ? [["mutual-if.any", topic["mutual-if"].any] as [string, readonly PatternSource[]]] : []),
  ];
}

/** A pack-level fragments file: `fragments.yaml` (or .yml), shared by the topic files in its folder and below. */
function isFragmentFile(file: string): boolean {
  return /(?:^|[\\/])fragments\.ya?ml$/.test(file);
}

function folderOf(file: string): string {
  const cut = Math.max(file.lastIndexOf("/"), file.lastIndexOf("\\"));
  return cut < 0 ? "" : file.slice(0, cut);
}

function loadFragmentFiles(files: readonly RuleFile[], errors: AppError[]): { folder: string; fragments: Record<string, string> }[] {
  const out: { folder: string; fragments: Record<string, string> }[] = [];
  for (const { file, text } of files) {
    if (!isFragmentFile(file)) continue;
    const parsed = parseYamlSource(file, text, "RULE_YAML_SYNTAX");
    if (!parsed.ok) {
      errors.push(parsed.error);
      continue;
    }
    const result = fragmentFileSchema.safeParse(parsed.value.value);
    if (!result.success) {
      for (const issue of result.error.issues.slice(0, 5)) {
        const where = issuePath(issue.path);
        const pos = positionOf(parsed.value.positions, where);
        errors.push(
          appError("RULE_SCHEMA", `${where || "(top level)"}: ${issue.message}`, { path: file, line: pos?.line, column: pos?.column }),
        );
      }
      continue;
    }
    out.push({ folder: folderOf(file), fragments: result.data.fragments });
  }
  // Outer folders first, so a fragments file nearer the topic overrides a name from further out.
  return out.sort((a, b) => a.folder.length - b.folder.length);
}

function fragmentsFor(file: string, shared: readonly { folder: string; fragments: Record<string, string> }[]): Record<string, string> {
  const folder = folderOf(file);
  const merged: Record<string, string> = {};
  for (const f of shared) {
    if (f.folder === "" || folder === f.folder || folder.startsWith(`${f.folder}/`) || folder.startsWith(`${f.folder}\\`))
      Object.assign(merged, f.fragments);
  }
  return merged;
}

/**
 * The topic with every `{name}` in its regexes replaced by the fragment (pack-level ones, then the file's own).
 * Phrases are left alone: their braces are literal text. An unknown or circular name is a RULE_SCHEMA error at
 * the pattern's position.
 */
function withFragments(
  topic: TopicSource,
  packFragments: Record<string, string>,
  positions: Map<string, { line: number; column: number }>,
  file: string,
): { ok: true; value: TopicSource } | { ok: false; error: AppError } {
  const fragments = { ...packFragments, ...(topic.fragments ?? {}) };
  let failure: AppError | null = null;
  const expand = (source: string, path: string): string => {
    if (failure) return source;
    const r = expandFragments(source, fragments);
    if (r.ok) return r.source;
    const pos = positionOf(positions, path);
    const known = Object.keys(fragments);
    failure = appError("RULE_SCHEMA", r.circular ? `fragment '{${r.name}}' refers to itself` : `unknown fragment '{${r.name}}'`, {
      path: file,
      line: pos?.line,
      column: pos?.column,
      hint: known.length
        ? `known fragments: ${known.join(", ")}; write \\{ for a literal brace`
        : "define it under fragments: in this file or in a fragments.yaml of the pack; write \\{ for a literal brace",
    });
    return source;
  };
  const pattern = (p: PatternSource, path: string): PatternSource => (typeof p === "string" ? p : { ...p, regex: expand(p.regex, path) });
  const list = (ps: readonly PatternSource[], path: string): PatternSource[] => ps.map((p, i) => pattern(p, `${path}[${i}]`));
  for (const [name, value] of Object.entries(topic.fragments ?? {})) expand(value, `fragments.${name}`);
  const value: TopicSource = {
    ...topic,
    trigger: list(topic.trigger, "trigger"),
    require: topic.require.map((r, i) => ({ ...r, any: list(r.any, `require[${i}].any`) })),
    exclude: topic.exclude.map((x, i) => {
      if (typeof x === "string") return x;
      if ("any" in x) return { any: list(x.any, `exclude[${i}].any`), unless: list(x.unless, `exclude[${i}].unless`) };
      if ("all" in x)
        return { all: list(x.all, `exclude[${i}].all`), ...(x.unless ? { unless: list(x.unless, `exclude[${i}].unless`) } : {}) };
      return { ...x, regex: expand(x.regex, `exclude[${i}]`), ...(x.unless ? { unless: list(x.unless, `exclude[${i}].unless`) } : {}) };
    }),
    ...(topic["mutual-if"] ? { "mutual-if": { ...topic["mutual-if"], any: list(topic["mutual-if"].any, "mutual-if.any") } } : {}),
    values: topic.values.map((v, i) => ({ ...v, regex: expand(v.regex, `values[${i}].regex`) })),
  };
  return failure ? { ok: false, error: failure } : { ok: true, value };
}
