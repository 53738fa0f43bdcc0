import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, extname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { prng } from "../dist/shared/prng.js";

/**
 * `npm run mutate -- <corpus-dir> [--sample N] [--per-file N] [--seed S] [--limit-ms MS] [--batch N]`
 *
 * Damages real files (PDF, DOCX, and text/Markdown/HTML) the way disks, mail gateways and half-finished
 * downloads do — byte flips, truncation, zeroed ranges, shuffled or dropped zip entries — with a seeded PRNG
 * so a failure can be replayed, then runs the built CLI over the damaged copies in small batches. Each copy
 * must end as a result or a clean one-line error; a crash (exit other than 0/1/2, a stack trace, a batch that
 * loses files) or a hang (no exit within the per-file limit) fails the run.
 */
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const BIN = join(ROOT, "bin", "trustlint.js");
const EXTENSIONS = /\.(pdf|docx|txt|md|html?)$/i;

type Mutation = { name: string; apply: (bytes: Uint8Array, rand: () => number) => Uint8Array };

const int = (rand: () => number, n: number) => Math.floor(rand() * n);

const MUTATIONS: Mutation[] = [
  {
    name: "flip-bytes",
    apply: (b, rand) => {
      const out = new Uint8Array(b);
      const n = 1 + int(rand, 64);
      for (let i = 0; i < n && out.length; i++) {
        const at = int(rand, out.length);
        out[at] = out[at]! ^ (1 << int(rand, 8));
      }
      return out;
    },
  },
  { name: "truncate", apply: (b, rand) => b.slice(0, int(rand, b.length)) },
  {
    name: "zero-range",
    apply: (b, rand) => {
      const out = new Uint8Array(b);
      const start = int(rand, out.length);
      out.fill(0, start, Math.min(out.length, start + 1 + int(rand, 4096)));
      return out;
    },
  },
  {
    name: "random-block",
    apply: (b, rand) => {
      const out = new Uint8Array(b);
      const start = int(rand, out.length);
      const end = Math.min(out.length, start + 1 + int(rand, 4096));
      for (let i = start; i < end; i++) out[i] = int(rand, 256);
      return out;
    },
  },
  {
    name: "duplicate-range",
    apply: (b, rand) => {
      const start = int(rand, b.length);
      const len = int(rand, Math.min(65536, b.length - start + 1));
      const out = new Uint8Array(b.length + len);
      out.set(b.subarray(0, start + len), 0);
      out.set(b.subarray(start), start + len);
      return out;
    },
  },
  { name: "shuffle-zip", apply: (b, rand) => shuffleZip(b, rand, false) },
  { name: "drop-zip-entry", apply: (b, rand) => shuffleZip(b, rand, true) },
];

interface ZipEntry {
  name: string;
  local: Uint8Array;
}

/**
 * Re-packs a zip (a .docx) with its entries in a random order (or one dropped), rewriting the central
 * directory so the archive stays well-formed: the reader must cope with order and missing parts, not only
 * with garbage. Not a zip → returned unchanged (another mutation covers garbage).
 */
function shuffleZip(bytes: Uint8Array, rand: () => number, drop: boolean): Uint8Array {
  const entries = readZip(bytes);
  if (!entries || entries.length < 2) return bytes;
  for (let i = entries.length - 1; i > 0; i--) {
    const j = int(rand, i + 1);
    [entries[i], entries[j]] = [entries[j]!, entries[i]!];
  }
  if (drop) entries.splice(int(rand, entries.length), 1);
  return writeZip(entries);
}

function readZip(bytes: Uint8Array): ZipEntry[] | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const entries: ZipEntry[] = [];
  let at = 0;
  while (at + 30 <= bytes.length && view.getUint32(at, true) === 0x04034b50) {
    const flags = view.getUint16(at + 6, true);
    const compressedSize = view.getUint32(at + 18, true);
    const nameLen = view.getUint16(at + 26, true);
    const extraLen = view.getUint16(at + 28, true);
    if (flags & 0x08) return null; // sizes in a data descriptor: not worth parsing here
    const end = at + 30 + nameLen + extraLen + compressedSize;
    if (end > bytes.length) return null;
    entries.push({ name: Buffer.from(bytes.subarray(at + 30, at + 30 + nameLen)).toString("latin1"), local: bytes.slice(at, end) });
    at = end;
  }
  return entries.length ? entries : null;
}

