import { readdir, readFile, writeFile } from "node:fs/promises";
import {
  README_END,
  README_START,
  renderAccuracyDoc,
  renderReadmeAccuracy,
  spliceReadme,
  type FlagCheck,
  type FlagCount,
  type HeldOut,
} from "./eval/accuracy-doc.js";
import { addCounts, EMPTY_COUNTS, figures, goldFile, renderReading, renderWritten, scoreReading } from "./eval/reading.js";
import { parseYamlSource } from "../dist/shared/yaml-source.js";
import { join, resolve } from "node:path";
import { Command, InvalidArgumentError } from "commander";
import { analyse, type RulePack } from "../dist/engine/index.js";
import { ingest } from "../dist/ingest/index.js";
import { compareFormats, renderConsistency, type PairResult } from "./eval/consistency.js";
import { STANDARD_PAIRS, comparePair, renderStandard, type FormatSide, type PairComparison } from "./eval/standard.js";
import { buildContract } from "../dist/ingest/contract.js";
import { decodeText } from "../dist/ingest/decode.js";
import { CUAD_TOPICS, parseLabels, type LabelledContract } from "./eval/labels.js";
import { checkFloors, renderMisses, renderParts, summarise, type ContractResult, type FloorFile } from "./eval/run.js";
import { partOf } from "./eval/split.js";
import { formatError } from "../dist/shared/errors.js";
import { loadPack } from "../dist/core/rule-files.js";
import { Locator } from "../dist/engine/locate.js";
import { addAgreement, compareClauseNumbers, NO_AGREEMENT, pct, scoreGoldNumbers } from "./eval/clause-numbers.js";
import { addLone, EMPTY_LONE, renderLone, scoreLoneClauses, scoreSingleClauses, type SingleClause } from "./eval/lone-clauses.js";
import { addTopicCounts, renderTopicClauses, scoreTopicClauses, type TopicClause, type TopicClauseCounts } from "./eval/topic-clauses.js";
import { scoreCuadParties, type PartyCounts } from "./eval/labelled-parties.js";

/**
 * `npm run eval -- <corpus-dir>`: runs the real pipeline over a CUAD-style folder (txt/ + labels.csv) and
 * prints contract-level precision, recall and F1 per topic. Exit 1 when any topic is below --min-f1 or below
 * its floor in the ratchet file.
 */
