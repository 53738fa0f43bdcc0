import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, posix } from "node:path";
import JSZip from "jszip";
import { Document, HeadingLevel, Packer, Paragraph } from "docx";
import { describe, expect, it } from "vitest";
import { toMeta } from "../src/core/meta.js";
import { ingest } from "../src/ingest/index.js";
import type { ContractDocument } from "../src/model/document.js";
import { reviewBytes, type ReviewOptions } from "../src/review/index.js";
import { builtinPack } from "./helpers.js";
import { makeDocx } from "./fixtures/make-documents.js";
import { negotiatedDraft } from "./fixtures/negotiated-draft.mjs";

/**
 * The Word review, read back: same text through the project's own reader, comments in word/comments.xml with
 * their ranges in word/document.xml, a package whose parts and relationships agree, byte-identical output for
 * the same date, and other people's comments, revisions, fields and footnotes left alone.
 */
const DATE = new Date("2026-01-15T09:30:00Z");

const CLAUSES = [
  { heading: 1 as const, text: "Managed Print Services Agreement" },
  { text: 'This Agreement is made between Harbour Clinics Ltd (the "Customer") and Inkwell Managed Services Limited (the "Supplier").' },
  { level: 0, text: "Services" },
  {
    level: 1,
    text: "The Supplier shall supply, install and maintain the printers listed in Schedule A. The Supplier shall keep a stock of toner at each site.",
  },
  { level: 0, text: "Indemnity" },
  {
    level: 1,
    text: "The printers remain at the sites. The Supplier shall indemnify, defend and hold harmless the Customer against all claims, losses and costs arising out of or in connection with this Agreement. Nothing else applies.",
  },
  { level: 0, text: "Termination" },
  {
    level: 1,
    text: "The Customer may terminate this Agreement at any time for convenience on thirty days' written notice to the Supplier.",
  },
  { level: 0, text: "Governance" },
  {
    level: 1,
    text: "The parties shall establish a joint steering committee with senior representatives of each party, meeting quarterly to review performance and agree improvements.",
  },
];

async function options(overrides: Partial<ReviewOptions> = {}): Promise<ReviewOptions> {
  const pack = await builtinPack();
  return { author: "trustlint", date: DATE, rules: new Map(pack.rules.map((r) => [r.id, toMeta(r)])), ...overrides };
}

async function review(bytes: Uint8Array, overrides: Partial<ReviewOptions> = {}, path = "draft.docx") {
  const result = await reviewBytes(path, bytes, await builtinPack(), await options(overrides));
  if (!result.ok) throw new Error(`${result.error.code} ${result.error.message}`);
  return result.value;
}

async function textOf(bytes: Uint8Array): Promise<string> {
  const doc = await ingest({ path: "x.docx", bytes });
  if (!doc.ok) throw new Error(doc.error.message);
  return (doc.value as ContractDocument).text;
}

async function parts(bytes: Uint8Array) {
  const zip = await JSZip.loadAsync(bytes);
  const read = async (name: string) => (await zip.file(name)?.async("string")) ?? null;
  return { zip, read, document: (await read("word/document.xml"))!, comments: await read("word/comments.xml") };
}

/** Comment id → the visible text its range covers in document.xml. */
function anchoredText(documentXml: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const id of [...documentXml.matchAll(/<w:commentRangeStart w:id="(\d+)"\/>/g)].map((m) => m[1]!)) {
    const m = new RegExp(`<w:commentRangeStart w:id="${id}"/>([\\s\\S]*?)<w:commentRangeEnd w:id="${id}"/>`).exec(documentXml)!;
    const visible = m[1]!.replace(/<w:delText[^>]*>[^<]*<\/w:delText>/g, "");
    out.set(id, [...visible.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((t) => decode(t[1]!)).join(""));
  }
  return out;
}

function decode(text: string): string {
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}

