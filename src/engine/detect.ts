import type { ContractDocument, Clause } from "../model/document.js";
import type { Fact, FactValue } from "../model/fact.js";
import { excluded, mapKey, type CompiledTopic, type RulePack } from "./compile.js";
import { buildLexicon, directionOf, opensList, pronounForTheOther, type PartyLexicon } from "./direction.js";
import { Locator } from "./locate.js";
import { allMatches, anyMatch, firstMatch } from "./patterns.js";
import { checkBudget, type Budget } from "./budget.js";
import { sentenceSpans } from "./sentences.js";
import type { Side } from "../model/party.js";
import { maskCompanyStops, unmaskCompanyStops } from "../shared/company-stops.js";

const MAX_EXCERPT = 400;

/**
 * Topic detectors over every clause → facts. Placeholders and definitions produce no facts unless a detector opts in.
 */
export function detectFacts(doc: ContractDocument, pack: RulePack, budget?: Budget, keep?: (facts: Fact[]) => Fact[]): Fact[] {
  const facts: Detected[] = [];
  const lexicon = buildLexicon(doc.parties, doc.text);
  const locator = new Locator(doc);
  // Patterns read a copy in which a company's "Inc." or "Ltd." does not stop them; facts quote the text as written.
  const probe: ContractDocument = { ...doc, text: maskCompanyStops(doc.text) };
  for (const [index, clause] of doc.clauses.entries()) {
    checkBudget(budget);
    if (clause.placeholder || clause.nonOperative) continue;
    const clauseText = probe.text.slice(clause.span.start, clause.span.end);
    // No combined "any trigger" pre-filter here: measured on CUAD (npm run bench, --cpu-prof) the one big
    // alternation of every trigger took 71% of all CPU — V8 leaves a regex that large in its slow interpreter —
    // while the per-topic trigger regexes below cost ~12% and find the same facts (byte-identical JSON).
    const recitals = doc.recitals;
    // A sentence in the preamble or recitals is background; so is one that only a title ("SUPPLY AGREEMENT") runs into.
    const sentences = sentenceSpans(doc.text, clause.span.start, clause.span.end).filter(
      (s) =>
        !recitals || s.start >= recitals.end || s.end <= recitals.start || (s.start < recitals.start && recitals.start - s.start > 120),
    );
    if (sentences.length === 0) continue;
    const leadIn = ITEM_START.test(clauseText) ? listLeadIn(probe.text, clause.span.start) : null;
    const items = /:\s*$/.test(clauseText) ? listItemsAfter(probe, index) : null;
    const heading = clause.heading ?? titleOf(clauseText) ?? headingAbove(probe, index);
    for (const topic of pack.topics) {
      if (clause.inDefinitions && !topic.meta["in-definitions"]) continue;
      const list = { leadIn, items: topic.meta["read-items"] ? items : null, heading };
      const found = detectInClause(probe, clause, clauseText, sentences, topic, lexicon, locator, list);
      facts.push(...found);
    }
  }
  checkBudget(budget);
  // A second opinion (or any filter) runs before reciprocity, so a dropped fact never pairs with another.
  if (!keep) return pairAcrossDocument(facts, pack);
  const kept = new Set(keep(facts.map((d) => d.fact)));
  return pairAcrossDocument(
    facts.filter((d) => kept.has(d.fact)),
    pack,
  );
}

