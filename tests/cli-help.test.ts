import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main, misspeltCommand } from "../src/cli/main.js";
import { fakeIo } from "./helpers.js";

const CONTRACT = "1. Indemnity\n\n1.1 The Supplier shall indemnify the Customer against all claims.\n";

describe("help and command-line mistakes", () => {
  it("bare trustlint prints the overview help and exits 0", async () => {
    const io = fakeIo();
    expect(await main([], io)).toBe(0);
    expect(io.out).toMatch(/Usage: trustlint/);
    expect(io.out).toContain("Examples:");
    expect(io.out).toContain("Exit codes:");
    expect(io.err).toBe("");
  });

  it("check --help shows examples and exit codes and no empty defaults", async () => {
    const io = fakeIo();
    expect(await main(["check", "--help"], io)).toBe(0);
    expect(io.out).toContain("Examples:");
    expect(io.out).toContain("Exit codes:");
    expect(io.out).not.toContain("(default: {})");
    expect(io.out).not.toContain("(default: [])");
    const compare = fakeIo();
    await main(["compare", "--help"], compare);
    expect(compare.out).not.toMatch(/\(default: (\{\}|\[\])\)/);
  });

  it("suggests the command for a typo instead of reporting a missing file", async () => {
    const io = fakeIo();
    expect(await main(["chek", "draft.md"], io)).toBe(2);
    expect(io.err).toContain("did you mean check?");
    expect(io.err).not.toContain("INPUT_NOT_FOUND");
    expect(io.out).toBe("");
  });

  it("still runs the default command on a real file, even one named like a typo", async () => {
    const dir = await mkdtemp(join(tmpdir(), "trustlint-help-"));
    await writeFile(join(dir, "draft.md"), CONTRACT);
    await writeFile(join(dir, "chek"), CONTRACT);
    const io = fakeIo({ cwd: dir });
    expect(await misspeltCommand(["chek"], { stat: (p) => io.stat(join(dir, p)) })).toBeNull();
    expect(await misspeltCommand(["chek"], io)).toBe("check");
    expect(await misspeltCommand(["draft.md"], io)).toBeNull();
    expect(await misspeltCommand(["contract"], io)).toBeNull();
    const run = fakeIo();
    expect(await main([join(dir, "draft.md"), "-f", "json"], run)).toBe(0);
    expect(JSON.parse(run.out).documents[0].findings.length).toBeGreaterThan(0);
  });

  it("refuses standard input named twice", async () => {
    const io = fakeIo({ readStdin: async () => new TextEncoder().encode(CONTRACT) });
    expect(await main(["check", "-", "-"], io)).toBe(2);
    expect(io.err).toContain("USAGE");
    expect(io.err).toContain("only once");
  });
});
