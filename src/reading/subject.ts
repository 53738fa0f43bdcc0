/**
 * Which of the parties a sentence names acts in it: the subject of a trigger, not its object, an agent of a
 * participle or a party named in a clause that hangs off another.
 */
import { ownerBefore } from "./ceilings-for-each-side.js";
import type { Mention } from "./mentions.js";

/**
 * "X determines, in its sole discretion", "X's board should decide …", "X, in its sole discretion, …": the party whose
 * judgment the trigger names.
 */
export function judges(sentence: string, m: Mention, triggerAt: number): boolean {
  // "If Ehave, in its absolute discretion, forms the view …": the party the discretion is given to, right before it.
  if (/^\s*,?\s*(?:in|at)\s+(?:its|their)\s+(?:own\s+)?$/i.test(sentence.slice(m.end, triggerAt))) return true;
  return /^(?:['’]s\s+(?:[\w-]+\s+){0,4}?)?\s*(?:(?:should|shall|will|may|does)\s+)?(?:determines?|decides?|deems?|elects?|considers?|believes?)\b[^.;]{0,40}$/i.test(
    sentence.slice(m.end, triggerAt),
  );
}

/** Words that make a party the one receiving ("property of", "vests in", "notice to"); "liability of X" is X's own. */
export const RECIPIENT =
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
export const RECOVERABLE_FROM_BEFORE = new RegExp(String.raw`\brecoverable\s+${FROM_WHOM_RECOVERED}$`, "i");

/** "No liability shall attach to Isvik AB for indirect loss": the party liability does not reach is the one protected. */
export const LIABILITY_ATTACHES_TO_BEFORE = /\bliability\s+(?:shall|will|does|is\s+to)\s+(?:\w+\s+)?(?:attach|accrue)\s+to\s+(?:the\s+)?$/i;

/** "No claim shall lie against the Mason for indirect loss": the party no claim may reach is the one protected. */
export const NO_CLAIM_AGAINST_BEFORE =
  /\bno\s+(?:claims?|actions?|proceedings?|suits?)\s+(?:shall|will|may)\s+(?:lie|be\s+(?:made|brought)(?:\s+by\s+[^.;,]{1,40}?)?)\s+against\s+(?:the\s+)?$/i;

const PAYER_OR_CLAIMANT =
  /\b(?:(?:claims?|amounts?|fees|sums?|paid|payable|owed|brought|asserted|recoverable|invoiced|billed|received|earned|claimed|charged|demanded|levied)|recoverable\s+from\s+(?:the\s+)?[^.;,]{1,40}?)\s+by\s+(?:either\s+)?(?:the\s+)?$/i;

export function subjectOf(sentence: string, all: readonly Mention[], triggerAt: number, triggerEnd: number): Mention | undefined {
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

export function isObject(sentence: string, m: Mention): boolean {
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
