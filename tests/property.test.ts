import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyseBytes } from "../src/core/pipeline.js";
import { analyse } from "../src/engine/index.js";
import { buildContract } from "../src/ingest/contract.js";
import { ingest } from "../src/ingest/index.js";
import type { ContractDocument } from "../src/model/document.js";
import type { Fact } from "../src/model/fact.js";
import { LineIndex } from "../src/model/location.js";
import { renderJson } from "../src/report/json.js";
import { builtinPack } from "./helpers.js";

/**
 * Every input is hostile: arbitrary Unicode (controls, bidi marks, lone surrogates, NUL, huge lines, no or only
 * newlines) mixed with contract phrases, so that detectors fire on text full of junk. Properties: no throw,
 * every location inside the document and pointing at the matched words, the same output on a second run.
 * `TRUSTLINT_LONG=1` (npm run test:long) runs many more cases.
 */
const LONG = process.env.TRUSTLINT_LONG === "1";
// The normal suite is seeded so CI is repeatable; the long mode explores new cases on every run.
const runs = (normal: number) => (LONG ? { numRuns: normal * 20 } : { numRuns: normal, seed: 20261123 });
const pack = await builtinPack();
const encoder = new TextEncoder();
// Thousands of cases on a shared 2-core machine: a generous ceiling, not a speed assertion.
const TIMEOUT = LONG ? 1_800_000 : 120_000;

/** Pieces of contract language that make detectors fire, and pieces of structure that move offsets around. */
const PHRASES = [
  "The Supplier shall indemnify, defend and hold harmless the Customer against all claims.",
  "Each party shall indemnify the other against third-party claims.",
  "The Customer's total liability shall not exceed the fees paid in the 12 months before the claim.",
  "Nothing in this Agreement limits the Supplier's liability for fraud, which is unlimited.",
  "The parties share a vision of a long-term partnership.",
  'Acme Ltd ("Customer") and Beta Inc. (the "Supplier")',
  "\n1. Indemnity\n",
  "\n1.1 ",
  "\n(a) ",
  "\nARTICLE IV - LIABILITY\n",
  "\n## 3. Liability\n",
  "\n\n",
  "\r\n",
  "\r",
  "<!-- trustlint-disable ra-indemnity-one-way -- agreed -->",
  "<!-- trustlint-disable-next-clause -->",
  "**bold** _x_ \\*",
  "\u202eevil\u202c",
  "\u200f\u200e\u2066\u2069",
  "\ud800",
  "\udfff",
  "\ud83d\ude00",
  "\u0000",
  "\u001b[2J\u001b]0;title\u0007",
  "\u00a0\u2019\u201c\u201d\u00ad\ufeff",
  "\f\v\t",
  "[Reserved]",
  '"Services" means the services.',
];

const fragment = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...PHRASES) },
  { weight: 3, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom("\n", "\r", " ", "\t", ".", "(", "1"), maxLength: 20 }) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)) },
);
const contractText = fc.array(fragment, { maxLength: 30 }).map((parts) => parts.join(""));

