import type { Clause, ContractDocument } from "../model/document.js";
import type { Span } from "../model/location.js";
import { maskCompanyStops } from "../shared/company-stops.js";
import { headingAbove, ITEM_START, listItemsAfter, listLeadIn, titleOf } from "./clause-context.js";
import { buildLexicon, type PartyLexicon } from "./lexicon.js";
import { sentenceSpans } from "./sentences.js";

/**
 * Reading, the stage between ingest and topic detection. Ingest gives the text, the clauses and the parties with
 * their roles; reading says which clauses and sentences are operative, where each clause sits (its heading, the list
 * it is an item of, the items it opens), and holds the parties' lexicon through which the actor of any sentence is
 * read (`directionOf`). Topic detection then only classifies what it is given.
 */
export interface DocumentReading {
  /** The document as patterns read it: a company's "Inc." or "Ltd." does not stop a sentence or a pattern. */
  probe: ContractDocument;
  lexicon: PartyLexicon;
  /** The operative clauses, one at a time, in order (read lazily, so a time budget can stop between two). */
  clauses(): Iterable<ClauseReading>;
}

export interface ClauseReading {
  index: number;
  clause: Clause;
  /** The clause's text in `probe`. */
  text: string;
  /** Its operative sentences: not the preamble or recitals, nor a sentence only a title runs into. */
  sentences: Span[];
  /** The sentence that opens the list this clause is an item of. */
  leadIn: string | null;
  /** The items that follow a clause ending in a colon, joined. */
  items: string | null;
  /** The clause's title: its own, or that of a parent that is only a title. */
  heading: string | null;
}

export function readDocument(doc: ContractDocument): DocumentReading {
  const probe: ContractDocument = { ...doc, text: maskCompanyStops(doc.text) };
  return { probe, lexicon: buildLexicon(doc.parties, doc.text), clauses: () => operativeClauses(doc, probe) };
}

function* operativeClauses(doc: ContractDocument, probe: ContractDocument): Generator<ClauseReading> {
  const recitals = doc.recitals;
  for (const [index, clause] of doc.clauses.entries()) {
    if (clause.placeholder || clause.nonOperative) continue;
    const text = probe.text.slice(clause.span.start, clause.span.end);
    // A sentence in the preamble or recitals is background; so is one that only a title ("SUPPLY AGREEMENT") runs into.
    const sentences = sentenceSpans(doc.text, clause.span.start, clause.span.end).filter(
      (s) =>
        !recitals || s.start >= recitals.end || s.end <= recitals.start || (s.start < recitals.start && recitals.start - s.start > 120),
    );
    if (sentences.length === 0) continue;
    yield {
      index,
      clause,
      text,
      sentences,
      leadIn: ITEM_START.test(text) ? listLeadIn(probe.text, clause.span.start) : null,
      items: /:\s*$/.test(text) ? listItemsAfter(probe, index) : null,
      heading: clause.heading ?? titleOf(text) ?? headingAbove(probe, index),
    };
  }
}

export { directionOf, pronounForTheOther, type Direction } from "./direction.js";
export { opensList } from "./subject.js";
export type { PartyLexicon } from "./lexicon.js";
