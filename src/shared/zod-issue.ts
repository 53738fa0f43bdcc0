import type { z } from "zod";
import { issuePath, positionOf } from "./yaml-source.js";

type Issue = z.ZodError["issues"][number];

/** The first schema issue as one line: where in the file (dotted path), and what is wrong. */
export function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0]!;
  return `${issue.path.join(".") || "(top level)"}: ${issue.message}`;
}

/** A schema issue placed in its YAML source: `key` is an unknown key (null for any other issue). */
export interface YamlIssue {
  /** Path of the object the issue is about. */
  where: string;
  key: string | null;
  /** Path of the key itself (where + key for an unknown key). */
  keyPath: string;
  line: number | undefined;
  column: number | undefined;
  /** `keyPath: message` (for an unknown key the caller words its own message). */
  message: string;
}

/** One entry per unknown key of an `unrecognized_keys` issue, one for any other issue, each at its line. */
export function yamlIssues(issue: Issue, positions: Map<string, { line: number; column: number }>): YamlIssue[] {
  const where = issuePath(issue.path);
  const keys = issue.code === "unrecognized_keys" ? issue.keys : [null];
  return keys.map((key) => {
    const keyPath = key === null ? where : where ? `${where}.${key}` : key;
    const pos = positionOf(positions, keyPath);
    return { where, key, keyPath, line: pos?.line, column: pos?.column, message: `${keyPath || "(top level)"}: ${issue.message}` };
  });
}