export async function runEval(argv: readonly string[]): Promise<number> {
  const program = new Command("trustlint-eval")
    .argument("<corpus>", "folder with txt/ and labels.csv (with --standard: the standard/ folder)")
    .option("--topics <ids>", "comma-separated topic ids to measure", (v) => v.split(",").map((s) => s.trim()))
    .option("--min-f1 <x>", "exit 1 if any measured topic's F1 is below x", (v) => {
      const n = Number(v);
      if (!(n >= 0 && n <= 1)) throw new InvalidArgumentError("expected a number from 0 to 1");
      return n;
    })
    .option("--floor <file>", "JSON file of per-topic F1 floors (the CI ratchet); exit 1 if any topic falls below its floor")
    .option("--json", "machine-readable output")
    .option(
      "--misses <topic>",
      "list false negatives (with the lawyers' excerpt) and false positives (with the clause that fired), tuning part only",
    )
    .option("--reading <dir>", "reading gold set (parties, roles, who each clause is about); default tools/gold/reading")
    .option("--doc <file>", "write the dated accuracy page (tuned, sealed and the maintainers' held-out figures) to this file")
    .option("--readme <file>", "rewrite the README's accuracy section (between its markers) from this run")
    .option("--held-out <file>", "the maintainers' held-out figures (default tools/gold/maintainers-heldout.json)")
    .option("--reading-misses", "list the reading gold set's misses (tuning part only), and the written set's")
    .option(
      "--written <dir>",
      "the written set: contracts helper sessions wrote (txt/) and others annotated (gold/); default tools/gold/written",
    )
    .option(
      "--standard-gold <dir>",
      "reading gold for the published standard forms in <corpus>/../standard, annotated like the written set; default tools/gold/standard",
    )
    .option(
      "--topic-clauses <dir>",
      "topic clauses read alone (yes clauses and near misses); default tools/gold/topics. Point it at a new file's folder to take its fresh figure before its misses are read",
    )
    .option("--limit <n>", "only the first n contracts (quick runs)", (v) => Number(v))
    .option(
      "--pdf",
      "consistency mode: read each contract's PDF (pdf/, labels.csv column pdf) and compare its topics with the text version's",
    )
    .option("--standard", "consistency mode: the standard agreements that exist as Markdown and as PDF or Word; compare their findings")
    .option("--numbers", "with --pdf or --standard: list the findings whose clause numbers differ between formats (tuning part only)")
    .option("--min-agreement <x>", "with --pdf: exit 1 if overall topic agreement is below x (0..1)", (v) => Number(v))
    .exitOverride();
  program.parse([...argv], { from: "user" });
  const corpus = resolve(program.args[0]!);
  const opts = program.opts<{
    readme?: string;
    doc?: string;
    heldOut?: string;
    reading?: string;
    readingMisses?: boolean;
    written?: string;
    standardGold?: string;
    topicClauses?: string;
    topics?: string[];
    minF1?: number;
    floor?: string;
    json?: boolean;
    misses?: string;
    limit?: number;
    pdf?: boolean;
    standard?: boolean;
    minAgreement?: number;
    numbers?: boolean;
  }>();
  const pack = await loadPack([], process.cwd());
  if (!pack.ok) {
    for (const e of pack.error) process.stderr.write(`trustlint-eval: ${formatError(e)}\n`);
    return 2;
  }
  if (opts.standard) return runStandardConsistency(corpus, pack.value, opts);
  let contracts = parseLabels(await readFile(join(corpus, "labels.csv"), "utf8"));
  if (opts.limit) contracts = contracts.slice(0, opts.limit);
  const topics = opts.topics ?? Object.keys(CUAD_TOPICS);
  const unknown = topics.filter((t) => !(t in CUAD_TOPICS));
  if (unknown.length) {
    process.stderr.write(`trustlint-eval: unknown topic(s): ${unknown.join(", ")}\n`);
    return 2;
  }
  if (opts.pdf) return runPdfConsistency(corpus, contracts, topics, pack.value, opts);
  const results: ContractResult[] = [];
  for (const contract of contracts) {
    const bytes = await readFile(join(corpus, "txt", contract.file));
    const doc = buildContract(contract.file, "text", decodeText(bytes).text);
    const analysis = analyse(doc, pack.value);
    const clauseLines = clauseLinesOf(doc);
    results.push({ contract, facts: analysis.facts, parties: analysis.parties, clauseLines });
  }
  const tuning = results.filter((r) => partOf(r.contract.file) === "tuning");
  const sealed = results.filter((r) => partOf(r.contract.file) === "sealed");
  const parts = { tuning: summarise(tuning, topics), sealed: summarise(sealed, topics), all: summarise(results, topics) };
  if (opts.misses) {
    // Misses are read only on the tuning part: reading the sealed part's would turn it into training data.
    process.stdout.write(`${renderMisses(tuning, opts.misses)}\n`);
  }
  const cuadParties = { tuning: partiesFound(tuning), sealed: partiesFound(sealed) };
  const reading = await readingEval(opts.reading ?? "tools/gold/reading", results, corpus, pack.value);
  const written = await writtenEval(opts.written ?? "tools/gold/written", pack.value);
  const single = await singleEval("tools/gold/single", pack.value);
  const topicClauses = await topicClausesEval(opts.topicClauses ?? "tools/gold/topics", pack.value);
  // Published standard forms: real drafting nobody here wrote, annotated from the text and the guide only.
  const standardGold = opts.standardGold ?? "tools/gold/standard";
  const standard = await writtenEval(standardGold, pack.value, join(corpus, "..", "standard"), standardGold);
  if (!opts.misses) {
    if (opts.json)
      process.stdout.write(
        `${JSON.stringify(
          {
            ...parts,
            reading: reading?.figures ?? null,
            cuadParties: {
              tuning: { all: cuadParties.tuning.counts, fewParties: cuadParties.tuning.few },
              sealed: { all: cuadParties.sealed.counts, fewParties: cuadParties.sealed.few },
            },
            written: written?.figures ?? null,
            standard: standard?.figures ?? null,
            loneClauses: {
              ...(reading?.lone ?? {}),
              written: written?.lone ?? null,
              standard: standard?.lone ?? null,
              single: single?.counts ?? null,
            },
            topicClauses: topicClauses ? Object.fromEntries(topicClauses.byTopic) : null,
          },
          null,
          2,
        )}\n`,
      );
    else {
      process.stdout.write(`${renderParts(parts)}\n`);
      process.stdout.write(`\n${renderCuadParties(cuadParties)}\n`);
      if (reading)
        process.stdout.write(
          `\nReading gold set (${opts.reading ?? "tools/gold/reading"}):\n${renderReading(reading.figures)}\n${reading.numberLine}\n`,
        );
      if (written)
        process.stdout.write(
          `\nWritten set (${opts.written ?? "tools/gold/written"}):\n${renderWritten(written.figures)}\n${written.numberLine}\n`,
        );
      if (standard)
        process.stdout.write(
          `\nStandard forms (${standardGold}):\n${renderWritten(standard.figures, "standard")}\n${standard.numberLine}\n`,
        );
      if (reading || written) {
        const rows: [string, typeof EMPTY_LONE][] = [];
        if (reading) rows.push(["tuning", reading.lone.tuning], ["sealed", reading.lone.sealed]);
        if (written) rows.push(["written", written.lone]);
        if (standard) rows.push(["standard", standard.lone]);
        if (single) rows.push(["single", single.counts]);
        process.stdout.write(`\nClauses read on their own (each gold clause's lines alone, no preamble):\n${renderLone(rows)}\n`);
      }
      if (topicClauses)
        process.stdout.write(
          `\nTopic clauses read alone (${opts.topicClauses ?? "tools/gold/topics"}, yes clauses and near misses):\n${renderTopicClauses(topicClauses.byTopic)}\n`,
        );
    }
  }
  if (opts.readingMisses) process.stdout.write(`${cuadParties.tuning.misses.join("\n")}\n`);
  if (reading && opts.readingMisses) process.stdout.write(`${reading.tuningMisses.join("\n")}\n`);
  if (written && opts.readingMisses) process.stdout.write(`${written.misses.join("\n")}\n`);
  if (standard && opts.readingMisses) process.stdout.write(`${standard.misses.join("\n")}\n`);
  if (single && opts.readingMisses) process.stdout.write(`${single.misses.join("\n")}\n`);
  if (topicClauses && opts.readingMisses) process.stdout.write(`${topicClauses.misses.join("\n")}\n`);
  if (opts.readme) {
    const heldOut = JSON.parse(await readFile(opts.heldOut ?? "tools/gold/maintainers-heldout.json", "utf8")) as HeldOut;
    const spliced = spliceReadme(
      await readFile(opts.readme, "utf8"),
      renderReadmeAccuracy(parts, reading?.figures ?? null, heldOut, new Date().toISOString().slice(0, 10), reading?.lone.sealed ?? null),
    );
    if (spliced === null) throw new Error(`${opts.readme}: no accuracy markers (${README_START} … ${README_END})`);
    await writeFile(opts.readme, spliced);
  }
  if (opts.doc) {
    const heldOut = JSON.parse(await readFile(opts.heldOut ?? "tools/gold/maintainers-heldout.json", "utf8")) as HeldOut;
    const flagChecks = (
      await Promise.all(["tools/gold/flag-check.yaml", "tools/gold/flag-check-2.yaml"].map((p) => readFlagCheck<FlagCheck>(p)))
    ).filter((c): c is FlagCheck => c !== null);
    // One sealed check, or several under `checks:`, each as counts only.
    const sealed = await readFlagCheck<FlagCount | { checks: FlagCount[] }>("tools/gold/flag-check-sealed.yaml");
    const sealedFlags = sealed === null ? [] : "checks" in sealed ? sealed.checks : [sealed];
    await writeFile(
      opts.doc,
      renderAccuracyDoc(
        parts,
        reading?.figures ?? null,
        heldOut,
        new Date().toISOString().slice(0, 10),
        flagChecks,
        written?.figures ?? null,
        reading
          ? { ...reading.lone, written: written?.lone ?? null, single: single?.counts ?? null, standard: standard?.lone ?? null }
          : null,
        standard?.figures ?? null,
        sealedFlags,
      ),
    );
  }

  const failures: string[] = [];
  if (opts.minF1 !== undefined)
    for (const s of parts.sealed.topics) if (s.f1 < opts.minF1) failures.push(`sealed ${s.topic} F1 ${s.f1.toFixed(3)} < ${opts.minF1}`);
  if (opts.floor) failures.push(...checkFloors(JSON.parse(await readFile(opts.floor, "utf8")) as FloorFile, parts));
  for (const f of failures) process.stderr.write(`trustlint-eval: ${f}\n`);
  return failures.length ? 1 : 0;
}

