import { Worker, type ResourceLimits } from "node:worker_threads";

interface Job<In, Out> {
  input: In;
  resolve: (out: Out) => void;
  reject: (e: Error) => void;
}

/**
 * A fixed set of worker threads fed from one queue. Each worker holds up to `depth` jobs. The default is one:
 * a message round trip costs well under a millisecond, while a job queued behind a slow document (one 154-page
 * CUAD filing takes 14 s in pdf.js) waits for all of it even when the other worker is idle. Reusable for any worker script that
 * answers `{id, ...input}` with `{id, ...output}`. A worker that dies fails its jobs and is replaced, so one
 * pathological file cannot stall the batch.
 */
export class WorkerPool<In extends object, Out> {
  private readonly workers = new Map<Worker, Map<number, Job<In, Out>>>();
  private readonly queue: Job<In, Out>[] = [];
  private nextId = 0;
  private closed = false;

  constructor(
    private readonly script: URL,
    readonly size: number,
    private readonly workerData: unknown,
    private readonly pick: (message: unknown) => Out,
    private readonly depth = 1,
    private readonly resourceLimits?: ResourceLimits,
  ) {
    for (let i = 0; i < size; i++) this.spawn();
  }

  run(input: In): Promise<Out> {
    if (this.closed) return Promise.reject(new Error("worker pool is closed"));
    return new Promise<Out>((resolve, reject) => {
      this.queue.push({ input, resolve, reject });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    const all = [...this.workers.keys()];
    this.workers.clear();
    await Promise.all(all.map((w) => w.terminate()));
  }

  private spawn(): void {
    const w = new Worker(this.script, {
      workerData: this.workerData,
      ...(this.resourceLimits ? { resourceLimits: this.resourceLimits } : {}),
    });
    this.workers.set(w, new Map());
    w.on("message", (msg: { id: number }) => {
      const jobs = this.workers.get(w);
      const job = jobs?.get(msg.id);
      if (!job) return;
      jobs!.delete(msg.id);
      job.resolve(this.pick(msg));
      this.dispatch();
    });
    const fail = (e: Error) => {
      const jobs = this.workers.get(w);
      if (!jobs) return; // already handled (error then exit) or closing
      this.workers.delete(w);
      for (const job of jobs.values()) job.reject(e);
      if (!this.closed) {
        this.spawn();
        this.dispatch();
      }
    };
    w.on("error", fail);
    w.on("exit", (code) => fail(new Error(`worker exited with code ${code}`)));
  }

  private dispatch(): void {
    // Fill the least busy worker first, so work spreads evenly before anyone gets a second job.
    while (this.queue.length) {
      let best: [Worker, Map<number, Job<In, Out>>] | null = null;
      for (const entry of this.workers) if (entry[1].size < this.depth && (!best || entry[1].size < best[1].size)) best = entry;
      if (!best) return;
      const job = this.queue.shift()!;
      const id = this.nextId++;
      best[1].set(id, job);
      best[0].postMessage({ ...job.input, id });
    }
  }
}
