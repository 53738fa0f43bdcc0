import { z } from "zod";
import { FINDING_KINDS, PRINCIPLES, SEVERITIES } from "../model/finding.js";

/**
 * The two rule layers as strict zod schemas: a misspelt key is a load error at `file:line:col`, not a rule that
 * silently never fires.
 *
 * A pattern is a phrase (case-insensitive, whole words, any whitespace between words, `*` = word suffix) or a
 * `{regex, flags}` object. Flags are limited to i, m, s, u: `g`/`y` would make matching stateful and `v` cannot
 * be checked for catastrophic backtracking.
 */
export const patternSchema = z.union([
  z.string().min(1),
  z.strictObject({
    regex: z.string().min(1),
    flags: z
      .string()
      .regex(/^[imsu]*$/, "flags may only be i, m, s, u")
      .optional(),
    /**
     * `reviewed: true` marks a user pattern whose worst case the author has checked by hand: back-references,
     * which the safety checker cannot prove safe, are then allowed (see cli/regex-safety.ts).
     */
    reviewed: z.literal(true).optional(),
  }),
]);
export type PatternSource = z.infer<typeof patternSchema>;

const patternList = z.array(patternSchema).min(1);

/**
 * An exclusion that holds only when none of its `unless` patterns matches in the same scope: "a goodwill clause
 * is no IP assignment, unless it also assigns". It replaces the negative lookahead `^(?![\s\S]*X)[\s\S]*Y`
 * (Y anywhere in the scope and X nowhere in it), and means exactly that for patterns without the `m` flag.
 * Written as a regex with `unless`, or as `{any: [...], unless: [...]}` (phrases or regexes). `{all: [...]}`
 * holds when every one of its patterns matches somewhere in the scope, in any order (what the positive
 * lookahead `^(?=[\s\S]*X)[\s\S]*Y` faked), again with an optional `unless`.
 */
export const exclusionSchema = z.union([
  z.string().min(1),
  z.strictObject({
    regex: z.string().min(1),
    flags: z
      .string()
      .regex(/^[imsu]*$/, "flags may only be i, m, s, u")
      .optional(),
    reviewed: z.literal(true).optional(),
    unless: patternList.optional(),
  }),
  z.strictObject({ any: patternList, unless: patternList }),
  z.strictObject({ all: z.array(patternSchema).min(2), unless: patternList.optional() }),
]);
export type ExclusionSource = z.infer<typeof exclusionSchema>;

/** Fragment names: `{party}` in a regex stands for the fragment `party` (see patterns.ts expandFragments). */
export const FRAGMENT_NAME = /^[a-z][a-z0-9-]*$/;
export const fragmentsSchema = z.record(
  z.string().regex(FRAGMENT_NAME, "fragment names are kebab-case: party, notice-period"),
  z.string().min(1),
);

/** A pack-level `fragments.yaml`: fragments shared by every topic file in its folder and below. */
export const fragmentFileSchema = z.strictObject({ fragments: fragmentsSchema });

const valueSchema = z.strictObject({
  name: z.string().regex(/^[a-z][a-z0-9-]*$/),
  /** A regex whose first capture group is the value; numbers are parsed ("three (3)" is not). */
  regex: z.string().min(1),
  flags: z
    .string()
    .regex(/^[imsu]*$/)
    .optional(),
  /** As for patterns: the author has reviewed this regex's worst case (back-references allowed). */
  reviewed: z.literal(true).optional(),
  /** `boolean`: true when the regex matches at all (no capture group needed). */
  type: z.enum(["number", "string", "boolean"]).default("string"),
  /** Multiplies a number value, so "3 years" and "36 months" can both fill `months` (scale: 12). */
  scale: z.number().positive().optional(),
  /**
   * Words → value, for what a number cannot say: {quarterly: 3, half yearly: 6}. The captured text is looked up
   * lower-cased with hyphens and runs of spaces as single spaces; a capture not in the map gives no value.
   */
  map: z.record(z.string().min(1), z.union([z.number(), z.string(), z.boolean()])).optional(),
});

