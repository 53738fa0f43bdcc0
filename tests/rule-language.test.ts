import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../src/cli/main.js";
import { verdictKey } from "../src/core/regex-safety.js";
import { fileVerdictStore } from "../src/core/verdict-store.js";
import { analyseBytes } from "../src/core/pipeline.js";
import { BoundedRegExp } from "../src/engine/bounded-regex.js";
import { compilePack, loadRuleFiles } from "../src/engine/index.js";
import { analyse } from "../src/engine/index.js";
import { JOINED_SOURCE_LIMIT, allMatches, compileList, expandFragments, firstMatch } from "../src/engine/patterns.js";
import { buildContract } from "../src/ingest/contract.js";
import { fakeIo } from "./helpers.js";

/** A topic file of a made-up pack: a widget-return duty, with the given pattern lines spliced in. */
const topicFile = (id: string, body: string) => `id: ${id}
title: Widget return
description: A duty to give widgets back.
${body}
examples:
  match: ["The Supplier shall return every widget on expiry."]
  no-match: ["The parties discussed widgets at lunch."]
`;

function load(files: Record<string, string>) {
  return loadRuleFiles(Object.entries(files).map(([file, text]) => ({ file, text })));
}

function factsWith(files: Record<string, string>, text: string) {
  const { sources, errors } = load(files);
  expect(errors).toEqual([]);
  return analyse(buildContract("c.txt", "text", text), compilePack(sources)).facts;
}

describe("fragments", () => {
  it("expands {name} as one group, leaves quantifiers, escaped braces and classes alone, and nests", () => {
    const fragments = { party: "either|each", who: "{party} party" };
    expect(expandFragments("\\b{party}\\s+party", fragments)).toEqual({ ok: true, source: "\\b(?:either|each)\\s+party" });
    expect(expandFragments("{who}s?", fragments)).toEqual({ ok: true, source: "(?:(?:either|each) party)s?" });
    expect(expandFragments("a{2,3}\\{party\\}[{party}]", fragments)).toEqual({ ok: true, source: "a{2,3}\\{party\\}[{party}]" });
    expect(expandFragments("{nobody}", fragments)).toEqual({ ok: false, name: "nobody", circular: false });
    expect(expandFragments("{a}", { a: "x{b}", b: "{a}" })).toMatchObject({ ok: false, circular: true });
  });

  it("a file's fragments and a pack's fragments.yaml are used in its regexes", () => {
    const body = `fragments:
  give-back: "return|hand\\\\s+back"
trigger:
  - {regex: "\\\\b{duty}\\\\s+(?:{give-back})\\\\b"}`;
    const files = {
      "pack/fragments.yaml": 'fragments:\n  duty: "shall|must"\n',
      "pack/topics/widget-return.yaml": topicFile("widget-return", body),
    };
    expect(factsWith(files, "1. The Supplier must hand back the widgets.\n").map((f) => f.topic)).toEqual(["widget-return"]);
    expect(factsWith(files, "1. The Supplier may return the widgets.\n")).toEqual([]);
  });

  it("an unknown fragment is a RULE_SCHEMA error at the pattern's line and column", () => {
    const body = `trigger:
  - shall return
  - {regex: "\\\\b{duty}\\\\s+return"}`;
    const { errors } = load({ "pack/topics/widget-return.yaml": topicFile("widget-return", body) });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: "RULE_SCHEMA", path: "pack/topics/widget-return.yaml", line: 6, column: 5 });
    expect(errors[0]!.message).toMatch(/unknown fragment '\{duty\}'/);
  });

  it("the strict schema refuses a badly named fragment and an unknown key in an exclusion", () => {
    expect(
      load({ "p/topics/widget-return.yaml": topicFile("widget-return", 'fragments: {Party: "x"}\ntrigger: [shall return]') }).errors[0],
    ).toMatchObject({ code: "RULE_SCHEMA" });
    const bad = topicFile("widget-return", "trigger: [shall return]\nexclude:\n  - {any: [lunch], unless: [shall], also: [x]}");
    expect(load({ "p/topics/widget-return.yaml": bad }).errors[0]).toMatchObject({ code: "RULE_SCHEMA", line: 6 });
  });
});

/** Facts found in each text, for each widget-return topic body: one row per body. */
const factCounts = (bodies: string[], texts: string[]) =>
  bodies.map((body) => texts.map((x) => factsWith({ "p/topics/widget-return.yaml": topicFile("widget-return", body) }, x).length));

