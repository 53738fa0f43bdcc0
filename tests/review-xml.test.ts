import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { toMeta } from "../src/core/meta.js";
import { ingest } from "../src/ingest/index.js";
import type { ContractDocument } from "../src/model/document.js";
import { readDocumentXml } from "../src/review/docx-xml.js";
import { removeMarkers } from "../src/review/docx.js";
import { reviewBytes } from "../src/review/index.js";
import { builtinPack } from "./helpers.js";

/**
 * Hand-written WordprocessingML that the docx library does not produce: a package with no comments part at
 * all, self-closed paragraph properties, entities, hyperlinks, inline content controls, deleted and moved
 * text, alternate content with a text-box fallback, and markers left behind without their comment.
 */
const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

async function packageOf(body: string, extra: Record<string, string> = {}): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file(
    "[Content_Types].xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
  );
  zip.file(
    "_rels/.rels",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
  );
  zip.file(
    "word/_rels/document.xml.rels",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://example.com" TargetMode="External"/></Relationships>`,
  );
  zip.file(
    "word/document.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:v="urn:schemas-microsoft-com:vml"><w:body>${body}<w:sectPr/></w:body></w:document>`,
  );
  for (const [name, text] of Object.entries(extra)) zip.file(name, text);
  return zip.generateAsync({ type: "uint8array" });
}

const p = (inner: string, props = "") => `<w:p>${props}${inner}</w:p>`;
const r = (text: string, rPr = "") => `<w:r>${rPr}<w:t xml:space="preserve">${text}</w:t></w:r>`;

const BODY = [
  p(r("Cleaning Services Agreement"), "<w:pPr/>"),
  p(
    r("This Agreement is between Northgate Hospital Trust (the &quot;Customer&quot;) and Civic Estates Ltd (the &quot;Supplier&quot;)."),
    `<w:pPr><w:pStyle w:val="Normal"/></w:pPr>`,
  ),
  p(
    r("1. Indemnity. The Supplier shall indemnify ") +
      `<w:hyperlink r:id="rId1"><w:r><w:rPr><w:u w:val="single"/></w:rPr><w:t>and hold harmless</w:t></w:r></w:hyperlink>` +
      r(" the Customer against all losses ") +
      `<w:del w:id="7" w:author="A" w:date="2025-01-01T00:00:00Z"><w:r><w:delText xml:space="preserve">and expenses </w:delText></w:r></w:del>` +
      `<w:sdt><w:sdtPr/><w:sdtContent>${r("arising from the Services &amp; works")}</w:sdtContent></w:sdt>` +
      r(". Nothing else applies."),
    "<w:pPr/>",
  ),
  p(
    `<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent>${p(r("Draft only."))}</w:txbxContent></wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><v:textbox><w:txbxContent>${p(r("Draft only."))}</w:txbxContent></v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r>` +
      r("2. Termination. The Customer may terminate this Agreement for convenience on thirty days&apos; notice."),
  ),
  p(`<w:commentRangeStart w:id="4"/>${r("3. Disputes. The courts of England have exclusive jurisdiction.")}<w:commentRangeEnd w:id="4"/>`),
].join("");

async function options() {
  const pack = await builtinPack();
  return { author: "trustlint", date: new Date("2026-01-01T00:00:00Z"), rules: new Map(pack.rules.map((x) => [x.id, toMeta(x)])) };
}

async function text(bytes: Uint8Array): Promise<string> {
  const doc = await ingest({ path: "x.docx", bytes });
  if (!doc.ok) throw new Error(doc.error.message);
  return (doc.value as ContractDocument).text;
}