/** Comments in comments.xml: id, author, date and text. */
function commentsOf(commentsXml: string | null): { id: string; author: string; date: string; text: string }[] {
  return [...(commentsXml ?? "").matchAll(/<w:comment\b([^>]*)>([\s\S]*?)<\/w:comment>/g)].map((m) => ({
    id: /w:id="([^"]+)"/.exec(m[1]!)![1]!,
    author: /w:author="([^"]*)"/.exec(m[1]!)?.[1] ?? "",
    date: /w:date="([^"]*)"/.exec(m[1]!)?.[1] ?? "",
    text: [...m[2]!.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((t) => decode(t[1]!)).join("\n"),
  }));
}

/** Every element closed in the order it was opened: the edits kept the XML well-formed. */
function expectWellFormed(xml: string): void {
  const stack: string[] = [];
  for (const m of xml.matchAll(/<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<(\/?)([^\s/>!?]+)[^>]*?(\/?)>/g)) {
    if (!m[2]) continue;
    if (m[3]) continue;
    if (m[1]) {
      const open = stack.pop();
      if (open !== m[2])
        throw new Error(`</${m[2]}> closes <${open}> at ${m.index}: ${xml.slice(Math.max(0, m.index! - 200), m.index! + 50)}`);
    } else stack.push(m[2]);
  }
  expect(stack).toEqual([]);
}

/** Each content-type override names a part that exists, and each document relationship points at one. */
async function expectValidPackage(bytes: Uint8Array): Promise<void> {
  const { zip, read } = await parts(bytes);
  const types = (await read("[Content_Types].xml"))!;
  for (const m of types.matchAll(/PartName="\/([^"]+)"/g)) expect(zip.file(m[1]!), `override for missing part ${m[1]}`).not.toBeNull();
  const rels = (await read("word/_rels/document.xml.rels"))!;
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    if (/TargetMode="External"/.test(m[0])) continue;
    const target = /Target="([^"]+)"/.exec(m[0])![1]!;
    const path = target.startsWith("/") ? target.slice(1) : posix.normalize(`word/${target}`);
    expect(zip.file(path), `relationship to missing part ${target}`).not.toBeNull();
  }
  expect(rels).toMatch(
    /Type="http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships\/comments" Target="comments\.xml"/,
  );
  expect(types).toMatch(
    /<Override (?=[^>]*PartName="\/word\/comments\.xml")(?=[^>]*ContentType="application\/vnd\.openxmlformats-officedocument\.wordprocessingml\.comments\+xml")/,
  );
  for (const name of Object.keys(zip.files)) if (name.endsWith(".xml") || name.endsWith(".rels")) expectWellFormed((await read(name))!);
}

/** Every range marker has its comment and every comment its range and reference. */
function expectConsistentIds(documentXml: string, commentsXml: string | null): void {
  const ids = commentsOf(commentsXml)
    .map((c) => c.id)
    .sort();
  const of = (tag: string) => [...documentXml.matchAll(new RegExp(`<w:${tag} w:id="(\\d+)"`, "g"))].map((m) => m[1]!).sort();
  expect(of("commentRangeStart")).toEqual(ids);
  expect(of("commentRangeEnd")).toEqual(ids);
  expect(of("commentReference")).toEqual(ids);
  expect(new Set(ids).size).toBe(ids.length);
}

