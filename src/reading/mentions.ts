/** Where a sentence names a party, or both at once ("each party", "either of them"). */
import type { Role } from "../model/party.js";
import { unmaskCompanyStops } from "../shared/company-stops.js";
import { FORM_SOURCE } from "../shared/legal-form.js";
import { ACCENTED_CAPITAL, ACCENTED_LETTER, NAME_PARTICLE_WORDS } from "../shared/name-letters.js";
import type { PartyLexicon } from "./lexicon.js";

/** A name of up to four capitalised words, in a pair said "respectively". */
const RESPECTIVE_WORD = String.raw`[A-Z${ACCENTED_CAPITAL}][\w${ACCENTED_LETTER}.\u2024&-]*`;
const RESPECTIVE_NAME = String.raw`${RESPECTIVE_WORD}(?:\s+${RESPECTIVE_WORD}){0,3}`;

const MUTUAL = new RegExp(
  [
    // each, either, neither, both, any, no party
    // ("either Contracting Party", "each Contracting Party": the parties' own name for themselves.)
    // ("Each of the two Parties may terminate", translated.)
    String.raw`\b(?:each|either|neither|both|any|no)\s+(?:of\s+the\s+(?:two\s+)?)?(?:[Cc]ontracting\s+)?part(?:y|ies)\b`,
    // no claim made by one against the other; claims of either of them against the other
    String.raw`(?<=\b(?:by|of)\s+)(?:one|either|each)\s+(?:of\s+them\s+|party\s+)?against\s+the\s+other\b`,
    // either of us, neither of us, each of us (parties defined as "we" and "you")
    String.raw`\b(?:each|either|neither|both)\s+of\s+(?:us\s+(?:and|or|nor)\s+you|you\s+(?:and|or|nor)\s+us)\b`,
    String.raw`\b(?:each|either|neither|both|none)\s+of\s+us\b`,
    // "the total liability of you or us to the other": whichever of the two; "Each of us and you will indemnify the
    // other"; "Neither our liability to you nor your liability to us"
    String.raw`\b(?:you\s+or\s+(?:we|us)|(?:we|us)\s+or\s+you)\b`,
    String.raw`\bneither\s+(?:our\s+(?:[\w-]+\s+){0,4}?nor\s+your|your\s+(?:[\w-]+\s+){0,4}?nor\s+our)\b`,
    // a party's
    String.raw`\ba\s+party['’]s\b`,
    // each, any or no Participant (Member, Venturer): every party to a joint venture, whichever it is
    String.raw`\b(?:each|any|no|every|all)\s+(?:of\s+the\s+)?(?:participants?|co-?venturers?|venturers?)\b`,
    // in no event shall a party
    String.raw`\bin\s+no\s+event\s+shall\s+a\s+party\b`,
    // mutually
    String.raw`\bmutual(?:ly)?\b`,
    // reciprocally
    String.raw`\breciprocal(?:ly)?\b`,
    // each of A and B (B a name, not "their affiliates"; A may be "Hartwell Foods, Inc. ("Hartwell")"); "either of A and
    // B may denounce this Agreement" gives the right to both as well; not "each of its Affiliates and Subcontractors"
    // (the markers are read regardless of case)
    String.raw`\b(?:each|either)\s+of\s+(?!(?:its|their|his|her|our|your)\b)(?:the\s+)?[A-Z${ACCENTED_CAPITAL}][\w${ACCENTED_LETTER} .\u2024&/-]{1,40}?(?:,?\s+(?:${FORM_SOURCE})[.\u2024]?)?(?:\s*\([^()]{1,60}\)){0,2},?\s+and\s+(?!(?:their|its|his|her|each|all|any|such|other|respective|affiliates?|subsidiaries|successors|employees|officers|directors|agents)\b)(?:the\s+)?[A-Z${ACCENTED_CAPITAL}][\w${ACCENTED_LETTER}]+(?![\w${ACCENTED_LETTER}])`,
    // "the liability of Party A and Party B respectively", "… shall, in each case, be limited": one term said of each of
    // two named parties (it starts after "of", so that "the liability of" before it leads to its subject)
    String.raw`(?<=\b(?:of|by)\s+)(?!(?:its|their|his|her|our|your|any|all|such)\b)(?:the\s+)?${RESPECTIVE_NAME}\s+and\s+(?!(?:its|their|his|her|our|your|any|all|such)\b)(?:the\s+)?${RESPECTIVE_NAME}(?:,?\s+respectively\b|(?=[^.;]{0,80}?\bin\s+each\s+case\b))`,
    // the parties shall / agree / waive …
    // ("the contracting parties shall be liable only up to …": translated drafting.)
    String.raw`\bthe\s+(?:contracting\s+)?parties(?=\s+(?:hereto\s+|hereby\s+|mutually\s+|each\s+)?(?:shall|will|may|agree|waive|acknowledge|understand|do|are|have)\b)`,
    // one party's … (the other party)
    String.raw`\bone\s+party['’]s\b`,
    // none of the parties; none of A, B …
    String.raw`\bnone\s+of\s+(?:the\s+)?(?:parties\b|\w[\w.&-]*(?:\s+\w[\w.&-]*)?\s*,\s*\w)`,
    // either you or X
    String.raw`\beither\s+(?:you|we)\s+or\s+(?:the\s+)?[A-Z]\w+`,
    // either X or you
    String.raw`\beither\s+(?:the\s+)?[A-Z]\w+\s+or\s+(?:you|we)\b`,
    // the defaulting / indemnifying / terminating party, whichever it is
    // (Not a label after a named party: "the Service Provider (as the Indemnifying Party) shall indemnify", "the Shipper,
    // as the Indemnifying Party, shall indemnify".)
    String.raw`(?<!\(\s*(?:as\s+)?["“]?|,\s*as\s+["“]?)\bthe\s+(?:defaulting|breaching|non-?defaulting|non-?breaching|indemnifying|affected|terminating|non-?terminating)\s+part(?:y|ies)\b|\bthe\s+part(?:y|ies)\s+in\s+breach\b`,
    // A, on the one hand, and B, on the other
    String.raw`\bon\s+the\s+one\s+hand\b[^;]{0,120}?\bon\s+the\s+other(?:\s+hand)?\b`,
    // A and B shall each …; A and B each hereby waive …; A and B agree that neither shall be liable to the other
    String.raw`\b(?:shall|will|must|do)\s+each\s+(?!of\b)`,
    String.raw`\beach\s+(?:hereby\s+)?(?=(?:waives?|releases?|agrees?|undertakes?|covenants?|indemnif(?:y|ies)|irrevocably)\b)`,
    // our liability to you, and your liability to us
    String.raw`\b(?:our|your)\s+liability\s+to\s+(?:you|us)\s*,?\s+and\s+(?:our|your)\s+liability\s+to\s+(?:you|us)\b`,
    String.raw`\bneither\s+(?=(?:shall|will|may|is)\b[^.;]{0,100}?\b(?:to|against)\s+the\s+other\b)`,
    // A and B both agree …
    String.raw`\bboth\s+(?:hereby\s+)?(?:agree|undertake|covenant|acknowledge|shall|will|must)\b`,
    // either A or B may / shall / be …
    String.raw`\beither\s+(?:the\s+)?[A-Z][\w.\u2024-]*(?:\s+[A-Z][\w.\u2024-]*)?\s+or\s+(?:the\s+)?[A-Z][\w.\u2024-]*(?:\s+[A-Z][\w.\u2024-]*)?\s+(?=(?:may|shall|will|can|be|is|are|has|have)\b)`,
    // each of them (the two parties just named), but not those a party protects ("to hold each of them harmless")
    String.raw`(?<!\b(?:hold|holds|holding|keep|keeps|indemnify|indemnifies|defend|defends|save|saves|protect|protects|reimburse|reimburses)\s)\b(?:each|either|neither|both)\s+of\s+them\b`,
    // whichever party (is liable, first gives notice, is responsible)
    String.raw`\bwhichever\s+part(?:y|ies)\b`,
    // the liability of the parties (to each other), the parties' liability
    String.raw`\b(?:liabilit(?:y|ies)|obligations?|responsibilit(?:y|ies))\s+of\s+the\s+parties\b|\bthe\s+parties['’]\s+(?:\w+\s+){0,2}liabilit`,
    // the liability of A to B, and (the liability) of B to A
    // (It starts after "of", so that "the liability of" before it leads to its subject.)
    String.raw`(?<=\bof\s+)(?:the\s+)?(?<ma>[A-Z][\w&.\u2024-]*(?:\s+[A-Z][\w&.\u2024-]*){0,2})\s+to\s+(?:the\s+)?(?<mb>[A-Z][\w&.\u2024-]*(?:\s+[A-Z][\w&.\u2024-]*){0,2})\s*,?\s+(?:and|or)\s+(?:that\s+|the\s+liabilit(?:y|ies)\s+)?of\s+(?:the\s+)?\k<mb>\s+to\s+(?:the\s+)?\k<ma>\b`,
    // "Neither Operator shall be liable to the other": both parties called by one role word, neither of them
    String.raw`\bneither\s+(?!part(?:y|ies)\b)[a-z][a-z-]{3,20}\s+(?:shall|will|may|is|has)\b(?=[^.;]{0,160}?\bto\s+the\s+other\b)`,
    // any Signatory … to any other Signatory: peers named by one capitalised word (checked case-sensitively below)
    String.raw`\b(?:any|no|each)\s+(?!(?:claims?|loss(?:es)?|damages?|services?|products?|agreements?|obligations?|rights?|amounts?|persons?|third)\b)(?<peer>[a-z][a-z-]{3,20})\b(?=[^.;]{0,80}?\b(?:any|the|each|every)\s+other\s+\k<peer>\b)`,
  ].join("|"),
  "gi",
);