function detectInClause(
  doc: ContractDocument,
  clause: Clause,
  clauseText: string,
  sentences: { start: number; end: number }[],
  topic: CompiledTopic,
  lexicon: PartyLexicon,
  locator: Locator,
  /** The sentence that opens the list this clause is an item of, the items that follow a clause ending in a colon,
   * and the clause's title (its own, or a bare parent's). */
  list: { leadIn: string | null; items: string | null; heading: string | null },
): Detected[] {
  const { leadIn, items, heading } = list;
  const out: Detected[] = [];
  const seen = new Set<string>();
  const units = topic.meta.scope === "clause" ? [clause.span] : sentences;
  for (const [u, unit] of units.entries()) {
    const own = doc.text.slice(unit.start, unit.end);
    // The clause's last sentence opens a list: its items complete it.
    const text = items && u === units.length - 1 && /:\s*$/.test(own) ? `${own.trimEnd()} ${items}` : own;
    const hit = firstMatch(topic.trigger, text);
    if (!hit) continue;
    // A definition names a thing ("'Indemnified Parties' means …"); the clause that uses it is the operative one.
    if (!topic.meta["in-definitions"] && DEFINITION_SENTENCE.test(text)) continue;
    if (inSignatureBlock(doc, clause, unit.start)) continue;
    if (!topic.meta["heading-only"] && isHeadingOnly(clause, unit, hit.index, doc.text)) continue;
    // A list item's clause is read with the sentence that opens its list ("X may terminate … on any of the following:").
    const context = leadIn ? `${leadIn}\n${clauseText}` : clauseText;
    if (!topic.require.every((r) => anyMatch(r.any, r.scope === "clause" ? context : text))) continue;
    if (excluded(topic, text)) continue;
    if (!topic.meta["heading-only"] && isBareTitle(text)) continue;
    for (const read of unitDirection(topic, text, hit, lexicon)) {
      let direction = read.direction;
      // ("… may be terminated by Sponsor upon any of the following events:" governs its items even where an item
      // names the other party: "(c) at any time, … in which case Sponsor shall pay CRO".)
      const governed = leadIn !== null && ITEM_START.test(text) && opensList(leadIn);
      const unread = direction.mutual === null && direction.burdenedParty === null;
      // ("8.2 Indemnification by Vendor. Without limiting any other remedy of Customer, it shall indemnify …": a pronoun
      // acting right before the trigger stands for the party the heading names, not for a party named nearby.)
      // ("It shall defend the Company against any claim …, and shall indemnify the Company": so does a verb joined to
      // the pronoun's first one, whatever party the first verb's object names.)
      const pronounActs =
        PRONOUN_ACTS.test(text.slice(Math.max(0, read.hit.index - 60), read.hit.index)) ||
        // ("It shall defend …" where the trigger takes in the verb's "shall")
        (/\b(?:it|such\s+party)\s+$/i.test(text.slice(Math.max(0, read.hit.index - 20), read.hit.index)) &&
          /^(?:shall|will|must)\b/i.test(read.hit.text)) ||
        (PRONOUN_OPENS.test(text) && JOINED_VERB.test(text.slice(Math.max(0, read.hit.index - 30), read.hit.index)));
      if (pronounActs && !governed && direction.mutual !== true) {
        const fromHeading = heading ? headingDirection(heading, text, read.hit, topic, lexicon) : null;
        if (fromHeading) direction = fromHeading;
      }
      if ((unread && isDirected(topic)) || governed) {
        const inherited = leadIn && ITEM_START.test(text) ? leadInDirection(leadIn, text, read.hit, topic, lexicon) : null;
        if (inherited) direction = inherited;
        else if (unread) {
          if (heading) direction = headingDirection(heading, text, read.hit, topic, lexicon) ?? direction;
        }
      }
      // ("20.1 Save as provided in Clause 20.4, it shall indemnify the Purchaser": with no heading to say who "it" is, the
      // party other than the one it acts towards.)
      const subjectIs = topic.meta.subject;
      if (
        direction.mutual === null &&
        direction.burdenedParty === null &&
        (subjectIs === "burdened" || subjectIs === "beneficiary") &&
        PRONOUN_SUBJECT.test(text.slice(0, read.hit.index + 40))
      ) {
        const other = pronounForTheOther(text, read.hit.index + read.hit.text.length, subjectIs, lexicon);
        if (other) direction = other;
      }
      if (topic.mutualIf) {
        // Membership words ("joint", "representatives of each party") decide balance for topics with no actor.
        const joint = anyMatch(topic.mutualIf.any, topic.mutualIf.scope === "clause" ? clauseText : text);
        if (joint) direction = { ...BOTH };
        else if (direction.mutual !== false && !topic.mutualIf.keepDirection) direction = { ...NOBODY, mutual: false };
      }
      const key = `${direction.mutual}:${direction.burdenedParty}:${direction.beneficiaryParty}`;
      if (seen.has(key)) continue;
      seen.add(key);
      // A hit inside the items read with the sentence is reported at the sentence.
      const at = read.hit.index < own.length ? read.hit : { index: 0, text: own.trimEnd() };
      const start = unit.start + at.index;
      const fact: Fact = {
        topic: topic.meta.id,
        span: { start, end: start + at.text.length },
        location: locator.locate(start, start + at.text.length, clause),
        mutual: direction.mutual,
        burdened: direction.burdened,
        beneficiary: direction.beneficiary,
        burdenedParty: direction.burdenedParty,
        beneficiaryParty: direction.beneficiaryParty,
        values: direction.asymmetric ? { ...readValues(topic, text), asymmetric: true } : readValues(topic, text),
        excerpt: unmaskCompanyStops(excerptAround(text, at.index, at.text.length)),
        matched: unmaskCompanyStops(at.text),
      };
      out.push(read.termsKey !== null ? { fact, terms: read.termsKey } : { fact });
    }
  }
  return out;
}

