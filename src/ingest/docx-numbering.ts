import { walkMarkup } from "./markup.js";

/**
 * Word's automatic numbering ("14.2", "(a)", "Article 3") lives in numbering.xml, not in the text, and mammoth
 * drops it. This module reads the numbering definitions and the paragraph sequence of document.xml and
 * recomputes the label each numbered paragraph shows in Word. Pure: XML strings in, labels out.
 */
export interface LevelDef {
  numFmt: string;
  lvlText: string;
  start: number;
  pStyle?: string;
}

export interface NumberingDefs {
  /** numId → its abstract list and per-level start overrides. */
  nums: Map<string, { abstractId: string; startOverrides: Map<number, number> }>;
  /** abstractNumId → level index → definition. */
  abstracts: Map<string, Map<number, LevelDef>>;
  /** Paragraph styles that carry numbering (Heading 1 linked to a list): styleId → numId/ilvl. */
  styles: Map<string, { numId?: string; ilvl?: number }>;
}

export interface XmlParagraph {
  text: string;
  styleId?: string;
  numId?: string;
  ilvl?: number;
  /** The paragraph carries a section break (w:sectPr in its properties). */
  sectionBreak?: boolean;
}

const attr = (a: Record<string, string>): string | undefined => a["w:val"];

export function parseNumbering(numberingXml: string | null, stylesXml: string | null): NumberingDefs {
  const defs: NumberingDefs = { nums: new Map(), abstracts: new Map(), styles: new Map() };
  if (numberingXml) {
    let abstract: Map<number, LevelDef> | null = null;
    let level: LevelDef | null = null;
    let num: { abstractId: string; startOverrides: Map<number, number> } | null = null;
    let overrideLevel: number | null = null;
    walkMarkup(
      numberingXml,
      {
        open: (name, a) => {
          if (name === "w:abstractNum") {
            abstract = new Map();
            defs.abstracts.set(a["w:abstractNumId"] ?? "", abstract);
          } else if (name === "w:lvl" && abstract && !num) {
            level = { numFmt: "decimal", lvlText: "", start: 1 };
            abstract.set(Number(a["w:ilvl"] ?? 0), level);
          } else if (level && !num) {
            if (name === "w:numFmt") level.numFmt = attr(a) ?? "decimal";
            else if (name === "w:lvlText") level.lvlText = attr(a) ?? "";
            else if (name === "w:start") level.start = Number(attr(a) ?? 1);
            else if (name === "w:pStyle") level.pStyle = attr(a);
          }
          if (name === "w:num") {
            num = { abstractId: "", startOverrides: new Map() };
            defs.nums.set(a["w:numId"] ?? "", num);
          } else if (num && name === "w:abstractNumId") num.abstractId = attr(a) ?? "";
          else if (num && name === "w:lvlOverride") overrideLevel = Number(a["w:ilvl"] ?? 0);
          else if (num && name === "w:startOverride" && overrideLevel !== null) num.startOverrides.set(overrideLevel, Number(attr(a) ?? 1));
        },
        close: (name) => {
          if (name === "w:abstractNum") abstract = null;
          else if (name === "w:lvl") level = null;
          else if (name === "w:num") num = null;
          else if (name === "w:lvlOverride") overrideLevel = null;
        },
      },
      { xml: true },
    );
  }
  if (stylesXml) {
    let style: { numId?: string; ilvl?: number } | null = null;
    walkMarkup(
      stylesXml,
      {
        open: (name, a) => {
          if (name === "w:style") {
            style = {};
            defs.styles.set(a["w:styleId"] ?? "", style);
          } else if (style && name === "w:numId") style.numId = attr(a);
          else if (style && name === "w:ilvl") style.ilvl = Number(attr(a) ?? 0);
        },
        close: (name) => {
          if (name === "w:style") style = null;
        },
      },
      { xml: true },
    );
  }
  return defs;
}

/** Paragraphs of document.xml in order (table cells included), with their numbering properties. */
export function readXmlParagraphs(documentXml: string): XmlParagraph[] {
  const out: XmlParagraph[] = [];
  const stack: XmlParagraph[] = [];
  let inText = false;
  walkMarkup(
    documentXml,
    {
      open: (name, a) => {
        const top = stack[stack.length - 1];
        if (name === "w:p") {
          const p: XmlParagraph = { text: "" };
          stack.push(p);
          out.push(p);
        } else if (!top) return;
        else if (name === "w:t") inText = true;
        else if (name === "w:tab") top.text += "\t";
        else if (name === "w:pStyle") top.styleId = attr(a);
        else if (name === "w:numId") top.numId = attr(a);
        else if (name === "w:ilvl") top.ilvl = Number(attr(a) ?? 0);
        else if (name === "w:sectPr") top.sectionBreak = true;
      },
      close: (name) => {
        if (name === "w:p") stack.pop();
        else if (name === "w:t") inText = false;
      },
      text: (t) => {
        const top = stack[stack.length - 1];
        if (top && inText) top.text += t;
      },
    },
    { xml: true },
  );
  return out;
}

