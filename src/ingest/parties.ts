import type { DefinedTerm } from "../model/document.js";
import type { Party, Role } from "../model/party.js";

/**
 * Finds the parties in the preamble (`Acme Ltd ("Customer")`, `(the "Service Provider")`) and resolves each
 * one's role from the words used for it. "Company" and bare names stay `unknown`: guessing a role would make
 * every direction judgement downstream wrong.
 */

const BUYER_WORDS = ["customer", "client", "buyer", "purchaser", "authority", "contracting authority", "employer", "recipient", "service recipient", "principal", "user"];
const SUPPLIER_WORDS = [
  "supplier", "provider", "service provider", "services provider", "vendor", "contractor", "consultant", "seller",
  "manufacturer", "outsourcer", "subcontractor", "developer", "servicer", "operator",
];

export function roleOfTerm(term: string): Role {
  const t = term.toLowerCase().replace(/^the\s+/, "").replace(/[^a-z ]/g, " ").replace(/\s+/g, " ").trim();
  if (!t) return "unknown";
  if (BUYER_WORDS.includes(t)) return "buyer";
  if (SUPPLIER_WORDS.includes(t)) return "supplier";
  const last = t.split(" ").pop()!;
  if (BUYER_WORDS.includes(last)) return "buyer";
  if (SUPPLIER_WORDS.includes(last)) return "supplier";
  return "unknown";
}

const ALIAS = /\((?:\s*(?:the|each|hereinafter|hereafter|herein|referred\s+to|as|individually|collectively|and|or|together|with|its|affiliates|a|an)\b[\s,]*)*["']([^"'\n]{1,40})["'][^)]{0,80}\)/g;
const NAME_BOUNDARY = /(?:\bbetween\b|\bby\s+and\s+between\b|\bby\b|\bamong\b|\band\b|\bwith\b|[;:\n]|,\s*and\b|\(\d\))/gi;

/** Words that show up as defined terms in preambles but are not parties. */
const NOT_PARTY = /^(?:agreement|effective\s+date|the\s+agreement|this\s+agreement|contract|services|products?|territory|term|parties|party|documentation|affiliates?|commencement\s+date|execution\s+date|schedule|exhibit|software|license|property|confidential\s+information|work|deliverables|\w+\s+date)$/i;

export function findParties(text: string, preambleEnd: number): Party[] {
  const region = text.slice(0, Math.min(preambleEnd, 6000));
  const parties: Party[] = [];
  const seen = new Set<string>();
  let previousEnd = 0;
  for (const m of region.matchAll(ALIAS)) {
    const alias = m[1]!.trim();
    // The name of this party lies between the previous alias and this one, never further back.
    const before = region.slice(Math.max(previousEnd, m.index! - 300), m.index!);
    previousEnd = m.index! + m[0].length;
    if (NOT_PARTY.test(alias) || seen.has(alias.toLowerCase())) continue;
    const name = nameBefore(before);
    if (!name) continue;
    let role = roleOfTerm(alias);
    if (role === "unknown") role = roleFromContext(before.slice(-200) + m[0]);
    seen.add(alias.toLowerCase());
    parties.push({ name, role, alias, span: { start: m.index!, end: m.index! + m[0].length } });
  }
  if (parties.length === 0) return partiesFromTerms(text);
  return parties;
}

/**
 * The party name just before its alias: the text after a boundary word ("between", "and", ";"), with any
 * description cut off ("Acme Ltd, a company incorporated in England, having its office at …" → "Acme Ltd").
 * Descriptions contain boundary words too ("registered in England with number 0123"), so the boundaries are
 * tried from the nearest back, and the first that leaves something shaped like a name wins.
 */
function nameBefore(before: string): string | null {
  const cuts = [...before.matchAll(NAME_BOUNDARY)].map((b) => b.index! + b[0].length);
  if (cuts.length === 0) cuts.push(0);
  for (let i = cuts.length - 1; i >= 0; i--) {
    const name = cleanName(before.slice(cuts[i]));
    if (name) return name;
  }
  return null;
}

function cleanName(text: string): string | null {
  let name = text.trim();
  name = name.split(/,\s*(?:a|an|the|having|with|whose|located|organi[sz]ed|incorporated|registered|acting)\b/i)[0]!;
  name = name.replace(/,\s*$/, "").replace(/^["']|["']$/g, "").trim();
  // A party name starts with a capital or digit and is not itself a sentence.
  if (!name || name.length > 120 || !/^[A-Z0-9]/.test(name) || name.split(/\s+/).length > 12) return null;
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
    const re = new RegExp(`\\b${term}\\b`, "g");
    const n = sample.match(re)?.length ?? 0;
    if (n >= 2) counts.set(term, n);
  }
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const best: Partial<Record<"buyer" | "supplier", string>> = {};
  for (const [term] of ranked) {
    const role = roleOfTerm(term) as "buyer" | "supplier";
    // "Service Provider" and "Provider" would both count; keep the most used term per role.
    if (!best[role]) best[role] = term;
  }
  return (["buyer", "supplier"] as const).flatMap((role) => (best[role] ? [{ name: best[role]!, role, alias: best[role]! }] : []));
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
    if (hit) hit.role = role;
    else result.push({ name: key, role, alias: key });
  }
  return result;
}
