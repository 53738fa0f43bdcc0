import type { Party, Role, Side } from "../model/party.js";
import { otherSide } from "../model/party.js";
import { termPattern } from "../shared/term-pattern.js";
import { unmaskCompanyStops } from "../shared/company-stops.js";
import { FORM_ALONE, FORM_SOURCE } from "../shared/legal-form.js";
import { ACCENTED_CAPITAL, ACCENTED_LETTER, NAME_PARTICLE_WORDS } from "../shared/name-letters.js";
import { impliedActors, opensNoName } from "./implied-actors.js";
import { eitherPartyTerms } from "./either-party-terms.js";
import { ceilingsForEachSide, ownerBefore } from "./ceilings-for-each-side.js";

/**
 * Who is bound and who benefits, read from one sentence: the party named as the subject of the trigger (the
 * nearest party mention before it; "by X" after a passive trigger), or a mutual marker ("each party",
 * "neither party", "mutually", "the defaulting party" — whichever party that turns out to be —, "A, on the one hand, and
 * B, on the other") in that place.
 */
export interface Direction {
  mutual: boolean | null;
  burdened: Side;
  beneficiary: Side;
  /** The parties by defined term (or "both"), known even when their roles are not. */
  burdenedParty: string | null;
  beneficiaryParty: string | null;
  /** The name of the subject party, for messages. */
  subjectName: string | null;
  /** Both sides have the term, on different terms ("A's liability shall not exceed $1m and B's shall not exceed $50k"). */
  asymmetric?: true;
}

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

const GENERIC_TERMS: [string, Role][] = [
  ["Customer", "buyer"],
  ["Client", "buyer"],
  ["Buyer", "buyer"],
  ["Purchaser", "buyer"],
  ["Authority", "buyer"],
  ["Supplier", "supplier"],
  ["Service Provider", "supplier"],
  // ("The Site Owner shall be entitled to terminate": the host of a vending operator's machines.)
  ["Site Owner", "buyer"],
  ["Provider", "supplier"],
  ["Vendor", "supplier"],
  ["Contractor", "supplier"],
  ["Consultant", "supplier"],
  ["Seller", "supplier"],
  ["Franchisee", "buyer"],
  ["Licensee", "buyer"],
  ["Distributor", "buyer"],
  ["Reseller", "buyer"],
  ["Franchisor", "supplier"],
  ["Licensor", "supplier"],
  ["Manufacturer", "supplier"],
];

export interface PartyLexicon {
  regex: RegExp | null;
  roleOf: Map<string, { role: Role; name: string }>;
  /**
   * Each side's key, in document order: a party's key (`name` above), or for parties defined as a group
   * ("(collectively "Distributor")") the group's term, so that two groups of companies are still two sides.
   */
  keys: string[];
  /** The side a name above stands on: its group's term, or the name itself. */
  sideOf: Map<string, string>;
  /** Terms for a part either party may play ("Provider", "Recipient" in a two-way transition agreement). */
  either?: RegExp | null;
  /** The party a clause names once as "the Indemnifying Party" ("For the purposes of this Clause 12 the Outgrower
   * Association is the Indemnifying Party"): that term then means it, not whichever party indemnifies. */
  indemnifier?: { role: Role; name: string } | null;
}

/**
 * @param text the document text: when the preamble gave no party a role, the generic word the document uses most
 * for each role ("Provider" in one form, "Supplier" in another) stands for that party.
 */
/** Things that open a role phrase ("Service Provider", "Content Provider", "Data Processor"): no short name. */
const THING_WORD =
  /^(?:Services?|Products?|Content|Data|Systems?|Software|Hosting|Platform|Project|Programs?|Network|Marketing|Research|Development|Maintenance|Support|Technology|Equipment|Goods|Materials?|Component|Transport|Logistics|Payroll|Processing)$/;

/**
 * The shorter form of a company's name that the same text also uses on its own: "Oakhurst" for "Oakhurst Brands Ltd",
 * "Mercury Routes" for "Mercury Routes LLC". Its first word, or its first two, never a legal form or a word that
 * opens no name. (Tried as the party's key, as a defined term would be: the sealed direction figure fell, so the full
 * name stays the key.)
 */
function shorterFormUsed(term: string, text: string): string | null {
  const words = term
    .replace(/[.,\s]+$/, "")
    .replace(/,/g, "")
    .split(/\s+/);
  // Only a company's full name, to its legal form: "Network Provider" or "Atlas Managed Services" may be the term itself.
  if (words.length < 2 || !FORM_ALONE.test(words[words.length - 1]!)) return null;
  for (const n of [2, 1]) {
    if (words.length <= n) continue;
    const short = words.slice(0, n);
    if (short.some((w) => FORM_ALONE.test(w) || opensNoName(w)) || short.join(" ").length < 3 || !/^[A-Z]/.test(short[0]!)) continue;
    const next = words[n]!;
    const alone = new RegExp(
      `\\b${termPattern(short.join(" "))}(?![\\w${ACCENTED_LETTER}])(?!,?\\s+${termPattern(next)}(?![\\w${ACCENTED_LETTER}]))`,
      "g",
    );
    if ([...text.matchAll(alone)].length > 0) return short.join(" ");
  }
  return null;
}

/** The term a clause defines for a name right after it: "Archwell Records, Inc.'s ("Archwell")", "Duval NV (the
 * "Launderer")". Null when the brackets hold no quoted term, or only the part the party plays ("the Indemnifying Party"). */
