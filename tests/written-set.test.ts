import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { analyse } from "../src/engine/index.js";
import { Locator } from "../src/engine/locate.js";
import { buildContract } from "../src/ingest/contract.js";
import { addCounts, EMPTY_COUNTS, figures, goldFile, scoreReading, type GoldFile } from "../tools/eval/reading.js";
import { addLone, EMPTY_LONE, scoreLoneClauses, scoreSingleClauses, type SingleClause } from "../tools/eval/lone-clauses.js";
import { builtinPack } from "./helpers.js";

/**
 * The written set (tools/gold/written): contracts helper sessions wrote and other sessions annotated. Its fresh
 * figures are in its README; once tuned on, it guards the reading families its misses taught against regressions.
 */
const DIR = "tools/gold/written";

/** Each annotation of the set with the text of its contract. */
async function annotated() {
  const names = (await readdir(join(DIR, "gold"))).filter((n) => n.endsWith(".yaml"));
  const out = [];
  for (const name of names) {
    const gold = goldFile.parse(parse(await readFile(join(DIR, "gold", name), "utf8")));
    out.push({ gold, text: await readFile(join(DIR, "txt", gold.file), "utf8") });
  }
  return out;
}

/** One annotated contract scored: parties, roles and the clauses found at the gold lines. */
function readingCounts(gold: GoldFile, doc: ReturnType<typeof buildContract>, pack: Awaited<ReturnType<typeof builtinPack>>) {
  const analysis = analyse(doc, pack);
  const locator = new Locator(doc);
  const lines = doc.clauses.map((c): [number, number] => {
    const at = locator.locate(c.span.start, Math.max(c.span.start, c.span.end - 1), c);
    return [at.line, at.endLine ?? at.line];
  });
  return scoreReading(gold, analysis.parties, analysis.facts, lines).counts;
}

describe("the written set", () => {
  it("every annotation names a contract of the set and parses", async () => {
    const names = (await readdir(join(DIR, "gold"))).filter((n) => n.endsWith(".yaml"));
    const texts = new Set(await readdir(join(DIR, "txt")));
    expect(names.length).toBeGreaterThanOrEqual(148);
    for (const name of names) {
      const gold = goldFile.parse(parse(await readFile(join(DIR, "gold", name), "utf8")));
      expect(texts.has(gold.file)).toBe(true);
    }
  });

  it("is read at least as well as when its families were fixed", async () => {
    const pack = await builtinPack();
    let counts = EMPTY_COUNTS;
    const set = await annotated();
    for (const { gold, text } of set) {
      const doc = buildContract(gold.file, "text", text);
      counts = addCounts(counts, readingCounts(gold, doc, pack));
    }
    const f = figures(set.length, counts);
    expect(f.roles).toBeGreaterThanOrEqual(0.95);
    expect(f.clauseRecall).toBeGreaterThanOrEqual(0.92);
    expect(f.direction).toBeGreaterThanOrEqual(0.96);
    expect(f.reciprocity).toBeGreaterThanOrEqual(0.97);
  }, 60_000);

  it("each annotated clause read on its own, with no preamble, still names the party it is about", async () => {
    const pack = await builtinPack();
    let lone = EMPTY_LONE;
    const read = (text: string) => analyse(buildContract("clause.txt", "text", text), pack).facts;
    for (const { gold, text } of await annotated()) lone = addLone(lone, scoreLoneClauses(gold, text.split("\n"), read).counts);
    expect(lone.clauses).toBeGreaterThanOrEqual(856);
    expect(lone.sidesRight / lone.clauses).toBeGreaterThanOrEqual(0.9);
    expect(lone.partyRight / lone.clauses).toBeGreaterThanOrEqual(0.9);
  }, 60_000);
});

/** Single clauses (tools/gold/single): clauses helper sessions wrote one at a time, each with its answer. */
describe("single clauses, each read with no contract around it", () => {
  it("tells one-sided from mutual, and names the party, for nearly all of them", async () => {
    const dir = "tools/gold/single";
    const pack = await builtinPack();
    const read = (text: string) => analyse(buildContract("clause.txt", "text", text), pack).facts;
    let counts = EMPTY_LONE;
    for (const name of (await readdir(dir)).filter((n) => n.endsWith(".yaml")).sort()) {
      const clauses = parse(await readFile(join(dir, name), "utf8")) as SingleClause[];
      counts = addLone(counts, scoreSingleClauses(clauses, read).counts);
    }
    expect(counts.clauses).toBeGreaterThanOrEqual(1440);
    expect(counts.sidesRight / counts.clauses).toBeGreaterThanOrEqual(0.93);
    expect(counts.partyRight / counts.clauses).toBeGreaterThanOrEqual(0.92);
    // (Over 7,000 clauses now, about 15 s alone; the margin is for a busy two-core machine.)
  }, 180_000);
});

/**
 * The standard forms (tools/gold/standard): published Bonterms, Common Paper and GitHub agreements, read from
 * ../shared/corpus/standard when it is there (the texts are not in this repository). Its fresh figure is in its README.
 */
const STANDARD = "../shared/corpus/standard";
let hasStandard = true;
try {
  await readdir(STANDARD);
} catch {
  hasStandard = false;
}

describe.skipIf(!hasStandard)("the standard forms", () => {
  it("are read at least as well as when their families were fixed", async () => {
    const pack = await builtinPack();
    let counts = EMPTY_COUNTS;
    const names = (await readdir("tools/gold/standard")).filter((n) => n.endsWith(".yaml"));
    expect(names.length).toBeGreaterThanOrEqual(19);
    for (const name of names) {
      const gold = goldFile.parse(parse(await readFile(join("tools/gold/standard", name), "utf8")));
      const doc = buildContract(
        gold.file,
        gold.file.endsWith(".md") ? "markdown" : "text",
        await readFile(join(STANDARD, gold.file), "utf8"),
      );
      counts = addCounts(counts, readingCounts(gold, doc, pack));
    }
    const f = figures(names.length, counts);
    expect(f.roles).toBeGreaterThanOrEqual(0.79);
    expect(f.clauseRecall).toBeGreaterThanOrEqual(0.84);
    expect(f.direction).toBeGreaterThanOrEqual(0.95);
  }, 60_000);
});
