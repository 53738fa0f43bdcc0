import type { ContractDocument } from "../model/document.js";
import type { DealSummary } from "../model/deal.js";
import type { Fact } from "../model/fact.js";
import type { Finding } from "../model/finding.js";
import type { Party } from "../model/party.js";
import { packPolicy, type RulePack } from "./compile.js";
import { dealFacts } from "./deal-facts.js";
import { detectFacts } from "./detect.js";
import { evaluateRules } from "./evaluate.js";
import { applySuppressions, type InvalidSuppression, type SuppressionNote } from "./suppress.js";
import type { Budget } from "./budget.js";
import { secondOpinion, type SecondOpinionNote } from "./second-opinion.js";

export interface Analysis extends SecondOpinionNote {
  parties: Party[];
  facts: Fact[];
  findings: Finding[];
  /** Inline suppressions that matched nothing / that were refused (no reason, unknown rule). */
  unusedSuppressions?: SuppressionNote[];
  invalidSuppressions?: InvalidSuppression[];
}

/** One document through both rule layers. Pure: no files, no output formats. */
export function analyse(doc: ContractDocument | DealSummary, pack: RulePack, options: { budget?: Budget } = {}): Analysis {
  if (doc.kind === "deal") {
    const parties: Party[] = (doc.data.parties ?? []).map((p) => ({
      name: p.name,
      role: p.role ?? "unknown",
      alias: p.defined_as ?? null,
    }));
    const facts = dealFacts(doc, packPolicy(pack).deal);
    return { parties, facts, findings: evaluateRules(facts, pack.rules, parties) };
  }
  let note: SecondOpinionNote = {};
  const facts = detectFacts(doc, pack, options.budget, (found) => {
    const judged = secondOpinion(found, pack.models);
    note = judged.note;
    return judged.facts;
  });
  const findings = evaluateRules(facts, pack.rules, doc.parties, options.budget);
  if (!doc.directives?.length) return { parties: doc.parties, facts, findings, ...note };
  const s = applySuppressions(doc, findings, new Set(pack.rules.map((r) => r.id)));
  return { parties: doc.parties, facts, findings: s.findings, unusedSuppressions: s.unused, invalidSuppressions: s.invalid, ...note };
}

export { budgetFrom, type Budget } from "./budget.js";
export { compilePack, packPolicy, triggerSources, type RulePack } from "./compile.js";
export { loadPolicyFiles, POLICY_FILE } from "./load-policy.js";
export { loadRuleFiles, type RuleFile, type RuleSources } from "./load-rules.js";
