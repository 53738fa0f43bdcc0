/** Who a detected term is about: its sentence read through src/reading, then the heading and list around it. */
import { directionOf, pronounForTheOther } from "../reading/direction.js";
import { ITEM_START } from "../reading/clause-context.js";
import type { PartyLexicon } from "../reading/lexicon.js";
import { opensList } from "../reading/subject.js";
import { sameTerms, termsOf } from "../reading/terms.js";
import type { Side } from "../model/party.js";
import type { CompiledTopic } from "./compile.js";
import { allMatches, anyMatch, firstMatch } from "./patterns.js";

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
export interface ReadUnit {
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
 * The readings of one unit where a topic's trigger was found: who each term is about, from the sentence itself, then
 * from what stands around it when the sentence does not say (the heading for "it shall", the sentence that opens a
 * list for its items, the other party for a pronoun acting towards the one named), then a topic's membership words.
 */
export function directionsInUnit(
  topic: CompiledTopic,
  text: string,
  hit: { index: number; text: string },
  lexicon: PartyLexicon,
  around: { leadIn: string | null; heading: string | null; clauseText: string },
): ReadUnit[] {
  const { leadIn, heading, clauseText } = around;
  return unitDirection(topic, text, hit, lexicon).map((read) => {
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
    return { ...read, direction };
  });
}
