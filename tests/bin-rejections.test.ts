import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { isPdfJsRejection, rejectionMessage } from "../src/cli/rejections.js";

const CONTRACT = "1. Services\n\nThe Supplier shall provide the services.\n";
const PDFJS = pathToFileURL(resolve("node_modules/pdfjs-dist/legacy/build/pdf.mjs")).href;

interface PdfJs {
  InvalidPDFException: new (message: string) => Error;
  AbortException: new (message: string) => Error;
}
const pdfjs = async (): Promise<PdfJs> => (await import(PDFJS)) as PdfJs;

describe("unhandled rejections: which ones are pdf.js's", () => {
  it("recognises pdf.js's own exceptions (no stack of their own) and its teardown errors", async () => {
    const { InvalidPDFException, AbortException } = await pdfjs();
    expect(isPdfJsRejection(new InvalidPDFException("Invalid PDF structure."))).toBe(true);
    expect(isPdfJsRejection(new AbortException("Worker was terminated."))).toBe(true);
    const teardown = new Error("Worker was destroyed");
    teardown.stack = `Error: Worker was destroyed\n    at PDFWorker.destroy (file:///app/node_modules/pdfjs-dist/legacy/build/pdf.mjs:21263:37)`;
    expect(isPdfJsRejection(teardown)).toBe(true);
  });

  it("does not take anything else for pdf.js", () => {
    expect(isPdfJsRejection(new Error("boom"))).toBe(false);
    expect(isPdfJsRejection("a string")).toBe(false);
    expect(isPdfJsRejection(undefined)).toBe(false);
    // Our own error that happens to carry a pdf.js name still has its own stack: a bug, not pdf.js.
    const named = new Error("Invalid PDF structure.");
    named.name = "InvalidPDFException";
    expect(isPdfJsRejection(named)).toBe(false);
    // The teardown message thrown from our code is not pdf.js's.
    expect(isPdfJsRejection(new Error("Worker was destroyed"))).toBe(false);
  });

  it("reports an unexpected rejection on one line, with the stack only with --debug", () => {
    const error = new Error("boom\nsecond line");
    const plain = rejectionMessage(error, false);
    expect(plain).toBe(
      "trustlint: INTERNAL unhandled promise rejection: boom second line (run with --debug for the stack, and please report this)\n",
    );
    const debug = rejectionMessage(error, true);
    expect(debug.split("\n")[0]).toBe("trustlint: INTERNAL unhandled promise rejection: boom second line (please report this)");
    expect(debug).toContain("at ");
  });
});

/**
 * bin/trustlint.js run with a preloaded module that rejects a promise nobody awaits once the CLI's handler is
 * installed, while `check -` waits for standard input (given a second later).
 */
async function runWithRejection(
  reason: string,
  args: string[],
  stdin: string,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const dir = mkdtempSync(join(tmpdir(), "rejections-"));
  const preload = join(dir, "reject.mjs");
  writeFileSync(
    preload,
    `const timer = setInterval(async () => {
  if (process.listenerCount("unhandledRejection") === 0) return;
  clearInterval(timer);
  ${reason}
}, 5);\n`,
  );
  const child = spawn(process.execPath, ["--import", pathToFileURL(preload).href, "bin/trustlint.js", ...args], {
    stdio: ["pipe", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  setTimeout(() => child.stdin.end(stdin), 1_000);
  const code = await new Promise<number | null>((done) => child.on("close", done));
  return { code, stdout, stderr };
}

describe("bin/trustlint.js and unhandled rejections", () => {
  it("ends the run with exit 2 and one line on an unexpected rejection", async () => {
    expect(existsSync("dist/cli/rejections.js"), "run `npm run build` first").toBe(true);
    const { code, stderr } = await runWithRejection(`Promise.reject(new Error("boom"));`, ["check", "-"], CONTRACT);
    expect(code).toBe(2);
    expect(stderr).toBe("trustlint: INTERNAL unhandled promise rejection: boom (run with --debug for the stack, and please report this)\n");
  }, 60_000);

  it("prints the stack with --debug", async () => {
    const { code, stderr } = await runWithRejection(`Promise.reject(new Error("boom"));`, ["check", "-", "--debug"], CONTRACT);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^trustlint: INTERNAL unhandled promise rejection: boom \(please report this\)\nError: boom\n\s+at /);
  }, 60_000);

  it("ignores pdf.js's unawaited rejection and finishes the run", async () => {
    const reason = `const { InvalidPDFException } = await import(${JSON.stringify(PDFJS)}); Promise.reject(new InvalidPDFException("Invalid PDF structure."));`;
    const { code, stdout, stderr } = await runWithRejection(reason, ["check", "-", "-f", "json", "-q"], CONTRACT);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(JSON.parse(stdout).documents[0].error).toBeNull();
  }, 60_000);
});
