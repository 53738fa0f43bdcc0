import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { triggerSources } from "../dist/engine/index.js";
import { loadPack } from "../dist/core/rule-files.js";

/**
 * `npm run bench -- <corpus-dir> [--runs N] [--limit N] [--pdf-limit N] [--out file]`
 *
 * Every target is a ratio against a baseline measured in the same run, because absolute times on a shared
 * machine are noise. Each timing is the median of --runs runs (wall clock around a child process, peak RSS from
 * /usr/bin/time -v). Prints a table and writes the numbers as JSON (default bench-results.json).
 */
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const BIN = join(ROOT, "bin", "trustlint.js");
const NODE = process.execPath;
/** Patterns per rg run: PCRE2 cannot compile the whole trigger set as one pattern. */
const RG_CHUNK = 100;

interface Sample {
  ms: number;
  rssMb: number;
  status: number | null;
}
interface Row {
  id: string;
  what: string;
  trustlint: number | null;
  baseline: number | null;
  ratio: number | null;
  target: string;
  pass: boolean | null;
  note?: string;
}

function parseArgs(argv: string[]) {
  const opts = { corpus: "", runs: 3, pdfLimit: Infinity, limit: Infinity, out: "bench-results.json" };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--runs") opts.runs = Number(argv[++i]);
    else if (a === "--pdf-limit") opts.pdfLimit = Number(argv[++i]);
    else if (a === "--limit") opts.limit = Number(argv[++i]);
    else if (a === "--out") opts.out = argv[++i]!;
    else opts.corpus = a;
  }
  if (!opts.corpus) throw new Error("usage: npm run bench -- <corpus-dir> [--runs N] [--limit N] [--pdf-limit N] [--out file]");
  return opts;
}

/** One run of a command under /usr/bin/time -v: wall time measured here, peak RSS from time's report. */
function once(cmd: string, args: string[], input?: string): Sample {
  const timed = existsSync("/usr/bin/time");
  const start = performance.now();
  const r = timed
    ? spawnSync("/usr/bin/time", ["-v", cmd, ...args], { input, maxBuffer: 1 << 30, stdio: ["pipe", "ignore", "pipe"] })
    : spawnSync(cmd, args, { input, maxBuffer: 1 << 30, stdio: ["pipe", "ignore", "pipe"] });
  const ms = performance.now() - start;
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr?.toString() ?? "");
  return { ms, rssMb: rss ? Number(rss[1]) / 1024 : NaN, status: r.status };
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

function measure(runs: number, cmd: string, args: string[], input?: string): { ms: number; rssMb: number; status: number | null } {
  const samples: Sample[] = [];
  for (let i = 0; i < runs; i++) samples.push(once(cmd, args, input));
  return { ms: median(samples.map((s) => s.ms)), rssMb: Math.max(...samples.map((s) => s.rssMb)), status: samples[0]!.status };
}

/** Removes look-behind groups `(?<=…)`/`(?<!…)` (balanced parentheses, escapes respected). */
export function dropLookbehinds(source: string): string {
  let out = "";
  for (let i = 0; i < source.length; i++) {
    if (source[i] === "\\") {
      out += source.slice(i, i + 2);
      i++;
      continue;
    }
    if (source.startsWith("(?<=", i) || source.startsWith("(?<!", i)) {
      let depth = 0;
      let inClass = false;
      for (; i < source.length; i++) {
        const c = source[i];
        if (c === "\\") i++;
        else if (inClass) inClass = c !== "]";
        else if (c === "[") inClass = true;
        else if (c === "(") depth++;
        else if (c === ")" && --depth === 0) break;
      }
      continue;
    }
    out += source[i];
  }
  return out;
}

/**
 * The grep floor must search for the same patterns. PCRE2 (rg -P) refuses variable-length look-behinds, which
 * V8 accepts; those patterns are searched without their look-behind (slightly less work for rg, so the ratio
 * errs against trustlint). A pattern PCRE2 still refuses is left out and counted.
 */
