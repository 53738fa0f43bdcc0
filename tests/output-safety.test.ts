import { describe, expect, it } from "vitest";
import { main } from "../src/cli/main.js";
import { analyseBytes } from "../src/core/pipeline.js";
import type { Report } from "../src/model/report.js";
import { REPORTERS, type FormatName } from "../src/report/index.js";
import { terminalSafe } from "../src/report/sanitize.js";
import { builtinPack, fakeIo } from "./helpers.js";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * Contract text is attacker-controlled: a clause can carry terminal escape sequences, markup, formula prefixes
 * or workflow-command syntax. Every reporter gets the same hostile report and must encode it for its own
 * syntax. A format with no check here fails the first test, so a new reporter cannot land unchecked.
 */
const ESC = "\u001b";
const HOSTILE = `=cmd|'/c calc'!A1 <script>alert(1)</script> | pipe \`tick\` %0A ::error::x ${ESC}[2J${ESC}]0;pwned\u0007 \u009b31m \u202eevil\r\nnext,field "quoted"`;

async function hostileReport(): Promise<Report> {
  const pack = await builtinPack();
  const text = `1. Indemnity\n\nThe Supplier shall indemnify the Customer against all claims. ${HOSTILE}\n`;
  const doc = await analyseBytes("contract.txt", new TextEncoder().encode(text), pack);
  // Readers already blank most controls; the reporters must not rely on it, so put raw text back in.
  for (const f of doc.findings) {
    f.excerpt = `The Supplier shall indemnify the Customer. ${HOSTILE}`;
    f.message = `${f.message} ${HOSTILE}`;
  }
  expect(doc.findings.some((f) => f.kind === "flag")).toBe(true);
  return { tool: { name: "trustlint", version: "0.0.0" }, documents: [doc, { ...doc, path: `evil${ESC}[31m\n.txt` }], rules: [] };
}

/** Per format: what "encoded for its own syntax" means. */
const CHECKS: Partial<Record<FormatName | string, (out: string, color: boolean) => void>> = {
  terminal: (out, color) => {
    // With colour on, the tool's own SGR colour codes are the only escapes allowed.
    expect(color ? out.replace(/\u001b\[[0-9;]*m/g, "") : out).not.toContain(ESC);
    if (color) expect(out).toContain(ESC);
    expect(out).not.toContain("\u009b");
    expect(out).not.toContain("\u0007");
    expect(out).not.toContain("\u202e");
    expect(out).not.toContain("\r");
  },
  json: (out) => {
    // No raw control character survives; the excerpt round-trips exactly.
    expect(out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    const parsed = JSON.parse(out) as { documents: { findings: { excerpt: string }[] }[] };
    expect(parsed.documents[0]!.findings[0]!.excerpt).toContain(HOSTILE);
  },
  html: (out) => {
    expect(out).not.toContain("<script>alert(1)</script>");
    expect(out).toMatch(/&lt;script&gt;/);
    expect(out).not.toContain(ESC);
  },
  markdown: (out) => {
    // A table cell cannot be split by the excerpt's pipe, and backticks cannot open code spans.
    for (const line of out.split("\n").filter((l) => l.includes("pipe"))) expect(line).not.toMatch(/[^\\]\| pipe/);
    expect(out).not.toContain("<script>");
    expect(out).not.toContain(ESC);
  },
  sarif: (out) => {
    const parsed = JSON.parse(out) as { runs: { results: { message: { text: string } }[] }[] };
    expect(parsed.runs[0]!.results.length).toBeGreaterThan(0);
    expect(out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
  },
  csv: (out) => {
    // Formula-leading cells are defused, quotes doubled, and no cell starts with = + - @.
    expect(out).not.toMatch(/(^|,)"?[=+\-@]cmd/m);
    expect(out).not.toContain(ESC);
  },
  compact: (out) => {
    // One line per finding: the hostile message cannot add a line or reach the terminal as an escape.
    for (const line of out.split("\n").filter(Boolean))
      expect(line).toMatch(/^[^\n]+:\d+:\d+: (?:critical|high|medium|low|info|error) \S+ /);
    expect(out).not.toContain(ESC);
    expect(out).not.toContain("\r");
    expect(out).not.toContain("\u202e");
  },
  github: (out) => {
    // Each annotation is one workflow command: data newlines and % are encoded, so the excerpt cannot inject ::error::.
    // The runner splits a command at the first "::" after the properties; "::" inside the data is only text.
    for (const line of out.split("\n").filter(Boolean)) {
      expect(line).toMatch(/^::(?:error|warning|notice)[ :]/);
      const properties = line.slice(2, line.indexOf("::", 2));
      expect(properties).not.toMatch(/[:\r\n]/);
    }
    expect(out).not.toContain(ESC);
  },
};

describe("reporters encode hostile contract text", () => {
  it("every registered format has a hostile-excerpt check", () => {
    expect(Object.keys(REPORTERS).filter((f) => !CHECKS[f])).toEqual([]);
  });

  for (const format of Object.keys(REPORTERS) as FormatName[]) {
    it(`${format}: hostile excerpt, message and path are neutralised`, async () => {
      const report = await hostileReport();
      const render = REPORTERS[format] as (r: Report, o: { color: boolean; cwd?: string }) => string;
      for (const color of [false, true]) CHECKS[format]!(render(report, { color, cwd: process.cwd() }), color);
    });
  }

  it("terminal: escape sequences, C1 controls and bidi overrides become harmless", () => {
    expect(terminalSafe(`a${ESC}[31mb${ESC}]0;t\u0007c\u009bd\u202ee\u0000f`)).toBe("a␛b␛c de f");
  });

  it("end to end: a contract file carrying escape sequences prints nothing that drives the terminal", async () => {
    const dir = await mkdtemp(join(tmpdir(), "trustlint-hostile-"));
    const p = join(dir, "hostile.txt");
    await writeFile(p, `1. Indemnity\n\nThe Supplier${ESC}[8m shall indemnify the Customer ${HOSTILE}.\n`);
    const io = fakeIo();
    await main(["check", p, "--color"], io);
    // Colour codes from the tool itself are allowed; none that hide, clear or retitle.
    expect(io.out).not.toMatch(/\u001b\[(?:8|2J)|\u001b\]/);
    expect(io.out).not.toContain("\u009b");
  });
});
