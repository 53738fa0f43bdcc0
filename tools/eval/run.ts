import type { Fact } from "../../dist/model/fact.js";
import type { Party } from "../../dist/model/party.js";
import { CUAD_TOPICS, countsFor, type LabelledContract } from "./labels.js";
import { macroF1, scoreTopic, type TopicScore } from "./metrics.js";

export interface ContractResult {
  contract: LabelledContract;
  facts: Fact[];
  parties?: Party[];
  /** Each clause's first and last line, for the reading gold set (a clause is found when any of its sentences is). */
  clauseLines?: [number, number][];
}

export interface EvalSummary {
  contracts: number;
  topics: TopicScore[];
  macroF1: number;
}

export function summarise(results: readonly ContractResult[], topics: readonly string[] = Object.keys(CUAD_TOPICS)): EvalSummary {
  const scores = topics.map((topic) =>
    scoreTopic(
      topic,
      results.map((r) => ({ expected: r.contract.labels[topic] ?? false, actual: r.facts.some((f) => countsFor(topic, f.topic)) })),
    ),
  );
  return { contracts: results.length, topics: scores, macroF1: macroF1(scores) };
}

export interface PartSummaries {
  tuning: EvalSummary;
  sealed: EvalSummary;
  all: EvalSummary;
}

/** Per-part floors: `{ "sealed": { topic: f1 }, "tuning": { … } }`. A part or topic left out is not gated. */
export type FloorFile = Partial<Record<keyof PartSummaries, Record<string, number>>>;

export function checkFloors(floors: FloorFile, parts: PartSummaries): string[] {
  const failures: string[] = [];
  for (const part of ["tuning", "sealed", "all"] as const) {
    for (const s of parts[part].topics) {
      const floor = floors[part]?.[s.topic];
      if (floor !== undefined && s.f1 + 1e-9 < floor) failures.push(`${part} ${s.topic} F1 ${s.f1.toFixed(3)} < floor ${floor}`);
    }
  }
  return failures;
}

/** Tuned and sealed F1 side by side, with the gap between them: the cost of fitting what was read. */
export function renderParts(parts: PartSummaries): string {
  const sealed = new Map(parts.sealed.topics.map((s) => [s.topic, s]));
  const rows = parts.tuning.topics.map((t) => {
    const s = sealed.get(t.topic)!;
    const pr = (x: { precision: number; recall: number }) => `${x.precision.toFixed(2)} / ${x.recall.toFixed(2)}`;
    const iv = s.interval ? `${s.interval[0].toFixed(2)}–${s.interval[1].toFixed(2)}` : "";
    return `| ${t.topic.padEnd(27)} | ${t.f1.toFixed(3)} | ${s.f1.toFixed(3)} | ${iv} | ${(t.f1 - s.f1 >= 0 ? "+" : "") + (t.f1 - s.f1).toFixed(3)} | ${pr(s)} | ${String(s.tp + s.fn).padStart(3)} |`;
  });
  const gap = parts.tuning.macroF1 - parts.sealed.macroF1;
  return [
    `| topic                       | tuned F1 | sealed F1 | sealed 90% interval | gap | sealed P / R | sealed positives |`,
    `|-----------------------------|------:|------:|------|------:|------|----:|`,
    ...rows,
    `| **macro**                   | ${parts.tuning.macroF1.toFixed(3)} | ${parts.sealed.macroF1.toFixed(3)} | | ${(gap >= 0 ? "+" : "") + gap.toFixed(3)} | | |`,
    ``,
    `tuning part ${parts.tuning.contracts} contracts, sealed part ${parts.sealed.contracts} (split by a hash of the file name); all ${parts.all.contracts}: macro-F1 ${parts.all.macroF1.toFixed(3)}`,
  ].join("\n");
}

export function renderTable(summary: EvalSummary): string {
  const rows = summary.topics.map(
    (s) =>
      `| ${s.topic.padEnd(27)} | ${String(s.tp).padStart(3)} | ${String(s.fp).padStart(3)} | ${String(s.fn).padStart(3)} | ${String(s.tn).padStart(3)} | ${s.precision.toFixed(3)} | ${s.recall.toFixed(3)} | ${s.f1.toFixed(3)} |`,
  );
  return [
    `| topic                       |  TP |  FP |  FN |  TN | precision | recall | F1 |`,
    `|-----------------------------|----:|----:|----:|----:|------:|------:|------:|`,
    ...rows,
    ``,
    `${summary.contracts} contracts, macro-F1 ${summary.macroF1.toFixed(3)}`,
  ].join("\n");
}

/** False negatives with the lawyers' excerpt and false positives with the clause that fired. */
export function renderMisses(results: readonly ContractResult[], topic: string): string {
  const lines: string[] = [];
  for (const r of results) {
    const expected = r.contract.labels[topic] ?? false;
    const fired = r.facts.filter((f) => countsFor(topic, f.topic));
    if (expected && fired.length === 0) {
      lines.push(`FN ${r.contract.file}`);
      for (const e of r.contract.excerpts[topic] ?? []) lines.push(`   lawyers: ${e.replace(/\s+/g, " ").slice(0, 400)}`);
    } else if (!expected && fired.length > 0) {
      lines.push(`FP ${r.contract.file}`);
      for (const f of fired.slice(0, 3))
        lines.push(`   fired (line ${f.location.line}, clause ${f.location.clause ?? "-"}): ${f.excerpt.slice(0, 400)}`);
    }
  }
  return lines.join("\n");
}
