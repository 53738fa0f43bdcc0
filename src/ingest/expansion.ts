import { appError, type AppError } from "../shared/errors.js";

/**
 * A budget on what a document expands to. A 205 KB Word file can hold a 200 MB paragraph and a 306 KB PDF a
 * 300 MB string; the size of the file says nothing about the memory and time it costs. Every reader checks
 * what it produces against these limits while it reads (before the expensive library step where it can), and
 * refuses the document with INPUT_TOO_LARGE naming the limit. All limits scale with `--max-size`.
 */
export interface ExpansionLimits {
  /** Decompressed bytes of a package or of compressed streams (DOCX parts, PDF Flate streams). */
  maxExpandedBytes: number;
  /** Characters of text the document holds. */
  maxChars: number;
  /** Paragraphs (blank-line-separated blocks of text; `<w:p>` elements in Word). */
  maxParagraphs: number;
  /** Element nesting depth in HTML and in a Word file's XML. */
  maxDepth: number;
  /** Characters of text on one PDF page. */
  maxPageChars: number;
  /** Elements in a Word file's XML (each becomes an object in the reader). */
  maxElements: number;
  /** Reading gives up after this point in time (`now()` clock), as the analysis does; undefined = no limit. */
  deadline?: { at: number; now: () => number; limitMs: number };
}

export const MAX_DEPTH = 512;

/** The default --max-size (50 MB), for readers called without limits. */
export const DEFAULT_LIMIT_BYTES = 50 * 1024 * 1024;

export function limitsFor(maxBytes: number): ExpansionLimits {
  const maxParagraphs = Math.max(2_000, Math.min(100_000, Math.floor(maxBytes / 256)));
  return {
    maxExpandedBytes: Math.max(2 * maxBytes, 4 * 1024 * 1024),
    maxChars: maxBytes,
    maxParagraphs,
    maxDepth: MAX_DEPTH,
    maxPageChars: Math.min(maxBytes, 1_000_000),
    maxElements: maxParagraphs * 64,
  };
}

const size = (n: number): string =>
  n >= 1024 * 1024 ? `${(n / (1024 * 1024)).toFixed(1)} MB` : n >= 1024 ? `${Math.round(n / 1024)} KB` : `${n} bytes`;
const count = (n: number): string => n.toLocaleString("en-US");

export type LimitName = keyof Omit<ExpansionLimits, "deadline">;

/** The INPUT_TOO_LARGE error for one exceeded limit; the message names the limit and its value. */
export function expansionError(path: string, limit: LimitName, limits: ExpansionLimits, what?: string): AppError {
  const v = limits[limit];
  const text: Record<LimitName, string> = {
    maxExpandedBytes: `the file expands to more than ${size(v)} when decompressed${what ? ` (${what})` : ""}`,
    maxChars: `the document holds more than ${count(v)} characters of text${what ? ` (${what})` : ""}`,
    maxParagraphs: `the document holds more than ${count(v)} paragraphs`,
    maxDepth: `elements are nested more than ${count(v)} deep${what ? ` (${what})` : ""}`,
    maxPageChars: `a page holds more than ${count(v)} characters of text${what ? ` (${what})` : ""}`,
    maxElements: `the document holds more than ${count(v)} XML elements`,
  };
  return appError("INPUT_TOO_LARGE", text[limit], { path, hint: "the limits grow with --max-size <MB> if this is really a contract" });
}

/** The ANALYSIS_TIMEOUT error for a document whose reading ran past --timeout. */
export function readingTimeout(path: string, limitMs: number): AppError {
  return appError("ANALYSIS_TIMEOUT", `reading the document took longer than ${limitMs} ms and was stopped`, {
    path,
    hint: "raise --timeout, or split the document",
  });
}

export function deadlinePassed(limits: ExpansionLimits): boolean {
  const d = limits.deadline;
  return d !== undefined && d.now() > d.at;
}

/**
 * Characters and paragraphs of extracted text, in one pass without building anything: the check every reader
 * runs before handing its text on to normalisation and segmentation.
 */
export function checkText(path: string, text: string, limits: ExpansionLimits): AppError | null {
  if (text.length > limits.maxChars) return expansionError(path, "maxChars", limits);
  if (countParagraphs(text, limits.maxParagraphs) > limits.maxParagraphs) return expansionError(path, "maxParagraphs", limits);
  if (deadlinePassed(limits)) return readingTimeout(path, limits.deadline!.limitMs);
  return null;
}