export const topicSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/, "topic ids are kebab-case"),
  title: z.string().min(1),
  description: z.string().min(1),
  /** Where `trigger`, `require` and `exclude` are looked for. */
  scope: z.enum(["sentence", "clause"]).default("sentence"),
  /** The words that make a unit a candidate; the fact points at the first of them. */
  trigger: patternList,
  /** Each group must match somewhere in the scope. */
  require: z.array(z.strictObject({ any: patternList, scope: z.enum(["sentence", "clause"]).optional() })).default([]),
  /** None may match in the scope (negations, exceptions, look-alikes), unless one of its `unless` patterns does. */
  exclude: z.array(exclusionSchema).default([]),
  /** Named regex pieces for this file's regexes, `{name}` where used; they add to (and override) the pack's. */
  fragments: fragmentsSchema.optional(),
  /** Also look at clauses in the definitions section (off: a definition is not an operative term). */
  "in-definitions": z.boolean().default(false),
  /** Also look at clause headings alone (off: a heading with no operative text is not a term). */
  "heading-only": z.boolean().default(false),
  /**
   * Read a sentence that ends with a colon together with the list items that follow it ("neither party shall be
   * liable for: 13.2.1 loss of profits; 13.2.2 …"), for topics whose telling words may sit in the items.
   */
  "read-items": z.boolean().default(false),
  /**
   * How the party named before the trigger relates to the fact: `burdened` (it carries the obligation, e.g. the
   * indemnifier) or `beneficiary` (it holds the right or protection, e.g. the party whose liability is capped).
   * `mutual` = the topic binds both sides by its nature (joint ownership): every fact is mutual, burdened and
   * beneficiary "both". `none` = the topic has no direction.
   */
  subject: z.enum(["burdened", "beneficiary", "mutual", "none"]).default("none"),
  /**
   * For topics whose balance is not carried by a grammatical subject (a governance board, a review meeting, a
   * risk register): the fact is mutual when one of these matches in the scope ("joint", "both parties",
   * "representatives of each party"), and one-sided otherwise. Overrides the mutuality read from `subject`; with
   * `keep-direction: true` only a match does, and no match leaves the direction read from the sentence.
   */
  "mutual-if": z
    .strictObject({ any: patternList, scope: z.enum(["sentence", "clause"]).optional(), "keep-direction": z.boolean().optional() })
    .optional(),
  /**
   * When one-way facts cover both sides (in one sentence, or in two clauses): `mutual` = they mirror each other
   * (an indemnity each way is a mutual indemnity); `same-terms` = mutual only when both say the same thing once
   * the party names are removed, otherwise one-way facts each side's own, marked `asymmetric` (a different cap per party).
   */
  mirror: z.enum(["mutual", "same-terms"]).default("mutual"),
  values: z.array(valueSchema).default([]),
  examples: z.strictObject({ match: z.array(z.string()).min(1), "no-match": z.array(z.string()).min(1) }),
});
export type TopicSource = z.infer<typeof topicSchema>;

const sideFilter = z.enum(["buyer", "supplier", "both", "one-side", "unknown"]);

const factCondition = z.strictObject({
  topic: z.string().min(1),
  mutual: z.boolean().optional(),
  burdened: sideFilter.optional(),
  beneficiary: sideFilter.optional(),
  /** A numeric value condition, e.g. {name: cadence-months, op: le, value: 6}. */
  value: z
    .strictObject({
      name: z.string(),
      op: z.enum(["lt", "le", "gt", "ge", "eq", "ne", "present", "absent"]),
      value: z.union([z.number(), z.string(), z.boolean()]).optional(),
    })
    .optional(),
});
export type FactCondition = z.infer<typeof factCondition>;

const whenSchema = z.union([
  z.strictObject({
    /** Fires once per fact that matches. */
    fact: factCondition,
    /** …unless the document also has a fact of one of these topics (a mitigation or a mirror). */
    unless: z.array(factCondition).default([]),
    /** …and only when the document also has a fact of one of these (the kind of deal where the term matters). */
    "only-if": z.array(factCondition).default([]),
    /**
     * …skipping a fact when a fact of one of these topics was read from the same place (same clause and
     * sentence or line, or the same YAML path): one sentence read as two topics is judged once, by the more specific rule.
     */
    "unless-same-place": z.array(z.string().min(1)).default([]),
    /**
     * …skipping a fact that the other party returns with a term of one of these topics: an exclusive appointment
     * is returned by the appointee's non-compete, so neither side "stays free".
     */
    "returned-by": z.array(z.string().min(1)).default([]),
    /**
     * …skipping a one-way fact when the party it burdens has a term of one of these topics in its favour and the party
     * it favours has none: a carve-out from one party's cap is no extra exposure when the other party has no cap at all.
     */
    "unless-favoured-lacks": z.array(z.string().min(1)).default([]),
  }),
  z.strictObject({
    /** Fires once for the document when no fact of any of these topics exists. */
    absent: z.array(z.string().min(1)).min(1),
    /** …and only when the document looks like the kind of deal that needs it (a fact of one of these). */
    "only-if": z.array(factCondition).default([]),
  }),
]);

export const principleRuleSchema = z.strictObject({
  id: z.string().regex(/^[a-z]{2}-[a-z0-9-]+$/, "rule ids are a two-letter principle prefix and kebab-case: ra-indemnity-one-way"),
  title: z.string().min(1),
  principle: z.enum(PRINCIPLES),
  kind: z.enum(FINDING_KINDS),
  severity: z.enum(SEVERITIES),
  when: whenSchema,
  /**
   * Strength rules that address this flag's risk: when one of them fires in the same document, the flag counts
   * one severity lower in the score (docs/scoring.md).
   */
  "mitigated-by": z.array(z.string().min(1)).min(1).optional(),
  /** Shown in the report; `{party}` is replaced by the burdened party's name. */
  message: z.string().min(1),
  rationale: z.string().min(20),
  suggestion: z.string().min(20),
  sources: z.array(z.string()).default([]),
  examples: z.strictObject({ trigger: z.array(z.string()).min(1), "no-trigger": z.array(z.string()).min(1) }),
});
export type PrincipleRuleSource = z.infer<typeof principleRuleSchema>;
