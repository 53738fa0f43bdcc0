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
}

export function scoreTopic(topic: string, pairs: readonly { expected: boolean; actual: boolean }[]): TopicScore {
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
