import { z } from "zod";
import type { DocumentReport } from "../../model/report.js";
import { relativePath } from "../../report/paths.js";
import { appError, type AppError } from "../../shared/errors.js";
import { err, ok, type Result } from "../../shared/result.js";
import { firstIssue } from "../../shared/zod-issue.js";

/**
 * Accepted findings, so CI fails only when a draft gets worse. Entries are keyed by file (relative to the
 * working directory) and the finding's fingerprint (rule + party roles + normalised clause text), never by line,
 * so renumbering clauses or reflowing text keeps them matched.
 */
export interface BaselineEntry {
  path: string;
  ruleId: string;
  fingerprint: string;
  /** For a human reading the file; not used for matching. */
  title: string;
  line: number;
}
export interface BaselineFile {
  trustlintBaseline: 1;
  entries: BaselineEntry[];
}

/** Every field typed: the stale-entry listing prints them (escaped), and matching compares them. */
const baselineSchema = z.object({
  trustlintBaseline: z.literal(1),
  entries: z.array(
    z.object({
      path: z.string(),
      ruleId: z.string(),
      fingerprint: z.string(),
      title: z.string().default(""),
      line: z.number().int().min(0).default(0),
    }),
  ),
});

export function baselineEntries(d: DocumentReport, cwd: string): BaselineEntry[] {
  const path = relativePath(d.path, cwd);
  return d.findings
    .filter((f) => f.kind !== "strength" && !f.suppressed)
    .map((f) => ({ path, ruleId: f.ruleId, fingerprint: f.fingerprint, title: f.title, line: f.location.line }));
}

export function renderBaseline(entries: BaselineEntry[]): string {
  const sorted = [...entries].sort(
    (a, b) => cmp(a.path, b.path) || cmp(a.ruleId, b.ruleId) || cmp(a.fingerprint, b.fingerprint) || a.line - b.line,
  );
  const file: BaselineFile = { trustlintBaseline: 1, entries: sorted };
  return `${JSON.stringify(file, null, 2)}\n`;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function parseBaseline(path: string, text: string): Result<BaselineFile> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return err(appError("USAGE", `baseline is not valid JSON: ${(e as Error).message}`, { path }));
  }
  const parsed = baselineSchema.safeParse(value);
  if (!parsed.success) {
    const where = parsed.error.issues[0]!.path.length ? ` (${firstIssue(parsed.error)})` : "";
    return err(
      appError("USAGE", `not a trustlint baseline file${where}`, {
        path,
        hint: "create one with: trustlint baseline <paths…> > .trustlint-baseline.json",
      }),
    );
  }
  return ok(parsed.data);
}

/**
 * Marks baselined findings `suppressed: {kind: "baseline"}` document by document and remembers what matched.
 * An entry matches at most one finding, so a second copy of an accepted clause is new.
 */
export class BaselineMatcher {
  private readonly remaining = new Map<string, BaselineEntry[]>();
  private readonly seenPaths = new Set<string>();

  constructor(
    file: BaselineFile,
    private readonly cwd: string,
  ) {
    for (const e of file.entries) {
      const key = `${e.path}\u0000${e.fingerprint}`;
      this.remaining.set(key, [...(this.remaining.get(key) ?? []), e]);
    }
  }

  apply(d: DocumentReport): DocumentReport {
    const path = relativePath(d.path, this.cwd);
    this.seenPaths.add(path);
    if (d.error) return d;
    const findings = d.findings.map((f) => {
      if (f.kind === "strength" || f.suppressed) return f;
      const list = this.remaining.get(`${path}\u0000${f.fingerprint}`);
      if (!list?.length) return f;
      list.shift();
      return { ...f, suppressed: { kind: "baseline" as const, reason: "accepted in the baseline" } };
    });
    return { ...d, findings };
  }

  /** Entries for files checked in this run that matched nothing: the finding is gone, prune the entry. */
  stale(): BaselineEntry[] {
    return [...this.remaining.values()].flat().filter((e) => this.seenPaths.has(e.path));
  }
}

export type { AppError };
