import { describe, expect, it } from "vitest";
import { toMeta } from "../src/core/meta.js";
import { analyseBytes } from "../src/core/pipeline.js";
import type { Report } from "../src/model/report.js";
import { escapeMarkdown } from "../src/report/escape.js";
import { arrow, fitBlocks, GITHUB_COMMENT_LIMIT, renderMarkdown } from "../src/report/markdown.js";
import { builtinPack } from "./helpers.js";

const TEXT = `SERVICES AGREEMENT

This Agreement is made between Acme Ltd ("Customer") and Beta Services Inc. (the "Supplier").

1. Indemnity

1.1 The Supplier shall indemnify the Customer | against all \`claims\` <script>x()</script> and *losses* for @everyone.

2. Mutual

2.1 Neither party's aggregate liability under this Agreement shall exceed the fees paid in the preceding twelve months.
`;

async function report(texts: string[]): Promise<Report> {
  const pack = await builtinPack();
  const documents = [];
  for (const [i, t] of texts.entries()) documents.push(await analyseBytes(`draft-${i + 1}.txt`, new TextEncoder().encode(t), pack));
  return { tool: { name: "trustlint", version: "1" }, documents, rules: pack.rules.map(toMeta) };
}

describe("Markdown escaping", () => {
  it("neutralises pipes, backticks, HTML, emphasis and mentions, and keeps one line", () => {
    const out = escapeMarkdown("a | b `c` <script> *d* _e_ [l](javascript:x) @team\nnext");
    expect(out).not.toMatch(/(?<!\\)[|`*_[\]]/);
    expect(out).not.toContain("<");
    expect(out).not.toContain("@");
    expect(out).not.toContain("\n");
    expect(out).toContain("&lt;script&gt;");
  });
});

describe("Markdown report", () => {
  it("has a score table with arrows against 50, fix-first with clause refs, and <details>", async () => {
    const r = await report([TEXT]);
    const md = renderMarkdown(r);
    const s = r.documents[0]!.score!;
    for (const p of s.principles) expect(md).toMatch(new RegExp(`\\| ${p.score} \\| ${arrow(p.score, 50)} \\|`));
    const risk = s.principles.find((p) => p.id === "risk-allocation")!;
    expect(md).toContain(`| Risk allocation | ${risk.score} | ${arrow(risk.score, 50)} |`);
    expect(md).toMatch(/\*\*Fix first\*\*\n\n1\. .*One-way indemnity\*\* — clause 1\.1, line 7 \(`ra-indemnity-one-way`\)/);
    expect(md).toMatch(/<details><summary>All flags and gaps \(\d+\)<\/summary>\n\n/);
    expect(md).toMatch(/<details><summary>Strengths \(\d+\)<\/summary>/);
    expect(md).toContain("</details>");
  });

  it("escapes contract text so it cannot break the table or inject HTML", async () => {
    const md = renderMarkdown(await report([TEXT]));
    expect(md).not.toContain("<script>");
    expect(md).toContain("&lt;script&gt;");
    expect(md).toContain("Customer \\| against all \\`claims\\`");
    expect(md).not.toContain("@everyone");
    // Every table row has the same number of unescaped pipes as the header.
    for (const line of md.split("\n").filter((l) => l.startsWith("| "))) expect(line.split(/(?<!\\)\|/).length).toBe(5);
  });

  it("arrow compares with the reference", () => {
    expect([arrow(60, 50), arrow(40, 50), arrow(50, 50)]).toEqual(["↑", "↓", "→"]);
  });

  it("stays within GitHub's comment limit and says what it left out", async () => {
    const long = TEXT.replace("1.1 The Supplier", `1.1 ${"Recital text. ".repeat(30)}The Supplier`);
    const r = await report(Array.from({ length: 3 }, () => long));
    // Multiply the documents without re-analysing: 400 sections are far above the limit.
    r.documents = Array.from({ length: 400 }, (_, i) => ({ ...r.documents[i % 3]!, path: `deal-${i}.txt` }));
    const md = renderMarkdown(r);
    expect(md.length).toBeLessThanOrEqual(GITHUB_COMMENT_LIMIT);
    expect(md).toMatch(/\*\*Truncated:\*\* \d+ more section\(s\)/);
    // It still opens with the summary and does not cut a <details> in half.
    expect(md.startsWith("## trustlint collaboration report")).toBe(true);
    expect(md.split("<details>").length).toBe(md.split("</details>").length);
  });

  it("fitBlocks keeps whole blocks and notes the rest", () => {
    const out = fitBlocks(["a".repeat(50), "b".repeat(50), "c".repeat(50)], 250);
    expect(out.length).toBeLessThanOrEqual(250);
    expect(out).toContain("a".repeat(50));
    expect(out).not.toContain("c".repeat(50));
    expect(out).toMatch(/Truncated:\*\* [12] more/);
    expect(fitBlocks(["x", "y"], 1000)).toBe("x\ny\n");
  });

  it("is deterministic", async () => {
    const r = await report([TEXT]);
    expect(renderMarkdown(r)).toBe(renderMarkdown(r));
  });
});
