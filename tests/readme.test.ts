import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { LoadedRule } from "../src/engine/load-rules.js";
import { builtinPack } from "./helpers.js";

/**
 * The README's "## Rules" table must list every principle rule in rules/principles, sorted by id, with the
 * principle, kind, severity and title the rule file declares. On failure the message carries the table to
 * paste in, so the README stays current when rules are added.
 */
export function rulesTable(rules: readonly LoadedRule[]): string {
  const rows = [...rules]
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((r) => `| \`${r.id}\` | ${r.principle} | ${r.kind} | ${r.severity} | ${r.title.replace(/\|/g, "\\|")} |`);
  return ["| id | principle | kind | severity | title |", "|---|---|---|---|---|", ...rows].join("\n");
}

function section(markdown: string, heading: string): string {
  const start = markdown.indexOf(`\n## ${heading}\n`);
  if (start === -1) return "";
  const rest = markdown.slice(start + heading.length + 5);
  const end = rest.search(/\n## /);
  return end === -1 ? rest : rest.slice(0, end);
}

describe("README", () => {
  it("lists every principle rule in the Rules table, sorted by id, as the rule files declare them", async () => {
    const pack = await builtinPack();
    const readme = readFileSync("README.md", "utf8");
    const rules = section(readme, "Rules");
    expect(rules, "README.md has no '## Rules' section").not.toBe("");
    const expected = rulesTable(pack.rules);
    const table = rules
      .split("\n")
      .filter((l) => l.startsWith("|"))
      .join("\n");
    expect(table, `Replace the table under '## Rules' in README.md with:\n\n${expected}\n`).toBe(expected);
  });

  it("documents the scoring formula and the standard-form review", () => {
    const readme = readFileSync("README.md", "utf8");
    expect(section(readme, "Scoring")).toMatch(/50/);
    expect(section(readme, "What it flags on published standard forms")).toMatch(/\|/);
  });
});
