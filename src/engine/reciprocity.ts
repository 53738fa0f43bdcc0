/** Reciprocity as one pass over a document's facts: one-way terms of the two parties paired, or marked asymmetric. */
import type { Fact } from "../model/fact.js";
import { sameTerms } from "../reading/terms.js";
import type { RulePack } from "./compile.js";

/** A fact and, for one-way facts, the wording of its terms without party names (for pairing across clauses). */
export interface Detected {
  fact: Fact;
  terms?: string;
}

/** The party a one-way fact is about: its burdened party, or the party it favours when that is all we know. */
function aboutParty(f: Fact): string | null {
  if (f.burdenedParty && f.burdenedParty !== "both") return f.burdenedParty;
  if (f.beneficiaryParty && f.beneficiaryParty !== "both") return `for:${f.beneficiaryParty}`;
  return null;
}

/**
 * Reciprocity, decided once for the whole document and by party: "8.1 Acme shall indemnify Beta…" and
 * "8.2 Beta shall indemnify Acme…" form a mutual pair wherever they sit. Facts are paired one to one (for
 * `mirror: same-terms` topics, on the same wording first); a pair whose wording differs, or a fact left over when
 * the other party has fewer of the kind, is `asymmetric`: both sides have one, but not on the same terms. A fact
 * the other party never returns stays one-way. Linear in the number of facts (grouped by topic and party).
 */
export function pairAcrossDocument(detected: readonly Detected[], pack: RulePack): Fact[] {
  const directed = new Set(pack.topics.filter((t) => t.meta.subject !== "none" && t.meta.subject !== "mutual").map((t) => t.meta.id));
  const mirroredTopics = new Set(pack.topics.filter((t) => t.meta.mirror === "same-terms").map((t) => t.meta.id));
  const groups = new Map<string, Map<string, Detected[]>>();
  // Topics with a term that already binds both sides ("neither party shall be liable for indirect loss").
  const mutualTopics = new Set(detected.filter((d) => d.fact.mutual === true && directed.has(d.fact.topic)).map((d) => d.fact.topic));
  for (const d of detected) {
    const who = d.fact.mutual === false && directed.has(d.fact.topic) ? aboutParty(d.fact) : null;
    if (!who) continue;
    const byParty = groups.get(d.fact.topic) ?? new Map<string, Detected[]>();
    groups.set(d.fact.topic, byParty);
    const list = byParty.get(who) ?? [];
    list.push(d);
    byParty.set(who, list);
  }
  for (const [topic, byParty] of groups) {
    if (byParty.size < 2) continue;
    const sides = [...byParty.values()];
    // Pair the two parties with the most facts of the kind; a third party's facts count as returned too.
    sides.sort((a, b) => b.length - a.length);
    const [many, few] = [sides[0]!, sides[1]!];
    const unpaired = [...many];
    const small = unpaired.length * few.length <= 1_000_000;
    for (const d of few) {
      let j = mirroredTopics.has(topic)
        ? unpaired.findIndex((u) => u.terms !== undefined && d.terms !== undefined && sameTerms(u.terms, d.terms))
        : -1;
      const exact = j !== -1;
      // Mirrored clauses sit side by side ("7.4.1 Owner's indemnity", "7.4.2 Operator's indemnity"): pair each
      // with the nearest one left on the other side (the first one, in a document too large to search).
      if (j === -1) j = small ? nearest(unpaired, d) : 0;
      const twin = unpaired.splice(j, 1)[0];
      if (!twin) {
        markAsymmetric(d.fact);
        continue;
      }
      if (mirroredTopics.has(topic) && !exact) {
        markAsymmetric(d.fact);
        markAsymmetric(twin.fact);
      } else {
        markMirrored(d.fact);
        markMirrored(twin.fact);
      }
    }
    for (const d of unpaired) markAsymmetric(d.fact);
    for (const rest of sides.slice(2)) for (const d of rest) markAsymmetric(d.fact);
  }
  // A one-way term beside a mutual one of the same kind ("each party indemnifies for its negligence" and "the
  // Supplier also indemnifies for IP claims"): both sides have one, on different terms. Still flagged, as such.
  for (const d of detected) {
    const f = d.fact;
    if (f.mutual === false && mutualTopics.has(f.topic) && aboutParty(f) && !f.values.mirrored && !f.values.asymmetric) markAsymmetric(f);
  }
  return detected.map((d) => d.fact);
}

function nearest(candidates: readonly Detected[], d: Detected): number {
  const at = d.fact.span?.start ?? 0;
  let best = 0;
  let gap = Infinity;
  candidates.forEach((c, i) => {
    const g = Math.abs((c.fact.span?.start ?? 0) - at);
    if (g < gap) [best, gap] = [i, g];
  });
  return best;
}

function markMirrored(f: Fact): void {
  f.values = { ...f.values, mirrored: true };
  f.mutual = true;
}

function markAsymmetric(f: Fact): void {
  f.values = { ...f.values, asymmetric: true };
}
