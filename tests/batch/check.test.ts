import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { CLEANING, HARBOUR, run, scratch, write } from "./util.js";

describe("check over a folder", { timeout: 60_000 }, () => {
  test("every document is reported in path order, and a bad file does not stop the others", async () => {
    const dir = await scratch();
    await write(dir, "portfolio/b-empty.txt", "");
    const r = await run(dir, ["check", "-f", "json", "portfolio", "missing.txt"]);
    const docs = JSON.parse(r.out).documents as { path: string; error: { code: string } | null }[];
    expect(docs.map((d) => d.path)).toEqual(["missing.txt", "portfolio/b-empty.txt", HARBOUR, CLEANING]);
    expect(docs.map((d) => d.error?.code ?? null)).toEqual(["INPUT_NOT_FOUND", "INPUT_EMPTY", null, null]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("missing.txt: INPUT_NOT_FOUND");
    expect(r.err).toContain("skipped 1 file(s) of unknown type");
  });

  test("terminal output ends with a portfolio summary, worst contract first, with recurring flags", async () => {
    const dir = await scratch();
    const r = await run(dir, ["check", "portfolio", "--no-color"]);
    expect(r.code).toBe(0);
    const summary = r.out.slice(r.out.indexOf("Portfolio: 2 documents"));
    expect(summary).not.toBe(r.out);
    const harbour = summary.indexOf("harbour-logistics.txt");
    const cleaning = summary.indexOf("mutual-cleaning.md");
    expect(harbour).toBeGreaterThan(0);
    expect(harbour).toBeLessThan(cleaning); // 45 before 51
    expect(summary).toMatch(/Overall score distribution/);
    expect(summary).toMatch(/1\/2\s+One-way indemnity \[ra-indemnity-one-way\]/);
  });

  test("a single document gets no portfolio summary", async () => {
    const dir = await scratch();
    const r = await run(dir, ["check", HARBOUR]);
    expect(r.out).not.toContain("Portfolio:");
  });

  test("-o writes the same report to a file", async () => {
    const dir = await scratch();
    const a = await run(dir, ["check", "-f", "json", "portfolio"]);
    await run(dir, ["check", "-f", "json", "portfolio", "-o", "out.json"]);
    expect(await readFile(join(dir, "out.json"), "utf8")).toBe(a.out);
  });
});

describe("progress bar", { timeout: 60_000 }, () => {
  test("drawn on stderr when it is a TTY", async () => {
    const dir = await scratch();
    const r = await run(dir, ["check", "portfolio"], { stderrIsTTY: true });
    expect(r.err).toMatch(/\] 2\/2 /);
  });
  test.each([
    [["check", "portfolio"], false],
    [["check", "portfolio", "--quiet"], true],
    [["check", "portfolio", "-f", "json"], true],
    [["check", "portfolio", "-f", "sarif"], true],
    [["check", "portfolio", "-f", "csv"], true],
  ])("not drawn for %j (stderr TTY: %s)", async (argv, tty) => {
    const dir = await scratch();
    const r = await run(dir, argv, { stderrIsTTY: tty });
    expect(r.err).not.toMatch(/\d\/2 /);
  });
});