/** Each clause's first and last line in the text file, for matching gold clauses by line. */
function clauseLinesOf(doc: ReturnType<typeof buildContract>): [number, number][] {
  const locator = new Locator(doc);
  return doc.clauses.map((c): [number, number] => {
    const at = locator.locate(c.span.start, Math.max(c.span.start, c.span.end - 1), c);
    return [at.line, at.endLine ?? at.line];
  });
}

/** The hand check of a sample of flags (tools/gold/flag-check.yaml), or null when there is none. */
async function readFlagCheck<T extends FlagCheck | FlagCount | { checks: FlagCount[] }>(path: string): Promise<T | null> {
  let source: string;
  try {
    source = await readFile(path, "utf8");
  } catch {
    return null;
  }
  const parsed = parseYamlSource(path, source, "CONFIG_YAML_SYNTAX");
  if (!parsed.ok) throw new Error(formatError(parsed.error));
  return parsed.value.value as T;
}

/** Role, clause-recall, direction and reciprocity accuracy on the gold annotations, per part of the split. */
/** Reads one clause's text on its own, as a pasted clause: no preamble, no other clause. */
function loneReader(pack: RulePack) {
  return (text: string) => analyse(buildContract("clause.txt", "text", text), pack).facts;
}

/** The lawyers' parties trustlint found in a part, with the misses (listed for the tuning part only). */
function partiesFound(results: readonly ContractResult[]): { counts: PartyCounts; few: PartyCounts; misses: string[] } {
  const counts: PartyCounts = { parties: 0, found: 0 };
  // Contracts the lawyers name at most four parties in: the deals trustlint is for, apart from the long lists of
  // funds in joint filing and investment agreements.
  const few: PartyCounts = { parties: 0, found: 0 };
  const misses: string[] = [];
  for (const r of results) {
    const scored = scoreCuadParties(r.contract.parties, r.parties ?? []);
    counts.parties += scored.counts.parties;
    counts.found += scored.counts.found;
    if (scored.counts.parties <= 4) {
      few.parties += scored.counts.parties;
      few.found += scored.counts.found;
    }
    for (const m of scored.missed)
      misses.push(`cuad-party  ${r.contract.file.slice(0, 50)}: ${m.name || "-"}${m.terms.length ? ` (${m.terms.join(", ")})` : ""}`);
  }
  return { counts, few, misses };
}

