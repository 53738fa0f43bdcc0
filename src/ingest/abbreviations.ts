import type { Party } from "../model/party.js";
import { LEGAL_FORM } from "../shared/legal-form.js";
import { roleOfTerm } from "./role-words.js";
import { termPattern } from "../shared/term-pattern.js";

// Terms the body uses for a party beyond the one its preamble gives: a short form in capitals, "the Bank", a term
// given in the definitions.

/** The terms already naming some party, lower-cased: a later term never takes one of them. */
function takenTerms(parties: readonly Party[]): Set<string> {
  return new Set(parties.flatMap((p) => [p.alias ?? "", ...(p.otherTerms ?? [])].map((t) => t.toLowerCase())));
}

/**
 * "… between Lark Plus Corporation and Osprey, LLC." and then "LKPL shall …": a party the preamble names without
 * a defined term may be called in the body by a short form in capitals that it never defines. A form counts when
 * its letters run, in order, through the party's name from its first letter, it fits no other party's name, and
 * the body uses it as a name at least three times.
 */
const SHORT_FORM = /\b[A-Z][A-Z0-9&]{1,5}\b/g;
const NAME_USE = (form: string) => new RegExp(`\\b${form}\\b(?:['’]s)?\\s+(?:shall|will|may|must|agrees?|has|is|and|or)\\b`, "g");

export function withShortForms(parties: readonly Party[], text: string): Party[] {
  if (parties.every((p) => p.alias !== null)) return [...parties];
  const sample = text.length > 400_000 ? text.slice(0, 400_000) : text;
  const forms = new Map<string, number>();
  for (const m of sample.matchAll(SHORT_FORM)) forms.set(m[0], (forms.get(m[0]) ?? 0) + 1);
  const taken = takenTerms(parties);
  return parties.map((p) => {
    if (p.alias !== null) return p;
    const fits = [...forms.keys()].filter(
      (f) =>
        forms.get(f)! >= 3 &&
        !taken.has(f.toLowerCase()) &&
        runsThrough(f, p.name) &&
        parties.every((o) => o === p || !runsThrough(f, o.name)) &&
        (sample.match(NAME_USE(f))?.length ?? 0) >= 2,
    );
    return fits.length === 1 ? { ...p, otherTerms: [...(p.otherTerms ?? []), fits[0]!] } : p;
  });
}

/** Whether the letters of `form` appear in order in `name`, starting with its first letter ("LKPL" in "Lark Plus"). */
function runsThrough(form: string, name: string): boolean {
  const letters = name.toUpperCase().replace(/[^A-Z0-9&]/g, "");
  if (!letters.startsWith(form[0]!)) return false;
  let i = 0;
  for (const ch of form) {
    i = letters.indexOf(ch, i);
    if (i === -1) return false;
    i++;
  }
  return true;
}

/**
 * "… between Beta Savings Bank and Acme IT Services Inc." and then "the Bank shall pay …": a party whose name ends
 * in a noun for a kind of body (Bank, Trust, University …) is called "the Bank" in the body. The noun
 * counts when no other party's name ends in it and the body says "the <Noun>" at least twice.
 */
const BODY_NOUN =
  /\b(Bank|Trust|Fund|University|Hospital|College|Council|Authority|Foundation|Association|Society|Institute|Agency)\b(?:[\s,]+(?:Inc|LLC|L\.L\.C|Ltd|Limited|Corp|Co|plc|PLC|N\.A|LP|L\.P|S\.A)\.?)*[\s,.]*$/;

export function withBodyNouns(parties: readonly Party[], text: string): Party[] {
  const sample = text.length > 400_000 ? text.slice(0, 400_000) : text;
  const nounOf = (p: Party) => BODY_NOUN.exec(p.name)?.[1] ?? null;
  const taken = takenTerms(parties);
  return parties.map((p) => {
    const noun = nounOf(p);
    if (!noun || taken.has(noun.toLowerCase()) || parties.some((o) => o !== p && nounOf(o) === noun)) return p;
    if ((sample.match(new RegExp(`\\bthe\\s+${noun}\\b`, "g"))?.length ?? 0) < 2) return p;
    return { ...p, otherTerms: [...(p.otherTerms ?? []), noun] };
  });
}

/**
 * "1.1 "Licensor" means Acme Software Corp.": a party the preamble names without a term may get one in the
 * definitions. The term names that party in the body, and a role word gives its role when it has none.
 */
const MEANS =
  /["“]([A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2})["”]\s+(?:shall\s+)?(?:means?|refers?\s+to|shall\s+refer\s+to)\s+(?:the\s+)?([A-Z][^\n,;:()]{2,80})/g;

/** A company's name, to its legal form: "Kessling Filtration Systems, Inc.", "Cascadia Fluid Solutions, LLC". */
const COMPANY_NAME = new RegExp(String.raw`^([A-Z][^\n;:()"“”]{1,80}?,?\s+${LEGAL_FORM})`);