/** Source offset of a 1-based line/column, computed independently of the locator. */
function sourceOffset(original: string, line: number, column: number): number {
  const starts = [0];
  for (let i = 0; i < original.length; i++) {
    const c = original.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (original.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts[line - 1]! + column - 1;
}

function checkFact(doc: ContractDocument, fact: Fact): void {
  const lines = new LineIndex(doc.original);
  const span = fact.span!;
  expect(span).not.toBeNull();
  expect(span.start).toBeGreaterThanOrEqual(0);
  expect(span.end).toBeGreaterThan(span.start);
  expect(span.end).toBeLessThanOrEqual(doc.text.length);
  // The matched words are exactly the text at the span…
  expect(doc.text.slice(span.start, span.end)).toBe(fact.matched);
  // …the quoted excerpt contains them (whitespace collapsed as in the excerpt)…
  expect(fact.excerpt).toContain(fact.matched.replace(/\s+/g, " ").trim());
  // …and line/column are inside the source and land where the span starts in the source.
  const loc = fact.location;
  expect(loc.line).toBeGreaterThanOrEqual(1);
  expect(loc.line).toBeLessThanOrEqual(lines.lineCount);
  expect(loc.column).toBeGreaterThanOrEqual(1);
  const at = sourceOffset(doc.original, loc.line, loc.column);
  expect(at).toBeLessThanOrEqual(doc.original.length);
  const expected = doc.offsetMap ? doc.offsetMap[span.start]! : span.start;
  expect(at).toBe(expected);
  if (loc.endLine !== undefined) expect(loc.endLine).toBeGreaterThanOrEqual(loc.line);
}

function analyseTwice(text: string, format: "text" | "markdown") {
  const doc = buildContract("prop.txt", format, text);
  const first = analyse(doc, pack);
  const second = analyse(buildContract("prop.txt", format, text), pack);
  return { doc, first, second };
}

describe("text pipeline on arbitrary input", () => {
  it(
    "never throws, keeps every location in bounds and on the matched words, and is deterministic",
    () => {
      let withFacts = 0;
      fc.assert(
        fc.property(contractText, fc.constantFrom("text" as const, "markdown" as const), (text, format) => {
          const { doc, first, second } = analyseTwice(text, format);
          if (first.facts.length) withFacts++;
          for (const fact of first.facts) checkFact(doc, fact);
          for (const f of first.findings) {
            expect(f.location.line).toBeGreaterThanOrEqual(1);
            expect(f.location.line).toBeLessThanOrEqual(new LineIndex(doc.original).lineCount);
          }
          expect(JSON.stringify(second)).toBe(JSON.stringify(first));
        }),
        runs(1500),
      );
      // The property is only worth something if detectors actually fired on the junk-laden text.
      expect(withFacts).toBeGreaterThan(runs(1500).numRuns / 10);
    },
    TIMEOUT,
  );

  it(
    "gives a result or a clean error for arbitrary bytes, never an internal error",
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.uint8Array({ maxLength: 400 }), fc.constantFrom("a.txt", "a.md", "a.yaml", "a"), async (bytes, path) => {
          const report = await analyseBytes(path, bytes, pack);
          if (report.error) expect(report.error.code).not.toBe("INTERNAL");
          else expect(report.score).not.toBeNull();
        }),
        runs(1000),
      );
    },
    TIMEOUT,
  );

  it(
    "survives the shapes that break line-based code: huge lines, no newlines, only newlines, NUL runs",
    () => {
      const phrase = PHRASES[0]!;
      const shapes = [
        "x".repeat(100_000),
        `${"word ".repeat(20_000)}${phrase}${" tail".repeat(20_000)}`,
        "\n".repeat(50_000),
        "\r\n".repeat(30_000),
        "\r".repeat(30_000),
        "\u0000".repeat(50_000),
        `${phrase}\n`.repeat(2_000),
        `${"\ud800".repeat(10_000)}${phrase}`,
        `${"\u202e".repeat(10_000)}${phrase}`,
        `1.${"\n(a) ".repeat(5_000)}${phrase}`,
      ];
      for (const text of shapes) {
        const { doc, first, second } = analyseTwice(text, "text");
        for (const fact of first.facts) checkFact(doc, fact);
        expect(JSON.stringify(second)).toBe(JSON.stringify(first));
      }
    },
    TIMEOUT,
  );

  it(
    "renders byte-identical JSON for the same bytes",
    async () => {
      await fc.assert(
        fc.asyncProperty(contractText, async (text) => {
          const bytes = encoder.encode(text);
          const a = await analyseBytes("same.txt", bytes, pack);
          const b = await analyseBytes("same.txt", bytes, pack);
          const tool = { name: "trustlint", version: "test" };
          expect(renderJson({ tool, documents: [b], rules: [] })).toBe(renderJson({ tool, documents: [a], rules: [] }));
        }),
        runs(300),
      );
    },
    TIMEOUT,
  );
});