function writeZip(entries: ZipEntry[]): Uint8Array {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const local = Buffer.from(e.local);
    const cd = Buffer.alloc(46 + local.readUInt16LE(26));
    cd.writeUInt32LE(0x02014b50, 0);
    cd.writeUInt16LE(20, 4);
    local.copy(cd, 6, 4, 30); // version needed … extra length: the local header's fields, same order
    cd.writeUInt16LE(0, 30); // extra length in the central record
    cd.writeUInt16LE(0, 32);
    cd.writeUInt16LE(0, 34);
    cd.writeUInt16LE(0, 36);
    cd.writeUInt32LE(0, 38);
    cd.writeUInt32LE(offset, 42);
    local.copy(cd, 46, 30, 30 + local.readUInt16LE(26));
    central.push(cd);
    parts.push(local);
    offset += local.length;
  }
  const cdSize = central.reduce((n, c) => n + c.length, 0);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(entries.length, 8);
  eocd.writeUInt16LE(entries.length, 10);
  eocd.writeUInt32LE(cdSize, 12);
  eocd.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...parts, ...central, eocd]));
}

function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      const s = statSync(p);
      if (s.isDirectory()) walk(p);
      else if (EXTENSIONS.test(name) && s.size > 0) out.push(p);
    }
  };
  walk(dir);
  return out;
}

interface Outcome {
  file: string;
  mutation: string;
  result: "result" | "clean-error" | "crash" | "hang";
  detail?: string;
}

/** Runs the CLI over a batch; classifies each file from the JSON report and stderr. */
function runBatch(files: { path: string; origin: string; mutation: string }[], limitMs: number): Promise<Outcome[]> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [BIN, "check", "--format", "json", "--timeout", String(limitMs), ...files.map((f) => f.path)], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (c: Buffer) => (out += c.toString()));
    child.stderr.on("data", (c: Buffer) => (err += c.toString()));
    // The batch as a whole gets the per-file limit times its size, plus start-up.
    const timer = setTimeout(() => child.kill("SIGKILL"), limitMs * files.length + 5000);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      const all = (result: Outcome["result"], detail: string) =>
        files.map((f) => ({ file: f.origin, mutation: f.mutation, result, detail }));
      if (signal === "SIGKILL") return done(all("hang", `no exit within ${limitMs} ms per file`));
      if (code === null || code > 2) return done(all("crash", `exit ${code ?? signal}: ${err.split("\n")[0]}`));
      if (/\n\s+at .+:\d+:\d+\)?\n/.test(err)) return done(all("crash", `stack trace on stderr: ${err.split("\n")[0]}`));
      let report: { documents: { path: string; error: { code: string } | null }[] };
      try {
        report = JSON.parse(out);
      } catch {
        return done(all("crash", `no JSON report (exit ${code}): ${err.split("\n")[0]}`));
      }
      const lines = err.split("\n").filter(Boolean);
      done(
        files.map((f) => {
          const d = report.documents.find((x) => x.path === f.path);
          if (!d) return { file: f.origin, mutation: f.mutation, result: "crash", detail: "missing from the batch report" };
          if (!d.error) return { file: f.origin, mutation: f.mutation, result: "result" };
          if (d.error.code === "INTERNAL")
            return { file: f.origin, mutation: f.mutation, result: "crash", detail: lines.find((l) => l.includes(f.path)) ?? "INTERNAL" };
          const line = lines.find((l) => l.includes(f.path));
          return line
            ? { file: f.origin, mutation: f.mutation, result: "clean-error", detail: d.error.code }
            : { file: f.origin, mutation: f.mutation, result: "crash", detail: "error without a stderr line" };
        }),
      );
    });
  });
}

