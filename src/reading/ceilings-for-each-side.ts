/**
 * A sentence that caps each side's liability with a ceiling of its own: "Supplier's liability under this Agreement
 * shall not exceed $500,000 and Franchisor's liability shall not exceed the fees payable in the preceding twelve
 * months". Both sides are capped, on different terms. The annotation guide reads that as a returned term whose sides
 * differ ("reciprocated, asymmetric"), as a deal summary with a cap on each side already is (deal-facts); reading the
 * sentence as the first side's one-way cap would report a win-lose term the contract does not have. Two ceilings of
 * the same side ("Supplier's liability for data loss shall not exceed X and its liability for delay shall not exceed
 * Y") stay one-sided, and so does a ceiling answered by unlimited liability ("… and Customer's liability shall be
 * unlimited"), which has no ceiling words; so do lettered provisions, one per side, which are read one by one.
 */

/** A party named in a sentence, as the direction reader finds it. */
export interface NamedMention {
  readonly index: number;
  readonly end: number;
  readonly mutual: boolean;
  readonly name: string | null;
}

const LIABILITY_WORD = /\b(?:(?:total|aggregate|maximum|cumulative|entire|overall)\s+)*liabilit(?:y|ies)\b/gi;

/**
 * What makes a liability a ceiling, said after it within the same clause: "shall not exceed", "must in no event
 * exceed", "is limited to", "shall in each case be capped at", "shall be £15,000", "shall be the Fees paid in the
 * twelve months before the claim". ("shall not be limited" is no ceiling: the negation only goes with "exceed".)
 */
const CEILING_AFTER = new RegExp(
  String.raw`^(?:[^.;]|\.(?=\d)){0,220}?\b(?:shall|will|must|does|do|is|are|may)\s+(?:` +
    String.raw`(?:in\s+no\s+(?:event|case|circumstances)|not|never)\s+(?:in\s+(?:the\s+)?aggregate\s+)?exceed` +
    String.raw`|(?:(?:each|in\s+each\s+case|in\s+(?:the\s+)?aggregate)\s+)?(?:be\s+)?(?:limited|capped)\s+(?:to|at)` +
    String.raw`|be\s+(?:(?:[A-Z]{2,3}\s?)?[$€£¥]\s?|[A-Z]{3}\s?)\d` +
    String.raw`|be\s+(?:equal\s+to\s+)?(?:the\s+)?(?:fees|amounts?|sum|total|charges|lesser|greater|higher|lower)\b)`,
  "i",
);

/** The same ceiling said with the negation first: "in no event shall the aggregate liability of Permian … exceed". */
const NEGATION_BEFORE = /\b(?:in\s+no\s+(?:event|case|circumstances)|under\s+no\s+circumstances)\s+(?:shall|will|may)\s+(?:the\s+)?$/i;
const EXCEED_AFTER = /^(?:[^.;]|\.(?=\d)){0,220}?\bexceed\b/i;

/**
 * The holder said before the liability: "Supplier's", "Arcturus's aggregate", "our", "your total", "Pennant Textile
 * Services Limited's ("Pennant") aggregate".
 */
