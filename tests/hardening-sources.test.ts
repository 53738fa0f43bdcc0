import { execFileSync } from "node:child_process";
import { mkdir, symlink, truncate, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { nodeIo } from "../src/cli/io.js";
import { readInput } from "../src/cli/batch/read.js";
import { readRegularFile, readStreamBounded } from "../src/shared/bounded-read.js";
import { HARBOUR, run, scratch } from "./batch/util.js";

/** An endless stream of zeros, like /dev/zero, that records whether it was let go. */
function zeros(): Readable & { pulled: number } {
  const chunk = Buffer.alloc(64 * 1024);
  const stream = new Readable({
    read() {
      (stream as Readable & { pulled: number }).pulled += chunk.length;
      this.push(chunk);
    },
  }) as Readable & { pulled: number };
  stream.pulled = 0;
  return stream;
}

const quick = { timeout: 20_000 };

describe("endless and special sources (issue item 4)", quick, () => {
  it("refuses a .trustlintrc.yaml that is a link to /dev/zero, at once", async () => {
    const dir = await scratch();
    await symlink("/dev/zero", join(dir, ".trustlintrc.yaml"));
    const { code, err } = await run(dir, ["check", HARBOUR]);
    expect(code).toBe(2);
    expect(err).toMatch(/\.trustlintrc\.yaml: INPUT_UNREADABLE config is a device; only regular files are read/);
  });

  it("refuses a FIFO named .trustlintrc.yaml or .trustlintignore instead of hanging", async () => {
    const dir = await scratch();
    execFileSync("mkfifo", [join(dir, ".trustlintignore")]);
    const ignore = await run(dir, ["check", HARBOUR, "--no-config"]);
    expect(ignore.code).toBe(2);
    expect(ignore.err).toMatch(/\.trustlintignore: INPUT_UNREADABLE ignore file is a named pipe/);
    const other = await scratch();
    execFileSync("mkfifo", [join(other, ".trustlintrc.yaml")]);
    const config = await run(other, ["check", HARBOUR]);
    expect(config.code).toBe(2);
    expect(config.err).toMatch(/config is a named pipe/);
  });

  it("refuses --baseline /dev/zero, merge /dev/zero and compare /dev/zero x", async () => {
    const dir = await scratch();
    const baseline = await run(dir, ["check", HARBOUR, "--baseline", "/dev/zero"]);
    expect([baseline.code, baseline.err]).toEqual([2, expect.stringMatching(/\/dev\/zero: INPUT_UNREADABLE baseline file is a device/)]);
    const merge = await run(dir, ["merge", "/dev/zero"]);
    expect([merge.code, merge.err]).toEqual([2, expect.stringMatching(/\/dev\/zero: INPUT_UNREADABLE report is a device/)]);
    const compare = await run(dir, ["compare", "/dev/zero", HARBOUR]);
    expect([compare.code, compare.err]).toEqual([2, expect.stringMatching(/\/dev\/zero: INPUT_UNREADABLE file is a device/)]);
  });

  it("names a merge input over the size limit as too large, not as missing", async () => {
    const dir = await scratch();
    await writeFile(join(dir, "huge.json"), "");
    await truncate(join(dir, "huge.json"), 300 * 1024 * 1024); // sparse: nothing is written
    const { code, err } = await run(dir, ["merge", "huge.json"]);
    expect(code).toBe(2);
    expect(err).toMatch(/huge\.json: INPUT_TOO_LARGE report is larger than the 256\.0 MB limit/);
  });

  it("a rule file that is a FIFO is refused, not read forever", async () => {
    const dir = await scratch();
    await mkdir(join(dir, "pack"));
    execFileSync("mkfifo", [join(dir, "pack", "rules.yaml")]);
    const { code, err } = await run(dir, ["check", HARBOUR, "--rules", "pack"]);
    expect(code).toBe(2);
    expect(err).toMatch(/rules\.yaml: INPUT_UNREADABLE rule file is a named pipe/);
  });

  it("counts standard input while reading it: `check - --max-size 1` from /dev/zero stops at 1 MB", async () => {
    const stdin = zeros();
    const io = nodeIo(stdin);
    const result = await readInput("-", io, 1024 * 1024);
    expect(result).toMatchObject({ error: { code: "INPUT_TOO_LARGE", path: "-" } });
    expect(stdin.pulled).toBeLessThan(4 * 1024 * 1024);
    expect(stdin.destroyed).toBe(true);
  });

  it("reads a regular file with a bound even when it grows, and a stream with a bound", async () => {
    const dir = await scratch();
    await writeFile(join(dir, "small.txt"), "x".repeat(100));
    expect(await readRegularFile(join(dir, "small.txt"), 99)).toMatchObject({ ok: false, reason: "too-large" });
    expect(await readRegularFile(join(dir, "small.txt"), 100)).toMatchObject({ ok: true });
    expect(await readRegularFile(join(dir, "nope.txt"), 100)).toMatchObject({ ok: false, reason: "not-found" });
    expect(await readRegularFile(dir, 100)).toMatchObject({ ok: false, reason: "directory" });
    expect(await readStreamBounded(zeros(), 1000)).toMatchObject({ ok: false, reason: "too-large" });
  });

  it("a document swapped for /dev/zero or grown after its size was checked is still read with the bound", async () => {
    const dir = await scratch();
    await symlink("/dev/zero", join(dir, "swapped.txt"));
    await writeFile(join(dir, "grown.txt"), "x".repeat(5000));
    // stat answered before the swap: a small regular file.
    const io = { ...nodeIo(zeros()), stat: async () => ({ isDirectory: false, isFile: true, size: 10 }) };
    expect(await readInput(join(dir, "swapped.txt"), io, 1000)).toMatchObject({ error: { code: "INPUT_UNREADABLE" } });
    expect(await readInput(join(dir, "grown.txt"), io, 1000)).toMatchObject({ error: { code: "INPUT_TOO_LARGE" } });
  });
});
