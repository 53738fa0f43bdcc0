import { prng } from "../../dist/shared/prng.js";
/** Contract-level confusion counts and the scores derived from them. */
export interface TopicScore {
  topic: string;
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  precision: number;
  recall: number;
  f1: number;
  /**
   * The 5th and 95th percentile of F1 over 1,000 resamples of the contracts (bootstrap, fixed seed): how much the
   * figure would move on another draw of contracts of the same kind. With a handful of positives it is wide.
   */
  interval?: [number, number];
}

export function scoreTopic(topic: string, pairs: readonly { expected: boolean; actual: boolean }[]): TopicScore {
  return { ...counts(topic, pairs), interval: bootstrapInterval(topic, pairs) };
}

function counts(topic: string, pairs: readonly { expected: boolean; actual: boolean }[]): TopicScore {
  let tp = 0,
    fp = 0,
    fn = 0,
    tn = 0;
  for (const { expected, actual } of pairs) {
    if (expected && actual) tp++;
    else if (!expected && actual) fp++;
    else if (expected && !actual) fn++;
    else tn++;
  }
  // With no positives and no predictions the detector is perfect on that set, not undefined.
  const precision = tp + fp === 0 ? (fn === 0 ? 1 : 0) : tp / (tp + fp);
  const recall = tp + fn === 0 ? (fp === 0 ? 1 : 0) : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { topic, tp, fp, fn, tn, precision, recall, f1 };
}

export function macroF1(scores: readonly TopicScore[]): number {
  return scores.length ? scores.reduce((s, x) => s + x.f1, 0) / scores.length : 0;
}

/** 90% bootstrap interval of F1: contracts drawn with replacement, 1,000 times, from a seed fixed by the topic. */
export function bootstrapInterval(topic: string, pairs: readonly { expected: boolean; actual: boolean }[], draws = 1000): [number, number] {
  if (pairs.length === 0) return [0, 0];
  let seed = 7;
  for (const ch of topic) seed = (Math.imul(seed, 31) + ch.charCodeAt(0)) >>> 0;
  const next = prng(seed);
  const f1s: number[] = [];
  const sample: { expected: boolean; actual: boolean }[] = new Array(pairs.length);
  for (let d = 0; d < draws; d++) {
    for (let i = 0; i < pairs.length; i++) sample[i] = pairs[Math.floor(next() * pairs.length)]!;
    f1s.push(counts(topic, sample).f1);
  }
  f1s.sort((a, b) => a - b);
  return [f1s[Math.floor(draws * 0.05)]!, f1s[Math.floor(draws * 0.95)]!];
}
