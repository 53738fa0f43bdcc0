import { describe, expect, it } from "vitest";
import { workerCount } from "../src/cli/batch/run.js";
import { parseConcurrency } from "../src/cli/options.js";
import { parseConfig } from "../src/cli/batch/config.js";

describe("--concurrency is capped at the core count unless forced on the command line (issue item 11)", () => {
  it("a number from the command line or a config is capped; `n!` on the command line is not", () => {
    expect(workerCount(150, 300, 2)).toBe(2);
    expect(workerCount(parseConcurrency("150"), 300, 4)).toBe(4);
    expect(workerCount(parseConcurrency("6!"), 300, 2)).toBe(6);
    expect(workerCount(parseConcurrency("6!"), 3, 2)).toBe(3);
    expect(() => parseConcurrency("0!")).toThrow(/number ≥ 1/);
    const config = parseConfig("concurrency: 150\n", "/repo/.trustlintrc.yaml");
    expect(config.ok && workerCount(config.value.concurrency!, 300, 2)).toBe(2);
    // A config cannot force: "150!" is not a number there.
    expect(parseConfig('concurrency: "150!"\n', "/repo/.trustlintrc.yaml").ok).toBe(false);
  });
});

describe("smaller items", () => {
  it("config `rules: {__proto__: …}` is refused at its line, not accepted silently", () => {
    const r = parseConfig("rules:\n  __proto__: {polluted: 1}\n", "/repo/.trustlintrc.yaml");
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error[0]).toMatchObject({ code: "CONFIG_SCHEMA", line: 2, column: 3, message: "the key '__proto__' is not allowed" });
    expect(parseConfig("roles:\n  constructor: buyer\n", "/repo/.trustlintrc.yaml").ok).toBe(false);
  });
});

describe("walking folders says what it leaves out (smaller items)", { timeout: 60_000 }, () => {
  it("`sub/up -> ..` does not analyse a file twice; link loops and broken links are warned about", async () => {
    const { mkdir, symlink, writeFile } = await import("node:fs/promises");
    const { join } = await import("node:path");
    const { expandInputs } = await import("../src/cli/batch/expand.js");
    const { scratch } = await import("./batch/util.js");
    const dir = await scratch();
    await symlink("..", join(dir, "portfolio", "sub", "up"));
    await symlink("self", join(dir, "portfolio", "self"));
    await symlink("missing", join(dir, "portfolio", "gone"));
    await mkdir(join(dir, "portfolio", "more"));
    await writeFile(join(dir, "portfolio", "more", "b.txt"), "x");
    await symlink(join(dir, "portfolio", "more", "b.txt"), join(dir, "portfolio", "b-link.txt"));
    const e = await expandInputs(["portfolio"], { cwd: dir, ignore: [] });
    expect(e.files).toEqual(["portfolio/b-link.txt", "portfolio/harbour-logistics.txt", "portfolio/sub/mutual-cleaning.md"]);
    expect(e.warnings).toEqual([
      "skipped gone: a broken link",
      "skipped self: a link loop",
      "skipped sub/up/: a link to a folder already walked (a link loop?)",
    ]);
  });

  it.runIf(process.getuid?.() !== 0)("an unreadable sub-folder is reported, not skipped silently", async () => {
    const { chmod, mkdir } = await import("node:fs/promises");
    const { join } = await import("node:path");
    const { expandInputs } = await import("../src/cli/batch/expand.js");
    const { scratch } = await import("./batch/util.js");
    const dir = await scratch();
    await mkdir(join(dir, "portfolio", "locked"));
    await chmod(join(dir, "portfolio", "locked"), 0);
    const e = await expandInputs(["portfolio"], { cwd: dir, ignore: [] });
    await chmod(join(dir, "portfolio", "locked"), 0o755);
    expect(e.warnings).toEqual(["skipped locked/: cannot read the folder (EACCES)"]);
  });
});

describe("Markdown for a large batch (smaller items)", () => {
  it("shows the portfolio table (bounded) and the first documents, not only the truncation note", async () => {
    const { renderMarkdown } = await import("../src/report/markdown.js");
    const doc = (i: number) => ({
      path: `contracts/c${i}.txt`,
      format: "text" as const,
      error: null,
      parties: [],
      score: { overall: 50, principles: [] },
      facts: [],
      findings: [],
    });
    const md = renderMarkdown({
      tool: { name: "trustlint", version: "0" },
      rules: [],
      documents: Array.from({ length: 20_000 }, (_, i) => doc(i)),
    });
    expect(md.length).toBeLessThanOrEqual(65_536);
    expect(md).toContain("| contracts/c0.txt | 50");
    expect(md).toContain("… and 19800 more document(s)");
    expect(md).toMatch(/### contracts\/c0\.txt/);
  });
});

describe("PDF text assembly of one long paragraph (found while hardening)", () => {
  it("joins 10,000 hyphen-broken lines in linear time, with the same text as line by line", async () => {
    const { assemblePdfText } = await import("../src/ingest/pdf-text.js");
    const page = Array.from({ length: 10_000 }, () => "the supplier shall keep the main-").join("\n") + "\ntenance log.";
    const started = performance.now();
    const { text } = assemblePdfText([page]);
    expect(performance.now() - started).toBeLessThan(3_000);
    expect(text.startsWith("the supplier shall keep the mainthe supplier")).toBe(true);
    expect(text.endsWith("keep the maintenance log.")).toBe(true);
    expect(assemblePdfText(["co-\noperate and self-\nassess, and wel-\ncome"]).text).toBe("co-operate and self-assess, and welcome");
  });
});
