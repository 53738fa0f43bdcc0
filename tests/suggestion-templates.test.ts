import { readFile, readdir } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { analyseBytes } from "../src/core/pipeline.js";
import { render } from "../src/engine/evaluate.js";
import type { Fact } from "../src/model/fact.js";
import type { Party } from "../src/model/party.js";
import { builtinPack } from "./helpers.js";

/** Suggestions are templates like messages: `{party}`, `{beneficiary}` and `{value:<name>|<fallback>}`, filled per finding. */

const parties = [
  { name: "Harbour Clinics Ltd", alias: "Customer", role: "buyer" },
  { name: "Inkwell Ltd", alias: "Supplier", role: "supplier" },
] as unknown as Party[];
const fact = (values: Fact["values"]): Fact => ({ burdened: "supplier", beneficiary: "buyer", values }) as unknown as Fact;

describe("render()", () => {
  it("fills the parties and a value the clause stated", () => {
    expect(
      render(
        "{beneficiary} gives {party} the same; reviews every {value:cadence-months|twelve} months",
        fact({ "cadence-months": 18 }),
        parties,
      ),
    ).toBe("Customer gives Supplier the same; reviews every 18 months");
    expect(render("{value:subject}", fact({ subject: " price " }), parties)).toBe("price");
  });

  it("uses the fallback, or a neutral phrase, when the value or the fact is missing", () => {
    expect(render("every {value:cadence-months|twelve} months", fact({}), parties)).toBe("every twelve months");
    expect(render("by {value:cap_multiple}", null, [])).toBe("by the cap multiple");
    expect(render("{party} and {beneficiary}: {value:months|a few}", null, [])).toBe("one party and one party: a few");
    // A party name with `$&` in it is text, not a replacement pattern.
    expect(render("{party}", fact({}), [{ name: "A$&B", role: "supplier" }] as unknown as Party[])).toBe("A$&B");
  });
});

describe("render() with no party in the role", () => {
  it("says 'the other side', not 'the buyer', when no party of the contract holds that role", () => {
    const issuerAndAgents = [
      { name: "Brightline REIT, Inc.", alias: "Company", role: "supplier" },
      { name: "Kestrel Securities LLC", alias: "Agent", role: "unknown" },
      { name: "Orla Capital LLC", alias: "Co-Agent", role: "unknown" },
    ] as unknown as Party[];
    const onBuyer = { burdened: "buyer", beneficiary: "supplier", values: {} } as unknown as Fact;
    expect(render("{party} has no matching ceiling", onBuyer, issuerAndAgents)).toBe("the other side has no matching ceiling");
    // A deal summary has sides and no parties: the side is the name.
    expect(render("{party} has no matching ceiling", onBuyer, [])).toBe("the buyer has no matching ceiling");
  });
});

describe("suggestions in findings", () => {
  it("name the parties of the clause in the one-way indemnity's suggestion", async () => {
    const path = "tests/fixtures/drafts/draft-1.md";
    const doc = await analyseBytes(path, new Uint8Array(await readFile(path)), await builtinPack());
    const f = doc.findings.find((x) => x.ruleId === "ra-indemnity-one-way")!;
    expect(f.suggestion).toMatch(/^Make the indemnity mutual and fault-based: Customer gives Supplier the same indemnity back/);
  });

  it("never show a placeholder's braces on the bundled fixtures", async () => {
    const pack = await builtinPack();
    const files = (await readdir("fixtures/contracts")).filter((f) => f.endsWith(".md"));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const path = `fixtures/contracts/${file}`;
      const doc = await analyseBytes(path, new Uint8Array(await readFile(path)), pack);
      for (const f of doc.findings)
        expect(`${f.message} ${f.suggestion}`, `${file} ${f.ruleId}`).not.toMatch(/\{(party|beneficiary|value:[^}]*)\}/);
    }
  });
});

describe("suggestions with values from a deal summary", () => {
  it("states the review cadence the deal summary gives", async () => {
    const yaml = "governance: {exec_review_cadence: annual}\n";
    const doc = await analyseBytes("deal.yaml", new TextEncoder().encode(yaml), await builtinPack());
    const f = doc.findings.find((x) => x.ruleId === "gv-infrequent-exec-review");
    expect(f?.suggestion).toContain("the strategic reviews now held every 12 months");
  });
});
