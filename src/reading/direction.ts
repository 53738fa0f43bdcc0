/** Who is bound and who benefits by the term a trigger states, read from its sentence. */
import type { Role, Side } from "../model/party.js";
import { otherSide } from "../model/party.js";
import { ceilingsForEachSide } from "./ceilings-for-each-side.js";
import type { PartyLexicon } from "./lexicon.js";
import { mentions, type Mention } from "./mentions.js";
import {
  isObject,
  judges,
  LIABILITY_ATTACHES_TO_BEFORE,
  NO_CLAIM_AGAINST_BEFORE,
  RECIPIENT,
  RECOVERABLE_FROM_BEFORE,
  subjectOf,
} from "./subject.js";

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

/** What follows a party named to an exclusive place: "… its sole and exclusive", "… is hereby appointed as X's exclusive". */
const EXCLUSIVE_PLACE_AFTER =
  /^\s*(?:(?:is|are|shall\s+be|will\s+be)\s+(?:hereby\s+)?(?:appointed|named|designated|engaged|made)\s+)?(?:as\s+)?(?:its|their|(?:the\s+)?[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,2}['’]s?)\s+(?:sole\s+and\s+exclusive|exclusive|sole|only)\s+(?:[\w-]+\s+){0,2}?(?:distributors?|resellers?|dealers?|agents?|licensees?|suppliers?|providers?|vendors?|representatives?|partners?|sponsors?|manufacturers?)\b/;

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
  if (
    subject.mutual ||
    joinedWithOtherSide(sentence, all, subject, lexicon) ||
    agentsOnBothSides(sentence, all, subject) ||
    eachPartysObligation(sentence, all, subject, triggerEnd, lexicon)
  ) {
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
    (subjectIs === "burdened" &&
      /^\s*(?:(?:shall|will|may)\s+)?(?:(?:retain|have|hold)\s+and\s+)?(?:(?:have|has|hold|holds|retain|retains|receive|receives|enjoy|enjoys|obtain|obtains)|(?:be|is|are)\s+(?:granted|given|appointed(?:\s+as)?)|(?:is|be|are)(?=\s+(?:the|its|an?)\s+(?:sole|exclusive|only)\b))\s+(?:the\s+|its\s+|an?\s+)?(?:sole\s+and\s+exclusive|sole|exclusive|only)\b/i.test(
        sentence.slice(subject.end, subject.end + 80),
      )) ||
    // "The Maker names the Distributor its sole and exclusive reseller", "the Distributor is hereby appointed as the
    // Maker's exclusive reseller": the party named to the exclusive place holds it.
    (subjectIs === "burdened" &&
      subject.end <= triggerAt &&
      // (Not when the party is read as the object of a verb such as "appoints": that reading already gives it the place.)
      !isObject(sentence, subject) &&
      EXCLUSIVE_PLACE_AFTER.test(sentence.slice(subject.end, subject.end + 80)))
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

/** "X's indemnity obligations", "X's liability": a possessive that names what the party owes. */
const OWES_AFTER_POSSESSIVE =
  /^['’]s?\s+(?:[\w-]+\s+){0,2}?(?:obligations?|liabilit(?:y|ies)|indemnit(?:y|ies)|breach(?:es)?|payments?)\b/i;

/**
 * "The limits in Section 9.1 shall not apply (a) to Alder's indemnity obligations or (b) to Birch's payment obligations":
 * a term said, after its trigger, of what each party owes covers both parties.
 */
function eachPartysObligation(
  sentence: string,
  all: readonly Mention[],
  subject: Mention,
  triggerEnd: number,
  lexicon: PartyLexicon,
): boolean {
  if (subject.name === null || subject.index < triggerEnd || !OWES_AFTER_POSSESSIVE.test(sentence.slice(subject.end, subject.end + 50)))
    return false;
  const side = (n: string) => lexicon.sideOf.get(n) ?? n;
  return all.some(
    (m) =>
      !m.mutual &&
      m.name !== null &&
      m.index > subject.end &&
      side(m.name) !== side(subject.name!) &&
      /\b(?:or|and)\b/i.test(sentence.slice(subject.end, m.index)) &&
      !/;|\.\s/.test(sentence.slice(subject.end, m.index)) &&
      OWES_AFTER_POSSESSIVE.test(sentence.slice(m.end, m.end + 50)),
  );
}