function renderCuadParties(parts: Record<"tuning" | "sealed", { counts: PartyCounts; few: PartyCounts }>): string {
  const cell = (c: PartyCounts) => `${(c.found / Math.max(1, c.parties)).toFixed(3)} (${c.found}/${c.parties})`;
  return [
    `CUAD parties found (the lawyers' "Parties" answers): tuning ${cell(parts.tuning.counts)}, sealed ${cell(parts.sealed.counts)}`,
    `  in contracts naming at most four parties: tuning ${cell(parts.tuning.few)}, sealed ${cell(parts.sealed.few)}`,
  ].join("\n");
}

async function readingEval(dir: string, results: readonly ContractResult[], corpus: string, pack: RulePack) {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith(".yaml")).sort();
  } catch {
    return null;
  }
  const byFile = new Map(results.map((r) => [r.contract.file, r]));
  const counts = { tuning: EMPTY_COUNTS, sealed: EMPTY_COUNTS };
  const contracts = { tuning: 0, sealed: 0 };
  // The contracts where the gold names a buyer and a supplier: the outsourcing, services and supply deals that
  // trustlint is for (joint ventures, joint filings and shareholder agreements have neither).
  const twoSidedCounts = { tuning: EMPTY_COUNTS, sealed: EMPTY_COUNTS };
  const twoSided = { tuning: 0, sealed: 0 };
  const tuningMisses: string[] = [];
  const numbers = { tuning: { found: 0, agree: 0 }, sealed: { found: 0, agree: 0 } };
  const lone = { tuning: EMPTY_LONE, sealed: EMPTY_LONE };
  const readAlone = loneReader(pack);
  for (const name of names) {
    const path = join(dir, name);
    const parsed = parseYamlSource(path, await readFile(path, "utf8"), "CONFIG_YAML_SYNTAX");
    if (!parsed.ok) throw new Error(formatError(parsed.error));
    const gold = goldFile.safeParse(parsed.value.value);
    if (!gold.success) throw new Error(`${path}: ${gold.error.issues[0]?.message ?? "invalid"} at ${gold.error.issues[0]?.path.join(".")}`);
    const result = byFile.get(gold.data.file);
    if (!result) continue;
    const part = partOf(gold.data.file);
    const scored = scoreReading(gold.data, result.parties ?? [], result.facts, result.clauseLines);
    counts[part] = addCounts(counts[part], scored.counts);
    contracts[part]++;
    const roles = new Set(gold.data.parties.map((p) => p.role));
    if (roles.has("buyer") && roles.has("supplier")) {
      twoSidedCounts[part] = addCounts(twoSidedCounts[part], scored.counts);
      twoSided[part]++;
    }
    if (part === "tuning")
      for (const m of scored.misses) tuningMisses.push(`${m.kind.padEnd(11)} ${gold.data.file.slice(0, 50)}: ${m.detail}`);
    // Clause numbers as printed: sealed counts only, its misses are not listed.
    const printed = scoreGoldNumbers(gold.data.clauses ?? [], result.facts);
    numbers[part] = { found: numbers[part].found + printed.found, agree: numbers[part].agree + printed.agree };
    if (part === "tuning") for (const m of printed.misses) tuningMisses.push(`${"number".padEnd(11)} ${gold.data.file.slice(0, 50)}: ${m}`);
    // The same clauses read on their own; sealed counts only, its misses are not listed.
    const lines = decodeText(await readFile(join(corpus, "txt", gold.data.file))).text.split("\n");
    const alone = scoreLoneClauses(gold.data, lines, readAlone);
    lone[part] = addLone(lone[part], alone.counts);
    if (part === "tuning") for (const m of alone.misses) tuningMisses.push(`${"alone".padEnd(11)} ${gold.data.file.slice(0, 50)}: ${m}`);
  }
  const numberLine = `clause numbers as printed (gold clauses found): tuning ${pct(numbers.tuning.agree, numbers.tuning.found)}, sealed ${pct(numbers.sealed.agree, numbers.sealed.found)}`;
  return {
    figures: {
      tuning: figures(contracts.tuning, counts.tuning),
      sealed: figures(contracts.sealed, counts.sealed),
      tuningTwoSided: figures(twoSided.tuning, twoSidedCounts.tuning),
      sealedTwoSided: figures(twoSided.sealed, twoSidedCounts.sealed),
    },
    tuningMisses,
    numberLine,
    lone,
  };
}

