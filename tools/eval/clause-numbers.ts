import type { Fact } from "../../dist/model/fact.js";
import { romanToNumber } from "../../dist/ingest/segment.js";

/**
 * Do clause numbers match what the document prints? Two measures:
 *   - across formats: the same contract read as text and as PDF (or Markdown and Word) should put the same
 *     finding in the same clause. Facts are paired by topic and evidence sentence, then their clause numbers
 *     compared;
 *   - against the reading gold set, whose annotators wrote down the number the document prints for each clause.
 * Numbers are compared in a canonical form ("Section 8.1(a)" = "8.1(a)" = "8.1 (a)"; "8.A" = "8A."), since the
 * punctuation between parts is presentation, not numbering.
 */
export function canonicalNumber(n: string | number | null | undefined): string | null {
  if (n === null || n === undefined) return null;
  let s = String(n).trim().toLowerCase();
  s = s.replace(/^(?:article|art\.|section|sec\.|clause|§)\s*/, "");
  // "Article XI" and a bare "XI" are the same article; a lower-case "xi" alone is an item, not an article.
  const roman = /^([ivxlc]+)\b/.exec(s);
  const bare = String(n)
    .trim()
    .replace(/^(?:article|art\.|section|sec\.|clause|§)\s*/i, "");
  if (roman && (/^(?:article|art\.)/i.test(String(n).trim()) || /^[IVXLC]{2,}\b/.test(bare)))
    s = String(romanToNumber(roman[1]!)) + s.slice(roman[1]!.length);
  const parts = s.match(/\d+|[a-z]+/g);
  return parts ? parts.join(".") : null;
}

/** Word 4-grams of an excerpt, for pairing the same sentence read from two formats (reflow and hyphens aside). */
function shingles(text: string): Set<string> {
  const words = text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim()
    .split(" ")
    .filter(Boolean);
  const out = new Set<string>();
  if (words.length < 4) {
    if (words.length) out.add(words.join(" "));
    return out;
  }
  for (let i = 0; i + 4 <= words.length; i++) out.add(words.slice(i, i + 4).join(" "));
  return out;
}

function overlap(a: Set<string>, b: Set<string>): number {
  if (!a.size || !b.size) return 0;
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return shared / Math.min(a.size, b.size);
}

export interface NumberPair {
  topic: string;
  excerpt: string;
  a: string | null;
  b: string | null;
}

export interface NumberAgreement {
  /** Facts of side A that have a counterpart (same topic, same evidence) on side B. */
  paired: number;
  /** Of those, the ones whose clause numbers agree. */
  agree: number;
  disagreements: NumberPair[];
}

/** Minimum share of shared word 4-grams for two excerpts to be the same evidence. */
const SAME_EVIDENCE = 0.6;

/** Pairs each fact of `a` with the best fact of `b` of the same topic and evidence; compares their clause numbers. */
export function compareClauseNumbers(a: readonly Fact[], b: readonly Fact[]): NumberAgreement {
  const bShingles = b.map((f) => shingles(f.excerpt));
  const used = new Set<number>();
  const result: NumberAgreement = { paired: 0, agree: 0, disagreements: [] };
  for (const fa of a) {
    const sa = shingles(fa.excerpt);
    let best = -1;
    let bestScore = SAME_EVIDENCE;
    for (let j = 0; j < b.length; j++) {
      if (used.has(j) || b[j]!.topic !== fa.topic) continue;
      const score = overlap(sa, bShingles[j]!);
      if (score > bestScore || (score === bestScore && best === -1 && score > SAME_EVIDENCE)) {
        best = j;
        bestScore = score;
      }
    }
    if (best < 0) continue;
    used.add(best);
    result.paired++;
    const na = canonicalNumber(fa.location.clause);
    const nb = canonicalNumber(b[best]!.location.clause);
    if (na === nb) result.agree++;
    else
      result.disagreements.push({ topic: fa.topic, excerpt: fa.excerpt.slice(0, 120), a: fa.location.clause, b: b[best]!.location.clause });
  }
  return result;
}

export function addAgreement(x: NumberAgreement, y: NumberAgreement): NumberAgreement {
  return { paired: x.paired + y.paired, agree: x.agree + y.agree, disagreements: [...x.disagreements, ...y.disagreements] };
}

export const NO_AGREEMENT: NumberAgreement = { paired: 0, agree: 0, disagreements: [] };

/** Gold topics for the reading set's kinds (see reading.ts). */
const GOLD_TOPIC: Record<string, string> = {
  indemnity: "indemnity",
  "liability-cap": "liability-cap",
  "indirect-damages-waiver": "consequential-damages-waiver",
  "termination-for-convenience": "termination-for-convenience",
};

export interface GoldNumberCounts {
  /** Gold clauses with a printed number that trustlint found (a fact of the topic within the clause's lines). */
  found: number;
  /** Of those, the ones where a fact there carries the printed number. */
  agree: number;
  misses: string[];
}

/** Clause numbers against the gold set's printed numbers, for the gold clauses trustlint finds. */
export function scoreGoldNumbers(
  clauses: readonly { kind: string; line: number; end_line?: number | null; number?: string | number | null }[],
  facts: readonly Fact[],
): GoldNumberCounts {
  const out: GoldNumberCounts = { found: 0, agree: 0, misses: [] };
  for (const c of clauses) {
    const want = canonicalNumber(c.number ?? null);
    if (want === null) continue;
    const topic = GOLD_TOPIC[c.kind];
    const from = c.line - 1;
    const to = (c.end_line ?? c.line) + 1;
    const candidates = facts.filter((f) => f.topic === topic && f.location.line >= from && f.location.line <= to);
    if (!candidates.length) continue;
    out.found++;
    if (candidates.some((f) => canonicalNumber(f.location.clause) === want)) out.agree++;
    else
      out.misses.push(
        `${c.kind} line ${c.line}: printed ${String(c.number)}, read ${[...new Set(candidates.map((f) => f.location.clause ?? "-"))].join(" / ")}`,
      );
  }
  return out;
}

export const pct = (n: number, d: number): string => (d === 0 ? "–" : `${((100 * n) / d).toFixed(1)}% (${n}/${d})`);
