import type { Span } from "./location.js";
import type { Party } from "./party.js";

export type DocumentFormat = "text" | "markdown" | "pdf" | "docx" | "html" | "deal";

export type NonOperativeKind = "table-of-contents" | "heading" | "cross-reference" | "exhibit-list" | "signature";

export interface Clause {
  /** Stable index-based id within the document ("c12"). */
  id: string;
  /** Number as the document shows it ("14.2", "(a)", "Article IV"), or null for unnumbered text. */
  number: string | null;
  heading: string | null;
  /** Full number path including parents ("14.2(a)"), used for display. */
  label: string | null;
  span: Span;
  /** Nesting depth: 0 for articles/top-level sections. */
  depth: number;
  /** True when the clause sits inside the definitions/interpretation section. */
  inDefinitions: boolean;
  /** True for "[Reserved]", "Intentionally omitted", "[●]", "TBD" and the like. */
  placeholder: boolean;
  /**
   * Set when the clause is not operative text, and says what it is: a table-of-contents entry, a bare heading
   * with nothing under it, a cross-reference only ("See Section 9."), a list of exhibits or schedules, or a
   * signature block. Such clauses yield no facts.
   */
  nonOperative?: NonOperativeKind;
}

export interface DefinedTerm {
  term: string;
  span: Span;
}

/** A contract after ingest: normalised text plus the structure found in it. */
export interface ContractDocument {
  kind: "contract";
  path: string;
  format: Exclude<DocumentFormat, "deal">;
  /** Normalised text that rules read. */
  text: string;
  /** The text as lines are counted for locations (before normalisation, after decoding). */
  original: string;
  /** offsetMap[i] = offset in `original` of normalised character i (length text.length + 1). */
  offsetMap: Uint32Array | null;
  clauses: Clause[];
  parties: Party[];
  definitions: DefinedTerm[];
  /** The recitals ("WHEREAS …" up to "NOW, THEREFORE"): background, not terms; no fact is read from them. */
  recitals?: Span;
  /** Offsets in `text` where each page starts (PDF only), ascending. */
  pageStarts?: number[];
  /** Inline suppression comments found in the source. */
  directives?: Directive[];
}

export interface Directive {
  kind: "disable-next-clause" | "disable" | "enable";
  ruleIds: string[];
  reason: string | null;
  span: Span;
}