/**
 * The written set: contracts that helper sessions wrote in the drafting styles of real agreements, annotated by
 * other sessions from the text and the guide only. Nothing in it was tuned on before its first measurement; after
 * that it is a tuning set like any other, and its misses are listed.
 */
async function writtenEval(dir: string, pack: RulePack, texts: string = join(dir, "txt"), goldDir: string = join(dir, "gold")) {
  let names: string[];
  try {
    names = (await readdir(goldDir)).filter((n) => n.endsWith(".yaml")).sort();
    await readdir(texts);
  } catch {
    return null;
  }
  let counts = EMPTY_COUNTS;
  let numbers = { found: 0, agree: 0 };
  let lone = EMPTY_LONE;
  const readAlone = loneReader(pack);
  const misses: string[] = [];
  for (const name of names) {
    const path = join(goldDir, name);
    const parsed = parseYamlSource(path, await readFile(path, "utf8"), "CONFIG_YAML_SYNTAX");
    if (!parsed.ok) throw new Error(formatError(parsed.error));
    const gold = goldFile.safeParse(parsed.value.value);
    if (!gold.success) throw new Error(`${path}: ${gold.error.issues[0]?.message ?? "invalid"} at ${gold.error.issues[0]?.path.join(".")}`);
    const raw = decodeText(await readFile(join(texts, gold.data.file))).text;
    // The standard forms are Markdown and are read as such; line numbers are the file's own either way.
    const doc = buildContract(gold.data.file, gold.data.file.endsWith(".md") ? "markdown" : "text", raw);
    const analysis = analyse(doc, pack);
    const clauseLines = clauseLinesOf(doc);
    const scored = scoreReading(gold.data, analysis.parties, analysis.facts, clauseLines);
    counts = addCounts(counts, scored.counts);
    for (const m of scored.misses) misses.push(`${m.kind.padEnd(11)} ${gold.data.file.slice(0, 50)}: ${m.detail}`);
    const printed = scoreGoldNumbers(gold.data.clauses ?? [], analysis.facts);
    numbers = { found: numbers.found + printed.found, agree: numbers.agree + printed.agree };
    for (const m of printed.misses) misses.push(`${"number".padEnd(11)} ${gold.data.file.slice(0, 50)}: ${m}`);
    const alone = scoreLoneClauses(gold.data, raw.split("\n"), readAlone);
    lone = addLone(lone, alone.counts);
    for (const m of alone.misses) misses.push(`${"alone".padEnd(11)} ${gold.data.file.slice(0, 50)}: ${m}`);
  }
  return {
    figures: figures(names.length, counts),
    misses,
    numberLine: `clause numbers as printed: ${pct(numbers.agree, numbers.found)}`,
    lone,
  };
}

