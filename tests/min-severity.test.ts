import { describe, expect, it } from "vitest";
import { main } from "../src/cli/main.js";
import { fakeIo } from "./helpers.js";

const FILE = "fixtures/contracts/one-sided-msa.md";

async function run(args: string[]) {
  const io = fakeIo();
  const code = await main(["check", FILE, "--no-config", ...args], io);
  return { code, out: io.out, err: io.err };
}

describe("--min-severity", { timeout: 30_000 }, () => {
  it("hides lower findings in the JSON report but keeps the score and says how many it hid", async () => {
    const all = JSON.parse((await run(["-f", "json"])).out).documents[0];
    const high = JSON.parse((await run(["-f", "json", "--min-severity", "high"])).out).documents[0];
    expect(all.findings.some((f: { severity: string }) => f.severity === "low")).toBe(true);
    const problems = high.findings.filter((f: { kind: string }) => f.kind !== "strength");
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.every((f: { severity: string }) => f.severity === "high" || f.severity === "critical")).toBe(true);
    expect(high.score.overall).toBe(all.score.overall);
    expect(high.hidden).toEqual({ minSeverity: "high", count: all.findings.length - high.findings.length });
    // Contributions still point at the same finding, or -1 when it is hidden.
    for (const p of high.score.principles)
      for (const c of p.contributions) if (c.finding >= 0) expect(high.findings[c.finding].ruleId).toBe(c.ruleId);
  });

  it("filters every other format too", async () => {
    const sarif = JSON.parse((await run(["-f", "sarif", "--min-severity", "high"])).out);
    expect(sarif.runs[0].results.length).toBeGreaterThan(0);
    expect(sarif.runs[0].results.every((r: { level: string }) => r.level === "error")).toBe(true);
    const github = (await run(["-f", "github", "--min-severity", "high"])).out;
    expect(github).toMatch(/^::error /m);
    expect(github).not.toMatch(/^::(warning|notice) /m);
    const csv = (await run(["-f", "csv", "--min-severity", "high"])).out.split("\r\n")[1]!.split(",");
    const header = (await run(["-f", "csv"])).out.split("\r\n")[0]!.split(",");
    expect(Number(csv[header.indexOf("open_low")])).toBe(0);
    expect(Number(csv[header.indexOf("open_high")])).toBeGreaterThan(0);
    const html = (await run(["-f", "html", "--min-severity", "high"])).out;
    expect(html).not.toMatch(/class="finding (flag|gap)"[^>]*data-severity="(low|medium|info)"/);
    expect(html).toContain("not shown (--min-severity)");
    const md = (await run(["-f", "markdown", "--min-severity", "high"])).out;
    expect(md).not.toMatch(/\*\*(low|medium|info)\*\*/);
    expect(md).toContain("not shown (--min-severity)");
    const terminal = (await run(["--no-color", "--min-severity", "critical"])).out;
    expect(terminal).not.toMatch(/^\s+(HIGH|MEDIUM|LOW|INFO|GAP) /m);
    expect(terminal).toMatch(/^\s+CRITICAL /m);
    expect(terminal).toContain("not shown (--min-severity)");
  });

  it("does not change the exit code: thresholds count every finding", async () => {
    expect((await run(["-f", "json", "--min-severity", "critical", "--fail-on", "low"])).code).toBe(1);
  });
});
