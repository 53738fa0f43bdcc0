// Opens HTML reports in a real headless Chromium (Debian's chromium, driven by playwright-core) and checks what
// a unit test cannot: the page loads without console errors under its Content-Security-Policy, the chart and
// findings render, the inline script works, and markup from contract text never executes.
// Run by .ci/stages/browser.sh after `npm run build`. Exits non-zero on the first failed check.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import { HOSTILE, variations } from "./contracts.mjs";

const ROOT = resolve(import.meta.dirname, "..", "..");
const CLI = join(ROOT, "bin", "trustlint.js");
const work = mkdtempSync(join(tmpdir(), "trustlint-browser-"));
const shots = process.env.SCREENSHOT_DIR ? resolve(process.env.SCREENSHOT_DIR) : join(work, "screenshots");
mkdirSync(shots, { recursive: true });

let failures = 0;
function check(ok, what) {
  console.log(`${ok ? "ok  " : "FAIL"} ${what}`);
  if (!ok) failures++;
}

function report(files, out) {
  try {
    execFileSync(process.execPath, [CLI, "check", "-f", "html", "-o", out, ...files], { stdio: ["ignore", "ignore", "pipe"] });
  } catch (e) {
    // Exit 1 means a threshold failed, which still writes the report; anything else is a real failure.
    if (e.status !== 1) throw e;
  }
  return out;
}

// Inputs.
const single = join(work, "hostile.md");
writeFileSync(single, HOSTILE);
const batchDir = join(work, "batch");
mkdirSync(batchDir);
const batchFiles = variations(20).map((v) => {
  const p = join(batchDir, v.name);
  writeFileSync(p, v.text);
  return p;
});
const pages = [
  { name: "single", file: report([single], join(work, "single.html")), docs: 1 },
  { name: "batch", file: report(batchFiles, join(work, "batch.html")), docs: 20 },
];
// ../shared/corpus next to the project (CI), or two levels up when the project is a worktree.
const corpus = [process.env.TRUSTLINT_CORPUS, resolve(ROOT, "..", "shared", "corpus"), resolve(ROOT, "..", "..", "shared", "corpus")]
  .filter(Boolean)
  .map((d) => join(d, "cuad-dev", "txt"))
  .find((d) => existsSync(d));