describe("review of a Word draft", { timeout: 120_000 }, () => {
  it("keeps the text, puts each comment on the finding's sentence and the summary on the title", async () => {
    const original = await makeDocx(CLAUSES);
    const out = await review(original);
    expect(out.kind).toBe("docx");
    expect(await textOf(out.bytes)).toBe(await textOf(original));
    await expectValidPackage(out.bytes);
    const { document, comments } = await parts(out.bytes);
    expectConsistentIds(document, comments);
    const list = commentsOf(comments);
    expect(list[0]!.text).toMatch(/^trustlint · review summary\nCollaboration index: \d+\/100/);
    for (const title of ["Shared vision & outcomes", "Pricing & incentives", "Risk allocation", "Dispute resolution"])
      expect(list[0]!.text).toContain(title);
    expect(list[0]!.text).toMatch(/Gaps \(\d+\)/);
    const anchors = anchoredText(document);
    expect(anchors.get(list[0]!.id)).toBe("Managed Print Services Agreement");

    const indemnity = list.find((c) => /indemn/i.test(c.text) && c.text.includes("flag"));
    expect(indemnity, list.map((c) => c.text.split("\n")[0]).join("; ")).toBeDefined();
    // The sentence, not the whole paragraph around it.
    expect(anchors.get(indemnity!.id)).toBe(
      "The Supplier shall indemnify, defend and hold harmless the Customer against all claims, losses and costs arising out of or in connection with this Agreement.",
    );
    expect(indemnity!.text).toMatch(/About: the Supplier carries it; the Customer benefits\./);
    // A sentence that starts a numbered paragraph: Word draws "3.1", the reader writes it, the comment skips it.
    const termination = list.find((c) => /terminate for convenience/i.test(c.text.split("\n")[0]!));
    expect(termination, list.map((c) => c.text.split("\n")[0]).join("; ")).toBeDefined();
    expect(anchors.get(termination!.id)).toBe(
      "The Customer may terminate this Agreement at any time for convenience on thirty days' written notice to the Supplier.",
    );
    expect(indemnity!.text).toMatch(/Why it matters: /);
    expect(indemnity!.text).toMatch(/Balanced alternative: /);
    expect(indemnity!.author).toBe("trustlint");
    expect(indemnity!.date).toBe("2026-01-15T09:30:00Z");
    // A strength gets a short comment.
    const strength = list.find((c) => c.text.startsWith("trustlint · strength"));
    expect(strength).toBeDefined();
    expect(strength!.text.split("\n").length).toBeLessThanOrEqual(2);
    expect(out.stats.paragraphOnly).toBe(0);
  });

  it("writes the same bytes for the same input and date, and other bytes for another date", async () => {
    const original = await makeDocx(CLAUSES);
    const a = await review(original);
    const b = await review(original);
    expect(Buffer.from(a.bytes).equals(Buffer.from(b.bytes))).toBe(true);
    const c = await review(original, { date: new Date("2026-02-01T00:00:00Z") });
    expect(Buffer.from(a.bytes).equals(Buffer.from(c.bytes))).toBe(false);
    // SOURCE_DATE_EPOCH=0 is 1970, before zip dates begin: entries are stamped 1980-01-01, comments keep 1970.
    const epoch = await review(original, { date: new Date(0) });
    const zip = await JSZip.loadAsync(epoch.bytes);
    expect(Object.values(zip.files).every((f) => f.date.getTime() === Date.UTC(1980, 0, 1))).toBe(true);
    expect(await zip.file("word/comments.xml")!.async("string")).toContain('w:date="1970-01-01T00:00:00Z"');
  });

  it("replaces its own comments on a second review and leaves the document as the first review made it", async () => {
    const once = await review(await makeDocx(CLAUSES));
    const twice = await review(once.bytes);
    expect(twice.stats.replaced).toBe(once.stats.comments + 1);
    expect(twice.stats.kept).toBe(0);
    const a = await parts(once.bytes);
    const b = await parts(twice.bytes);
    expect(b.document).toBe(a.document);
    expect(commentsOf(b.comments)).toEqual(commentsOf(a.comments));
    expect(Buffer.from(twice.bytes).equals(Buffer.from(once.bytes))).toBe(true);
  });

  it("honours --flags-only, --min-severity and --author", async () => {
    const original = await makeDocx(CLAUSES);
    const all = commentsOf((await parts((await review(original)).bytes)).comments);
    const flags = commentsOf((await parts((await review(original, { flagsOnly: true })).bytes)).comments);
    expect(all.some((c) => c.text.startsWith("trustlint · strength"))).toBe(true);
    expect(flags.some((c) => c.text.startsWith("trustlint · strength"))).toBe(false);
    const highReview = await review(original, { minSeverity: "high" });
    const high = commentsOf((await parts(highReview.bytes)).comments);
    // Severity filters strengths too (a strength's severity is its weight in the score).
    for (const c of high.slice(1)) expect(c.text).toMatch(/^trustlint · (critical|high) |^trustlint · strength/);
    const expected = highReview.report.findings.filter((f) => f.kind !== "gap" && ["critical", "high"].includes(f.severity)).length;
    expect(high.length).toBe(expected + 1);
    const critical = commentsOf((await parts((await review(original, { minSeverity: "critical" })).bytes)).comments);
    expect(critical.length).toBeLessThan(all.length);
    const jane = commentsOf((await parts((await review(original, { author: "Jane Doe & Co" })).bytes)).comments);
    expect(jane.every((c) => c.author === "Jane Doe &amp; Co")).toBe(true);
  });

  it("gives no comment to a finding the baseline accepted", async () => {
    const original = await makeDocx(CLAUSES);
    const out = await review(original, {
      adjust: (r) => ({
        ...r,
        findings: r.findings.map((f) =>
          /indemn/.test(f.ruleId) ? { ...f, suppressed: { kind: "baseline" as const, reason: "accepted" } } : f,
        ),
      }),
    });
    const list = commentsOf((await parts(out.bytes)).comments);
    expect(list.some((c) => /indemn/i.test(c.text.split("\n")[0]!))).toBe(false);
  });
});

