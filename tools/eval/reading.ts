import { z } from "zod";
import type { Fact } from "../../dist/model/fact.js";
import type { Party, Role } from "../../dist/model/party.js";
import { partyKey } from "../../dist/model/party.js";

/**
 * The reading gold set (tools/gold/reading, see its GUIDE.md): parties with roles, and every operative
 * indemnity, liability cap, indirect-damages waiver and termination-for-convenience clause with the party it is
 * about and whether the other side has one too. Annotated by a reader who does not write the rules.
 */
const goldClause = z.looseObject({
  kind: z.enum(["indemnity", "liability-cap", "indirect-damages-waiver", "termination-for-convenience"]),
  line: z.number().int().positive(),
  end_line: z.number().int().positive().nullish(),
  number: z.union([z.string(), z.number()]).nullish(),
  party: z.string(),
  reciprocated: z.boolean(),
  asymmetric: z.boolean().nullish(),
});
export const goldFile = z.looseObject({
  file: z.string(),
  parties: z.array(z.looseObject({ name: z.string(), term: z.string().nullish(), role: z.enum(["buyer", "supplier", "other"]) })),
  clauses: z.array(goldClause).nullish(),
});
export type GoldFile = z.infer<typeof goldFile>;
export type GoldClause = z.infer<typeof goldClause>;

/** Gold kind → the topic that should report it, and which party field of the fact names "the party it is about". */
export const KIND: Record<GoldClause["kind"], { topic: string; about: "burdenedParty" | "beneficiaryParty" }> = {
  indemnity: { topic: "indemnity", about: "burdenedParty" },
  "liability-cap": { topic: "liability-cap", about: "beneficiaryParty" },
  "indirect-damages-waiver": { topic: "consequential-damages-waiver", about: "beneficiaryParty" },
  "termination-for-convenience": { topic: "termination-for-convenience", about: "beneficiaryParty" },
};

export interface ReadingCounts {
  parties: number;
  rolesRight: number;
  /** Role misses by cause: the party was not found, was found with no role, or with the other role. */
  rolesNotFound: number;
  rolesUnknown: number;
  clauses: number;
  found: number;
  directionRight: number;
  /** Direction misses by cause: the fact names nobody; it says both for a one-sided clause; one party for a clause
   * that binds both (the rest name the other party). */
  directionNobody: number;
  directionBothForOne: number;
  directionOneForBoth: number;
  reciprocityRight: number;
  /** Clauses not found, by kind. */
  missedIndemnity: number;
  missedCap: number;
  missedWaiver: number;
  missedTermination: number;
}

export interface ReadingMiss {
  kind: "role" | "missed" | "direction" | "reciprocity";
  detail: string;
}

const norm = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();

/** The trustlint party a gold party stands for: same defined term, else one of its other terms, else the same name, else a name that contains it. */
function matchParty(gold: { name: string; term?: string | null }, parties: readonly Party[]): Party | undefined {
  const term = norm(gold.term ?? gold.name);
  const name = norm(gold.name);
  return (
    parties.find((p) => p.alias && norm(p.alias) === term) ??
    // A further term the tool knows the party by: "You" for the User of terms of service.
    parties.find((p) => p.otherTerms?.some((t) => norm(t) === term)) ??
    parties.find((p) => norm(p.name) === name) ??
    parties.find(
      (p) =>
        name.length > 3 && (norm(p.name).includes(name) || name.includes(norm(p.name)) || (p.alias !== null && norm(p.alias) === name)),
    )
  );
}

const expectedRole = (r: "buyer" | "supplier" | "other"): Role => (r === "other" ? "unknown" : r);

