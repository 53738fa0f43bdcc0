import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { main } from "../src/cli/main.js";
import { stripReview } from "../src/review/markdown.js";
import { fakeIo } from "./helpers.js";
import { makeDocx, makePdf } from "./fixtures/make-documents.js";

/** `trustlint review` end to end: options as `check` has them, Markdown and Word outputs, refusals. */
const DRAFT = `# Managed Print Services Agreement

This Agreement is made between Harbour Clinics Ltd (the "Customer") and Inkwell Managed Services Limited (the "Supplier").

## 1. Indemnity

1.1 The Supplier shall indemnify, defend and hold harmless the Customer against all claims, losses and costs arising out of or in connection with this Agreement.

## 2. Termination

2.1 The Customer may terminate this Agreement at any time for convenience on thirty days' written notice to the Supplier.

## 3. Governance

3.1 The parties shall establish a joint steering committee with senior representatives of each party, meeting quarterly to review performance and agree improvements.
`;

async function dir(): Promise<string> {
  return mkdtemp(join(tmpdir(), "trustlint-review-"));
}

async function run(args: string[], env: Record<string, string> = {}) {
  const io = fakeIo({ env });
  const code = await main(["review", ...args], io);
  return { code, io };
}

describe("trustlint review", { timeout: 120_000 }, () => {
  it("writes a Markdown copy with the summary after the title and each finding after its clause", async () => {
    const d = await dir();
    const input = join(d, "draft.md");
    await writeFile(input, DRAFT);
    const { code, io } = await run([input, "--no-config"]);
    expect(code, io.err).toBe(0);
    expect(io.err).toMatch(/wrote .*draft\.reviewed\.md: \d+ comment\(s\) and a summary; index \d+\/100/);
    const out = await readFile(join(d, "draft.reviewed.md"), "utf8");
    expect(out.startsWith("# Managed Print Services Agreement\n\n<!-- trustlint-review -->\n> **trustlint · review summary**")).toBe(true);
    const indemnity = out.indexOf("One-way indemnity");
    expect(indemnity).toBeGreaterThan(out.indexOf("1.1 The Supplier shall indemnify"));
    expect(indemnity).toBeLessThan(out.indexOf("## 2. Termination"));
    expect(out).toMatch(/> Balanced alternative: /);
    // The copy is the source plus trustlint's blocks, which a later review removes again.
    expect(stripReview(out)).toBe(DRAFT);
    const again = await run([join(d, "draft.reviewed.md"), "-o", join(d, "twice.md"), "--no-config"]);
    expect(again.code, again.io.err).toBe(0);
    expect(await readFile(join(d, "twice.md"), "utf8")).toBe(out);
  });

  it("keeps a Windows text file's CRLF line ends in the blocks it adds, and strips them again", async () => {
    const d = await dir();
    const input = join(d, "draft.txt");
    const source = DRAFT.replace(/\n/g, "\r\n");
    await writeFile(input, source);
    expect((await run([input, "--no-config"])).code).toBe(0);
    const out = await readFile(join(d, "draft.reviewed.md"), "utf8");
    expect(out.replace(/\r\n/g, "")).not.toContain("\n");
    expect(stripReview(out)).toBe(source);
  });

  it("reviews plain text into Markdown and honours --flags-only and --min-severity", async () => {
    const d = await dir();
    const input = join(d, "draft.txt");
    await writeFile(input, DRAFT.replace(/^#+ /gm, ""));
    expect((await run([input, "--no-config"])).code).toBe(0);
    const all = await readFile(join(d, "draft.reviewed.md"), "utf8");
    expect(all).toContain("trustlint · strength");
    expect((await run([input, "--no-config", "--flags-only", "-o", join(d, "flags.md")])).code).toBe(0);
    const flags = await readFile(join(d, "flags.md"), "utf8");
    expect(flags).not.toContain("trustlint · strength");
    expect(flags).toContain("flag · One-way indemnity");
    expect((await run([input, "--no-config", "--min-severity", "critical", "-o", join(d, "critical.md")])).code).toBe(0);
    const critical = await readFile(join(d, "critical.md"), "utf8");
    expect(critical).not.toMatch(/trustlint · (high|medium|low|info) /);
    expect(critical).toMatch(/Gaps: none\.|Gaps \(\d+\)/);
    expect((await run([input, "--min-severity", "severe"])).code).toBe(2);
  });

  it("gives no comment to findings suppressed inline or accepted in the baseline", async () => {
    const d = await dir();
    const input = join(d, "draft.md");
    const suppressed = DRAFT.replace(
      "## 1. Indemnity",
      "<!-- trustlint-disable-next-clause ra-indemnity-one-way -- accepted: the Trust's insurer covers these claims -->\n## 1. Indemnity",
    );
    await writeFile(input, suppressed);
    expect((await run([input, "--no-config"])).code).toBe(0);
    const suppressedOut = await readFile(join(d, "draft.reviewed.md"), "utf8");
    expect(suppressedOut).not.toContain("One-way indemnity");
    expect(suppressedOut).toContain("> 1 finding(s) accepted by an inline suppression or the baseline: no comment.");

    const plain = join(d, "plain.md");
    await writeFile(plain, DRAFT);
    const io = fakeIo({ cwd: d });
    expect(await main(["baseline", plain, "--no-config", "-o", join(d, "baseline.json")], io), io.err).toBe(0);
    const withBaseline = fakeIo({ cwd: d });
    expect(
      await main(["review", plain, "--no-config", "--baseline", join(d, "baseline.json"), "-o", join(d, "out.md")], withBaseline),
      withBaseline.err,
    ).toBe(0);
    const out = await readFile(join(d, "out.md"), "utf8");
    expect(out).not.toMatch(/ flag · /);
    expect(out).toContain("trustlint · review summary");
  });

  it("writes a reviewed .docx with the author and the SOURCE_DATE_EPOCH date, byte-identical across runs", async () => {
    const d = await dir();
    const input = join(d, "draft.docx");
    await writeFile(
      input,
      await makeDocx([
        { heading: 1, text: "Managed Print Services Agreement" },
        {
          text: 'This Agreement is made between Harbour Clinics Ltd (the "Customer") and Inkwell Managed Services Limited (the "Supplier").',
        },
        { level: 0, text: "Indemnity" },
        {
          level: 1,
          text: "The Supplier shall indemnify, defend and hold harmless the Customer against all claims, losses and costs arising out of or in connection with this Agreement.",
        },
      ]),
    );
    const env = { SOURCE_DATE_EPOCH: "1767225600" };
    const first = await run([input, "--no-config", "--author", "Deal Desk", "-o", join(d, "a.docx")], env);
    expect(first.code, first.io.err).toBe(0);
    expect((await run([input, "--no-config", "--author", "Deal Desk", "-o", join(d, "b.docx")], env)).code).toBe(0);
    const a = await readFile(join(d, "a.docx"));
    expect(a.equals(await readFile(join(d, "b.docx")))).toBe(true);
    const comments = (await (await JSZip.loadAsync(a)).file("word/comments.xml")!.async("string"))!;
    expect(comments).toContain('w:author="Deal Desk"');
    expect(comments).toContain('w:initials="DD"');
    expect(comments).toContain('w:date="2026-01-01T00:00:00Z"');
    expect((await run([input, "--no-config", "--date", "2026-03-04T05:06:07Z", "-o", join(d, "c.docx")])).code).toBe(0);
    expect(await (await JSZip.loadAsync(await readFile(join(d, "c.docx")))).file("word/comments.xml")!.async("string")).toContain(
      'w:date="2026-03-04T05:06:07Z"',
    );
    // Default name beside the input.
    expect((await run([input, "--no-config"], env)).code).toBe(0);
    expect((await readFile(join(d, "draft.reviewed.docx"))).equals(a)).toBe(false); // other author
  });

  it("refuses a PDF (pointing to --format html), a damaged .docx, a bad SOURCE_DATE_EPOCH and overwriting the draft", async () => {
    const d = await dir();
    const pdf = join(d, "draft.pdf");
    await writeFile(pdf, await makePdf([{ lines: ["1. Services", "1.1 The Supplier shall provide the services."] }]));
    const p = await run([pdf, "--no-config"]);
    expect(p.code).toBe(2);
    expect(p.io.err).toMatch(/editable source/);
    expect(p.io.err).toContain("--format html");

    const broken = join(d, "broken.docx");
    await writeFile(broken, (await makeDocx([{ text: "The Supplier shall indemnify the Customer." }])).subarray(0, 300));
    const b = await run([broken, "--no-config"]);
    expect(b.code).toBe(2);
    expect(b.io.err).toContain("DOCX_CORRUPT");

    const md = join(d, "draft.md");
    await writeFile(md, DRAFT);
    expect((await run([md, "--no-config"], { SOURCE_DATE_EPOCH: "yesterday" })).io.err).toContain("SOURCE_DATE_EPOCH");
    const same = await run([md, "--no-config", "-o", md]);
    expect(same.code).toBe(2);
    expect(same.io.err).toContain("overwrite");
    expect(await readFile(md, "utf8")).toBe(DRAFT);
    expect((await run([join(d, "missing.docx"), "--no-config"])).io.err).toContain("INPUT_NOT_FOUND");
    const html = join(d, "draft.html");
    await writeFile(html, "<!doctype html><html><body><p>The Supplier shall indemnify the Customer.</p></body></html>");
    const h = await run([html, "--no-config"]);
    expect(h.code).toBe(2);
    expect(h.io.err).toMatch(/not into an HTML page.*--format html/);
  });

  it("gives no comment to a finding the config suppresses (suppress: with a reason), as check does", async () => {
    const d = await dir();
    const input = join(d, "draft.md");
    await writeFile(input, DRAFT);
    const config = join(d, "team.yaml");
    await writeFile(
      config,
      'suppress:\n  - rule: ra-indemnity-one-way\n    clause: "1.1"\n    reason: accepted, the insurer covers these claims\n',
    );
    const r = await run([input, "-c", config, "-o", join(d, "out.md")]);
    expect(r.code, r.io.err).toBe(0);
    const out = await readFile(join(d, "out.md"), "utf8");
    expect(out).not.toContain("One-way indemnity");
    expect((await run([input, "--no-config", "-o", join(d, "plain.md")])).code).toBe(0);
    expect(await readFile(join(d, "plain.md"), "utf8")).toContain("One-way indemnity");
  });

  it("uses the config's rule switches and --role like check", async () => {
    const d = await dir();
    const input = join(d, "draft.md");
    await writeFile(input, DRAFT);
    const config = join(d, "team.yaml");
    await writeFile(config, "rules:\n  ra-indemnity-one-way: off\n");
    expect((await run([input, "-c", config, "-o", join(d, "off.md")])).code).toBe(0);
    expect(await readFile(join(d, "off.md"), "utf8")).not.toContain("One-way indemnity");
    expect(
      (await run([input, "--no-config", "--role", "Customer=supplier", "--role", "Supplier=buyer", "-o", join(d, "roles.md")])).code,
    ).toBe(0);
    expect(await readFile(join(d, "roles.md"), "utf8")).toContain("Parties: Customer (supplier), Supplier (buyer).");
    const help = fakeIo();
    await main(["review", "--help"], help);
    expect(help.out).toContain("--min-severity");
    expect(help.out).not.toContain("--shard");
  });
});