/** "'Term' means …", and a glossary's "'Term' – The sale of …" or "'Term': …". */
const DEFINITION_SENTENCE =
  /^\W{0,3}(?:\(?[a-z0-9]{1,4}[.)]\s*|\d{1,3}(?:\.\d{1,3})+\.?\s+)?(?:for\s+(?:the\s+)?purposes?\s+(?:hereof|of\s+this\s+[\w ().]{1,30}?),?\s+)?(?:the\s+(?:term|expression)\s+)?["“'‘][^"”’\n]{1,80}["”'’](?:\s+(?:shall\s+)?(?:means?|has\s+the\s+meaning|have\s+the\s+meaning|refers?\s+to)\b|\s*[-–—:]\s+(?=\S))/i;
const SIGNATURE = /\bIN\s+WITNESS\s+WHEREOF\b/i;

/** Names, titles and dates under "IN WITNESS WHEREOF": a signature block is short, and exhibits may follow it. */
const SIGNATURE_BLOCK_CHARS = 1200;

function inSignatureBlock(doc: ContractDocument, clause: Clause, at: number): boolean {
  const m = SIGNATURE.exec(doc.text.slice(clause.span.start, clause.span.end));
  if (!m) return false;
  const from = clause.span.start + m.index;
  return at >= from && at < from + SIGNATURE_BLOCK_CHARS;
}

/** A fact and, for one-way facts, the wording of its terms without party names (for pairing across clauses). */
interface Detected {
  fact: Fact;
  terms?: string;
}

interface UnitDirection {
  mutual: boolean | null;
  burdened: Side;
  beneficiary: Side;
  burdenedParty: string | null;
  beneficiaryParty: string | null;
  /** Both sides have the term, on different terms (see `Direction`). */
  asymmetric?: true;
}

const BOTH: UnitDirection = { mutual: true, burdened: "both", beneficiary: "both", burdenedParty: "both", beneficiaryParty: "both" };
const NOBODY: UnitDirection = { mutual: null, burdened: null, beneficiary: null, burdenedParty: null, beneficiaryParty: null };

/**
 * Direction of one sentence (or clause): every trigger in it is read, so a mirrored pair in one sentence
 * ("Supplier shall indemnify Customer… and Customer shall indemnify Supplier…") is mutual. For `mirror:
 * same-terms` topics the pair is mutual only when both halves say the same thing once party names are removed
 * ("Supplier's liability shall not exceed £1m and Customer's shall not exceed the Charges" is not).
 */
interface ReadUnit {
  direction: UnitDirection;
  termsKey: string | null;
  /** The trigger the fact is located at. */
  hit: { index: number; text: string };
}

/** A list-item or sub-clause marker: what stands between two provisions run together in one "sentence". */
// (A number in words with its figure after it, "on six (6) months' notice", counts too: tried as no marker, two
// different ceilings or notice periods in one sentence read as one mutual term, which the written gold set records as
// two one-way terms.)
const ITEM_MARKER = /(?:^|\s)(?:\((?:[ivx]{1,4}|[a-z]|\d{1,2})\)|\d{1,2}\.\d{1,2}(?:\.\d{1,2})?)\s/;

/** What stands before a right denied to both parties: "Neither party may ", "No Party shall have the right to ". */
const DENIED_TO_BOTH =
  /\b(?:neither|no)\s+(?:part(?:y|ies)|[A-Z][\w&.-]*)\s+(?:(?:shall|will|may)\s+)?(?:have\s+(?:the|any)\s+right\s+to\s+|be\s+entitled\s+to\s+)?$/i;

/**
 * "As between Halvorsen and Pinecrest, the former shall indemnify the latter": the two words stand for the last two
 * parties named before them, in that order. The sentence is read with the names put in their place; the facts'
 * positions are those of the sentence as written.
 */
function unitDirection(topic: CompiledTopic, text: string, first: { index: number; text: string }, lexicon: PartyLexicon): ReadUnit[] {
  const named = withFormerAndLatter(text, lexicon);
  if (!named) return readUnitDirection(topic, text, first, lexicon);
  const reads = readUnitDirection(topic, named.text, { ...first, index: named.toNew(first.index) }, lexicon);
  return reads.map((r) => ({ ...r, hit: { ...r.hit, index: named.toOld(r.hit.index) } }));
}

const FORMER_OR_LATTER = /\bthe\s+(former|latter)\b/gi;

function withFormerAndLatter(
  text: string,
  lexicon: PartyLexicon,
): { text: string; toNew: (i: number) => number; toOld: (i: number) => number } | null {
  const firstUse = /\bthe\s+(?:former|latter)\b/i.exec(text);
  if (!firstUse || !lexicon.regex) return null;
  // The last two different parties named before the first "the former" / "the latter", in the order named.
  const names: { key: string; written: string }[] = [];
  for (const m of text.slice(0, firstUse.index).matchAll(new RegExp(lexicon.regex.source, "g"))) {
    const key = lexicon.roleOf.get(m[0])?.name ?? m[0];
    const at = names.findIndex((n) => n.key === key);
    if (at !== -1) names.splice(at, 1);
    names.push({ key, written: m[0] });
  }
  if (names.length < 2) return null;
  const former = names[names.length - 2]!;
  const latter = names[names.length - 1]!;
  const edits: { at: number; from: number; to: number }[] = [];
  let out = "";
  let last = 0;
  for (const m of text.matchAll(FORMER_OR_LATTER)) {
    const name = m[1]!.toLowerCase() === "former" ? former.written : latter.written;
    out += text.slice(last, m.index!) + name;
    edits.push({ at: m.index!, from: m[0].length, to: name.length });
    last = m.index! + m[0].length;
  }
  out += text.slice(last);
  const toNew = (i: number) => i + edits.filter((e) => e.at + e.from <= i).reduce((n, e) => n + e.to - e.from, 0);
  const toOld = (j: number) => {
    let shift = 0;
    for (const e of edits) {
      const newAt = e.at + shift;
      if (j < newAt + e.to) return j < newAt ? j - shift : e.at;
      shift += e.to - e.from;
    }
    return j - shift;
  };
  return { text: out, toNew, toOld };
}

/** A verb that starts a new promise between two triggers, so the second has an actor of its own. */
const MODAL = /\b(?:shall|will|must|may|agrees?|undertakes?|covenants?)\b/i;
/** ", and shall" closing the words between two verbs: the second verb has no subject of its own. */
const AND_MODAL_AT_END = /,?\s+(?:and|or)\s+(?:shall|will|must)\s+(?:also\s+|further\s+)?$/i;
function continuesWithoutSubject(between: string): boolean {
  const cut = AND_MODAL_AT_END.exec(between);
  return cut !== null && between.length <= 400 && !/[.;]/.test(between) && !MODAL.test(between.slice(0, cut.index));
}

function readUnitDirection(topic: CompiledTopic, text: string, first: { index: number; text: string }, lexicon: PartyLexicon): ReadUnit[] {
  if (topic.meta.subject === "none") return [{ direction: { ...NOBODY }, termsKey: null, hit: first }];
  if (topic.meta.subject === "mutual") return [{ direction: { ...BOTH }, termsKey: null, hit: first }];
  const subjectIs = topic.meta.subject;
  const hits = allMatches(topic.trigger, text, 8);
  if (!hits.some((h) => h.index === first.index)) hits.unshift(first);
  // "Company may terminate … any Transition Service, and RGHI may terminate … any Reverse Transition Service": a
  // long first match can swallow the second party's trigger; look for one right after each other party's name.
  for (const m of lexicon.regex ? text.matchAll(new RegExp(lexicon.regex.source, "g")) : []) {
    const after = m.index! + m[0].length;
    if (hits.some((h) => h.index >= m.index! && h.index <= after + 40)) continue;
    const next = firstMatch(topic.trigger, text.slice(after, after + 300));
    if (next && next.index <= 40) hits.push({ index: after + next.index, text: next.text });
    if (hits.length >= 12) break;
  }
  hits.sort((a, b) => a.index - b.index);
  // "the Company Indemnified Parties", "the Philips Indemnitees": a trigger word inside a capitalised defined term
  // after a party's name names who is protected; it is not a second provision.
  // Words inside square brackets are an editor's note ("[Redacted - Indemnification Details]"), not a provision.
  // ("indemnify and keep indemnified Kaveri": the second word of one promise is no provision of its own.)
  // ("indemnify, defend and hold harmless", "indemnify and hold them harmless": nor is the last of a list of verbs.)
  const samePromise = (h: { index: number; text: string }) =>
    hits.some((p) => {
      const end = p.index + p.text.length;
      return (
        h.index >= end &&
        (/^[\s,]*(?:(?:defend|indemnify|protect|release)\s*,\s*)*(?:and|or)\s+(?:keep|hold|save|to)?\s*$/i.test(text.slice(end, h.index)) ||
          // ("agrees to indemnify us, our partners and our staff, and to hold each of them harmless": the second
          // infinitive goes on with the same actor, whatever objects come between.)
          (h.index - end <= 160 &&
            /^[^.;]*?\b(?:and|or)\s+to\s+$/i.test(text.slice(end, h.index)) &&
            !MODAL.test(text.slice(end, h.index))) ||
          // ("You will indemnify us and our affiliates, and keep us indemnified": the same actor's second verb.)
          (h.index - end <= 160 &&
            /^(?:keep|hold|save|indemnif|defend|protect)/i.test(h.text) &&
            /^[^.;]*?\b(?:and|or)\s+(?:(?:keep|hold|save)\s+(?:[\w-]+\s+){1,3})?$/i.test(text.slice(end, h.index)) &&
            !MODAL.test(text.slice(end, h.index))) ||
          // ("Distributor shall defend any action brought against Manufacturer … beyond Manufacturer's specifications, and
          // shall indemnify Manufacturer": a verb with no subject of its own goes on with the one before, however far.)
          (/^(?:indemnif|defend|hold|keep|save|protect)/i.test(h.text) && continuesWithoutSubject(text.slice(end, h.index))))
      );
    });
  const kept = hits.filter(
    (h) => h.index === first.index || !(namedTerm(text, h, lexicon) || inSquareBrackets(text, h.index) || samePromise(h)),
  );
  // "Neither party may terminate … for convenience during the Initial Term, except that Loxley may terminate …": a
  // right denied to both is no reading when the sentence goes on to give it to one.
  const granted = kept.filter((h) => !DENIED_TO_BOTH.test(text.slice(Math.max(0, h.index - 60), h.index)));
  hits.length = 0;
  hits.push(...(granted.length > 0 ? granted : kept));
  const read = hits.map((h, i) => ({
    hit: h,
    dir: directionOf(text, h.index, h.index + h.text.length, subjectIs, lexicon),
    terms: termsOf(text, h.index, hits[i + 1]?.index ?? text.length, lexicon),
  }));
  const firstDir = read.find((r) => r.hit.index === first.index) ?? read[0]!;
  const mutual = read.find((r) => r.dir.mutual === true);
  if (mutual) return [{ direction: mutual.dir, termsKey: null, hit: first }];
  const byParty = new Map<string, (typeof read)[number]>();
  // Keyed by what the reading says, not by the name read: "Licensee's sole remedy and Beta's sole liability" say
  // the same thing twice (Beta is protected), they are not two provisions.
  for (const r of read) {
    if (!r.dir.subjectName) continue;
    const key = `${r.dir.burdenedParty}>${r.dir.beneficiaryParty}`;
    byParty.set(key, byParty.get(key) ?? r);
  }
  if (byParty.size >= 2) {
    const [a, b] = [...byParty.values()].sort((x, y) => x.hit.index - y.hit.index) as [(typeof read)[number], (typeof read)[number]];
    // Two provisions run together (no sentence break between "(i) Philips will indemnify …" and "(ii) Customer
    // will indemnify …"): each is its own one-way fact, and the document-level pass pairs them.
    if (ITEM_MARKER.test(text.slice(a.hit.index, b.hit.index))) {
      return [a, b].map((r) => ({ direction: r.dir, termsKey: r.terms, hit: r.hit }));
    }
    // One sentence that gives the term to both ("Acme shall indemnify Beta … and Beta shall indemnify Acme").
    if (topic.meta.mirror === "mutual" || sameTerms(a.terms, b.terms)) return [{ direction: { ...BOTH }, termsKey: null, hit: first }];
    // Each side's own term on different terms ("Supplier's liability shall not exceed £1m and Customer's shall not
    // exceed the Charges"): two one-way facts, which the document-level pass marks asymmetric.
    return [a, b].map((r) => ({ direction: r.dir, termsKey: r.terms, hit: r.hit }));
  }
  const chosen = firstDir.dir.subjectName ? firstDir : (read.find((r) => r.dir.subjectName) ?? firstDir);
  return [{ direction: chosen.dir, termsKey: chosen.terms, hit: first }];
}

function isDirected(topic: CompiledTopic): topic is CompiledTopic & { meta: { subject: "burdened" | "beneficiary" } } {
  return topic.meta.subject === "burdened" || topic.meta.subject === "beneficiary";
}

const ITEM_START = /^\s*(?:\((?:[ivx]{1,5}|[a-z]{1,2}|\d{1,2})\)|[a-z]\.|\d{1,2}\.)\s/i;

/**
 * The sentence that opens the list a clause belongs to: "Owner may terminate this Agreement upon any of the
 * following:" before "(e) Without cause on seven days' notice." Only when every paragraph between that sentence
 * and the clause is itself an item of the list.
 */
function listLeadIn(text: string, clauseStart: number): string | null {
  const back = text.slice(Math.max(0, clauseStart - 3000), clauseStart);
  // ("… upon the occurrence of any of the following events: (a) …": a list that opens on the line the item starts.)
  const inline = /(?:^|[.;]\s|\n)((?:\d{1,3}(?:\.\d{1,3})*\.?\s+)?[^.;\n]{8,300}:)[ \t]*$/.exec(back);
  if (inline) return inline[1]!.replace(/^\s*(?:\d{1,3}(?:\.\d{1,3})*\.?|\([a-z0-9]{1,4}\))\s+/i, "").trim();
  let colon = -1;
  for (const m of back.matchAll(/:[ \t]*\n/g)) colon = m.index!;
  if (colon === -1) return null;
  const between = back
    .slice(colon + 1)
    .split(/\n[ \t]*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (!between.every((p) => ITEM_START.test(p))) return null;
  const line = back.slice(back.lastIndexOf("\n", colon) + 1, colon + 1);
  const leadIn = line.slice(line.lastIndexOf(". ") + 1).trim();
  return leadIn.length >= 8 ? leadIn : null;
}

/**
 * The items of the list a clause ending in a colon opens: the clauses that follow it and are numbered under it
 * ("13.2.1" under "13.2", or "(a)", "(b)" …), with their numbers dropped, joined in one line. At most twelve items
 * and 1,500 characters; null when no item follows.
 */
function listItemsAfter(doc: ContractDocument, index: number): string | null {
  const parent = doc.clauses[index]!.number;
  const under = (n: string | null | undefined) =>
    !!n && (parent ? n.startsWith(`${parent}.`) || n.startsWith(`${parent}(`) || /^\(?[a-z]{1,2}\)$|^\(?[ivx]{1,4}\)$/.test(n) : true);
  const out: string[] = [];
  let length = 0;
  for (const clause of doc.clauses.slice(index + 1, index + 13)) {
    if (!under(clause.number)) break;
    const item = doc.text
      .slice(clause.span.start, clause.span.end)
      .replace(/^\s*(?:\d{1,3}(?:\.\d{1,3})+\.?|\(?[a-z0-9]{1,4}[.)])\s*/i, "")
      .replace(/\s+/g, " ")
      .trim();
    if (length + item.length > 1500) break;
    out.push(item);
    length += item.length;
  }
  return out.length > 0 ? out.join(" ") : null;
}

/** A list item with no actor of its own takes the actor of the sentence that opens the list. */
function leadInDirection(
  leadIn: string,
  unit: string,
  hit: { index: number; text: string },
  topic: CompiledTopic,
  lexicon: PartyLexicon,
): UnitDirection | null {
  if (!lexicon.regex || !isDirected(topic)) return null;
  const joined = `${leadIn} ${unit}`;
  const at = leadIn.length + 1 + hit.index;
  const d = directionOf(joined, at, at + hit.text.length, topic.meta.subject, lexicon);
  if (d.mutual === null) return null;
  return {
    mutual: d.mutual,
    burdened: d.burdened,
    beneficiary: d.beneficiary,
    burdenedParty: d.burdenedParty,
    beneficiaryParty: d.beneficiaryParty,
  };
}

/**
 * "14.3 Indemnification by Distributor. Subject to 14.5, it shall indemnify …", "Limitation of Manufacturer's
 * Liability. It shall not be liable …": a sentence whose subject is "it" or "such party" is about the one party its
 * clause heading names.
 */
function headingDirection(
  heading: string,
  unit: string,
  hit: { index: number; text: string },
  topic: CompiledTopic,
  lexicon: PartyLexicon,
): UnitDirection | null {
  if (!lexicon.regex || !PRONOUN_SUBJECT.test(unit.slice(0, hit.index + 40))) return null;
  const named = [...new Set([...heading.matchAll(new RegExp(lexicon.regex.source, "g"))].map((m) => m[0]))];
  if (named.length !== 1) return null;
  // The heading's party stands before the sentence, and the pronoun that stood for it is blanked (offsets kept); so are
  // parties named in an opening phrase before the pronoun ("Without limiting any other remedy of Customer, it shall").
  const pronoun = PRONOUN_SUBJECT.exec(unit)!;
  const opening = unit.slice(0, pronoun.index).replace(new RegExp(lexicon.regex.source, "g"), (w) => " ".repeat(w.length));
  let rest = unit.slice(pronoun.index).replace(PRONOUN_SUBJECT, (w) => " ".repeat(w.length));
  // ("It shall defend the Company …, and shall indemnify the Company": the parties the first verb names are its objects.)
  const before = hit.index - pronoun.index;
  if (before > 0 && JOINED_VERB.test(rest.slice(Math.max(0, before - 30), before)))
    rest = rest.slice(0, before).replace(new RegExp(lexicon.regex.source, "g"), (w) => " ".repeat(w.length)) + rest.slice(before);
  const blanked = opening + rest;
  return leadInDirection(`${named[0]!}:`, blanked, hit, topic, lexicon);
}

/** "it shall", "such party will": a subject that stands for a party named elsewhere. */
// ("In no event shall it be liable": the same pronoun after its verb; "Its aggregate liability" opening a sentence.)
const PRONOUN_SUBJECT =
  /\b(?:it|such\s+party)(?=\s+(?:shall|will|may|must|agrees?|is|has|hereby)\b)|\b(?:shall|will)\s+(?:it|such\s+party)\s+be\b|(?:^|[.:,]\s+)(?:its|such\s+party['’]s)(?=\s+(?:(?:total|aggregate|cumulative|maximum|entire|overall)\s+){0,3}liabilit)/i;

/** A pronoun that is the subject of the trigger right after it: "it shall ", "such party will hereby ". */
const PRONOUN_ACTS =
  /\b(?:it|such\s+party)\s+(?:shall|will|must|agrees?\s+to|hereby|does\s+hereby)\s+(?:(?:also|further|promptly|hereby)\s+)?$/i;

/** A sentence whose subject is a pronoun: "It shall defend …", "14.3 Such party will …". */
const PRONOUN_OPENS = /^\W{0,3}(?:\d{1,3}(?:\.\d{1,3})*\.?\s+)?(?:it|such\s+party)\s+(?:shall|will|must|agrees?\s+to)\b/i;

/** A verb with no subject of its own, joined to the one before: "…, and shall indemnify". */
const JOINED_VERB = /\b(?:and|or)\s+(?:shall|will|must)\s+(?:(?:also|further|promptly)\s+)?$/i;

/** A word that makes a line a sentence rather than a title. */
const OPERATIVE_WORD = /\b(?:shall|will|may|must|is|are|agrees?)\b/i;

/** A short title that opens a clause's text ("14.3 Termination by Vendor for Convenience. It may …", "Section 13.
 * Indemnification by Contractor. To the fullest extent …, it shall"). */
function titleOf(clauseText: string): string | null {
  const m =
    /^\W{0,3}(?:(?:Section|Article|Clause|SECTION|ARTICLE|CLAUSE)\s+)?(?:\d{1,3}(?:\.\d{1,3})*\.?|\([a-z0-9]{1,4}\))?\s*([A-Z][^.;:]{2,80})[.:]\s/.exec(
      clauseText,
    );
  if (!m || m[1]!.split(/\s+/).length > 10 || OPERATIVE_WORD.test(m[1]!)) return null;
  return m[1]!;
}

/**
 * "9.2 Indemnity by the Laundry" standing alone over "9.2.1 It shall indemnify the Trust …": a parent clause that is
 * only a title is the heading of the clauses numbered under it.
 */
function headingAbove(doc: ContractDocument, index: number): string | null {
  const number = doc.clauses[index]!.number;
  if (!number) return null;
  for (let i = index - 1; i >= Math.max(0, index - 4); i--) {
    const above = doc.clauses[i]!;
    if (!above.number || !number.startsWith(`${above.number}.`)) continue;
    const title = doc.text
      .slice(above.span.start, above.span.end)
      .trim()
      .replace(/^\W{0,3}\d{1,3}(?:\.\d{1,3})*\.?\s*/, "")
      .replace(/[.:]$/, "");
    const bare = title.length > 0 && title.split(/\s+/).length <= 10 && !/[.;:]\s/.test(title) && !OPERATIVE_WORD.test(title);
    return bare ? title : null;
  }
  return null;
}

function inSquareBrackets(text: string, at: number): boolean {
  const open = text.lastIndexOf("[", at);
  return open !== -1 && at - open <= 120 && text.lastIndexOf("]", at) < open;
}

function namedTerm(text: string, hit: { index: number; text: string }, lexicon: PartyLexicon): boolean {
  if (!/^[A-Z]/.test(hit.text)) return false;
  // "each Indemnified Party", "an "Indemnifying Party"": a capitalised defined term for whoever plays a part.
  if (
    /^["”]?\s+(?:Part(?:y|ies)|Persons?|Entit(?:y|ies)|Indemnitees?)\b/.test(
      text.slice(hit.index + hit.text.length, hit.index + hit.text.length + 14),
    )
  )
    return true;
  if (!lexicon.regex) return false;
  const before = text.slice(Math.max(0, hit.index - 60), hit.index);
  const party = new RegExp(`(?:${lexicon.regex.source})\\s+$`);
  return party.test(before);
}

/**
 * Whether two terms say the same thing: the same amounts and numbers, and nearly the same words (mirrored clauses
 * differ in small ways: "its affiliates or subsidiaries (other than X)" against "its subsidiaries"). A different
 * cap amount or period is a different term.
 */
/** The words that say how much or how long: figures, number words, currencies, fees and periods. */
const AMOUNT_WORD =
  /^(?:[$£€%]|[$£€]?\d[\d,.]*%?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen|twenty|thirty|fifty|hundred|thousand|million|billion|percent|pounds?|dollars?|euros?|fees?|charges?|prices?|amounts?|royalt(?:y|ies)|revenues?|days?|weeks?|months?|years?|insurance|proceeds)$/;

export function sameTerms(a: string, b: string): boolean {
  if (a === b) return true;
  // A page number where the text breaks ("… in contract or tort   2") is no term.
  const [ta, tb] = [a, b].map((t) => t.replace(/ \d{1,3}$/, "").split(" ")) as [string[], string[]];
  // Amounts and periods are compared over as many words of each as the shorter one has: a window cut at a fixed
  // length ends the two in different places.
  const n = Math.min(ta.length, tb.length);
  const numbers = (t: string[]) =>
    t
      .slice(0, n)
      .filter((w) => AMOUNT_WORD.test(w))
      .join(" ");
  if (numbers(ta) !== numbers(tb)) return false;
  // Nearly all the words of the shorter one in the longer, and most words shared overall.
  const [wa, wb] = [new Set(ta.filter((w) => w.length > 2)), new Set(tb.filter((w) => w.length > 2))];
  let shared = 0;
  for (const w of wa) if (wb.has(w)) shared++;
  const smaller = Math.min(wa.size, wb.size);
  const union = wa.size + wb.size - shared;
  return smaller > 0 && shared / smaller >= 0.8 && shared / union >= 0.5;
}

/** The trigger and what follows it up to the next trigger, without party names: what the term says. */
function termsOf(text: string, from: number, to: number, lexicon: PartyLexicon): string {
  let t = text.slice(from, Math.min(to, from + 240));
  if (lexicon.regex) t = t.replace(new RegExp(lexicon.regex.source, "g"), " ");
  return t
    .toLowerCase()
    .replace(/['’]s\b/g, "")
    .replace(/\b(?:the|its|his|her|their|and|or|each|either)\b/g, " ")
    .replace(/[^a-z0-9$%£€]+/g, " ")
    .trim();
}

/**
 * A short title with no operative word ("Termination for Convenience by Customer.") is a heading the segmenter
 * did not recognise, not a term.
 */
function isBareTitle(text: string): boolean {
  const t = text.trim();
  if (t.length > 80 || t.split(/\s+/).length > 9) return false;
  if (/\b(?:shall|will|may|must|can|is|are|be|has|have|agrees?|means|hereby|not)\b/i.test(t)) return false;
  const words = t
    .replace(/[^A-Za-z\s]/g, " ")
    .split(/\s+/)
    .filter((w) => w.length > 3)
    // Title case leaves its small linking words in small letters ("Payment upon Termination for Convenience").
    .filter((w) => !/^(?:upon|with|without|from|under|into|after|before|during|between|against|through|within|other|than)$/.test(w));
  return words.length > 0 && words.every((w) => /^[A-Z]/.test(w));
}

/** A trigger inside the clause heading line with no operative text after it is a heading, not a term. */
function isHeadingOnly(clause: Clause, unit: { start: number; end: number }, at: number, text: string): boolean {
  if (!clause.heading) return false;
  const lineEnd = text.indexOf("\n", clause.span.start);
  const headingEnd = lineEnd === -1 ? clause.span.end : lineEnd;
  const abs = unit.start + at;
  if (abs >= headingEnd) return false;
  const body = text.slice(headingEnd, clause.span.end).trim();
  const restOfLine = text.slice(clause.span.start, headingEnd);
  // The heading line holds only the heading, and nothing follows it in this clause.
  return body.length === 0 && restOfLine.trim().length <= clause.heading.length + 12;
}

/**
 * Several value patterns may fill one name ("3 years" → months with scale 12, "36 months" → months): the first
 * pattern that matches wins, so a topic lists its most specific pattern first.
 */
function readValues(topic: CompiledTopic, text: string): Record<string, FactValue> {
  const values: Record<string, FactValue> = {};
  for (const v of topic.values) {
    if (v.name in values) continue;
    const m = v.regex.exec(text);
    if (v.type === "boolean") {
      if (m) values[v.name] = true;
      continue;
    }
    if (!m || m[1] === undefined) continue;
    if (v.map) {
      const mapped = v.map.get(mapKey(m[1]));
      if (mapped === undefined) continue;
      const out = v.type === "number" ? Number(mapped) : mapped;
      if (typeof out !== "number" || Number.isFinite(out)) values[v.name] = out;
      continue;
    }
    if (v.type === "number") {
      const n = parseNumber(m[1]);
      if (n !== null) values[v.name] = n * v.scale;
    } else values[v.name] = unmaskCompanyStops(m[1].trim());
  }
  return values;
}

const NUMBER_WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  eighteen: 18,
  twenty: 20,
  thirty: 30,
  sixty: 60,
  ninety: 90,
};

/** "36", "1,000", "three": contracts spell small numbers out ("three (3) years" has both). */
export function parseNumber(raw: string): number | null {
  const t = raw.trim().toLowerCase();
  if (t in NUMBER_WORDS) return NUMBER_WORDS[t]!;
  const n = Number(t.replace(/,/g, ""));
  return t !== "" && Number.isFinite(n) ? n : null;
}

export function excerptAround(text: string, at: number, length: number): string {
  const clean = (s: string) => s.replace(/\s+/g, " ").trim();
  if (text.length <= MAX_EXCERPT) return clean(text);
  const half = Math.floor((MAX_EXCERPT - length) / 2);
  const from = Math.max(0, at - half);
  const to = Math.min(text.length, at + length + half);
  return `${from > 0 ? "…" : ""}${clean(text.slice(from, to))}${to < text.length ? "…" : ""}`;
}

/** The party a one-way fact is about: its burdened party, or the party it favours when that is all we know. */
function aboutParty(f: Fact): string | null {
  if (f.burdenedParty && f.burdenedParty !== "both") return f.burdenedParty;
  if (f.beneficiaryParty && f.beneficiaryParty !== "both") return `for:${f.beneficiaryParty}`;
  return null;
}

/**
 * Reciprocity, decided once for the whole document and by party: "8.1 Acme shall indemnify Beta…" and
 * "8.2 Beta shall indemnify Acme…" form a mutual pair wherever they sit. Facts are paired one to one (for
 * `mirror: same-terms` topics, on the same wording first); a pair whose wording differs, or a fact left over when
 * the other party has fewer of the kind, is `asymmetric`: both sides have one, but not on the same terms. A fact
 * the other party never returns stays one-way. Linear in the number of facts (grouped by topic and party).
 */
export function pairAcrossDocument(detected: readonly Detected[], pack: RulePack): Fact[] {
  const directed = new Set(pack.topics.filter((t) => t.meta.subject !== "none" && t.meta.subject !== "mutual").map((t) => t.meta.id));
  const mirroredTopics = new Set(pack.topics.filter((t) => t.meta.mirror === "same-terms").map((t) => t.meta.id));
  const groups = new Map<string, Map<string, Detected[]>>();
  // Topics with a term that already binds both sides ("neither party shall be liable for indirect loss").
  const mutualTopics = new Set(detected.filter((d) => d.fact.mutual === true && directed.has(d.fact.topic)).map((d) => d.fact.topic));
  for (const d of detected) {
    const who = d.fact.mutual === false && directed.has(d.fact.topic) ? aboutParty(d.fact) : null;
    if (!who) continue;
    const byParty = groups.get(d.fact.topic) ?? new Map<string, Detected[]>();
    groups.set(d.fact.topic, byParty);
    const list = byParty.get(who) ?? [];
    list.push(d);
    byParty.set(who, list);
  }
  for (const [topic, byParty] of groups) {
    if (byParty.size < 2) continue;
    const sides = [...byParty.values()];
    // Pair the two parties with the most facts of the kind; a third party's facts count as returned too.
    sides.sort((a, b) => b.length - a.length);
    const [many, few] = [sides[0]!, sides[1]!];
    const unpaired = [...many];
    const small = unpaired.length * few.length <= 1_000_000;
    for (const d of few) {
      let j = mirroredTopics.has(topic)
        ? unpaired.findIndex((u) => u.terms !== undefined && d.terms !== undefined && sameTerms(u.terms, d.terms))
        : -1;
      const exact = j !== -1;
      // Mirrored clauses sit side by side ("7.4.1 Owner's indemnity", "7.4.2 Operator's indemnity"): pair each
      // with the nearest one left on the other side (the first one, in a document too large to search).
      if (j === -1) j = small ? nearest(unpaired, d) : 0;
      const twin = unpaired.splice(j, 1)[0];
      if (!twin) {
        markAsymmetric(d.fact);
        continue;
      }
      if (mirroredTopics.has(topic) && !exact) {
        markAsymmetric(d.fact);
        markAsymmetric(twin.fact);
      } else {
        markMirrored(d.fact);
        markMirrored(twin.fact);
      }
    }
    for (const d of unpaired) markAsymmetric(d.fact);
    for (const rest of sides.slice(2)) for (const d of rest) markAsymmetric(d.fact);
  }
  // A one-way term beside a mutual one of the same kind ("each party indemnifies for its negligence" and "the
  // Supplier also indemnifies for IP claims"): both sides have one, on different terms. Still flagged, as such.
  for (const d of detected) {
    const f = d.fact;
    if (f.mutual === false && mutualTopics.has(f.topic) && aboutParty(f) && !f.values.mirrored && !f.values.asymmetric) markAsymmetric(f);
  }
  return detected.map((d) => d.fact);
}

function nearest(candidates: readonly Detected[], d: Detected): number {
  const at = d.fact.span?.start ?? 0;
  let best = 0;
  let gap = Infinity;
  candidates.forEach((c, i) => {
    const g = Math.abs((c.fact.span?.start ?? 0) - at);
    if (g < gap) [best, gap] = [i, g];
  });
  return best;
}

function markMirrored(f: Fact): void {
  f.values = { ...f.values, mirrored: true };
  f.mutual = true;
}

function markAsymmetric(f: Fact): void {
  f.values = { ...f.values, asymmetric: true };
}