describe("thresholds", { timeout: 60_000 }, () => {
  // Limits are set relative to what the current rule pack finds, so new rules do not break these tests.
  async function facts(dir: string) {
    const r = await run(dir, ["check", "-f", "json", "portfolio"]);
    const docs = JSON.parse(r.out).documents as {
      path: string;
      score: { overall: number; principles: { id: string; score: number }[] };
      findings: { kind: string; severity: string; suppressed?: unknown }[];
    }[];
    const open = docs.flatMap((d) => d.findings.filter((f) => f.kind !== "strength" && !f.suppressed));
    return { docs, open, byPath: Object.fromEntries(docs.map((d) => [d.path, d])) };
  }
  test("--min-score overall fails with one line naming the document", async () => {
    const dir = await scratch();
    const { byPath } = await facts(dir);
    const h = byPath[HARBOUR]!.score.overall;
    const c = byPath[CLEANING]!.score.overall;
    expect(h).toBeLessThan(c);
    expect((await run(dir, ["check", "portfolio", "-f", "json", "--min-score", String(h)])).code).toBe(0);
    const r = await run(dir, ["check", "portfolio", "-f", "json", "--min-score", String(h + 1)]);
    expect(r.code).toBe(1);
    expect(
      r.err
        .trim()
        .split("\n")
        .filter((l) => l.includes("min-score")),
    ).toEqual([`trustlint: ${HARBOUR}: overall score ${h} is below --min-score ${h + 1}`]);
  });
  test("--min-score principle=n checks that principle", async () => {
    const dir = await scratch();
    const { byPath } = await facts(dir);
    const risk = (p: string) => byPath[p]!.score.principles.find((x) => x.id === "risk-allocation")!.score;
    expect(risk(HARBOUR)).toBeLessThan(risk(CLEANING));
    const ok = await run(dir, ["check", CLEANING, "-f", "json", "--min-score", `risk-allocation=${risk(CLEANING)}`]);
    expect(ok.code).toBe(0);
    const bad = await run(dir, ["check", HARBOUR, "-f", "json", "--min-score", `risk-allocation=${risk(CLEANING)}`, "--min-score", "0"]);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain(`risk-allocation score ${risk(HARBOUR)} is below --min-score risk-allocation=${risk(CLEANING)}`);
    expect(bad.err).not.toContain("overall");
  });
  test("--min-score rejects unknown principles", async () => {
    const dir = await scratch();
    expect((await run(dir, ["check", HARBOUR, "--min-score", "vibes=3"])).code).toBe(2);
  });
  test("--fail-on counts open flags and gaps at or above the severity", async () => {
    const dir = await scratch();
    const { open } = await facts(dir);
    expect(open.some((f) => f.severity === "critical")).toBe(false);
    expect((await run(dir, ["check", "portfolio", "-f", "json", "--fail-on", "critical"])).code).toBe(0);
    const r = await run(dir, ["check", "portfolio", "-f", "json", "--fail-on", "high"]);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${HARBOUR}: 1 open finding(s) at or above --fail-on high (first: ra-indemnity-one-way`);
  });
  test("--max-flags limits open flags and gaps across the run", async () => {
    const dir = await scratch();
    const n = (await facts(dir)).open.length;
    expect(n).toBeGreaterThan(1);
    expect((await run(dir, ["check", "portfolio", "-f", "json", "--max-flags", String(n)])).code).toBe(0);
    const r = await run(dir, ["check", "portfolio", "-f", "json", "--max-flags", String(n - 1)]);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${n} open flags and gaps exceed --max-flags ${n - 1}`);
  });
});

describe("shards and merge", { timeout: 60_000 }, () => {
  test("shards are disjoint, cover everything, and merge back to the full report byte for byte", async () => {
    const dir = await scratch();
    await write(
      dir,
      "portfolio/c-third.txt",
      'Services Agreement between Alpha Ltd (the "Customer") and Beta Ltd (the "Supplier").\n\n1. The Supplier shall indemnify the Customer against all claims.\n',
    );
    const full = await run(dir, ["check", "-f", "json", "portfolio"]);
    const paths = (o: string) => JSON.parse(o).documents.map((d: { path: string }) => d.path) as string[];
    const parts: string[][] = [];
    for (const i of [1, 2]) {
      const r = await run(dir, ["check", "-f", "json", "portfolio", "--shard", `${i}/2`, "-o", `part${i}.json`]);
      expect(r.code).toBe(0);
      parts.push(paths(await readFile(join(dir, `part${i}.json`), "utf8")));
    }
    expect(parts[0]!.length + parts[1]!.length).toBe(3);
    expect(parts[0]!.filter((p) => parts[1]!.includes(p))).toEqual([]);
    const merged = await run(dir, ["merge", "part2.json", "part1.json"]);
    expect(merged.code).toBe(0);
    expect(merged.out).toBe(full.out);
    const sarif = await run(dir, ["merge", "part1.json", "part2.json", "-f", "sarif"]);
    expect(JSON.parse(sarif.out).runs[0].results.length).toBeGreaterThan(0);
  });
  test("a bad shard spec is a usage error", async () => {
    const dir = await scratch();
    expect((await run(dir, ["check", "portfolio", "--shard", "3/2"])).code).toBe(2);
  });
  test("merge refuses a file that is not a trustlint report", async () => {
    const dir = await scratch();
    await write(dir, "x.json", '{"a":1}');
    const r = await run(dir, ["merge", "x.json"]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("x.json: USAGE not a trustlint JSON report");
  });
});
