import { existsSync } from "node:fs";
import { availableParallelism, cpus } from "node:os";
import { fileURLToPath } from "node:url";
import type { RulePack } from "../../engine/index.js";
import type { DocumentReport } from "../../model/report.js";
import { appError } from "../../shared/errors.js";
import type { Io } from "../io.js";
import { errorReport } from "../../core/pipeline.js";
import { fileSizes, LargestFirst } from "./largest-first.js";
import { WorkerPool } from "./pool.js";
import { analysePath } from "./read.js";
import type { AnalysisSettings } from "./settings.js";

/**
 * `{forced: n}` comes only from the command line (`--concurrency 16!`); a plain number, from the command line
 * or a repository's config, is capped at the core count: a config asking for 150 workers on 300 files took
 * 5.4 GB, and threads beyond the cores only add memory and contention.
 */
export type Concurrency = "auto" | "off" | number | { forced: number };

/**
 * Below this many files `auto` stays in the main thread: starting a worker costs about as much as analysing
 * a few dozen contracts (each worker loads the modules again). ESLint uses the same idea.
 */
export const AUTO_MIN_FILES = 40;
const AUTO_MAX_WORKERS = 4;

/**
 * How many worker threads to start (0 = analyse in the main thread). `auto` counts only the cores that are idle
 * right now: on a busy machine (a shared CI runner) extra threads only add start-up cost and contention, and one
 * worker alone gains nothing over the main thread, so `auto` never goes below two. Idle cores are measured, not
 * read from the load average: the 1-minute average still shows the run that just ended (a previous CI step, the
 * last check) as a busy core for a minute, which kept `auto` in-process on an idle 2-core machine, 1.45× slower.
 */
export function workerCount(concurrency: Concurrency, files: number, cores = availableParallelism(), idle = cores): number {
  if (concurrency === "off") return 0;
  if (concurrency === "auto") {
    if (files < AUTO_MIN_FILES) return 0;
    const n = Math.min(cores, Math.floor(idle + 0.3), AUTO_MAX_WORKERS, Math.ceil(files / (AUTO_MIN_FILES / 2)));
    return n >= 2 ? n : 0;
  }
  if (typeof concurrency === "object") return Math.max(0, Math.min(concurrency.forced, files));
  return Math.max(0, Math.min(concurrency, files, cores));
}

/** Idle cores over a short window (the whole machine, from the kernel's per-CPU counters). */
export async function idleCores(windowMs = 100): Promise<number> {
  const sample = () =>
    cpus().reduce(
      (acc, c) => ({
        idle: acc.idle + c.times.idle,
        total: acc.total + c.times.idle + c.times.user + c.times.nice + c.times.sys + c.times.irq,
      }),
      { idle: 0, total: 0 },
    );
  const before = sample();
  await new Promise((r) => setTimeout(r, windowMs));
  const after = sample();
  const total = after.total - before.total;
  const cores = cpus().length;
  return total > 0 ? (cores * (after.idle - before.idle)) / total : cores;
}

const WORKER_SCRIPT = new URL("./worker.js", import.meta.url);

/**
 * Each worker's old-generation heap is capped. Uncapped, V8 lets every isolate's heap grow lazily with the
 * amount of work: 600 contracts on 2 workers peaked at 325 MB against 237 MB for 60 (in-process: 148 MB for
 * both). Capped at 128 MB the same run peaks at 279 MB. A document that needs more than the cap is not lost:
 * it is analysed again in one worker with a larger cap, and if that runs out too it is that document's
 * INPUT_TOO_LARGE error. It is never retried in the main thread: a document that exhausts a worker's heap
 * would take the whole process (and every other report) with it there.
 */
const WORKER_HEAP_MB = 128;
const WORKER_RETRY_HEAP_MB = 1536;
/**
 * The young generation of the small workers is capped too. V8 sizes it from the machine's memory, so on a
 * 23 GB machine each worker kept far more young space than a document's short-lived strings need: 1,000
 * contracts on 2 workers peaked at 325 MB RSS, 100 at 278 MB. Capped at 16 MB: 292 MB and 240 MB, in the
 * same time (docs/performance.md, check of 2026-12-03); by 2026-12-04 the same run was back at 302 MB, and 8 MB
 * brings it to 290 MB in the same time (check of 2026-12-04). The retry worker keeps V8's default.
 */
const WORKER_YOUNG_MB = 8;

/** Compiled JS only: under a TypeScript test runner there is no worker.js, and the batch runs in-process. */
function workersAvailable(): boolean {
  return existsSync(fileURLToPath(WORKER_SCRIPT));
}

export interface BatchRun {
  /** Worker threads actually used. */
  workers: number;
  /** Reports in input order, each yielded as soon as it and every earlier one are done. */
  reports: AsyncGenerator<DocumentReport>;
}

/**
 * Analyses `paths` and yields reports in input order. With workers, at most a window of reports is held
 * while an earlier, slower document finishes, so memory stays bounded however large the portfolio.
 */
export async function runBatch(
  paths: readonly string[],
  settings: AnalysisSettings,
  pack: RulePack,
  io: Io,
  concurrency: Concurrency,
): Promise<BatchRun> {
  const files = paths.filter((p) => p !== "-").length;
  // Measuring takes 100 ms, so only when `auto` could choose workers (a batch of 40+ files takes seconds).
  const idle = concurrency === "auto" && files >= AUTO_MIN_FILES ? await idleCores() : undefined;
  const wanted = workerCount(concurrency, files, availableParallelism(), idle);
  const workers = wanted > 0 && workersAvailable() ? wanted : 0;
  if (workers === 0) return { workers, reports: inProcess(paths, settings, pack, io) };
  return { workers, reports: withWorkers(paths, settings, pack, io, workers) };
}

