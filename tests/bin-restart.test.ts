import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";

/**
 * bin/trustlint.js starts node again with --no-regexp-tier-up for a command that analyses contracts (the flag is safe
 * only when node starts; it halves the analysis time). What the user sees must not depend on it: the same report, the
 * same exit code, the same one-line error, with the restart and without it (TRUSTLINT_NO_RESTART=1).
 */
const BIN = "bin/trustlint.js";
const run = (args: string[], restart: boolean) =>
  spawnSync(process.execPath, [BIN, ...args], {
    encoding: "utf8",
    env: { ...process.env, TRUSTLINT_NO_RESTART: restart ? "" : "1" },
  });

describe("bin/trustlint.js restarts node for an analysis", () => {
  it("gives the same report and exit code either way", () => {
    expect(existsSync("dist/cli/main.js"), "run `npm run build` first").toBe(true);
    const args = [
      "check",
      "fixtures/contracts/one-sided-msa.md",
      "fixtures/contracts/vested-agreement.md",
      "-f",
      "json",
      "--fail-on",
      "high",
    ];
    const [restarted, direct] = [run(args, true), run(args, false)];
    expect(restarted.status).toBe(direct.status);
    expect(restarted.stdout).toBe(direct.stdout);
    expect(JSON.parse(restarted.stdout)).toBeTruthy();
  }, 60_000);

  it("passes on a bad input's one-line error and its exit code", () => {
    const [restarted, direct] = [run(["check", "no-such-contract.txt"], true), run(["check", "no-such-contract.txt"], false)];
    expect(restarted.status).toBe(2);
    expect(restarted.status).toBe(direct.status);
    expect(restarted.stderr).toBe(direct.stderr);
    expect(restarted.stderr.trim().split("\n")).toHaveLength(1);
  }, 60_000);
});
