import type { LoadedRule, LoadedTopic, RuleSources } from "./load-rules.js";
import type { SecondOpinionModel } from "./second-opinion.js";
import { compileList, patternToRegexSource } from "./patterns.js";
import type { Policy } from "../model/policy.js";

export interface CompiledTopic {
  meta: LoadedTopic;
  trigger: RegExp[];
  require: { any: RegExp[]; scope: "sentence" | "clause" }[];
  exclude: RegExp[];
  values: { name: string; regex: RegExp; type: "number" | "string" | "boolean"; scale: number; map: Map<string, number | string | boolean> | null }[];
  mutualIf: { any: RegExp[]; scope: "sentence" | "clause" } | null;
}

export interface RulePack {
  topics: CompiledTopic[];
  rules: LoadedRule[];
  /**
   * One regex over every topic trigger: a clause that misses it cannot produce any fact. Not used on the hot
   * path (too slow in V8 once the pack is large, see detect.ts); kept for tools that want a single test.
   */
  anyTrigger: RegExp;
  /** Learned vetoes on the rules' triggers (rules/models/, see engine/second-opinion.ts); none when absent. */
  models?: SecondOpinionModel[];
  /** The pack's policy with the rules' `mitigated-by:` collected into `score.mitigations`; null if it has none. */
  policy: Policy | null;
}

/** Regexes are built here, once per run, never per clause. */
export function compilePack(sources: RuleSources): RulePack {
  const topics = sources.topics.map(compileTopic);
  const all = sources.topics.flatMap((t) => t.trigger.map((p) => patternToRegexSource(p)));
  // The pre-filter is case-insensitive and ignores per-pattern flags other than i: a superset is enough here.
  const anyTrigger = new RegExp(all.map((p) => `(?:${p.source})`).join("|") || "(?!)", "i");
  const mitigations = Object.fromEntries(sources.rules.filter((r) => r["mitigated-by"]?.length).map((r) => [r.id, r["mitigated-by"]!]));
  const policy = sources.policy ? { ...sources.policy, score: { ...sources.policy.score, mitigations } } : null;
  return { topics, rules: sources.rules, anyTrigger, policy };
}

function compileTopic(meta: LoadedTopic): CompiledTopic {
  return {
    meta,
    trigger: compileList(meta.trigger),
    require: meta.require.map((r) => ({ any: compileList(r.any), scope: r.scope ?? meta.scope })),
    exclude: meta.exclude.length ? compileList(meta.exclude) : [],
    values: meta.values.map((v) => ({
      name: v.name,
      regex: new RegExp(v.regex, v.flags ?? "i"),
      type: v.type,
      scale: v.scale ?? 1,
      map: v.map ? new Map(Object.entries(v.map).map(([k, x]) => [mapKey(k), x])) : null,
    })),
    mutualIf: meta["mutual-if"] ? { any: compileList(meta["mutual-if"].any), scope: meta["mutual-if"].scope ?? meta.scope } : null,
  };
}

/** The pack's policy; a pack built without any policy.yaml (a bare test pack) cannot score or read deal summaries. */
export function packPolicy(pack: RulePack): Policy {
  if (!pack.policy) throw new Error("the rule pack has no policy.yaml (rules/policy.yaml of the built-in pack sets the scoring numbers)");
  return pack.policy;
}

/** Every regex source the topic detectors use, for the benchmark's grep floor. */
export function triggerSources(pack: RulePack): string[] {
  return pack.topics.flatMap((t) => t.meta.trigger.map((p) => patternToRegexSource(p).source));
}

/** How a value-map key and a captured word are compared: "Half-Yearly" and "half  yearly" are the same word. */
export function mapKey(text: string): string {
  return text.toLowerCase().replace(/[-\s]+/g, " ").trim();
}