/** Scores one contract's reading against its gold annotation. */
export function scoreReading(
  gold: GoldFile,
  parties: readonly Party[],
  facts: readonly Fact[],
  clauseLines: readonly [number, number][] = [],
): { counts: ReadingCounts; misses: ReadingMiss[] } {
  const counts: ReadingCounts = { ...EMPTY_COUNTS };
  const misses: ReadingMiss[] = [];
  const goldToKey = new Map<string, string | null>();
  for (const g of gold.parties) {
    counts.parties++;
    const p = matchParty(g, parties);
    goldToKey.set(norm(g.term ?? g.name), p ? partyKey(p) : null);
    if (p && p.role === expectedRole(g.role)) counts.rolesRight++;
    else if (!p) counts.rolesNotFound++;
    else if (p.role === "unknown") counts.rolesUnknown++;
    if (!p || p.role !== expectedRole(g.role))
      misses.push({
        kind: "role",
        detail: `${g.term ?? g.name}: gold ${g.role}, read ${p ? `${p.role} (${partyKey(p)})` : "no such party"}`,
      });
  }
  for (const c of gold.clauses ?? []) {
    counts.clauses++;
    const { topic, about } = KIND[c.kind];
    const from = c.line - 1;
    const to = (c.end_line ?? c.line) + 1;
    // The gold line's clause: a fact anywhere in it reads that clause (one fact per clause and reading is kept).
    const clause = clauseLines.filter(([a, b]) => a <= c.line && c.line <= b).sort((x, y) => x[1] - x[0] - (y[1] - y[0]))[0];
    const inClause = (line: number) => clause !== undefined && line >= clause[0] && line <= clause[1];
    const near = facts.filter((f) => f.topic === topic && f.location.line >= from && f.location.line <= to);
    // Facts on the gold lines are judged first; the rest of the clause only when none is there.
    const candidates = near.length > 0 ? near : facts.filter((f) => f.topic === topic && inClause(f.location.line));
    if (candidates.length === 0) {
      misses.push({ kind: "missed", detail: `${c.kind} line ${c.line} (${c.number ?? "-"})` });
      counts[MISSED_FIELD[c.kind]]++;
      continue;
    }
    counts.found++;
    const want = c.party.toLowerCase() === "both" ? "both" : (goldToKey.get(norm(c.party)) ?? `?${c.party}`);
    // A gold party that is one of a group ("(collectively "Distributor")") is also named by the group's term, and
    // a gold clause about a whole group names the group's term, which no single party has.
    const group = parties.find((p) => partyKey(p) === want)?.group ?? null;
    const right = (f: Fact) => {
      const got = f[about] ?? null;
      return got === want || (got !== null && (got === group || `?${norm(got)}` === `?${norm(c.party)}`));
    };
    const fact = candidates.find(right) ?? candidates[0]!;
    if (right(fact)) counts.directionRight++;
    else if ((fact[about] ?? null) === null) counts.directionNobody++;
    else if (fact[about] === "both") counts.directionBothForOne++;
    else if (want === "both") counts.directionOneForBoth++;
    if (!right(fact))
      misses.push({ kind: "direction", detail: `${c.kind} line ${c.line}: gold ${c.party}, read ${fact[about] ?? "nobody"}` });
    const reciprocated = fact.mutual === true || fact.values.asymmetric === true;
    if (reciprocated === c.reciprocated) counts.reciprocityRight++;
    else
      misses.push({
        kind: "reciprocity",
        detail: `${c.kind} line ${c.line}: gold ${c.reciprocated ? "reciprocated" : "one-way"}, read ${fact.mutual === null ? "unknown" : reciprocated ? "reciprocated" : "one-way"}`,
      });
  }
  return { counts, misses };
}

const MISSED_FIELD: Record<GoldClause["kind"], "missedIndemnity" | "missedCap" | "missedWaiver" | "missedTermination"> = {
  indemnity: "missedIndemnity",
  "liability-cap": "missedCap",
  "indirect-damages-waiver": "missedWaiver",
  "termination-for-convenience": "missedTermination",
};

export function addCounts(a: ReadingCounts, b: ReadingCounts): ReadingCounts {
  const sum = { ...a };
  for (const k of Object.keys(EMPTY_COUNTS) as (keyof ReadingCounts)[]) sum[k] = a[k] + b[k];
  return sum;
}

export const EMPTY_COUNTS: ReadingCounts = {
  parties: 0,
  rolesRight: 0,
  rolesNotFound: 0,
  rolesUnknown: 0,
  clauses: 0,
  found: 0,
  directionRight: 0,
  directionNobody: 0,
  directionBothForOne: 0,
  directionOneForBoth: 0,
  reciprocityRight: 0,
  missedIndemnity: 0,
  missedCap: 0,
  missedWaiver: 0,
  missedTermination: 0,
};

export interface ReadingFigures {
  contracts: number;
  roles: number;
  clauseRecall: number;
  direction: number;
  reciprocity: number;
  counts: ReadingCounts;
}

