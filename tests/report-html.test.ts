import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { toMeta } from "../src/core/meta.js";
import { analyseBytes } from "../src/core/pipeline.js";
import type { Report } from "../src/model/report.js";
import { escapeHtml, excerptWindow, highlight } from "../src/report/escape.js";
import { commonDir, renderHtml } from "../src/report/html.js";
import { REPORTERS } from "../src/report/index.js";
import { builtinPack } from "./helpers.js";

const HOSTILE = `SUPPORT AGREEMENT

This Agreement is made between Evil <img src=x onerror=alert(1)> Corp ("Customer") and Beta Services Inc. (the "Supplier").

1. Indemnity

1.1 The Supplier shall indemnify the Customer against all claims <script>window.__pwned=1</script> and <a href="javascript:alert(2)">losses</a>.

2. Vision

2.1 Neither party's aggregate liability under this Agreement shall exceed the fees paid in the preceding twelve months.
`;

async function report(docs: { path: string; text: string }[]): Promise<Report> {
  const pack = await builtinPack();
  const documents = [];
  for (const d of docs) documents.push(await analyseBytes(d.path, new TextEncoder().encode(d.text), pack));
  return { tool: { name: "trustlint", version: "9.9.9" }, documents, rules: pack.rules.map(toMeta) };
}

const scripts = (html: string) => [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/gi)].map((m) => m[1]!);

describe("HTML escaping", () => {
  it("escapes every character that could open markup", () => {
    expect(escapeHtml(`<script>"a"&'b'\`</script>`)).toBe("&lt;script&gt;&quot;a&quot;&amp;&#39;b&#39;&#96;&lt;/script&gt;");
    expect(escapeHtml("a\u202eb\u0007c")).toBe("abc");
  });

  it("highlights the matched words without letting them create markup", () => {
    expect(highlight("The Supplier shall indemnify <b>", "indemnify")).toBe("The Supplier shall <mark>indemnify</mark> &lt;b&gt;");
    expect(highlight("a <x> b", "<x>")).toBe("a <mark>&lt;x&gt;</mark> b");
    expect(highlight("nothing here", "absent")).toBe("nothing here");
    expect(highlight("Case Differs", "case")).toBe("<mark>Case</mark> Differs");
  });
});

describe("excerpt window", () => {
  it("keeps short excerpts whole and cuts long ones around the matched words", () => {
    expect(excerptWindow("short text", "text")).toBe("short text");
    const long = `${"alpha ".repeat(200)}the Supplier shall indemnify the Customer ${"omega ".repeat(200)}`;
    const w = excerptWindow(long, "indemnify", 300);
    expect(w.length).toBeLessThanOrEqual(300 + 4);
    expect(w).toContain("indemnify");
    expect(w.startsWith("… alpha")).toBe(true);
    expect(w.endsWith("omega …")).toBe(true);
  });
});