/** YAML-shaped values, written as JSON text (valid YAML) so that keys like __proto__ reach the parser as keys. */
const DEAL_KEYS = [
  "deal",
  "parties",
  "pricing",
  "risk",
  "term",
  "shared_vision",
  "governance",
  "exit",
  "model",
  "name",
  "role",
  "type",
  "value",
  "liability",
  "supplier_cap",
  "present",
];
const HOSTILE_KEYS = ["__proto__", "constructor", "prototype", "toString", "hasOwnProperty", "valueOf"];
const yamlKey = fc.oneof(fc.constantFrom(...DEAL_KEYS), fc.constantFrom(...HOSTILE_KEYS), fc.string({ maxLength: 8 }));
const yamlText: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc
      .oneof(
        fc.string(),
        fc.integer(),
        fc.double(),
        fc.boolean(),
        fc.constant(null),
        fc.constantFrom("buyer", "supplier", "none", "amount"),
      )
      .map((v) => JSON.stringify(v) ?? "null"),
    fc.array(tie("node"), { maxLength: 4 }).map((items) => `[${items.join(", ")}]`),
    fc
      .array(fc.tuple(yamlKey, tie("node")), { maxLength: 5 })
      .map((entries) => `{${entries.map(([k, v]) => `${JSON.stringify(k)}: ${v}`).join(", ")}}`),
  ),
})).node;
/** Deals the schema accepts, mixed in so the "analysed" branch is exercised on every run, not by luck. */
const validDeal = fc
  .tuple(fc.boolean(), fc.constantFrom("buyer", "supplier"), fc.integer({ min: 1, max: 120 }), fc.constantFrom(...HOSTILE_KEYS))
  .map(([mfn, from, months, hostile]) =>
    [
      `pricing: {mfn: ${mfn}}`,
      `risk: {indemnities: [{from: ${from}, to: ${from === "buyer" ? "supplier" : "buyer"}}]}`,
      `term: {initial_months: ${months}}`,
      `evidence: {${JSON.stringify(hostile)}: "x"}`,
    ].join("\n"),
  );
const dealText = fc
  .array(fc.tuple(fc.oneof(fc.constantFrom(...DEAL_KEYS), fc.constantFrom(...HOSTILE_KEYS)), yamlText), { minLength: 1, maxLength: 6 })
  .map((entries) => entries.map(([k, v]) => `${k}: ${v}`).join("\n"));

describe("deal summaries from arbitrary YAML", () => {
  it(
    "are analysed or refused with a schema/syntax error, never a throw, and never touch Object.prototype",
    async () => {
      const before = Object.getOwnPropertyNames(Object.prototype).sort().join(",");
      const outcomes = { analysed: 0, refused: 0 };
      await fc.assert(
        fc.asyncProperty(fc.oneof(dealText, validDeal), async (text) => {
          const result = await ingest({ path: "deal.yaml", bytes: encoder.encode(text) });
          if (result.ok) {
            outcomes.analysed++;
            expect(result.value.kind).toBe("deal");
            analyse(result.value, pack);
          } else {
            outcomes.refused++;
            expect(["DEAL_SCHEMA", "DEAL_YAML_SYNTAX", "INPUT_UNSUPPORTED_FORMAT"]).toContain(result.error.code);
          }
          expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        }),
        runs(1000),
      );
      expect(Object.getOwnPropertyNames(Object.prototype).sort().join(",")).toBe(before);
      // Both branches are exercised, not just the refusal.
      expect(outcomes.analysed).toBeGreaterThan(0);
      expect(outcomes.refused).toBeGreaterThan(0);
    },
    TIMEOUT,
  );

  it(
    "treats __proto__ and constructor keys as unknown fields, not as prototype writes",
    async () => {
      for (const text of [
        "deal:\n  name: x\n__proto__:\n  polluted: yes\n",
        "deal:\n  __proto__:\n    polluted: yes\n",
        'deal: {"constructor": {"prototype": {"polluted": true}}}\n',
      ]) {
        const result = await ingest({ path: "deal.yaml", bytes: encoder.encode(text) });
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.error.code).toBe("DEAL_SCHEMA");
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }
    },
    TIMEOUT,
  );
});
