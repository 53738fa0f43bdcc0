import type { DefinedTerm } from "../model/document.js";
import type { Party, Role } from "../model/party.js";
import { formParty } from "./form-party.js";
import { CLAUSE_NUMBER_LEAD, FORM_SOURCE, LEGAL_FORM, trailingCompany } from "../shared/legal-form.js";
import { addresseeParty, withLetterVoices } from "./letter-addressee.js";
import { pronounDefinitionParties, pronounParties, withClickThroughParties } from "./click-through.js";
import { withAppointedTerms, withBodyNouns, withDefinedTerms, withShortForms } from "./abbreviations.js";
import { BUYER_WORDS, SUPPLIER_WORDS, partyByTerm, roleOfTerm } from "./role-words.js";
import { signatureParties } from "./signature-parties.js";
import { NAME_PARTICLE_WORDS } from "../shared/name-letters.js";
import { titleParties } from "./title-parties.js";
import { termPattern } from "../shared/term-pattern.js";

export { BUYER_WORDS, SUPPLIER_WORDS, roleOfTerm } from "./role-words.js";

/**
 * Finds the parties in the preamble (`Acme Ltd ("Customer")`, `(the "Service Provider")`) and resolves each
 * one's role from the words used for it. "Company" and bare names stay `unknown`: guessing a role would make
 * every direction judgement downstream wrong.
 */

