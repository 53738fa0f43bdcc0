import type { ContractDocument, Clause } from "../model/document.js";
import type { Fact, FactValue } from "../model/fact.js";
import { mapKey, type CompiledTopic, type RulePack } from "./compile.js";
import { buildLexicon, directionOf, type PartyLexicon } from "./direction.js";
import { Locator } from "./locate.js";
import { anyMatch, firstMatch } from "./patterns.js";
import { sentenceSpans } from "./sentences.js";
import type { Side } from "../model/party.js";

const MAX_EXCERPT = 400;

/**
 * Topic detectors over every clause → facts. A clause that fails the pack's combined trigger regex is skipped
 * without running any detector. Placeholders and definitions produce no facts unless a detector opts in.
 */
export function detectFacts(doc: ContractDocument, pack: RulePack): Fact[] {
  const facts: Fact[] = [];
  const lexicon = buildLexicon(doc.parties);
  const locator = new Locator(doc);
  for (const clause of doc.clauses) {
    if (clause.placeholder) continue;
    const clauseText = doc.text.slice(clause.span.start, clause.span.end);
    if (!pack.anyTrigger.test(clauseText)) continue;
    const sentences = sentenceSpans(doc.text, clause.span.start, clause.span.end);
    for (const topic of pack.topics) {
      if (clause.inDefinitions && !topic.meta["in-definitions"]) continue;
      const found = detectInClause(doc, clause, clauseText, sentences, topic, lexicon, locator);
      facts.push(...found);
    }
  }
  return markMirroredPairs(facts, pack);
}

function detectInClause(
  doc: ContractDocument,
  clause: Clause,
  clauseText: string,
  sentences: { start: number; end: number }[],
  topic: CompiledTopic,
  lexicon: PartyLexicon,
  locator: Locator,
): Fact[] {
  const out: Fact[] = [];
  const seen = new Set<string>();
  const units = topic.meta.scope === "clause" ? [clause.span] : sentences;
  for (const unit of units) {
    const text = doc.text.slice(unit.start, unit.end);
    const hit = firstMatch(topic.trigger, text);
    if (!hit) continue;
    if (!topic.meta["heading-only"] && isHeadingOnly(clause, unit, hit.index, doc.text)) continue;
    if (!topic.require.every((r) => anyMatch(r.any, r.scope === "clause" ? clauseText : text))) continue;
    if (topic.exclude.length && anyMatch(topic.exclude, text)) continue;
    let direction: { mutual: boolean | null; burdened: Side; beneficiary: Side } =
      topic.meta.subject === "none"
        ? { mutual: null, burdened: null, beneficiary: null }
        : directionOf(text, hit.index, hit.index + hit.text.length, topic.meta.subject, lexicon);
    if (topic.mutualIf) {
      const joint = anyMatch(topic.mutualIf.any, topic.mutualIf.scope === "clause" ? clauseText : text);
      if (joint) direction = { mutual: true, burdened: "both", beneficiary: "both" };
      else if (direction.mutual !== false) direction = { mutual: false, burdened: null, beneficiary: null };
    }
    const key = `${direction.mutual}:${direction.burdened}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const start = unit.start + hit.index;
    out.push({
      topic: topic.meta.id,
      span: { start, end: start + hit.text.length },
      location: locator.locate(start, start + hit.text.length, clause),
      mutual: direction.mutual,
      burdened: direction.burdened,
      beneficiary: direction.beneficiary,
      values: readValues(topic, text),
      excerpt: excerptAround(text, hit.index, hit.text.length),
      matched: hit.text,
    });
  }
  return out;
}

/** A trigger inside the clause heading line with no operative text after it is a heading, not a term. */
function isHeadingOnly(clause: Clause, unit: { start: number; end: number }, at: number, text: string): boolean {
  if (!clause.heading) return false;
  const lineEnd = text.indexOf("\n", clause.span.start);
  const headingEnd = lineEnd === -1 ? clause.span.end : lineEnd;
  const abs = unit.start + at;
  if (abs >= headingEnd) return false;
  const body = text.slice(headingEnd, clause.span.end).trim();
  const restOfLine = text.slice(clause.span.start, headingEnd);
  // The heading line holds only the heading, and nothing follows it in this clause.
  return body.length === 0 && restOfLine.trim().length <= clause.heading.length + 12;
}

function readValues(topic: CompiledTopic, text: string): Record<string, FactValue> {
  const values: Record<string, FactValue> = {};
  for (const v of topic.values) {
    const m = v.regex.exec(text);
    if (v.type === "boolean") {
      if (m) values[v.name] = true;
      continue;
    }
    if (!m || m[1] === undefined) continue;
    if (v.map) {
      const mapped = v.map.get(mapKey(m[1]));
      if (mapped === undefined) continue;
      const out = v.type === "number" ? Number(mapped) : mapped;
      if (typeof out !== "number" || Number.isFinite(out)) values[v.name] = out;
      continue;
    }
    if (v.type === "number") {
      const n = Number(m[1].replace(/,/g, ""));
      if (Number.isFinite(n)) values[v.name] = n;
    } else values[v.name] = m[1].trim();
  }
  return values;
}

export function excerptAround(text: string, at: number, length: number): string {
  const clean = (s: string) => s.replace(/\s+/g, " ").trim();
  if (text.length <= MAX_EXCERPT) return clean(text);
  const half = Math.floor((MAX_EXCERPT - length) / 2);
  const from = Math.max(0, at - half);
  const to = Math.min(text.length, at + length + half);
  return `${from > 0 ? "…" : ""}${clean(text.slice(from, to))}${to < text.length ? "…" : ""}`;
}

/**
 * "Supplier shall indemnify Customer…" plus "Customer shall indemnify Supplier…" elsewhere is a mutual
 * indemnity: one-way facts of a directed topic that burden both sides are marked mutual.
 */
export function markMirroredPairs(facts: Fact[], pack: RulePack): Fact[] {
  const directed = new Set(pack.topics.filter((t) => t.meta.subject !== "none").map((t) => t.meta.id));
  const byTopic = new Map<string, Fact[]>();
  for (const f of facts) if (directed.has(f.topic) && f.mutual === false) byTopic.set(f.topic, [...(byTopic.get(f.topic) ?? []), f]);
  for (const list of byTopic.values()) {
    const sides = new Set(list.map((f) => f.burdened));
    if (sides.has("buyer") && sides.has("supplier")) {
      for (const f of list) {
        f.values = { ...f.values, mirrored: true };
        f.mutual = true;
      }
    }
  }
  return facts;
}