export function withDefinedTerms(parties: readonly Party[], text: string): Party[] {
  const sample = text.length > 200_000 ? text.slice(0, 200_000) : text;
  const taken = takenTerms(parties);
  const out = parties.map((p) => ({ ...p }));
  for (const m of sample.matchAll(MEANS)) {
    const term = m[1]!;
    // "by and between the Company and the Distributor (each as defined in Section 1.01)": the preamble gave only the
    // terms; ""Company" means Kessling Filtration Systems, Inc., an Ohio corporation" gives the name.
    const bare = out.find((p) => p.alias === null && p.name === term);
    const company = bare ? COMPANY_NAME.exec(sample.slice(m.index! + m[0].length - m[2]!.length, m.index! + m[0].length + 100)) : null;
    if (bare && company) {
      Object.assign(bare, { name: company[1]!, alias: term });
      taken.add(term.toLowerCase());
      continue;
    }
    if (taken.has(term.toLowerCase())) continue;
    const named = m[2]!.toLowerCase();
    // The party's whole name, not a phrase that starts with it ("the Company's price list", "the Company or the
    // Distributor").
    // (""Seller" means Supplier": the party's own term will do.)
    const isName = (p: Party) =>
      [p.name, p.alias ?? ""].some((n) => {
        const name = n.toLowerCase().replace(/[.,]+$/, "");
        return name.length > 1 && named.startsWith(name) && /^[.,]?(?:\s*$|\s*,|\s+\(|\s+and\s+its\b)/.test(named.slice(name.length));
      });
    // ""Parties" shall mean IMPCO, MINDA and …": a list of parties is no term for one of them.
    if (/^\s*(?:,|and\b|or\b|&)\s*(?:the\s+)?[A-Z]/.test(sample.slice(m.index! + m[0].length, m.index! + m[0].length + 40))) continue;
    const matches = out.filter(isName);
    if (matches.length !== 1) continue;
    const p = matches[0]!;
    p.otherTerms = [...(p.otherTerms ?? []), term];
    taken.add(term.toLowerCase());
    const role = roleOfTerm(term);
    if (p.role === "unknown" && role !== "unknown")
      Object.assign(p, { role, roleSource: "defined-term", roleEvidence: `"${term}" means ${p.name}` });
  }
  const other = out.length === 1 ? definedCounterpart(out[0]!, sample, taken) : null;
  return other ? [...out, other] : out;
}

/**
 * A standard form with no preamble ("Customer" throughout, and ""GitHub" means GitHub, Inc., its Affiliates …" in
 * its definitions): when only one party was found, by its role word, a term defined as a company's name and used in
 * the body is the other one. Its role is worked out later, like any counterpart's.
 */
function definedCounterpart(only: Party, sample: string, taken: Set<string>): Party | null {
  if (only.alias !== only.name || roleOfTerm(only.name) === "unknown") return null;
  for (const m of sample.matchAll(MEANS)) {
    const term = m[1]!;
    if (taken.has(term.toLowerCase()) || roleOfTerm(term) !== "unknown") continue;
    const from = m.index! + m[0].length - m[2]!.length;
    const company = COMPANY_NAME.exec(sample.slice(from, from + 100));
    if (!company) continue;
    if ((sample.match(new RegExp(`\\b${term}\\b`, "g"))?.length ?? 0) < 5) continue;
    return {
      name: company[1]!,
      role: "unknown",
      alias: term,
      span: { start: from, end: from + company[1]!.length },
      roleSource: null,
      roleEvidence: null,
    };
  }
  return null;
}

/**
 * "… hereby appoint Barclays as exclusive remarketing agent (the "Remarketing Agent")": a party the body knows by a
 * term given after the preamble. When the body uses that term more than the party's own, the later term is the
 * party's term, and the first one stays another name for it. A role word in the later term gives a role the party
 * lacks.
 */
export function withAppointedTerms(parties: readonly Party[], text: string): Party[] {
  const sample = text.length > 200_000 ? text.slice(0, 200_000) : text;
  const taken = takenTerms(parties);
  const uses = (term: string) => sample.match(new RegExp(`\\b${termPattern(term)}\\b`, "g"))?.length ?? 0;
  return parties.map((p) => {
    if (!p.alias) return p;
    const appointed = new RegExp(
      String.raw`\b${termPattern(p.alias)}\s+as\s+(?:an?\s+|the\s+|its\s+)?[^().;:"“”\n]{2,60}?\s*\((?:the\s+)?["“]([A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2})["”]\)`,
    ).exec(sample);
    const term = appointed?.[1];
    if (!term || taken.has(term.toLowerCase()) || uses(term) <= uses(p.alias)) return p;
    taken.add(term.toLowerCase());
    const role = roleOfTerm(term);
    return {
      ...p,
      alias: term,
      otherTerms: [...(p.otherTerms ?? []), p.alias],
      ...(p.role === "unknown" && role !== "unknown" ? { role, roleSource: "defined-term" as const, roleEvidence: term } : {}),
    };
  });
}
