import { checkBudget, type Budget } from "./budget.js";
import { createHash } from "node:crypto";
import type { Fact, FactValue } from "../model/fact.js";
import type { Finding } from "../model/finding.js";
import type { Party, Side } from "../model/party.js";
import type { FactCondition } from "./rule-schema.js";
import type { LoadedRule } from "./load-rules.js";

/**
 * Principle rules read facts and nothing else, so a contract and a deal summary are judged by the same rules.
 * Pure: the same facts give the same findings in the same order.
 */
export function evaluateRules(facts: readonly Fact[], rules: readonly LoadedRule[], parties: readonly Party[], budget?: Budget): Finding[] {
  const findings: Finding[] = [];
  const places = topicsByPlace(facts);
  for (const rule of rules) {
    // --timeout covers rule evaluation too: one check per rule keeps a runaway document from holding the batch.
    checkBudget(budget);
    const w = rule.when;
    if ("fact" in w) {
      if (w.unless.some((u) => facts.some((f) => factMatches(f, u)))) continue;
      if (w["only-if"].length && !w["only-if"].some((c) => facts.some((f) => factMatches(f, c)))) continue;
      const seen = new Set<string>();
      for (const fact of facts) {
        if (!factMatches(fact, w.fact)) continue;
        if (w["unless-same-place"].length && w["unless-same-place"].some((t) => t !== fact.topic && places.get(placeKey(fact))?.has(t)))
          continue;
        if (w["returned-by"].length && returnedBy(fact, facts, w["returned-by"])) continue;
        if (w["unless-favoured-lacks"].length && favouredLacks(fact, facts, w["unless-favoured-lacks"])) continue;
        const key = `${fact.location.clause ?? fact.location.line}:${fact.burdened}:${fact.burdenedParty}`;
        if (seen.has(key)) continue;
        seen.add(key);
        findings.push(makeFinding(rule, fact, parties));
      }
    } else {
      const present = facts.some((f) => w.absent.includes(f.topic));
      if (present) continue;
      if (w["only-if"].length && !w["only-if"].some((c) => facts.some((f) => factMatches(f, c)))) continue;
      findings.push(makeGap(rule));
    }
  }
  return sortFindings(findings);
}

/** Whether the party a one-way fact favours carries a term of one of `topics` in return (or both sides do). */
function returnedBy(fact: Fact, facts: readonly Fact[], topics: readonly string[]): boolean {
  const other = fact.beneficiaryParty && fact.beneficiaryParty !== "both" ? fact.beneficiaryParty : null;
  const otherSide = fact.beneficiary === "buyer" || fact.beneficiary === "supplier" ? fact.beneficiary : null;
  return facts.some(
    (f) =>
      f !== fact &&
      topics.includes(f.topic) &&
      (f.mutual === true || (other !== null && f.burdenedParty === other) || (otherSide !== null && f.burdened === otherSide)),
  );
}

/**
 * Whether the party a one-way fact favours stands worse than the one it burdens on `topics`: the burdened party has a
 * term of one of them in its own favour and the favoured party has none (and no mutual one exists).
 */
function favouredLacks(fact: Fact, facts: readonly Fact[], topics: readonly string[]): boolean {
  const holds = (party: string | null, side: string | null) =>
    facts.some(
      (f) =>
        f !== fact &&
        topics.includes(f.topic) &&
        (f.mutual === true || (party !== null && f.beneficiaryParty === party) || (side !== null && f.beneficiary === side)),
    );
  const named = (p: string | null | undefined) => (p && p !== "both" ? p : null);
  const sided = (s: string | null | undefined) => (s === "buyer" || s === "supplier" ? s : null);
  const [burdened, favoured] = [named(fact.burdenedParty), named(fact.beneficiaryParty)];
  const [burdenedSide, favouredSide] = [sided(fact.burdened), sided(fact.beneficiary)];
  if (burdened === null && burdenedSide === null) return false;
  return holds(burdened, burdenedSide) && !holds(favoured, favouredSide);
}

/** Read from the same sentence: same clause and the same excerpt, or the same YAML path. */
function placeKey(f: Fact): string {
  return f.location.path !== undefined ? `path\u0000${f.location.path}` : `clause\u0000${f.location.clause}\u0000${f.excerpt}`;
}

/** The topics found at each place, built once so the same-place check is a lookup, not a scan of every fact. */
function topicsByPlace(facts: readonly Fact[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const f of facts) {
    const k = placeKey(f);
    const set = out.get(k) ?? new Set<string>();
    set.add(f.topic);
    out.set(k, set);
  }
  return out;
}

export function factMatches(fact: Fact, c: FactCondition): boolean {
  if (fact.topic !== c.topic) return false;
  if (c.mutual !== undefined && fact.mutual !== c.mutual) return false;
  if (c.burdened && !sideMatches(fact.burdened, fact.burdenedParty, c.burdened)) return false;
  if (c.beneficiary && !sideMatches(fact.beneficiary, fact.beneficiaryParty, c.beneficiary)) return false;
  if (c.value) {
    const v = fact.values[c.value.name];
    const want = c.value.value;
    switch (c.value.op) {
      case "present":
        return v !== undefined;
      case "absent":
        return v === undefined;
      case "eq":
        return v === want;
      case "ne":
        return v !== want;
      default: {
        if (typeof v !== "number" || typeof want !== "number") return false;
        if (c.value.op === "lt") return v < want;
        if (c.value.op === "le") return v <= want;
        if (c.value.op === "gt") return v > want;
        return v >= want;
      }
    }
  }
  return true;
}

