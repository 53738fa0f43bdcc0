import { z } from "zod";
import type { Fact } from "../model/fact.js";

/**
 * A learned second opinion on the rules' triggers (issue 13, item 3). For a topic with a shipped model
 * (rules/models/<topic>.json, trained by tools/learn/train.mjs on the tuning part of cuad-dev), each fact the
 * rules found is scored by a small logistic regression over the words of its evidence sentence; a fact scoring
 * below the model's threshold is dropped (a veto). The model never adds a fact, so every finding still quotes the
 * sentence a rule matched. Deterministic and offline: the same text always gets the same score.
 */

export const modelSchema = z
  .object({
    /** The CUAD topic the model was measured on. */
    topic: z.string().min(1),
    /** The fact topics it judges (a CUAD column may count more than one trustlint topic). */
    factTopics: z.array(z.string().min(1)).min(1),
    threshold: z.number().min(0).max(1),
    bias: z.number().finite(),
    /** Feature → weight; words and word pairs as written, structural features start with "#". */
    weights: z.record(z.string(), z.number().finite()),
    trained: z.object({
      date: z.string(),
      contracts: z.number().int().nonnegative(),
      facts: z.number().int().nonnegative(),
      lambda: z.number().nonnegative(),
    }),
    /** Contract-level F1 on the tuning part (nested cross-validation) and on the sealed part, without and with the veto. */
    measured: z.object({
      cvRules: z.number(),
      cvVeto: z.number(),
      sealedRules: z.number(),
      sealedVeto: z.number(),
    }),
  })
  .strict();

export type SecondOpinionModel = z.infer<typeof modelSchema>;

/** Function words that say nothing about what a clause does; the maintainers' scorer ranked them on top. */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    "a about above after again against all also am an and any are as at be because been before being below between both but by " +
    "can could did do does doing down during each either etc few for from further had has have having he her here hers herself him " +
    "himself his how i if in into is it its itself just may me might more most must my myself no nor not now of off on once only or " +
    "other otherwise our ours ourselves out over own per same she should so some such than that the their theirs them themselves then " +
    "there these they this those through to too under until up upon very was we were what when where whether which while who whom " +
    "why will with within without would you your yours hereby herein hereof hereto hereunder thereof therein thereto thereunder " +
    "shall said such section sections clause clauses agreement article"
  ).split(" "),
);

const WORD = /[a-z][a-z'-]*[a-z]|[a-z]/g;

/** The content words of a text, lower-cased, in order. */
export function contentWords(text: string): string[] {
  return (text.toLowerCase().match(WORD) ?? []).filter((w) => w.length > 1 && !STOP_WORDS.has(w));
}

/**
 * The features of one fact, each one something a reader can check against the sentence: content words, pairs of
 * adjacent content words ("terminate convenience"), and a few structural marks ("#definition", "#short", …).
 */
export function features(fact: Pick<Fact, "topic" | "excerpt" | "mutual">): string[] {
  const words = contentWords(fact.excerpt);
  const out = new Set<string>(words);
  for (let i = 0; i + 1 < words.length; i++) out.add(`${words[i]} ${words[i + 1]}`);
  const text = fact.excerpt;
  const count = (text.match(/\S+/g) ?? []).length;
  out.add(`#topic=${fact.topic}`);
  out.add(`#mutual=${fact.mutual === null ? "unknown" : fact.mutual ? "yes" : "no"}`);
  if (/["“”][^"“”]{1,60}["“”]\s*(?:\([^)]*\)\s*)?(?:shall\s+)?means?\b/i.test(text) || /\bshall mean\b/i.test(text)) out.add("#definition");
  if (count < 15) out.add("#short");
  if (count > 60) out.add("#long");
  if (/^[^a-z]{0,80}[A-Z]{3,}[^a-z]{0,40}(?:\.|:|$)/.test(text.slice(0, 80))) out.add("#heading-caps");
  if (/\d/.test(text)) out.add("#number");
  if (/[$€£]|\bdollars?\b/i.test(text)) out.add("#money");
  if (/%|\bper ?cent\b/i.test(text)) out.add("#percent");
  if (/^\s*(?:\(?[a-z0-9]{1,4}[.)]\s*)?(?:the\s+)?(?:[A-Z][\w&.-]*\s?){1,4}\s+(?:shall|will|may|must|agrees?)\b/.test(text))
    out.add("#party-subject");
  return [...out].sort();
}

function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

/** The model's probability that the fact is a real instance of its topic. Pure. */
export function scoreFact(model: Pick<SecondOpinionModel, "bias" | "weights">, fact: Pick<Fact, "topic" | "excerpt" | "mutual">): number {
  let z = model.bias;
  for (const f of features(fact)) z += model.weights[f] ?? 0;
  return sigmoid(z);
}

/** The features that pushed a fact's score most, for explaining a veto. */
export function explain(
  model: Pick<SecondOpinionModel, "weights">,
  fact: Pick<Fact, "topic" | "excerpt" | "mutual">,
  n = 5,
): { feature: string; weight: number }[] {
  return features(fact)
    .filter((f) => model.weights[f] !== undefined)
    .map((f) => ({ feature: f, weight: model.weights[f]! }))
    .sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight) || a.feature.localeCompare(b.feature))
    .slice(0, n);
}

export interface SecondOpinionResult {
  facts: Fact[];
  /** Facts dropped by a model, per fact topic. */
  vetoed: Record<string, number>;
}

/** Drops the facts a model scores below its threshold; facts of topics without a model pass untouched. */
export function applySecondOpinion(facts: readonly Fact[], models: readonly SecondOpinionModel[]): SecondOpinionResult {
  const vetoed: Record<string, number> = {};
  if (!models.length) return { facts: [...facts], vetoed };
  const byTopic = new Map<string, SecondOpinionModel>();
  for (const m of models) for (const t of m.factTopics) byTopic.set(t, m);
  const kept = facts.filter((f) => {
    const model = byTopic.get(f.topic);
    if (!model || scoreFact(model, f) >= model.threshold) return true;
    vetoed[f.topic] = (vetoed[f.topic] ?? 0) + 1;
    return false;
  });
  return { facts: kept, vetoed };
}

/** Validates model files (name and JSON text), in name order; throws naming the first invalid one. */
export function parseModels(files: readonly { name: string; text: string }[]): SecondOpinionModel[] {
  return [...files]
    .sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0))
    .map((f) => {
      const parsed = modelSchema.safeParse(JSON.parse(f.text));
      if (!parsed.success)
        throw new Error(`${f.name}: ${parsed.error.issues[0]?.message ?? "invalid"} at ${parsed.error.issues[0]?.path.join(".")}`);
      return parsed.data;
    });
}

/** What an analysis says about the second opinion: nothing when no model is loaded. */
export interface SecondOpinionNote {
  /** The topics judged by a model, and the facts each model dropped from this document. */
  secondOpinion?: { models: string[]; vetoed: Record<string, number> };
}

/** The one call the engine makes after topic detection: the shipped models' veto, and a note when any applied. */
export function secondOpinion(
  facts: Fact[],
  models: readonly SecondOpinionModel[] | undefined,
): { facts: Fact[]; note: SecondOpinionNote } {
  if (!models?.length) return { facts, note: {} };
  const r = applySecondOpinion(facts, models);
  return { facts: r.facts, note: { secondOpinion: { models: models.map((m) => m.topic), vetoed: r.vetoed } } };
}