/** Each `*.yaml` list in `dir`, parsed, by file name; null when the folder is missing or empty. */
async function yamlLists<T>(dir: string): Promise<{ name: string; path: string; items: T[] }[] | null> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith(".yaml")).sort();
  } catch {
    return null;
  }
  if (names.length === 0) return null;
  const out: { name: string; path: string; items: T[] }[] = [];
  for (const name of names) {
    const path = join(dir, name);
    const parsed = parseYamlSource(path, await readFile(path, "utf8"), "CONFIG_YAML_SYNTAX");
    if (!parsed.ok) throw new Error(formatError(parsed.error));
    out.push({ name, path, items: parsed.value.value as T[] });
  }
  return out;
}

/**
 * Single clauses (tools/gold/single/*.yaml): clauses written one by one, each with its answer, by writers who saw no
 * rule, as a reviewer rates a clause lifted from a contract. Like the written set, once its misses are read it is
 * tuning data; its first figure is in its README.
 */
async function singleEval(dir: string, pack: RulePack) {
  const files = await yamlLists<SingleClause>(dir);
  if (!files) return null;
  const readAlone = loneReader(pack);
  let counts = EMPTY_LONE;
  const misses: string[] = [];
  for (const { name, items } of files) {
    const scored = scoreSingleClauses(items, readAlone);
    counts = addLone(counts, scored.counts);
    for (const m of scored.misses) misses.push(`${"single".padEnd(11)} ${name}: ${m}`);
  }
  return { counts, misses };
}

/**
 * Topic clauses (tools/gold/topics/*.yaml): yes clauses and near misses for the fourteen CUAD topics, written by
 * helper sessions that saw only the topic questions. Once its misses are read it is tuning data; its first figure
 * is in its README.
 */
async function topicClausesEval(dir: string, pack: RulePack) {
  const files = await yamlLists<TopicClause>(dir);
  if (!files) return null;
  const readAlone = loneReader(pack);
  let byTopic = new Map<string, TopicClauseCounts>();
  const misses: string[] = [];
  for (const { name, path, items } of files) {
    const scored = scoreTopicClauses(items, readAlone);
    if (scored.invalid.length) throw new Error(`${path}: ${scored.invalid.join("; ")}`);
    byTopic = addTopicCounts(byTopic, scored.byTopic);
    for (const m of scored.misses) misses.push(`${"topic".padEnd(11)} ${name}: ${m}`);
  }
  return { byTopic, misses };
}