/** A name of up to four capitalised words ("Kinross Bank", "LOCKWOOD", "Brandt GmbH", "Tolland Regional Health
 * System"). Case matters here. */
const PAIR_WORD = String.raw`(?!(?:OR|AND|NOR|SHALL|WILL|MAY|EITHER|NEITHER|IN|NO|EVENT|THE|ANY|ALL|OF|BE|TO|BY|IF)\b)(?:[A-Z${ACCENTED_CAPITAL}]|[a-z]{1,3}(?=[A-Z]))[\w${ACCENTED_LETTER}&./\u2024-]*`;
// ("ePay 2000", "NetSol 2000": a number may end a name.)
// ("Harbourside Hotel Holdings Limited", "Breede Valley Citrus (Pty) Ltd": a legal form may end a name, of up to four
// words then.)
// ("Servicios Integrales del Norte, S.A. de C.V.": a particle in small letters may join the words of a name.)
// ("the Secretary of State", "Bank of Avalon": "of" inside a name, before a capital.)
const NAME_PARTICLE = String.raw`(?:(?:${NAME_PARTICLE_WORDS})\s+)?`;
const PAIR_NAME = String.raw`${PAIR_WORD}(?:\s+${NAME_PARTICLE}${PAIR_WORD}){0,3}(?:\s+\d{1,4}(?![\d,.%])|(?:\s+${PAIR_WORD})?,?\s+(?:${FORM_SOURCE})(?![\w(])[.\u2024]?)?`;
/** "and its Affiliates" after a name in a pair: the party with its group. */
const AND_ITS_GROUP = String.raw`(?:\s+(?:and|AND)\s+(?:its|ITS|their|THEIR)\s+[\w-]+)?`;
/**
 * Two parties named as one subject: "neither A nor B", "either A or B", "A or B, or any of their respective
 * Affiliates", "A and B each may", "A and B may each", "the respective liabilities of A and B", "the liability of A and of B", "both A and B", "by A or B". Read case-sensitively, so that "either the Customer or its affiliates" is no pair.
 */