/** A draft as it comes back from a negotiation: someone's comment, tracked changes, a field, a footnote, a table, a text box. */
async function messyDocx(): Promise<Uint8Array> {
  return negotiatedDraft({ textBox: true });
}

describe("review of a negotiated Word draft", { timeout: 120_000 }, () => {
  it("keeps the other comment, the revisions, the field and the footnote, and the text reads the same", async () => {
    const original = await messyDocx();
    const out = await review(original);
    expect(await textOf(out.bytes)).toBe(await textOf(original));
    await expectValidPackage(out.bytes);
    const before = await parts(original);
    const after = await parts(out.bytes);
    expectConsistentIds(after.document, after.comments);
    expect(out.stats.kept).toBe(1);
    const list = commentsOf(after.comments);
    expect(list.find((c) => c.id === "0")).toMatchObject({ author: "Jane Buyer", text: "Can we live with this?" });
    for (const tag of ["w:ins", "w:del", "w:delText", "w:fldSimple", "w:footnoteReference", "w:txbxContent"]) {
      expect(after.document.split(`<${tag}`).length, tag).toBe(before.document.split(`<${tag}`).length);
    }
    expect(await after.read("word/footnotes.xml")).toBe(await before.read("word/footnotes.xml"));
    // The indemnity comment covers the visible words across the bold run, the footnote and the insertion.
    const anchors = anchoredText(after.document);
    const indemnity = list.find((c) => c.id !== "0" && /indemn/i.test(c.text));
    expect(indemnity).toBeDefined();
    expect(anchors.get(indemnity!.id)).toMatch(
      /^The Supplier shall indemnify and hold harmless the Customer against all losses arising from the Services\.?$/,
    );
    // The reader sees a table row as one line ("Cleaning<tab>The parties shall…"); the comment stays in one cell.
    const committee = list.find((c) => /governance/i.test(c.text.split("\n")[0]!) && c.text.startsWith("trustlint · strength"));
    expect(committee, list.map((c) => c.text.split("\n")[0]).join("; ")).toBeDefined();
    expect(anchors.get(committee!.id)).toMatch(/^The parties shall establish a joint steering committee/);
    // A second review keeps Jane's comment again and replaces only trustlint's.
    const again = await review(out.bytes);
    expect(again.stats).toMatchObject({ kept: 1, replaced: list.length - 1 });
    expect(commentsOf((await parts(again.bytes)).comments).filter((c) => c.author === "Jane Buyer")).toHaveLength(1);
  });

  it("falls back to the paragraph, with a note, when the words cannot be found", async () => {
    const original = await makeDocx(CLAUSES);
    const result = await reviewBytes("draft.docx", original, await builtinPack(), {
      ...(await options()),
      adjust: (r) => ({
        ...r,
        findings: r.findings.map((f) =>
          f.kind === "flag" ? { ...f, excerpt: "words that are nowhere in the document", matched: "nowhere" } : f,
        ),
      }),
    });
    // The matched words still locate the finding; a wrong excerpt only narrows the anchor.
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.stats.paragraphOnly).toBe(0);
    // Words only the reader added (the list number "1." drawn by Word) are not in the XML: whole paragraph.
    const moved = await reviewBytes("draft.docx", original, await builtinPack(), {
      ...(await options()),
      adjust: (r) => ({
        ...r,
        findings: r.findings.map((f) =>
          f.kind === "flag" ? { ...f, location: { ...f.location, line: 5, column: 1, endLine: 5, endColumn: 3 }, excerpt: "zzz qqq" } : f,
        ),
      }),
    });
    if (!moved.ok) throw new Error(moved.error.message);
    expect(moved.value.stats.paragraphOnly).toBeGreaterThan(0);
    const list = commentsOf((await parts(moved.value.bytes)).comments);
    expect(list.some((c) => c.text.includes("could not find these exact words"))).toBe(true);
    expectConsistentIds((await parts(moved.value.bytes)).document, (await parts(moved.value.bytes)).comments);
  });

  it("refuses a damaged, an encrypted and a PDF input with a reason", async () => {
    const good = await makeDocx(CLAUSES);
    const pack = await builtinPack();
    const opts = await options();
    const truncated = await reviewBytes("draft.docx", good.subarray(0, Math.floor(good.length / 2)), pack, opts);
    expect(truncated.ok ? null : truncated.error.code).toBe("DOCX_CORRUPT");
    const cfb = new Uint8Array(2048);
    cfb.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    cfb.set(Buffer.from("EncryptedPackage", "utf16le"), 1024);
    const encrypted = await reviewBytes("secret.docx", cfb, pack, opts);
    expect(encrypted.ok ? null : encrypted.error.message).toMatch(/password-protected/);
    const pdf = await reviewBytes("draft.pdf", new TextEncoder().encode("%PDF-1.4\n"), pack, opts);
    expect(pdf.ok ? null : `${pdf.error.message} ${pdf.error.hint}`).toMatch(/editable source.*--format html/);
  });
});

