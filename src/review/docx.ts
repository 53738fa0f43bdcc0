import { posix } from "node:path";
import type { ContractDocument } from "../model/document.js";
import type { DocumentReport } from "../model/report.js";
import type { RuleMeta } from "../model/rule.js";
import { appError } from "../shared/errors.js";
import { err, ok, type Result } from "../shared/result.js";
import { openZip, type ZipPackage } from "../shared/zip.js";
import { AnchorFinder, type Anchor } from "./anchor.js";
import {
  commentedFindings,
  findingComment,
  MARKER,
  PARAGRAPH_NOTE,
  summaryComment,
  summaryGaps,
  type CommentText,
  type SelectOptions,
} from "./comments.js";
import { escapeXml, readDocumentXml, type DocumentXml, type Paragraph, type Piece, type Run } from "./docx-xml.js";

/**
 * The Word review: the same package with a comment on the words of each finding and a summary comment on the
 * first paragraph. document.xml is edited by inserting comment markers (splitting a run where a comment starts
 * or ends inside it, with the run's own properties on both halves); nothing else in it changes, so the text,
 * the formatting, tracked changes, fields and other people's comments are as they were. trustlint's own
 * comments from an earlier review are removed first, so reviewing a reviewed file replaces them.
 */
export interface DocxReviewOptions extends SelectOptions {
  author: string;
  /** Comment dates and zip entry dates. */
  date: Date;
  rules: ReadonlyMap<string, RuleMeta>;
}

export interface ReviewStats {
  /** Comments written on clauses (the summary not counted). */
  comments: number;
  /** Of those, comments put on a whole paragraph because the words were not found. */
  paragraphOnly: number;
  /** Findings with no place at all in the document (none expected; counted for honesty). */
  unplaced: number;
  /** Comments by others kept, and trustlint comments from an earlier review replaced. */
  kept: number;
  replaced: number;
}

const NS = {
  transitional: {
    main: "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    rel: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments",
  },
  strict: {
    main: "http://purl.oclc.org/ooxml/wordprocessingml/main",
    rel: "http://purl.oclc.org/ooxml/officeDocument/relationships/comments",
  },
};
const COMMENTS_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml";

export async function reviewDocx(
  path: string,
  bytes: Uint8Array,
  doc: ContractDocument,
  report: DocumentReport,
  options: DocxReviewOptions,
): Promise<Result<{ bytes: Uint8Array; stats: ReviewStats }>> {
  let zip: ZipPackage;
  try {
    zip = await openZip(bytes);
  } catch (e) {
    return err(
      appError("DOCX_CORRUPT", `the Word file is damaged (${(e as Error).message.split("\n")[0]})`, {
        path,
        hint: "open it in Word or LibreOffice and save it again as .docx",
      }),
    );
  }
  const documentXml = await zip.text("word/document.xml");
  if (documentXml === null) return err(appError("DOCX_CORRUPT", "not a Word .docx file (no word/document.xml)", { path }));
  if (!/<w:body[\s>]/.test(documentXml)) {
    return err(
      appError("DOCX_CORRUPT", "word/document.xml does not use the usual w: prefix; trustlint cannot place comments in it", {
        path,
        hint: "open it in Word or LibreOffice and save it again as .docx",
      }),
    );
  }

  // 1. Forget trustlint's earlier comments; keep everyone else's.
  // The comments part is word/comments.xml unless the document's relationships name another one.
  const part = await commentsPart(zip);
  const existingXml = await zip.text(part);
  const existing = parseComments(existingXml);
  const ours = new Set(existing.filter((c) => c.ours).map((c) => c.id));
  const kept = existing.filter((c) => !c.ours);
  const cleanDocument = ours.size ? removeMarkers(documentXml, ours) : documentXml;
  const parsed = readDocumentXml(cleanDocument);
  const finder = new AnchorFinder(doc, parsed.paragraphs);
  const first = finder.firstParagraph();
  if (first === null)
    return err(appError("DOCX_CORRUPT", "the Word file has no paragraph outside text boxes to put a comment on", { path }));

  // 2. One comment per finding, in document order, after the summary.
  const rules = options.rules;
  const findings = commentedFindings(report, options);
  const placed: { anchor: Anchor; text: CommentText }[] = [];
  let paragraphOnly = 0;
  let unplaced = 0;
  for (const f of findings) {
    const anchor = finder.anchor(f);
    if (!anchor) {
      unplaced++;
      continue;
    }
    if (anchor.kind === "paragraph") paragraphOnly++;
    placed.push({ anchor, text: findingComment(f, report, rules, anchor.kind === "paragraph" ? PARAGRAPH_NOTE : undefined) });
  }
  const summary = summaryComment(report, summaryGaps(report, options), { comments: placed.length, paragraphOnly });
  const all = [{ anchor: { kind: "paragraph", para: first } as Anchor, text: summary }, ...placed];
  // After every id in use: the kept comments' and any marker left in the document without its comment.
  const markerIds = [...cleanDocument.matchAll(/<w:(?:commentRangeStart|commentRangeEnd|commentReference)\b[^>]*\bw:id="(\d+)"/g)].map(
    (m) => Number(m[1]),
  );
  const firstId = [...kept.map((c) => c.id), ...markerIds].reduce((m, id) => Math.max(m, id + 1), 0);

  // 3. Markers into document.xml, comments into comments.xml.
  const edits = new Edits();
  all.forEach((c, i) => addMarkers(edits, parsed, c.anchor, firstId + i));
  zip.setText("word/document.xml", edits.apply(cleanDocument));
  const ns = parsed.strict ? NS.strict : NS.transitional;
  const date = isoDate(options.date);
  const initials = initialsOf(options.author);
  const elements = all.map((c, i) => commentElement(firstId + i, options.author, date, initials, c.text)).join("");
  zip.setText(part, existingXml !== null ? withComments(existingXml, existing, ours, elements, ns.main) : newComments(elements, ns.main));
  await ensureRelationship(zip, ns.rel);
  await ensureContentType(zip, part);
  if (ours.size)
    await forgetExtended(
      zip,
      existing.filter((c) => c.ours).flatMap((c) => c.paraIds),
    );

  const out = await zip.toBytes(options.date);
  return ok({ bytes: out, stats: { comments: placed.length, paragraphOnly, unplaced, kept: kept.length, replaced: ours.size } });
}

