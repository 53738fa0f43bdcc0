import type { Directive } from "../model/document.js";

/**
 * Inline suppressions in text and Markdown contracts:
 *   <!-- trustlint-disable-next-clause rule-id[, rule-id] -- reason -->
 *   <!-- trustlint-disable rule-id -- reason --> … <!-- trustlint-enable rule-id -->
 * The comments are blanked out of the text rules read, so they can never trigger a rule themselves.
 */
const COMMENT = /<!--\s*trustlint-(disable-next-clause|disable|enable)\b([\s\S]*?)-->/g;

export function findDirectives(source: string): Directive[] {
  const out: Directive[] = [];
  for (const m of source.matchAll(COMMENT)) {
    const body = m[2]!;
    const [idsPart, ...reasonParts] = body.split(/\s--\s|\s--$/);
    const reason = reasonParts.join(" -- ").trim() || null;
    const ruleIds = (idsPart ?? "")
      .split(/[\s,]+/)
      .map((s) => s.trim())
      .filter(Boolean);
    out.push({ kind: m[1] as Directive["kind"], ruleIds, reason, span: { start: m.index!, end: m.index! + m[0].length } });
  }
  return out;
}