/** Compared without white space and with straight quotes, as the engine reads text. */
function flat(text: string): string {
  return text
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/\s+/g, "")
    .toLowerCase();
}

const SHARED = join(process.cwd(), "..", "shared", "corpus", "standard");
function wordFiles(): string[] {
  const out: string[] = [];
  for (const sub of ["commonpaper-docx", "bonterms"]) {
    const dir = join(SHARED, sub);
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir).sort()) {
      const folder = join(dir, name);
      if (!statSync(folder).isDirectory()) continue;
      for (const f of readdirSync(folder).sort()) if (f.endsWith(".docx")) out.push(join(folder, f));
    }
  }
  return out;
}
const STANDARD = wordFiles();

describe.skipIf(STANDARD.length === 0)("review of the Common Paper and Bonterms Word files", { timeout: 600_000 }, () => {
  it("round-trips every file: same text, consistent comments, valid package, nearly every comment on exact words", async () => {
    let comments = 0;
    let paragraphOnly = 0;
    for (const file of STANDARD) {
      const original = new Uint8Array(readFileSync(file));
      const out = await review(original, {}, file);
      expect(await textOf(out.bytes), file).toBe(await textOf(original));
      await expectValidPackage(out.bytes);
      const { document, comments: xml } = await parts(out.bytes);
      expectConsistentIds(document, xml);
      expect(out.stats.unplaced, file).toBe(0);
      // Comment i+1 belongs to the i-th commented finding; its range holds the words that fired the rule.
      const anchors = anchoredText(document);
      const list = commentsOf(xml);
      const findings = out.report.findings.filter((f) => f.kind !== "gap" && !f.suppressed);
      findings.forEach((f, i) => {
        const id = list[i + 1]!.id;
        expect(flat(anchors.get(id) ?? ""), `${file}: ${f.ruleId}`).toContain(flat(f.matched));
      });
      comments += out.stats.comments;
      paragraphOnly += out.stats.paragraphOnly;
    }
    expect(comments).toBeGreaterThan(STANDARD.length);
    expect(paragraphOnly / comments).toBeLessThan(0.05);
  });
});

