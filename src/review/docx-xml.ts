/**
 * A position-keeping reading of word/document.xml: the paragraphs with the text a reader sees, and for every
 * visible character the place in the XML string it comes from. The review writer inserts comment markers at
 * those places and leaves every other byte of the XML as it was (no parse-and-serialise round trip, which
 * would reorder attributes, drop unknown markup and change the formatting).
 *
 * Visible text: w:t inside runs, tabs, breaks and non-breaking hyphens. Not visible: deleted and moved-away
 * text (w:del, w:moveFrom, w:delText), field instructions (w:instrText) and the fallback copy of drawings
 * (mc:Fallback), which repeats the text of the text box it stands in for. Paragraphs inside text boxes are
 * read but marked `boxed`: comments are not anchored inside them.
 */

/** One visible piece of a paragraph: the text of one w:t, or a single tab, break or hyphen element. */
export interface Piece {
  /** Offset of the piece in its paragraph's text. */
  at: number;
  text: string;
  kind: "t" | "mark";
  /** XML offset of each character (plus one past the end); for a mark: [element start, element end]. */
  xml: number[];
  /** The w:t open tag (start offset and source), for w:t pieces. */
  tOpen?: { start: number; source: string };
  run: Run;
}

export interface Run {
  /** XML offset of "<w:r" and one past "</w:r>". */
  start: number;
  end: number;
  openTag: string;
  /** The run properties, copied onto the second half when a run is split. */
  rPr: string;
  /** XML offset after the run properties (where the run's content starts) and of "</w:r>". */
  contentStart: number;
  contentEnd: number;
}

export interface Paragraph {
  index: number;
  /** XML offset of "<w:p" and of "</w:p>" (-1 for an empty self-closed paragraph). */
  start: number;
  close: number;
  /** XML offset after the paragraph properties: where paragraph-wide content starts. */
  contentStart: number;
  text: string;
  pieces: Piece[];
  /** Inside a text box (w:txbxContent): readable, but no comment is anchored there. */
  boxed: boolean;
  /** XML offset of the innermost container (body, table cell, text box) the paragraph sits in. */
  container: number;
}

export interface DocumentXml {
  xml: string;
  paragraphs: Paragraph[];
  /** The main namespace is ISO strict OOXML rather than transitional. */
  strict: boolean;
}

const TAG = /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[[\s\S]*?\]\]>|<[^>]*>/g;
const HIDDEN = new Set(["w:del", "w:moveFrom", "mc:Fallback", "w:instrText", "w:delText"]);
const CONTAINERS = new Set(["w:body", "w:tc", "w:txbxContent", "w:sdtContent", "w:comment", "w:footnote"]);
const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

interface Open {
  name: string;
  start: number;
  tagEnd: number;
}

