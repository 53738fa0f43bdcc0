import type { Fact } from "../../dist/model/fact.js";
import type { LabelledContract } from "./labels.js";
import { scoreTopic, type TopicScore } from "./metrics.js";

/**
 * Same contract, two formats: does the analysis agree? For each contract we have the facts found in its text
 * version and in its PDF; agreement is the share of contracts where a topic is found in both or in neither.
 */
export interface PairResult {
  contract: LabelledContract;
  text: Fact[];
  pdf: Fact[] | null;
  /** Reading + analysing the PDF, in ms. */
  ms: number;
  pages: number;
  error: string | null;
}

export interface TopicConsistency {
  topic: string;
  agreement: number;
  disagreements: string[];
  text: TopicScore;
  pdf: TopicScore;
}

export interface ConsistencySummary {
  contracts: number;
  failed: number;
  topics: TopicConsistency[];
  agreement: number;
}

const has = (facts: readonly Fact[], topic: string): boolean => facts.some((f) => f.topic === topic);

export function compareFormats(results: readonly PairResult[], topics: readonly string[]): ConsistencySummary {
  const ok = results.filter((r): r is PairResult & { pdf: Fact[] } => r.pdf !== null);
  const rows = topics.map((topic) => {
    const disagreements = ok.filter((r) => has(r.text, topic) !== has(r.pdf, topic)).map((r) => r.contract.file);
    return {
      topic,
      agreement: ok.length ? 1 - disagreements.length / ok.length : 1,
      disagreements,
      text: scoreTopic(
        topic,
        ok.map((r) => ({ expected: r.contract.labels[topic] ?? false, actual: has(r.text, topic) })),
      ),
      pdf: scoreTopic(
        topic,
        ok.map((r) => ({ expected: r.contract.labels[topic] ?? false, actual: has(r.pdf, topic) })),
      ),
    };
  });
  const pairs = rows.length * ok.length;
  const agreed = rows.reduce((n, r) => n + (ok.length - r.disagreements.length), 0);
  return { contracts: ok.length, failed: results.length - ok.length, topics: rows, agreement: pairs ? agreed / pairs : 1 };
}

export function renderConsistency(summary: ConsistencySummary, results: readonly PairResult[]): string {
  const lines = [
    `| topic                       | agreement | text F1 | PDF F1 |  ΔF1   |`,
    `|-----------------------------|----------:|--------:|-------:|-------:|`,
    ...summary.topics.map(
      (t) =>
        `| ${t.topic.padEnd(27)} | ${(t.agreement * 100).toFixed(1).padStart(8)}% | ${t.text.f1.toFixed(3).padStart(7)} | ${t.pdf.f1.toFixed(3).padStart(6)} | ${(t.pdf.f1 - t.text.f1 >= 0 ? "+" : "") + (t.pdf.f1 - t.text.f1).toFixed(3)} |`,
    ),
    ``,
    `${summary.contracts} PDF/text pairs (${summary.failed} PDFs failed to read), overall topic agreement ${(summary.agreement * 100).toFixed(1)}%`,
  ];
  const timed = results.filter((r) => r.pdf !== null);
  if (timed.length) {
    const ms = timed.map((r) => r.ms).sort((a, b) => a - b);
    const pages = timed.reduce((n, r) => n + r.pages, 0);
    const total = ms.reduce((a, b) => a + b, 0);
    lines.push(
      `PDF read + analyse: median ${ms[Math.floor(ms.length / 2)]} ms, max ${ms[ms.length - 1]} ms per PDF; ${pages} pages in ${(total / 1000).toFixed(1)} s (${(pages / (total / 1000)).toFixed(1)} pages/s)`,
    );
  }
  for (const r of results) if (r.error) lines.push(`failed: ${r.contract.pdf}: ${r.error}`);
  return lines.join("\n");
}
