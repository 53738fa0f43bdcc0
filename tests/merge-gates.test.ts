import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../src/cli/main.js";
import { fakeIo } from "./helpers.js";

async function shards() {
  const dir = await mkdtemp(join(tmpdir(), "trustlint-merge-"));
  const a = join(dir, "a.json");
  const b = join(dir, "b.json");
  expect(await main(["check", "fixtures/contracts/one-sided-msa.md", "-f", "json", "-o", a, "--no-config"], fakeIo())).toBe(0);
  // The mixed draft, not the Vested one: the Vested agreement's index is 100, which no --min-score can fail.
  expect(await main(["check", "fixtures/contracts/mixed-draft.md", "-f", "json", "-o", b, "--no-config"], fakeIo())).toBe(0);
  return { a, b };
}

describe("merge gates a sharded run", { timeout: 30_000 }, () => {
  it("exits 1 with one line per reason on --fail-on, --min-score and --max-flags, 0 without", async () => {
    const { a, b } = await shards();
    const plain = fakeIo();
    expect(await main(["merge", a, b, "--no-config"], plain)).toBe(0);
    const failOn = fakeIo();
    expect(await main(["merge", a, b, "--no-config", "--fail-on", "critical"], failOn)).toBe(1);
    expect(failOn.err).toMatch(/one-sided-msa\.md: 1 open finding\(s\) at or above --fail-on critical/);
    const minScore = fakeIo();
    expect(await main(["merge", a, b, "--no-config", "--min-score", "99"], minScore)).toBe(1);
    expect(minScore.err.trim().split("\n")).toHaveLength(2);
    const maxFlags = fakeIo();
    expect(await main(["merge", a, b, "--no-config", "--max-flags", "3"], maxFlags)).toBe(1);
    expect(maxFlags.err).toMatch(/exceed --max-flags 3/);
    expect(await main(["merge", a, b, "--no-config", "--max-flags", "1000"], fakeIo())).toBe(0);
  });

  it("-q silences the duplicate note; --min-severity filters the merged report", async () => {
    const { a } = await shards();
    const loud = fakeIo();
    await main(["merge", a, a, "--no-config"], loud);
    expect(loud.err).toContain("appears in more than one report");
    const quiet = fakeIo();
    expect(await main(["merge", a, a, "--no-config", "-q"], quiet)).toBe(0);
    expect(quiet.err).toBe("");
    const filtered = fakeIo();
    await main(["merge", a, "--no-config", "-f", "compact", "--min-severity", "high"], filtered);
    expect(filtered.out).toMatch(/: (critical|high) /);
    expect(filtered.out).not.toMatch(/: (medium|low|info) /);
  });
});