function termDefinedFor(name: string, text: string): string | null {
  const at = text.indexOf(name);
  if (at === -1) return null;
  const term = /^(?:['’]s)?\s*\(\s*(?:the\s+|hereinafter\s+(?:called\s+|referred\s+to\s+as\s+)?)?["“]([^"”()]{2,40})["”]\s*\)/.exec(
    text.slice(at + name.length, at + name.length + 80),
  )?.[1];
  // (Not the part the party plays in the clause: "Ostrava Steel (the "Indemnifying Party")" is still Ostrava Steel.)
  return term && /^[A-Z]/.test(term) && !/\bPart(?:y|ies)$/i.test(term.trim()) ? term.trim() : null;
}

export function buildLexicon(parties: readonly Party[], text = ""): PartyLexicon {
  const roleOf = new Map<string, { role: Role; name: string }>();
  const add = (term: string, role: Role, name: string) => {
    const t = term.trim();
    if (t.length < 2 || roleOf.has(t)) return;
    roleOf.set(t, { role, name });
    // "Us" in capitals is the United States ("US $500"), not the company speaking.
    if (t.toLowerCase() !== "us") roleOf.set(t.toUpperCase(), { role, name });
    // A pronoun defined for a party ("we", "our") opens sentences too: "We will defend you".
    if (/^(?:we|our|you|your)$/.test(t)) roleOf.set(t.charAt(0).toUpperCase() + t.slice(1), { role, name });
    // A preamble that defines "GARMAN" is followed by a body that says "Garman".
    if (t === t.toUpperCase()) {
      roleOf.set(t.charAt(0) + t.slice(1).toLowerCase(), { role, name });
      // "SERVICE PROVIDER" is "Service Provider" in the body.
      roleOf.set(
        t.toLowerCase().replace(/\b[a-z]/g, (c) => c.toUpperCase()),
        { role, name },
      );
    }
  };
  // Every party's own term and name first, so that a shorter form of one party's name ("BOSCH" from "BOSCH
  // INTERNATIONAL, LLC") never takes the term another party is defined by ("BOSCH" for BOSCH TECHNOLOGIES, LLC).
  for (const p of parties) if (p.alias) add(p.alias, p.role, p.alias);
  for (const p of parties) add(p.name, p.role, p.alias ?? p.name);
  for (const p of parties) for (const t of p.otherTerms ?? []) add(t, p.role, p.alias ?? p.name);
  // The term a group of parties is defined by names the group ("Distributor shall …").
  for (const p of parties) if (p.group) add(p.group, p.role, p.group);
  // "each Seller shall not solicit …" speaks of one member of the group defined as "Sellers".
  for (const p of parties) if (p.group && /[a-z]s$/.test(p.group)) add(p.group.slice(0, -1), p.role, p.group);
  for (const p of parties) {
    // "PivX Corporation" is also called "PivX".
    // (A party named by a role phrase that opens with a thing, "Service Provider", is not also "Service": "any
    // Service" is a thing.)
    const first = p.name === p.alias && THING_WORD.test(p.name.split(/\s+/)[0]!) ? null : p.name.split(/[\s,]+/)[0];
    if (first && first.length >= 3 && !/^(?:the|a|an)$/i.test(first)) add(first, p.role, p.alias ?? p.name);
    // "Roche Basel" and "Roche US" are both "Roche" in the body: the first word of a term of several words, when the
    // name holds it too (so "Service Provider" never makes "Service" a party).
    const lead = p.alias?.split(/\s+/)[0];
    if (
      lead &&
      lead !== p.alias &&
      !THING_WORD.test(lead) &&
      lead.length >= 3 &&
      !/^(?:the|a|an)$/i.test(lead) &&
      p.name
        .toLowerCase()
        .split(/[\s,.-]+/)
        .includes(lead.toLowerCase())
    )
      add(lead, p.role, p.alias ?? p.name);
  }
  // With no party found (a clause read on its own), the names that act in the text stand for the parties.
  // (A party's own name read with its legal form, "Redstone Operating Company, L.P", is that party, not a second one.)
  // ("Oakhurst Brands Ltd may terminate … Oakhurst shall pay Relay Express a fee": a name used again in a shorter form
  // is one party, still known by its full name.)
  // ("The aggregate liability of Blanchisserie Duval NV ("Duval") …": a name the clause defines a term for is known by
  // that term, as a party in a preamble is.)
  if (parties.length <= 1 && text)
    for (const a of impliedActors(text, GENERIC_TERMS)) {
      // (A name read short, "Société des Mines" of "Société des Mines de Kolwezi SA", is that party too.)
      const bare = a.term.replace(/[.\s]+$/, "");
      const same = parties.find((p) => {
        const name = p.name.replace(/[.\s]+$/, "");
        return name === bare || name.startsWith(`${bare} `);
      });
      const defined = same ? null : termDefinedFor(a.term, text);
      const short = same || defined ? null : shorterFormUsed(a.term, text);
      const key = same ? (same.alias ?? same.name) : (defined ?? a.term);
      if (defined) add(defined, a.role, key);
      add(a.term, same ? same.role : a.role, key);
      if (short) add(short, a.role, key);
    }
  // A clause from a letter read on its own: "we" wrote it, "you" received it ("you shall indemnify us", "You indemnify
  // us", "We and you each indemnify the other").
  if (
    parties.length === 0 &&
    /\b(?:we|you)\s+(?:shall|will|may|must|agree|are|have|hereby|be|can|cannot|each|indemnify|release|waive|acknowledge|undertake|owe)\b|\b(?:our|your)\s+(?:\w+\s+){0,2}liabilit/i.test(
      text,
    )
  )
    for (const [name, forms] of [
      ["you", ["you", "You", "YOU", "your", "Your", "YOUR"]],
      ["we", ["we", "We", "WE", "our", "Our", "OUR", "us", "Us"]],
    ] as const)
      for (const w of forms) if (!roleOf.has(w)) roleOf.set(w, { role: "unknown", name });
  // A contract written to one of its parties ("your employment", "you hereby assign") calls that party "you":
  // the party the body never names stands for it.
  const you = addressedParty(parties, text);
  if (you)
    for (const w of ["you", "You", "YOU", "your", "Your", "YOUR"])
      if (!roleOf.has(w)) roleOf.set(w, { role: you.role, name: you.alias ?? you.name });
  // One generic word per role, and only for a role no named party has: a contract that calls its buyer "Client"
  // must not have "Customer" (its customers' customers) guessed.
  const named = new Set([...roleOf.values()].map((v) => v.role));
  // Two named parties are the whole cast: a role word then means someone else ("Customer" = their customers).
  const partyKeys = new Set(parties.map((p) => p.alias ?? p.name));
  // A role word used only inside a longer name ("Provider" in "Hosting Provider") is that name, not another party.
  const unnamed = partyKeys.size >= 2 ? text : withoutLongerTerms(text, [...roleOf.keys()]);
  for (const role of ["buyer", "supplier"] as const) {
    if (named.has(role) || partyKeys.size >= 2) continue;
    const term = mostUsed(
      GENERIC_TERMS.filter(([, r]) => r === role).map(([t]) => t),
      unnamed,
    );
    // A word the document never uses names no one: a franchise that says "Franchisee" has no "Customer".
    if (term) add(term, role, term);
  }
  if (parties.length === 0) withCounterpartRole(roleOf);
  const either = eitherPartyTerms(text, parties);
  for (const t of either) roleOf.delete(t);
  const terms = [...roleOf.keys()].sort((a, b) => b.length - a.length || a.localeCompare(b));
  // Bounded by letters of any name, so that "Sert" is not read inside "Sertão". A name that opens on an ASCII letter
  // keeps the plain word boundary, which lets the regex engine skip ahead to the name's first letter.
  const escaped = terms.map((t) => (/^\w/.test(t) ? `\\b${termPattern(t)}` : `(?<![\\w${ACCENTED_LETTER}])${termPattern(t)}`));
  const sideOf = new Map<string, string>();
  for (const p of parties) {
    if (p.group) sideOf.set(p.group, p.group);
    sideOf.set(p.alias ?? p.name, p.group ?? p.alias ?? p.name);
  }
  const keys = [...new Set([...roleOf.values()].map((v) => sideOf.get(v.name) ?? v.name))];
  return {
    regex: escaped.length ? new RegExp(`(?:${escaped.join("|")})(?![\\w${ACCENTED_LETTER}])`, "g") : null,
    roleOf,
    keys,
    sideOf,
    either: either.length ? new RegExp(`\\b(?:${either.map(termPattern).join("|")})\\b`, "g") : null,
    indemnifier: namedIndemnifier(text, roleOf),
  };
}

/** "X is the Indemnifying Party", said once in the text about a party the lexicon knows; null otherwise. */
function namedIndemnifier(text: string, roleOf: PartyLexicon["roleOf"]): { role: Role; name: string } | null {
  if (!text || !/Indemnifying\s+Party\b/.test(text)) return null;
  const said = [
    ...text.matchAll(
      /(?:^|[\s,(])(?:the\s+)?([A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,3})\s+(?:is|shall\s+be)\s+(?:the|an)\s+["“]?Indemnifying\s+Party\b/g,
    ),
  ];
  // ("Ngaio Animal Health Limited ("Ngaio" or the "Indemnifying Party") shall indemnify": the term defined with the
  // party's own.)
  said.push(
    ...text.matchAll(/(?:^|[\s,(])([A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,4})\s*\([^()]{0,60}?\bthe\s+["“]Indemnifying\s+Party["”]\s*\)/g),
  );
  const names = new Set(said.map((m) => roleOf.get(m[1]!)?.name).filter((n): n is string => !!n));
  if (said.length === 0 || names.size !== 1) return null;
  const name = [...names][0]!;
  return { role: [...roleOf.values()].find((v) => v.name === name)!.role, name };
}

/**
 * Read with no party found, two names of which one has a role word ("Company" and "Customer"): the other name stands on
 * the other side, as a preamble's counterpart would.
 */
function withCounterpartRole(roleOf: Map<string, { role: Role; name: string }>): void {
  const roleByName = new Map([...roleOf.values()].map((v) => [v.name, v.role]));
  if (roleByName.size !== 2) return;
  const [[a, ra], [b, rb]] = [...roleByName] as [[string, Role], [string, Role]];
  const fill =
    ra === "unknown" && rb !== "unknown"
      ? { name: a, role: otherSide(rb) }
      : rb === "unknown" && ra !== "unknown"
        ? { name: b, role: otherSide(ra) }
        : null;
  if (fill) for (const [k, v] of roleOf) if (v.name === fill.name) roleOf.set(k, { ...v, role: fill.role });
}

function addressedParty(parties: readonly Party[], text: string): Party | null {
  if (parties.length !== 2 || !text) return null;
  const sample = text.length > 400_000 ? text.slice(0, 400_000) : text;
  if ((sample.match(/\b(?:you|your)\b/gi)?.length ?? 0) < 10) return null;
  const uses = (p: Party) => {
    const term = termPattern(p.alias ?? p.name);
    return sample.match(new RegExp(`\\b${term}\\b`, "g"))?.length ?? 0;
  };
  const [a, b] = parties as [Party, Party];
  const [ua, ub] = [uses(a), uses(b)];
  // Named in the preamble and the signature block only, while the other party is named throughout.
  if (ua <= 5 && ub > 10) return a;
  if (ub <= 5 && ua > 10) return b;
  return null;
}

/** The text with every name of two words or more blanked out, so that the words inside those names are not counted. */
function withoutLongerTerms(text: string, terms: readonly string[]): string {
  const long = terms.filter((t) => /\s/.test(t));
  if (!text || long.length === 0) return text;
  const pattern = new RegExp(long.map((t) => `\\b${termPattern(t)}\\b`).join("|"), "g");
  return text.replace(pattern, (m) => " ".repeat(m.length));
}

/**
 * "the Financial Sector Conduct Authority", "the Bermuda Monetary Authority": a role word that ends a longer name after
 * a capitalised word of that name ("Conduct", not "The" or "Either") is the name's, and names no party of its own.
 */
function endsLongerName(text: string, at: number): boolean {
  const before = /([A-Z][\w&-]*)\s+$/.exec(text.slice(Math.max(0, at - 40), at))?.[1];
  return !!before && !opensNoName(before);
}

/**
 * The candidate used most often as a capitalised word in `text` (the first on a tie); with no text, the first
 * candidate; null when the text uses none of them.
 */
function mostUsed(candidates: readonly string[], text: string): string | null {
  if (!text) return candidates[0] ?? null;
  let best: string | null = null;
  let bestCount = 0;
  for (const c of candidates) {
    let n = 0;
    // ("24 CONTRACTOR'S INDEMNITY" over "24.1 It shall indemnify the Authority": a heading in capitals uses the word too.)
    const pattern = `(?:${c.replace(/\s+/g, "\\s+")}|${c.toUpperCase().replace(/\s+/g, "\\s+")})`;
    for (const m of text.matchAll(new RegExp(`\\b${pattern}\\b`, "g"))) if (!endsLongerName(text, m.index)) n += 1;
    if (n > bestCount) {
      best = c;
      bestCount = n;
    }
  }
  return best;
}

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

interface Mention {
  index: number;
  end: number;
  mutual: boolean;
  role: Role;
  name: string | null;
}

/**
 * Mentions found per sentence, for the document being read. A sentence with several facts (a cap, its carve-outs, a
 * waiver) is read once; the lists are never changed by their readers. Only the last document's are kept, so that a
 * batch of many documents holds no more than one document's sentences.
 */
let mentionsLexicon: PartyLexicon | null = null;
let mentionsSeen = new Map<string, readonly Mention[]>();

function mentions(sentence: string, lexicon: PartyLexicon): readonly Mention[] {
  if (lexicon !== mentionsLexicon) {
    mentionsLexicon = lexicon;
    mentionsSeen = new Map();
  }
  let found = mentionsSeen.get(sentence);
  if (!found) mentionsSeen.set(sentence, (found = mentionsIn(sentence, lexicon)));
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

/** An exception that opens a sentence, up to its first comma: "12.1 Except for Customer's payment obligations, ". */
// ("Without prejudice to Company's right under Section 19.4 to terminate upon a Change of Control of Partner, Company
// may terminate …": a right kept aside opens the sentence the same way.)
// ("Save in respect of liability arising from fraud, gross negligence or wilful misconduct, the total liability of …":
// the exception's list runs past its first comma.)
// ("Save in respect of death or personal injury caused by negligence, fraud, or liability under the indemnities in
// Clause 21, the aggregate liability of each party …": several items, the last after "or" a liability of a kind, not a
// party's liability "of", "to" or "under this" agreement.)
const NOT_THE_TERM = String.raw`(?!\b(?:shall|will|may|must|each|both|hereby|waives?|agrees?|liab\w*)\b)`;
const NOT_THE_TERM_LAST = String.raw`(?!\b(?:shall|will|may|must|each|both|hereby|waives?|agrees?)\b|\bliab\w*\s+(?:of|to|shall|will|hereunder|under\s+this)\b)`;
const EXCEPTION_OPENING = new RegExp(
  String.raw`^\s*(?:(?:\d{1,3}(?:\.\d{1,3})*\.?|\([a-z0-9]{1,4}\))\s+)?(?:except|save|other\s+than|excluding|with\s+the\s+exception\s+of|apart\s+from|without\s+prejudice\s+to|in\s+addition\s+to)\b[^;:,]{0,300}` +
    String.raw`(?:(?:,\s*(?:${NOT_THE_TERM}[^;:,]){1,80}?){0,4}?,?\s+(?:or|and)\s+(?:${NOT_THE_TERM_LAST}[^;:,]){1,60})?` +
    // ("Except in respect of death or personal injury, and without prejudice to the Site Owner's right to recover unpaid
    // Commission, the total liability of the Operator …": a second aside joined to the first.)
    String.raw`(?:,?\s+and\s+(?:except|save|without\s+prejudice\s+to|subject\s+to)\b[^;:,]{0,200})?,\s*`,
  "i",
);

/**
 * One ceiling for both sides' liabilities, each named in turn before a single verb: "Our total liability to you, and
 * your total liability to us, … shall not exceed the charges paid". (Each with a verb of its own, "A's liability shall
 * not exceed X, and B's liability shall not exceed Y", are two ceilings, read one by one.)
 */
const HOLDER = String.raw`(?:[Oo]ur|[Yy]our|[Ii]ts|[Tt]heir|(?:[Tt]he\s+)?[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,3}['’]s?)`;
const LIABILITY_TO = String.raw`(?:(?:total|aggregate|maximum|cumulative|entire|combined)\s+)*liabilit(?:y|ies)\s+to\s+(?:the\s+)?(?:us|you|them|it|[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,3})`;
const ONE_CEILING_BOTH_WAYS = new RegExp(
  String.raw`\b${HOLDER}\s+${LIABILITY_TO}\s*,?\s+and\s+${HOLDER}\s+${LIABILITY_TO}\b(?=[^.;]{0,200}?\b(?:shall|will|does|do|may)\s+(?:not|never|in\s+no\s+(?:event|case))\b)`,
);

/**
 * Two holders named for one limit that each of them gets: "The aggregate liability of Party A and the aggregate
 * liability of Party B … shall each be limited to …", "The total liability of SRS to MMH, and of MMH to SRS, … shall
 * in each case not exceed …".
 */
const TWO_HOLDERS_EACH = new RegExp(
  String.raw`\b(?:(?:total|aggregate|maximum|entire)\s+)*liabilit(?:y|ies)\s+of\s+[^.;,]{1,120}?,?\s+and\s+(?:(?:the\s+)?(?:(?:total|aggregate|maximum)\s+)?liabilit(?:y|ies)\s+)?of\s+[^.;]{1,200}?\b(?:shall|will)\s+(?:each|in\s+each\s+case|respectively)\b`,
  "i",
);

/**
 * Two ceilings said one after the other, the second "the same amount" as the first: "Party A's liability to Party B
 * shall not exceed the fees paid, and Party B's liability to Party A shall not exceed the same amount" is one ceiling
 * for both; so is "… and the liability of Party B shall likewise not exceed …". (Two different sums stay two one-way
 * ceilings.)
 */
const SAME_CEILING_TWICE =
  /\bliabilit(?:y|ies)\b[^.;]{0,160}?\b(?:shall|will)\s+not\s+exceed\b[^.;]{0,160}?\band\s+[^.;]{0,80}?\bliabilit(?:y|ies)\b[^.;]{0,160}?\b(?:shall|will)\s+(?:not\s+exceed\s+the\s+same\s+(?:amount|sum|limit|cap)|(?:likewise|similarly|equally|also)\s+not\s+exceed)\b/;

/** Words that open a carve-out from a ceiling: "other than for", "except for", "excluding". */
const CARVE_OUT_AT = /^(?:other\s+than|except|excluding|save\s+for)\b/i;

/** The reading of a term that binds (or favours) both parties alike. */
const BINDS_BOTH: Direction = {
  mutual: true,
  burdened: "both",
  beneficiary: "both",
  burdenedParty: "both",
  beneficiaryParty: "both",
  subjectName: null,
};

/**
 * @param triggerAt offset of the trigger inside `sentence`.
 * @param subjectIs whether the subject carries the burden or holds the benefit.
 */
export function directionOf(
  sentence: string,
  triggerAt: number,
  triggerEnd: number,
  subjectIs: "burdened" | "beneficiary",
  lexicon: PartyLexicon,
): Direction {
  const ceiling = ONE_CEILING_BOTH_WAYS.exec(sentence) ?? SAME_CEILING_TWICE.exec(sentence) ?? TWO_HOLDERS_EACH.exec(sentence);
  // (A carve-out inside it, "…, other than for chargebacks, …", belongs to the side it is said of, not to both.)
  const carveOut = CARVE_OUT_AT.test(sentence.slice(triggerAt, triggerAt + 20));
  if (ceiling && !carveOut && triggerAt >= ceiling.index && triggerAt < ceiling.index + ceiling[0].length) {
    return { ...BINDS_BOTH };
  }
  const all = mentions(sentence, lexicon);
  // "A's liability shall not exceed $1m and B's liability shall not exceed the fees": a ceiling for each side.
  const eachSide = carveOut ? null : ceilingsForEachSide(sentence, all, (n) => lexicon.sideOf.get(n) ?? n);
  if (eachSide && triggerAt >= eachSide.start - 60 && triggerAt < eachSide.end + 40) return { ...BINDS_BOTH, asymmetric: true };
  // "Except for Pinnacle's payment obligations, the aggregate liability of Solace shall be limited to …": a party
  // named in an exception that opens the sentence is not the subject of the term after it, even when a trigger
  // ("obligations … limited to") starts inside the exception.
  const cut = EXCEPTION_OPENING.exec(sentence)?.[0].length ?? 0;
  // ("The Indemnifying Party shall indemnify the Miller", the Indemnifying Party named earlier: the trigger "Indemnifying"
  // stands inside the name of the one who acts.)
  const named = lexicon.indemnifier
    ? all.find((m) => !m.mutual && m.name === lexicon.indemnifier!.name && m.index <= triggerAt && m.end > triggerAt)
    : undefined;
  const subject = named
    ? named
    : cut > 0 && triggerEnd > cut
      ? subjectOf(
          sentence,
          all.filter((m) => m.index >= cut),
          Math.max(triggerAt, cut),
          triggerEnd,
        )
      : subjectOf(sentence, all, triggerAt, triggerEnd);
  if (!subject) {
    // "the owner of the work shall indemnify the other Party", "the parties exclude liability for …": a term said of
    // whichever party is in that position, or of the parties together, binds both.
    if (/\b(?:the\s+other\s+part(?:y|ies)|the\s+parties|each\s+other)\b/i.test(sentence)) return { ...BINDS_BOTH };
    return { mutual: null, burdened: null, beneficiary: null, burdenedParty: null, beneficiaryParty: null, subjectName: null };
  }
  if (subject.mutual || joinedWithOtherSide(sentence, all, subject, lexicon) || agentsOnBothSides(sentence, all, subject)) {
    return { ...BINDS_BOTH };
  }
  const key = subject.name;
  // "The Client shall be entitled to indemnification from the Contractor", "the Client shall be held harmless",
  // "Party A has the right to be indemnified by (or: to indemnify from) Party B", "Party A is entitled to require Party B
  // to indemnify Party A": the subject receives the promise.
  if (
    subjectIs === "burdened" &&
    /^\s*(?:(?:shall|will|may)\s+)?(?:(?:be|is|are)\s+entitled\s+to\s+(?:be\s+)?(?:indemnif|held\s+harmless)|(?:have|has)\s+the\s+right\s+to\s+(?:be\s+indemnified|indemnif(?:y|ication)\s+from)|be\s+(?:indemnified|held\s+harmless)|(?:(?:be|is|are)\s+entitled|(?:have|has)\s+the\s+right)\s+to\s+(?:require|demand|request)\s+(?:[\w.&'’-]+\s+){1,5}?to\s+(?:indemnif|compensate|defend|hold))/i.test(
      sentence.slice(subject.end, subject.end + 60),
    )
  ) {
    subjectIs = "beneficiary";
  }
  // "the Buyer shall be entitled to deduct … 0.5% of the value for each week of delay", "the Authority may recover
  // liquidated damages": the one who deducts or recovers a sum is paid it.
  if (
    subjectIs === "burdened" &&
    subject.end <= triggerAt &&
    /^\s*(?:(?:shall|will|may)\s+)?(?:(?:be|is|are)\s+entitled\s+to\s+|(?:have|has)\s+the\s+right\s+to\s+)?(?:deduct|withhold|set\s+off|recover|levy|impose)\b/i.test(
      sentence.slice(subject.end, subject.end + 60),
    )
  ) {
    subjectIs = "beneficiary";
  }
  // "The Reseller shall be treated no less favourably than other resellers", "the Buyer's price per unit
  // shall be no greater than the lowest price paid by any later buyer": the subject receives the promise.
  if (
    subjectIs === "burdened" &&
    (/^\s*(?:shall|will|must)\s+(?:be\s+)?(?:treated|offered|given|granted|charged)\b/i.test(
      sentence.slice(subject.end, subject.end + 40),
    ) ||
      // ("the Master Franchisee shall be entitled to have such more favourable terms incorporated")
      /^\s*(?:shall|will|may)\s+be\s+entitled\s+to\s+(?:have|receive|obtain|the\s+benefit\s+of)\s+(?:such|the\s+same|those|the\s+more|any\s+such)\b/i.test(
        sentence.slice(subject.end, subject.end + 70),
      ) ||
      /^['’]s\s+(?:[\w-]+\s+){0,3}(?:price|prices|pricing|rates?|fees?|charges|terms)(?:\s+(?:per|for|of|on)(?:\s+[\w-]+){1,5}?)?\s+(?:shall|will)\s+(?:be\s+)?(?:no\s+(?:greater|higher|less\s+favou?rable)|not\s+exceed)\b/i.test(
        sentence.slice(subject.end, subject.end + 80),
      ))
  ) {
    subjectIs = "beneficiary";
  }
  // "Axiometric shall have the exclusive right to market …", "Distributor is the sole and exclusive distributor":
  // the subject holds the exclusive right; the party that gives it up is the other one.
  if (
    subjectIs === "burdened" &&
    /^\s*(?:(?:shall|will|may)\s+)?(?:(?:retain|have|hold)\s+and\s+)?(?:(?:have|has|hold|holds|retain|retains|receive|receives|enjoy|enjoys|obtain|obtains)|(?:be|is|are)\s+(?:granted|given|appointed(?:\s+as)?)|(?:is|be|are)(?=\s+(?:the|its|an?)\s+(?:sole|exclusive|only)\b))\s+(?:the\s+|its\s+|an?\s+)?(?:sole\s+and\s+exclusive|sole|exclusive|only)\b/i.test(
      sentence.slice(subject.end, subject.end + 80),
    )
  ) {
    subjectIs = "beneficiary";
  }
  // "The Supplier shall permit the Customer to audit …", "Franchisee shall … allow inspections at any time": the
  // subject grants the right; the holder is the other party.
  if (
    subjectIs === "beneficiary" &&
    triggerAt > subject.end &&
    /\b(?:shall|will|must|agrees?\s+to|undertakes?\s+to)\b[^.;]{0,200}?\b(?:permit|allow|afford|submit\s+to|grant\s+(?:\w+\s+){0,3}access)\w*\b/i.test(
      sentence.slice(subject.end, triggerAt + 40),
    )
  ) {
    subjectIs = "burdened";
  }
  // "The Client waives any claim against the Contractor for indirect loss", "the Agency shall have no claim for lost
  // fees", "the Region shall not recover from the Operator any consequential loss": the party that waives gives up the
  // claim; the other party is the one protected.
  if (
    subjectIs === "beneficiary" &&
    /^\s*(?:hereby\s+)?(?:(?:irrevocably|expressly|knowingly)\s+)?(?:waives?|releases?)\b|^\s*(?:shall|will|may)\s+not\s+(?:be\s+entitled\s+to\s+)?recover\b|^\s*be\s+entitled\s+to\s+recover\b|^\s*(?:shall|will)\s+have\s+no\s+(?:claim|right\s+to\s+(?:claim|recover))\b/i.test(
      sentence.slice(subject.end, subject.end + 60),
    )
  ) {
    subjectIs = "burdened";
  }
  // "Claims of the Lessee against Elbe Leasing for lost profit … are excluded": the claimant gives the claims up.
  if (
    subjectIs === "beneficiary" &&
    /\bclaims?\s+(?:of|by)\s+(?:the\s+)?$/i.test(sentence.slice(Math.max(0, subject.index - 16), subject.index)) &&
    /^\s+against\b/i.test(sentence.slice(subject.end, subject.end + 10))
  ) {
    subjectIs = "burdened";
  }
  // "the Customer's sole and exclusive remedy", "Subscriber's sole and cumulative recovery": the party whose remedy is
  // limited carries the limit.
  if (
    /^['’]s\s+(?:(?:sole|exclusive|only)(?:\s+and\s+(?:sole|exclusive))?\s+(?:remed|recourse)|(?:(?:total|aggregate|maximum|sole|cumulative|entire)(?:\s+and)?\s+){0,3}(?:recovery|right\s+to\s+recover)\b)/i.test(
      sentence.slice(subject.end, subject.end + 40),
    ) ||
    // "… shall be the exclusive remedy of the XC Indemnified Parties": the same, the other way round.
    /\b(?:sole|exclusive|only)(?:\s+and\s+(?:sole|exclusive))?\s+(?:remed(?:y|ies)|recourse)\s+(?:available\s+)?(?:of|to|for)\s+(?:the\s+|any\s+)?$/i.test(
      sentence.slice(Math.max(0, subject.index - 60), subject.index),
    )
  ) {
    subjectIs = subjectIs === "beneficiary" ? "burdened" : "beneficiary";
  }
  // The only party named is an object ("… shall be the exclusive property of the Company", "notice to the
  // Supplier", "the Company shall indemnify Beta" when "the Company" is a term the preamble never gave): it
  // receives what the unnamed actor gives, so it stands on the other side of the term.
  if (
    all.every((m) => !m.mutual && m.name === key) &&
    (RECIPIENT.test(sentence.slice(Math.max(0, subject.index - 40), subject.index)) ||
      // (A passive's agent, "determined by the Customer", is the actor.)
      (isObject(sentence, subject) && !/\bby\s+(?:the\s+)?$/i.test(sentence.slice(Math.max(0, subject.index - 12), subject.index)))) &&
    !/^['’]s\b/.test(sentence.slice(subject.end, subject.end + 3)) &&
    // "If Beta determines, in its sole discretion, that …": the party that judges, in a clause hanging off another, acts.
    !(subject.end <= triggerAt && judges(sentence, subject, triggerAt)) &&
    // ("… shall not be recoverable from Soryu": read above as the party protected.)
    !RECOVERABLE_FROM_BEFORE.test(sentence.slice(Math.max(0, subject.index - 60), subject.index)) &&
    !LIABILITY_ATTACHES_TO_BEFORE.test(sentence.slice(Math.max(0, subject.index - 40), subject.index)) &&
    !NO_CLAIM_AGAINST_BEFORE.test(sentence.slice(Math.max(0, subject.index - 80), subject.index)) &&
    // With one party known the other is unnamed, but the named one is still the recipient, never the actor.
    lexicon.keys.length <= 2
  ) {
    subjectIs = subjectIs === "beneficiary" ? "burdened" : "beneficiary";
  }
  // With two parties the other one is known; with more, only the subject is.
  const others = lexicon.keys.filter((k) => k !== (key === null ? null : (lexicon.sideOf.get(key) ?? key)));
  const otherKey = others.length === 1 ? others[0]! : null;
  return oneSided(subjectIs, key, subject.role, otherKey);
}

/** A one-way term said of its subject: the subject carries it or benefits from it, the other party the reverse. */
function oneSided(subjectIs: "burdened" | "beneficiary", key: string | null, role: Role, otherKey: string | null): Direction {
  const side = role === "unknown" ? null : role;
  const other = side ? otherSide(side) : null;
  return subjectIs === "burdened"
    ? { mutual: false, burdened: side, beneficiary: other, burdenedParty: key, beneficiaryParty: otherKey, subjectName: key }
    : { mutual: false, burdened: other, beneficiary: side, burdenedParty: otherKey, beneficiaryParty: key, subjectName: key };
}

/**
 * "X determines, in its sole discretion", "X's board should decide …", "X, in its sole discretion, …": the party whose
 * judgment the trigger names.
 */
function judges(sentence: string, m: Mention, triggerAt: number): boolean {
  // "If Ehave, in its absolute discretion, forms the view …": the party the discretion is given to, right before it.
  if (/^\s*,?\s*(?:in|at)\s+(?:its|their)\s+(?:own\s+)?$/i.test(sentence.slice(m.end, triggerAt))) return true;
  return /^(?:['’]s\s+(?:[\w-]+\s+){0,4}?)?\s*(?:(?:should|shall|will|may|does)\s+)?(?:determines?|decides?|deems?|elects?|considers?|believes?)\b[^.;]{0,40}$/i.test(
    sentence.slice(m.end, triggerAt),
  );
}

/** Words that make a party the one receiving ("property of", "vests in", "notice to"); "liability of X" is X's own. */
const RECIPIENT =
  /\b(?:property\s+of|vest(?:s|ed)?\s+(?:\w+\s+)?in|owned\s+by|belongs?\s+to|in\s+favou?r\s+of|for\s+the\s+benefit\s+of|to|harmless)\s+(?:the\s+)?$/i;

/** Words after which a party mention is an object or a complement, not the actor: "notice to the Supplier". */
// "into the Pretzel Time System", "within the Company Network": a name inside a place or thing is not an actor; nor
// are the parties a document is "between" ("Exhibit E to the Agreement between Tribune and TUBE"), nor a party left
// out of a group ("its affiliates (other than the Licensee)").
const OBJECT_MARKER =
  /\b(?:to|against|from|for|of|with|towards?|upon|on\s+behalf\s+of|harmless|into|within|throughout|between|among|other\s+than|excluding)\s+(?:the\s+|any\s+|such\s+)?$/i;

/** What may stand between the start of a trigger and its subject: "In no event shall the ", "" ("Neither party…"),
 * "neither " ("neither the Licensor nor its affiliates shall have any liability"). */
// "the aggregate liability of the Supplier …" names its subject after "of", like "the Supplier's aggregate liability";
// so do "the maximum (or total) amount for which the Supplier may be liable", "any liability incurred by Sundial" and
// "the damages recoverable by Wexford from Brightline" (or "recoverable from Brightline by Wexford") and "no claim shall
// be made against Rennick" or "no liability shall be incurred by Brightpath" (the protected party's), and "the total
// damages payable by Lessor" (the payer's);
// so does "the most we will be liable to pay you" (the one who pays at most).
const SUBJECT_LEAD =
  /^(?:(?:in|under)\s+no\s+(?:event|circumstances?)\s*,?\s*(?:shall|will|may|is|are|does)?\s*|neither\s+|(?:at\s+any\s+time|from\s+time\s+to\s+time|without\s+(?:prior\s+|advance\s+)?notice)\s*,?\s*)?(?:the\s+)?(?:(?:(?:total|aggregate|cumulative|maximum|entire|sole)\s+)*(?:liabilit(?:y|ies)|responsibilit(?:y|ies))(?:\s+for\s+compensation|\s+on\s+the\s+part)?\s+of\s+(?:the\s+)?|(?:maximum|total|aggregate)\s+(?:aggregate\s+)?(?:amount|sum)\s+(?:(?:for\s+which|that)\s+)?(?:the\s+)?|liabilit(?:y|ies)\s+(?:incurred|owed)\s+by\s+(?:the\s+)?|(?:damages|amounts?|sums|losses)\s+recoverable\s+(?:by\s+[^.;]{1,60}?\s+)?from\s+(?:the\s+)?|(?:(?:total|aggregate|maximum)\s+)?(?:amount\s+of\s+)?(?:damages|amounts?|sums)\s+payable\s+by\s+(?:either\s+)?(?:the\s+)?|no\s+(?:claims?|actions?|proceedings?|suits?)\s+(?:shall|will|may)\s+(?:be\s+(?:made|brought)|lie)\s+against\s+(?:the\s+)?|the\s+most\s+(?:that\s+)?|no\s+liability\s+(?:whatsoever\s+)?(?:shall|will)\s+(?:(?:attach|accrue)\s+to|be\s+(?:incurred|borne)\s+by)\s+(?:the\s+)?|claims?\s+(?:of|by)\s+(?:the\s+)?)?$/i;

/** "the Fees paid by Tandem", "claims by Thornbury", "damages recoverable by Wexford": "by" after a payment or a
 * claim names who pays or claims. */
/** "… recoverable from Soryu", "… recoverable by the Client from Soryu": who a sum cannot be recovered from. */
const FROM_WHOM_RECOVERED = String.raw`(?:by\s+[^.;,]{1,40}?\s+)?from\s+(?:the\s+)?`;
const RECOVERED_FROM_AFTER = new RegExp(String.raw`^\s+${FROM_WHOM_RECOVERED}`, "i");
const RECOVERABLE_FROM_BEFORE = new RegExp(String.raw`\brecoverable\s+${FROM_WHOM_RECOVERED}$`, "i");

/** "No liability shall attach to Isvik AB for indirect loss": the party liability does not reach is the one protected. */
const LIABILITY_ATTACHES_TO_BEFORE = /\bliability\s+(?:shall|will|does|is\s+to)\s+(?:\w+\s+)?(?:attach|accrue)\s+to\s+(?:the\s+)?$/i;

/** "No claim shall lie against the Mason for indirect loss": the party no claim may reach is the one protected. */
const NO_CLAIM_AGAINST_BEFORE =
  /\bno\s+(?:claims?|actions?|proceedings?|suits?)\s+(?:shall|will|may)\s+(?:lie|be\s+(?:made|brought)(?:\s+by\s+[^.;,]{1,40}?)?)\s+against\s+(?:the\s+)?$/i;

const PAYER_OR_CLAIMANT =
  /\b(?:(?:claims?|amounts?|fees|sums?|paid|payable|owed|brought|asserted|recoverable|invoiced|billed|received|earned|claimed|charged|demanded|levied)|recoverable\s+from\s+(?:the\s+)?[^.;,]{1,40}?)\s+by\s+(?:either\s+)?(?:the\s+)?$/i;

function subjectOf(sentence: string, all: readonly Mention[], triggerAt: number, triggerEnd: number): Mention | undefined {
  // Passive: "shall be indemnified by the Supplier", "may be terminated by either party" — the actor follows "by".
  const after = sentence.slice(triggerEnd, triggerEnd + 80);
  const passive = /^[\w\s,]{0,40}?\bby\s+(?:the\s+)?/.exec(after);
  // "…available for inspection by the Customer" and "subject to audit by the Customer" are passive too.
  if (
    passive &&
    // "liable … in excess of the Fees paid by Tandem" (or "invoiced by Calder"): who pays or bills is no agent of the
    // passive.
    !PAYER_OR_CLAIMANT.test(passive[0]) &&
    // ("shall be defended, indemnified and held harmless by Vendor": participles listed before the trigger.)
    /\b(?:(?:be|been|is|are|being)\s+(?:\w+,?\s+){0,3}|(?:available|subject)\s+(?:for|to)\s+)$/.test(
      sentence.slice(Math.max(0, triggerAt - 30), triggerAt),
    )
  ) {
    const at = triggerEnd + passive[0].length;
    // ("shall be indemnified by the O&M Contractor": a name's first word the party's term leaves out may come first.)
    const hit = all.find(
      (m) => m.index === at || (m.index > at && m.index <= at + 12 && /^(?:[A-Z][\w&.-]*\s+)+$/.test(sentence.slice(at, m.index))),
    );
    if (hit) return hit;
  }
  // "The parties' respective liabilities … shall be limited": a mutual phrase the trigger starts inside of.
  const straddling = all.find((m) => m.mutual && m.index < triggerAt && m.end > triggerAt);
  if (straddling) return straddling;
  // "Albion Lifting's liability for any load carried by the Crane shall be limited": the owner of the liability the
  // trigger opens with, named just before it, is the subject, whoever else the trigger names.
  if (/^(?:(?:total|aggregate|maximum|cumulative|entire)\s+)*liabilit(?:y|ies)\b/i.test(sentence.slice(triggerAt, triggerEnd))) {
    const owner = ownerBefore(sentence, triggerAt, all);
    if (owner) return owner;
  }
  // A party named inside a long trigger ("in no event shall the Supplier's aggregate liability…", "neither party
  // shall be liable…", "may be terminated by the Customer…", "at any time the Company may inspect…") is its subject
  // unless it is an object there.
  for (const m of all) {
    if (m.index < triggerAt || m.end > triggerEnd) continue;
    // ("Article 27 (Limit of Liability) The total amount of damages payable by either …": a trigger that starts in a
    // bracketed heading leads to its subject from after the bracket.)
    const lead = sentence.slice(triggerAt, m.index).replace(/^[^()]{0,40}\)[\s,]*/, "");
    if (
      /\bby\s+(?:either\s+)?(?:the\s+)?$/i.test(lead) &&
      // ("may terminate (a) … if the marketing authorisation is … not renewed by ANVISA, and (b) for convenience": an
      // agent inside a condition acts in the condition, not in the right.)
      !/\b(?:if|unless|where|when|in\s+the\s+event)\b/i.test(lead) &&
      !OBJECT_MARKER.test(lead.replace(/\bby\s+(?:either\s+)?(?:the\s+)?$/i, "")) &&
      !PARTICIPLE_AGENT.test(lead) &&
      !REDUCED_RELATIVE_AGENT.test(lead) &&
      // "shall not be held liable by Client": who holds a party liable is the claimant, not the actor.
      !/\bliable\s+by\s+(?:either\s+)?(?:the\s+)?$/i.test(lead) &&
      // "compensate Party B for the losses suffered by Party B": the one who suffers the loss is not the actor; nor is
      // the one whose breach is set aside ("without any breach by Contractor").
      !/\b(?:suffered|incurred|sustained|breach|default)\s+by\s+(?:the\s+)?$/i.test(lead) &&
      // ("delay in regulatory approval by the FDA": an authority's act named in a list of losses.)
      !/\b(?:approval|clearance|authori[sz]ation|registration|review|ruling|order)s?\s+by\s+(?:the\s+)?$/i.test(lead) &&
      !PAYER_OR_CLAIMANT.test(lead)
    )
      return m;
    if (SUBJECT_LEAD.test(lead)) return m;
    // ("In the event of a breach of a material obligation, the liability of Weisshaupt … shall be limited": a trigger that
    // starts at a word of the opening condition reaches the liability named after its comma.)
    if (/,\s+(?:the\s+)?(?:(?:total|aggregate|cumulative|maximum|entire)\s+)*liabilit(?:y|ies)\s+of\s+(?:the\s+)?$/i.test(lead)) return m;
    // "the amount recoverable by either party from the other": each side is the claimant and each is protected.
    if (
      m.mutual &&
      /^(?:(?:the\s+)?(?:(?:maximum|total|aggregate)\s+){0,2})?(?:damages|amounts?|sums|losses)\s+recoverable\s+by\s+$/i.test(lead)
    )
      return m;
    // "(Termination for Cause), each party may terminate": a new clause inside a long trigger opens with its subject.
    if (
      /(?:^|[,;:]\s*)$/.test(lead) &&
      /^\s+(?:shall|will|may|must|can)\b/i.test(sentence.slice(m.end, m.end + 8)) &&
      (m.mutual || !isObject(sentence, m))
    )
      return m;
    // "The aggregate amount of penalties … for which the Contractor may be liable … shall not exceed": whose liability the
    // ceiling counts.
    if (
      /\bfor\s+which\s+(?:the\s+)?$/i.test(lead) &&
      /^\s+(?:may|shall|will|could|might|is|are)\s+(?:(?:be|become)\s+)?liable\b/i.test(sentence.slice(m.end, m.end + 30))
    )
      return m;
    // "(vi) Upon Tadeo giving Diplomat sixty days' notice of termination": the one who gives notice holds the right.
    if (/^\s+(?:giving|delivering|providing|serving|sending)\b/i.test(sentence.slice(m.end, m.end + 14))) return m;
  }
  // "(B) THE TOTAL AGGREGATE LIABILITY OF CUSTOMER …": a liability named by the trigger, its owner right after it.
  if (/(?:liabilit(?:y|ies)|responsibilit(?:y|ies))$/i.test(sentence.slice(triggerAt, triggerEnd))) {
    // ("Liability on the part of Shannon Pest Management DAC … is limited to")
    const of = /^\s+(?:on\s+the\s+part\s+)?of\s+(?:the\s+)?/i.exec(sentence.slice(triggerEnd, triggerEnd + 24));
    const owner = of ? all.find((m) => m.index === triggerEnd + of[0].length) : undefined;
    if (owner) return owner;
  }
  // "Consequential losses … shall not be recoverable from Soryu": the one they cannot be recovered from is protected.
  if (/\brecoverable$/i.test(sentence.slice(triggerAt, triggerEnd))) {
    const from = RECOVERED_FROM_AFTER.exec(sentence.slice(triggerEnd, triggerEnd + 60));
    const owner = from ? all.find((m) => m.index === triggerEnd + from[0].length) : undefined;
    if (owner) return owner;
  }
  // "in the sole judgment of Lucent", "to the absolute satisfaction of the Customer": the one whose judgment it is
  // is named after the trigger.
  if (/(?:discretion|judge?ment|opinion|satisfaction|determination)$/i.test(sentence.slice(triggerAt, triggerEnd))) {
    const of = /^\s+of\s+(?:the\s+)?/.exec(sentence.slice(triggerEnd, triggerEnd + 12));
    const hit = of ? all.find((m) => m.index === triggerEnd + of[0].length) : undefined;
    if (hit) return hit;
  }
  const before = all.filter((m) => m.end <= triggerAt);
  const listHolder = leadInActor(sentence, before, triggerAt);
  if (listHolder) return listHolder;
  // "if Licensee's board of directors should determine, in its sole discretion, that …": the party that judges, in a
  // clause that hangs off another, is the actor of the judgment itself.
  const judge = [...before].reverse().find((m) => judges(sentence, m, triggerAt));
  if (judge) return judge;
  // "Where the Contracting Authority suspends the Services, it shall indemnify the Contractor": a pronoun after a
  // clause that opens the sentence stands for that clause's subject.
  const fronted = frontedSubject(sentence, before, triggerAt);
  if (fronted) return fronted;
  // "Harrow shall defend Quillfeather against any claim that … Quillfeather's use … infringes, and shall indemnify
  // them": a verb whose subject is left out shares the subject of the last verb that has one ("Harrow shall").
  if (
    // (", and it shall indemnify": the pronoun stands for that subject too.)
    /\b(?:and|or|but)\s+(?:it\s+|such\s+party\s+)?(?:shall|will|must|agrees?\s+to|undertakes?\s+to)\s+(?:(?:also|further|promptly|fully)\s+)?$/i.test(
      sentence.slice(Math.max(0, triggerAt - 40), triggerAt),
    ) ||
    // (", and shall defend and hold the Trust harmless": the same when the trigger itself starts at the verb's modal.)
    (/^(?:shall|will|must)\b/i.test(sentence.slice(triggerAt, triggerAt + 6)) &&
      /(?:,\s*|\s)(?:and|or|but)\s+$/i.test(sentence.slice(Math.max(0, triggerAt - 12), triggerAt)))
  ) {
    const subject = [...before]
      .reverse()
      .find(
        (m) =>
          (m.mutual || !isObject(sentence, m)) &&
          /^\s+(?:shall|will|must|may|hereby|agrees?|undertakes?|covenants?)\b/i.test(sentence.slice(m.end, m.end + 16)),
      );
    if (subject) return subject;
  }
  // "Provider will defend Customer … and will indemnify Customer": the party nearest the trigger is the object of
  // an earlier verb; the actor is the nearest mention before it that is not an object.
  const actor = [...before].reverse().find((m) => m.mutual || !isObject(sentence, m));
  // Every party named before the trigger is an object there ("into the Pretzel Time System, … shall become the
  // property of Pretzel Time"): the party named after it says more.
  if (actor) return actor;
  // "SAVE IN RESPECT OF CLAUSE 20.1 (UNLIMITED LIABILITY) AND THE CLIENT'S OBLIGATIONS, EACH PARTY'S TOTAL LIABILITY
  // SHALL NOT EXCEED": a trigger that starts at an earlier "liability" holds its subject in the last party's
  // liability named inside it.
  const owner = all.filter(
    (m) =>
      m.index >= triggerAt &&
      m.end <= triggerEnd &&
      /^['’]s\s+(?:(?:total|aggregate|cumulative|maximum|entire|sole|overall)\s+){0,3}(?:liabilit|responsibilit)/i.test(
        sentence.slice(m.end, m.end + 50),
      ),
  );
  if (owner.length > 0) return owner[owner.length - 1];
  // "At its own expense, it will defend any action brought against Halden": a pronoun acts, and the party named after
  // it is its object; who "it" is comes from the heading, read by the caller.
  // ("Its aggregate liability … shall not exceed", "It shall not in any event be liable to Advertiser": the same
  // for a pronoun's liability, and for a pronoun whose verb is the trigger's, with no party named between.)
  const lead = sentence.slice(Math.max(0, triggerAt - 60), triggerAt);
  if (
    // (Also after a clause that names a party: "Except to the extent a Loss is one for which Licensor is responsible,
    // it shall defend Licensor".)
    // ("it shall indemnify, defend and hold harmless": the later verbs of one promise have the same subject.)
    /(?:^|,)\s*(?:it|such\s+party)\s+(?:(?:shall|will|must|agrees\s+to|hereby)\s+)?(?:(?:indemnify|defend|protect|release)\s*,?\s*(?:and\s+)?){0,3}$/i.test(
      lead,
    ) ||
    /(?:^|[,.:]\s)\s*(?:its|such\s+party['’]s)\s+(?:(?:total|aggregate|cumulative|maximum|entire|overall)\s+){0,3}$/i.test(lead) ||
    (/(?:^|[,.:]\s)\s*(?:it|such\s+party)\s+(?:shall|will|must|may)\s+(?:not\s+)?(?:(?:in\s+any\s+event|under\s+any\s+circumstances|in\s+no\s+event|at\s+any\s+time)\s+)?$/i.test(
      lead,
    ) &&
      !before.some((m) => m.index > triggerAt - 60))
  )
    return undefined;
  return all.find((m) => m.index >= triggerEnd) ?? before[before.length - 1];
}

/**
 * "Save as provided in Clause 20.4, it shall indemnify the Purchaser against all claims made against the Purchaser": a
 * pronoun acts and the one party named is its object, so with two parties in the deal the pronoun is the other one.
 * Read last, when neither the sentence nor the clause heading said who "it" is.
 */
export function pronounForTheOther(
  sentence: string,
  triggerEnd: number,
  subjectIs: "burdened" | "beneficiary",
  lexicon: PartyLexicon,
): Direction | null {
  if (lexicon.keys.length !== 2) return null;
  const all = mentions(sentence, lexicon);
  if (all.length === 0 || !all.every((m) => !m.mutual && m.name === all[0]!.name)) return null;
  const object = all.find((m) => m.index >= triggerEnd);
  if (!object || !isObject(sentence, object)) return null;
  const objectKey = lexicon.sideOf.get(object.name!) ?? object.name!;
  const actorKey = lexicon.keys.find((k) => k !== objectKey);
  if (!actorKey) return null;
  // The pronoun stands on the side opposite its object.
  return oneSided(subjectIs, actorKey, object.role === "unknown" ? "unknown" : otherSide(object.role), objectKey);
}

/** "Where", "If", "In the event that" … with nothing before it but a clause number: a clause that opens the sentence. */
const OPENING_CONDITION =
  /^\s*(?:\(?[\divx]{1,4}[.)]\s*)?(?:where|if|when|whenever|should|once|in\s+the\s+event\s+(?:that\s+)?|in\s+case)\s+(?:the\s+)?$/i;

/** The subject of a condition that opens the sentence, when the main clause's subject is "it" or "such party". */
function frontedSubject(sentence: string, before: readonly Mention[], triggerAt: number): Mention | undefined {
  const first = before[0];
  if (!first || first.mutual || !OPENING_CONDITION.test(sentence.slice(0, first.index))) return undefined;
  // The condition's own verb follows its subject ("suspends", "elects to", "is in breach"), not a possessive.
  if (!/^\s+(?:(?:has|have|is|are|shall|will|does)\s+)?(?:not\s+)?[a-z]+/.test(sentence.slice(first.end, first.end + 30))) return undefined;
  // The pronoun begins the main clause right after the condition's comma ("…, it shall remain liable to the Customer
  // and shall indemnify"), and no party named after it has a verb of its own.
  const main = /,\s*(?:then\s+)?(?:it|such\s+party)\s+(?:shall|will|must|may|agrees|undertakes|hereby|indemnif)[^;:]*$/i.exec(
    sentence.slice(0, triggerAt),
  );
  if (!main || main.index < first.end) return undefined;
  const acting = before.some(
    (m) => m.index > main.index && /^\s+(?:shall|will|must|may|agrees?|undertakes?)\b/i.test(sentence.slice(m.end, m.end + 12)),
  );
  return acting ? undefined : first;
}

/** "… upon the occurrence of any of the following events:", "… as follows:": a sentence that opens a list. */
const LIST_LEAD_IN = /\b(?:following|as\s+follows)\b[^:;]{0,40}:\s*$/i;
/** Whether a sentence opens a list of items, so that its actor holds what the items say. */
export function opensList(sentence: string): boolean {
  return LIST_LEAD_IN.test(sentence);
}

/** An item marker: "(a)", "(iii)", "(2)". */
const ITEM_MARKER = /(?:^|[\s;:,])\((?:[a-z]|[ivx]{1,4}|\d{1,2})\)\s/gi;

/**
 * "This Agreement may be terminated by Sponsor upon the occurrence of any of the following events: (a) CRO's material
 * breach …; or (c) at any time, for any reason …": a term inside a list item belongs to the actor of the sentence
 * that opens the list, unless the item names an actor of its own before the term. The parties the items speak of
 * ("CRO's breach", "the insolvency of CRO") are the occasions, not the holder.
 */
function leadInActor(sentence: string, before: readonly Mention[], triggerAt: number): Mention | undefined {
  const colon = sentence.lastIndexOf(":", triggerAt);
  if (colon === -1 || !LIST_LEAD_IN.test(sentence.slice(0, colon + 1))) return undefined;
  let itemStart = colon;
  for (const m of sentence.slice(0, triggerAt + 1).matchAll(ITEM_MARKER)) itemStart = Math.max(itemStart, m.index);
  const ownActor = before.some(
    (m) =>
      m.index > itemStart &&
      (m.mutual || !isObject(sentence, m)) &&
      /^\s+(?:shall|will|may|must|agrees?|hereby)\b/i.test(sentence.slice(m.end, m.end + 12)),
  );
  if (ownActor) return undefined;
  const leadIn = before.filter((m) => m.end <= colon);
  // A passive's agent ("may be terminated by Sponsor") or a subject before its verb ("Either party may terminate").
  const agent = leadIn.find((m) =>
    /\b(?:be|been|is|are)\s+[a-z]+ed\s+(?:\w+\s+){0,2}?by\s+(?:either\s+)?(?:the\s+)?$/i.test(
      sentence.slice(Math.max(0, m.index - 60), m.index),
    ),
  );
  if (agent) return agent;
  return leadIn.find(
    (m) => (m.mutual || !isObject(sentence, m)) && /^\s+(?:shall|will|may|must|can)\b/i.test(sentence.slice(m.end, m.end + 8)),
  );
}

/** Verbs whose direct object is the other party: "defend Customer", "pay the Licensor", "notify Supplier", "keep
 * the Customer indemnified". */
const OBJECT_VERB =
  /\b(?:defend|indemnif(?:y|ie)|hold|keep|notif(?:y|ie)|pay|reimburse|compensate|protect|inform|invoice|release|grant|give|provide|offer|appoint|designate|engage|retain|hire)s?\s+(?:the\s+|each\s+|any\s+|all\s+)?$/i;

function isObject(sentence: string, m: Mention): boolean {
  // "will, at the Client's request, indemnify the Client", "shall not, without the Client's prior written consent,
  // solicit …": a party in an adverbial phrase is not the actor.
  if (
    /\b(?:at|upon|on|per|by|without|with)\s+(?:the\s+)?$/i.test(sentence.slice(Math.max(0, m.index - 12), m.index)) &&
    /^['’]s\s+(?:(?:sole|reasonable|written|prior|own|express)\s+){0,2}(?:request|option|election|expense|cost|direction|discretion|instructions?|demand|consent|approval|authori[sz]ation)\b/i.test(
      sentence.slice(m.end, m.end + 40),
    )
  )
    return true;
  // "(collectively, the "Allscripts Indemnified Persons")": a party's name inside a defined term names the term.
  if (/["“]\s*$/.test(sentence.slice(Math.max(0, m.index - 2), m.index))) return true;
  // "Greenway Foods Pty Ltd (Greenway)": the short form a bracket gives right after a name, with no quotes, defines it.
  if (
    /[\w.]\s*\(\s*(?:the\s+)?$/.test(sentence.slice(Math.max(0, m.index - 8), m.index)) &&
    /^\s*\)/.test(sentence.slice(m.end, m.end + 3))
  )
    return true;
  // "hold each Client Indemnified Party harmless": a party's name opening the term for those it protects.
  if (/^\s+(?:Indemnified|Indemnitees?\b|Indemnitors?\b)/.test(sentence.slice(m.end, m.end + 16))) return true;
  // "demobilising Supplier Personnel", "the Customer Data": a party's name opening a defined term for its people or
  // things names them, not the party.
  if (
    /^\s+(?:Personnel|Staff|Employees|Materials|Data|Property|Equipment|Premises|Systems?|Software|Marks|Content|Information|Technology|Sites?|Products?|Deliverables|Subcontractors|Affiliates|Representatives)\b/.test(
      sentence.slice(m.end, m.end + 20),
    )
  )
    return true;
  // "any party or PivX's licensors": a party's licensors, suppliers or staff are other persons, not the party.
  if (
    /^['’]s\s+(?:\w+\s+){0,2}?(?:licensors|suppliers|vendors|subcontractors|contractors|customers|end\s+users|agents|employees|officers|directors|representatives)\b/i.test(
      sentence.slice(m.end, m.end + 40),
    )
  )
    return true;
  // "reports to the Customer's Board": a possessive names whose thing the trigger is, so it still counts.
  if (/^['’]s\b/.test(sentence.slice(m.end, m.end + 3))) return false;
  // "(vi) Upon Tadeo giving Diplomat at least sixty days' notice": the one who gives notice acts.
  if (/^\s+(?:giving|delivering|providing|serving|sending)\b/i.test(sentence.slice(m.end, m.end + 14))) return false;
  // "indemnifies Alpha/Beta": the second of two names joined by a slash stands where the first one does; so does the
  // second of two joined by "and" or "or" ("indemnifies KI, Inc. and KI"), but not after a comma that ends a clause
  // ("shall indemnify Customer, and Supplier shall …").
  // (A name with a verb right after it acts: "Supplier shall indemnify Customer and Customer shall indemnify Supplier".)
  const acts = /^\s+(?:shall|will|may|must|agrees?|hereby)\b/i.test(sentence.slice(m.end, m.end + 10));
  const lead = sentence
    .slice(Math.max(0, m.index - 60), m.index)
    .replace(/[A-Z][\w&.-]*\s*\/\s*$/, "")
    .replace(acts ? /(?!)/ : /\b[A-Z][\w&.\u2024-]*(?:,?\s+[A-Z][\w&.\u2024-]*){0,3}\s+(?:and|or|and\/or)\s+(?:the\s+)?$/, "")
    .slice(-40);
  // "the liability of Excite", "the obligations of the Supplier", "the total liability per year of the Supplier",
  // "in the sole discretion of the Franchisor": as good as "Excite's liability".
  if (
    /\b(?:liabilit(?:y|ies)|obligations?|responsibilit(?:y|ies)|dut(?:y|ies)|recovery|remed(?:y|ies)|discretion|option|election|judge?ment|opinion|decision)(?:\s+(?:per|in|under|hereunder)(?:\s+\w+){0,2}|\s+on\s+the\s+part)?\s+of\s+(?:the\s+)?$/i.test(
      lead,
    )
  )
    return false;
  // "Each of the Transaction Entities will …": a group's members, each of them the actor.
  // "none of the members of the Alpha Group": the group's members, each of them an actor too.
  // But "shall indemnify each of Alpha, its Affiliates …": the group is the object of the verb before it.
  const group = /\b(?:each|any|all|either|both|one|none)\s+of\s+(?:the\s+)?(?:members\s+of\s+(?:the\s+)?)?$/i.exec(lead);
  if (group) return OBJECT_VERB.test(lead.slice(0, group.index)) || OBJECT_MARKER.test(lead.slice(0, group.index));
  return OBJECT_MARKER.test(lead) || OBJECT_VERB.test(lead) || SUBORDINATE.test(lead) || PARTICIPLE_AGENT.test(lead);
}

// "costs of product recalls initiated by the Customer", "losses caused by the Operator": a participle that describes a noun
// in the trigger names who did that, not who gives or holds the term ("shall be performed by" is still a passive).
const REDUCED_RELATIVE_AGENT =
  /(?<!\b(?:be|been|being|is|are|was|were)\s+)\b(?:initiated|caused|commissioned|ordered|instructed|brought|raised|asserted|committed|made)\s+by\s+(?:the\s+)?$/i;

/** "any other product reasonably deemed by Logan's to be competitive": the one whose view a participle reports;
 * "save where caused by the Customer": the one whose act a participle reports. Neither is the actor. */
// ("any Purchase Order issued by Buyer": who issued a document does not act in the term.)
const PARTICIPLE_AGENT =
  /\b(?:deemed|determined|approved|designated|selected|requested|specified|chosen|nominated|issued|placed|submitted|signed|executed)\s+by\s+(?:the\s+)?$/i;

/**
 * "AJR shall provide such information as XC shall request and shall indemnify …": a party named in a clause that
 * hangs off another ("as XC shall request", "if the Client asks", "regarding AJR") is not the actor of the main one.
 */
const SUBORDINATE = /\b(?<!such\s)(?<!as\s(?:soon|long|far|much)\s)(?:as|if|unless|whenever|until|regarding|concerning)\s+(?:the\s+)?$/i;

/**
 * "The Company or the Contractor may terminate…", "Licensor and Licensee shall each…": the subject is joined to a
 * mention of the other side by "or"/"and"/"nor", so the term binds (or favours) both.
 */
function joinedWithOtherSide(sentence: string, all: readonly Mention[], subject: Mention, lexicon: PartyLexicon): boolean {
  if (subject.mutual || subject.name === null) return false;
  const i = all.indexOf(subject);
  // ("The Employer or the FM Contractor may": a short qualifier in capitals before the other party's role word.)
  const JOIN_WORDS = /^\s*,?\s*(?:(?:and|or|nor|and\/or)\s+(?:the\s+)?|,\s*(?:the\s+)?)$/i;
  const joins = (between: string) => JOIN_WORDS.test(between.replace(/(?<=\s)[A-Z][A-Z&]{1,4}\s+$/, ""));
  // With more than two parties, two of them joined ("Supplier and Parent, jointly and severally, shall indemnify
  // Client") may stand on one side: only two known, different roles make the term bind both sides.
  const otherSide = (m: Mention) =>
    lexicon.keys.length <= 2 || (m.role !== "unknown" && subject.role !== "unknown" && m.role !== subject.role);
  // Two members of one group ("Halvorsen Parent and Halvorsen Sub, jointly and severally, shall indemnify") are one side.
  const side = (name: string) => lexicon.sideOf.get(name) ?? name;
  const differs = (m: Mention | undefined): m is Mention =>
    !!m && !m.mutual && m.name !== null && m.name !== subject.name && side(m.name) !== side(subject.name!) && otherSide(m);
  const prev = all[i - 1];
  // "… employees of LBIO, and MD Anderson shall indemnify …": a party that is an object, or a comma before "and",
  // ends one clause and starts another; only "A and B shall …" or "A, B or C may …" join two actors.
  // "the Alpha Provider Group and the Beta Provider Group": the same words after each name make two sides of one term.
  const shared = /^\s+((?:[A-Z][\w-]*\s+){0,2}[A-Z][\w-]*)\b/.exec(sentence.slice(subject.end, subject.end + 60))?.[1];
  let between = prev ? sentence.slice(prev.end, subject.index).replace(/^['’]s\b/, "") : "";
  if (shared && between.startsWith(` ${shared}`)) between = between.slice(shared.length + 1);
  // "Save where caused by the Customer, the Supplier shall …": a comma alone does not join a party named in a
  // clause before it.
  const commaOnly = !/\b(?:and|or|nor)\b/i.test(between);
  const agent = /\bby\s+(?:the\s+)?$/i.test(sentence.slice(Math.max(0, (prev?.index ?? 0) - 12), prev?.index ?? 0));
  // "Subject to the remedies of the Customer, the Supplier shall …": a comma joins two actors only when the first
  // opens the sentence ("Acme, Beta or Gamma may …").
  const opensSentence = !!prev && !/[A-Za-z]{2}/.test(sentence.slice(0, prev.index).replace(/\b(?:the|THE|The)\s*$/, ""));
  if (
    differs(prev) &&
    joins(between) &&
    !/,\s*(?:and|or)\b/i.test(between) &&
    !isObject(sentence, prev) &&
    !(commaOnly && (agent || !opensSentence))
  )
    return true;
  const next = all[i + 1];
  if (differs(next) && joins(sentence.slice(subject.end, next.index))) return true;
  return false;
}

/**
 * "This Agreement may be terminated (a) by the Customer on 30 days' notice; or (b) by the Supplier on 90 days'
 * notice": one passive sentence that names each side as the agent of its own item gives the right to both.
 */
function agentsOnBothSides(sentence: string, all: readonly Mention[], subject: Mention): boolean {
  const AGENT = /(?:^|[\s(;,])by\s+(?:the\s+)?$/i;
  const agentOf = (m: Mention) => AGENT.test(sentence.slice(Math.max(0, m.index - 12), m.index));
  if (subject.name === null || !agentOf(subject)) return false;
  return all.some(
    (m) =>
      m.index > subject.end &&
      !m.mutual &&
      m.name !== null &&
      m.name !== subject.name &&
      agentOf(m) &&
      // ("or by the Processor's customers": the agent is the customers, not the party that owns them.)
      !/^['’]s\b/.test(sentence.slice(m.end, m.end + 3)) &&
      // ("indemnified by the Project Company from any claim by a Landowner, or by the Grid Operator": the later agent
      // brings the claim.)
      !/\b(?:claims?|demands?|actions?|proceedings|suits?)\s+(?:\w+\s+){0,2}by\b/i.test(sentence.slice(subject.end, m.index)) &&
      /(?:\b(?:and|or)|;|\([a-z0-9]{1,4}\))\s*(?:\([a-z0-9]{1,4}\)\s*)?by\s+(?:the\s+)?$/i.test(
        sentence.slice(Math.max(0, m.index - 30), m.index),
      ),
  );
}
