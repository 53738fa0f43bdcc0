import { dealSchema } from "../model/deal.js";
import { dealSchemaPaths } from "../model/deal-json-schema.js";
import { appError, type AppError } from "../shared/errors.js";
import { parseYamlSource } from "../shared/yaml-source.js";
import { yamlIssues } from "../shared/zod-issue.js";

/**
 * Every problem of a deal summary at once, each at its own line, with "did you mean" for a misspelt key.
 * The reader stops at the first problem (one error per document); when that is a DEAL_SCHEMA error the CLI asks
 * here for all of them, so fixing a file is one round trip, not one per mistake.
 */
export function dealSchemaErrors(path: string, source: string, max = 50): AppError[] {
  const parsed = parseYamlSource(path, source, "DEAL_YAML_SYNTAX");
  if (!parsed.ok) return [];
  const { value, positions } = parsed.value;
  const result = dealSchema.safeParse(value);
  if (result.success) return [];
  const errors: AppError[] = [];
  for (const issue of result.error.issues) {
    for (const e of yamlIssues(issue, positions)) {
      const message = e.key === null ? e.message : `unknown field '${e.keyPath}'${suggestion(e.where, e.key)}`;
      errors.push(appError("DEAL_SCHEMA", message, { path, line: e.line, column: e.column }));
    }
  }
  return errors.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0)).slice(0, max);
}

let paths: string[] | null = null;

/** " (did you mean 'supplier_cap'?)" when a field of the same object is one or two edits away, else "". */
export function suggestion(parent: string, key: string): string {
  paths ??= dealSchemaPaths();
  const prefix = parent.replace(/\[\d+\]/g, "[]");
  const siblings = paths
    .filter((p) => (prefix ? p.startsWith(`${prefix}.`) : true))
    .map((p) => (prefix ? p.slice(prefix.length + 1) : p))
    .filter((p) => !p.includes(".") && !p.includes("["));
  let best: string | null = null;
  let bestD = Infinity;
  for (const s of new Set(siblings)) {
    const d = distance(key.toLowerCase(), s);
    if (d < bestD && d <= Math.max(1, Math.min(3, Math.floor(s.length / 3)))) [best, bestD] = [s, d];
  }
  return best ? ` (did you mean '${best}'?)` : "";
}

function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  return d[a.length]![b.length]!;
}