/** `--standard`: Bonterms and Common Paper agreements as Markdown vs PDF or Word; findings should match. */
async function runStandardConsistency(dir: string, pack: RulePack, opts: { json?: boolean; numbers?: boolean }): Promise<number> {
  const side = async (rel: string): Promise<FormatSide> => {
    try {
      const doc = await ingest({ path: rel, bytes: new Uint8Array(await readFile(join(dir, rel))) });
      if (!doc.ok) return { facts: [], findings: [], error: formatError(doc.error) };
      const a = analyse(doc.value, pack);
      return { facts: a.facts, findings: a.findings, error: null };
    } catch (e) {
      return { facts: [], findings: [], error: (e as Error).message };
    }
  };
  const rows: PairComparison[] = [];
  let numbers = NO_AGREEMENT;
  for (const pair of STANDARD_PAIRS) {
    const [reference, other] = [await side(pair.reference), await side(pair.other)];
    rows.push(comparePair(pair.name, pair.other, reference, other));
    numbers = addAgreement(numbers, compareClauseNumbers(reference.facts, other.facts));
  }
  process.stdout.write(
    opts.json
      ? `${JSON.stringify(rows, null, 2)}\n`
      : `${renderStandard(rows)}\n${numbersReport("Markdown/other", numbers, opts.numbers)}\n`,
  );
  return rows.some((r) => r.error) ? 2 : 0;
}

/** `--pdf`: the same contract as text and as PDF should give the same topics (issue 4's consistency target). */
async function runPdfConsistency(
  corpus: string,
  contracts: LabelledContract[],
  topics: string[],
  pack: RulePack,
  opts: { json?: boolean; minAgreement?: number; numbers?: boolean },
): Promise<number> {
  const results: PairResult[] = [];
  let numbers = NO_AGREEMENT;
  for (const contract of contracts.filter((c) => c.pdf)) {
    const text = analyse(
      buildContract(contract.file, "text", decodeText(await readFile(join(corpus, "txt", contract.file))).text),
      pack,
    ).facts;
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await readFile(join(corpus, "pdf", contract.pdf!)));
    } catch {
      continue; // labels.csv names PDFs for more contracts than pdf/ holds
    }
    const started = performance.now();
    const doc = await ingest({ path: contract.pdf!, bytes, format: "pdf" });
    const facts = doc.ok && doc.value.kind === "contract" ? analyse(doc.value, pack).facts : null;
    const ms = Math.round(performance.now() - started);
    const pages = doc.ok && doc.value.kind === "contract" ? (doc.value.pageStarts?.length ?? 0) : 0;
    results.push({ contract, text, pdf: facts, ms, pages, error: doc.ok ? null : formatError(doc.error) });
    // Disagreements are listed for the tuning part only; the sealed part counts in the figure.
    const agreement = compareClauseNumbers(text, facts ?? []);
    numbers = addAgreement(numbers, partOf(contract.file) === "tuning" ? agreement : { ...agreement, disagreements: [] });
  }
  const summary = compareFormats(results, topics);
  if (opts.json) {
    const perPdf = results.map((r) => ({ pdf: r.contract.pdf, pages: r.pages, ms: r.ms, error: r.error }));
    process.stdout.write(`${JSON.stringify({ ...summary, perPdf }, null, 2)}\n`);
  } else process.stdout.write(`${renderConsistency(summary, results)}\n${numbersReport("text/PDF", numbers, opts.numbers)}\n`);
  if (opts.minAgreement !== undefined && summary.agreement < opts.minAgreement) {
    process.stderr.write(
      `trustlint-eval: topic agreement ${(summary.agreement * 100).toFixed(1)}% < ${(opts.minAgreement * 100).toFixed(1)}%\n`,
    );
    return 1;
  }
  return 0;
}

function numbersReport(what: string, n: typeof NO_AGREEMENT, list?: boolean): string {
  const lines = [`clause numbers of the same finding agree across ${what}: ${pct(n.agree, n.paired)}`];
  if (list) for (const d of n.disagreements) lines.push(`  ${d.topic}: ${d.a ?? "-"} vs ${d.b ?? "-"}: ${d.excerpt}`);
  return lines.join("\n");
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith("/build/eval.js")) {
  runEval(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (e: Error) => {
      process.stderr.write(`trustlint-eval: ${e.message}\n`);
      process.exitCode = 2;
    },
  );
}
