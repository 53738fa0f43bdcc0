import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, test } from "vitest";
import { availableParallelism } from "node:os";
import { AUTO_MIN_FILES, idleCores, workerCount } from "../../src/cli/batch/run.js";
import { scratch } from "./util.js";

const exec = promisify(execFile);
const ROOT = resolve(".");

describe("how many workers", { timeout: 60_000 }, () => {
  test("off and small batches stay in-process; auto needs enough files and cores that are not busy", () => {
    expect(workerCount("off", 1000, 8, 0)).toBe(0);
    expect(workerCount("auto", AUTO_MIN_FILES - 1, 8, 0)).toBe(0);
    expect(workerCount("auto", 1000, 1, 0)).toBe(0);
    // The last argument is the number of idle cores measured now.
    expect(workerCount("auto", 1000, 2, 2)).toBe(2);
    expect(workerCount("auto", 1000, 2, 1.8)).toBe(2); // our own main thread's start-up shows as a little busy
    expect(workerCount("auto", 1000, 2, 1.1)).toBe(0); // another job holds a core: no gain over the main thread
    expect(workerCount("auto", 1000, 8, 0.5)).toBe(0); // overloaded machine
    expect(workerCount("auto", 1000, 8, 5)).toBe(4);
    expect(workerCount("auto", AUTO_MIN_FILES, 8, 8)).toBe(2);
    // An explicit number is obeyed (capped by the number of files and the cores), however busy the machine;
    // `n!` on the command line goes past the core count.
    expect(workerCount(3, 2, 8, 0)).toBe(2);
    expect(workerCount(3, 100, 1, 0)).toBe(1);
    expect(workerCount({ forced: 3 }, 100, 1, 0)).toBe(3);
  });

  test("idle cores are measured between 0 and the number of cores", async () => {
    const idle = await idleCores(50);
    expect(idle).toBeGreaterThanOrEqual(0);
    expect(idle).toBeLessThanOrEqual(availableParallelism() + 1e-9);
  });
});

/**
 * Worker threads run compiled JS, so this runs the real CLI from the dist/ that `npm run build` made (.ci/run
 * builds once before the tests; the test does not rebuild it). The first contract is much longer
 * than the rest, so with workers the later ones finish first: the output must still be in path order and
 * byte-identical to the in-process run.
 */
describe("worker threads (built CLI)", { timeout: 60_000 }, () => {
  let dir = "";
  beforeAll(async () => {
    expect(existsSync(join(ROOT, "dist/cli/main.js")), "run `npm run build` first").toBe(true);
    dir = await scratch();
    await mkdir(join(dir, "many"));
    const base = await readFile(join(dir, "portfolio/harbour-logistics.txt"), "utf8");
    const mutual = await readFile(join(dir, "portfolio/sub/mutual-cleaning.md"), "utf8");
    const long = Array.from(
      { length: 400 },
      (_, i) => `${i + 3}. The Supplier shall keep records of service item ${i} and make them available on request.`,
    ).join("\n");
    await writeFile(join(dir, "many/a000-long.txt"), `${base}\n${long}\n`);
    for (let i = 1; i < AUTO_MIN_FILES + 5; i++) {
      const name = `many/a${String(i).padStart(3, "0")}`;
      await writeFile(i % 2 ? `${dir}/${name}.txt` : `${dir}/${name}.md`, (i % 2 ? base : mutual).replace("three years", `${i} years`));
    }
    await writeFile(join(dir, "many/zz-empty.txt"), "");
  }, 180_000);

  const cli = async (...args: string[]) => {
    try {
      const r = await exec(process.execPath, [join(ROOT, "bin/trustlint.js"), ...args], { cwd: dir, maxBuffer: 64 << 20 });
      return { code: 0, out: r.stdout, err: r.stderr };
    } catch (e) {
      const x = e as { code: number; stdout: string; stderr: string };
      return { code: x.code, out: x.stdout, err: x.stderr };
    }
  };

  test("JSON is byte-identical with --concurrency off, 2 and auto, and a bad file does not stop the batch", async () => {
    const off = await cli("check", "-f", "json", "--concurrency", "off", "--debug", "many");
    const two = await cli("check", "-f", "json", "--concurrency", "2", "--debug", "many");
    const auto = await cli("check", "-f", "json", "--concurrency", "auto", "many");
    expect(off.err).toContain("in-process");
    expect(two.err).toContain("2 worker thread(s)");
    expect(off.code).toBe(2); // the empty file
    expect(two.code).toBe(2);
    const docs = JSON.parse(off.out).documents as { path: string; error: unknown }[];
    expect(docs).toHaveLength(AUTO_MIN_FILES + 6);
    expect(docs.filter((d) => d.error)).toHaveLength(1);
    expect(docs.map((d) => d.path)).toEqual([...docs.map((d) => d.path)].sort());
    expect(two.out).toBe(off.out);
    expect(auto.out).toBe(off.out);
  }, 120_000);

  test("terminal and CSV output are identical too, with the portfolio summary", async () => {
    const off = await cli("check", "--no-color", "--concurrency", "off", "many");
    const two = await cli("check", "--no-color", "--concurrency", "2", "many");
    expect(two.out).toBe(off.out);
    expect(off.out).toContain(`Portfolio: ${AUTO_MIN_FILES + 6} documents`);
    const csvOff = await cli("check", "-f", "csv", "--concurrency", "off", "many");
    const csvTwo = await cli("check", "-f", "csv", "--concurrency", "2", "many");
    expect(csvTwo.out).toBe(csvOff.out);
  }, 120_000);

  test("config and flags reach the workers (rule overrides, roles)", async () => {
    await writeFile(join(dir, "cfg.yaml"), "rules:\n  sv-no-shared-vision: off\n  ra-indemnity-one-way: low\n");
    const off = await cli("check", "-f", "json", "--concurrency", "off", "-c", "cfg.yaml", "--role", "Customer=supplier", "many");
    const two = await cli("check", "-f", "json", "--concurrency", "2", "-c", "cfg.yaml", "--role", "Customer=supplier", "many");
    // The message shows the worker run's exit code and stderr when it fails (it once came back empty in CI).
    expect(two.out, `exit ${two.code}: ${two.err.slice(0, 2000)}`).toBe(off.out);
    const text = off.out;
    expect(text).not.toContain("sv-no-shared-vision");
    expect(text).toContain('"severity": "low"');
  }, 120_000);
});
