import type { Party } from "../model/party.js";
import { termPattern } from "../shared/term-pattern.js";

/**
 * Click-through terms ("This Agreement is a legal agreement between you ("you") and Acme, Inc. ("Acme", "we" or
 * "us")") are between the reader, called "you", and a company that also speaks as "we". The reader is a party the
 * preamble names only by the pronoun, and "we", "us" and "our" are further terms of the company, so that "You agree
 * to indemnify us" and "we will not be liable to you" name the parties they bind.
 */
const OPENING = 6000;
// (Or the reader's acceptance: "By using Marketplace, you are agreeing to be bound by these Terms".)
const READER =
  /\b(?:between|by)\s+you\b|\band\s+you\s*(?:\(|,|\band\b)|\byou\s+(?:are\s+)?(?:agree(?:ing)?|accept(?:ing)?)\s+to\s+(?:be\s+bound\s+by\s+)?(?:these|this|all\s+(?:of\s+)?(?:these|the))\b/i;
const YOU_TERMS = ["you", "You", "YOU", "your", "Your", "YOUR"];
const WE_TERMS = ["we", "We", "WE", "us", "Us", "our", "Our", "OUR"];

/** "a legal agreement between you (either as an individual or …) and GitHub, Inc. regarding …": no terms in quotes. */
const BETWEEN_YOU_AND =
  /\bbetween\s+you\b[^.;]{0,80}?\band\s+([A-Z][\w&-]*(?:\s+[A-Z][\w&-]*){0,3}(?:,?\s+(?:Inc|LLC|Ltd|Limited|Corp|Corporation|GmbH|B\.V|S\.A)\b\.?)?)/;

/** "These terms apply to the pre-release software made available to you by GitHub": the company offering it. */
const TO_YOU_BY =
  /\b(?:made\s+available|provided|offered|licensed|supplied)\s+to\s+you\s+by\s+([A-Z][\w&-]*(?:\s+[A-Z][\w&-]*){0,3}(?:,?\s+(?:Inc|LLC|Ltd|Limited|Corp|Corporation|GmbH|B\.V|S\.A)\b\.?)?)/;

export function withClickThroughParties(parties: Party[], text: string): Party[] {
  const opening = text.slice(0, OPENING);
  const sample = text.length > 400_000 ? text.slice(0, 400_000) : text;
  const toYou = parties.length === 0 ? TO_YOU_BY.exec(opening.slice(0, 1500)) : null;
  const company = parties.length === 0 ? (BETWEEN_YOU_AND.exec(opening) ?? toYou) : null;
  if (company) {
    const name = company[1]!.replace(/[,\s]+$/, "");
    const first = name.split(/[\s,]+/)[0]!;
    const alias =
      first.length >= 3 && new RegExp(`\\b${termPattern(first)}\\b`).test(text.slice(company.index + company[0].length)) ? first : name;
    const start = company.index + company[0].length - company[1]!.length;
    const speaks = /\b(?:we|us)\b/.test(sample);
    parties = [
      { name, alias, role: "unknown", span: { start, end: start + company[1]!.length }, ...(speaks ? { otherTerms: WE_TERMS } : {}) },
    ];
  }
  const out = parties.map((p) => {
    const term = termPattern(p.alias ?? p.name);
    const speaksAsWe = new RegExp(`\\(\\s*["“]${term}["”][^()]{0,60}?["“](?:we|us)["”]`, "i").test(opening);
    return speaksAsWe ? { ...p, otherTerms: [...new Set([...(p.otherTerms ?? []), ...WE_TERMS])] } : p;
  });
  // ("made available to you by GitHub" names the reader too.)
  const reader = READER.exec(opening) ?? (toYou && company === toYou ? toYou : null);
  const hasReader = out.some((p) => /^you$/i.test(p.alias ?? p.name));
  if (!reader || hasReader || out.length !== 1 || (sample.match(/\b(?:you|your)\b/gi)?.length ?? 0) < 3) return out;
  const start = reader.index + reader[0].search(/you/i);
  return [...out, { name: "you", alias: "you", role: "unknown", span: { start, end: start + 3 }, otherTerms: YOU_TERMS.slice(1) }];
}

/**
 * "Brightwater Lane Creative, LLC ("we," "us" or "our") will provide … to Verano Home Goods, Inc. ("you" or
 * "your")": a letter or plain-language agreement may define its parties by pronouns alone. Each such name is a
 * party, and the pronouns are its terms.
 */
const PRONOUN_DEFINED =
  /([A-Z][\w&'’.-]*(?:[ \t]+(?:&[ \t]+|of[ \t]+)?[A-Z][\w&'’.-]*){0,6}(?:,?[ \t]+(?:Inc|LLC|L\.L\.C|Ltd|Limited|Corp|Corporation|plc|PLC|LLP|LP|L\.P|GmbH|Pty[ \t]+Ltd)\b\.?)?)[ \t]*,?\s*\(\s*(?:the\s+)?["“]([Ww]e|[Yy]ou)\b[,"”]/g;

export function pronounParties(text: string): Party[] {
  const out: Party[] = [];
  for (const m of text.slice(0, OPENING).matchAll(PRONOUN_DEFINED)) {
    const name = m[1]!.replace(/\s+/g, " ").trim();
    if (out.some((p) => p.name === name) || !/^[A-Z]/.test(name)) continue;
    const terms = m[2]!.toLowerCase() === "we" ? WE_TERMS : YOU_TERMS;
    if (out.some((p) => p.otherTerms?.[0] === terms[0])) continue;
    out.push({ name, alias: name, role: "unknown", span: { start: m.index!, end: m.index! + m[1]!.length }, otherTerms: terms });
  }
  return out;
}

/**
 * Terms of service that define their parties in a definitions list rather than a preamble: '"GitHub," "We," and
 * "Us" refer to GitHub, Inc., as well as …' and '"The User," "You," and "Your" refer to the individual person …'.
 * A quoted list of terms that includes "We"/"Us" names the company; one that includes "You" names the reader. The
 * first term that is not a pronoun is the one the body uses; the company's name is what the terms refer to.
 */
const QUOTED_TERM = String.raw`["“](?:[Tt]he\s+)?[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,2},?["”],?\s*(?:and\s+|or\s+)?`;
const TERM_LIST = new RegExp(String.raw`((?:${QUOTED_TERM}){2,5})(?:refers?\s+to|shall\s+(?:mean|refer\s+to)|means?)\b`, "g");
const COMPANY_NAME =
  /^\s*(?:to\s+)?([A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,3},?\s+(?:Inc|LLC|Ltd|Limited|Corp|Corporation|GmbH|B\.V|S\.A|plc|PLC)\b\.?)/;
const PRONOUN = /^(?:we|us|our|you|your)$/i;

export function pronounDefinitionParties(text: string): Party[] {
  const out: Party[] = [];
  const head = text.slice(0, 30_000);
  for (const m of head.matchAll(TERM_LIST)) {
    const list = m[1]!;
    const terms = [...list.matchAll(/["“]((?:[Tt]he\s+)?[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,2}?),?["”]/g)].map((t) =>
      t[1]!.replace(/^the\s+/i, ""),
    );
    const isWe = terms.some((t) => /^(?:we|us)$/i.test(t));
    const isYou = terms.some((t) => /^you$/i.test(t));
    if (isWe === isYou) continue;
    const kind = isWe ? WE_TERMS : YOU_TERMS;
    if (out.some((p) => p.otherTerms?.[0] === kind[0])) continue;
    const own = terms.find((t) => !PRONOUN.test(t));
    const start = m.index! + m[0].length;
    const company = isWe ? COMPANY_NAME.exec(head.slice(start, start + 120)) : null;
    const alias = own ?? (isWe ? null : "you");
    const name = company ? company[1]!.replace(/\s+/g, " ").replace(/,$/, "") : (alias ?? "");
    if (!name) continue;
    const at = m.index! + list.search(/["“]/) + 1;
    out.push({ name, alias: alias ?? name, role: "unknown", span: { start: at, end: at + (alias ?? name).length }, otherTerms: kind });
  }
  return out;
}
