/**
 * Parties found, measured against CUAD's own "Parties" answers: the names the lawyers marked in each contract, with
 * the terms in quotes after them ('Hanover Direct, Inc. ("HDI"); The Deerskin Companies, Inc. ("Company")'). The
 * reading gold set has roles for fewer contracts; this covers every contract of both parts, so a family of missed
 * parties in the sealed part shows in a figure even though its misses are never listed.
 */
import type { Party } from "../../dist/model/party.js";

export interface CuadParty {
  /** The name as marked, without its bracketed terms ("Hanover Direct, Inc."), or "" when only a term was marked. */
  name: string;
  /** The terms given in brackets ("HDI"), generic ones ("Party", "we") left out. */
  terms: string[];
}

export interface PartyCounts {
  parties: number;
  found: number;
}

/** Terms any party may be called, which name nobody in particular. */
const GENERIC =
  /^(?:the\s+)?(?:part(?:y|ies)|each|both|we|us|our|you|your|member|joint\s+venturers?|collectively|individually|signatory|signatories)$/i;

const norm = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();

/** Splits the lawyers' answer at semicolons outside brackets, one party per piece. */
export function parseCuadParties(answer: string): CuadParty[] {
  const pieces: string[] = [];
  let depth = 0;
  let current = "";
  for (const ch of answer) {
    if (ch === "(") depth++;
    else if (ch === ")") depth = Math.max(0, depth - 1);
    if (ch === ";" && depth === 0) {
      pieces.push(current);
      current = "";
    } else current += ch;
  }
  pieces.push(current);
  const out: CuadParty[] = [];
  for (const piece of pieces) {
    const name = (piece.split("(")[0] ?? "").trim().replace(/[,\s]+$/, "");
    const quoted = [...piece.matchAll(/["“”]([^"“”]{1,60})["“”]/g)].map((m) => m[1]!.trim().replace(/[.,;:]+$/, ""));
    // ("Geno Auriemma (Auriemma)": a term in brackets without quotes.)
    // ("Stryker and Conformis (Party.)", "(Party, together they are the …)": a bracket that runs on is no term.)
    const bare = [...piece.matchAll(/\(([A-Z][\w.&' -]{0,40}?)[.\s]*\)/g)]
      .map((m) => m[1]!.trim())
      .filter((t) => !/["“”,]/.test(t) && t.split(/\s+/).length <= 4);
    const terms = [...new Set([...quoted, ...bare])].filter((t) => !GENERIC.test(t) && /[a-z]/i.test(t));
    // Sentences about the parties as a whole ("Each of the foregoing parties is referred to as a Party"), redacted
    // names ("[ * * * ]") and lines with nothing but generic terms are not parties.
    const named = /[a-z]{2}/i.test(name) && !/^(?:each|individually|collectively|together|the\s+parties|and\s)/i.test(name) ? name : "";
    if (!named && terms.length === 0) continue;
    // ("Gingko and BLI ("Party", collectively as the "Parties")": the two parties again, named together.)
    if (terms.length === 0 && piece.includes("(") && /\sand\s/.test(named)) continue;
    out.push({ name: named, terms });
  }
  return out;
}

/** Whether trustlint found the party: by one of its terms, by the same name, or by a name that contains the other. */
export function foundParty(gold: CuadParty, parties: readonly Party[]): boolean {
  const terms = new Set(gold.terms.map(norm));
  const name = norm(gold.name);
  return parties.some((p) => {
    const known = [p.alias, ...(p.otherTerms ?? []), p.group].filter((t): t is string => !!t).map(norm);
    if (known.some((t) => terms.has(t))) return true;
    const own = norm(p.name);
    if (terms.has(own)) return true;
    if (name.length === 0 || own.length === 0) return false;
    return own === name || (name.length > 3 && own.length > 3 && (own.includes(name) || name.includes(own)));
  });
}

/** Counts (and, when asked, lists) the lawyers' parties trustlint did not find in one contract. */
export function scoreCuadParties(answer: string, parties: readonly Party[]): { counts: PartyCounts; missed: CuadParty[] } {
  const gold = parseCuadParties(answer);
  const missed = gold.filter((g) => !foundParty(g, parties));
  return { counts: { parties: gold.length, found: gold.length - missed.length }, missed };
}