describe("HTML report, one document", () => {
  it("renders contract markup as text: no injected script, image or javascript: link", async () => {
    const r = await report([{ path: "evil<script>.txt", text: HOSTILE }]);
    // Party names come from the contract too (ingest may or may not recognise this one, so add it here).
    r.documents[0]!.parties.push({ name: "Evil <img src=x onerror=alert(1)> Corp", role: "buyer", alias: "<b>Customer</b>" });
    const html = renderHtml(r);
    expect(scripts(html)).toHaveLength(1);
    expect(scripts(html)[0]).not.toContain("pwned");
    expect(html).not.toMatch(/<img\b/i);
    expect(html).not.toMatch(/<a\b[^>]*href="javascript:/i);
    expect(html).toContain("&lt;script&gt;window.__pwned=1&lt;/script&gt;");
    expect(html).toContain("Evil &lt;img src=x onerror=alert(1)&gt; Corp");
    expect(html).toContain("&lt;b&gt;Customer&lt;/b&gt;");
    expect(html).toContain("evil&lt;script&gt;.txt");
  });

  it("allows only its own script through the Content-Security-Policy, by hash", async () => {
    const html = renderHtml(await report([{ path: "a.txt", text: HOSTILE }]));
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)![1]!;
    const hash = createHash("sha256").update(scripts(html)[0]!).digest("base64");
    expect(csp).toContain(`script-src 'sha256-${hash}'`);
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain("unsafe-inline' ;");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
  });

  it("has the index, a 7-bar chart, parties, fix-first and findings grouped by principle", async () => {
    const r = await report([{ path: "a.txt", text: HOSTILE }]);
    const html = renderHtml(r);
    const d = r.documents[0]!;
    expect(html).toContain(`data-overall="${d.score!.overall}"`);
    expect(html.match(/<g class="bar"/g)).toHaveLength(7);
    expect(html).toContain("<h3>Parties</h3>");
    expect(html).toContain("<td>Beta Services Inc.</td><td>Supplier</td><td>supplier</td>");
    expect(html).toContain("<h3>Fix first</h3>");
    for (const p of d.score!.principles) expect(html).toContain(`id="doc-1-${p.id}"`);
    // The one-way flag: severity, clause, highlighted words, rationale from the rule, the alternative.
    const flag = /<article class="finding flag"[^>]*data-rule="ra-indemnity-one-way"[\s\S]*?<\/article>/.exec(html)![0];
    expect(flag).toContain('data-clause="1.1"');
    expect(flag).toContain('<span class="badge sev-high">high</span>');
    expect(flag).toContain("clause 1.1");
    expect(flag).toMatch(/<mark>indemnify<\/mark>/);
    const rule = r.rules.find((x) => x.id === "ra-indemnity-one-way")!;
    expect(flag).toContain(escapeHtml(rule.rationale));
    expect(flag).toContain("Balanced alternative:");
    // The fix-first entry links to that finding.
    const id = /<article class="finding flag" id="([^"]+)"[^>]*data-rule="ra-indemnity-one-way"/.exec(html)![1];
    expect(html).toContain(`<a href="#${id}">`);
  });

  it("lists many parties with no term and no role on one line, so a joint filing still prints on one page", async () => {
    const signers = Array.from({ length: 9 }, (_, i) => `HOLDING ${"ABCDEFGHI"[i]} LLC By: /s/ Ann Lee Authorized Signatory`).join(" ");
    const text = `JOINT FILING AGREEMENT The undersigned agree to the joint filing of a Schedule 13D. IN WITNESS WHEREOF, the undersigned execute this agreement. ${signers}`;
    const html = renderHtml(await report([{ path: "filing.txt", text }]));
    expect(html).not.toContain('<table class="parties">');
    expect(html).toContain("Parties, no role read: HOLDING A LLC; HOLDING B LLC;");
    const two = renderHtml(await report([{ path: "two.txt", text: HOSTILE }]));
    expect(two).toContain('<table class="parties">');
    expect(two).not.toContain("no role read");
  });

  it("keeps flags, gaps and strengths under separate headings", async () => {
    const html = renderHtml(await report([{ path: "a.txt", text: HOSTILE }]));
    const risk = /<details class="principle" id="doc-1-risk-allocation"[\s\S]*?<\/details>/.exec(html)![0];
    expect(risk).toContain("<h4>Win-lose terms</h4>");
    expect(risk).toContain("<h4>Strengths</h4>");
    expect(risk.indexOf("<h4>Win-lose terms</h4>")).toBeLessThan(risk.indexOf('class="finding flag"'));
    expect(risk.indexOf("<h4>Strengths</h4>")).toBeLessThan(risk.indexOf('class="finding strength"'));
    const vision = /<details class="principle" id="doc-1-shared-vision"[\s\S]*?<\/details>/.exec(html)![0];
    expect(vision).toContain("<h4>Missing collaborative elements</h4>");
    expect(vision).toContain('class="finding gap"');
  });

  it("prints the score arithmetic when asked, and is deterministic", async () => {
    const r = await report([{ path: "a.txt", text: HOSTILE }]);
    expect(renderHtml(r)).not.toContain("Score arithmetic");
    expect(renderHtml(r, { explainScore: true })).toMatch(/<pre class="arith">= 50 [^<]*-18 ra-indemnity-one-way/);
    expect(renderHtml(r)).toBe(renderHtml(r));
  });

  it("is registered as --format html and needs no network", async () => {
    const html = REPORTERS.html(await report([{ path: "a.txt", text: HOSTILE }]), { color: false });
    expect(html.startsWith("<!DOCTYPE html>")).toBe(true);
    expect(html).not.toMatch(/(?:src|href)="(?:https?:)?\/\//);
    expect(html).toContain("@media print");
  });
});

describe("HTML report, a batch", () => {
  it("adds a portfolio: sortable table linking to each document, a histogram, the most frequent flags", async () => {
    const docs = [
      { path: "deals/a.txt", text: HOSTILE },
      { path: "deals/b.txt", text: HOSTILE.replace("The Supplier shall indemnify", "The Supplier will supply") },
      { path: "deals/c.txt", text: "" },
    ];
    const r = await report(docs);
    const html = renderHtml(r);
    const table = /<table class="sortable portfolio-table">[\s\S]*?<\/table>/.exec(html)![0];
    expect(table.match(/<tr>|<tr class="failed">/g)).toHaveLength(4); // header + 3 rows
    for (let i = 1; i <= 3; i++) {
      expect(table).toContain(`href="#doc-${i}"`);
      expect(html).toContain(`<section class="document" id="doc-${i}">`);
    }
    // Worst first without JavaScript; the unreadable document sorts to the top with its error.
    const order = [...table.matchAll(/title="(deals\/[abc]\.txt)"/g)].map((m) => m[1]);
    expect(order[0]).toBe("deals/c.txt");
    const [a, b] = [r.documents[0]!.score!.overall, r.documents[1]!.score!.overall];
    expect(order.slice(1)).toEqual(a <= b ? ["deals/a.txt", "deals/b.txt"] : ["deals/b.txt", "deals/a.txt"]);
    expect(html.match(/<g class="bucket"/g)).toHaveLength(10);
    expect(/<table class="frequent">[\s\S]*?ra-indemnity-one-way[\s\S]*?1 of 3/.test(html)).toBe(true);
    expect(html).toContain("Could not be analysed: INPUT_EMPTY");
  });

  it("shows paths relative to the folder they share", () => {
    expect(commonDir(["/x/deals/a.txt", "/x/deals/sub/b.txt"])).toBe("/x/deals/");
    expect(commonDir(["a.txt", "b.txt"])).toBe("");
    expect(commonDir(["only.txt"])).toBe("");
  });
});