// ---------------------------------------------------------------------------------------------------------
// Existing comments

interface ExistingComment {
  id: number;
  ours: boolean;
  source: string;
  /** w14:paraId of its paragraphs (Word links replies and "done" states through them). */
  paraIds: string[];
}

const COMMENT = /<w:comment\b[^>]*?(?:\/>|>[\s\S]*?<\/w:comment>)/g;

function parseComments(xml: string | null): ExistingComment[] {
  if (!xml) return [];
  return [...xml.matchAll(COMMENT)].map((m) => {
    const source = m[0];
    const id = Number(/\bw:id="(-?\d+)"/.exec(source)?.[1] ?? -1);
    const text = [...source.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join("");
    const paraIds = [...source.matchAll(/\bw14:paraId="([0-9A-Fa-f]+)"/g)].map((p) => p[1]!);
    return { id, ours: text.trimStart().startsWith(MARKER), source, paraIds };
  });
}

/** document.xml without the range markers and reference runs of the given comment ids. */
export function removeMarkers(xml: string, ids: ReadonlySet<number>): string {
  const mine = (tag: string) => ids.has(Number(/\bw:id="(-?\d+)"/.exec(tag)?.[1]));
  return xml
    .replace(/<w:r(?:\s[^>]*)?>(?:<w:rPr>(?:(?!<\/w:rPr>)[\s\S])*<\/w:rPr>|<w:rPr\/>)?<w:commentReference\b[^>]*\/><\/w:r>/g, (run) =>
      mine(run) ? "" : run,
    )
    .replace(/<w:(?:commentRangeStart|commentRangeEnd|commentReference)\b[^>]*\/>/g, (tag) => (mine(tag) ? "" : tag));
}

function withComments(
  xml: string | null,
  existing: readonly ExistingComment[],
  ours: ReadonlySet<number>,
  elements: string,
  main: string,
): string {
  if (!xml || !/<\/w:comments>/.test(xml)) {
    // A self-closed or missing root: rebuild it around the comments that are kept.
    return newComments(
      existing
        .filter((c) => !ours.has(c.id))
        .map((c) => c.source)
        .join("") + elements,
      main,
    );
  }
  const cleaned = ours.size ? xml.replace(COMMENT, (c) => (existing.find((e) => e.source === c)?.ours ? "" : c)) : xml;
  const at = cleaned.lastIndexOf("</w:comments>");
  return cleaned.slice(0, at) + elements + cleaned.slice(at);
}

function newComments(elements: string, main: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:comments xmlns:w="${main}">${elements}</w:comments>`;
}

/** Word's companion parts refer to comments by paragraph id; entries of removed comments go with them. */
async function forgetExtended(zip: ZipPackage, paraIds: readonly string[]): Promise<void> {
  if (!paraIds.length) return;
  const ids = new Set(paraIds.map((p) => p.toUpperCase()));
  const has = (tag: string, attr: string) => ids.has((new RegExp(`\\b${attr}="([0-9A-Fa-f]+)"`).exec(tag)?.[1] ?? "").toUpperCase());
  const extended = await zip.text("word/commentsExtended.xml");
  if (extended) {
    zip.setText(
      "word/commentsExtended.xml",
      extended.replace(/<w15:commentEx\b[^>]*\/>/g, (tag) =>
        has(tag, "w15:paraId") ? "" : has(tag, "w15:paraIdParent") ? tag.replace(/\s+w15:paraIdParent="[^"]*"/, "") : tag,
      ),
    );
  }
  const durable = new Set<string>();
  const commentIds = await zip.text("word/commentsIds.xml");
  if (commentIds) {
    zip.setText(
      "word/commentsIds.xml",
      commentIds.replace(/<w16cid:commentId\b[^>]*\/>/g, (tag) => {
        if (!has(tag, "w16cid:paraId")) return tag;
        const d = /\bw16cid:durableId="([^"]+)"/.exec(tag)?.[1];
        if (d) durable.add(d);
        return "";
      }),
    );
  }
  const extensible = await zip.text("word/commentsExtensible.xml");
  if (extensible && durable.size) {
    zip.setText(
      "word/commentsExtensible.xml",
      extensible.replace(/<w16cex:commentExtensible\b[^>]*?(?:\/>|>[\s\S]*?<\/w16cex:commentExtensible>)/g, (el) =>
        durable.has(/\bw16cex:durableId="([^"]+)"/.exec(el)?.[1] ?? "") ? "" : el,
      ),
    );
  }
}

// ---------------------------------------------------------------------------------------------------------
// Package parts

const RELS = "word/_rels/document.xml.rels";

async function commentsPart(zip: ZipPackage): Promise<string> {
  const rels = await zip.text(RELS);
  const rel = rels
    ? [...rels.matchAll(/<Relationship\b[^>]*>/g)].map((m) => m[0]).find((r) => /\bType="[^"]*\/comments"/.test(r))
    : undefined;
  const target = rel ? /\bTarget="([^"]+)"/.exec(rel)?.[1] : undefined;
  if (!target || /TargetMode="External"/.test(rel ?? "")) return "word/comments.xml";
  return posix.normalize(target.startsWith("/") ? target.slice(1) : `word/${target}`);
}

async function ensureRelationship(zip: ZipPackage, type: string): Promise<void> {
  const name = RELS;
  const rels =
    (await zip.text(name)) ??
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`;
  if (/Type="[^"]*\/comments"/.test(rels)) return;
  const taken = new Set([...rels.matchAll(/\bId="([^"]+)"/g)].map((m) => m[1]));
  let n = 1;
  while (taken.has(`rIdTrustlint${n}`)) n++;
  const rel = `<Relationship Id="rIdTrustlint${n}" Type="${type}" Target="comments.xml"/>`;
  zip.setText(
    name,
    rels.includes("</Relationships>")
      ? rels.replace("</Relationships>", `${rel}</Relationships>`)
      : rels.replace(/<Relationships([^>]*)\/>/, `<Relationships$1>${rel}</Relationships>`),
  );
}

async function ensureContentType(zip: ZipPackage, part: string): Promise<void> {
  const name = "[Content_Types].xml";
  const types = await zip.text(name);
  if (!types || types.toLowerCase().includes(`partname="/${part.toLowerCase()}"`)) return;
  zip.setText(name, types.replace("</Types>", `<Override PartName="/${escapeXml(part)}" ContentType="${COMMENTS_TYPE}"/></Types>`));
}

function commentElement(id: number, author: string, date: string, initials: string, text: CommentText): string {
  const run = (t: string, bold = false) =>
    `<w:r>${bold ? "<w:rPr><w:b/></w:rPr>" : ""}<w:t xml:space="preserve">${escapeXml(t)}</w:t></w:r>`;
  const paragraphs = [
    `<w:p><w:r><w:annotationRef/></w:r>${run(text.heading, true)}</w:p>`,
    ...text.lines.map((l) => `<w:p>${run(l)}</w:p>`),
  ];
  return `<w:comment w:id="${id}" w:author="${escapeXml(author)}" w:date="${date}" w:initials="${escapeXml(initials)}">${paragraphs.join("")}</w:comment>`;
}

function isoDate(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}

function initialsOf(author: string): string {
  if (author === "trustlint") return "TL";
  const words = author.split(/\s+/).filter(Boolean);
  return (
    words
      .map((w) => w[0]!.toUpperCase())
      .join("")
      .slice(0, 4) || "TL"
  );
}

// ---------------------------------------------------------------------------------------------------------
// Markers

type Cut =
  { at: number; mode: "insert" } | { at: number; mode: "split-run"; run: Run } | { at: number; mode: "split-t"; run: Run; piece: Piece };

class Edits {
  private readonly cuts = new Map<number, { cut: Cut; ends: string[]; starts: string[] }>();
  private readonly preserve = new Map<number, string>();

  add(cut: Cut, marker: string, end: boolean): void {
    let entry = this.cuts.get(cut.at);
    if (!entry) this.cuts.set(cut.at, (entry = { cut, ends: [], starts: [] }));
    (end ? entry.ends : entry.starts).push(marker);
    if (cut.mode === "split-t" && cut.piece.tOpen && !/xml:space="preserve"/.test(cut.piece.tOpen.source))
      this.preserve.set(cut.piece.tOpen.start, cut.piece.tOpen.source);
  }

  apply(xml: string): string {
    const edits: { at: number; remove: number; text: string; order: number }[] = [];
    for (const { cut, ends, starts } of this.cuts.values()) {
      const markers = [...ends, ...starts].join("");
      const text =
        cut.mode === "insert"
          ? markers
          : cut.mode === "split-run"
            ? `</w:r>${markers}${cut.run.openTag}${cut.run.rPr}`
            : `</w:t></w:r>${markers}${cut.run.openTag}${cut.run.rPr}<w:t xml:space="preserve">`;
      edits.push({ at: cut.at, remove: 0, text, order: 0 });
    }
    for (const [at, source] of this.preserve)
      edits.push({ at, remove: source.length, text: source.replace(/^<w:t\b/, '<w:t xml:space="preserve"'), order: 1 });
    edits.sort((a, b) => a.at - b.at || a.order - b.order);
    let out = "";
    let last = 0;
    for (const e of edits) {
      out += xml.slice(last, e.at) + e.text;
      last = e.at + e.remove;
    }
    return out + xml.slice(last);
  }
}

function addMarkers(edits: Edits, doc: DocumentXml, anchor: Anchor, id: number): void {
  const start = `<w:commentRangeStart w:id="${id}"/>`;
  const end = `<w:commentRangeEnd w:id="${id}"/><w:r><w:commentReference w:id="${id}"/></w:r>`;
  if (anchor.kind === "paragraph") {
    const p = doc.paragraphs[anchor.para]!;
    edits.add({ at: p.contentStart, mode: "insert" }, start, false);
    edits.add({ at: p.close, mode: "insert" }, end, true);
    return;
  }
  const from = anchor.start;
  let to = anchor.end;
  const a = doc.paragraphs[from.para]!;
  const b = doc.paragraphs[to.para]!;
  // A range from one table cell (or text box) into another is not something an editor can show (the anchor
  // finder avoids them): keep it in the paragraph where it starts.
  if (a.container !== b.container) to = { para: a.index, at: a.text.length };
  const startCut = cutAt(doc.xml, a, from.at, "start");
  const endCut = cutAt(doc.xml, doc.paragraphs[to.para]!, to.at, "end");
  if (!startCut || !endCut) {
    edits.add({ at: a.contentStart, mode: "insert" }, start, false);
    edits.add({ at: a.close, mode: "insert" }, end, true);
    return;
  }
  edits.add(startCut, start, false);
  edits.add(endCut, end, true);
}

/** Where in the XML a comment boundary goes: before character `at` (start) or after character `at - 1` (end). */
function cutAt(xml: string, p: Paragraph, at: number, side: "start" | "end"): Cut | null {
  const piece = p.pieces.find((x) =>
    side === "start" ? x.at <= at && at < x.at + x.text.length : x.at < at && at <= x.at + x.text.length,
  );
  if (!piece) return null;
  const k = at - piece.at;
  if (piece.kind === "mark") return runCut(xml, piece.run, side === "start" ? piece.xml[0]! : piece.xml[1]!);
  if (k === 0) return runCut(xml, piece.run, piece.tOpen!.start);
  if (k === piece.text.length) {
    const close = piece.xml[k]!;
    const after = xml.indexOf(">", close) + 1;
    return runCut(xml, piece.run, after);
  }
  const x = piece.xml[k]!;
  if (x < 0) return null;
  return { at: x, mode: "split-t", run: piece.run, piece };
}

/** A boundary between two children of a run: before or after the run when nothing else is on that side. */
function runCut(xml: string, run: Run, at: number): Cut {
  if (!xml.slice(run.contentStart, at).trim()) return { at: run.start, mode: "insert" };
  if (!xml.slice(at, run.contentEnd).trim()) return { at: run.end, mode: "insert" };
  return { at, mode: "split-run", run };
}