/** Reads document.xml. Only the `w` prefix is understood (Word, LibreOffice and the docx library all use it). */
export function readDocumentXml(xml: string): DocumentXml {
  const paragraphs: Paragraph[] = [];
  const stack: Open[] = [];
  const paraStack: Paragraph[] = [];
  let hidden = 0;
  let boxed = 0;
  const containers: number[] = [0];
  let run: Run | null = null;
  const runStack: (Run | null)[] = [];
  let inT: { start: number; source: string } | null = null;
  let rPrStart = -1;
  TAG.lastIndex = 0;
  let last = 0;
  for (let m = TAG.exec(xml); m; m = TAG.exec(xml)) {
    const tag = m[0];
    const at = m.index;
    if (inT && at > last && !hidden) addText(xml, last, at);
    last = at + tag.length;
    if (tag.startsWith("<!--") || tag.startsWith("<?") || tag.startsWith("<![")) continue;
    const closing = tag.startsWith("</");
    const selfClosing = tag.endsWith("/>");
    const name = /^<\/?([^\s/>]+)/.exec(tag)?.[1] ?? "";
    if (closing) {
      // Pop to the matching open element (tolerates nothing else: OOXML is well-formed).
      let top = stack.pop();
      while (top && top.name !== name) top = stack.pop();
      if (HIDDEN.has(name)) hidden--;
      if (name === "w:txbxContent") boxed--;
      if (CONTAINERS.has(name)) containers.pop();
      if (name === "w:t") inT = null;
      else if (name === "w:rPr" && run && rPrStart >= 0 && stack[stack.length - 1]?.name === "w:r") {
        run.rPr = xml.slice(rPrStart, last);
        run.contentStart = last;
        rPrStart = -1;
      } else if (name === "w:r" && run) {
        run.contentEnd = at;
        run.end = last;
        run = runStack.pop() ?? null;
      } else if (name === "w:p") {
        const p = paraStack.pop();
        if (p) p.close = at;
        run = runStack.pop() ?? null;
      } else if (name === "w:pPr" && paraStack.length && stack[stack.length - 1]?.name === "w:p") {
        paraStack[paraStack.length - 1]!.contentStart = last;
      }
      continue;
    }
    if (name === "w:p") {
      const p: Paragraph = {
        index: paragraphs.length,
        start: at,
        close: -1,
        contentStart: last,
        text: "",
        pieces: [],
        boxed: boxed > 0,
        container: containers[containers.length - 1]!,
      };
      if (!hidden) paragraphs.push(p);
      if (!selfClosing) {
        paraStack.push(p);
        runStack.push(run);
        run = null;
        stack.push({ name, start: at, tagEnd: last });
      }
      continue;
    }
    if (name === "w:r" && !selfClosing) {
      runStack.push(run);
      run = { start: at, end: -1, openTag: tag, rPr: "", contentStart: last, contentEnd: -1 };
      stack.push({ name, start: at, tagEnd: last });
      continue;
    }
    if (name === "w:pPr" && selfClosing && paraStack.length && stack[stack.length - 1]?.name === "w:p")
      paraStack[paraStack.length - 1]!.contentStart = last;
    if (name === "w:rPr" && run && stack[stack.length - 1]?.name === "w:r" && !selfClosing) rPrStart = at;
    else if (name === "w:rPr" && run && stack[stack.length - 1]?.name === "w:r" && selfClosing) {
      run.rPr = tag;
      run.contentStart = last;
    }
    if (!selfClosing) {
      stack.push({ name, start: at, tagEnd: last });
      if (HIDDEN.has(name)) hidden++;
      if (name === "w:txbxContent") boxed++;
      if (CONTAINERS.has(name)) containers.push(at);
      if (name === "w:t" && run && !hidden) inT = { start: at, source: tag };
      continue;
    }
    // Self-closing elements that show as a character.
    const p = paraStack[paraStack.length - 1];
    if (!p || !run || hidden || rPrStart >= 0) continue;
    const ch =
      name === "w:tab" || name === "w:ptab"
        ? "\t"
        : name === "w:br" || name === "w:cr"
          ? "\n"
          : name === "w:noBreakHyphen"
            ? "\u2011"
            : null;
    if (ch) {
      p.pieces.push({ at: p.text.length, text: ch, kind: "mark", xml: [at, last], run });
      p.text += ch;
    }
  }
  return { xml, paragraphs, strict: xml.slice(0, 4000).includes("http://purl.oclc.org/ooxml/wordprocessingml/main") };

  function addText(source: string, from: number, to: number): void {
    const p = paraStack[paraStack.length - 1];
    if (!p || !run || !inT) return;
    const { text, offsets } = decode(source, from, to);
    if (!text) return;
    p.pieces.push({ at: p.text.length, text, kind: "t", xml: offsets, tOpen: inT, run });
    p.text += text;
  }
}

/** XML text → characters, with the XML offset of each character (and one past the end). */
function decode(xml: string, from: number, to: number): { text: string; offsets: number[] } {
  let text = "";
  const offsets: number[] = [];
  for (let i = from; i < to;) {
    if (xml[i] === "&") {
      const semi = xml.indexOf(";", i);
      const name = semi > i ? xml.slice(i + 1, semi) : "";
      let ch: string | undefined = ENTITIES[name];
      if (ch === undefined && name.startsWith("#")) {
        const code = name[1] === "x" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
        if (Number.isFinite(code)) ch = String.fromCodePoint(code);
      }
      if (ch !== undefined && semi < to) {
        for (let k = 0; k < ch.length; k++) {
          text += ch[k];
          offsets.push(k === 0 ? i : -1);
        }
        i = semi + 1;
        continue;
      }
    }
    text += xml[i];
    offsets.push(i);
    i++;
  }
  offsets.push(to);
  return { text, offsets };
}

/** Escapes text for an XML text node or attribute value. */
export function escapeXml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "")
    .replace(/[&<>"]/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : "&quot;"));
}
