import { describe, expect, it } from "vitest";
import { analyseBytes } from "../src/core/pipeline.js";
import { builtinPack } from "./helpers.js";

/**
 * The risk, term/exit and dispute rules judge a YAML deal summary through the same facts as contract text:
 * findings point at the YAML path that caused them.
 */
const enc = (s: string) => new TextEncoder().encode(s);

async function findings(yaml: string) {
  const doc = await analyseBytes("deal.yaml", enc(yaml), await builtinPack());
  expect(doc.error).toBeNull();
  return doc.findings.map((f) => ({ ruleId: f.ruleId, kind: f.kind, path: f.location.path ?? null }));
}

const CONVENTIONAL = `
parties:
  - {name: Acme Ltd, role: buyer, defined_as: Customer}
  - {name: Beta Services Inc, role: supplier, defined_as: Supplier}
shared_vision:
  statement: Halve processing times together.
term:
  initial_months: 24
  renewal: {type: buyer_option}
risk:
  liability:
    buyer_cap: {type: multiple_fees, value: 1}
    supplier_cap: {type: none}
  consequential_exclusion: {present: true, mutual: false, protects: buyer}
  indemnities:
    - {from: supplier, to: buyer, scope: broad}
  termination:
    for_convenience: {buyer: true, notice_days: 30}
    for_cause: {materiality_required: false}
disputes:
  litigation_first: true
  forum_chooser: buyer
`;

const COLLABORATIVE = `
parties:
  - {name: Acme Ltd, role: buyer, defined_as: Customer}
  - {name: Beta Services Inc, role: supplier, defined_as: Supplier}
term:
  initial_months: 84
  renewal: {type: performance_based}
risk:
  liability:
    buyer_cap: {type: multiple_fees, value: 1}
    supplier_cap: {type: multiple_fees, value: 1}
  consequential_exclusion: {present: true, mutual: true}
  indemnities:
    - {from: supplier, to: buyer, scope: fault_based}
    - {from: buyer, to: supplier, scope: fault_based}
  termination:
    for_convenience: {buyer: true, supplier: true, notice_days: 180}
exit:
  plan: true
  transition_assistance_months: 12
disputes:
  escalation_tiers: 3
  mediation: true
`;

describe("risk, term and dispute rules on deal summaries", () => {
  it("flags the one-sided terms of a conventional deal at their YAML paths", async () => {
    const got = await findings(CONVENTIONAL);
    const at = (id: string) => got.filter((f) => f.ruleId === id).map((f) => f.path);
    expect(at("ra-liability-uncapped-one-side")).toEqual(["risk.liability.supplier_cap"]);
    expect(at("ra-liability-cap-one-sided")).toEqual(["risk.liability.buyer_cap"]);
    expect(at("ra-consequential-waiver-one-way")).toEqual(["risk.consequential_exclusion"]);
    expect(at("ra-indemnity-one-way")).toEqual(["risk.indemnities[0]"]);
    expect(at("tx-termination-for-convenience-one-sided")).toEqual(["risk.termination.for_convenience"]);
    expect(at("tx-termination-minor-breach")).toEqual(["risk.termination.for_cause"]);
    expect(at("tx-one-sided-renewal")).toEqual(["term.renewal.type"]);
    // A two-year term for a deal with a shared vision is short for the scope.
    expect(at("tx-short-term-for-strategic-scope")).toEqual(["term.initial_months"]);
    expect(at("dr-litigation-first")).toEqual(["disputes.litigation_first"]);
    expect(at("dr-forum-election-one-sided")).toEqual(["disputes.forum_chooser"]);
    expect(got.filter((f) => f.kind === "gap").map((f) => f.ruleId)).toEqual(
      expect.arrayContaining(["tx-no-exit-plan", "dr-no-escalation-path"]),
    );
  });

  it("credits the collaborative terms of a relational deal and raises no risk, term or dispute flags", async () => {
    const got = await findings(COLLABORATIVE);
    const ids = got.map((f) => f.ruleId);
    expect(ids).toEqual(
      expect.arrayContaining([
        "ra-liability-cap-mutual",
        "ra-consequential-waiver-mutual",
        "ra-indemnity-mutual",
        "tx-termination-for-convenience-mutual",
        "tx-performance-based-extension",
        "tx-exit-plan",
        "dr-escalation-ladder",
        "dr-mediation-before-adjudication",
      ]),
    );
    const flagsAndGaps = got.filter((f) => f.kind !== "strength" && /^(ra|tx|dr)-/.test(f.ruleId));
    expect(flagsAndGaps).toEqual([]);
  });
});
