import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { WorkerPool } from "../src/cli/batch/pool.js";

/** A plain-JS worker answering {id, n} with {id, double}; n < 0 makes it allocate until its heap cap is hit. */
const SCRIPT = `
import { parentPort } from "node:worker_threads";
parentPort.on("message", ({ id, n }) => {
  if (n < 0) { const hog = []; for (;;) hog.push(new Array(1e5).fill(id)); }
  parentPort.postMessage({ id, double: n * 2 });
});
`;

async function script(): Promise<URL> {
  const file = join(await mkdtemp(join(tmpdir(), "trustlint-pool-")), "worker.mjs");
  await writeFile(file, SCRIPT);
  return pathToFileURL(file);
}

describe("worker pool", () => {
  it("answers every job in order of submission, one job per worker at a time", async () => {
    const pool = new WorkerPool<{ n: number }, number>(await script(), 2, null, (m) => (m as { double: number }).double);
    try {
      const results = await Promise.all([1, 2, 3, 4, 5].map((n) => pool.run({ n })));
      expect(results).toEqual([2, 4, 6, 8, 10]);
    } finally {
      await pool.close();
    }
  });

  it("fails a job whose worker runs out of its capped heap with ERR_WORKER_OUT_OF_MEMORY, and goes on with a fresh worker", async () => {
    const pool = new WorkerPool<{ n: number }, number>(await script(), 1, null, (m) => (m as { double: number }).double, 1, {
      maxOldGenerationSizeMb: 16,
    });
    try {
      await expect(pool.run({ n: -1 })).rejects.toMatchObject({ code: "ERR_WORKER_OUT_OF_MEMORY" });
      expect(await pool.run({ n: 21 })).toBe(42);
    } finally {
      await pool.close();
    }
  }, 60_000);
});

/** A document worker: answers {id, path} with {id, report}; path "hog" allocates until its heap cap is hit. */
const DOC_SCRIPT = `
import { parentPort } from "node:worker_threads";
parentPort.on("message", ({ id, path }) => {
  if (path === "hog") { const hog = []; for (;;) hog.push(new Array(1e5).fill(id)); }
  parentPort.postMessage({ id, report: { path, format: "text", error: null, parties: [], score: null, facts: [], findings: [] } });
});
`;

describe("document workers out of memory (issue item 1)", () => {
  it("retries once with a larger heap, then reports the document as INPUT_TOO_LARGE and goes on; never in the main thread", async () => {
    const file = join(await mkdtemp(join(tmpdir(), "trustlint-pool-")), "doc-worker.mjs");
    await writeFile(file, DOC_SCRIPT);
    const { cappedRunner } = await import("../src/cli/batch/run.js");
    const runner = cappedRunner(pathToFileURL(file), 1, null, { firstMb: 16, retryMb: 24 });
    try {
      const [a, hog, b] = await Promise.all([runner.run("a.txt"), runner.run("hog"), runner.run("b.txt")]);
      expect([a.path, a.error]).toEqual(["a.txt", null]);
      expect(b.error).toBeNull();
      expect(hog.error).toMatchObject({ code: "INPUT_TOO_LARGE", path: "hog" });
      expect(hog.error?.message).toMatch(/ran out of memory \(worker heap limit 24 MB\)/);
    } finally {
      await runner.close();
    }
  }, 60_000);
});