// "(together with its subsidiaries identified in Schedule 1, the "Customer")": the party with its group, one term.
// Quotes lost in conversion come out as "?" in some filings: "Chase Bank USA, N.A. (?Chase?)". A line may break
// inside the term ("Bank\nof America").
const ALIAS =
  /\(\s*(?:\s*(?:(?:the|each|hereinafter|hereafter|herein|referred\s+to|called|as|individually|[Cc]ollectively|and|or|[Tt]ogether|with|its|affiliates|a|an|both|all|of|them|[Jj]ointly)\b|[Tt]ogether\s+with\s+its\s+[^"'“‘()]{1,60}?,)[\s,]*)*(?:["'“‘]{1,2}|-(?=[A-Z])|\?(?=[A-Z][^?()\n]{0,40}\?\)))([^"'“”‘’?\n()]{1,40}(?:\n[^"'“”‘’?\n()]{1,40})?)(?:["'”’]{1,2}|\?(?=\))|(?=\)))[^)]{0,160}\)|\b(?:hereinafter|hereafter)\s+(?:(?:referred\s+to\s+as|called|named|designated\s+as)\s+(?:the\s+)?["'“]?|(?:the\s+)?["'“])([A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,3})/g;
/** "(collectively "Zebra")", "(together, the "Sellers")": a term defined for the parties listed before it. */
const GROUP_MARKER = /^\(\s*(?:(?:and|as|herein|hereinafter|referred\s+to|the)\b[\s,]*)*(?:collectively|together|jointly)\b(?!\s+with\b)/i;
/** "… and, together with the Company, the "Transaction Entities"": a second term, for this party and another. */
const NAMES = String.raw`(?:the\s+)?[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,3}(?:(?:\s*,\s*|\s+(?:and|AND)\s+)(?:the\s+)?[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,3}){0,4}`;
const JOINT_TERM = new RegExp(String.raw`\btogether\s+with\s+(${NAMES}),\s*(?:collectively,?\s*)?(?:the\s+)?["“]([^"”\n]{2,40})["”]`);
/** "("Roche US"; Roche Basel and Roche US together referred to as "Roche")": the parties named, as one term. */
const LISTED_TOGETHER = new RegExp(
  String.raw`[;,]\s*(${NAMES})\s+(?:together|collectively)\s*,?\s+(?:referred\s+to\s+)?(?:as\s+)?(?:the\s+)?["“]([^"”\n]{2,40})["”]`,
);
/** "… ("KI Inc."), furnishing the services of Kathy Ireland": a loan-out company and the person it provides. */
const LOAN_OUT =
  /^[\s,]*(?:(?:furnishing|providing|for)\s+the\s+(?:exclusive\s+)?(?:personal\s+)?services\s+of|f\/s\/o)\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}\s*$/;
const NAME_BOUNDARY =
  /(?:\bbetween\b|\bthat\b|\b(?:hereby\s+)?(?:appoints?|engages?|retains?)\b|\bby\s+and\s+between\b|\bby\b|\bamong\b|\band\b|\bwith\b|[;:]|,\s*and\b|\(\d\))/gi;
/** A line break ends a name, unless the line runs on in small letters ("a Delaware limited\nliability company"). */
const HARD_LINE_BREAK = /\n(?![ \t]*[a-z])/g;
/** "…, a Delaware corporation, Wren Lubricants Ltd., a company …": a description in small letters ends
 * where the next party's name starts. */
const DESCRIPTION_END = /\b[A-Za-z]+\s+(?:corporation|company|partnership)\s*,(?=\s*[A-Z])/g;

/**
 * Defined terms in preambles that are not parties: dates, documents and their parts ("Amendment No. 3"), periods,
 * laws and authorities, things, and classes of people ("Subscribers", "Users").
 */
const NOT_PARTY =
  /^(?:the\s+|this\s+)?(?:parties|party|each\s+party|(?:non-?)?(?:indemnif(?:ying|ied)|disclosing|receiving|defaulting|breaching|terminating|affected|notifying|requesting|claiming)\s+part(?:y|ies)|affiliates?|territory|term|software|property|confidential\s+information|work|deliverables|documentation|services|products?|purpose|field|system|premises|site|facility|[\w\s-]*?\b(?:date|agreements?|amendments?|contract|schedules?|exhibits?|annex(?:es)?|appendix|attachments?|specifications?|act|code|regulations?|rules|law|plan|program(?:me)?|period|term|policy|policies|notes?|shares|stock|securities|debentures?|indentures?|certificates?|units?|offering|remarketing|provisions|addendum|territor(?:y|ies)|sessions?|royalt(?:y|ies)|content|benefits?|products?|patents?|marks|trademarks|technology|information|materials|data|fees?|price|services|products|customers|subscribers|users|members|employees|persons|individuals|sites|facilities|licen[cs]e|order|statement\s+of\s+work|sow|m?nda|msa|sla|dpa|eula|baa|mou|loi|commission|authority|agency|department|exchange|court|terms|conditions|guidelines|clauses|sccs|extensions?|events?|service|applications?|features|overview|guides?|handbook|manual|feedback|losses|claims|liabilities|damages|expenses))(?:\s+(?:no\.?|number|#)\s*\w+)?$/i;

/** Where the preamble stops: recitals and the operative part ("the Parties agree as follows") start after it. */
const PREAMBLE_END =
  /\b(?:WHEREAS|W\s?I\s?T\s?N\s?E\s?S\s?S\s?E\s?T\s?H|RECITALS?|BACKGROUND|PREAMBLE|NOW,?\s+THEREFORE|IT\s+IS\s+(?:HEREBY\s+)?AGREED|AGREE\s+AS\s+FOLLOWS)\b|\bWhereas\b|\bagree\s+as\s+follows\b/;

export function findParties(text: string, preambleEnd: number): Party[] {
  const parties = partiesOf(text, preambleEnd);
  // Parties a preamble does not name: a letter's addressee, a form's labelled party.
  for (const extra of [addresseeParty, formParty]) {
    const party = extra(text, parties);
    if (party) parties.push(party);
  }
  const named = withBodyNouns(withShortForms(withClickThroughParties(withLetterVoices(parties, text), text), text), text);
  const found = withNumberedMembers(withSignatoryClass(withAppointedTerms(withDefinedTerms(named, text), text), text), text);
  // A group's term read as a party of its own ("Agents" beside the agents it gathers) names no one new.
  const groups = new Set(found.flatMap((p) => (p.group ? [p.group.toLowerCase()] : [])));
  return found.filter((p) => !(p.alias !== null && p.name === p.alias && groups.has(p.alias.toLowerCase())));
}

function partiesOf(text: string, preambleEnd: number): Party[] {
  const quoted = partiesInRegion(text, 0, Math.min(preambleEnd, 6000));
  // "Northgate Talent Pty Ltd (Northgate)": a short form in brackets with no quotes, as Australian drafting writes it.
  // Taken only where the name ends in a legal form and the term is one of its words or its initials, and only in text
  // with no preamble (a clause read on its own): a preamble's bare terms are read below, roles and all.
  const first =
    quoted.length > 0 || PREAMBLE_OPENING.test(text.slice(0, 60_000))
      ? quoted
      : partiesInRegion(text, 0, Math.min(preambleEnd, 6000), BARE_ALIAS).filter(isShortFormOfCompany);
  // "PARTIES (1) BRIGHTWATER SERVICES LIMITED incorporated … whose registered office is at … (Supplier).": the
  // English form, each party a numbered paragraph that ends with its term in brackets, quoted or not.
  if (first.length < 2) {
    const numbered = numberedParties(text);
    if (numbered.length >= 2) return numbered;
  }
  const labelled = partiesFromLabels(text);
  // "Party A: Acme Co., Ltd." headings name the parties a body calls "Party A" and "Party B"; a preamble that found
  // only those labels, or fewer than two parties, reads less than they do.
  if (labelled.length >= 2 && (first.length < 2 || first.every((p) => p.alias !== null && LABEL_TERM.test(p.alias)))) return labelled;
  // "Customer: Beta Retail Inc." on a cover page, when the preamble names the parties only by those words.
  const byRole = partiesFromRoleLabels(text);
  if (byRole.length >= 2 && first.every((p) => roleOfTerm(p.name.split(/\s+/)[0]!) !== "unknown" || /\bnamed\s+above\b/i.test(p.name)))
    return byRole;
  // Parties defined by pronouns ("Acme LLC ("we" or "us") … Beta Inc. ("you")"), which bracketed terms do not catch.
  // (A preamble read that found only a pronoun's bracket, with the words before it as a name, is no better.)
  const onlyPronouns = first.length > 0 && first.every((p) => /^(?:you|we)$/i.test(p.alias ?? ""));
  const byPronoun = first.length === 0 || onlyPronouns ? pronounParties(text) : [];
  // With one party so defined, the other is found as it would be without it.
  if (byPronoun.length > 1) return byPronoun;
  if (byPronoun.length === 1) return [...byPronoun, ...partiesFromTerms(text)];
  if (first.length === 1) return withCounterpartByRole(text, first);
  if (first.length > 0) return first;
  // Terms of service with no preamble: '"GitHub," "We," and "Us" refer to GitHub, Inc.'; '"You" refers to the user'.
  const byDefinition = pronounDefinitionParties(text);
  if (byDefinition.length === 2) return byDefinition;
  // A cover page and a long table of contents can push the preamble far down: look for its opening words.
  const opening = PREAMBLE_OPENING.exec(text.slice(0, 60_000));
  if (opening) {
    const later = partiesInRegion(text, opening.index, opening.index + 6000);
    if (later.length === 1) return withCounterpartByRole(text, later);
    if (later.length > 0) return later;
    // Quotes lost in conversion: "by and between Bioeq IP AG, having its place of business at … (Bioeq) and …".
    const bare = partiesInRegion(text, opening.index, opening.index + 1500, BARE_ALIAS);
    if (bare.length > 1) return bare;
    const plain = partiesWithoutAliases(text.slice(opening.index, opening.index + 600), opening.index);
    if (plain.length > 0) return plain;
    const described = partiesWithDescriptions(text.slice(opening.index, opening.index + 1500), opening.index);
    if (described.length > 0) return described;
  }
  const byTerms = partiesFromTerms(text);
  // No preamble and no role words: a joint filing or consent "by the undersigned" names its parties where they sign.
  if (byTerms.length > 0) return byTerms;
  // A one-page agreement may name its two sides only in its title ("Acme and Beta Content Agreement").
  const byTitle = titleParties(text);
  return byTitle.length === 2 ? byTitle : signatureParties(text);
}

/**
 * "between Acme Music, Inc. ("Acme"), and Distributor, as set forth below": the other party is named only by its role
 * word, with no brackets. When the preamble gives one party, a capitalised role word joined to it by "and", and used
 * in the body, is the other one.
 */
function withCounterpartByRole(text: string, found: Party[]): Party[] {
  const only = found[0]!;
  const end = only.span?.end ?? 0;
  const after = text.slice(end, end + 300);
  // "between Chase Bank USA, N.A. ("Chase") and you as an "Affiliate"": a form's reader, named by its term.
  const reader = /^[^.;]{0,60}?\band\s+you\s*,?\s*(?:as\s+)?(?:an?\s+|the\s+)?["“]([A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2})["”]/.exec(after);
  if (reader && reader[1] !== only.alias && usedAsName(text, reader[1]!)) {
    const term = reader[1]!;
    const start = end + reader.index + reader[0].length - term.length - 1;
    return [...found, partyByTerm(term, term, start, start + term.length)];
  }
  // "… ("IMedicor") and USA Managed Care Organization (USA MCO) A Texas Corporation": the other party's term in
  // brackets without quotes, when the body uses it.
  const bare =
    /^[^.;]{0,60}?\band\s+([A-Z][\w.&'’-]*(?:,?\s+[A-Z][\w.&'’-]*){0,8})\s*\((?:the\s+)?([A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,3})\)/.exec(
      after,
    );
  if (
    bare &&
    bare[2] !== only.alias &&
    (text.slice(0, 400_000).match(new RegExp(`\\b${termPattern(bare[2]!)}\\b`, "g"))?.length ?? 0) >= 3
  ) {
    const name = cleanName(bare[1]!);
    const term = bare[2]!;
    if (name && !NOT_PARTY.test(term)) {
      const start = end + bare.index + bare[0].lastIndexOf("(");
      return [...found, partyByTerm(name, term, start, start + term.length + 2)];
    }
  }
  const m = /^[^.;]{0,120}?\band\s+(?:the\s+)?([A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\b(?!\s+(?:Inc|LLC|Ltd|Corp|Co)\b)/.exec(after);
  if (!m) return found;
  const term = m[1]!;
  const role = roleOfTerm(term);
  if (role === "unknown" || term === only.alias || term === only.name) return found;
  const sample = text.length > 400_000 ? text.slice(0, 400_000) : text;
  if ((sample.match(new RegExp(`\\b${term}\\b`, "g"))?.length ?? 0) < 3) return found;
  const start = end + m.index + m[0].length - term.length;
  return [
    ...found,
    { name: term, role, alias: term, span: { start, end: start + term.length }, roleSource: "defined-term", roleEvidence: term },
  ];
}

/** Members of a group take its term, and its role when the term is a role word and theirs is unknown. */
/** "(collectively with the Lead Agent, the "Agents" …)": a group term for the party named and those listed before it. */
const COLLECTIVELY_WITH = /\(\s*(?:collectively|together)\s+with\s+(?:the\s+)?([^,()"“”]{2,40}?),?\s+(?:the\s+)?["“]([^"”\n]{2,40})["”]/gi;
const FORM_ONLY = new RegExp(String.raw`^${LEGAL_FORM}$`);

/**
 * "Dundee Securities Ltd. (the "Lead Agent"), Kes 7 Capital Inc., and Bloom Burton & Co. Ltd. (collectively with the
 * Lead Agent, the "Agents")": the companies listed between the leader's term and the group's are parties too,
 * known by their names, and the three form the group.
 */
function withListedMembers(region: string, from: number, parties: Party[]): void {
  for (const m of region.matchAll(COLLECTIVELY_WITH)) {
    const leader = parties.find((p) => (p.alias ?? "").toLowerCase() === m[1]!.trim().toLowerCase());
    if (!leader?.span || leader.span.end - from > m.index!) continue;
    const names = listedNames(region.slice(leader.span.end - from, m.index!));
    if (!names) continue;
    const group = m[2]!.trim();
    const known = new Set(parties.map((p) => p.name.toLowerCase()));
    const start = from + m.index!;
    const members = names
      .filter((n) => !known.has(n.toLowerCase()))
      .map((name): Party => ({
        name,
        role: "unknown",
        alias: null,
        span: { start, end: start + m[0].length },
        roleSource: null,
        roleEvidence: null,
      }));
    if (members.length === 0) continue;
    // The members join the parties right after their leader, in the order the preamble lists them.
    parties.splice(parties.indexOf(leader) + 1, 0, ...members);
    joinGroup([leader, ...members], group, `collectively "${group}"`);
  }
}

/** Two or more companies, each named by its legal form and nothing else, listed right before a group's term. */
function companiesListedBefore(before: string): string[] | null {
  const opening = [...before.matchAll(/\b(?:between|among)\s+/gi)].pop();
  const list = opening ? before.slice(opening.index! + opening[0].length) : before;
  const names = listedNames(list.replace(/^[\s,;]*(?:and\s+)?/, ""));
  return names && names.length >= 2 && names.every(isEntityName) ? names : null;
}

function listedNames(between: string): string[] | null {
  if (between.length > 300 || /\n\s*\n/.test(between)) return null;
  const pieces = between
    .replace(/\s+/g, " ")
    .replace(/^[\s,]+|[\s,]+$/g, "")
    .split(/\s*,\s*(?:and\s+)?|\s+and\s+/)
    .filter(Boolean);
  const names: string[] = [];
  // ("Acme, Inc.": a legal form after a comma belongs to the name before it.)
  for (const piece of pieces) {
    if (FORM_ONLY.test(piece) && names.length > 0) names[names.length - 1] += `, ${piece}`;
    else names.push(piece);
  }
  if (names.length === 0 || !names.every((n) => /^[A-Z0-9][\w&.,'() -]{1,80}$/.test(n) && /[A-Za-z]{2}/.test(n))) return null;
  return names;
}

function joinGroup(members: Party[], group: string, evidence: string): void {
  const role = roleOfTerm(group);
  for (const p of members) {
    p.group = group;
    if (p.role === "unknown" && role !== "unknown") {
      p.role = role;
      p.roleSource = "defined-term";
      p.roleEvidence = evidence;
    }
  }
}

const LABEL_TERM = /^Party\s+[A-D]$/;
/** "Party A: Dazzle Interactive Co., Ltd. Address: …" (or "PARTY A:"): a label, then the name, then the party's particulars. */
const PARTY_LABEL =
  /(?:^|[^\w])(?<!\b(?:of|to|for|by|and|from)\s+)(?:Party|PARTY)\s+([A-D])\s*(?:\(([A-Z][\w ]{1,30})\)\s*)?[:：]\s*([^\n]{0,160}?)(?=\s*(?:\n|\s{3,}|\(|["“]|\bAddress\b|\bLegal\s+Representative\b|\bRegistered\b|\bDomicile\b|\bTel(?:ephone)?\b|\bContact\b|\bParty\s+[A-D]\s*[:：]|$))/g;

/** Parties given as "Party A: …" and "Party B: …" labels in the opening part, when the body uses the labels. */
function partiesFromLabels(text: string): Party[] {
  const head = text.slice(0, 5000);
  const parties: Party[] = [];
  for (const m of head.matchAll(PARTY_LABEL)) {
    const alias = `Party ${m[1]!}`;
    if (parties.some((p) => p.alias === alias)) continue;
    const written = m[3]!.replace(/[,;.\s]+$/, "");
    // "Legal Representative of Party A: Name: Mengli Chen" is a signatory, not the party.
    if (/^(?:name|signature|by|title|position)\b/i.test(written)) continue;
    const name = cleanName(written) ?? alias;
    const start = m.index! + m[0].search(/Party|PARTY/);
    // "Party A (Shipper): ZTO Express Co., Ltd.": the word in brackets names the party's role.
    const role = m[2] ? roleOfTerm(m[2]) : "unknown";
    parties.push({
      name,
      role,
      alias,
      span: { start, end: start + m[0].length },
      roleSource: role === "unknown" ? null : "defined-term",
      roleEvidence: role === "unknown" ? null : `${alias} (${m[2]})`,
    });
  }
  if (parties.length < 2) return [];
  const sample = text.length > 400_000 ? text.slice(0, 400_000) : text;
  return parties.every((p) => (sample.match(new RegExp(`\\b${p.alias}\\b`, "g"))?.length ?? 0) >= 3) ? parties : [];
}

/**
 * A cover page or order form that names each party after its role: "Customer: Beta Retail Inc., 5 Main Street" and
 * "Supplier: Acme Software Corp." on lines of their own. The role word is the party's term when the body uses it.
 */
const ROLE_LABEL =
  /^[ \t]*(?:the\s+)?(Customer|Client|Buyer|Purchaser|Supplier|Service\s+Provider|Provider|Vendor|Contractor|Consultant|Licensor|Licensee|Distributor|Reseller)[ \t]*(?:\([^)\n]{0,40}\)[ \t]*)?:[ \t]*([A-Z][^\n]{1,160})$/gm;

function partiesFromRoleLabels(text: string): Party[] {
  const head = text.slice(0, 5000);
  const sample = text.length > 400_000 ? text.slice(0, 400_000) : text;
  const parties: Party[] = [];
  for (const m of head.matchAll(ROLE_LABEL)) {
    const alias = m[1]!.replace(/\s+/g, " ");
    if (parties.some((p) => p.alias === alias)) continue;
    // The name runs to the address ("…, 5 Main Street") or the end of the line.
    const name = cleanName(m[2]!.replace(/,\s*(?:\d|(?:with|having|whose|of|at)\b).*$/i, "").replace(/[,;\s]+$/, ""));
    if (!name || roleOfTerm(name) !== "unknown" || (sample.match(new RegExp(`\\b${alias}\\b`, "g"))?.length ?? 0) < 3) continue;
    const start = m.index! + m[0].indexOf(m[1]!);
    const role = roleOfTerm(alias);
    parties.push({
      name,
      role,
      alias,
      span: { start, end: start + alias.length },
      roleSource: "defined-term",
      roleEvidence: `${alias}: ${name}`,
    });
  }
  return new Set(parties.map((p) => p.role)).size >= 2 ? parties : [];
}

/** "This Agreement is entered into … by and between", "made … between", "agreement between" ("as of Nov. 2" is no sentence end). */
// ("the agreement between Provider and the Subprocessor", "any successor nondisclosure agreement between Partner and
// Microsoft" in a body name another agreement, not this one.)
const PREAMBLE_OPENING =
  /\b(?:(?:entered\s+into|made|executed|dated)\b(?:[^.;]|\.(?!\s+[A-Z])){0,200}?\b(?:by\s+and\s+)?(?:between|among)|(?<!\b(?:the|an|any|its|their|each|such)\s+|\b(?:successor|separate|other)\s+(?:[\w-]+\s+)?)(?:agreement|contract)\s+(?:is\s+)?(?:by\s+and\s+)?(?:between|among))\b/i;

/** A defined term in brackets with no quotes: one to four capitalised words, "(Bioeq)", "(the Licensee)". */
// (Not "(Pty)" in "Vaal Poultry (Pty) Ltd", the South African form.)
const BARE_ALIAS = /\((?!(?:Pty|PTY)\))(?:the\s+)?([A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,3})\)/g;

function partiesInRegion(text: string, from: number, to: number, aliases: RegExp = ALIAS): Party[] {
  let region = text.slice(from, to);
  // Recitals name other things in brackets ("the Development Agreement"); only the preamble names parties. A
  // marker in the first few hundred characters is a title ("RECITALS" in a table of contents), not the end.
  const end = PREAMBLE_END.exec(region.slice(200));
  if (end) region = region.slice(0, 200 + end.index);
  else {
    // No recitals yet: the preamble may run past the cut (a cover page, a long notice): read on to them.
    const later = PREAMBLE_END.exec(text.slice(to, to + 4000));
    if (later) region = text.slice(from, to + later.index);
  }
  const parties: Party[] = [];
  const seen = new Set<string>();
  let previousEnd = 0;
  // Parties listed since the last group term: the members a "(collectively …)" term gathers.
  let groupStart = 0;
  for (const m of region.matchAll(aliases)) {
    const alias = preferredAlias(text, m[0], cleanTerm(m[1] ?? m[2]!));
    // The name of this party lies between the previous alias and this one, never further back.
    const before = region.slice(Math.max(previousEnd, m.index! - 600), m.index!);
    const rightAfterAlias = previousEnd > 0 && /^[\s,;.]*$/.test(region.slice(previousEnd, m.index!));
    previousEnd = m.index! + m[0].length;
    // "("ScanSource Mexico") (collectively "Distributor")": a term for the parties listed before it, not another
    // party. Right after another party's term only: "C Inc. and its affiliates (collectively "C")" is one party.
    if (GROUP_MARKER.test(m[0]) && rightAfterAlias && parties.length - groupStart >= 2 && !/^(?:the\s+)?(?:parties|party)$/i.test(alias)) {
      joinGroup(parties.slice(groupStart), alias, `collectively "${alias}"`);
      groupStart = parties.length;
      continue;
    }
    if (seen.has(alias.toLowerCase())) continue;
    // "Kathy Ireland, Inc. ("KI Inc."), furnishing the services of Kathy Ireland ("KI")": the person lent out is
    // another name for the company that lends them, not a party.
    const lender = parties[parties.length - 1];
    if (lender && LOAN_OUT.test(before)) {
      lender.otherTerms = [...(lender.otherTerms ?? []), alias];
      seen.add(alias.toLowerCase());
      continue;
    }
    if (NOT_PARTY.test(alias) && !companyCalledByRoleWord(text, before, alias)) continue;
    // "the third party licensor of that Developer Product (the "Product Provider")": a third party is not a party.
    if (/\bthird[- ]part(?:y|ies)\b[^()"“”.;]{0,80}$/i.test(before)) continue;
    // "allow each party ("Discloser") to disclose … to the other party ("Recipient")": a part either party plays.
    if (/\b(?:each|either|any|a|the\s+other)\s+party\s*[,(]?\s*$/i.test(before)) continue;
    // "This Joint Supply and Marketing Agreement ("JSMA")": the term names the document, whatever its letters.
    if (
      /\b(?:[Tt]his|[Tt]he|THIS|THE)\s+[A-Z][\w-]*\s+(?:(?:[A-Z][\w-]*|and|of|&)\s+){0,8}(?:Agreement|Contract|Amendment|Addendum|AGREEMENT|CONTRACT)\s*$/.test(
        before,
      )
    )
      continue;
    // A form with blanks for the names ("(1) [ ] whose office is at [ ] ("the Owner")") or a party described
    // rather than named ("the undersigned partners ("Partners")"): the defined term stands for the name, when the
    // body uses it as one.
    // (Parties defined by pronouns, '("you")', are read by their own path when the names before them are not clean.)
    const pronoun = /^(?:we|us|our|you|your)$/i.test(alias);
    const name = nameBefore(before, !pronoun) ?? (usedAsName(text, alias) ? alias : null);
    if (!name || !looksLikeParty(text, name, alias)) continue;
    // The bracket's other terms ("("Acme" or the "Licensor")") name the party too, and a role word among them
    // gives its role.
    const first = cleanTerm(m[1] ?? m[2]!);
    const others = [first, ...otherTermsIn(m[0])].filter(
      (t, i, all) => t !== alias && all.indexOf(t) === i && !NOT_PARTY.test(t) && !/^(?:the\s+)?part(?:y|ies)$/i.test(t),
    );
    const roleWord = [alias, ...others].find((t) => roleOfTerm(t) !== "unknown");
    let role = roleWord ? roleOfTerm(roleWord) : "unknown";
    // From the name on: "The Client … are to be indemnified by Northgate Talent Pty Ltd (Northgate)" names the Client
    // as the other party, not as Northgate's role.
    if (role === "unknown") role = roleFromContext(before.slice(Math.max(before.length - 200, before.lastIndexOf(name), 0)) + m[0]);
    seen.add(alias.toLowerCase());
    for (const t of others) seen.add(t.toLowerCase());
    const start = from + m.index!;
    // "by and among Apex Inc., Apex GmbH and Apex S.A. (collectively, "Supplier")": companies listed with no term of
    // their own, then one term for them all. The first takes the term; the others are parties of its group.
    const listed = GROUP_MARKER.test(m[0]) && !rightAfterAlias ? companiesListedBefore(before) : null;
    const party: Party = {
      name: listed ? listed[0]! : name,
      role,
      alias,
      span: { start, end: start + m[0].length },
      roleSource: role === "unknown" ? null : "defined-term",
      roleEvidence: role === "unknown" ? null : (roleWord ?? alias),
      ...(others.length > 0 ? { otherTerms: others } : {}),
    };
    parties.push(party);
    if (listed) {
      const members = listed
        .slice(1)
        .map((n): Party => ({ name: n, role: "unknown", alias: null, span: party.span, roleSource: null, roleEvidence: null }));
      parties.push(...members);
      joinGroup([party, ...members], alias, `collectively "${alias}"`);
    }
    // "(the "Operating Partnership" and, together with the Company, the "Transaction Entities")": this party and
    // the one named form a group.
    const joint = JOINT_TERM.exec(m[0]) ?? LISTED_TOGETHER.exec(m[0]);
    if (joint) {
      const named = joint[1]!.split(/\s*,\s*|\s+and\s+/i).map((n) =>
        n
          .replace(/^the\s+/i, "")
          .replace(/\s+/g, " ")
          .trim(),
      );
      // "together with WREN LUBRICANTS" names the party defined as "Wren Lubricants".
      const listed = new Set(named.map((n) => n.toLowerCase()));
      const members = parties.filter((p) => p === party || listed.has((p.alias ?? "").toLowerCase()));
      const group = joint[2]!.trim();
      if (members.length >= 2 && !/^(?:the\s+)?part(?:y|ies)$/i.test(group)) joinGroup(members, group, `together "${group}"`);
    }
  }
  withListedMembers(region, from, parties);
  return parties;
}

/**
 * "Tribune Broadcasting Company, a Delaware corporation ("Affiliate")", "Acme Media Inc. ("Agency")": words that
 * usually name a class or a body are a party's term when a company's name stands right before them and the body
 * uses the word as a name.
 */
function companyCalledByRoleWord(text: string, before: string, alias: string): boolean {
  if (!/^(?:Affiliate|Agency|Authority|Commission|Department|Exchange)$/.test(alias)) return false;
  const name = nameBefore(before);
  return name !== null && isEntityName(name) && usedAsName(text, alias);
}

/** "Ridgeline Talent Pty Ltd" called "Ridgeline", "Northern Tracklink Ltd" called "NTL". */
function isShortFormOfCompany(p: Party): boolean {
  if (!p.alias || !isEntityName(p.name)) return false;
  const words = p.name.split(/[\s,]+/).filter((w) => /^[A-Z]/.test(w));
  // ("Vaal Poultry (Pty) Ltd (Vaal Poultry)": the name's first words.)
  if (p.alias.includes(" ")) return p.name.startsWith(`${p.alias} `);
  const initials = words.map((w) => w[0]).join("");
  return words.slice(0, -1).some((w) => w === p.alias) || (p.alias.length >= 2 && initials.startsWith(p.alias));
}

/** A legal person's name ends with its form ("Acme Systems, Inc.", "Beta Bank N.A.", "Gamma Trust"). */
function isEntityName(name: string): boolean {
  return ENTITY_WORD_AT_END.test(name) || FORM_AT_END.test(name);
}
/** Any legal form the shared list knows ends a company's name: "Wisla Trade sp. z o.o.", "Lindqvist Data AB". */
const FORM_AT_END = new RegExp(String.raw`(?:^|[\s,])(?:${FORM_SOURCE})[.\u2024]?\s*$`);
/** Words that end the name of a company or an institution, in any case. */
const ENTITY_WORD_AT_END =
  /\b(?:Inc|Incorporated|Corp|Corporation|Company|Co|LLC|L\.L\.C|Ltd|Limited|LP|L\.P|LLP|L\.L\.P|PLC|plc|N\.A|GmbH|AG|S\.A|SA|S\.A\.S|B\.V|N\.V|S\.p\.A|S\.r\.l|Pty|Trust|Bank|Partners|Partnership|Fund|University|Association|Foundation|Group|Holdings|Office|Ltda|K\.K|de\s+C\.V)\.?\s*$/i;

/** What a party does in a contract and a thing does not: agree, represent, warrant, promise to act, own things. */
const AGENT_VERBS =
  "(?:['’]s\\s+(?!own\\b)[a-z]|\\s+(?:hereby\\s+)?(?:agrees?|represents?|warrants?|covenants?|acknowledges?|undertakes?|consents?|certif(?:y|ies))\\b|\\s+(?:shall|will|may|must)\\s+(?:not\\s+)?(?!be\\b|bear\\b|mature|expire|terminate|include|consist|survive|apply|remain|continue|become|commence)[a-z]+)";

/**
 * A bracketed term in a preamble is a party only if it is named like one or acts like one. Preambles of
 * securities and sponsorship deals also define the offering, the units, the debentures, the territories or an
 * addendum; none of those agrees, warrants, owns anything or promises to act.
 */
function looksLikeParty(text: string, name: string, alias: string): boolean {
  if (/[A-Za-z]{2}/.test(name) && (isEntityName(name) || (PROPER_NAME.test(name) && !SENTENCE_OPENING.test(name)))) return true;
  const sample = text.length > 400_000 ? text.slice(0, 400_000) : text;
  const titled = (t: string) => (t === t.toUpperCase() ? t.replace(/\B[A-Z]+/g, (w) => w.toLowerCase()) : t);
  return [alias, name, titled(alias)].some((term) => {
    if (term.length > 60) return false;
    const escaped = termPattern(term);
    return new RegExp(`\\b${escaped}${AGENT_VERBS}`).test(sample);
  });
}

/**
 * A name and nothing else: capitalised words, with the small words names hold ("Bank of New York", "Smith &
 * Sons"), not opening like a sentence or a heading ("The Offering. The Company is offering …", "Fazync is").
 */
// ("Companhia Metropolitana de Trens do Planalto", "Almacenes del Pacífico": Portuguese and Spanish particles too.)
const PROPER_NAME = new RegExp(
  String.raw`^[A-Z][\w.'’&-]*(?:,?\s+(?:[A-Z0-9][\w.'’&-]*|${NAME_PARTICLE_WORDS}|and|&|for|d\/b\/a|f\/k\/a|dba|fka))*$`,
);
const SENTENCE_OPENING = /^(?:the|this|each|any|all|such|in|notwithstanding|section|article|exhibit|schedule|attention|source|a|an)\b/i;

function usedAsName(text: string, alias: string): boolean {
  if (!/^[A-Z]/.test(alias) || alias.split(" ").length > 4) return false;
  const sample = text.length > 400_000 ? text.slice(0, 400_000) : text;
  const escaped = termPattern(alias);
  return (
    (sample.match(new RegExp(`\\b${escaped}\\b(?:['’]s)?\\s+(?:shall|will|may|must|agrees?|hereby|is|has)\\b`, "g"))?.length ?? 0) >= 2
  );
}

/**
 * `("Omega" or "Operator")`: a party with two defined terms is known in the body by the one it uses most, and
 * a term that names a role wins a tie.
 */
/** A term as the bracket gives it, without "the", line breaks or the punctuation that follows it. */
function cleanTerm(raw: string): string {
  return (
    raw
      .replace(/\s+/g, " ")
      .replace(/[,;:]+$/, "")
      // "hereinafter called the Customer." ends with the sentence; "Acme Co." keeps its dot.
      .replace(/(?<=[a-z]{4})\.$/, "")
      .trim()
      .replace(/^the\s+(?=[A-Z])/i, "")
  );
}

/** The other terms in a party's bracket ("("Acme" or the "Company")"): the body may use any of them. */
function otherTermsIn(bracket: string): string[] {
  // ("Acme" or the "Licensor"), ("Redfield," "we," "us" or "our"): quoted terms listed one after another.
  return [...bracket.matchAll(/(?<=["'”’])\s*,?\s*(?:or\s+|and\s+)?(?:the\s+)?["'“‘]([^\s"'“”‘’()][^"'“”‘’\n()]{0,39})(?=["'”’])/g)].map(
    (o) =>
      o[1]!
        .replace(/\s+/g, " ")
        .replace(/[,;]+$/, "")
        .trim(),
  );
}

function preferredAlias(text: string, bracket: string, first: string): string {
  const others = otherTermsIn(bracket);
  if (others.length === 0) return first;
  const sample = text.length > 400_000 ? text.slice(0, 400_000) : text;
  const uses = (term: string) => sample.match(new RegExp(`\\b${termPattern(term)}\\b`, "g"))?.length ?? 0;
  // ("Redfield," "we," "us" or "our"): a pronoun is used most, but the name is the term that stays a name.
  const PRONOUN = /^(?:we|us|our|ours|you|your|yours)$/i;
  let best = first;
  for (const o of others) {
    if (PRONOUN.test(o) && !PRONOUN.test(best)) continue;
    // ("Ngaio" or the "Indemnifying Party"): a part the party plays in one clause is used more, but is no name.
    if (NOT_PARTY.test(o) && !NOT_PARTY.test(best)) continue;
    const [u, b] = [uses(o), PRONOUN.test(best) && !PRONOUN.test(o) ? -1 : uses(best)];
    if (u > b || (u === b && roleOfTerm(o) !== "unknown" && roleOfTerm(best) === "unknown")) best = o;
  }
  return best;
}

/**
 * "between Zephyr, Inc. (the "Company") and each purchaser identified on the signature pages hereto (each a
 * "Purchaser" and collectively the "Purchasers")": a class of parties named where they sign, or in a schedule.
 */
const SIGNATORY_CLASS =
  /\b(?:each|the|all)\s+(?:of\s+the\s+)?(?:[\w-]+\s+){0,3}?(?:identified|listed|named|set\s+forth)\s+(?:on|in)\s+(?:the\s+)?(?:signature\s+pages?|schedules?|exhibits?|annex(?:es)?|appendix)\b[^()]{0,60}\(([^()]{0,200})\)/i;

/**
 * The class becomes parties: each company that signs and is not already a party is one of it (the first takes the
 * class's term, as the first of a collective term's companies does), or, with no such signer, the class itself.
 */
function withSignatoryClass(parties: Party[], text: string): Party[] {
  const m = SIGNATORY_CLASS.exec(text.slice(0, 6000));
  if (!m) return parties;
  const terms = [...m[1]!.matchAll(/["“]([A-Z][\w -]{1,40}?)["”]/g)].map((t) => t[1]!.trim());
  const term = terms[0];
  if (!term || parties.some((p) => p.alias?.toLowerCase() === term.toLowerCase())) return parties;
  const group = terms.find((t) => t !== term && t.toLowerCase().startsWith(term.toLowerCase())) ?? term;
  const known = (n: string) => parties.some((p) => p.name.toLowerCase() === n.toLowerCase());
  const signers = signatureParties(text).filter((p) => !known(p.name));
  const start = m.index + m[0].lastIndexOf("(");
  const role = roleOfTerm(term);
  const first: Party = {
    name: signers[0]?.name ?? group,
    role,
    alias: term,
    span: { start, end: m.index + m[0].length },
    roleSource: role === "unknown" ? null : "defined-term",
    roleEvidence: role === "unknown" ? null : term,
  };
  const members = signers.slice(1).map((p): Party => ({ ...p }));
  joinGroup([first, ...members], group, `"${term}", a class of parties`);
  return [...parties, first, ...members];
}

/** The heading of the English form's list of parties: "PARTIES", "BETWEEN:" on a line of their own. */
const PARTIES_HEADING = /^[ \t]*(?:PARTIES|Parties|BETWEEN|Between)[ \t]*:?[ \t]*$/m;
/** One numbered paragraph of that list: "(1) NAME … (Term)." or "(2) NAME … ("the Contractor"); and". */
const NUMBERED_PARTY =
  /^[ \t]*\((\d{1,2})\)[ \t]+(\S[^\n]{2,600}?)\([ \t]*["“]?(?:the[ \t]+)?["“]?([A-Z][\w&.-]*(?:[ \t]+[A-Z][\w&.-]*){0,3})["”]?[ \t]*\)[ \t]*[.;,]?(?:[ \t]*and)?[ \t]*$/gm;

/** The English form's list of parties: the text after its heading, up to the recitals; null when there is none. */
function partiesList(text: string): { from: number; region: string } | null {
  const heading = PARTIES_HEADING.exec(text.slice(0, 6000));
  if (!heading) return null;
  const from = heading.index + heading[0].length;
  const region = text.slice(from, from + 4000);
  const end = PREAMBLE_END.exec(region);
  return { from, region: end ? region.slice(0, end.index) : region };
}

function numberedParties(text: string): Party[] {
  const list = partiesList(text);
  if (!list) return [];
  const { from, region } = list;
  const parties: Party[] = [];
  for (const m of region.matchAll(NUMBERED_PARTY)) {
    // The list runs (1), (2), (3) …: a paragraph out of order belongs to something else.
    if (Number(m[1]) !== parties.length + 1) break;
    const name = cleanName(m[2]!);
    const alias = cleanTerm(m[3]!);
    if (!name || NOT_PARTY.test(alias)) continue;
    const role = roleOfTerm(alias);
    const start = from + m.index! + m[0].lastIndexOf("(");
    parties.push({
      name,
      role,
      alias,
      span: { start, end: start + m[0].length - m[0].lastIndexOf("(") },
      roleSource: role === "unknown" ? null : "defined-term",
      roleEvidence: role === "unknown" ? null : alias,
    });
  }
  return parties;
}

/** "(each a "Shareholder" and together the "Shareholders")" after a list of parties: the group they form. */
const LIST_GROUP =
  /^[ \t]*\(\s*each\s+(?:an?\s+)?["“]([^"”\n]{2,40})["”]\s*,?\s+and\s+(?:together|collectively)\s+(?:the\s+)?["“]([^"”\n]{2,40})["”]\s*\)/m;

/**
 * The English form's numbered list read whole: a person or company listed with no term of its own ("(3) JAMES
 * ALBERT MORTON of 4 High Street, Leeds;") is a party too, and a group term after the list gathers them all.
 */
function withNumberedMembers(parties: Party[], text: string): Party[] {
  const list = partiesList(text);
  if (!list) return parties;
  const { from, region } = list;
  const listed: Party[] = [];
  const out = [...parties];
  let expected = 1;
  for (const m of region.matchAll(/^[ \t]*\((\d{1,2})\)[ \t]+([^\n]{3,600})$/gm)) {
    if (Number(m[1]) !== expected) break;
    expected++;
    const line = m[2]!;
    const has = out.find((p) => p.span && p.span.start >= from + m.index! && p.span.start <= from + m.index! + m[0].length);
    if (has) {
      listed.push(has);
      continue;
    }
    const name = cleanName(line.replace(/[;,.]?\s*(?:and)?\s*$/, ""));
    if (!name || !/^[A-Z]/.test(name) || out.some((p) => p.name.toLowerCase() === name.toLowerCase())) continue;
    const start = from + m.index! + m[0].indexOf(line);
    const party: Party = {
      name,
      role: "unknown",
      alias: null,
      span: { start, end: start + name.length },
      roleSource: null,
      roleEvidence: null,
    };
    out.push(party);
    listed.push(party);
  }
  const group = LIST_GROUP.exec(region);
  if (group && listed.length >= 2) joinGroup(listed, group[2]!.trim(), `each a "${group[1]!.trim()}"`);
  return listed.length === 0 ? parties : out;
}

/**
 * "a hosting agreement between Acme.com and Beta Systems." with no defined terms: the two names are the parties,
 * each known by its own name.
 */
function partiesWithoutAliases(sentence: string, offset: number): Party[] {
  const m = /\b(?:between|among)\s+([^,;:()\n]{2,60}?)\s+and\s+([^,;:()\n]{2,60}?)\s*(?:[.,;(]|$)/i.exec(sentence);
  if (!m) return [];
  const names = [m[1]!, m[2]!].map((n) =>
    n
      .replace(/\s+/g, " ")
      .replace(/^the\s+/i, "")
      .trim(),
  );
  // Both must look like names, not a description ("between the parties and their affiliates").
  if (
    names.some(
      (n) =>
        n.split(" ").length > 6 ||
        NOT_PARTY.test(n) ||
        /^(?:the|its|their|each|any|all|such|that|this|these|those|an?|another|other)\b/i.test(n),
    )
  )
    return [];
  return names.map((name) => {
    const role = roleOfTerm(name);
    const start = offset + m.index!;
    return {
      name,
      role,
      alias: null,
      span: { start, end: start + m[0].length },
      roleSource: role === "unknown" ? null : "defined-term",
      roleEvidence: role === "unknown" ? null : name,
    };
  });
}

/**
 * The party name before its alias: the text right after the first boundary word ("between", "and", ";", "(2)")
 * that follows the previous party, with any description cut off ("Acme Ltd, a company incorporated in England,
 * having its office at …" → "Acme Ltd"). Descriptions hold boundary words too ("organised under the laws of
 * England and Wales"), so the earliest boundary that leaves something shaped like a name wins.
 */
/** A company's name, to its legal form, opening the text after the previous party ("…"), ACME PRODUCTS LLC, an …"). */
const LEADING_COMPANY = new RegExp(String.raw`^[\s,;]*(?:and\s+)?([A-Z][^,;()"“”]{1,80}?,?\s+${LEGAL_FORM})`);

/** "Meridian Elevator Corp. and its Affiliates (together, "Meridian")": the group a party brings names that party. */
const WITH_ITS_GROUP = /,?\s+(?:and|together\s+with)\s+(?:its|their)\s+(?:Affiliates|affiliates|Subsidiaries|subsidiaries)\s*$/;

function nameBefore(whole: string, companyFirst = false): string | null {
  const before = whole.replace(WITH_ITS_GROUP, "");
  const read = nameBeforeAsPreamble(before);
  if (!companyFirst) return read;
  // A clause read on its own names its parties inside its sentences ("9.4 Deccan Forge Pvt. Ltd. ("Deccan") shall",
  // "the liability of Corbel Engineering Ltd. ("Corbel")"): the company whose legal form stands right before the
  // bracket is the name, without the clause number or the words of the sentence.
  const company = trailingCompany(before);
  // ("16.2 Each of Kessler Equipment Co., Inc.": with no plain legal form to cut at, the clause number and the
  // sentence's opening words still go.)
  // ("12.2 Termination for Convenience by Greenfield. Greenfield Medical Center ("Greenfield")": nor the heading
  // before the sentence.)
  if (!company)
    return (
      read
        ?.replace(CLAUSE_NUMBER_LEAD, "")
        .replace(HEADING_BEFORE_NAME, "")
        .replace(/^(?:(?:Each|Either|Neither|Both)\s+(?:of\s+)?)?(?=[A-Z])/, "") || read
    );
  if (read === company) return read;
  // ("as Administrator for Twentieth Century Fox Film Corporation": the one a party acts for; "Glu Mobile, Inc. f/k/a
  // Sorrent, Inc.": an earlier name of the same party.)
  if (ACTING_FOR_OR_FORMERLY.test(before.slice(0, before.lastIndexOf(company.split(" ")[0]!)))) return read;
  // ("16.2 Ravensworth (in this clause 16, the "Indemnifying Party") shall indemnify Corrib Technologies DAC
  // ("Corrib")": what the preamble reading gives is a sentence, not a name, so the company before the bracket is.)
  const sentence = read?.endsWith(company) ? read.slice(0, -company.length) : read;
  if (read === null || SENTENCE_BEFORE_NAME.test(sentence!)) return company;
  return read;
}

/** Everything up to the last full stop that ends a sentence (not one of "Inc.", "Co." or initials). */
const HEADING_BEFORE_NAME = /^.*(?<!\b(?:Inc|Ltd|Co|Corp|Pty|Pte|Pvt|No|St|[A-Z]))\.\s+(?=[A-Z])/s;

const ACTING_FOR_OR_FORMERLY =
  /(?:\bas\s+(?:[\w-]+\s+){0,2}(?:for|of)|\bon\s+behalf\s+of|\b[fdan]\/k\/a|\bd\/b\/a|\bformerly(?:\s+known\s+as)?)\s+(?:the\s+)?$/i;

/** What stands before a name only in a sentence: a clause number, a full stop, or a word like "Neither" or "Each of". */
// ("Thank you for selecting Harrowgate Advisory Group LLC": words in small letters other than those names hold.)
// ("IN NO EVENT SHALL THE AGGREGATE LIABILITY OF KASUGA DENKI K.K.": in capitals, a verb or "LIABILITY" is a sentence.)
const SENTENCE_BEFORE_NAME =
  /^\s*(?:\d{1,3}(?:\.\d{1,3})*\.?\s|\(?[a-z0-9]{1,3}\)\s)|(?<!\b(?:Inc|Ltd|Co|Corp|Pty|Pte|Pvt|[A-Z]))\.\s|(?:^|\s)(?:Neither|Either|Each|Both|Save|Except|Subject|Notwithstanding)\b|(?:^|\s)(?!(?:of|and|de|du|des|la|le|von|van|der|den|for|the)\b)[a-z]{2,}\s|(?:^|\s)(?:SHALL|WILL|MAY|MUST|LIABILITY|LIABLE|NEITHER|EITHER)\s/;

const SIGNATORY_TITLE =
  /^(?:Director|Managing\s+Director|Manager|President|Vice\s+President|Officer|Secretary|Chairman|Chairperson|Chief)\b/;

function nameBeforeAsPreamble(before: string): string | null {
  // Parties listed as numbered lines ("1. Acme Ltd (hereinafter Party A) … 2. Beta Inc. (…)"): the party's own
  // line starts at its number, whatever the lines before it say.
  const lines = [...before.matchAll(/\n[ \t]*(?:\(?\d{1,2}[.)]|\([a-z]\))[ \t]+(?=[A-Z])/g)];
  const numbered = lines.length > 0 ? cleanName(before.slice(lines[lines.length - 1]!.index! + lines[lines.length - 1]![0].length)) : null;
  if (numbered) return numbered;
  // A name in capitals wrapped onto the next line ("STONEBRIDGE INSURANCE\nSERVICES, LLC") runs on.
  const wrapped = (b: RegExpMatchArray) =>
    /\b[A-Z]{2,}[ \t]*$/.test(before.slice(0, b.index)) && /^[ \t]*[A-Z]{2,}\b/.test(before.slice(b.index! + 1));
  // "…, HALVORSEN POLYMER PRODUCTS LLC, an Ohio limited liability company and a wholly owned subsidiary of Halvorsen
  // Parent (": a company's name right after the last party, then its description in small letters, is the name,
  // whatever names the description mentions.
  const described = LEADING_COMPANY.exec(before);
  if (described && /^\s*,\s*(?:a|an)\s+\S/.test(before.slice(described[0].length))) {
    const name = cleanName(described[1]!);
    if (name) return name;
  }
  const breaks = [...before.matchAll(HARD_LINE_BREAK)].filter((b) => !wrapped(b));
  const cuts = [...before.matchAll(NAME_BOUNDARY), ...breaks, ...before.matchAll(DESCRIPTION_END)]
    .map((b) => b.index! + b[0].length)
    .sort((a, b) => a - b);
  if (cuts.length === 0) cuts.push(0);
  let first: string | null = null;
  for (const cut of cuts) {
    const rest = before.slice(cut);
    const name = cleanName(rest);
    // "…, and Bloom Burton & Co. Ltd. (collectively with the Lead Agent, the "Agents") understand that Tribute Inc.
    // ("Corporation")": a name that a group's term follows belongs to the group, not to the term after it.
    const after = name ? rest.slice(rest.indexOf(name) + name.length) : "";
    if (name && /\(\s*(?:collectively|together)\b[^)]*\)/i.test(after)) continue;
    if (!name) continue;
    // ("… through Ms. Kamdar, a duly authorised person and Director of Asia-Pacific Operations, AND MINDA INDUSTRIES
    // LIMITED, a company …": a signatory's title before the next party is no name; the name after it is.)
    if (!SIGNATORY_TITLE.test(name)) return name;
    first ??= name;
  }
  return first;
}

function cleanName(text: string): string | null {
  let name = text
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^.*\bbetween\b\s*:?\s*/i, "")
    .replace(/^[\s\-–—:,.]+/, "")
    .replace(/^(?:(?:by\s+and\s+)?between|and|by|among)\b[\s:]*/i, "")
    .replace(/^[\s\-–—:,.]+/, "")
    .replace(/^(?:\(\d{1,2}\)|\d{1,2}\.)\s+/, "");
  // What precedes the name on its line: a label or salutation ("Party A: …", "Gentlemen: …"), a letter's
  // "The undersigned, …", an exhibit number or a title in capitals ("CONSULTING AGREEMENT Aduro Biotech, Inc.").
  const label = name.lastIndexOf(": ");
  if (
    label > 0 &&
    label < name.length - 3 &&
    /(?:^|\s)(?:Party\s+[A-D]|(?:Ladies\s+and\s+)?Gentlemen|Dear\s+[^:]{1,40})$/.test(name.slice(0, label))
  )
    name = name.slice(label + 2);
  // A form's caption in capitals before the name ("SPONSORSHIP BENEFITS: San Diego Ballpark Funding LLC").
  const caption = [...name.matchAll(/\b[A-Z]{3,}(?:\s+[A-Z]{2,}){0,3}:\s+(?=[A-Z])/g)].pop();
  if (caption) name = name.slice(caption.index! + caption[0].length);
  name = name
    .replace(/^the\s+undersigned,?\s+/i, "")
    // "In addition, Finch Lubricants India, Ltd …": a sentence that adds a signer opens with a linking word.
    .replace(/^(?:in\s+addition|additionally|furthermore|moreover)\s*,\s*/i, "")
    .replace(/^exhibit\s+[\w.()-]+\s+/i, "")
    // "…, and, solely for purposes of Section 10.4, Article 12 and Article 14, ASTERION HOLDINGS, INC.": the rest of
    // a list of provisions the party signs for.
    .replace(
      /^(?:solely\s+)?(?:for\s+(?:the\s+)?purposes?\s+of\s+)?(?:(?:Sections?|Articles?|Clauses?|Paragraphs?|Schedules?)\s+[\dIVXL][\w.()]*(?:\s*,\s*(?:and\s+)?|\s+(?:and|or)\s+)?){1,6}\s*,\s*(?=[A-Z])/,
      "",
    )
    .replace(/^(?:[A-Z][A-Z&-]*\s+){0,5}(?:AGREEMENT|CONTRACT|VERSION)\s+(?=\S)/, "")
    // "AGENCY AGREEMENT The undersigned, Dundee Securities Ltd.": the title went first.
    .replace(/^the\s+undersigned,?\s+/i, "");
  name = name.split(
    /,?\s+(?:a|an|having|with|whose|located|organi[sz]ed|incorporated|registered|acting|together\s+with|existing|duly|of\s+\d)\s|,\s*(?:the|and)\s|,\s*\d|\s+\(collectively\b|\s+and\/or\s+assigns\b/i,
  )[0]!;
  // An address run on after the name ("GmbH & Co KG, Glockengiesserwall 3", "A/S of Industriparken 55").
  // ("NORTHGATE COUNTY COUNCIL of County Hall, Northgate": a building named as the address.)
  name = name.split(
    /,\s+[A-Z][a-z]+\s+\d|\s+of\s+[A-Z][a-z]+\s+\d|\s+of\s+(?:[A-Z][\w'-]*\s+){0,3}(?:Hall|House|Street|Road|Lane|Avenue|Building|Centre|Center|Court|Place|Square|Tower|Chambers)\b/,
  )[0]!;
  name = name
    // "Xi'an Zhonghong Co., Ltd. is …": the sentence went on after the name.
    .replace(/\s+(?:is|are|was|has|have|shall|will|of)$/, "")
    // A date run on after the name ("… Architects Office October 29").
    .replace(/\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{1,2}$/, "")
    .replace(/\s*\(\s*\)$/, "")
    .replace(/\.\.$/, ".")
    // "You: , ------": a blank left for a name in a form.
    .replace(/[\s:,_–—-]+$/, "")
    .replace(/[,(\s]+$/, "")
    .replace(/^["']|["']$/g, "")
    // ("11.5 Archwell Records, Inc.'s ("Archwell") aggregate liability": the possessive of a clause read alone.)
    .replace(/['’]s$/, "")
    .trim();
  // A party name starts with a capital or digit and is not itself a sentence.
  // "mPhase Technologies Inc.", "eBay Inc.": a brand may open with a small letter before its capital.
  // "drkoop.com, inc.": a web address used as a company's name.
  if (
    !name ||
    name.length > 120 ||
    !/^(?:[A-Z0-9]|[a-z][A-Z]|[a-z][a-z0-9-]*\.(?:com|net|org)\b)/.test(name) ||
    name.split(/\s+/).length > 12
  )
    return null;
  // A table of contents run on before the preamble ("Obligations of Heron/Egret 32 15.6 Separability") holds
  // page and section numbers; a name does not.
  if (/(?:^|\s)\d{1,3}\s+\d{1,2}(?:\.\d{1,2})+(?:\s|$)/.test(name)) return null;
  // A form's fields ("SPONSOR: Name: … Phone: … Address: …") and a street address are not a name.
  if (
    /\b(?:Name|Phone|Tel|Fax|Address|E-?mail|Attn|Attention)\s*:/i.test(name) ||
    /^\d+\s+[A-Z][a-z]+\s+(?:Place|Street|St|Avenue|Ave|Road|Rd|Drive|Dr|Boulevard|Blvd|Way|Lane)\b/.test(name)
  )
    return null;
  // A sentence opening ("This Agreement is made …", "WHEREAS …") is not a name.
  if (/^(?:whereas|now|this|these|the\s+parties|in\s+witness|each|know\s+all)\b/i.test(name)) return null;
  // A document's title is not a party ("EL BANCO FINANCIAL CORPORATION AGENCY AGREEMENT").
  if (/\b(?:agreement|contract)$/i.test(name)) return null;
  return name;
}

function roleFromContext(context: string): Role {
  const lower = context.toLowerCase();
  const buyer = BUYER_WORDS.some((w) => new RegExp(`\\b(?:as|the)\\s+${w}\\b`).test(lower));
  const supplier = SUPPLIER_WORDS.some((w) => new RegExp(`\\b(?:as|the)\\s+${w}\\b`).test(lower));
  if (buyer === supplier) return "unknown";
  return buyer ? "buyer" : "supplier";
}

/** No preamble: fall back to capitalised role words used as defined terms throughout ("Provider", "Customer"). */
function partiesFromTerms(text: string): Party[] {
  const counts = new Map<string, number>();
  const sample = text.length > 400_000 ? text.slice(0, 400_000) : text;
  for (const word of [...BUYER_WORDS, ...SUPPLIER_WORDS]) {
    const term = word.replace(/\b\w/g, (c) => c.toUpperCase());
    // ("Sub-Servicer" holds "Servicer", the word of another party.)
    const re = new RegExp(`(?<![\\w-])${term}\\b`, "g");
    const n = sample.match(re)?.length ?? 0;
    if (n >= 2) counts.set(term, n);
  }
  // "Provider" inside every "Service Provider" is the same term: count only the uses outside the longer one.
  const own = new Map(counts);
  for (const [long, n] of counts)
    for (const short of counts.keys()) if (short !== long && long.endsWith(` ${short}`)) own.set(short, (own.get(short) ?? 0) - n);
  const ranked = [...own.entries()].filter(([, n]) => n >= 2).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const best: Partial<Record<"buyer" | "supplier", string>> = {};
  for (const [term] of ranked) {
    const role = roleOfTerm(term) as "buyer" | "supplier";
    // "Service Provider" and "Provider" would both count; keep the most used term per role.
    if (!best[role]) best[role] = term;
  }
  return (["buyer", "supplier"] as const).flatMap((role) => {
    if (!best[role]) return [];
    const term = withModifier(best[role]!, sample);
    return [{ name: term, role, alias: term, roleSource: "defined-term" as const, roleEvidence: term }];
  });
}

/** Words before a role word that only say which one: "the Plan Sponsor", "this Third-Party Administrator". */
const NOT_A_MODIFIER =
  /^(?:The|This|That|Such|Each|Either|Any|No|Said|A|An|Our|Your|Its|Their|His|Her|Neither|Both|All|If|Where|When|Unless|Until|Upon|Provided|Notwithstanding|Subject|Except|And|Or|Nor|But|Whether)$/;

/**
 * "the Plan Sponsor", "the Third-Party Administrator": a role word that the text always uses with the same capitalised
 * word before it is that compound term, which is how the party is named.
 */
function withModifier(term: string, sample: string): string {
  const modifiers = new Set<string>();
  let uses = 0;
  for (const m of sample.matchAll(new RegExp(`(?:\\b([A-Z][\\w-]*)\\s+)?\\b${termPattern(term)}\\b`, "g"))) {
    uses++;
    const word = m[1];
    if (!word || NOT_A_MODIFIER.test(word) || word.toUpperCase() === word) return term;
    modifiers.add(word);
    if (modifiers.size > 1) return term;
  }
  return uses >= 2 && modifiers.size === 1 ? `${[...modifiers][0]} ${term}` : term;
}

const DEFINITION = /"([A-Z][^"\n]{0,60})"\s+(?:shall\s+)?(?:mean|means|has\s+the\s+meaning|shall\s+have\s+the\s+meaning|refers\s+to)\b/g;

export function findDefinitions(text: string): DefinedTerm[] {
  const out: DefinedTerm[] = [];
  for (const m of text.matchAll(DEFINITION)) out.push({ term: m[1]!, span: { start: m.index!, end: m.index! + m[0].length } });
  return out;
}

/** Applies `alias=role` overrides from the CLI or config; unknown aliases add a party. */
export function applyRoleOverrides(parties: Party[], overrides: Record<string, Role>): Party[] {
  const result = parties.map((p) => ({ ...p }));
  for (const [key, role] of Object.entries(overrides)) {
    const k = key.toLowerCase();
    const hit = result.find((p) => p.alias?.toLowerCase() === k || p.name.toLowerCase() === k);
    if (hit) Object.assign(hit, { role, roleSource: "override", roleEvidence: `--role ${key}=${role}` });
    else result.push({ name: key, role, alias: key, roleSource: "override", roleEvidence: `--role ${key}=${role}` });
  }
  return result;
}

// "Zentrix Microsystems, Inc.": US names often set the form off with a comma.
const COMPANY = String.raw`[A-Z][^,;:()\n]{1,60}?(?:,\s*)?\b(?:Inc|Corp|Corporation|LLC|L\.L\.C|Ltd|Limited|S\.?r\.?l|S\.?p\.?A|GmbH|AG|S\.?A|B\.?V|N\.?V|PLC|LLP|LP)\b\.?`;
/**
 * "BETWEEN KIROMIC BIOPHARMA Inc., a Delaware Company, … AND MOLIPHARMA S.R.L. an Italian Company …": two company
 * names, each followed by its particulars, with no defined terms.
 */
const DESCRIBED_PAIR = new RegExp(String.raw`\bbetween\s*:?\s+(${COMPANY})\s*,?[^;]{0,700}?\band\s*:?\s+(${COMPANY})(?=[\s,;])`, "i");

function partiesWithDescriptions(region: string, offset: number): Party[] {
  const m = DESCRIBED_PAIR.exec(region);
  if (!m) return [];
  const names = [m[1]!, m[2]!].map((n) => cleanName(n)).filter((n): n is string => n !== null);
  if (names.length !== 2 || names[0] === names[1]) return [];
  return names.map((name, i) => {
    const start = offset + m.index! + m[0].indexOf(i === 0 ? m[1]! : m[2]!);
    return { name, role: "unknown", alias: null, span: { start, end: start + name.length }, roleSource: null, roleEvidence: null };
  });
}