function rgPatterns(regexes: string[]): { patterns: string[]; rewritten: number; dropped: number } {
  const ok = (p: string) => spawnSync("rg", ["-P", "-i", "-q", "-e", p, "/dev/null"]).status !== 2;
  const patterns: string[] = [];
  let rewritten = 0;
  let dropped = 0;
  for (const r of regexes) {
    if (ok(r)) patterns.push(r);
    else if (ok(dropLookbehinds(r))) {
      patterns.push(dropLookbehinds(r));
      rewritten++;
    } else dropped++;
  }
  return { patterns, rewritten, dropped };
}

function have(tool: string): boolean {
  return spawnSync("sh", ["-c", `command -v ${tool}`]).status === 0;
}

/** The baselines are Debian packages; install them when missing (the bench runs as root in CI). */
function ensure(tool: string, pkg: string): boolean {
  if (have(tool)) return true;
  process.stderr.write(`bench: ${tool} missing, trying apt-get install -y ${pkg}\n`);
  spawnSync("apt-get", ["install", "-y", pkg], { stdio: "ignore" });
  return have(tool);
}

function row(
  id: string,
  what: string,
  t: number | null,
  b: number | null,
  target: string,
  ok: (ratio: number) => boolean,
  note?: string,
): Row {
  const ratio = t !== null && b !== null && b > 0 ? t / b : null;
  return { id, what, trustlint: t, baseline: b, ratio, target, pass: ratio === null ? null : ok(ratio), ...(note ? { note } : {}) };
}

function list(dir: string, ext: RegExp): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => ext.test(f))
    .sort()
    .map((f) => join(dir, f));
}

/**
 * A timing is only worth something if the run did the work: the report must hold one entry per input (a rule
 * error or a crash ends in seconds and would look like a great result).
 */
function validate(files: string[], extra: string[] = []): void {
  const out = join(mkdtempSync(join(tmpdir(), "trustlint-bench-check-")), "report.json");
  const r = spawnSync(NODE, [BIN, "check", "--format", "json", "--output", out, ...extra, ...files], {
    stdio: ["ignore", "ignore", "pipe"],
    maxBuffer: 1 << 30,
  });
  let documents = -1;
  try {
    documents = (JSON.parse(readFileSync(out, "utf8")) as { documents: unknown[] }).documents.length;
  } catch {
    // no report
  }
  if (documents !== files.length) {
    throw new Error(
      `trustlint did not report every input (exit ${r.status}, ${documents} of ${files.length}): ${r.stderr?.toString().split("\n")[0]}`,
    );
  }
}

function supportsConcurrency(): boolean {
  const r = spawnSync(NODE, [BIN, "check", "--help"]);
  return /--concurrency/.test(r.stdout?.toString() ?? "");
}

