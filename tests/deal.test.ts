import { beforeAll, describe, expect, it } from "vitest";
import { dealFacts, cadenceMonths } from "../src/engine/deal-facts.js";
import { analyse, packPolicy } from "../src/engine/index.js";
import { parseDeal } from "../src/ingest/deal-yaml.js";
import type { Fact } from "../src/model/fact.js";
import { builtinPack } from "./helpers.js";

/** A deal summary maps onto the same facts as contract text, so the same rules judge it. */
function deal(yaml: string) {
  const parsed = parseDeal("deal.yaml", yaml);
  if (!parsed.ok) throw new Error(`${parsed.error.code} ${parsed.error.message}`);
  return parsed.value;
}

const THRESHOLDS = packPolicy(await builtinPack()).deal;
const facts = (yaml: string): Fact[] => dealFacts(deal(yaml), THRESHOLDS);
const topics = (yaml: string) => facts(yaml).map((f) => f.topic);

async function ruleIds(yaml: string): Promise<string[]> {
  return analyse(deal(yaml), await builtinPack()).findings.map((f) => f.ruleId);
}

// domain.md §7, "a conventional FM deal", verbatim in substance.
const CONVENTIONAL = `relationship: {intended_model: vested}
parties: [{name: Acme plc, role: buyer, defined_as: Customer}, {name: FM Co, role: supplier, defined_as: Supplier}]
term: {initial_months: 24, renewal: {type: buyer_option, periods: 1, period_months: 12}}
pricing: {model: unit, rate_card: true, mandated_reduction_pct_per_year: 3, payment_terms_days: 90}
slas: {count: 64, service_credits: {present: true, max_pct_fees_at_risk: 20, earnback: false}}
risk:
  liability: {buyer_cap: {type: pct_fees, value: 100, period_months: 12}, supplier_cap: {type: none}}
  termination: {for_convenience: {buyer: true, supplier: false, notice_days: 30, compensation: false}}
disputes: {litigation_first: true}
`;

// Loading and compiling the pack is slow on a busy machine; do it once, outside the per-test time limit.
beforeAll(async () => {
  await builtinPack();
}, 120_000);

