/** The words a document uses for each party (names, defined terms, role words) and the role each stands for. */
import type { Party, Role } from "../model/party.js";
import { otherSide } from "../model/party.js";
import { termPattern } from "../shared/term-pattern.js";
import { FORM_ALONE } from "../shared/legal-form.js";
import { ACCENTED_LETTER } from "../shared/name-letters.js";
import { impliedActors, opensNoName } from "./implied-actors.js";
import { eitherPartyTerms } from "./either-party-terms.js";

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

/**
 * The lexicon of one document, built once per document by the reading stage.
 * @param text the document text: when the preamble gave no party a role, the generic word the document uses most
 * for each role ("Provider" in one form, "Supplier" in another) stands for that party.
 */
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