async function run(argv: string[]): Promise<number> {
  const opts = { corpus: "", sample: Infinity, perFile: 4, seed: 1, limitMs: 20_000, batch: 8 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--sample") opts.sample = Number(argv[++i]);
    else if (a === "--per-file") opts.perFile = Number(argv[++i]);
    else if (a === "--seed") opts.seed = Number(argv[++i]);
    else if (a === "--limit-ms") opts.limitMs = Number(argv[++i]);
    else if (a === "--batch") opts.batch = Number(argv[++i]);
    else opts.corpus = a;
  }
  if (!opts.corpus)
    throw new Error("usage: npm run mutate -- <corpus-dir> [--sample N] [--per-file N] [--seed S] [--limit-ms MS] [--batch N]");
  const rand = prng(opts.seed);
  let files = listFiles(resolve(opts.corpus));
  // Binary formats first: they are what the issue is about; a sample keeps a mix of both kinds.
  const binary = files.filter((f) => /\.(pdf|docx)$/i.test(f));
  const text = files.filter((f) => !/\.(pdf|docx)$/i.test(f));
  if (Number.isFinite(opts.sample)) {
    const pick = (list: string[], n: number) => {
      const copy = [...list];
      const out: string[] = [];
      while (out.length < n && copy.length) out.push(copy.splice(int(rand, copy.length), 1)[0]!);
      return out;
    };
    const nBinary = Math.min(binary.length, Math.ceil(opts.sample * 0.75));
    files = [...pick(binary, nBinary), ...pick(text, opts.sample - nBinary)];
  }
  const work = mkdtempSync(join(tmpdir(), "trustlint-mutate-"));
  const copies: { path: string; origin: string; mutation: string }[] = [];
  for (const file of files) {
    const bytes = new Uint8Array(readFileSync(file));
    const isZip = extname(file).toLowerCase() === ".docx";
    const usable = MUTATIONS.filter((m) => isZip || !m.name.includes("zip"));
    for (let k = 0; k < opts.perFile; k++) {
      const m = usable[int(rand, usable.length)]!;
      const damaged = m.apply(bytes, rand);
      const name = `${copies.length.toString().padStart(5, "0")}-${m.name}-${basename(file).replace(/[^\w.-]+/g, "_")}`;
      const p = join(work, name);
      writeFileSync(p, damaged);
      copies.push({ path: p, origin: file, mutation: m.name });
    }
  }
  process.stderr.write(`mutate: ${files.length} files → ${copies.length} damaged copies in ${work} (seed ${opts.seed})\n`);
  const outcomes: Outcome[] = [];
  for (let i = 0; i < copies.length; i += opts.batch) {
    outcomes.push(...(await runBatch(copies.slice(i, i + opts.batch), opts.limitMs)));
    process.stderr.write(`\rmutate: ${outcomes.length}/${copies.length}`);
  }
  process.stderr.write("\n");
  const count = (r: Outcome["result"]) => outcomes.filter((o) => o.result === r).length;
  const codes = new Map<string, number>();
  for (const o of outcomes) if (o.result === "clean-error") codes.set(o.detail!, (codes.get(o.detail!) ?? 0) + 1);
  const summary = {
    files: files.length,
    copies: copies.length,
    results: count("result"),
    cleanErrors: count("clean-error"),
    crashes: count("crash"),
    hangs: count("hang"),
    errorCodes: Object.fromEntries([...codes.entries()].sort()),
    seed: opts.seed,
  };
  process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
  for (const o of outcomes.filter((x) => x.result === "crash" || x.result === "hang"))
    process.stdout.write(`${o.result.toUpperCase()} ${o.mutation} ${o.file}: ${o.detail}\n`);
  if (summary.crashes === 0 && summary.hangs === 0) rmSync(work, { recursive: true, force: true });
  else process.stderr.write(`mutate: damaged copies kept in ${work}\n`);
  return summary.crashes || summary.hangs ? 1 : 0;
}

run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: Error) => {
    process.stderr.write(`mutate: ${e.message}\n`);
    process.exit(2);
  },
);