describe("deal summary → facts", () => {
  it("maps the conventional FM deal onto the topics its rules read", () => {
    const f = facts(CONVENTIONAL);
    const byTopic = (t: string) => f.filter((x) => x.topic === t);
    expect(byTopic("sourcing-model")[0]!.values).toEqual({ model: "vested", relational: true });
    expect(byTopic("activity-pricing")[0]!.values).toEqual({ model: "unit" });
    expect(byTopic("mandated-price-reduction")[0]).toMatchObject({ burdened: "supplier", values: { percent: 3 } });
    expect(byTopic("late-payment")[0]!.values).toEqual({ days: 90 });
    expect(byTopic("metric-overload")[0]!.values).toEqual({ count: 64 });
    expect(byTopic("service-credits")[0]!.values).toEqual({ "fees-at-risk": 20, earnback: false });
    expect(byTopic("earn-back")).toHaveLength(0);
    expect(byTopic("uncapped-liability")[0]).toMatchObject({ mutual: false, burdened: "supplier" });
    expect(byTopic("termination-for-convenience")[0]).toMatchObject({
      mutual: false,
      beneficiary: "buyer",
      values: { "notice-days": 30, compensation: false },
    });
    expect(byTopic("term-length")[0]!.values).toEqual({ months: 24 });
    expect(byTopic("one-sided-renewal")[0]).toMatchObject({ beneficiary: "buyer" });
    expect(byTopic("litigation-first")).toHaveLength(1);
    // Unknown is never negative: nothing about vision or governance was said, so no fact claims either way.
    expect(byTopic("shared-vision")).toHaveLength(0);
    expect(byTopic("governance-body")).toHaveLength(0);
  });

  it("points every fact at the YAML line of its field", () => {
    const f = facts(CONVENTIONAL);
    const credits = f.find((x) => x.topic === "service-credits")!;
    expect(credits.location).toMatchObject({ line: 5, path: "slas.service_credits" });
    expect(credits.excerpt).toContain("max_pct_fees_at_risk");
  });

  it("produces the expected findings of domain.md §7 that the catalogue has rules for", async () => {
    const pack = await builtinPack();
    const known = new Set(pack.rules.map((r) => r.id));
    const expected = [
      "ra-liability-uncapped-one-side",
      "pi-transaction-pricing-only",
      "pi-mandated-price-reductions",
      "ra-ld-credits-punitive",
      "sv-metric-overload",
      "tx-short-term-for-strategic-scope",
      "tx-termination-for-convenience-one-sided",
      "dr-litigation-first",
      "sv-no-shared-vision",
      "tx-no-exit-plan",
    ];
    // The rules this group owns must exist; the others are checked as soon as the catalogue has them.
    for (const id of ["pi-transaction-pricing-only", "pi-mandated-price-reductions", "sv-metric-overload", "sv-no-shared-vision"])
      expect(known).toContain(id);
    const ids = await ruleIds(CONVENTIONAL);
    for (const id of expected.filter((x) => known.has(x))) expect(ids, id).toContain(id);
    // …and no collaborative strength is invented for it.
    const strengths = analyse(deal(CONVENTIONAL), pack).findings.filter((x) => x.kind === "strength");
    expect(strengths).toEqual([]);
  });

  it("judges a transactional deal's activity pricing as fit for its model", async () => {
    const yaml = `relationship: {intended_model: basic_provider}\npricing: {model: unit}\n`;
    expect(topics(yaml)).toContain("activity-pricing");
    expect(await ruleIds(yaml)).not.toContain("pi-transaction-pricing-only");
  });

  it("treats a rate card with an outcome bonus or gain-share as a hybrid, not activity-only pricing", async () => {
    expect(await ruleIds(`pricing: {model: fte}\nincentives: {bonus: {present: true, basis: outcome}}\n`)).not.toContain(
      "pi-transaction-pricing-only",
    );
    expect(await ruleIds(`pricing: {model: fte}\nincentives: {gainshare: {present: true}}\n`)).not.toContain("pi-transaction-pricing-only");
    expect(await ruleIds(`pricing: {model: fte}\n`)).toContain("pi-transaction-pricing-only");
  });

  it("does not flag mandated reductions when savings are shared", async () => {
    const base = `pricing: {mandated_reduction_pct_per_year: 2}\n`;
    expect(await ruleIds(base)).toContain("pi-mandated-price-reductions");
    expect(await ruleIds(base + `incentives: {gainshare: {present: true, supplier_share_pct: 50}}\n`)).not.toContain(
      "pi-mandated-price-reductions",
    );
  });

  it("does not call an assignment of deliverables a give-away when background IP stays with its owner", async () => {
    const base = `ip: {foreground_owner: buyer}\n`;
    expect(await ruleIds(base)).toContain("ra-ip-assignment-all-to-buyer");
    expect(await ruleIds(`ip: {foreground_owner: buyer, background_retained: true}\n`)).not.toContain("ra-ip-assignment-all-to-buyer");
  });

  it("does not flag liquidated damages twice when service credits are the sole remedy", async () => {
    const base = `slas: {liquidated_damages: {present: true}, service_credits: {present: true}}\n`;
    expect(await ruleIds(base)).toContain("ra-liquidated-damages-no-earn-back");
    expect(
      await ruleIds(`slas: {liquidated_damages: {present: true}, service_credits: {present: true, sole_remedy: true}}\n`),
    ).not.toContain("ra-liquidated-damages-no-earn-back");
  });

  it("flags pain-share only when there is no gain-share", async () => {
    expect(await ruleIds(`incentives: {painshare: {present: true, supplier_share_pct: 100}}\n`)).toContain("pi-asymmetric-pain-gain");
    expect(await ruleIds(`incentives: {painshare: {present: true}, gainshare: {present: true}}\n`)).not.toContain(
      "pi-asymmetric-pain-gain",
    );
  });

  it("credits business reviews at least half-yearly and flags annual-only reviews", async () => {
    for (const [cadence, months] of [
      ["monthly", 1],
      ["quarterly", 3],
      ["semiannual", 6],
      ["annual", 12],
    ] as const) {
      const f = facts(`governance: {exec_review_cadence: ${cadence}}\n`).find((x) => x.topic === "business-review")!;
      expect(f.values["cadence-months"]).toBe(months);
    }
    expect(await ruleIds(`governance: {exec_review_cadence: semiannual}\n`)).toContain("gv-tiered-cadence-exec-review");
    const annual = await ruleIds(`governance: {exec_review_cadence: annual}\n`);
    expect(annual).not.toContain("gv-tiered-cadence-exec-review");
    expect(annual).toContain("gv-infrequent-exec-review");
    expect(annual).not.toContain("gv-no-business-reviews");
    expect(topics(`governance: {exec_review_cadence: none}\n`)).not.toContain("business-review");
  });

  it("reads the cadence of a joint body as a business review, but not of a buyer-only body", () => {
    const joint = facts(`governance: {bodies: [{name: Board, members_from: [buyer, supplier], cadence: every six months}]}\n`);
    expect(joint.find((x) => x.topic === "business-review")?.values).toEqual({ "cadence-months": 6 });
    const buyerOnly = facts(`governance: {bodies: [{name: Board, members_from: [buyer], cadence: monthly}]}\n`);
    expect(buyerOnly.map((x) => x.topic)).not.toContain("business-review");
    expect(buyerOnly.find((x) => x.topic === "governance-body")).toMatchObject({
      mutual: false,
      beneficiary: "buyer",
      burdened: "supplier",
    });
    expect(cadenceMonths("Half-yearly")).toBe(6);
    expect(cadenceMonths("ad hoc")).toBeUndefined();
  });

  it("separates joint governance from oversight", async () => {
    const joint = await ruleIds(`governance: {bodies: [{name: Board, members_from: [buyer, supplier], decision_rule: consensus}]}\n`);
    expect(joint).toContain("gv-joint-governance-body");
    expect(joint).not.toContain("gv-oversight-only");
    const dictated = await ruleIds(
      `governance: {bodies: [{name: Board, members_from: [buyer, supplier], decision_rule: buyer_decides}]}\n`,
    );
    expect(dictated).toContain("gv-oversight-only");
    expect(dictated).not.toContain("gv-joint-governance-body");
  });

  it("does not credit a vision the buyer wrote alone", async () => {
    const yaml = `shared_vision: {statement: Lowest cost FM in the region, jointly_developed: false}\n`;
    expect(facts(yaml).find((x) => x.topic === "shared-vision")!.values).toEqual({ "jointly-developed": false });
    const ids = await ruleIds(yaml);
    expect(ids).not.toContain("sv-shared-vision-present");
    expect(ids).not.toContain("sv-no-shared-vision");
    expect(await ruleIds(`shared_vision: {statement: Best-rated helpdesk in the sector, jointly_developed: true}\n`)).toContain(
      "sv-shared-vision-present",
    );
  });

  it("needs three guiding principles and outcomes with a metric and a target", () => {
    expect(topics(`shared_vision: {guiding_principles: [honesty, equity]}\n`)).not.toContain("guiding-principles");
    expect(topics(`shared_vision: {guiding_principles: [honesty, equity, integrity]}\n`)).toContain("guiding-principles");
    expect(topics(`desired_outcomes: [{name: Happy users}]\n`)).not.toContain("desired-outcomes");
    expect(topics(`desired_outcomes: [{name: Availability, metric: uptime, baseline: 99.5, target: 99.9}]\n`)).toContain(
      "desired-outcomes",
    );
  });

  it("splits unilateral change rights by subject so price changes are judged as pricing", async () => {
    const f = facts(`risk: {unilateral_change_rights: {holder: buyer, topics: [scope, price]}}\n`).filter(
      (x) => x.topic === "unilateral-change",
    );
    expect(f.map((x) => x.values.subject)).toEqual(["scope", "price"]);
    expect(f.every((x) => x.burdened === "supplier" && x.beneficiary === "buyer")).toBe(true);
    expect(await ruleIds(`pricing: {price_change_right: supplier_unilateral}\n`)).toContain("pi-unilateral-price-change");
    expect(await ruleIds(`pricing: {price_change_right: formula}\n`)).not.toContain("pi-unilateral-price-change");
  });

  it("maps good faith, early warning, open book and information sharing", async () => {
    const yaml = `trust:
  good_faith_clause: general
  early_warning: {present: true, mutual: false}
  info_sharing: {forecasts_from_buyer: true}
pricing: {open_book: {present: true, mutual_visibility: false}}
`;
    const ids = await ruleIds(yaml);
    expect(ids).toEqual(
      expect.arrayContaining([
        "tt-good-faith-mutual-trust",
        "tt-early-warning-one-way",
        "tt-open-book",
        "tt-information-sharing-forecasts",
      ]),
    );
    expect(ids).not.toContain("tt-early-warning");
    expect(await ruleIds(`trust: {good_faith_clause: excluded}\n`)).toContain("tt-good-faith-excluded");
    expect(topics(`trust: {good_faith_clause: dispute_only}\n`)).toEqual([]);
  });

  it("leaves unknown values out instead of inventing empty ones", () => {
    const f = facts(`incentives: {gainshare: {present: true}}\nrisk: {termination: {for_convenience: {buyer: true, supplier: true}}}\n`);
    for (const fact of f) for (const v of Object.values(fact.values)) expect(v).not.toBe("");
    expect(f.find((x) => x.topic === "gain-share")!.values).toEqual({});
  });

  it("gives the same facts for the same summary", () => {
    expect(JSON.stringify(facts(CONVENTIONAL))).toBe(JSON.stringify(facts(CONVENTIONAL)));
  });
});