async function* inProcess(paths: readonly string[], settings: AnalysisSettings, pack: RulePack, io: Io): AsyncGenerator<DocumentReport> {
  for (const path of paths) yield await analysePath(path, io, pack, settings);
}

/** Heap caps, small then large; tests pass smaller ones. */
export interface HeapCaps {
  firstMb: number;
  retryMb: number;
  /** Young-generation cap of the small workers; V8's default when absent. */
  youngMb?: number;
}

function outOfMemoryError(path: string, heapMb: number): DocumentReport {
  return errorReport(
    path,
    appError("INPUT_TOO_LARGE", `analysing the document ran out of memory (worker heap limit ${heapMb} MB)`, {
      path,
      hint: "split the document, or check that it is really a contract",
    }),
  );
}

/**
 * Worker pool for documents: `size` workers with the small heap cap, plus one worker with the large cap, started
 * only when a document runs out of memory in a small one. A document that exhausts the large one too becomes
 * its own INPUT_TOO_LARGE report; the batch goes on.
 */
export function cappedRunner(
  script: URL,
  size: number,
  workerData: unknown,
  caps: HeapCaps,
): { run: (path: string) => Promise<DocumentReport>; close: () => Promise<void> } {
  const pick = (m: unknown) => (m as { report: DocumentReport }).report;
  const pool = new WorkerPool<{ path: string }, DocumentReport>(script, size, workerData, pick, 1, {
    maxOldGenerationSizeMb: caps.firstMb,
    ...(caps.youngMb ? { maxYoungGenerationSizeMb: caps.youngMb } : {}),
  });
  const state: { big: WorkerPool<{ path: string }, DocumentReport> | null } = { big: null };
  const failed = (path: string, e: Error) => errorReport(path, appError("INTERNAL", `worker failed: ${e.message}`, { path }));
  const retry = (path: string): Promise<DocumentReport> => {
    state.big ??= new WorkerPool<{ path: string }, DocumentReport>(script, 1, workerData, pick, 1, {
      maxOldGenerationSizeMb: caps.retryMb,
    });
    return state.big
      .run({ path })
      .catch((e: Error & { code?: string }) =>
        e.code === "ERR_WORKER_OUT_OF_MEMORY" ? outOfMemoryError(path, caps.retryMb) : failed(path, e),
      );
  };
  return {
    run: (path) =>
      pool.run({ path }).catch((e: Error & { code?: string }) => (e.code === "ERR_WORKER_OUT_OF_MEMORY" ? retry(path) : failed(path, e))),
    close: async () => {
      await Promise.all([pool.close(), state.big?.close()]);
    },
  };
}

async function* withWorkers(
  paths: readonly string[],
  settings: AnalysisSettings,
  pack: RulePack,
  io: Io,
  size: number,
): AsyncGenerator<DocumentReport> {
  const pool = cappedRunner(
    WORKER_SCRIPT,
    size,
    { settings, pack },
    {
      firstMb: WORKER_HEAP_MB,
      retryMb: WORKER_RETRY_HEAP_MB,
      youngMb: WORKER_YOUNG_MB,
    },
  );
  // The reorder window bounds how far the workers may run ahead of the oldest unfinished document. It must be
  // wide enough that one slow document does not idle the other workers: with 4 per worker, the other worker
  // ran out of work 8 documents after a 14 s PDF. With this window and one job per worker, 2 workers went from
  // 1.1× to ~1.5× faster than in-process on CUAD PDFs (README, Performance). Reports are a few kB each.
  // Within the window the largest file goes first (./largest-first.ts).
  const window = Math.max(64, size * 16);
  const waiting = new LargestFirst(await fileSizes(paths, io));
  const reports = new Map<number, Slot>();
  let entered = 0;
  let emittedUpTo = 0;
  let running = 0;
  // One document per worker at a time, so the choice of the next one is made when a worker is free.
  const startNext = () => {
    while (running < size) {
      const i = waiting.take();
      if (i === undefined) return;
      running++;
      reports.get(i)!.fill(
        pool.run(paths[i]!).finally(() => {
          running--;
          startNext();
        }),
      );
    }
  };
  const enter = () => {
    while (entered < paths.length && entered < emittedUpTo + window) {
      const i = entered++;
      const path = paths[i]!;
      const slot = new Slot();
      reports.set(i, slot);
      // Standard input belongs to the main thread.
      if (path === "-") slot.fill(analysePath(path, io, pack, settings));
      else waiting.add(i);
    }
    startNext();
  };
  try {
    for (; emittedUpTo < paths.length; emittedUpTo++) {
      enter();
      const report = await reports.get(emittedUpTo)!.report;
      reports.delete(emittedUpTo);
      yield report;
    }
  } finally {
    await pool.close();
  }
}

/** A report that will come from whichever job is started for it later. */
class Slot {
  fill!: (job: Promise<DocumentReport>) => void;
  readonly report = new Promise<DocumentReport>((resolve) => {
    this.fill = resolve;
  });
}