const NAMED_PAIR = new RegExp(
  [
    // ("neither Castellan, Halden nor any of their Affiliates": three named, the last not a party; "Neither Sponsor, CRO
    // nor Institution": three parties, the last one inside the pair too)
    String.raw`\b(?:[Nn]either|NEITHER)\s+(?:the\s+|THE\s+)?(?<q>${PAIR_NAME}),\s(?:the\s+|THE\s+)?(?<r>${PAIR_NAME}),?\s(?:nor|NOR)\b(?:\s+(?:the\s+|THE\s+)?${PAIR_NAME}\b)?`,
    // ("neither the Supplier nor any member of the Customer Group")
    // ("Neither Ballina Foods plc ("Ballina") nor Shannon Payroll Bureau Limited ("the Bureau")": the second name's term
    // in brackets is part of the pair, not an actor after it.)
    // ("Neither Talbot Freight Pty Ltd ("Talbot") nor …": a legal form and the term in brackets may follow a name.)
    // ("Neither Halcyon and its Affiliates nor Greyfriars and its Affiliates": each name with its group; also "Neither
    // Halcyon nor its Affiliates, nor Greyfriars …"; "Neither Ashdown's nor Parkwise's liability".)
    String.raw`\b(?:[Nn]either|NEITHER)\s+(?:the\s+|THE\s+)?(?<a>${PAIR_NAME})(?:\s+${PAIR_WORD})?(?:['’][sS])?(?:\s*,?\s*\([^()]{1,60}\))?(?:\s+(?:and|AND|nor|NOR)\s+(?:its|ITS|their|THEIR)\s+[\w-]+,?)?\s+(?:nor|NOR)\s+(?:any\s+member\s+of\s+)?(?:the\s+|THE\s+)?(?<b>${PAIR_NAME})(?:['’][sS])?\b(?:\s*,?\s*\([^()]{1,60}\))?`,
    String.raw`\b(?:[Ee]ither|EITHER)\s+(?:the\s+|THE\s+)?(?<c>${PAIR_NAME})(?:\s+${PAIR_WORD})?(?:\s*,?\s*\([^()]{1,60}\))?\s+(?:or|OR)\s+(?:the\s+|THE\s+)?(?<d>${PAIR_NAME})\b`,
    // ("Cardinal Petroleum Corp. ("Cardinal") and Bluewater Midstream, Inc. ("Bluewater") each agree": a term in brackets
    // may follow each name.) ("A ("A") and B ("B") shall compensate and indemnify each other": the verb says both.)
    String.raw`\b(?<e>${PAIR_NAME})(?:\s*\([^()]{1,60}\))?\s+(?:or|and|OR|AND)\s+(?:the\s+|THE\s+)?(?<f>${PAIR_NAME})(?:\s*\([^()]{1,60}\))?(?:\s*,\s*(?:or|and|OR|AND)\s+(?:any\s+of\s+|ANY\s+OF\s+)?(?:their|THEIR)\s+(?:respective|RESPECTIVE)\b|(?=\s+(?:each|EACH)\s+(?:may|shall|will|agrees?|hereby|disclaims?|waives?|excludes?|releases?|acknowledges?|have|has|reserves?|retains?)\b)|(?=\s+(?:may|shall|will|MAY|SHALL|WILL)\s+(?:each|EACH)\b)|(?=\s*,\s*(?:respectively|RESPECTIVELY|as\s+the\s+case\s+may\s+be|AS\s+THE\s+CASE\s+MAY\s+BE)\b)|(?=\s+(?:agree|AGREE)\s+(?:that|THAT)\s+(?:each|EACH)\b)|(?=\s+(?:(?:shall|will|SHALL|WILL)\s+(?:not|NOT)\s+)?(?:be|BE)\s+(?:liable|LIABLE)\s+(?:to|TO)\s+(?:the\s+other|each\s+other|THE\s+OTHER|EACH\s+OTHER)\b)|(?=\s+(?:shall|will|SHALL|WILL)\s+(?:[a-z]+\s+){1,3}?(?:each\s+other|one\s+another)\b))`,
    // ("Each of Araucaria and Valdivia waives …": two parties named as each of them.)
    // ("Each of Zapnet Limited ("Zapnet") and the Site Host": a term in brackets may follow each name.)
    String.raw`\b(?:[Ee]ach|EACH)\s+(?:of|OF)\s+(?:the\s+|THE\s+)?(?<s3>${PAIR_NAME})(?:\s*\([^()]{1,60}\))?\s+(?:and|AND)\s+(?:the\s+|THE\s+)?(?<s4>${PAIR_NAME})\b(?:\s*\([^()]{1,60}\))?`,
    // ("each of Sponsor, CRO and Institution to any other of them": three parties, all of them.)
    String.raw`\b(?:[Ee]ach|EACH)\s+(?:of|OF)\s+(?:the\s+|THE\s+)?(?<s1>${PAIR_NAME}),\s+(?:the\s+|THE\s+)?(?<s2>${PAIR_NAME}),?\s+(?:and|AND)\s+(?:the\s+|THE\s+)?${PAIR_NAME}\b`,
    // ("Sponsor or Institution may terminate this Agreement at any time": whichever of the two ends it.)
    String.raw`\b(?<y>${PAIR_NAME})\s+(?:or|OR)\s+(?:the\s+|THE\s+)?(?<z>${PAIR_NAME})(?=\s+(?:may|MAY)(?:\s*,\s*(?:[a-z]+\s+){0,4}?[a-z]+\s*,)?\s+(?:[a-z]+\s+){0,3}?(?:terminate|TERMINATE|cancel|CANCEL)\b)`,
    String.raw`\b(?:[Bb]oth|BOTH)\s+(?:the\s+|THE\s+)?(?<k>${PAIR_NAME})\s+(?:and|AND)\s+(?:the\s+|THE\s+)?(?<l>${PAIR_NAME})\b`,
    // "may be terminated by Party A or Party B": whichever of the two.
    // (Only as a passive's agent: "after failure by the Owner or the Licensee" names no holder.)
    String.raw`(?<=\b(?:be|BE|been|BEEN|is|IS|are|ARE)\s+(?:\w+\s+){0,2}?(?:by|BY)\s+)(?:the\s+|THE\s+)?(?<agentA>${PAIR_NAME})\s+(?:or|OR)\s+(?:by\s+)?(?:the\s+|THE\s+)?(?<agentB>${PAIR_NAME})\b`,
    // ("the liability of the Customer (together with its Affiliates) and of the Supplier")
    String.raw`(?<=\b(?:of|OF)\s+)(?:the\s+|THE\s+)?(?<i>${PAIR_NAME})(?:\s+\([^()]{1,100}\))?\s+(?:and|AND|or|OR)\s+(?:of|OF)\s+(?:the\s+|THE\s+)?(?<j>${PAIR_NAME})\b`,
    // ("the aggregate liability of Pointwell, on the one hand, and of Orchard Lane, on the other hand")
    // ("… of Vendor and its Affiliates, on the one hand, and of Reseller and its Affiliates, on the other hand")
    String.raw`\b(?:the\s+|THE\s+)?(?<u>${PAIR_NAME})(?:\s+(?:and|AND)\s+(?:its|ITS)\s+[\w-]+)?,\s+(?:on\s+the\s+one\s+hand|ON\s+THE\s+ONE\s+HAND),\s+(?:and|AND)\s+(?:of\s+|OF\s+)?(?:the\s+|THE\s+)?(?<v>${PAIR_NAME})(?:\s+(?:and|AND)\s+(?:its|ITS)\s+[\w-]+)?,?\s+(?:on\s+the\s+other|ON\s+THE\s+OTHER)\b`,
    // ("the total liability of Saqr Sports Management LLC to Marina Live FZ-LLC, and of Marina Live FZ-LLC to Saqr …")
    // ("of Ampere Grid Inc. ("Ampere") to Bayview Retail LLC ("Bayview"), and of Bayview to Ampere": with their terms.)
    String.raw`(?<=\b(?:of|OF)\s+)(?:the\s+|THE\s+)?(?<w>${PAIR_NAME})(?:\s*\([^()]{1,60}\))?${AND_ITS_GROUP}\s+(?:to|TO)\s+(?:the\s+|THE\s+)?${PAIR_NAME}(?:\s*\([^()]{1,60}\))?${AND_ITS_GROUP}\s*,?\s+(?:and|AND)\s+(?:of|OF)\s+(?:the\s+|THE\s+)?(?<x>${PAIR_NAME})${AND_ITS_GROUP}\s+(?:to|TO)\b`,
    // ("Party A's liability and Party B's liability … shall each be limited to …": each one's own, said once for both.)
    String.raw`\b(?<pa>${PAIR_NAME})['’][sS]\s+(?:[a-z]+\s+){0,2}?liabilit(?:y|ies)\s+(?:and|AND)\s+(?:the\s+|THE\s+)?(?<pb>${PAIR_NAME})['’][sS]\s+(?:[a-z]+\s+){0,2}?liabilit(?:y|ies)(?=[^.;]{0,80}?\b(?:each|respectively|in\s+each\s+case)\b)`,
    // ("Lumen's and Bexley's respective liabilities")
    String.raw`\b(?<pc>${PAIR_NAME})['’][sS]\s+(?:and|AND)\s+(?:the\s+|THE\s+)?(?<pd>${PAIR_NAME})['’][sS]\s+(?:(?:respective|aggregate|total|combined|maximum)\s+)?liabilit(?:y|ies)\b`,
    // ("the maximum liability of Party A or Party B to the other")
    String.raw`(?<=\b(?:liabilit(?:y|ies)|LIABILIT(?:Y|IES))\s+(?:of|OF)\s+)(?:the\s+|THE\s+)?(?<o>${PAIR_NAME})\s+(?:or|OR)\s+(?:the\s+|THE\s+)?(?<p>${PAIR_NAME})\b`,
    String.raw`(?<=\b(?:respective|RESPECTIVE)\s+(?:[\w-]+\s+){0,2}?(?:of|OF)\s+)(?:the\s+|THE\s+)?(?<g>${PAIR_NAME})\s+(?:and|AND)\s+(?:the\s+|THE\s+)?(?<h>${PAIR_NAME})\b`,
  ].join("|"),
  "g",
);
/** Capitalised words that open a phrase, not a name ("Its affiliates", "The Customer or …" is read without "The"). */
const NOT_A_PAIR_NAME = /^(?:Its|ITS|Their|THEIR|Any|ANY|All|ALL|Such|SUCH|This|THIS|That|Each|EACH|In|IN|No|NO|Event|EVENT|Shall|SHALL)\b/;

