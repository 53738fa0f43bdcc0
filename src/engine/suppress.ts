import type { ContractDocument, Directive } from "../model/document.js";
import type { Finding } from "../model/finding.js";
import { LineIndex } from "../model/location.js";

export interface SuppressionNote {
  ruleIds: string[];
  line: number;
}
export interface InvalidSuppression extends SuppressionNote {
  message: string;
}

export interface SuppressionResult {
  findings: Finding[];
  unused: SuppressionNote[];
  invalid: InvalidSuppression[];
}

interface Scope {
  directive: Directive;
  line: number;
  /** Rule ids, or null for every rule. */
  ruleIds: string[] | null;
  from: number;
  to: number;
  /** An unclosed `disable` covers the whole rest of the file, and so also document-level gaps. */
  wholeFile: boolean;
  reason: string;
  used: Set<string>;
}

/**
 * Inline suppressions, applied after the rules ran (as ESLint does): a finding inside a directive's scope is
 * kept but marked `suppressed` with the directive's reason, so JSON and SARIF still show it and the score
 * ignores it. A directive without a reason, or naming a rule that does not exist, is reported and NOT
 * honoured; a valid directive that suppressed nothing is reported as unused.
 */
export function applySuppressions(
  doc: ContractDocument,
  findings: readonly Finding[],
  knownRuleIds: ReadonlySet<string>,
): SuppressionResult {
  const directives = doc.directives ?? [];
  if (!directives.length) return { findings: [...findings], unused: [], invalid: [] };
  const lines = new LineIndex(doc.original);
  const lineOf = (sourceOffset: number) => lines.position(sourceOffset).line;
  const toSource = (offset: number) => {
    const map = doc.offsetMap;
    return map ? map[Math.max(0, Math.min(offset, map.length - 1))]! : offset;
  };
  const invalid: InvalidSuppression[] = [];
  const scopes: Scope[] = [];
  const open: Scope[] = [];
  for (const d of directives) {
    const line = lineOf(d.span.start);
    const ids = d.ruleIds.length ? d.ruleIds : null;
    if (d.kind === "enable") {
      for (const s of [...open]) {
        if (ids === null || (s.ruleIds && s.ruleIds.every((id) => ids.includes(id)))) {
          s.to = line;
          s.wholeFile = false;
          open.splice(open.indexOf(s), 1);
        }
      }
      continue;
    }
    const unknown = (ids ?? []).filter((id) => !knownRuleIds.has(id));
    if (!d.reason) {
      invalid.push({ ruleIds: d.ruleIds, line, message: "suppression has no reason (add `-- why this is accepted`); not applied" });
      continue;
    }
    if (unknown.length) {
      invalid.push({ ruleIds: d.ruleIds, line, message: `unknown rule id ${unknown.map((u) => `'${u}'`).join(", ")}; not applied` });
      continue;
    }
    const scope: Scope = {
      directive: d,
      line,
      ruleIds: ids,
      from: line,
      to: Number.POSITIVE_INFINITY,
      wholeFile: false,
      reason: d.reason,
      used: new Set(),
    };
    if (d.kind === "disable-next-clause") {
      const i = doc.clauses.findIndex((c) => toSource(c.span.start) >= d.span.end);
      if (i < 0) {
        scope.to = -1; // nothing follows: every id is unused
      } else {
        // The clause with its sub-clauses: "## 1. Indemnity" covers 1.1, 1.2 … up to the next sibling.
        const next = doc.clauses[i]!;
        let last = next;
        for (let j = i + 1; j < doc.clauses.length && doc.clauses[j]!.depth > next.depth; j++) last = doc.clauses[j]!;
        scope.from = lineOf(toSource(next.span.start));
        scope.to = lineOf(toSource(Math.max(last.span.start, last.span.end - 1)));
      }
    } else {
      scope.wholeFile = true;
      open.push(scope);
    }
    scopes.push(scope);
  }
  const out = findings.map((f) => {
    if (f.suppressed) return f;
    const scope = scopes.find((s) => covers(s, f));
    if (!scope) return f;
    scope.used.add(f.ruleId);
    return { ...f, suppressed: { kind: "inline" as const, reason: scope.reason } };
  });
  const unused: SuppressionNote[] = [];
  for (const s of scopes) {
    if (s.ruleIds === null) {
      if (!s.used.size) unused.push({ ruleIds: [], line: s.line });
      continue;
    }
    const idle = s.ruleIds.filter((id) => !s.used.has(id));
    if (idle.length) unused.push({ ruleIds: idle, line: s.line });
  }
  return { findings: out, unused, invalid };
}

function covers(s: Scope, f: Finding): boolean {
  if (s.ruleIds && !s.ruleIds.includes(f.ruleId)) return false;
  if (f.kind === "gap") return s.wholeFile;
  return f.location.line >= s.from && f.location.line <= s.to;
}
