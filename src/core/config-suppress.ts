import type { Finding } from "../model/finding.js";
import { relativePath } from "../report/paths.js";
import { appError, type AppError } from "../shared/errors.js";
import { compileIgnore } from "./ignore.js";

/**
 * Suppressions kept in `.trustlintrc.yaml` rather than in the contract, for files nobody may edit (a PDF from
 * the other side, a signed Word file):
 *
 *   suppress:
 *     - rule: ra-indemnity-one-way
 *       clause: "8.1"            # or fingerprint: … (from the JSON report); neither = every clause
 *       file: "deals/acme/**"    # optional, gitignore-style, relative to the working directory
 *       reason: agreed with legal
 *
 * A matched finding is kept and marked `suppressed: {kind: "config", reason}`, exactly like an inline one: the
 * score and thresholds ignore it, JSON and SARIF still show it. The reason is required (the config schema
 * refuses an entry without one).
 */
export interface ConfigSuppression {
  rule: string;
  clause?: string;
  fingerprint?: string;
  file?: string;
  reason: string;
}

export interface SuppressionSettings {
  entries: ConfigSuppression[];
  cwd: string;
}

/** Index of the first entry that covers this finding in this file, or -1. */
export function matchingEntry(f: Finding, path: string, s: SuppressionSettings): number {
  if (f.suppressed && f.suppressed.kind !== "config") return -1;
  const rel = relativePath(path, s.cwd);
  return s.entries.findIndex(
    (e) =>
      e.rule === f.ruleId &&
      (e.clause === undefined || e.clause === f.location.clause) &&
      (e.fingerprint === undefined || e.fingerprint === f.fingerprint) &&
      (e.file === undefined || compileIgnore([e.file])(rel)),
  );
}

/** Marks the findings the config suppresses; others are returned unchanged. */
export function applyConfigSuppressions(findings: readonly Finding[], path: string, s: SuppressionSettings | undefined): Finding[] {
  if (!s?.entries.length) return [...findings];
  return findings.map((f) => {
    if (f.suppressed) return f;
    const i = matchingEntry(f, path, s);
    return i < 0 ? f : { ...f, suppressed: { kind: "config" as const, reason: s.entries[i]!.reason } };
  });
}

/** An entry naming a rule the pack does not have is a config error (a typo would silently suppress nothing). */
export function unknownSuppressionRules(
  entries: readonly ConfigSuppression[],
  known: ReadonlySet<string>,
  configFile: string | null,
): AppError[] {
  return entries.flatMap((e, i) =>
    known.has(e.rule)
      ? []
      : [
          appError("CONFIG_SCHEMA", `suppress[${i}].rule: unknown rule id '${e.rule}'`, {
            path: configFile ?? undefined,
            hint: "trustlint rules lists the ids",
          }),
        ],
  );
}
