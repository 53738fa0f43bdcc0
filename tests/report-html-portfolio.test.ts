import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { toMeta } from "../src/core/meta.js";
import { analyseBytes } from "../src/core/pipeline.js";
import { renderHtml } from "../src/report/html.js";
import { builtinPack } from "./helpers.js";

async function portfolio() {
  const pack = await builtinPack();
  const files = ["fixtures/contracts/one-sided-msa.md", "fixtures/contracts/mixed-draft.md", "fixtures/contracts/vested-agreement.md"];
  const documents = [];
  for (const f of files) documents.push(await analyseBytes(f, new Uint8Array(await readFile(f)), pack));
  return { report: { tool: { name: "trustlint", version: "9.9.9" }, documents, rules: pack.rules.map(toMeta) }, documents };
}

describe("HTML portfolio", { timeout: 60_000 }, () => {
  it("opens on an executive summary (figures, distribution, worst contracts, recurring flags) before the table", async () => {
    const { report, documents } = await portfolio();
    const html = renderHtml(report);
    const at = (s: string) => html.indexOf(s);
    expect(at("Executive summary: 3 documents")).toBeGreaterThan(0);
    for (const part of ['class="kpis"', 'class="chart histogram"', '<ol class="worst">', "Recurring flags and gaps"]) {
      expect(at(part)).toBeGreaterThan(at("Executive summary"));
      expect(at(part)).toBeLessThan(at('<table class="sortable portfolio-table">'));
    }
    const worst = /<ol class="worst">([\s\S]*?)<\/ol>/.exec(html)![1]!;
    const lowest = [...documents].sort((a, b) => a.score!.overall - b.score!.overall)[0]!;
    expect(worst.indexOf(lowest.path.split("/").pop()!)).toBeGreaterThan(-1);
    expect(worst).toMatch(/^<li><a href="#doc-\d">/);
  });

  it("folds each contract in a closed <details> the table links into, and prints summary first, one page per contract", async () => {
    const { report } = await portfolio();
    const html = renderHtml(report);
    const folds = html.match(/<details class="doc-detail"[^>]*>/g)!;
    expect(folds).toHaveLength(3);
    for (const f of folds) expect(f).not.toMatch(/\bopen\b/);
    for (let i = 1; i <= 3; i++) {
      expect(html).toMatch(new RegExp(`<table class="sortable portfolio-table">[\\s\\S]*href="#doc-${i}"`));
      expect(html).toMatch(
        new RegExp(`<details class="doc-detail" data-doc="doc-${i}"><summary>[\\s\\S]*?<section class="document" id="doc-${i}">`),
      );
    }
    expect(html).toContain('<body class="portfolio-page">');
    const print = html.slice(html.indexOf("@media print"));
    expect(print).toMatch(/details\.doc-detail\{[^}]*break-before:page/);
    expect(print).toMatch(/details\.doc-detail details\.principle[^{]*\{display:none\}/);
    // The print script opens only the contract folds in a portfolio, everything in a single report.
    expect(html).toContain('portfolio?"details.doc-detail":"details"');
  });

  it("a single document is not folded", async () => {
    const { report, documents } = await portfolio();
    const html = renderHtml({ ...report, documents: documents.slice(0, 1) });
    expect(html).not.toContain('class="doc-detail"');
    expect(html).not.toContain("Executive summary");
    expect(html).toContain("<body>");
  });
});
