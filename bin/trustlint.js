#!/usr/bin/env node
// The only file, with src/cli, that touches the process: run main, set the exit code, never print a stack
// trace for an expected error.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

// dist/ is built by `npm run build` (.ci/run builds once after `npm ci`; the package ships it built).
if (!existsSync(new URL("../dist/cli/main.js", import.meta.url))) {
  process.stderr.write("trustlint: the CLI is not built (dist/ is missing): run `npm run build` in the trustlint folder\n");
  process.exit(2);
}

// No V8 flags are changed at run time. `--no-regexp-tier-up`, set here from 2026-11-23 to save ~0.15 s of regex
// compilation per start, made node crash with SIGSEGV in about 1 run in 40 under load: a core dump showed V8's
// native regex entry running interpreter code (Builtins_RegExpInterpreterTrampoline under
// NativeRegExpMacroAssembler::Match). Node documents that flags changed after start-up may crash the process.
//
// Given when node starts, the same flag is safe, and it nearly halves the time an analysis takes (the same 40 CUAD
// texts: 11.8 s as node starts by default, 6.7 s with the flag, identical findings; docs/performance.md). Why V8's
// tier-up from regex bytecode to machine code costs this rule pack so much is not known yet. So a command that
// analyses contracts starts node again once with the flag, which costs one node start (0.1-0.15 s on the CI machine). Commands that analyse nothing (--version,
// --help, explain, init, print-config, schema, merge) run here directly. TRUSTLINT_NO_RESTART=1 turns this off.
const args = process.argv.slice(2);
const ANALYSES_NOTHING = new Set(["explain", "init", "print-config", "schema", "merge", "help"]);
const analyses =
  !args.some((a) => a === "--version" || a === "-V" || a === "--help" || a === "-h") && !ANALYSES_NOTHING.has(args[0] ?? "help");
if (analyses && process.env.TRUSTLINT_NO_RESTART !== "1" && !process.execArgv.includes("--no-regexp-tier-up")) {
  const child = spawn(process.execPath, ["--no-regexp-tier-up", ...process.execArgv, fileURLToPath(import.meta.url), ...args], {
    stdio: "inherit",
  });
  // A signal sent to this process is the run's: pass it on, so the child cleans up (no half-written report) and ends.
  for (const signal of ["SIGTERM", "SIGINT", "SIGHUP"]) process.on(signal, () => child.kill(signal));
  const [code, signal] = await new Promise((done) => {
    child.on("error", (error) => {
      process.stderr.write(`trustlint: INTERNAL cannot start node again (${error.message}); set TRUSTLINT_NO_RESTART=1\n`);
      done([2, null]);
    });
    child.on("exit", (c, s) => done([c, s]));
  });
  // The child's own end, whether an exit code or a signal it did not handle.
  if (signal) {
    process.removeAllListeners(signal);
    process.kill(process.pid, signal);
  }
  process.exit(code ?? 2);
}

const { main } = await import("../dist/cli/main.js");
const { nodeIo } = await import("../dist/cli/io.js");
const { isPdfJsRejection, rejectionMessage } = await import("../dist/cli/rejections.js");
const debug = process.argv.includes("--debug");

// pdf.js can reject a promise nobody awaits on a damaged PDF, after the document's error is already reported:
// that one must not kill a batch. Any other unhandled rejection is a bug: one line (stack with --debug), exit 2.
process.on("unhandledRejection", (reason) => {
  if (isPdfJsRejection(reason)) return;
  process.stderr.write(rejectionMessage(reason, debug));
  process.exit(2);
});

// `trustlint check … | head`: once the reader has gone, nothing more can be shown; stop quietly, as cat and grep do.
// Any other write error (`> /dev/full`: ENOSPC, EIO) is one line and exit 2, not a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    if (stream === process.stdout) {
      try {
        process.stderr.write(`trustlint: OUTPUT_UNWRITABLE cannot write to standard output (${error.code ?? error.message})\n`);
      } catch {
        // stderr is gone too
      }
    }
    process.exit(2);
  });
}

try {
  process.exitCode = await main(process.argv.slice(2), nodeIo());
} catch (error) {
  process.stderr.write(`trustlint: INTERNAL ${error instanceof Error ? error.message : String(error)}\n`);
  if (debug && error instanceof Error) process.stderr.write(`${error.stack}\n`);
  process.exitCode = 2;
}