/** Blocks of non-blank lines separated by blank lines; stops counting once past `stopAfter`. */
export function countParagraphs(text: string, stopAfter = Infinity): number {
  let paragraphs = 0;
  let inParagraph = false;
  let lineBlank = true;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 10;
    if (c === 10) {
      if (lineBlank) inParagraph = false;
      else if (!inParagraph) {
        inParagraph = true;
        if (++paragraphs > stopAfter) return paragraphs;
      }
      lineBlank = true;
    } else if (c !== 32 && c !== 9 && c !== 13) lineBlank = false;
  }
  return paragraphs;
}

/**
 * A streaming scan of XML bytes (chunks in any split): element depth, element count, `<w:p>` paragraphs and
 * bytes of text outside tags. It follows quotes inside tags and skips comments, CDATA, declarations and
 * processing instructions, so markup cannot hide nesting from it. Used on a Word file's parts before the
 * Word reader builds its document tree.
 */
export class XmlScanner {
  depth = 0;
  maxDepth = 0;
  elements = 0;
  paragraphs = 0;
  textBytes = 0;
  private state: "text" | "open" | "name" | "tag" | "quote" | "special" = "text";
  private quote = 0;
  private closing = false;
  private name = "";
  private lastSlash = false;
  /** For comments/CDATA/PI/declarations: the terminator being looked for and the last three bytes seen. */
  private special = "";
  private specialSeen = 0;
  private specialHead = "";

  feed(chunk: Uint8Array): void {
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i]!;
      switch (this.state) {
        case "text":
          if (b === 0x3c) this.state = "open";
          else this.textBytes++;
          break;
        case "open":
          if (b === 0x2f) {
            this.closing = true;
            this.name = "";
            this.state = "name";
          } else if (b === 0x3f) this.startSpecial("?>");
          else if (b === 0x21) {
            this.specialHead = "";
            this.startSpecial(">");
          } else {
            this.closing = false;
            this.name = String.fromCharCode(b);
            this.lastSlash = false;
            this.state = "name";
          }
          break;
        case "name":
          if (b === 0x3e || b === 0x2f || b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d) {
            this.state = "tag";
            this.lastSlash = b === 0x2f;
            if (b === 0x3e) this.endTag();
          } else if (this.name.length < 8) this.name += String.fromCharCode(b);
          break;
        case "tag":
          if (b === 0x22 || b === 0x27) {
            this.quote = b;
            this.state = "quote";
          } else if (b === 0x3e) this.endTag();
          else if (b !== 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) this.lastSlash = b === 0x2f;
          break;
        case "quote":
          if (b === this.quote) this.state = "tag";
          break;
        case "special":
          this.scanSpecial(b);
          break;
      }
    }
  }

  private startSpecial(terminator: string): void {
    this.special = terminator;
    this.specialSeen = 0;
    this.state = "special";
  }

  private scanSpecial(b: number): void {
    // `<!--` and `<![CDATA[` need their own terminators; other declarations end at `>`.
    if (this.special === ">" && this.specialHead.length < 7) {
      this.specialHead += String.fromCharCode(b);
      if (this.specialHead === "--") return this.startSpecial("-->");
      if (this.specialHead === "[CDATA[") return this.startSpecial("]]>");
    }
    if (this.special === "]]>") this.textBytes++;
    // The last three bytes, compared with the terminator's end: no partial-match bookkeeping to get wrong.
    this.specialSeen = ((this.specialSeen << 8) | b) & 0xffffff;
    const t = this.special;
    let tail = 0;
    for (let k = 0; k < t.length; k++) tail = (tail << 8) | t.charCodeAt(k);
    const mask = t.length === 1 ? 0xff : t.length === 2 ? 0xffff : 0xffffff;
    if ((this.specialSeen & mask) === tail) this.state = "text";
  }

  private endTag(): void {
    this.state = "text";
    if (this.closing) {
      this.depth = Math.max(0, this.depth - 1);
      return;
    }
    this.elements++;
    if (this.name === "w:p") this.paragraphs++;
    if (!this.lastSlash) {
      this.depth++;
      if (this.depth > this.maxDepth) this.maxDepth = this.depth;
    }
  }

  /** The first limit this scan has gone past, or null. */
  exceeded(limits: ExpansionLimits): LimitName | null {
    if (this.maxDepth > limits.maxDepth) return "maxDepth";
    if (this.paragraphs > limits.maxParagraphs) return "maxParagraphs";
    if (this.elements > limits.maxElements) return "maxElements";
    if (this.textBytes > limits.maxChars) return "maxChars";
    return null;
  }
}
