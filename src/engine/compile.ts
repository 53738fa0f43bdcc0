import type { LoadedRule, LoadedTopic, RuleSources } from "./load-rules.js";
import type { SecondOpinionModel } from "./second-opinion.js";
import type { Policy } from "../model/policy.js";
import type { PatternOrigin } from "./bounded-regex.js";
import { anyMatch, compileList, patternToRegexSource } from "./patterns.js";
import type { PatternSource } from "./rule-schema.js";
import { BoundedRegExp } from "./bounded-regex.js";

/**
 * An exclusion: it holds when each list of `all` has a match in the unit (one list for an `any` exclusion, one
 * list per pattern for an `all` one), unless one of `unless` matches in it too.
 */
export interface CompiledExclusion {
  all: RegExp[][];
  unless: RegExp[];
}

export interface CompiledTopic {
  meta: LoadedTopic;
  trigger: RegExp[];
  require: { any: RegExp[]; scope: "sentence" | "clause" }[];
  exclude: CompiledExclusion[];
  values: {
    name: string;
    regex: RegExp;
    type: "number" | "string" | "boolean";
    scale: number;
    map: Map<string, number | string | boolean> | null;
  }[];
  /** keepDirection: a match makes the fact mutual, no match leaves the direction read from the sentence. */
  mutualIf: { any: RegExp[]; scope: "sentence" | "clause"; keepDirection: boolean } | null;
}

export interface RulePack {
  topics: CompiledTopic[];
  rules: LoadedRule[];
  /** Learned vetoes on the rules' triggers (rules/models/, see engine/second-opinion.ts); none when absent. */
  models?: SecondOpinionModel[];
  /** The pack's policy with the rules' `mitigated-by:` collected into `score.mitigations`; null if it has none. */
  policy: Policy | null;
}

export interface CompileOptions {
  /**
   * Where a user pack's pattern was written (null for the built-in pack): such patterns run with a per-match
   * time limit (bounded-regex.ts).
   */
  origin?: (topic: LoadedTopic, source: string, flags: string) => PatternOrigin | null;
  /** The per-match limit for those patterns, in ms. */
  matchLimitMs?: number;
}

/** Regexes are built here, once per run, never per clause. */
export function compilePack(sources: RuleSources, options: CompileOptions = {}): RulePack {
  // No pack-wide "any trigger" alternation: nothing used it (too slow in V8, see detect.ts), and joining every
  // pattern renumbered back-references and failed on two patterns naming the same group.
  const mitigations = Object.fromEntries(sources.rules.filter((r) => r["mitigated-by"]?.length).map((r) => [r.id, r["mitigated-by"]!]));
  const policy = sources.policy ? { ...sources.policy, score: { ...sources.policy.score, mitigations } } : null;
  return { topics: sources.topics.map((t) => compileTopic(t, options)), rules: sources.rules, policy };
}

function compileTopic(meta: LoadedTopic, options: CompileOptions): CompiledTopic {
  const origin = options.origin;
  const list = (ps: readonly PatternSource[]): RegExp[] =>
    compileList(
      ps,
      origin
        ? (i) => {
            const { source, flags } = patternToRegexSource(ps[i]!);
            return origin(meta, source, flags);
          }
        : undefined,
      options.matchLimitMs,
    );
  const plain = meta.exclude.filter((x): x is PatternSource => typeof x === "string" || !("any" in x || "all" in x || x.unless));
  const exclude: CompiledExclusion[] = [
    // Plain exclusions first, as one group: the order does not change the answer, only the time to it.
    ...(plain.length ? [{ all: [list(plain)], unless: [] }] : []),
    ...meta.exclude.flatMap((x) => {
      if (typeof x === "string") return [];
      if ("any" in x) return [{ all: [list(x.any)], unless: list(x.unless) }];
      if ("all" in x) return [{ all: x.all.map((p) => list([p])), unless: list(x.unless ?? []) }];
      return x.unless ? [{ all: [list([x])], unless: list(x.unless) }] : [];
    }),
  ];
  return {
    meta,
    trigger: list(meta.trigger),
    require: meta.require.map((r) => ({ any: list(r.any), scope: r.scope ?? meta.scope })),
    exclude,
    values: meta.values.map((v) => {
      const where = origin?.(meta, v.regex, v.flags ?? "i");
      return {
        name: v.name,
        regex: where ? new BoundedRegExp(v.regex, v.flags ?? "i", where, options.matchLimitMs) : new RegExp(v.regex, v.flags ?? "i"),
        type: v.type,
        scale: v.scale ?? 1,
        map: v.map ? new Map(Object.entries(v.map).map(([k, x]) => [mapKey(k), x])) : null,
      };
    }),
    mutualIf: meta["mutual-if"]
      ? {
          any: list(meta["mutual-if"].any),
          scope: meta["mutual-if"].scope ?? meta.scope,
          keepDirection: meta["mutual-if"]["keep-direction"] ?? false,
        }
      : null,
  };
}

/** The pack's policy; a pack built without any policy.yaml (a bare test pack) cannot score or read deal summaries. */
export function packPolicy(pack: RulePack): Policy {
  if (!pack.policy) throw new Error("the rule pack has no policy.yaml (rules/policy.yaml of the built-in pack sets the scoring numbers)");
  return pack.policy;
}

/** True when an exclusion of the topic holds in `text` (each of its lists matches and none of its `unless`). */
export function excluded(topic: CompiledTopic, text: string): boolean {
  for (const x of topic.exclude)
    if (x.all.every((any) => anyMatch(any, text)) && !(x.unless.length && anyMatch(x.unless, text))) return true;
  return false;
}

/** Every regex source the topic detectors use, for the benchmark's grep floor. */
export function triggerSources(pack: RulePack): string[] {
  return pack.topics.flatMap((t) => t.meta.trigger.map((p) => patternToRegexSource(p).source));
}

/** How a value-map key and a captured word are compared: "Half-Yearly" and "half  yearly" are the same word. */
export function mapKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/[-\s]+/g, " ")
    .trim();
}
