import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../src/cli/main.js";
import { analyseBytes } from "../src/core/pipeline.js";
import { compareReports, regressionReasons } from "../src/compare/compare.js";
import { reportFromJson } from "../src/compare/from-json.js";
import type { DocumentReport } from "../src/model/report.js";
import { packPolicy } from "../src/engine/index.js";
import { DEAL_TEMPLATE } from "../src/cli/templates/deal-yaml.js";
import { builtinPack, fakeIo } from "./helpers.js";

// Two drafts written for this test that differ in exactly one clause (3.1): a one-way indemnity becomes mutual.
const DRAFT_1 = "tests/fixtures/drafts/draft-1.md";
const DRAFT_2 = "tests/fixtures/drafts/draft-2.md";

async function analyse(path: string, text?: string): Promise<DocumentReport> {
  const bytes = text === undefined ? new Uint8Array(await readFile(path)) : new TextEncoder().encode(text);
  return analyseBytes(path, bytes, await builtinPack());
}

/** Adds 10 to every section and clause number: "## 3." → "## 13.", "3.1" → "13.1". */
function renumber(text: string): string {
  return text
    .replace(/^## (\d+)\./gm, (_, n) => `## ${Number(n) + 10}.`)
    .replace(/^(\d+)\.(\d+) /gm, (_, a, b) => `${Number(a) + 10}.${b} `);
}

describe("compare two drafts", () => {
  it("shows exactly the changed clause's findings as resolved and introduced, with the right deltas", async () => {
    const [a, b] = [await analyse(DRAFT_1), await analyse(DRAFT_2)];
    const c = compareReports(a, b);
    expect(c.resolved.length).toBeGreaterThan(0);
    expect(c.gained.length).toBeGreaterThan(0);
    for (const f of [...c.resolved, ...c.introduced, ...c.gained, ...c.lost]) expect(f.location.clause).toBe("3.1");
    expect(c.resolved.map((f) => f.ruleId)).toContain("ra-indemnity-one-way");
    // A strength the redline gained is a gained strength, never an "introduced" finding.
    expect(c.gained.map((f) => f.ruleId)).toContain("ra-indemnity-mutual");
    expect(c.introduced.map((f) => f.ruleId)).not.toContain("ra-indemnity-mutual");
    expect(c.introduced.every((f) => f.kind !== "strength") && c.resolved.every((f) => f.kind !== "strength")).toBe(true);
    expect(c.gained.every((f) => f.kind === "strength") && c.lost.every((f) => f.kind === "strength")).toBe(true);
    // Everything outside clause 3.1 is unchanged.
    const outside = (d: DocumentReport) => d.findings.filter((f) => f.location.clause !== "3.1" && !f.suppressed).length;
    expect(c.unchanged).toHaveLength(outside(a));
    expect(outside(a)).toBe(outside(b));
    // Deltas are the difference of the two drafts' own scores.
    expect(c.overall).toMatchObject({ old: a.score!.overall, new: b.score!.overall, delta: b.score!.overall - a.score!.overall });
    for (const p of c.principles) {
      const before = a.score!.principles.find((q) => q.id === p.id)!.score;
      const after = b.score!.principles.find((q) => q.id === p.id)!.score;
      expect(p).toEqual({ id: p.id, old: before, new: after, delta: after - before });
    }
    expect(c.principles.find((p) => p.id === "risk-allocation")!.delta).toBeGreaterThan(0);
    expect(c.regressions).toEqual([]);
    // The clause that moved the score most is 3.1.
    expect(c.clauses[0]).toMatchObject({ oldClause: "3.1", newClause: "3.1" });
    expect(c.clauses[0]!.points).toBeGreaterThan(0);
  });

  it("sees no change when every clause is renumbered", async () => {
    const text = await readFile(DRAFT_2, "utf8");
    const moved = renumber(text);
    expect(moved).toContain("13.1 Each party");
    const [a, b] = [await analyse(DRAFT_2), await analyse("renumbered.md", moved)];
    const c = compareReports(a, b);
    expect(c.resolved).toEqual([]);
    expect(c.introduced).toEqual([]);
    expect(c.gained).toEqual([]);
    expect(c.lost).toEqual([]);
    expect(c.unchanged.length).toBe(a.findings.length);
    expect(c.unchanged.some((u) => u.old.location.clause === "3.1" && u.new.location.clause === "13.1")).toBe(true);
    expect(c.overall.delta).toBe(0);
    expect(c.principles.every((p) => p.delta === 0)).toBe(true);
    expect(c.clauses).toEqual([]);
  });

  it("reports a regression the other way round", async () => {
    const c = compareReports(await analyse(DRAFT_2), await analyse(DRAFT_1));
    expect(c.regressions.join("; ")).toMatch(/risk-allocation fell from \d+ to \d+/);
    expect(c.clauses[0]!.points).toBeLessThan(0);
  });

  it("matches a repeated finding as a multiset", async () => {
    const text = await readFile(DRAFT_1, "utf8");
    const twice = text.replace(
      "## 4. Term",
      "## 4. More\n\n4.0 The Supplier shall indemnify, defend and hold harmless the Customer against all claims, losses and costs arising out of or in connection with this Agreement.\n\n## 5. Term",
    );
    const c = compareReports(await analyse(DRAFT_1), await analyse("twice.md", twice));
    expect(c.introduced.map((f) => f.ruleId)).toEqual(["ra-indemnity-one-way"]);
    expect(c.resolved).toEqual([]);
    // The second instance of a rule counts REPEAT_DECAY of the first: the copy costs half a high flag.
    const { flagPoints, repeatDecay } = packPolicy(await builtinPack()).score;
    expect(c.introduced[0]!.effect.points).toBe(-flagPoints.high * repeatDecay);
    expect(c.overall.delta).toBeLessThan(0);
    expect(regressionReasons(c).join("; ")).toContain("introduced high flag ra-indemnity-one-way (clause 4.0)");
  });
});

/** DRAFT_1 with three more one-way indemnities (four in all), each worded differently, in a new section 6. */
async function fourIndemnities(): Promise<string> {
  const text = await readFile(DRAFT_1, "utf8");
  return (
    `${text}\n## 6. Further indemnities\n\n` +
    "6.1 The Supplier shall indemnify the Customer against all losses arising from the Services.\n\n" +
    "6.2 The Supplier shall indemnify and hold harmless the Customer from any claims relating to the equipment.\n\n" +
    "6.3 The Supplier shall indemnify, defend and hold harmless the Customer against all costs arising out of the Supplier's personnel.\n"
  );
}

describe("compare per finding", () => {
  it("shows fixing one of four one-way indemnities as one resolved flag, with its score effect", async () => {
    const four = await fourIndemnities();
    const before = await analyse("four.md", four);
    expect(before.findings.filter((f) => f.ruleId === "ra-indemnity-one-way").length).toBe(4);
    const fixed = four.replace(
      "6.2 The Supplier shall indemnify and hold harmless the Customer from any claims relating to the equipment.",
      "6.2 The Supplier shall keep the equipment insured for its full replacement value.",
    );
    const c = compareReports(before, await analyse("fixed.md", fixed));
    expect(c.resolved.map((f) => [f.ruleId, f.location.clause])).toEqual([["ra-indemnity-one-way", "6.2"]]);
    expect(c.introduced).toEqual([]);
    // Every change carries its effect on its principle and on the index; the effects sum to the clause's.
    const all = [...c.resolved, ...c.gained];
    for (const f of all) expect(f.effect.points).toBeGreaterThanOrEqual(0);
    expect(c.clauses).toHaveLength(1);
    expect(c.clauses[0]).toMatchObject({ oldClause: "6.2", resolved: ["ra-indemnity-one-way"], introduced: [], lost: [] });
    expect(c.clauses[0]!.points).toBeCloseTo(
      all.reduce((s, f) => s + f.effect.points, 0),
      5,
    );
  });

  it("making one of four one-way indemnities mutual turns the other three into asymmetric ones, a milder flag", async () => {
    const four = await fourIndemnities();
    const before = await analyse("four.md", four);
    const fixed = four.replace(
      "6.2 The Supplier shall indemnify and hold harmless the Customer from any claims relating to the equipment.",
      "6.2 Each party shall indemnify the other against third-party claims to the extent caused by its own breach of this Agreement or its negligence.",
    );
    const after = await analyse("fixed.md", fixed);
    const c = compareReports(before, after);
    expect(c.resolved.filter((f) => f.ruleId === "ra-indemnity-one-way")).toHaveLength(4);
    expect(c.introduced.map((f) => f.ruleId)).toEqual(["ra-indemnity-asymmetric", "ra-indemnity-asymmetric", "ra-indemnity-asymmetric"]);
    expect(c.gained.map((f) => f.ruleId)).toContain("ra-indemnity-mutual");
    expect(after.score!.overall).toBeGreaterThan(before.score!.overall);
  });

  it("lists a gained strength under gained strengths in the terminal, never as introduced with a ✗", async () => {
    const io = fakeIo();
    expect(await main(["compare", DRAFT_1, DRAFT_2], io)).toBe(0);
    const section = (title: string) => io.out.slice(io.out.indexOf(`  ${title} (`)).split("\n\n")[0]!;
    expect(section("Gained strengths")).toMatch(/\+ .*\[ra-indemnity-mutual\].*\(\+\d+(\.\d)? risk-allocation, \+\d+(\.\d)? overall\)/);
    expect(section("Introduced flags")).not.toContain("ra-indemnity-mutual");
    expect(section("Resolved flags")).toMatch(/✓ .*\[ra-indemnity-one-way\]/);
    expect(io.out).toContain("Lost strengths (0)");
  });

  it("shows the index change before clamping and caps next to the clamped one when they differ", () => {
    const doc = (contribution: number, score: number): DocumentReport =>
      ({
        path: "x.md",
        format: "markdown",
        error: null,
        parties: [],
        facts: [],
        findings: [],
        unusedSuppressions: [],
        score: {
          overall: score,
          principles: [
            {
              id: "risk-allocation",
              score,
              base: 50,
              contributions: [{ ruleId: "r", kind: "strength", points: contribution, finding: 0 }],
              cap: null,
              weight: 1,
            },
          ],
        },
      }) as unknown as DocumentReport;
    const c = compareReports(doc(60, 100), doc(80, 100));
    expect(c.overall).toEqual({ old: 100, new: 100, delta: 0, rawDelta: 20 });
  });
});

describe("compare two deal summaries", () => {
  it("names the changed field instead of a clause", async () => {
    const before = DEAL_TEMPLATE;
    const after = before.replace("      buyer: true\n      supplier: false\n", "      buyer: true\n      supplier: true\n");
    expect(after).not.toBe(before);
    const c = compareReports(await analyse("v1.yaml", before), await analyse("v2.yaml", after));
    const changed = [...c.resolved, ...c.introduced, ...c.gained, ...c.lost];
    expect(changed.length).toBeGreaterThan(0);
    for (const f of changed) expect(f.location.path).toMatch(/^risk\.termination\.for_convenience/);
    expect(c.clauses.length).toBeGreaterThan(0);
    for (const ch of c.clauses) expect(ch.newClause ?? ch.oldClause).toMatch(/^risk\.termination\.for_convenience/);
    const io = fakeIo();
    const dir = await mkdtemp(join(tmpdir(), "trustlint-compare-"));
    await writeFile(join(dir, "v1.yaml"), before);
    await writeFile(join(dir, "v2.yaml"), after);
    expect(await main(["compare", join(dir, "v1.yaml"), join(dir, "v2.yaml")], io)).toBe(0);
    expect(io.out).toContain("field risk.termination.for_convenience");
  });
});

describe("trustlint compare (CLI)", () => {
  it("exits 0 when the redline helps and 1 with --fail-on-regression when it hurts", async () => {
    const io = fakeIo();
    expect(await main(["compare", DRAFT_1, DRAFT_2, "--fail-on-regression"], io)).toBe(0);
    expect(io.out).toMatch(/Collaboration index: \d+ → \d+ \(\+\d+\) ↑/);
    expect(io.out).toContain("Resolved flags (");
    const back = fakeIo();
    expect(await main(["compare", DRAFT_2, DRAFT_1, "--fail-on-regression"], back)).toBe(1);
    expect(back.err).toMatch(/^trustlint: regression: .*fell from/);
    expect(await main(["compare", DRAFT_2, DRAFT_1], fakeIo())).toBe(0);
  });

  it("--fail-on-regression fails on swapping a mutual indemnity for a one-way one, naming the introduced high flag", async () => {
    const io = fakeIo();
    expect(await main(["compare", DRAFT_2, DRAFT_1, "--fail-on-regression"], io)).toBe(1);
    expect(io.err).toContain("introduced high flag ra-indemnity-one-way (clause 3.1)");
    const critical = fakeIo();
    // At `critical` the high flag alone would pass; the score drop still fails it.
    expect(await main(["compare", DRAFT_2, DRAFT_1, "--fail-on-regression", "critical"], critical)).toBe(1);
    expect(critical.err).not.toContain("introduced high flag");
    expect(critical.err).toMatch(/fell from/);
    const bad = fakeIo();
    expect(await main(["compare", DRAFT_2, DRAFT_1, "--fail-on-regression", "severe"], bad)).toBe(2);
  });

  it("--fail-on-regression fails on an introduced flag of the severity or worse even when no score fell", async () => {
    const a = await analyse(DRAFT_1);
    const b = await analyse(DRAFT_2);
    const c = compareReports(a, b);
    // Pretend the new draft also introduced a flag without any score falling.
    const flag = { ...a.findings.find((f) => f.ruleId === "ra-indemnity-one-way")!, effect: { points: 0, overallPoints: 0 } };
    const withFlag = { ...c, introduced: [flag], regressions: [] };
    expect(regressionReasons(withFlag, "high")).toEqual(["introduced high flag ra-indemnity-one-way (clause 3.1)"]);
    expect(regressionReasons(withFlag, "medium")).toHaveLength(1);
    expect(regressionReasons(withFlag, "critical")).toEqual([]);
    expect(regressionReasons(withFlag)).toHaveLength(1);
    expect(regressionReasons(c)).toEqual([]);
  });

  it("renders every format", async () => {
    for (const format of ["terminal", "json", "markdown", "html"]) {
      const io = fakeIo();
      expect(await main(["compare", DRAFT_1, DRAFT_2, "-f", format], io)).toBe(0);
      if (format === "json") {
        const j = JSON.parse(io.out);
        expect(j.kind).toBe("comparison");
        expect(j.resolved.map((f: { ruleId: string }) => f.ruleId)).toContain("ra-indemnity-one-way");
        expect(j.principles).toHaveLength(7);
      }
      if (format === "markdown") expect(io.out).toMatch(/\| Risk allocation \| \d+ \| \d+ \| ↑ \+\d+ \|/);
      if (format === "html") {
        expect(io.out).toContain("<!DOCTYPE html>");
        expect(io.out.match(/<g class="bar"/g)).toHaveLength(7);
        expect(io.out).toContain('data-change="resolved"');
      }
    }
  });

  it("compares two saved JSON reports exactly as it compares the drafts", async () => {
    const dir = await mkdtemp(join(tmpdir(), "trustlint-compare-"));
    const [j1, j2] = [join(dir, "old.json"), join(dir, "new.json")];
    expect(await main(["check", DRAFT_1, "-f", "json", "-o", j1], fakeIo())).toBe(0);
    expect(await main(["check", DRAFT_2, "-f", "json", "-o", j2], fakeIo())).toBe(0);
    const fromJson = fakeIo();
    const fromDrafts = fakeIo();
    expect(await main(["compare", j1, j2, "-f", "json"], fromJson)).toBe(0);
    expect(await main(["compare", DRAFT_1, DRAFT_2, "-f", "json"], fromDrafts)).toBe(0);
    const strip = (s: string) => {
      const j = JSON.parse(s);
      delete j.old;
      delete j.new;
      return j;
    };
    expect(strip(fromJson.out)).toEqual(strip(fromDrafts.out));
  });

  it("refuses a JSON file that is not a report, and a missing file, with exit 2", async () => {
    const dir = await mkdtemp(join(tmpdir(), "trustlint-compare-"));
    const bad = join(dir, "bad.json");
    await writeFile(bad, '{"schemaVersion": 1, "documents": "nope"}');
    const io = fakeIo();
    expect(await main(["compare", bad, DRAFT_2], io)).toBe(2);
    expect(io.err).toMatch(/bad\.json: INPUT_UNSUPPORTED_FORMAT not a trustlint JSON report/);
    const missing = fakeIo();
    expect(await main(["compare", join(dir, "nope.md"), DRAFT_2], missing)).toBe(2);
    expect(missing.err).toContain("INPUT_NOT_FOUND");
    expect(reportFromJson("x.json", "{").ok).toBe(false);
  });
});