/** A 100-page contract: 350 numbered clauses of five long sentences (about 500,000 characters; LibreOffice lays it out on 101 A4 pages). */
async function longDocx(): Promise<Uint8Array> {
  const bodies = [
    "The Supplier shall supply, install and maintain the equipment listed in the relevant schedule at each Customer site, and shall keep spare parts sufficient for four weeks of normal use at every site.",
    "The Supplier shall indemnify, defend and hold harmless the Customer against all claims, losses and costs arising out of or in connection with this Agreement.",
    "The Customer may terminate this Agreement at any time for convenience on thirty days' written notice to the Supplier.",
    "The Customer shall pay the charges set out in the schedule within thirty days of a valid invoice, and disputed amounts shall be resolved in good faith between the contract managers.",
    "Each party shall keep the other's confidential information secret and use it only for the purposes of this Agreement, except where disclosure is required by law.",
  ];
  const children = [
    new Paragraph({ text: "Master Services Agreement", heading: HeadingLevel.TITLE }),
    new Paragraph(
      'This Agreement is made between Harbour Clinics Ltd (the "Customer") and Inkwell Managed Services Limited (the "Supplier").',
    ),
  ];
  for (let i = 1; i <= 350; i++) {
    children.push(new Paragraph({ text: `${i}. Clause ${i}`, heading: HeadingLevel.HEADING_2 }));
    for (let j = 0; j < 5; j++)
      children.push(
        new Paragraph(
          `${i}.${j + 1} ${bodies[(i + j) % bodies.length]} This sentence number ${i * 10 + j} keeps the text long enough to fill a page of an ordinary contract.`,
        ),
      );
  }
  return new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children }] })));
}

// Speed (review under 2x check) is measured by `npm run bench` (row 7) as a ratio in one run, not timed here.
describe("a long Word contract", { timeout: 300_000 }, () => {
  it("puts each of 600+ comments of a 100-page contract in the paragraph of its own clause", async () => {
    const bytes = await longDocx();
    const pack = await builtinPack();
    const opts = await options();
    const out = await reviewBytes("long.docx", bytes, pack, opts);
    expect(out.ok && out.value.stats.comments).toBeGreaterThan(600);
    expect(out.ok && out.value.stats.paragraphOnly).toBe(0);
    // The same sentence occurs seventy times: each comment sits in the paragraph of its own clause.
    if (!out.ok) return;
    const { document, comments } = await parts(out.value.bytes);
    const clauseOf = new Map(commentsOf(comments).map((c) => [c.id, /clause (\S+)$/m.exec(c.text)?.[1]]));
    let checked = 0;
    for (const para of document.split("</w:p>")) {
      const text = [...para.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join("");
      for (const [, id] of para.matchAll(/<w:commentRangeStart w:id="(\d+)"\/>/g)) {
        const clause = clauseOf.get(id!);
        if (!clause) continue;
        expect(text.startsWith(`${clause} `), `comment ${id} for clause ${clause} is in: ${text.slice(0, 40)}`).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(600);
  });
});
