import type { Fact } from "../../dist/model/fact.js";
import { KIND, type GoldFile } from "./reading.js";

/**
 * Clauses read on their own: each gold clause's lines are given to trustlint alone, with no preamble, as a negotiator
 * pastes a clause or a reviewer rates a single clause. What counts is what the clause itself says: whether it binds
 * one side or both, and which party it is about, named as the clause names it ("Company", "Licensor"). Whether the
 * other side returns the term elsewhere cannot be known from the clause and is not scored.
 */
export interface LoneCounts {
  clauses: number;
  /** A fact of the clause's kind was read from the lines. */
  found: number;
  /** One-sided told from mutual: the gold says "both" exactly when the fact names both. */
  sidesRight: number;
  /** The party the clause is about: both, or the party the clause names. */
  partyRight: number;
  /** Facts of the right kind that name nobody (the tool could not tell). */
  nobody: number;
}

export const EMPTY_LONE: LoneCounts = { clauses: 0, found: 0, sidesRight: 0, partyRight: 0, nobody: 0 };

export function addLone(a: LoneCounts, b: LoneCounts): LoneCounts {
  return {
    clauses: a.clauses + b.clauses,
    found: a.found + b.found,
    sidesRight: a.sidesRight + b.sidesRight,
    partyRight: a.partyRight + b.partyRight,
    nobody: a.nobody + b.nobody,
  };
}

const norm = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();

/**
 * @param lines the contract's lines (the text file split on newlines).
 * @param read reads one clause's text on its own and returns its facts.
 */
export function scoreLoneClauses(
  gold: GoldFile,
  lines: readonly string[],
  read: (text: string) => readonly Fact[],
): { counts: LoneCounts; misses: string[] } {
  let counts = EMPTY_LONE;
  const misses: string[] = [];
  for (const c of gold.clauses ?? []) {
    const { topic, about } = KIND[c.kind];
    const text = lines.slice(c.line - 1, c.end_line ?? c.line).join("\n");
    const facts = read(`${text}\n`).filter((f) => f.topic === topic);
    const one: LoneCounts = { ...EMPTY_LONE, clauses: 1 };
    const both = c.party.toLowerCase() === "both";
    // The gold names a party by its term or its name; the clause may use either.
    const entry = gold.parties.find((p) => norm(p.term ?? "") === norm(c.party) || norm(p.name) === norm(c.party));
    const names = new Set([c.party, entry?.term ?? "", entry?.name ?? ""].filter(Boolean).map(norm));
    const right = (f: Fact) => {
      const got = f[about] ?? null;
      return both ? got === "both" : got !== null && got !== "both" && names.has(norm(got));
    };
    const sides = (f: Fact) => (f[about] ?? null) !== null && (f[about] === "both") === both;
    const fact = facts.find(right) ?? facts.find(sides) ?? facts[0];
    if (fact) {
      one.found = 1;
      if (sides(fact)) one.sidesRight = 1;
      if (right(fact)) one.partyRight = 1;
      if ((fact[about] ?? null) === null) one.nobody = 1;
    }
    if (!fact || !right(fact))
      misses.push(`${c.kind} line ${c.line}: gold ${c.party}, read ${fact ? (fact[about] ?? "nobody") : "no such clause"}`);
    counts = addLone(counts, one);
  }
  return { counts, misses };
}

/** A clause written on its own with its answer (tools/gold/single): no contract around it at all. */
export interface SingleClause {
  kind: keyof typeof KIND;
  party: string;
  text: string;
}

/**
 * Clauses that never had a contract around them, each with the party it is about as the clause names it (case
 * does not matter). The same counts as `scoreLoneClauses`.
 */
export function scoreSingleClauses(
  clauses: readonly SingleClause[],
  read: (text: string) => readonly Fact[],
): { counts: LoneCounts; misses: string[] } {
  let counts = EMPTY_LONE;
  const misses: string[] = [];
  clauses.forEach((c, i) => {
    const { topic, about } = KIND[c.kind];
    const facts = read(`${c.text.trim()}\n`).filter((f) => f.topic === topic);
    const both = c.party.toLowerCase() === "both";
    // "the Bank" and "Bank" are one party. So are a name and its short form when the clause uses both ("Pinnacle Crowd
    // Management Pty Ltd's liability … and Pinnacle's liability"), as the contract scorer accepts a party's name or term.
    const bare = (x: string) => norm(x).replace(/^the /, "");
    const sameParty = (got: string) => {
      const [a, b] = [bare(got), bare(c.party)];
      const [short, long] = a.length <= b.length ? [a, b] : [b, a];
      return a === b || (short !== "" && long.startsWith(`${short} `) && norm(c.text).includes(long));
    };
    const right = (f: Fact) => {
      const got = f[about] ?? null;
      return both ? got === "both" : got !== null && got !== "both" && sameParty(got);
    };
    const sides = (f: Fact) => (f[about] ?? null) !== null && (f[about] === "both") === both;
    const fact = facts.find(right) ?? facts.find(sides) ?? facts[0];
    const one: LoneCounts = { ...EMPTY_LONE, clauses: 1 };
    if (fact) {
      one.found = 1;
      if (sides(fact)) one.sidesRight = 1;
      if (right(fact)) one.partyRight = 1;
      if ((fact[about] ?? null) === null) one.nobody = 1;
    }
    if (!fact || !right(fact)) misses.push(`#${i} ${c.kind}: gold ${c.party}, read ${fact ? (fact[about] ?? "nobody") : "no such clause"}`);
    counts = addLone(counts, one);
  });
  return { counts, misses };
}

export function renderLone(rows: readonly [string, LoneCounts][]): string {
  const ratio = (n: number, d: number) => (d === 0 ? "-" : `${(n / d).toFixed(3)} (${n}/${d})`);
  return [
    `| part    | clauses | found | one-sided or mutual | party it is about | named nobody |`,
    `|---------|----:|------|------|------|----:|`,
    ...rows.map(
      ([name, c]) =>
        `| ${name.padEnd(7)} | ${String(c.clauses).padStart(3)} | ${ratio(c.found, c.clauses)} | ${ratio(c.sidesRight, c.clauses)} | ${ratio(c.partyRight, c.clauses)} | ${c.nobody} |`,
    ),
  ].join("\n");
}
