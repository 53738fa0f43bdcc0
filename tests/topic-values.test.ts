import { describe, expect, it } from "vitest";
import { compilePack, loadRuleFiles } from "../src/engine/index.js";
import { detectFacts } from "../src/engine/detect.js";
import { buildContract } from "../src/ingest/contract.js";

/** The topic-schema features for values that patterns alone cannot express: word maps, flags, mutual-if. */
function packOf(topicYaml: string) {
  const { sources, errors } = loadRuleFiles([{ file: "rules/topics/probe.yaml", text: topicYaml }]);
  expect(errors).toEqual([]);
  return compilePack(sources);
}

const detect = (yaml: string, text: string) => detectFacts(buildContract("probe.txt", "text", text), packOf(yaml));

const BASE = `id: probe
title: Probe
description: a topic for tests
trigger: [review]
examples: {match: [review], no-match: [nothing]}
`;

describe("topic values", () => {
  const mapped = `${BASE}values:
  - name: cadence-months
    regex: '\\b(quarterly|half[- ]yearly|every\\s+six\\s+months|annually)\\b'
    type: number
    map: {quarterly: 3, half-yearly: 6, every six months: 6}
`;

  it("maps a captured word to a number, ignoring case, hyphens and spacing", () => {
    expect(detect(mapped, "The Board shall review progress Quarterly.")[0]!.values).toEqual({ "cadence-months": 3 });
    expect(detect(mapped, "The Board shall review progress half yearly.")[0]!.values).toEqual({ "cadence-months": 6 });
    expect(detect(mapped, "The Board shall review progress every  six\nmonths.")[0]!.values).toEqual({ "cadence-months": 6 });
  });

  it("gives no value for a captured word the map does not know", () => {
    expect(detect(mapped, "The Board shall review progress annually.")[0]!.values).toEqual({});
  });

  it("sets a boolean value when its regex matches, and leaves it out otherwise", () => {
    const yaml = `${BASE}values:\n  - {name: sole-remedy, regex: 'sole\\s+remedy', type: boolean}\n`;
    expect(detect(yaml, "Credits after each review are the sole remedy.")[0]!.values).toEqual({ "sole-remedy": true });
    expect(detect(yaml, "Credits follow each review.")[0]!.values).toEqual({});
  });

  it("rejects a map value that is neither number, string nor boolean", () => {
    const { errors } = loadRuleFiles([
      { file: "rules/topics/probe.yaml", text: `${BASE}values:\n  - {name: x, regex: '(a)', map: {a: [1]}}\n` },
    ]);
    expect(errors[0]?.code).toBe("RULE_SCHEMA");
  });
});

describe("mutual-if", () => {
  const yaml = `${BASE}subject: beneficiary
mutual-if:
  scope: clause
  any: [joint, each party]
`;

  it("marks the fact mutual when a joint marker appears anywhere in the clause", () => {
    const [f] = detect(yaml, "1. The Board shall review the Services. It has two members from each party.");
    expect(f).toMatchObject({ mutual: true, burdened: "both", beneficiary: "both" });
  });

  it("keeps the direction read from the subject when no joint marker appears", () => {
    const text =
      'This Agreement is between Acme Ltd ("Customer") and Beta Ltd ("Supplier").\n\n1. The Supplier shall attend the Customer review.';
    const [f] = detect(yaml, text).filter((x) => x.location.clause === "1");
    expect(f).toMatchObject({ mutual: false, beneficiary: "buyer", burdened: "supplier" });
  });

  it("is one-sided with no known direction when neither a marker nor a party is found", () => {
    const [f] = detect(yaml, "The Board shall review the Services.");
    expect(f).toMatchObject({ mutual: false, burdened: null, beneficiary: null });
  });

  it("reports a bad regex in mutual-if at load", () => {
    const { errors } = loadRuleFiles([{ file: "rules/topics/probe.yaml", text: `${BASE}mutual-if:\n  any: [{regex: '(unclosed'}]\n` }]);
    expect(errors[0]?.code).toBe("RULE_REGEX");
  });
});