/**
 * "one-side" holds for a fact about one named party even when its role is unknown: a one-sided term is reported
 * against the party it names rather than dropped for want of a role.
 */
function sideMatches(
  side: Side,
  party: string | null | undefined,
  filter: "buyer" | "supplier" | "both" | "one-side" | "unknown",
): boolean {
  if (filter === "one-side") return side === "buyer" || side === "supplier" || (!!party && party !== "both");
  if (filter === "unknown") return side === null;
  return side === filter;
}

function partyName(parties: readonly Party[], side: Side, party?: string | null): string {
  if (party && party !== "both") return party;
  if (side === "buyer" || side === "supplier") {
    const p = parties.find((x) => x.role === side);
    if (p) return p.alias ?? p.name;
    // A deal summary has sides and no named parties. A contract whose parties hold no such role (an issuer and its
    // agents) has no "buyer" to name: "the other side" is true of it, whoever that is.
    if (parties.length === 0) return side === "buyer" ? "the buyer" : "the supplier";
    return "the other side";
  }
  return side === "both" ? "both parties" : "one party";
}

/**
 * Fills a message or suggestion template: `{party}` (the burdened party), `{beneficiary}` and `{value:<name>}` (a
 * value the detector read from the clause; `{value:<name>|<fallback>}` gives the words to use without it). With
 * no fact, or no such value, a neutral phrase stands in ("one party", the fallback, else "the cadence months"),
 * so a template never shows its braces.
 */
export function render(template: string, fact: Fact | null, parties: readonly Party[]): string {
  return template
    .replace(/\{party\}/g, () => partyName(parties, fact?.burdened ?? null, fact?.burdenedParty))
    .replace(/\{beneficiary\}/g, () => partyName(parties, fact?.beneficiary ?? null, fact?.beneficiaryParty))
    .replace(/\{value:([A-Za-z0-9_-]+)(?:\|([^{}]*))?\}/g, (_, name: string, fallback: string | undefined) =>
      valueText(fact?.values[name], name, fallback),
    );
}

function valueText(value: FactValue | undefined, name: string, fallback: string | undefined): string {
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  if (typeof value === "string" && value.trim()) return value.trim();
  if (typeof value === "boolean") return value ? "yes" : "no";
  return fallback ?? `the ${name.replace(/[-_]+/g, " ")}`;
}

/** The fields every finding takes from its rule. */
function fromRule(rule: LoadedRule): Pick<Finding, "ruleId" | "kind" | "principle" | "severity" | "title" | "suggestion"> {
  return {
    ruleId: rule.id,
    kind: rule.kind,
    principle: rule.principle,
    severity: rule.severity,
    title: rule.title,
    suggestion: rule.suggestion,
  };
}

function makeFinding(rule: LoadedRule, fact: Fact, parties: readonly Party[]): Finding {
  return {
    ...fromRule(rule),
    message: render(rule.message, fact, parties),
    suggestion: render(rule.suggestion, fact, parties),
    location: fact.location,
    excerpt: fact.excerpt,
    matched: fact.matched,
    topic: fact.topic,
    burdened: fact.burdened,
    beneficiary: fact.beneficiary,
    burdenedParty: fact.burdenedParty ?? null,
    beneficiaryParty: fact.beneficiaryParty ?? null,
    fingerprint: fingerprint(rule.id, fact.burdened, fact.beneficiary, fact.excerpt),
  };
}

/** A gap belongs to the whole document: it points at its first line and has no excerpt. */
function makeGap(rule: LoadedRule): Finding {
  return {
    ...fromRule(rule),
    message: render(rule.message, null, []),
    suggestion: render(rule.suggestion, null, []),
    location: { line: 1, column: 1, clause: null },
    excerpt: "",
    matched: "",
    topic: "absent" in rule.when ? rule.when.absent[0]! : "",
    burdened: null,
    beneficiary: null,
    fingerprint: fingerprint(rule.id, null, null, "document"),
  };
}

/**
 * Built from the rule, the party roles and the clause text with numbers and spacing removed, so renumbering
 * clauses or reflowing lines does not change it.
 */
export function fingerprint(ruleId: string, burdened: Side, beneficiary: Side, excerpt: string): string {
  const text = excerpt
    .toLowerCase()
    .replace(/…/g, "")
    .replace(/\b\d+(?:\.\d+)*\b|\([a-z0-9]{1,4}\)/g, "")
    .replace(/[^a-z]+/g, " ")
    .trim();
  return createHash("sha256").update(`${ruleId}\u0000${burdened}\u0000${beneficiary}\u0000${text}`).digest("hex").slice(0, 20);
}

const KIND_ORDER = { flag: 0, gap: 1, strength: 2 } as const;

export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort(
    (a, b) =>
      a.location.line - b.location.line ||
      a.location.column - b.location.column ||
      KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
      a.ruleId.localeCompare(b.ruleId),
  );
}
