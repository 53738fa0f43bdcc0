import { describe, expect, it } from "vitest";
import { analyseBytes } from "../src/core/pipeline.js";
import { renderJson } from "../src/report/json.js";
import { renderTerminal } from "../src/report/terminal.js";
import type { Report } from "../src/model/report.js";
import { builtinPack } from "./helpers.js";

const TEXT = `SERVICES AGREEMENT

This Agreement is made between Acme Ltd ("Customer") and Beta Services Inc. (the "Supplier").

1. Indemnities

1.1 The Supplier shall indemnify the Customer against all claims arising from the Services.

2. Liability

2.1 In no event shall the Customer's aggregate liability exceed the fees paid in the preceding 12 months.
`;

async function report(text = TEXT, path = "draft.txt"): Promise<Report> {
  const pack = await builtinPack();
  const doc = await analyseBytes(path, new TextEncoder().encode(text), pack);
  return { tool: { name: "trustlint", version: "1.2.3" }, documents: [doc], rules: [] };
}

describe("JSON report (public contract, schemaVersion 1)", () => {
  it("has the documented shape", async () => {
    const json = JSON.parse(renderJson(await report()));
    expect(json.schemaVersion).toBe(1);
    expect(json.tool).toEqual({ name: "trustlint", version: "1.2.3" });
    const d = json.documents[0];
    expect(d).toMatchObject({ path: "draft.txt", format: "text", error: null });
    expect(d.parties).toEqual([
      { name: "Acme Ltd", role: "buyer", alias: "Customer", roleSource: "defined-term", roleEvidence: "Customer" },
      { name: "Beta Services Inc.", role: "supplier", alias: "Supplier", roleSource: "defined-term", roleEvidence: "Supplier" },
    ]);
    expect(d.score.overall).toBeGreaterThanOrEqual(0);
    expect(d.score.overall).toBeLessThanOrEqual(100);
    expect(d.score.principles.map((p: { id: string }) => p.id)).toEqual([
      "shared-vision",
      "pricing-incentives",
      "risk-allocation",
      "governance",
      "trust-transparency",
      "term-exit",
      "dispute-resolution",
    ]);
    for (const t of d.topics) {
      expect(t).toHaveProperty("id");
      expect([true, false, null]).toContain(t.mutual);
      expect(["buyer", "supplier", "both", null]).toContain(t.burdened);
      expect(t.location.line).toBeGreaterThanOrEqual(1);
      expect(t.location.column).toBeGreaterThanOrEqual(1);
      expect(t.location).toHaveProperty("clause");
    }
    const indemnity = d.findings.find((f: { ruleId: string }) => f.ruleId === "ra-indemnity-one-way");
    expect(indemnity).toMatchObject({ kind: "flag", principle: "risk-allocation", severity: "high", location: { line: 7, clause: "1.1" } });
    expect(indemnity.excerpt).toContain("Supplier shall indemnify");
    expect(indemnity.suggestion.length).toBeGreaterThan(20);
    expect(indemnity.fingerprint).toMatch(/^[0-9a-f]{20}$/);
  });

  it("says for each topic whether the other side returns it: mutual, asymmetric or one-way", async () => {
    const text = [
      'This Agreement is made between Acme Ltd ("Customer") and Beta Services Inc. (the "Supplier").',
      "",
      "1.1 The Supplier shall indemnify the Customer against all claims arising from the Services.",
      "1.2 The Customer shall indemnify the Supplier against all claims arising from the Services.",
      "2.1 The Supplier's aggregate liability shall not exceed the fees paid in the preceding 12 months.",
      "2.2 The Customer's aggregate liability shall not exceed one million pounds.",
      "3.1 The Customer may terminate this Agreement for convenience on thirty days' notice.",
    ].join("\n");
    const json = JSON.parse(renderJson(await report(text)));
    const of = (id: string) =>
      json.documents[0].topics
        .filter((t: { id: string }) => t.id === id)
        .map((t: { reciprocity: string | null; beneficiaryParty: string | null }) => t.reciprocity);
    expect(of("indemnity")).toEqual(["mutual", "mutual"]);
    expect(of("liability-cap")).toEqual(["asymmetric", "asymmetric"]);
    expect(of("termination-for-convenience")).toEqual(["one-way"]);
  });

  it("reports a ceiling for each side in one sentence as one asymmetric term that binds both", async () => {
    const text = [
      'This Agreement is made between Acme Ltd ("Customer") and Beta Services Inc. (the "Supplier").',
      "",
      "2.1 The Supplier's aggregate liability shall not exceed the fees paid in the preceding 12 months, and the Customer's aggregate liability shall not exceed one million pounds.",
    ].join("\n");
    const json = JSON.parse(renderJson(await report(text)));
    const caps = json.documents[0].topics.filter((t: { id: string }) => t.id === "liability-cap");
    expect(caps.map((t: { reciprocity: string; mutual: boolean | null }) => [t.reciprocity, t.mutual])).toEqual([["asymmetric", true]]);
  });

  it("points each topic's location at its matched words in the source", async () => {
    const r = await report();
    const lines = TEXT.split("\n");
    for (const fact of r.documents[0]!.facts) {
      const line = lines[fact.location.line - 1]!;
      expect(line.slice(fact.location.column - 1).toLowerCase()).toContain(fact.matched.split(/\s+/)[0]!.toLowerCase());
    }
  });

  it("is byte-identical for the same input", async () => {
    expect(renderJson(await report())).toBe(renderJson(await report()));
  });

  it("carries an error entry instead of a score for a file that failed", async () => {
    const pack = await builtinPack();
    const doc = await analyseBytes("empty.txt", new Uint8Array(), pack);
    const json = JSON.parse(renderJson({ tool: { name: "trustlint", version: "0" }, documents: [doc], rules: [] }));
    expect(json.documents[0].error).toEqual({ code: "INPUT_EMPTY", message: "the file is empty" });
    expect(json.documents[0].score).toBeNull();
  });
});

describe("terminal report", () => {
  it("groups by principle and shows clause, evidence and the suggested alternative", async () => {
    const out = renderTerminal(await report(), { color: false });
    expect(out).toContain("Risk allocation");
    expect(out).toContain("[ra-indemnity-one-way] clause 1.1, line 7");
    expect(out).toContain("Supplier shall indemnify the Customer");
    expect(out).toContain("→");
    expect(out).toContain("Fix first");
    expect(out).not.toMatch(/\u001b\[/);
  });

  it("neutralises escape sequences that come from the contract text", async () => {
    const hostile = TEXT.replace("all claims", "all claims \u001b[2J\u001b]0;pwned\u0007");
    const out = renderTerminal(await report(hostile), { color: false });
    expect(out).not.toContain("\u001b");
  });

  it("prints the score arithmetic with --explain-score", async () => {
    const out = renderTerminal(await report(), { color: false, explainScore: true });
    expect(out).toMatch(/= 50 .*-18 ra-indemnity-one-way/);
  });
});
