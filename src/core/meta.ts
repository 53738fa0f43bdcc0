import type { LoadedRule } from "../engine/load-rules.js";
import type { RuleMeta } from "../model/rule.js";

/** What reporters need to know about a rule (no matcher data). */
export function toMeta(rule: LoadedRule): RuleMeta {
  const w = rule.when;
  return {
    id: rule.id,
    title: rule.title,
    principle: rule.principle,
    kind: rule.kind,
    severity: rule.severity,
    rationale: rule.rationale,
    suggestion: rule.suggestion,
    sources: rule.sources,
    topics: "fact" in w ? [w.fact.topic] : w.absent,
    file: rule.file,
  };
}
