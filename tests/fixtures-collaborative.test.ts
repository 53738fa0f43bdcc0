import { beforeAll, describe, expect, it } from "vitest";
import { main } from "../src/cli/main.js";
import { analyseFile, builtinPack, fakeIo } from "./helpers.js";

/** The collaborative agreement and the deal summaries written for this project (fixtures/). */
const VESTED = "fixtures/contracts/vested-agreement.md";

// Loading and compiling the pack is slow on a busy machine; do it once, outside the per-test time limit.
beforeAll(async () => {
  await builtinPack();
}, 120_000);

describe("vested-style agreement", () => {
  it("reads both parties with their roles", async () => {
    const report = await analyseFile(VESTED);
    expect(report.error).toBeNull();
    expect(report.parties.map((p) => [p.alias, p.role])).toEqual([
      ["Customer", "buyer"],
      ["Supplier", "supplier"],
    ]);
  });

  it("earns the collaborative strengths it was written to show, at their clauses", async () => {
    const report = await analyseFile(VESTED);
    const firstAt = (id: string) => report.findings.find((f) => f.ruleId === id && f.kind === "strength")?.location.clause;
    const expected: Record<string, string> = {
      "sv-shared-vision-present": "1.1",
      "sv-guiding-principles": "1.3",
      "tt-good-faith-mutual-trust": "1.4",
      "sv-desired-outcomes-defined": "2.1",
      "sv-joint-measurement-plan": "2.2",
      "sv-workload-allocation": "2.3",
      "pi-outcome-based-pricing": "3.1",
      "pi-gainshare-present": "3.2",
      "pi-investment-and-innovation-reward": "3.3",
      "tt-information-sharing-forecasts": "4.2",
      "gv-joint-governance-body": "5.1",
      "gv-tiered-cadence-exec-review": "5.2",
      "gv-relationship-health-review": "5.2",
      "tt-early-warning": "6.1",
      "tt-joint-risk-register": "6.2",
      "gv-joint-change-control": "7.1",
      "ra-indemnity-mutual": "9.1",
    };
    for (const [id, clause] of Object.entries(expected)) expect(firstAt(id), id).toBe(clause);
    expect(report.findings.some((f) => f.ruleId === "tt-open-book")).toBe(true);
    expect(report.findings.some((f) => f.ruleId === "gv-transformation-innovation-process")).toBe(true);
  });

  it("raises no win-lose flag or gap in the four collaborative groups", async () => {
    const report = await analyseFile(VESTED);
    const groups = new Set(["shared-vision", "pricing-incentives", "governance", "trust-transparency"]);
    const negatives = report.findings.filter((f) => f.kind !== "strength" && groups.has(f.principle));
    expect(negatives.map((f) => `${f.ruleId} @${f.location.clause}`)).toEqual([]);
  });

  it("reads the quarterly Governance Board meeting as a three-month cadence", async () => {
    const report = await analyseFile(VESTED);
    const review = report.facts.find((f) => f.topic === "business-review")!;
    expect(review.values["cadence-months"]).toBe(3);
    expect(review.location.clause).toBe("5.2");
  });
});

describe("deal summary fixtures", () => {
  it("the vested summary scores above the conventional one on every principle of these groups", async () => {
    const vested = await analyseFile("fixtures/deals/vested.yaml");
    const conventional = await analyseFile("fixtures/deals/conventional.yaml");
    expect(vested.format).toBe("deal");
    for (const id of ["shared-vision", "pricing-incentives", "governance", "trust-transparency"]) {
      const v = vested.score!.principles.find((p) => p.id === id)!.score;
      const c = conventional.score!.principles.find((p) => p.id === id)!.score;
      expect(v, id).toBeGreaterThanOrEqual(c);
    }
    expect(vested.score!.overall).toBeGreaterThan(conventional.score!.overall);
    expect(vested.findings.filter((f) => f.kind === "flag")).toEqual([]);
  });

  it("the conventional summary flags lowest-price award, metric overload, oversight and micromanagement at their YAML lines", async () => {
    const report = await analyseFile("fixtures/deals/conventional.yaml");
    const at = (id: string) => report.findings.find((f) => f.ruleId === id)?.location;
    expect(at("pi-lowest-price-focus")).toMatchObject({ path: "selection.price_weight_pct", line: 18 });
    expect(at("sv-metric-overload")).toMatchObject({ path: "slas.count", line: 26 });
    expect(at("gv-oversight-only")).toMatchObject({ path: "governance.bodies[0]" });
    expect(at("gv-micromanagement-of-how")).toMatchObject({ path: "governance.approvals_required_for" });
    expect(at("sv-activity-based-scope")).toMatchObject({ path: "scope.style" });
  });

  it("the invalid summary fails with DEAL_SCHEMA at file:line:col and exit code 2", async () => {
    const report = await analyseFile("fixtures/deals/invalid.yaml");
    expect(report.error).toMatchObject({ code: "DEAL_SCHEMA", line: 5, column: 3 });
    expect(report.error!.message).toContain("term.initial_months");
    const io = fakeIo();
    expect(await main(["check", "fixtures/deals/invalid.yaml"], io)).toBe(2);
    expect(io.err).toMatch(/fixtures\/deals\/invalid\.yaml:5:3: DEAL_SCHEMA /);
  });

  it("reports the unknown key of the invalid summary once the type error is fixed", async () => {
    const { parseDeal } = await import("../src/ingest/deal-yaml.js");
    const { readFile } = await import("node:fs/promises");
    const fixed = (await readFile("fixtures/deals/invalid.yaml", "utf8")).replace("twenty-four", "24");
    const parsed = parseDeal("invalid.yaml", fixed);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok)
      expect(parsed.error).toMatchObject({
        code: "DEAL_SCHEMA",
        line: 7,
        column: 3,
        message: "unknown field 'pricing.payment_terms_dayz'",
      });
  });
});