/** The label Word shows before each paragraph ("14.2", "(a)"), or null for unnumbered and bullet paragraphs. */
export function numberParagraphs(paragraphs: readonly XmlParagraph[], defs: NumberingDefs): (string | null)[] {
  const counters = new Map<string, number[]>();
  const started = new Set<string>();
  // A level defined with pStyle numbers every paragraph of that style.
  const byStyle = new Map<string, { numId: string; ilvl: number }>();
  for (const [numId, num] of defs.nums) {
    for (const [ilvl, level] of defs.abstracts.get(num.abstractId) ?? []) {
      if (level.pStyle && !byStyle.has(level.pStyle)) byStyle.set(level.pStyle, { numId, ilvl });
    }
  }
  return paragraphs.map((p) => {
    // An empty paragraph that only carries a section break is layout, not a clause: it takes no number (the
    // templates' own cross-references count that way).
    if (p.sectionBreak && !p.text.trim()) return null;
    let numId = p.numId;
    let ilvl = p.ilvl;
    if (numId === undefined && p.styleId) {
      const style = defs.styles.get(p.styleId);
      const linked = byStyle.get(p.styleId);
      numId = style?.numId ?? linked?.numId;
      ilvl = ilvl ?? style?.ilvl ?? linked?.ilvl;
    }
    if (numId === undefined || numId === "0") return null;
    const num = defs.nums.get(numId);
    const levels = num ? defs.abstracts.get(num.abstractId) : undefined;
    if (!num || !levels) return null;
    const level = Math.max(0, Math.min(8, ilvl ?? 0));
    const def = levels.get(level);
    if (!def || def.numFmt === "bullet") return null;
    // Lists that share an abstract definition continue each other's numbering unless a num restarts it.
    const key = num.abstractId;
    let counts = counters.get(key);
    if (!counts || (!started.has(numId) && num.startOverrides.size > 0)) {
      counts = Array.from({ length: 9 }, (_, i) => (num.startOverrides.get(i) ?? levels.get(i)?.start ?? 1) - 1);
      counters.set(key, counts);
    }
    started.add(numId);
    counts[level]! += 1;
    for (let deeper = level + 1; deeper < 9; deeper++)
      counts[deeper] = (num.startOverrides.get(deeper) ?? levels.get(deeper)?.start ?? 1) - 1;
    const label = def.lvlText.replace(/%([1-9])/g, (_, d: string) => {
      const i = Number(d) - 1;
      // A parent level not yet used counts as its start value (Word shows "1.1" even before any "1").
      const value = Math.max(counts[i]!, i < level ? (levels.get(i)?.start ?? 1) : counts[i]!);
      return formatNumber(value, levels.get(i)?.numFmt ?? "decimal");
    });
    return label.trim() || null;
  });
}

export function formatNumber(n: number, numFmt: string): string {
  switch (numFmt) {
    case "lowerLetter":
      return letters(n).toLowerCase();
    case "upperLetter":
      return letters(n);
    case "lowerRoman":
      return roman(n).toLowerCase();
    case "upperRoman":
      return roman(n);
    case "decimalZero":
      return n < 10 ? `0${n}` : String(n);
    case "none":
      return "";
    default:
      return String(n);
  }
}

/** Word's letter numbering repeats the letter: a … z, aa … zz. */
function letters(n: number): string {
  if (n < 1) return "";
  const letter = String.fromCharCode(65 + ((n - 1) % 26));
  return letter.repeat(Math.floor((n - 1) / 26) + 1);
}

function roman(n: number): string {
  if (n < 1 || n > 3999) return String(n);
  const table: [number, string][] = [
    [1000, "M"],
    [900, "CM"],
    [500, "D"],
    [400, "CD"],
    [100, "C"],
    [90, "XC"],
    [50, "L"],
    [40, "XL"],
    [10, "X"],
    [9, "IX"],
    [5, "V"],
    [4, "IV"],
    [1, "I"],
  ];
  let out = "";
  for (const [value, numeral] of table) while (n >= value) ((out += numeral), (n -= value));
  return out;
}