describe("unless", () => {
  const texts = [
    "1. The Supplier shall return every widget, save for samples.\n",
    "1. The Supplier shall return every widget, save for samples, and shall return the samples too.\n",
    "1. The Supplier shall return every widget.\n",
    "1. Samples aside, the Supplier shall return every widget; samples go back as well.\n",
  ];
  it("an exclusion with unless: gives exactly what the negative lookahead ^(?![\\s\\S]*X)[\\s\\S]*Y gave", () => {
    const results = factCounts(
      [
        'trigger: [shall return]\nexclude:\n  - {regex: "^(?![\\\\s\\\\S]*\\\\b(?:too|as\\\\s+well)\\\\b)[\\\\s\\\\S]*\\\\bsamples?\\\\b"}',
        'trigger: [shall return]\nexclude:\n  - {regex: "\\\\bsamples?\\\\b", unless: [{regex: "\\\\b(?:too|as\\\\s+well)\\\\b"}]}',
        "trigger: [shall return]\nexclude:\n  - {any: [sample, samples], unless: [too, as well]}",
      ],
      texts,
    );
    expect(results[0]).toEqual([0, 1, 1, 1]);
    expect(results[1]).toEqual(results[0]);
    expect(results[2]).toEqual(results[0]);
  });
});

describe("all", () => {
  const texts = [
    "1. The Supplier shall return every confidential widget.\n",
    "1. The Supplier shall return every widget.\n",
    "1. Confidential widgets aside, the Supplier shall return every widget.\n",
    "1. The Supplier shall return every confidential widget and the samples too.\n",
    "1. The Supplier shall keep every confidential widget.\n",
  ];
  it("an all: exclusion gives exactly what ^(?![\\s\\S]*X)(?=[\\s\\S]*Z)[\\s\\S]*Y gave, in either order", () => {
    const results = factCounts(
      [
        'trigger: [shall return, shall keep]\nexclude:\n  - {regex: "^(?![\\\\s\\\\S]*\\\\btoo\\\\b)(?=[\\\\s\\\\S]*\\\\bconfidential\\\\b)[\\\\s\\\\S]*\\\\breturn\\\\b"}',
        "trigger: [shall return, shall keep]\nexclude:\n  - {all: [confidential, return], unless: [too]}",
      ],
      texts,
    );
    expect(results[0]).toEqual([0, 1, 0, 1, 1]);
    expect(results[1]).toEqual(results[0]);
  });

  it("needs two patterns or more", () => {
    const one = topicFile("widget-return", "trigger: [shall return]\nexclude:\n  - {all: [confidential]}");
    expect(load({ "p/topics/widget-return.yaml": one }).errors[0]).toMatchObject({ code: "RULE_SCHEMA", line: 6 });
  });
});

describe("each pattern compiled on its own", () => {
  it("a back-reference in the second pattern of a list refers to that pattern's own group", () => {
    const list = compileList([{ regex: "(widget)s" }, { regex: "\\b(\\w+) and \\1\\b" }, { regex: "\\bnuts\\b" }]);
    expect(list.map((r) => r.source)).toEqual(["(widget)s", "\\b(\\w+) and \\1\\b", "\\bnuts\\b"]);
    expect(firstMatch(list, "bolts and bolts")).toEqual({ index: 0, text: "bolts and bolts" });
    expect(firstMatch(list, "bolts and nuts")).toEqual({ index: 10, text: "nuts" });
    expect(firstMatch(list, "bolts and screws")).toBeNull();
  });

  it("two patterns may name the same group (a joined alternation was a syntax error)", () => {
    const body = 'trigger:\n  - {regex: "\\\\b(?<w>return)\\\\s+\\\\k<w>\\\\b"}\n  - {regex: "\\\\bshall\\\\s+(?<w>return)\\\\b"}';
    const files = { "p/topics/widget-return.yaml": topicFile("widget-return", body) };
    expect(factsWith(files, "1. The Supplier shall return every widget.\n").map((f) => f.topic)).toEqual(["widget-return"]);
  });

  it("all matches of a list are those of the list joined as one alternation", () => {
    // The named group keeps that pattern on its own: the list is scanned as three regexes (two joined runs).
    const sources = ["\\bshall\\b", "\\bshall not\\b", "(?<n>not)\\s+\\w+", "\\w*e\\b", "x?"];
    const joined = new RegExp(sources.map((s) => `(?:${s})`).join("|"), "gi");
    const text = "The Supplier shall not charge, and the Customer shall pay; none shall not else.";
    const expected: { index: number; text: string }[] = [];
    for (let m = joined.exec(text); m && expected.length < 8; m = joined.exec(text)) {
      if (m[0].length === 0) joined.lastIndex++;
      else expected.push({ index: m.index, text: m[0] });
    }
    const list = compileList(sources.map((regex) => ({ regex })));
    expect(list).toHaveLength(3);
    expect(allMatches(list, text, 8)).toEqual(expected);
  });

  it("a list too long for one optimised regex is joined into several, and matches as one alternation", () => {
    // 400 patterns of about 60 characters: some 25 000 characters joined, past V8's 20 KiB line.
    const sources = Array.from({ length: 400 }, (_, i) => `\\bwidget${i}\\s+(?:bolts?|nuts?|screws?)\\s+for\\s+crate${i}\\b`);
    const list = compileList(sources.map((regex) => ({ regex })));
    expect(list.length).toBeGreaterThan(1);
    for (const re of list) expect(re.source.length).toBeLessThanOrEqual(JOINED_SOURCE_LIMIT);
    const text = "Send widget399 nuts for crate399, then widget7 bolt for crate7 and widget7 bolt for crate8.";
    expect(allMatches(list, text, 8)).toEqual([
      { index: 5, text: "widget399 nuts for crate399" },
      { index: 39, text: "widget7 bolt for crate7" },
    ]);
  });
});