describe("Word XML the docx library does not write", { timeout: 60_000 }, () => {
  it("reads visible text only, with an XML offset for every character", () => {
    const xml = `<w:document xmlns:w="${W}"><w:body>${BODY}</w:body></w:document>`;
    const doc = readDocumentXml(xml);
    const visible = doc.paragraphs.filter((x) => !x.boxed).map((x) => x.text);
    expect(visible[2]).toBe(
      "1. Indemnity. The Supplier shall indemnify and hold harmless the Customer against all losses arising from the Services & works. Nothing else applies.",
    );
    expect(visible[3]).toBe("2. Termination. The Customer may terminate this Agreement for convenience on thirty days' notice.");
    // The text box is read once (its fallback copy is not) and marked boxed.
    expect(doc.paragraphs.filter((x) => x.boxed).map((x) => x.text)).toEqual(["Draft only."]);
    // Self-closed paragraph properties: paragraph content starts after them.
    expect(xml.slice(doc.paragraphs[0]!.contentStart, doc.paragraphs[0]!.contentStart + 5)).toBe("<w:r>");
    for (const para of doc.paragraphs) {
      for (const piece of para.pieces.filter((x) => x.kind === "t")) {
        piece.text.split("").forEach((ch, i) => {
          const at = piece.xml[i]!;
          expect(xml[at] === ch || xml.startsWith("&", at)).toBe(true);
        });
      }
    }
  });

  it("reviews it: comments part, relationship and content type created, ids after a stray marker, text unchanged", async () => {
    const bytes = await packageOf(BODY);
    const result = await reviewBytes("hand.docx", bytes, await builtinPack(), await options());
    if (!result.ok) throw new Error(result.error.message);
    const out = result.value.bytes;
    expect(await text(out)).toBe(await text(bytes));
    const zip = await JSZip.loadAsync(out);
    const documentXml = (await zip.file("word/document.xml")!.async("string"))!;
    const comments = (await zip.file("word/comments.xml")!.async("string"))!;
    expect(await zip.file("[Content_Types].xml")!.async("string")).toContain(
      '<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/>',
    );
    expect(await zip.file("word/_rels/document.xml.rels")!.async("string")).toMatch(
      /<Relationship Id="rIdTrustlint1" Type="http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships\/comments" Target="comments\.xml"\/>/,
    );
    expect(comments.startsWith(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:comments xmlns:w="${W}">`)).toBe(true);
    // The stray marker keeps id 4; trustlint's comments start at 5.
    const ids = [...comments.matchAll(/<w:comment w:id="(\d+)"/g)].map((m) => Number(m[1]));
    expect(Math.min(...ids)).toBe(5);
    // The summary sits inside the first paragraph, after its self-closed properties.
    expect(documentXml).toContain(`<w:p><w:pPr/><w:commentRangeStart w:id="5"/>`);
    // The indemnity comment runs through the hyperlink, over the deletion and into the content control.
    const indemnity = /<w:commentRangeStart w:id="(\d+)"\/><w:r><w:t xml:space="preserve">The Supplier shall indemnify <\/w:t><\/w:r>/.exec(
      documentXml,
    );
    expect(indemnity).not.toBeNull();
    const id = indemnity![1]!;
    expect(documentXml).toMatch(
      new RegExp(
        `<w:sdtContent><w:r><w:t xml:space="preserve">arising from the Services &amp; works</w:t></w:r></w:sdtContent></w:sdt><w:r><w:t xml:space="preserve">\\.</w:t></w:r><w:commentRangeEnd w:id="${id}"/><w:r><w:commentReference w:id="${id}"/></w:r><w:r><w:t xml:space="preserve"> Nothing else applies\\.</w:t></w:r>`,
      ),
    );
    // Nothing is anchored in the text box or its fallback.
    expect(documentXml).toMatch(/<w:txbxContent><w:p><w:r><w:t xml:space="preserve">Draft only\.<\/w:t><\/w:r><\/w:p><\/w:txbxContent>/);
  });

  it("removes only the markers of the given comments", () => {
    const xml = `<w:p><w:commentRangeStart w:id="1"/><w:commentRangeStart w:id="2"/>${r("x")}<w:commentRangeEnd w:id="2"/><w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:commentReference w:id="2"/></w:r><w:commentRangeEnd w:id="1"/><w:r><w:commentReference w:id="1"/></w:r></w:p>`;
    expect(removeMarkers(xml, new Set([2]))).toBe(
      `<w:p><w:commentRangeStart w:id="1"/>${r("x")}<w:commentRangeEnd w:id="1"/><w:r><w:commentReference w:id="1"/></w:r></w:p>`,
    );
  });

  it("on a second review, drops Word's extra records of its old comments and detaches replies to them", async () => {
    const first = await reviewBytes("hand.docx", await packageOf(BODY), await builtinPack(), await options());
    if (!first.ok) throw new Error(first.error.message);
    // What Word does on saving: paragraph ids on comments, a reply by Jane to trustlint's summary (id 5).
    const zip = await JSZip.loadAsync(first.value.bytes);
    let comments = (await zip.file("word/comments.xml")!.async("string"))!;
    comments = comments.replace(
      '<w:comment w:id="5" w:author="trustlint" w:date="2026-01-01T00:00:00Z" w:initials="TL"><w:p>',
      '<w:comment w:id="5" w:author="trustlint" w:date="2026-01-01T00:00:00Z" w:initials="TL"><w:p w14:paraId="0A0A0A0A">',
    );
    comments = comments
      .replace(
        "</w:comments>",
        '<w:comment w:id="99" w:author="Jane" w:date="2026-01-02T00:00:00Z" w:initials="J"><w:p w14:paraId="0B0B0B0B"><w:r><w:t>Agreed, we add a vision.</w:t></w:r></w:p></w:comment></w:comments>',
      )
      .replace("<w:comments ", '<w:comments xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" ');
    zip.file("word/comments.xml", comments);
    let documentXml = (await zip.file("word/document.xml")!.async("string"))!;
    documentXml = documentXml.replace(
      '<w:commentRangeEnd w:id="5"/><w:r><w:commentReference w:id="5"/></w:r>',
      '<w:commentRangeEnd w:id="5"/><w:r><w:commentReference w:id="5"/></w:r><w:commentRangeStart w:id="99"/><w:commentRangeEnd w:id="99"/><w:r><w:commentReference w:id="99"/></w:r>',
    );
    zip.file("word/document.xml", documentXml);
    const W15 = "http://schemas.microsoft.com/office/word/2012/wordml";
    zip.file(
      "word/commentsExtended.xml",
      `<w15:commentsEx xmlns:w15="${W15}"><w15:commentEx w15:paraId="0A0A0A0A" w15:done="0"/><w15:commentEx w15:paraId="0B0B0B0B" w15:paraIdParent="0A0A0A0A" w15:done="0"/></w15:commentsEx>`,
    );
    const second = await reviewBytes("hand.docx", await zip.generateAsync({ type: "uint8array" }), await builtinPack(), await options());
    if (!second.ok) throw new Error(second.error.message);
    expect(second.value.stats).toMatchObject({ kept: 1, replaced: first.value.stats.comments + 1 });
    const after = await JSZip.loadAsync(second.value.bytes);
    const extended = await after.file("word/commentsExtended.xml")!.async("string");
    expect(extended).toBe(`<w15:commentsEx xmlns:w15="${W15}"><w15:commentEx w15:paraId="0B0B0B0B" w15:done="0"/></w15:commentsEx>`);
    const newComments = (await after.file("word/comments.xml")!.async("string"))!;
    expect(newComments).toContain("Agreed, we add a vision.");
    expect(newComments.match(/<w:comment /g)).toHaveLength(first.value.stats.comments + 2);
    // Jane's comment keeps its id; trustlint's new ones come after it.
    expect(Math.min(...[...newComments.matchAll(/<w:comment w:id="(\d+)" w:author="trustlint"/g)].map((m) => Number(m[1])))).toBe(100);
  });

  it("writes into the comments part the relationships name, when it is not word/comments.xml", async () => {
    const bytes = await packageOf(BODY, {
      "word/notes/remarks.xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:comments xmlns:w="${W}"><w:comment w:id="0" w:author="Jane" w:date="2026-01-02T00:00:00Z"><w:p><w:r><w:t>Check clause 2.</w:t></w:r></w:p></w:comment></w:comments>`,
    });
    const zip = await JSZip.loadAsync(bytes);
    const rels = (await zip.file("word/_rels/document.xml.rels")!.async("string"))!;
    zip.file(
      "word/_rels/document.xml.rels",
      rels.replace(
        "</Relationships>",
        '<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="notes/remarks.xml"/></Relationships>',
      ),
    );
    const types = (await zip.file("[Content_Types].xml")!.async("string"))!;
    zip.file(
      "[Content_Types].xml",
      types.replace(
        "</Types>",
        '<Override ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml" PartName="/word/notes/remarks.xml"/></Types>',
      ),
    );
    const result = await reviewBytes("hand.docx", await zip.generateAsync({ type: "uint8array" }), await builtinPack(), await options());
    if (!result.ok) throw new Error(result.error.message);
    const out = await JSZip.loadAsync(result.value.bytes);
    expect(out.file("word/comments.xml")).toBeNull();
    const remarks = (await out.file("word/notes/remarks.xml")!.async("string"))!;
    expect(remarks).toContain("Check clause 2.");
    expect(remarks).toContain("trustlint · review summary");
    expect((await out.file("word/_rels/document.xml.rels")!.async("string"))!.match(/relationships\/comments"/g)).toHaveLength(1);
    expect((await out.file("[Content_Types].xml")!.async("string"))!.match(/comments\+xml/g)).toHaveLength(1);
  });
});
