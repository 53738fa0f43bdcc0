import type { ContractDocument } from "../model/document.js";
import type { Result } from "../shared/result.js";
import { err, ok } from "../shared/result.js";
import { buildContract, type BuildOptions } from "./contract.js";
import {
  checkText,
  DEFAULT_LIMIT_BYTES,
  deadlinePassed,
  expansionError,
  limitsFor,
  readingTimeout,
  type ExpansionLimits,
} from "./expansion.js";
import { walkMarkup, type WalkEnd } from "./markup.js";

/**
 * HTML reader (EDGAR exhibits, saved web pages): text with its block structure. Each paragraph, heading, list
 * item and table row becomes its own line with a blank line around it, so the segmenter finds clause numbers at
 * line starts; inline markup (<b>, <font>, <span>) runs on. Scripts, styles and other non-content elements are
 * dropped. Entities are decoded by the parser.
 */
const BLOCK = new Set([
  "p",
  "div",
  "section",
  "article",
  "header",
  "footer",
  "main",
  "aside",
  "nav",
  "blockquote",
  "pre",
  "address",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "li",
  "ul",
  "ol",
  "dl",
  "dt",
  "dd",
  "table",
  "thead",
  "tbody",
  "tfoot",
  "tr",
  "center",
  "hr",
  "form",
  "fieldset",
  "figure",
  "figcaption",
  "body",
  "html",
  "title",
]);
const CELL = new Set(["td", "th"]);
const SKIP = new Set(["script", "style", "noscript", "template", "head", "svg", "object", "iframe"]);

export function htmlToText(html: string): string {
  return htmlToTextBounded(html).text;
}

/** The text, and why the walk stopped early (too deep, out of time) if it did. */
export function htmlToTextBounded(html: string, limits?: ExpansionLimits): { text: string; end: WalkEnd } {
  const blocks: string[] = [];
  let line = "";
  let skipping = 0;
  let pre = 0;
  let cellsInRow = 0;
  let heading = 0;
  const breakBlock = (): void => {
    const text = line
      .split("\n")
      .map((l) => (pre ? l.replace(/\s+$/, "") : l.replace(/[ \u00a0]+/g, " ").trim()))
      .filter((l, i, all) => l || (pre && i > 0 && i < all.length - 1))
      .join("\n");
    if (text) blocks.push(heading ? `${"#".repeat(heading)} ${text}` : text);
    line = "";
  };
  const end = walkMarkup(
    html,
    {
      open: (name) => {
        if (SKIP.has(name)) return void skipping++;
        if (skipping) return;
        if (name === "br") line += "\n";
        else if (CELL.has(name)) {
          if (cellsInRow++ > 0) line += "\t";
        } else if (BLOCK.has(name)) {
          breakBlock();
          if (name === "tr") cellsInRow = 0;
          if (name === "pre") pre++;
          const h = /^h([1-6])$/.exec(name);
          if (h) heading = Number(h[1]);
        }
      },
      close: (name) => {
        if (SKIP.has(name)) {
          skipping = Math.max(0, skipping - 1);
          return;
        }
        if (skipping) return;
        if (BLOCK.has(name)) {
          if (name === "tr") {
            // A table row is one line: cells separated by tabs.
            const text = line
              .split("\t")
              .map((c) => c.replace(/\s+/g, " ").trim())
              .filter(Boolean)
              .join("\t");
            if (text) blocks.push(text);
            line = "";
            cellsInRow = 0;
            return;
          }
          breakBlock();
          if (name === "pre") pre = Math.max(0, pre - 1);
          if (/^h[1-6]$/.test(name)) heading = 0;
        }
      },
      text: (t) => {
        // Source line breaks are plain spaces in HTML except inside <pre>; runs of &nbsp; (layout indents) collapse too.
        if (!skipping) line += pre ? t.replace(/\r\n?/g, "\n") : t.replace(/[ \t\r\n\f]+/g, " ");
      },
    },
    { maxDepth: limits?.maxDepth, stop: limits ? () => deadlinePassed(limits) : undefined },
  );
  if (end) return { text: "", end };
  breakBlock();
  return { text: blocks.join("\n\n"), end: null };
}

export function readHtml(
  path: string,
  source: string,
  options: BuildOptions & { limits?: ExpansionLimits } = {},
): Result<ContractDocument> {
  const limits = options.limits ?? limitsFor(DEFAULT_LIMIT_BYTES);
  const { text, end } = htmlToTextBounded(source, limits);
  if (end?.reason === "depth") return err(expansionError(path, "maxDepth", limits, "HTML elements"));
  if (end?.reason === "stopped") return err(readingTimeout(path, limits.deadline!.limitMs));
  const over = checkText(path, text, limits);
  if (over) return err(over);
  return ok(buildContract(path, "html", text, options));
}