describe("user patterns run with a per-match limit", { timeout: 60_000 }, () => {
  const catastrophic = topicFile("widget-return", 'trigger:\n  - {regex: "(a+)+$"}');
  const contract = `1. ${"a".repeat(44)}!\n`;

  it("a catastrophic match is stopped and named; the document is reported with the error", () => {
    const { sources, errors } = load({ "pack/topics/widget-return.yaml": catastrophic });
    expect(errors).toEqual([]);
    const pack = compilePack(sources, { origin: () => ({ file: "pack/topics/widget-return.yaml", line: 5, column: 5 }), matchLimitMs: 50 });
    expect(pack.topics[0]!.trigger[0]).toBeInstanceOf(BoundedRegExp);
    const started = Date.now();
    expect(() => analyse(buildContract("c.txt", "text", contract), pack)).toThrow(
      /REGEX_TIMEOUT .*\/\(a\+\)\+\$\/ \(pack\/topics\/widget-return\.yaml:5:5\) took longer than 50 ms/,
    );
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("through the CLI: a pattern the verdict cache calls safe cannot hang a 48-byte contract", async () => {
    const dir = await mkdtemp(join(tmpdir(), "trustlint-bounded-"));
    await mkdir(join(dir, "topics"));
    await writeFile(join(dir, "topics", "widget-return.yaml"), catastrophic);
    await writeFile(join(dir, "c.txt"), contract);
    const env = { XDG_CACHE_HOME: await mkdtemp(join(tmpdir(), "trustlint-cache-")) };
    // The author's own cache says safe (as a stale or hand-made verdict would): the load-time check is skipped.
    const store = fileVerdictStore(env);
    store.set(verdictKey("(a+)+$", "i"), { safe: true, final: true });
    store.save();
    const io = fakeIo({ env });
    const started = Date.now();
    await main(["check", join(dir, "c.txt"), "--rules", dir, "-f", "json"], io);
    expect(Date.now() - started).toBeLessThan(15_000);
    const report = JSON.parse(io.out) as { documents: { path: string; error: { code: string; message: string } | null }[] };
    expect(report.documents).toHaveLength(1);
    expect(report.documents[0]!.error).toMatchObject({ code: "REGEX_TIMEOUT" });
    expect(report.documents[0]!.error!.message).toMatch(/widget-return\.yaml:5:5/);
  });

  it("the built-in pack runs plain regexes", async () => {
    const { loadPack } = await import("../src/core/rule-files.js");
    const pack = await loadPack([], process.cwd());
    expect(pack.ok && pack.value.topics.every((t) => t.trigger.every((r) => !(r instanceof BoundedRegExp)))).toBe(true);
    const report = await analyseBytes(
      "c.txt",
      new TextEncoder().encode("1. The Supplier shall indemnify the Customer.\n"),
      pack.ok ? pack.value : (null as never),
    );
    expect(report.error).toBeNull();
  });
});

describe("trustlint rules test", { timeout: 60_000 }, () => {
  it("passes a pack whose examples hold and reports a failing example at its file:line:col with exit 1", async () => {
    const dir = await mkdtemp(join(tmpdir(), "trustlint-rulestest-"));
    await mkdir(join(dir, "topics"));
    const file = join(dir, "topics", "widget-return.yaml");
    await writeFile(file, topicFile("widget-return", "trigger: [shall return]"));
    const env = { XDG_CACHE_HOME: await mkdtemp(join(tmpdir(), "trustlint-cache-")) };
    const good = fakeIo({ env });
    expect(await main(["rules", "test", dir], good)).toBe(0);
    expect(good.out).toMatch(/^2 passed, 0 failed$/m);
    // A second pack whose no-match example contains the trigger: reported where the example is written.
    const other = await mkdtemp(join(tmpdir(), "trustlint-rulestest-"));
    await mkdir(join(other, "topics"));
    await writeFile(
      join(other, "topics", "widget-return.yaml"),
      topicFile("widget-return", "trigger: [shall return]").replace("discussed widgets at lunch", "shall return widgets after lunch"),
    );
    const bad = fakeIo({ env });
    expect(await main(["rules", "test", other], bad)).toBe(1);
    expect(bad.out).toMatch(/widget-return\.yaml:7:\d+: topic 'widget-return' detects its no-match example/);
    expect(bad.out).toMatch(/^1 passed, 1 failed$/m);
  });
});
