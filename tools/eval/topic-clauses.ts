import type { Fact } from "../../dist/model/fact.js";
import { CUAD_TOPICS, countsFor } from "./labels.js";

/**
 * Topic clauses (tools/gold/topics): clauses written one at a time by helper sessions that saw only a description
 * of the fourteen CUAD questions, never a rule. Each is labelled `yes` (a lawyer would mark it for the topic) or
 * `no` (a near miss on the same subject). Read alone, a clause is detected when a fact that counts for the topic
 * (the same mapping as the contract-level score) is read from it.
 */
export interface TopicClause {
  topic: string;
  label: "yes" | "no";
  text: string;
}

export interface TopicClauseCounts {
  /** yes clauses, and how many of them were detected. */
  yes: number;
  found: number;
  /** no clauses (near misses), and how many of them were wrongly detected. */
  no: number;
  falseAlarms: number;
}

const EMPTY: TopicClauseCounts = { yes: 0, found: 0, no: 0, falseAlarms: 0 };

export function scoreTopicClauses(
  clauses: readonly TopicClause[],
  read: (text: string) => readonly Fact[],
): { byTopic: Map<string, TopicClauseCounts>; misses: string[]; invalid: string[] } {
  const byTopic = new Map<string, TopicClauseCounts>(Object.keys(CUAD_TOPICS).map((t) => [t, { ...EMPTY }]));
  const misses: string[] = [];
  const invalid: string[] = [];
  clauses.forEach((c, i) => {
    const counts = byTopic.get(c.topic);
    const label = String(c.label).toLowerCase();
    if (!counts || (label !== "yes" && label !== "no" && label !== "true" && label !== "false")) {
      invalid.push(`#${i}: topic ${c.topic}, label ${String(c.label)}`);
      return;
    }
    const yes = label === "yes" || label === "true";
    const fired = read(`${c.text.trim()}\n`).some((f) => countsFor(c.topic, f.topic));
    if (yes) {
      counts.yes++;
      if (fired) counts.found++;
      else misses.push(`#${i} ${c.topic} missed: ${oneLine(c.text)}`);
    } else {
      counts.no++;
      if (fired) {
        counts.falseAlarms++;
        misses.push(`#${i} ${c.topic} false alarm: ${oneLine(c.text)}`);
      }
    }
  });
  return { byTopic, misses, invalid };
}

const oneLine = (s: string) => s.replace(/\s+/g, " ").trim().slice(0, 300);

export function addTopicCounts(a: Map<string, TopicClauseCounts>, b: Map<string, TopicClauseCounts>): Map<string, TopicClauseCounts> {
  const out = new Map<string, TopicClauseCounts>();
  for (const t of new Set([...a.keys(), ...b.keys()])) {
    const x = a.get(t) ?? EMPTY;
    const y = b.get(t) ?? EMPTY;
    out.set(t, { yes: x.yes + y.yes, found: x.found + y.found, no: x.no + y.no, falseAlarms: x.falseAlarms + y.falseAlarms });
  }
  return out;
}

/** Recall on the yes clauses and the false-alarm rate on the near misses, per topic and in total. */
export function renderTopicClauses(byTopic: ReadonlyMap<string, TopicClauseCounts>): string {
  const ratio = (n: number, d: number) => (d === 0 ? "-" : `${(n / d).toFixed(3)} (${n}/${d})`);
  let total = EMPTY;
  const rows = [...byTopic].map(([topic, c]) => {
    total = { yes: total.yes + c.yes, found: total.found + c.found, no: total.no + c.no, falseAlarms: total.falseAlarms + c.falseAlarms };
    return `| ${topic.padEnd(27)} | ${ratio(c.found, c.yes)} | ${ratio(c.falseAlarms, c.no)} |`;
  });
  return [
    `| topic                       | detected (yes clauses) | false alarms (near misses) |`,
    `|-----------------------------|------|------|`,
    ...rows,
    `| **all**                     | ${ratio(total.found, total.yes)} | ${ratio(total.falseAlarms, total.no)} |`,
  ].join("\n");
}
