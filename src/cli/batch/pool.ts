import { Worker } from "node:worker_threads";

interface Job<In, Out> {
  input: In;
  resolve: (out: Out) => void;
  reject: (e: Error) => void;
}

/**
 * A fixed set of worker threads fed from one queue, one job per worker at a time. Reusable for any
 * `{id, ...input} → {id, ...output}` worker script. A worker that dies fails its job and is replaced, so one
 * pathological file cannot stall the batch.
 */
export class WorkerPool<In extends object, Out> {
  private readonly idle: Worker[] = [];
  private readonly busy = new Map<Worker, { id: number; job: Job<In, Out> }>();
  private readonly queue: Job<In, Out>[] = [];
  private nextId = 0;
  private closed = false;

  constructor(
    private readonly script: URL,
    readonly size: number,
    private readonly workerData: unknown,
    private readonly pick: (message: unknown) => Out,
  ) {
    for (let i = 0; i < size; i++) this.idle.push(this.spawn());
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
    const all = [...this.idle, ...this.busy.keys()];
    this.idle.length = 0;
    await Promise.all(all.map((w) => w.terminate()));
  }

  private spawn(): Worker {
    const w = new Worker(this.script, { workerData: this.workerData });
    w.on("message", (msg: { id: number }) => {
      const current = this.busy.get(w);
      if (!current || current.id !== msg.id) return;
      this.busy.delete(w);
      this.idle.push(w);
      current.job.resolve(this.pick(msg));
      this.dispatch();
    });
    const fail = (e: Error) => {
      const current = this.busy.get(w);
      this.busy.delete(w);
      const i = this.idle.indexOf(w);
      if (i >= 0) this.idle.splice(i, 1);
      if (current) current.job.reject(e);
      if (!this.closed) {
        this.idle.push(this.spawn());
        this.dispatch();
      }
    };
    w.on("error", fail);
    w.on("exit", (code) => {
      if (!this.closed && (this.busy.has(w) || this.idle.includes(w))) fail(new Error(`worker exited with code ${code}`));
    });
    return w;
  }

  private dispatch(): void {
    while (this.idle.length && this.queue.length) {
      const w = this.idle.pop()!;
      const job = this.queue.shift()!;
      const id = this.nextId++;
      this.busy.set(w, { id, job });
      w.postMessage({ ...job.input, id });
    }
  }
}
