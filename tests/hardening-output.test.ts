import { spawn } from "node:child_process";
import { existsSync, openSync } from "node:fs";
import { readdir, readFile, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { openAtomicOutput } from "../src/cli/atomic-output.js";
import { HARBOUR, run, scratch } from "./batch/util.js";

const BIN = resolve("bin/trustlint.js");
const PREVIOUS = '{"previous": "report"}\n';

describe("reports that survive (issue item 5)", { timeout: 60_000 }, () => {
  it("--output naming one of the inputs is a usage error, and the input is left alone", async () => {
    const dir = await scratch();
    const before = await readFile(join(dir, HARBOUR), "utf8");
    const { code, err } = await run(dir, ["check", "portfolio", "-f", "json", "-o", `./${HARBOUR}`]);
    expect(code).toBe(2);
    expect(err).toMatch(/USAGE --output names one of the inputs \(portfolio\/harbour-logistics\.txt\)/);
    expect(await readFile(join(dir, HARBOUR), "utf8")).toBe(before);
    const merge = await run(dir, ["merge", HARBOUR, "-o", HARBOUR]);
    expect([merge.code, merge.err]).toEqual([2, expect.stringMatching(/USAGE --output names one of the inputs/)]);
    const compare = await run(dir, ["compare", HARBOUR, "portfolio/sub/mutual-cleaning.md", "-o", HARBOUR]);
    expect([compare.code, compare.err]).toEqual([2, expect.stringMatching(/USAGE --output names one of the inputs/)]);
  });

  it("writes beside the target and renames at the end: until then the previous report is intact", async () => {
    const dir = await scratch();
    const target = join(dir, "report.json");
    await writeFile(target, PREVIOUS);
    const out = openAtomicOutput(target, { onSignal: () => {} });
    out.write('{"half": ');
    expect(await readFile(target, "utf8")).toBe(PREVIOUS);
    expect((await readdir(dir)).filter((f) => f.endsWith(".tmp"))).toHaveLength(1);
    out.write("1}\n");
    await out.close();
    expect(await readFile(target, "utf8")).toBe('{"half": 1}\n');
    expect((await readdir(dir)).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("a report reached through a link is replaced where the link points, keeping its permissions", async () => {
    const { chmod, stat, symlink, lstat } = await import("node:fs/promises");
    const dir = await scratch();
    await writeFile(join(dir, "real.json"), PREVIOUS);
    await chmod(join(dir, "real.json"), 0o640);
    await symlink("real.json", join(dir, "link.json"));
    const out = openAtomicOutput(join(dir, "link.json"));
    out.write("{}\n");
    await out.close();
    expect((await lstat(join(dir, "link.json"))).isSymbolicLink()).toBe(true);
    expect(await readFile(join(dir, "real.json"), "utf8")).toBe("{}\n");
    expect((await stat(join(dir, "real.json"))).mode & 0o777).toBe(0o640);
  });

  it("a signal during the run removes the temporary file and leaves the previous report", async () => {
    const dir = await scratch();
    const target = join(dir, "report.sarif");
    await writeFile(target, PREVIOUS);
    const seen: string[] = [];
    const out = openAtomicOutput(target, { onSignal: (s) => seen.push(s) });
    out.write('{"runs": [');
    process.emit("SIGTERM", "SIGTERM");
    expect(seen).toEqual(["SIGTERM"]);
    expect(await readFile(target, "utf8")).toBe(PREVIOUS);
    expect((await readdir(dir)).filter((f) => f.endsWith(".tmp"))).toEqual([]);
    await out.close(); // closed already by the signal: nothing happens
    expect(await readFile(target, "utf8")).toBe(PREVIOUS);
  });

  it("-o /dev/full is OUTPUT_UNWRITABLE, not INTERNAL ENOSPC", async () => {
    const dir = await scratch();
    const { code, err } = await run(dir, ["check", HARBOUR, "-f", "json", "-o", "/dev/full"], {
      openOutput: (p: string) => openAtomicOutput(p),
    });
    expect(code).toBe(2);
    expect(err).toMatch(/\/dev\/full: OUTPUT_UNWRITABLE cannot write the report \(ENOSPC\)/);
    expect(err).not.toMatch(/INTERNAL/);
  });

  describe.runIf(existsSync("dist/cli/main.js"))("the built CLI", () => {
    it("`> /dev/full` is one line and exit 2, not a stack trace", async () => {
      const dir = await scratch();
      const child = spawn(process.execPath, [BIN, "check", HARBOUR], { cwd: dir, stdio: ["ignore", openSync("/dev/full", "w"), "pipe"] });
      let stderr = "";
      child.stderr!.on("data", (d: Buffer) => (stderr += d.toString()));
      const code = await new Promise<number | null>((r) => child.on("close", r));
      expect(code).toBe(2);
      expect(stderr.trim()).toBe("trustlint: OUTPUT_UNWRITABLE cannot write to standard output (ENOSPC)");
    });

    it("SIGTERM while the batch runs leaves the previous report untouched and no temporary file", async () => {
      const dir = await scratch();
      const target = join(dir, "report.json");
      await writeFile(target, PREVIOUS);
      // Standard input that never ends keeps the batch running with the report open.
      const child = spawn(process.execPath, [BIN, "check", "-", HARBOUR, "-f", "json", "-o", "report.json"], {
        cwd: dir,
        stdio: ["pipe", "ignore", "pipe"],
      });
      child.stdin.write("1. Services. The Supplier shall ");
      for (let i = 0; i < 200 && !(await readdir(dir)).some((f) => f.endsWith(".tmp")); i++) await new Promise((r) => setTimeout(r, 50));
      expect((await readdir(dir)).some((f) => f.endsWith(".tmp"))).toBe(true);
      child.kill("SIGTERM");
      const code = await new Promise<number | null>((r) => child.on("close", r));
      expect(code).toBe(143);
      expect(await readFile(target, "utf8")).toBe(PREVIOUS);
      expect((await readdir(dir)).filter((f) => f.endsWith(".tmp"))).toEqual([]);
    });
  });
});