export interface Mention {
  index: number;
  end: number;
  mutual: boolean;
  role: Role;
  name: string | null;
}

/**
 * Mentions found per sentence, kept with the document's lexicon (one per document) and gone with it. A sentence with
 * several facts (a cap, its carve-outs, a waiver) is read once; the lists are never changed by their readers.
 */
const seenWith = new WeakMap<PartyLexicon, Map<string, readonly Mention[]>>();

/** The parties and mutual phrases ("each party", "either of them") a sentence names, in order. */
export function mentions(sentence: string, lexicon: PartyLexicon): readonly Mention[] {
  let seen = seenWith.get(lexicon);
  if (!seen) seenWith.set(lexicon, (seen = new Map()));
  let found = seen.get(sentence);
  if (!found) seen.set(sentence, (found = mentionsIn(sentence, lexicon)));
  return found;
}

function mentionsIn(sentence: string, lexicon: PartyLexicon): Mention[] {
  const out: Mention[] = [];
  if (lexicon.regex) {
    lexicon.regex.lastIndex = 0;
    for (const m of sentence.matchAll(lexicon.regex)) {
      const said = unmaskCompanyStops(m[0]);
      const hit = lexicon.roleOf.get(said.replace(/\s+/g, " ")) ?? lexicon.roleOf.get(said);
      if (hit) out.push({ index: m.index!, end: m.index! + m[0].length, mutual: false, role: hit.role, name: hit.name });
    }
  }
  MUTUAL.lastIndex = 0;
  const mutual: Mention[] = [];
  // "Recipient may terminate any Service": whichever party receives it.
  if (lexicon.either)
    for (const m of sentence.matchAll(lexicon.either))
      mutual.push({ index: m.index!, end: m.index! + m[0].length, mutual: true, role: "unknown", name: null });
  for (const m of sentence.matchAll(MUTUAL)) {
    // "Both Party A and Party B agree": "Both Party" is the start of a label, not "both parties"; the two names
    // joined by "and" make the term mutual instead.
    if (
      /^(?:each|either|neither|both|any|no)\s+(?:of\s+the\s+)?part(?:y|ies)$/i.test(m[0]) &&
      /^\s+(?:[A-Z]|\d{1,2})\b/.test(sentence.slice(m.index! + m[0].length))
    )
      continue;
    // "Sterling Mutual", "Avalon Mutual Insurance": a company's name, not "mutual".
    if (/^Mutual/.test(m[0]) && /[A-Z][\w&.-]*\s+$/.test(sentence.slice(Math.max(0, m.index! - 30), m.index))) continue;
    // "any claim … any other claim" speaks of things; only a capitalised word names a kind of party.
    if (m.groups?.peer && !/^[A-Z]/.test(m.groups.peer)) continue;
    if (lexicon.indemnifier && /^the\s+indemnifying\s+part(?:y|ies)$/i.test(m[0])) {
      out.push({ index: m.index!, end: m.index! + m[0].length, mutual: false, ...lexicon.indemnifier });
      continue;
    }
    mutual.push({ index: m.index!, end: m.index! + m[0].length, mutual: true, role: "unknown", name: null });
  }
  for (const m of sentence.matchAll(NAMED_PAIR)) {
    // Each way of naming a pair has two groups of its own; the match sets exactly those two.
    const names = Object.values(m.groups ?? {})
      .filter((n): n is string => n !== undefined)
      .map(unmaskCompanyStops);
    if (names.length !== 2 || names.some((n) => NOT_A_PAIR_NAME.test(n))) continue;
    // ("caused by the Products or the Seller Technology": after "by", a pair needs a party's name in it.)
    if (m.groups?.agentA !== undefined && !names.some((n) => lexicon.roleOf.has(n))) continue;
    // ("THE LIABILITY OF EXCITE FOR DAMAGES OR ALLEGED DAMAGES": in capitals, "or" after a liability joins two names
    // only when both are parties.)
    if (
      m.groups?.o !== undefined &&
      !(names.every((n) => lexicon.roleOf.has(n)) || (names.some((n) => lexicon.roleOf.has(n)) && m[0] !== m[0].toUpperCase()))
    )
      continue;
    mutual.push({ index: m.index!, end: m.index! + m[0].length, mutual: true, role: "unknown", name: null });
  }
  // A party named inside a mutual phrase ("either you or the Company", "each of Acme and Beta") is part of it, also
  // when the phrase stops inside a name of several words ("each of VET TECH and COOL| TECH").
  const inside = (p: Mention) => mutual.some((m) => p.index >= m.index && p.index < m.end);
  return [...out.filter((p) => !inside(p) && !inReferenceCaption(sentence, p.index)), ...mutual].sort((a, b) => a.index - b.index);
}

/**
 * The title in brackets after a reference to another clause: "a breach of Section 6 (Title and Authority)", "Clause
 * 14 (Customer Obligations)". A role word in it ("Authority", "Customer") names a clause, not a party that acts.
 */
const REFERENCE_BEFORE_BRACKET =
  /\b(?:[Ss]ections?|[Cc]lauses?|[Aa]rticles?|[Pp]aragraphs?|[Ss]chedules?|[Ee]xhibits?|[Aa]nnex(?:es)?|[Aa]ppendi(?:x|ces)|SECTIONS?|CLAUSES?|ARTICLES?)\s+[\dA-Z][\w.()-]{0,12}\s*$/;
function inReferenceCaption(sentence: string, at: number): boolean {
  const open = sentence.lastIndexOf("(", at);
  if (open < 0 || sentence.slice(open, at).includes(")") || at - open > 80) return false;
  return REFERENCE_BEFORE_BRACKET.test(sentence.slice(Math.max(0, open - 40), open));
}