if (corpus) {
  // Real contracts at test time only (never copied into the repo): the 20 smallest, to keep the stage quick.
  const real = readdirSync(corpus)
    .filter((n) => n.endsWith(".txt"))
    .map((n) => join(corpus, n))
    .sort((a, b) => statSync(a).size - statSync(b).size || a.localeCompare(b))
    .slice(0, 20);
  if (real.length) pages.push({ name: "corpus", file: report(real, join(work, "corpus.html")), docs: real.length });
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  headless: true,
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
});
try {
  for (const spec of pages) {
    const html = readFileSync(spec.file, "utf8");
    check(
      !/<(?:link|img|iframe|object|embed)\b/i.test(html) && !/\bsrc\s*=\s*["']?https?:/i.test(html),
      `${spec.name}: no external assets or raw <img> in the file`,
    );
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    const errors = [];
    const requests = [];
    page.on("console", (m) => {
      if (m.type() === "error" || m.type() === "warning") errors.push(`${m.type()}: ${m.text()}`);
    });
    page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
    page.on("request", (r) => {
      if (!r.url().startsWith("file:")) requests.push(r.url());
    });
    await page.goto(pathToFileURL(spec.file).href, { waitUntil: "load" });
    await page.waitForTimeout(100);

    check(errors.length === 0, `${spec.name}: no console errors${errors.length ? ` (${errors.join(" | ")})` : ""}`);
    check(requests.length === 0, `${spec.name}: no network requests${requests.length ? ` (${requests.join(", ")})` : ""}`);
    const state = await page.evaluate(() => ({
      pwned: typeof window.__pwned,
      sections: document.querySelectorAll("section.document").length,
      charts: document.querySelectorAll("section.document svg.chart .bar").length,
      findings: document.querySelectorAll("article.finding").length,
      marks: document.querySelectorAll("article.finding mark").length,
      imgs: document.images.length,
      scripts: document.scripts.length,
      jsLinks: [...document.querySelectorAll("a")].filter((a) => a.href.startsWith("javascript:")).length,
      controlsVisible: !document.querySelector(".controls")?.hidden,
      text: document.body.innerText,
    }));
    check(state.pwned === "undefined", `${spec.name}: injected markup did not execute (window.__pwned is ${state.pwned})`);
    check(
      state.imgs === 0 && state.jsLinks === 0 && state.scripts === 1,
      `${spec.name}: no injected <img>, javascript: link or extra <script> in the DOM`,
    );
    check(state.sections === spec.docs, `${spec.name}: ${spec.docs} document section(s) (found ${state.sections})`);
    check(
      state.charts === 7 * state.sections - 7 * (await page.locator("section.document p.error").count()),
      `${spec.name}: a 7-bar principle chart per analysed document (${state.charts} bars)`,
    );
    check(
      state.findings > 0 && state.marks > 0,
      `${spec.name}: findings present with highlighted words (${state.findings} findings, ${state.marks} highlights)`,
    );
    check(state.controlsVisible, `${spec.name}: the inline script ran (filter bar shown)`);
    if (spec.name === "single") {
      // (Markdown ingest drops the underscores of __pwned as emphasis, and inline formatting tags such as <a> and
      // <span> with their words kept; <script>, <img> and a javascript: Markdown link must survive as text.)
      check(
        /<script>window\.(?:__)?pwned=1<\/script>/.test(state.text) &&
          /<img src=x onerror=/.test(state.text) &&
          /see the policy and \[terms\]\(javascript:window\.(?:__)?pwned=4\)/.test(state.text),
        "single: hostile markup is shown as text",
      );
      // Filtering: untick "flags" and every flag disappears.
      await page.locator('.controls input[value="kind-flag"]').uncheck();
      const visibleFlags = await page.locator("article.finding.flag:visible").count();
      check(visibleFlags === 0, `single: the flag filter hides flags (${visibleFlags} still visible)`);
      await page.locator('.controls input[value="kind-flag"]').check();
    }
    if (spec.name !== "single") {
      check((await page.locator("#portfolio svg.histogram .bucket").count()) === 10, `${spec.name}: portfolio histogram with 10 buckets`);
      const rows = page.locator("table.portfolio-table tbody tr");
      check((await rows.count()) === spec.docs, `${spec.name}: portfolio table has one row per document`);
      const scores = async () => rows.evaluateAll((trs) => trs.map((tr) => Number(tr.cells[1].dataset.sort)));
      const before = await scores();
      check(
        before.every((s, i) => i === 0 || before[i - 1] <= s),
        `${spec.name}: table sorted worst first without JavaScript`,
      );
      await page.locator("table.portfolio-table th").nth(1).locator("button").click();
      await page.locator("table.portfolio-table th").nth(1).locator("button").click();
      const after = await scores();
      check(
        after.every((s, i) => i === 0 || after[i - 1] >= s),
        `${spec.name}: clicking the index heading sorts descending`,
      );
      const href = await rows.first().locator("a").getAttribute("href");
      check(Boolean(href && (await page.locator(href).count()) === 1), `${spec.name}: each row links to its document section`);
      // Executive summary first; every contract folded until its link is followed.
      const summaryFirst = await page.evaluate(() => {
        const exec = document.querySelector("#portfolio .kpis");
        const table = document.querySelector("table.portfolio-table");
        return Boolean(exec && table && exec.compareDocumentPosition(table) & Node.DOCUMENT_POSITION_FOLLOWING);
      });
      check(summaryFirst, `${spec.name}: the executive summary comes before the table`);
      check((await page.locator("details.doc-detail[open]").count()) === 0, `${spec.name}: contracts start folded`);
      await rows.first().locator("a").click();
      await page.waitForTimeout(100);
      const opened = await page.evaluate((h) => Boolean(document.querySelector(h)?.closest("details.doc-detail")?.open), href);
      check(opened, `${spec.name}: following a row's link opens that contract`);
      // The table fits a 1,280 px wide window without a horizontal scroll bar.
      await page.setViewportSize({ width: 1280, height: 900 });
      const fit = await page.evaluate(() => {
        const wrap = document.querySelector("div.table-wrap");
        return { scroll: wrap.scrollWidth, client: wrap.clientWidth, page: document.documentElement.scrollWidth };
      });
      check(
        fit.scroll <= fit.client && fit.page <= 1280,
        `${spec.name}: table fits at 1,280 px (table ${fit.scroll}/${fit.client}, page ${fit.page})`,
      );
      // Printed: the summary, then at most one page per contract.
      await page.emulateMedia({ media: "print" });
      const pdfPages = (buf) => (buf.toString("latin1").match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
      const all = pdfPages(await page.pdf({ format: "A4" }));
      await page.evaluate(() => document.querySelectorAll("details.doc-detail").forEach((d) => d.remove()));
      const summary = pdfPages(await page.pdf({ format: "A4" }));
      check(
        summary > 0 && all - summary <= spec.docs,
        `${spec.name}: printed as a ${summary}-page summary plus ${all - summary} page(s) for ${spec.docs} contracts`,
      );
      await page.emulateMedia({ media: "screen" });
    }
    const png = join(shots, `${spec.name}.png`);
    await page.screenshot({ path: png, fullPage: spec.name === "single" });
    const bytes = readFileSync(png);
    check(bytes.subarray(1, 4).toString() === "PNG" && bytes.length > 10_000, `${spec.name}: screenshot ${png} (${bytes.length} bytes)`);
    await page.close();
  }
} finally {
  await browser.close();
}
console.log(failures ? `${failures} browser check(s) failed` : "all browser checks passed");
process.exit(failures ? 1 : 0);
