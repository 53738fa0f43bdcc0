import { describe, expect, it } from "vitest";
import { exampleChecks } from "../src/cli/rule-examples.js";
import { BUILTIN_RULES_DIR, readRuleDir } from "../src/core/rule-files.js";
import { parse } from "yaml";
import { builtinPack } from "./helpers.js";

/**
 * The generic rule runner: every topic detector and every principle rule carries examples that must and must
 * not trigger it, run through the real pipeline (ingest → facts → rules) by the same checks as
 * `trustlint rules test rules`; a failure names the example's file:line:col.
 */
const pack = await builtinPack();
const checks = exampleChecks(pack, await readRuleDir(BUILTIN_RULES_DIR, process.cwd()));

const LABEL = { match: "detects", "no-match": "ignores", trigger: "fires on", "no-trigger": "stays quiet on" } as const;

for (const [group, kinds] of [
  ["topic detectors", ["match", "no-match"]],
  ["principle rules", ["trigger", "no-trigger"]],
] as const) {
  describe(group, () => {
    it("runs every example of the pack", () => {
      const examples =
        group === "topic detectors"
          ? pack.topics.reduce((n, t) => n + t.meta.examples.match.length + t.meta.examples["no-match"].length, 0)
          : pack.rules.reduce((n, r) => n + r.examples.trigger.length + r.examples["no-trigger"].length, 0);
      expect(checks.filter((c) => (kinds as readonly string[]).includes(c.kind)).length).toBe(examples);
      expect(checks.every((c) => c.line !== undefined && c.line > 1)).toBe(true);
    });
    for (const check of checks.filter((c) => (kinds as readonly string[]).includes(c.kind))) {
      it(`${check.id} ${LABEL[check.kind]}: ${check.text.slice(0, 60)}`, () => {
        const why = check.run();
        expect(why === null ? null : `${check.file}:${check.line}:${check.column}: ${why}`).toBeNull();
      });
    }
  });
}

describe("rule pack", () => {
  it("has unique ids and every rule carries rationale, suggestion and both kinds of example", () => {
    const ids = pack.rules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of pack.rules) {
      expect(r.rationale.length).toBeGreaterThan(40);
      expect(r.suggestion.length).toBeGreaterThan(40);
      expect(r.suggestion).not.toBe(r.rationale);
    }
  });
});

/** Every regex and fragment of the built-in pack as written in its file (before fragments are expanded). */
function writtenPatterns(files: readonly { file: string; text: string }[]): { file: string; source: string; kind: string }[] {
  const out: { file: string; source: string; kind: string }[] = [];
  const walk = (file: string, node: unknown, key: string): void => {
    if (typeof node === "string") {
      if (key === "regex" || key === "fragment") out.push({ file, source: node, kind: key });
    } else if (Array.isArray(node)) node.forEach((x) => walk(file, x, key === "fragment" ? "" : key));
    else if (node && typeof node === "object")
      for (const [k, v] of Object.entries(node)) walk(file, v, key === "fragments" ? "fragment" : k);
  };
  for (const f of files) walk(f.file, parse(f.text), "");
  return out;
}

describe("built-in patterns as a consultant reads them", async () => {
  const written = writtenPatterns(await readRuleDir(BUILTIN_RULES_DIR, process.cwd()));
  it("no regex or fragment is longer than 300 characters (name parts with fragments: or split the list entry)", () => {
    expect(written.length).toBeGreaterThan(400);
    expect(written.filter((w) => w.source.length > 300).map((w) => `${w.file}: ${w.source.length}`)).toEqual([]);
  });

  it("no exclusion fakes unless or all with a lookahead over the whole scope (use unless: or all:)", () => {
    expect(written.filter((w) => /\(\?[=!]\[\\s\\S\]\*/.test(w.source)).map((w) => w.file)).toEqual([]);
  });

  it("no regex opens with a positive look-around, which is tried at every character (open with its words)", () => {
    // docs/rules.md, "A pattern should open with words": two such price-cut patterns took half of all analysis time.
    const opensWithLook = /^(?:\(\?:)*\(\?(?:<=|=\[|=\(\?:\(\?<|:\(\?<=)/;
    const regexes = written.filter((w) => w.kind === "regex");
    expect(regexes.length).toBeGreaterThan(400);
    expect(regexes.filter((w) => opensWithLook.test(w.source)).map((w) => `${w.file}: ${w.source.slice(0, 60)}`)).toEqual([]);
  });
});
