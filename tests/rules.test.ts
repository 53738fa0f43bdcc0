import { describe, expect, it } from "vitest";
import { analyseText, builtinPack } from "./helpers.js";

/**
 * The generic rule runner: every topic detector and every principle rule carries examples that must and must
 * not trigger it, and this one file runs them all through the real pipeline (ingest → facts → rules).
 */
const pack = await builtinPack();

describe("topic detectors", () => {
  for (const topic of pack.topics) {
    describe(topic.meta.id, () => {
      for (const text of topic.meta.examples.match) {
        it(`detects: ${text.slice(0, 70)}`, async () => {
          const { facts } = await analyseText(text);
          expect(facts.map((f) => f.topic)).toContain(topic.meta.id);
        });
      }
      for (const text of topic.meta.examples["no-match"]) {
        it(`ignores: ${text.slice(0, 70)}`, async () => {
          const { facts } = await analyseText(text);
          expect(facts.map((f) => f.topic)).not.toContain(topic.meta.id);
        });
      }
    });
  }
});

describe("principle rules", () => {
  for (const rule of pack.rules) {
    describe(rule.id, () => {
      for (const text of rule.examples.trigger) {
        it(`fires on: ${text.slice(0, 70)}`, async () => {
          const { findings } = await analyseText(text);
          const hits = findings.filter((f) => f.ruleId === rule.id);
          expect(hits.length).toBeGreaterThan(0);
          expect(hits[0]!.kind).toBe(rule.kind);
          expect(hits[0]!.severity).toBe(rule.severity);
          expect(hits[0]!.location.line).toBeGreaterThanOrEqual(1);
        });
      }
      for (const text of rule.examples["no-trigger"]) {
        it(`stays quiet on: ${text.slice(0, 70)}`, async () => {
          const { findings } = await analyseText(text);
          expect(findings.map((f) => f.ruleId)).not.toContain(rule.id);
        });
      }
    });
  }
});

describe("rule pack", () => {
  it("has unique ids and every rule carries rationale, suggestion and both kinds of example", () => {
    const ids = pack.rules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of pack.rules) {
      expect(r.rationale.length).toBeGreaterThan(40);
      expect(r.suggestion.length).toBeGreaterThan(40);
      expect(r.suggestion).not.toBe(r.rationale);
    }
  });
});