const POSSESSIVE_BEFORE =
  /^(?:\.?(?:['’]s?)?(?:\s*\(\s*(?:the\s+)?["“][^"”()]{1,40}["”]\s*\))?|["”]\s*\))(?:['’]s?)?\s+(?:[\w-]+\s+){0,2}$/;
const PRONOUN_BEFORE = /\b(our|your)\s+(?:[\w-]+\s+){0,2}$/i;
/** A lettered or numbered item opening between two ceilings: "; and (B)", ", (ii)". */
// (Not "twelve (12) months": a number in brackets after a word is no item.)
const ITEM_BETWEEN = /(?:[;:,]\s*(?:and\s+|or\s+)?|\s(?:and|or)\s+)\((?:[a-z]|[ivx]{1,4}|\d{1,2})\)\s/i;

/** The holder said after it: "the maximum liability of Party A". */
const OF_AFTER = /^\s+of\s+(?:the\s+)?$/i;

/**
 * The stretch of `sentence` that holds ceilings for two different sides, from the first one's liability to the
 * second one's limit, or null when there is no such stretch. A term read inside it is both sides' cap; a term
 * elsewhere in the sentence (an indemnity before it) is read on its own.
 * @param sideOf the side a party's name stands on (a group's term, or the name itself).
 */
export function ceilingsForEachSide(
  sentence: string,
  all: readonly NamedMention[],
  sideOf: (name: string) => string,
): { start: number; end: number } | null {
  // (Most sentences name a liability once or not at all: nothing to pair.)
  const first = sentence.search(/liab/i);
  if (first === -1 || sentence.slice(first + 4).search(/liab/i) === -1) return null;
  const firstOf = new Map<string, number>();
  for (const { at, end, holder } of ceilingsIn(sentence, all, sideOf)) {
    if (!holder || firstOf.has(holder)) continue;
    if (firstOf.size > 0) {
      const start = Math.min(...firstOf.values());
      // "(A) the total liability of Provider … shall not exceed …; and (B) the total liability of Customer …": two
      // lettered provisions, each side's own, read one by one (and paired as asymmetric across the document).
      if (ITEM_BETWEEN.test(sentence.slice(start, at))) return null;
      return { start, end };
    }
    firstOf.set(holder, at);
  }
  return null;
}

/**
 * A ceiling said of a party that is "liable" rather than of its "liability": "Tromsø Kran AS will not in total be liable for more
 * than NOK 10,000,000", "Carrier shall in no event be liable in excess of the Freight".
 */
const LIABLE_CEILING =
  /\b(?:shall|will|must|is|are)\s+(?:not|in\s+no\s+(?:event|case|circumstances)|never)\s+be\s+liable\b(?:[^.;]|\.(?=\d)){0,120}?\b(?:more\s+than|in\s+excess\s+of|any\s+amount\s+(?:exceeding|greater\s+than)|amounts?\s+exceeding)\b/gi;

/** Every ceiling in a sentence, in order: where its holder's liability is named, where its limit ends, whose it is. */
function ceilingsIn(
  sentence: string,
  all: readonly NamedMention[],
  sideOf: (name: string) => string,
): { at: number; end: number; holder: string | null }[] {
  const out: { at: number; end: number; holder: string | null }[] = [];
  LIABILITY_WORD.lastIndex = 0;
  for (const word of sentence.matchAll(LIABILITY_WORD)) {
    const at = word.index!;
    const end = at + word[0].length;
    const ceiling =
      CEILING_AFTER.exec(sentence.slice(end)) ??
      (NEGATION_BEFORE.test(sentence.slice(Math.max(0, at - 50), at)) ? EXCEED_AFTER.exec(sentence.slice(end)) : null);
    if (ceiling) out.push({ at, end: end + ceiling[0].length, holder: holderOf(sentence, at, end, all, sideOf) });
  }
  LIABLE_CEILING.lastIndex = 0;
  for (const said of sentence.matchAll(LIABLE_CEILING)) {
    const at = said.index!;
    // The party named right before the verb holds it ("Bergen Service AS will never be liable").
    const subject = all.find((m) => !m.mutual && m.name && m.end <= at && /^\s*$/.test(sentence.slice(m.end, at)));
    out.push({ at, end: at + said[0].length, holder: subject ? sideOf(subject.name!) : null });
  }
  return out.sort((a, b) => a.at - b.at);
}

/**
 * The party whose possessive stands right before a liability at `at` ("Supplier's", "Arcturus's aggregate",
 * "Pennant Textile Services Limited's ("Pennant") aggregate"), or undefined.
 */
export function ownerBefore<M extends NamedMention>(sentence: string, at: number, all: readonly M[]): M | undefined {
  return all.find((m) => !m.mutual && m.name && m.end <= at && m.end >= at - 40 && POSSESSIVE_BEFORE.test(sentence.slice(m.end, at)));
}

function holderOf(
  sentence: string,
  at: number,
  end: number,
  all: readonly NamedMention[],
  sideOf: (name: string) => string,
): string | null {
  const before = ownerBefore(sentence, at, all);
  if (before) return sideOf(before.name!);
  const after = all.find(
    (m) => !m.mutual && m.name && m.index >= end && m.index <= end + 12 && OF_AFTER.test(sentence.slice(end, m.index)),
  );
  if (after) return sideOf(after.name!);
  const pronoun = PRONOUN_BEFORE.exec(sentence.slice(Math.max(0, at - 40), at));
  return pronoun ? `(${pronoun[1]!.toLowerCase()})` : null;
}