async function run(): Promise<number> {
  const opts = parseArgs(process.argv.slice(2));
  const corpus = resolve(opts.corpus);
  const txt = list(join(corpus, "txt"), /\.txt$/i).slice(0, opts.limit);
  const pdf = list(join(corpus, "pdf"), /\.pdf$/i).slice(0, opts.pdfLimit);
  const pack = await loadPack([], process.cwd());
  if (!pack.ok) throw new Error("the built-in rule pack does not load");
  const regexes = triggerSources(pack.value);
  const concurrency = supportsConcurrency();
  const tl = (files: string[], extra: string[] = []) => [BIN, "check", "--format", "json", "--output", "/dev/null", ...extra, ...files];
  const rows: Row[] = [];
  const rss: Record<string, number> = {};
  const log = (s: string) => process.stderr.write(`bench: ${s}\n`);

  // 1. text batch vs ripgrep with the same regexes (PCRE2 because the phrase patterns use look-ahead).
  if (txt.length && ensure("rg", "ripgrep")) {
    log(`text batch: ${txt.length} files, ${regexes.length} trigger regexes`);
    validate(txt);
    const t = measure(opts.runs, NODE, tl(txt));
    rss.text1x = t.rssMb;
    const rg = rgPatterns(regexes);
    // PCRE2 refuses all ~400 patterns as one ("regular expression is too large"), which made rg exit 2 at once
    // and look like a 26 ms floor; so rg runs once per chunk and the chunk times are added.
    const chunks: string[][] = [];
    for (let i = 0; i < rg.patterns.length; i += RG_CHUNK) chunks.push(rg.patterns.slice(i, i + RG_CHUNK));
    const passes = chunks.map((chunk) => measure(opts.runs, "rg", ["-P", "-i", "-c", ...chunk.flatMap((r) => ["-e", r]), ...txt]));
    const b = { ms: passes.reduce((sum, pass) => sum + pass.ms, 0), status: passes.some((pass) => pass.status === 2) ? 2 : 0 };
    const rgNote = [
      chunks.length > 1 ? `rg in ${chunks.length} passes of ≤ ${RG_CHUNK} patterns` : "",
      rg.rewritten ? `${rg.rewritten} look-behinds dropped for PCRE2` : "",
      rg.dropped ? `${rg.dropped} patterns PCRE2 refuses` : "",
      b.status === 2 ? "rg reported an error" : "",
    ]
      .filter(Boolean)
      .join("; ");
    rows.push(
      row(
        "1",
        `text batch (${txt.length} files) vs rg -P -i over ${rg.patterns.length} trigger regexes`,
        t.ms,
        b.ms,
        "≤ 10×",
        (r) => r <= 10,
        rgNote || undefined,
      ),
    );

    // 4. scaling: the same list ten times.
    log("scaling: 10× text batch");
    // trustlint checks each distinct path once, so the 10× list is ten temporary copies, not the list repeated.
    const copies = mkdtempSync(join(tmpdir(), "trustlint-bench-10x-"));
    const ten = Array.from({ length: 10 }, (_, k) =>
      txt.map((f, i) => {
        const copy = join(copies, `${k}-${i}.txt`);
        copyFileSync(f, copy);
        return copy;
      }),
    ).flat();
    validate(ten);
    const t10 = measure(Math.max(1, Math.min(opts.runs, 2)), NODE, tl(ten));
    rss.text10x = t10.rssMb;
    rows.push(row("4a", "scaling: text batch 10× vs 1× (time)", t10.ms, t.ms, "≤ 11", (r) => r <= 11));
    rows.push(
      row(
        "4b",
        `scaling: peak RSS 10× vs 1× (${t10.rssMb.toFixed(0)} MB vs ${t.rssMb.toFixed(0)} MB)`,
        t10.rssMb,
        t.rssMb,
        "≤ 1.5, < 300 MB",
        (r) => r <= 1.5 && t10.rssMb < 300,
      ),
    );

    // 5b. text: --concurrency auto must never be slower than off.
    if (concurrency) {
      log("workers: text auto vs off");
      const off = measure(opts.runs, NODE, tl(txt, ["--concurrency", "off"]));
      const auto = measure(opts.runs, NODE, tl(txt, ["--concurrency", "auto"]));
      rows.push(row("5b", "workers: text batch --concurrency auto vs off", auto.ms, off.ms, "≤ 1.0", (r) => r <= 1.0));
    } else rows.push(row("5b", "workers: text auto vs off", null, null, "≤ 1.0", () => false, "no --concurrency option yet"));
  }

  // 2. PDF batch vs pdftotext at the same parallelism; 5a. workers on PDFs.
  if (pdf.length && ensure("pdftotext", "poppler-utils")) {
    const p = concurrency ? 2 : 1;
    log(`PDF batch: ${pdf.length} files, parallelism ${p}`);
    validate(pdf);
    const t = measure(opts.runs, NODE, tl(pdf, concurrency ? ["--concurrency", String(p)] : []));
    const input = pdf.join("\0");
    const b = measure(opts.runs, "xargs", ["-0", "-P", String(p), "-I{}", "pdftotext", "-q", "{}", "/dev/null"], input);
    rows.push(row("2", `PDF batch (${pdf.length} files) vs pdftotext, parallelism ${p}`, t.ms, b.ms, "≤ 1.5×", (r) => r <= 1.5));
    if (concurrency) {
      log("workers: PDF 2 vs off");
      const off = measure(opts.runs, NODE, tl(pdf, ["--concurrency", "off"]));
      rows.push(row("5a", "workers: PDF batch --concurrency off vs 2 (speed-up)", off.ms, t.ms, "≥ 1.7×", (r) => r >= 1.7));
    } else rows.push(row("5a", "workers: PDF 2 vs off", null, null, "≥ 1.7×", () => false, "no --concurrency option yet"));
  }

  // 3. cold start.
  log("cold start");
  const nodeZero = measure(Math.max(opts.runs, 10), NODE, ["-e", "0"]);
  const version = measure(Math.max(opts.runs, 10), NODE, [BIN, "--version"]);
  rows.push(row("3", "cold start: trustlint --version vs node -e 0", version.ms, nodeZero.ms, "≤ 2×", (r) => r <= 2));

  // 6. one 100-page contract, built at bench time from corpus text (never stored in the repo).
  if (txt.length) {
    const target = 100 * 3000;
    let text = "";
    for (let i = 0; text.length < target; i++) text += `${readFileSync(txt[i % txt.length]!, "utf8")}\n\n`;
    const file = join(mkdtempSync(join(tmpdir(), "trustlint-bench-")), "hundred-pages.txt");
    writeFileSync(file, text.slice(0, target));
    log("one 100-page contract");
    validate([file]);
    const one = measure(Math.max(opts.runs, 5), NODE, tl([file]));
    rows.push(row("6", "one 100-page contract (300 KB text) end to end vs node -e 0", one.ms, nodeZero.ms, "report", () => true));
  }

  // 7. review vs check on the largest Word file of the standard forms beside the corpus (issue 16: under 2×).
  const standard = join(opts.corpus, "..", "standard");
  const docx = existsSync(standard)
    ? (readdirSync(standard, { recursive: true }) as string[])
        .filter((f) => /\.docx$/i.test(f))
        .sort()
        .map((f) => join(standard, f))
    : [];
  if (docx.length) {
    const largest = docx.map((f) => ({ f, size: readFileSync(f).length })).sort((a, b) => b.size - a.size || a.f.localeCompare(b.f))[0]!.f;
    const outDir = mkdtempSync(join(tmpdir(), "trustlint-bench-review-"));
    log("review vs check on one Word file");
    const check = measure(Math.max(opts.runs, 5), NODE, [
      BIN,
      "check",
      "--no-config",
      "--format",
      "json",
      "--output",
      "/dev/null",
      largest,
    ]);
    const review = measure(Math.max(opts.runs, 5), NODE, [BIN, "review", "--no-config", "-o", join(outDir, "reviewed.docx"), largest]);
    rows.push(row("7", `review vs check on one Word file (${largest.split("/").pop()})`, review.ms, check.ms, "≤ 2×", (r) => r <= 2));
  }

  const sample = `${txt.length} texts, ${pdf.length} PDFs`;
  const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? "cpu"}, ${(totalmem() / 1024 ** 3).toFixed(1)} GB RAM, Node ${process.version}, load ${loadAvg()}`;
  const table = render(rows, `${machine}; ${sample}`, opts.runs);
  process.stdout.write(table);
  writeFileSync(opts.out, `${JSON.stringify({ machine, runs: opts.runs, corpus: opts.corpus, sample, rss, rows }, null, 2)}\n`);
  return 0;
}

function loadAvg(): string {
  try {
    return readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");
  } catch {
    return "n/a";
  }
}

function fmt(n: number | null, unit: string): string {
  if (n === null) return "–";
  return unit === "ms" ? `${Math.round(n)} ms` : `${n.toFixed(0)} MB`;
}

function render(rows: Row[], machine: string, runs: number): string {
  const lines = [
    `Machine: ${machine}; median of ${runs} runs`,
    "",
    "| # | measurement | trustlint | baseline | ratio | target | met |",
    "|---|---|---|---|---|---|---|",
  ];
  for (const r of rows) {
    const unit = r.id === "4b" ? "MB" : "ms";
    const met = r.pass === null ? "n/a" : r.target === "report" ? "–" : r.pass ? "yes" : "**no**";
    lines.push(
      `| ${r.id} | ${r.what}${r.note ? ` (${r.note})` : ""} | ${fmt(r.trustlint, unit)} | ${fmt(r.baseline, unit)} | ${r.ratio === null ? "–" : `${r.ratio.toFixed(2)}×`} | ${r.target} | ${met} |`,
    );
  }
  return `${lines.join("\n")}\n`;
}

run().then(
  (code) => process.exit(code),
  (e: Error) => {
    process.stderr.write(`bench: ${e.message}\n`);
    process.exit(2);
  },
);
