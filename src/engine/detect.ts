import type { ContractDocument } from "../model/document.js";
import type { Fact } from "../model/fact.js";
import { readDocument, type ClauseReading } from "../reading/index.js";
import { operativeAt } from "../reading/operative.js";
import { unmaskCompanyStops } from "../shared/company-stops.js";
import { checkBudget, type Budget } from "./budget.js";
import { excluded, type CompiledTopic, type RulePack } from "./compile.js";
import { excerptAround, readValues } from "./fact-values.js";
import { directionsInUnit } from "./hit-direction.js";
import { Locator } from "./locate.js";
import { anyMatch, firstMatch } from "./patterns.js";
import { pairAcrossDocument, type Detected } from "./reciprocity.js";
import type { PartyLexicon } from "../reading/lexicon.js";

/**
 * Topic detectors over every operative clause → facts. The reading stage (src/reading) says which clauses and
 * sentences are operative, where each sits and who acts in a sentence; detection only classifies, then pairs one-way
 * facts across the document (src/engine/reciprocity.ts). Definitions produce no facts unless a detector opts in.
 */
export function detectFacts(doc: ContractDocument, pack: RulePack, budget?: Budget, keep?: (facts: Fact[]) => Fact[]): Fact[] {
  const facts: Detected[] = [];
  const reading = readDocument(doc);
  const locator = new Locator(doc);
  for (const read of reading.clauses()) {
    checkBudget(budget);
    // No combined "any trigger" pre-filter here: measured on CUAD (npm run bench, --cpu-prof) the one big
    // alternation of every trigger took 71% of all CPU — V8 leaves a regex that large in its slow interpreter —
    // while the per-topic trigger regexes below cost ~12% and find the same facts (byte-identical JSON).
    for (const topic of pack.topics) {
      if (read.clause.inDefinitions && !topic.meta["in-definitions"]) continue;
      facts.push(...detectInClause(reading.probe, read, topic, reading.lexicon, locator));
    }
  }
  checkBudget(budget);
  // A second opinion (or any filter) runs before reciprocity, so a dropped fact never pairs with another.
  if (!keep) return pairAcrossDocument(facts, pack);
  const kept = new Set(keep(facts.map((d) => d.fact)));
  return pairAcrossDocument(
    facts.filter((d) => kept.has(d.fact)),
    pack,
  );
}

function detectInClause(
  doc: ContractDocument,
  read: ClauseReading,
  topic: CompiledTopic,
  lexicon: PartyLexicon,
  locator: Locator,
): Detected[] {
  const { clause, text: clauseText, sentences, leadIn, heading } = read;
  const items = topic.meta["read-items"] ? read.items : null;
  const out: Detected[] = [];
  const seen = new Set<string>();
  const units = topic.meta.scope === "clause" ? [clause.span] : sentences;
  for (const [u, unit] of units.entries()) {
    const own = doc.text.slice(unit.start, unit.end);
    // The clause's last sentence opens a list: its items complete it.
    const text = items && u === units.length - 1 && /:\s*$/.test(own) ? `${own.trimEnd()} ${items}` : own;
    const hit = firstMatch(topic.trigger, text);
    if (!hit) continue;
    const operative = operativeAt(doc, clause, unit, text, hit.index, {
      definitions: Boolean(topic.meta["in-definitions"]),
      headings: Boolean(topic.meta["heading-only"]),
    });
    if (!operative) continue;
    // A list item's clause is read with the sentence that opens its list ("X may terminate … on any of the following:").
    const context = leadIn ? `${leadIn}\n${clauseText}` : clauseText;
    if (!topic.require.every((r) => anyMatch(r.any, r.scope === "clause" ? context : text))) continue;
    if (excluded(topic, text)) continue;
    for (const found of directionsInUnit(topic, text, hit, lexicon, { leadIn, heading, clauseText })) {
      const { direction } = found;
      const key = `${direction.mutual}:${direction.burdenedParty}:${direction.beneficiaryParty}`;
      if (seen.has(key)) continue;
      seen.add(key);
      // A hit inside the items read with the sentence is reported at the sentence.
      const at = found.hit.index < own.length ? found.hit : { index: 0, text: own.trimEnd() };
      const start = unit.start + at.index;
      const fact: Fact = {
        topic: topic.meta.id,
        span: { start, end: start + at.text.length },
        location: locator.locate(start, start + at.text.length, clause),
        mutual: direction.mutual,
        burdened: direction.burdened,
        beneficiary: direction.beneficiary,
        burdenedParty: direction.burdenedParty,
        beneficiaryParty: direction.beneficiaryParty,
        values: direction.asymmetric ? { ...readValues(topic, text), asymmetric: true } : readValues(topic, text),
        excerpt: unmaskCompanyStops(excerptAround(text, at.index, at.text.length)),
        matched: unmaskCompanyStops(at.text),
      };
      out.push(found.termsKey !== null ? { fact, terms: found.termsKey } : { fact });
    }
  }
  return out;
}