export function figures(contracts: number, c: ReadingCounts): ReadingFigures {
  const ratio = (n: number, d: number) => (d === 0 ? 1 : n / d);
  return {
    contracts,
    roles: ratio(c.rolesRight, c.parties),
    clauseRecall: ratio(c.found, c.clauses),
    direction: ratio(c.directionRight, c.found),
    reciprocity: ratio(c.reciprocityRight, c.found),
    counts: c,
  };
}

/** The figures of each part, and of its contracts whose gold names a buyer and a supplier. */
export type ReadingParts = Record<"tuning" | "sealed" | "tuningTwoSided" | "sealedTwoSided", ReadingFigures>;

const LABEL: Record<keyof ReadingParts, string> = {
  tuning: "tuning",
  sealed: "sealed",
  tuningTwoSided: "buyer–supplier tuning",
  sealedTwoSided: "buyer–supplier sealed",
};

/** The written set's (or the standard forms') one row, with its misses by cause. */
export function renderWritten(f: ReadingFigures, label = "written"): string {
  const c = f.counts;
  return [
    `| set     | contracts | roles | clause recall | direction | reciprocity |`,
    `|---------|----:|------|------|------|------|`,
    `| ${label.padEnd(7)} | ${String(f.contracts).padStart(3)} | ${f.roles.toFixed(3)} (${c.rolesRight}/${c.parties}) | ${f.clauseRecall.toFixed(3)} (${c.found}/${c.clauses}) | ${f.direction.toFixed(3)} (${c.directionRight}/${c.found}) | ${f.reciprocity.toFixed(3)} (${c.reciprocityRight}/${c.found}) |`,
    `roles missed (not found / no role / other role): ${c.rolesNotFound} / ${c.rolesUnknown} / ${c.parties - c.rolesRight - c.rolesNotFound - c.rolesUnknown}; ` +
      `direction missed (nobody named / both for one-sided / one party for mutual / the other party): ${c.directionNobody} / ${c.directionBothForOne} / ${c.directionOneForBoth} / ${c.found - c.directionRight - c.directionNobody - c.directionBothForOne - c.directionOneForBoth}`,
  ].join("\n");
}

export function renderReading(parts: ReadingParts): string {
  const row = (name: string, f: ReadingFigures) =>
    `| ${name.padEnd(7)} | ${String(f.contracts).padStart(3)} | ${f.roles.toFixed(3)} (${f.counts.rolesRight}/${f.counts.parties}) | ${f.clauseRecall.toFixed(3)} (${f.counts.found}/${f.counts.clauses}) | ${f.direction.toFixed(3)} (${f.counts.directionRight}/${f.counts.found}) | ${f.reciprocity.toFixed(3)} (${f.counts.reciprocityRight}/${f.counts.found}) |`;
  return [
    `| part    | contracts | roles | clause recall | direction | reciprocity |`,
    `|---------|----:|------|------|------|------|`,
    row("tuning", parts.tuning),
    row("sealed", parts.sealed),
    "",
    "buyer–supplier deals only (the gold names a buyer and a supplier):",
    row("tuning", parts.tuningTwoSided),
    row("sealed", parts.sealedTwoSided),
    "",
    `roles missed, by cause (party not found / found without a role / found with the other role): ${(
      ["tuning", "sealed", "tuningTwoSided", "sealedTwoSided"] as const
    )
      .map((k) => {
        const c = parts[k].counts;
        return `${LABEL[k]} ${c.rolesNotFound} / ${c.rolesUnknown} / ${c.parties - c.rolesRight - c.rolesNotFound - c.rolesUnknown}`;
      })
      .join(", ")}`,
    `clauses missed, by kind (indemnity / cap / waiver / termination for convenience): ${(
      ["tuning", "sealed", "tuningTwoSided", "sealedTwoSided"] as const
    )
      .map((k) => {
        const c = parts[k].counts;
        return `${LABEL[k]} ${c.missedIndemnity} / ${c.missedCap} / ${c.missedWaiver} / ${c.missedTermination}`;
      })
      .join(", ")}`,
    `direction missed, by cause (nobody named / both for a one-sided clause / one party for a mutual clause / the other party): ${(
      ["tuning", "sealed", "tuningTwoSided", "sealedTwoSided"] as const
    )
      .map((k) => {
        const c = parts[k].counts;
        const other = c.found - c.directionRight - c.directionNobody - c.directionBothForOne - c.directionOneForBoth;
        return `${LABEL[k]} ${c.directionNobody} / ${c.directionBothForOne} / ${c.directionOneForBoth} / ${other}`;
      })
      .join(", ")}`,
  ].join("\n");
}
