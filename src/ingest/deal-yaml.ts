import { dealSchema, DEAL_MARKER_KEYS, type DealSummary } from "../model/deal.js";
import { appError } from "../shared/errors.js";
import { err, ok, type Result } from "../shared/result.js";
import { issuePath, parseYamlSource, positionOf } from "../shared/yaml-source.js";

/** True when YAML text looks like a deal summary: a top-level mapping with a known deal key. */
export function looksLikeDeal(source: string): boolean {
  const keys = new Set<string>();
  for (const m of source.matchAll(/^([A-Za-z_]+)\s*:/gm)) keys.add(m[1]!);
  return DEAL_MARKER_KEYS.some((k) => keys.has(k));
}

export function parseDeal(path: string, source: string): Result<DealSummary> {
  const parsed = parseYamlSource(path, source, "DEAL_YAML_SYNTAX");
  if (!parsed.ok) return parsed;
  const { value, positions } = parsed.value;
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    return err(appError("DEAL_SCHEMA", "a deal summary must be a YAML mapping at the top level", { path, line: 1, column: 1 }));
  }
  const result = dealSchema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const where = issuePath(issue.path);
    // An unknown key is reported at the key itself.
    const keyPath = issue.code === "unrecognized_keys" && issue.keys[0] ? (where ? `${where}.${issue.keys[0]}` : issue.keys[0]) : where;
    const pos = positionOf(positions, keyPath);
    const message = issue.code === "unrecognized_keys" ? `unknown field '${keyPath}'` : `${keyPath || "(top level)"}: ${issue.message}`;
    return err(appError("DEAL_SCHEMA", message, { path, line: pos?.line, column: pos?.column }));
  }
  return ok({ kind: "deal", path, format: "deal", data: result.data, original: source, pathPositions: positions });
}
