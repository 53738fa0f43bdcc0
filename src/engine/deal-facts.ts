import type { DealData, DealSummary } from "../model/deal.js";
import type { DealPolicy } from "../model/policy.js";
import type { Fact, FactValue } from "../model/fact.js";
import type { Side } from "../model/party.js";
import { otherSide } from "../model/party.js";

/**
 * Maps a deal summary onto the facts topic detectors produce from text, so every principle rule judges both.
 * A field that is missing produces no fact ("unknown"), never a negative one.
 */
type Emit = (
  topic: string,
  path: string,
  attrs?: Partial<Pick<Fact, "mutual" | "burdened" | "beneficiary">>,
  values?: Record<string, FactValue>,
) => void;

const CADENCE_MONTHS = { monthly: 1, quarterly: 3, semiannual: 6, annual: 12 } as const;

/** Free-text cadences of governance bodies ("quarterly", "every six months") → months, as the business-review topic reads them. */
const CADENCE_WORDS: [RegExp, number][] = [
  [/\b(?:weekly|fortnightly|monthly|every\s+month|each\s+month)\b/i, 1],
  [/\b(?:quarterly|every\s+(?:quarter|three\s+months))\b/i, 3],
  [/\b(?:half[- ]yearly|semi[- ]?annual(?:ly)?|six[- ]monthly|every\s+six\s+months|twice\s+a\s+year)\b/i, 6],
  [/\b(?:annual(?:ly)?|yearly|once\s+a\s+year|every\s+(?:year|twelve\s+months))\b/i, 12],
];

export function cadenceMonths(text: string): number | undefined {
  return CADENCE_WORDS.find(([re]) => re.test(text))?.[1];
}

/** Sourcing business models that call for relational expectations (domain.md §2). */
const RELATIONAL_MODELS = new Set(["performance_based", "vested", "shared_services", "equity_partnership"]);

/** Values with the unknowns left out, so that `present`/`absent` conditions mean what they say. */
function known(values: Record<string, FactValue | undefined>): Record<string, FactValue> {
  const out: Record<string, FactValue> = {};
  for (const [k, v] of Object.entries(values)) if (v !== undefined && v !== "") out[k] = v;
  return out;
}

/** `policy` holds the pack's thresholds (policy.yaml `deal-summary:`): how many days of payment terms are late, and so on. */
export function dealFacts(summary: DealSummary, policy: DealPolicy): Fact[] {
  const facts: Fact[] = [];
  const emit: Emit = (topic, path, attrs = {}, values = {}) => {
    const pos = lookup(summary, path);
    facts.push({
      topic,
      span: null,
      location: { line: pos.line, column: pos.column, clause: null, path },
      mutual: attrs.mutual ?? null,
      burdened: attrs.burdened ?? null,
      beneficiary: attrs.beneficiary ?? null,
      values,
      excerpt: `${path}: ${describe(summary.data, path)}`,
      matched: path,
    });
  };
  mapVisionAndOutcomes(summary.data, emit, policy);
  mapPricing(summary.data, emit, policy);
  mapRisk(summary.data, emit);
  mapGovernanceAndTrust(summary.data, emit);
  mapTermExitDisputes(summary.data, emit);
  return facts;
}

const oneWay = (burdened: "buyer" | "supplier") => ({ mutual: false, burdened, beneficiary: otherSide(burdened) as Side });
const mutual = { mutual: true, burdened: "both" as Side, beneficiary: "both" as Side };

function mapVisionAndOutcomes(d: DealData, emit: Emit, policy: DealPolicy): void {
  const sv = d.shared_vision;
  if (d.relationship?.intended_model) {
    const model = d.relationship.intended_model;
    emit("sourcing-model", "relationship.intended_model", {}, { model, relational: RELATIONAL_MODELS.has(model) });
  }
  if (sv?.statement?.trim() || sv?.statement_of_intent) {
    const path = sv.statement?.trim() ? "shared_vision.statement" : "shared_vision.statement_of_intent";
    emit(
      "shared-vision",
      path,
      sv.jointly_developed === false ? { mutual: false } : mutual,
      known({ "jointly-developed": sv.jointly_developed }),
    );
  }
  if ((sv?.guiding_principles?.length ?? 0) >= policy.guidingPrinciplesMinCount)
    emit("guiding-principles", "shared_vision.guiding_principles", mutual, { count: sv!.guiding_principles!.length });
  const outcomes = (d.desired_outcomes ?? []).filter((o) => o.metric && o.target !== undefined);
  if (outcomes.length) emit("desired-outcomes", "desired_outcomes", {}, { count: outcomes.length });
  if ((d.desired_outcomes ?? []).some((o) => o.measurement?.jointly_defined || o.measurement?.owner === "joint"))
    emit("joint-measurement", "desired_outcomes", mutual);
  if (d.scope?.workload_allocation || (d.scope?.customer_responsibilities?.length ?? 0) > 0) emit("workload-allocation", "scope", mutual);
  if (d.scope?.style === "prescriptive") emit("prescriptive-scope", "scope.style", oneWay("supplier"));
}

function mapPricing(d: DealData, emit: Emit, policy: DealPolicy): void {
  const p = d.pricing;
  if (d.selection?.price_weight_pct !== undefined && d.selection.price_weight_pct >= policy.lowestPriceMinWeightPct)
    emit("lowest-price", "selection.price_weight_pct", oneWay("supplier"), { "price-weight": d.selection!.price_weight_pct! });
  if ((d.selection?.criteria ?? []).some((c) => /lowest\s+(?:price|cost|bid)/i.test(c)))
    emit("lowest-price", "selection.criteria", oneWay("supplier"));
  // The fact says how the supplier is paid; whether an incentive makes it a hybrid is the rule's judgement.
  if (p?.model && ["unit", "fte", "time_and_materials", "cost_plus"].includes(p.model))
    emit("activity-pricing", "pricing.model", {}, { model: p.model });
  else if (p?.rate_card && !p.model) emit("activity-pricing", "pricing.rate_card", {}, { model: "rate_card" });
  if (p?.model === "outcome_based") emit("outcome-pricing", "pricing.model", mutual);
  if ((p?.mandated_reduction_pct_per_year ?? 0) > 0)
    emit("mandated-price-reduction", "pricing.mandated_reduction_pct_per_year", oneWay("supplier"), {
      percent: p!.mandated_reduction_pct_per_year!,
    });
  if (p?.mfn) emit("most-favored-nation", "pricing.mfn", oneWay("supplier"));
  // `down-only` is what the text detector reads from a benchmark that can only cut the price (pi-price-down-only).
  if (p?.benchmarking?.present && p.benchmarking.direction === "down_only")
    emit("price-restriction", "pricing.benchmarking", oneWay("supplier"), { "down-only": true });
  if (p?.indexation?.direction === "down_only") emit("price-restriction", "pricing.indexation", oneWay("supplier"), { "down-only": true });
  if (p?.price_change_right === "buyer_unilateral")
    emit("unilateral-change", "pricing.price_change_right", oneWay("supplier"), { subject: "price" });
  if (p?.price_change_right === "supplier_unilateral")
    emit("unilateral-change", "pricing.price_change_right", oneWay("buyer"), { subject: "price" });
  if (p?.open_book?.present) emit("open-book", "pricing.open_book", p.open_book.mutual_visibility === false ? { mutual: false } : mutual);
  if (p?.set_off === "mutual") emit("set-off", "pricing.set_off", mutual);
  if (p?.set_off === "buyer_only") emit("set-off", "pricing.set_off", oneWay("supplier"));
  if (p?.set_off === "supplier_only") emit("set-off", "pricing.set_off", oneWay("buyer"));
  if (p?.payment_terms_days !== undefined && p.payment_terms_days > policy.latePaymentOverDays)
    emit("late-payment", "pricing.payment_terms_days", oneWay("supplier"), { days: p.payment_terms_days });
  const inc = d.incentives;
  if (inc?.gainshare?.present)
    emit(
      "gain-share",
      "incentives.gainshare",
      mutual,
      known({ "supplier-share": inc.gainshare.supplier_share_pct, "baseline-defined": inc.gainshare.baseline_defined }),
    );
  if (inc?.painshare?.present)
    emit(
      "pain-share",
      "incentives.painshare",
      {},
      known({ "supplier-share": inc.painshare.supplier_share_pct, "cap-pct-of-fee": inc.painshare.cap_pct_of_fee }),
    );
  if (inc?.investment_recovery) emit("innovation-reward", "incentives.investment_recovery", mutual, { kind: "investment_recovery" });
  if (inc?.award_term) emit("innovation-reward", "incentives.award_term", mutual, { kind: "award_term" });
  if (inc?.bonus?.present && inc.bonus.basis !== "discretionary")
    emit("innovation-reward", "incentives.bonus", mutual, known({ kind: "bonus", basis: inc.bonus.basis }));
  if (d.governance?.transformation?.fund) emit("innovation-reward", "governance.transformation.fund", mutual, { kind: "innovation_fund" });
  if (inc?.bonus?.present && inc.bonus.basis === "outcome") emit("outcome-pricing", "incentives.bonus", mutual);
  const credits = d.slas?.service_credits;
  if (credits?.present)
    emit(
      "service-credits",
      "slas.service_credits",
      oneWay("supplier"),
      known({ "fees-at-risk": credits.max_pct_fees_at_risk, "sole-remedy": credits.sole_remedy, earnback: credits.earnback }),
    );
  if (credits?.sole_remedy) emit("credits-sole-remedy", "slas.service_credits.sole_remedy", mutual);
  if (credits?.earnback) emit("earn-back", "slas.service_credits.earnback", mutual);
  if (d.slas?.liquidated_damages?.earnback) emit("earn-back", "slas.liquidated_damages.earnback", mutual);
  const ld = d.slas?.liquidated_damages;
  if (ld?.present)
    emit("liquidated-damages", "slas.liquidated_damages", oneWay("supplier"), known({ capped: ld.capped, earnback: ld.earnback }));
  if (d.slas?.count !== undefined && d.slas.count > policy.metricOverloadOverCount)
    emit("metric-overload", "slas.count", oneWay("supplier"), { count: d.slas!.count! });
  if (d.slas?.relief_for_buyer_causes) emit("supplier-relief", "slas.relief_for_buyer_causes", mutual);
}

function mapRisk(d: DealData, emit: Emit): void {
  const r = d.risk;
  const liability = r?.liability;
  if (liability) {
    const buyerCapped = liability.buyer_cap?.type !== undefined && liability.buyer_cap.type !== "none";
    const supplierCapped = liability.supplier_cap?.type !== undefined && liability.supplier_cap.type !== "none";
    const buyerNone = liability.buyer_cap?.type === "none";
    const supplierNone = liability.supplier_cap?.type === "none";
    if (buyerCapped && supplierCapped) emit("liability-cap", "risk.liability", mutual);
    else if (buyerCapped) emit("liability-cap", "risk.liability.buyer_cap", { mutual: false, beneficiary: "buyer", burdened: "supplier" });
    else if (supplierCapped)
      emit("liability-cap", "risk.liability.supplier_cap", { mutual: false, beneficiary: "supplier", burdened: "buyer" });
    if (supplierNone && !buyerNone) emit("uncapped-liability", "risk.liability.supplier_cap", oneWay("supplier"));
    else if (buyerNone && !supplierNone) emit("uncapped-liability", "risk.liability.buyer_cap", oneWay("buyer"));
    else if (buyerNone && supplierNone) emit("uncapped-liability", "risk.liability", mutual);
    const carve = liability.carve_outs;
    const sCarve = carve?.supplier?.length ?? 0;
    const bCarve = carve?.buyer?.length ?? 0;
    if (sCarve > 0 && bCarve === 0 && supplierCapped)
      emit("uncapped-liability", "risk.liability.carve_outs.supplier", oneWay("supplier"), { "carve-outs": sCarve });
    if (bCarve > 0 && sCarve === 0 && buyerCapped)
      emit("uncapped-liability", "risk.liability.carve_outs.buyer", oneWay("buyer"), { "carve-outs": bCarve });
  }
  const ce = r?.consequential_exclusion;
  if (ce?.present) {
    if (ce.mutual !== false) emit("consequential-damages-waiver", "risk.consequential_exclusion", mutual);
    else if (ce.protects)
      emit("consequential-damages-waiver", "risk.consequential_exclusion", {
        mutual: false,
        beneficiary: ce.protects,
        burdened: otherSide(ce.protects),
      });
    else emit("consequential-damages-waiver", "risk.consequential_exclusion", { mutual: false });
  }
  const indemnities = r?.indemnities ?? [];
  const froms = new Set(indemnities.map((i) => i.from));
  indemnities.forEach((i, n) => {
    const both = froms.has("buyer") && froms.has("supplier");
    emit(
      "indemnity",
      `risk.indemnities[${n}]`,
      { mutual: both, burdened: i.from, beneficiary: i.to },
      known({ scope: i.scope, capped: i.capped }),
    );
  });
  const ucr = r?.unilateral_change_rights;
  if (ucr?.holder && ucr.holder !== "none") {
    // One fact per topic changed, so price changes can be judged apart from scope or policy changes.
    const topics = ucr.topics?.length ? ucr.topics : [undefined];
    for (const t of topics)
      emit(
        "unilateral-change",
        "risk.unilateral_change_rights",
        { mutual: false, beneficiary: ucr.holder, burdened: otherSide(ucr.holder) },
        known({ subject: t }),
      );
  }
  (r?.discretionary_rights ?? []).forEach((x, n) => {
    if (!x.reasonableness_qualifier)
      emit("sole-discretion", `risk.discretionary_rights[${n}]`, { mutual: false, beneficiary: x.holder, burdened: otherSide(x.holder) });
  });
  const tfc = r?.termination?.for_convenience;
  const tfcValues = known({ "notice-days": tfc?.notice_days, compensation: tfc?.compensation });
  if (tfc?.buyer && tfc.supplier) emit("termination-for-convenience", "risk.termination.for_convenience", mutual, tfcValues);
  else if (tfc?.buyer)
    emit(
      "termination-for-convenience",
      "risk.termination.for_convenience",
      { mutual: false, beneficiary: "buyer", burdened: "supplier" },
      tfcValues,
    );
  else if (tfc?.supplier)
    emit(
      "termination-for-convenience",
      "risk.termination.for_convenience",
      { mutual: false, beneficiary: "supplier", burdened: "buyer" },
      tfcValues,
    );
  const cure = r?.termination?.for_cause;
  if (cure && (cure.materiality_required === false || cure.cure_days === 0))
    emit("termination-minor-breach", "risk.termination.for_cause", oneWay("supplier"), known({ "cure-days": cure.cure_days }));
  if (r?.risk_register?.present) emit("risk-register", "risk.risk_register", r.risk_register.joint === false ? { mutual: false } : mutual);
  if (r?.audit?.present)
    emit(
      "audit-rights",
      "risk.audit",
      r.audit.mutual ? mutual : oneWay("supplier"),
      known({ "notice-days": r.audit.notice_days, "max-per-year": r.audit.max_per_year, "cost-bearer": r.audit.cost_bearer }),
    );
  (r?.restrictive_covenants ?? []).forEach((c, n) => {
    const topic = c.type === "non_compete" ? "non-compete" : c.type === "exclusivity" ? "exclusivity" : "non-solicit";
    emit(
      topic,
      `risk.restrictive_covenants[${n}]`,
      c.mutual ? mutual : oneWay(c.bound_party),
      known({ "duration-months": c.duration_months }),
    );
  });
  const a = r?.assignment;
  if (a?.buyer_free && a.supplier_needs_consent) emit("assignment", "risk.assignment", oneWay("supplier"));
  if (r?.minimum_commitment?.present)
    emit("minimum-commitment", "risk.minimum_commitment", r.minimum_commitment.mutual ? mutual : oneWay("buyer"));
  if (d.ip?.foreground_owner === "buyer")
    emit(
      "ip-assignment",
      "ip.foreground_owner",
      oneWay("supplier"),
      known({ "background-retained": d.ip.background_retained, "license-back": d.ip.license_back }),
    );
  // Background IP kept by its owner is what keeps an assignment of deliverables from being a give-away.
  if (d.ip?.background_retained) emit("background-ip", "ip.background_retained", mutual);
  if (d.ip?.foreground_owner === "joint") emit("joint-ip", "ip.foreground_owner", mutual);
  if (d.ip?.joint_innovation_sharing) emit("joint-ip", "ip.joint_innovation_sharing", mutual);
}

function mapGovernanceAndTrust(d: DealData, emit: Emit): void {
  const g = d.governance;
  (g?.bodies ?? []).forEach((b, n) => {
    const joint = (b.members_from ?? []).includes("buyer") && (b.members_from ?? []).includes("supplier");
    const buyerDecides = b.decision_rule === "buyer_decides";
    const owner = (b.members_from ?? []).length === 1 ? b.members_from![0]! : "buyer";
    emit(
      "governance-body",
      `governance.bodies[${n}]`,
      joint && !buyerDecides ? mutual : { mutual: false, beneficiary: owner, burdened: otherSide(owner) },
      known({ level: b.level, "decision-rule": b.decision_rule }),
    );
    // A joint body that meets at a stated cadence is a business review, as the text detector reads it.
    const months = b.cadence ? cadenceMonths(b.cadence) : undefined;
    if (joint && months !== undefined) emit("business-review", `governance.bodies[${n}].cadence`, mutual, { "cadence-months": months });
  });
  const cadence = g?.exec_review_cadence;
  if (cadence && cadence !== "none")
    emit("business-review", "governance.exec_review_cadence", mutual, { "cadence-months": CADENCE_MONTHS[cadence] });
  const health = g?.relationship_health;
  if (health?.instrument || health?.frequency)
    emit("relationship-review", "governance.relationship_health", health.bilateral === false ? { mutual: false } : mutual);
  const change = g?.change_process;
  if (change && (change.either_party_may_propose !== undefined || change.periodic_review_months !== undefined)) {
    const values = known({ "equitable-adjustment": change.equitable_adjustment, "periodic-review-months": change.periodic_review_months });
    emit("change-control", "governance.change_process", change.either_party_may_propose === false ? { mutual: false } : mutual, values);
  }
  if (g?.transformation?.innovation_process || g?.transformation?.ci_targets)
    emit("continuous-improvement", "governance.transformation", mutual);
  const intrusive = (g?.approvals_required_for ?? []).filter(
    (x) => x === "all_staff" || x === "methods" || x === "tools" || x === "all_subcontractors",
  );
  if (intrusive.length)
    emit("micromanagement", "governance.approvals_required_for", oneWay("supplier"), { approvals: intrusive.join(",") });
  const t = d.trust;
  if (t?.good_faith_clause === "general") emit("good-faith", "trust.good_faith_clause", mutual);
  if (t?.good_faith_clause === "excluded") emit("good-faith-excluded", "trust.good_faith_clause", mutual);
  if (t?.early_warning?.present)
    emit(
      "early-warning",
      "trust.early_warning",
      t.early_warning.mutual === false ? oneWay("supplier") : mutual,
      known({ "meeting-interval-days": t.early_warning.meeting_interval_days }),
    );
  if (t?.early_warning?.register) emit("risk-register", "trust.early_warning.register", mutual);
  if (t?.info_sharing?.forecasts_from_buyer || t?.info_sharing?.shared_dashboards)
    emit("information-sharing", "trust.info_sharing", mutual);
}

function mapTermExitDisputes(d: DealData, emit: Emit): void {
  if (d.term?.initial_months !== undefined) emit("term-length", "term.initial_months", {}, { months: d.term.initial_months });
  const ren = d.term?.renewal;
  const renewal = d.term?.renewal?.type;
  const renewalValues = known({ periods: ren?.periods, "period-months": ren?.period_months, "notice-days": ren?.notice_days });
  if (renewal === "performance_based") emit("performance-extension", "term.renewal.type", mutual, renewalValues);
  if (renewal === "buyer_option")
    emit("one-sided-renewal", "term.renewal.type", { mutual: false, beneficiary: "buyer", burdened: "supplier" }, renewalValues);
  if (renewal === "supplier_option")
    emit("one-sided-renewal", "term.renewal.type", { mutual: false, beneficiary: "supplier", burdened: "buyer" }, renewalValues);
  const x = d.exit;
  if (x?.plan) emit("exit-plan", "exit.plan", mutual, known({ "no-fault-exit": x.no_fault_exit, "triggers-defined": x.triggers_defined }));
  if ((x?.transition_assistance_months ?? 0) > 0 || x?.knowledge_transfer) {
    emit("post-termination-services", "exit", {}, known({ months: x?.transition_assistance_months }));
    // Transition assistance or knowledge transfer is an orderly exit, as the exit-plan detector reads it in text.
    if (!x?.plan)
      emit(
        "exit-plan",
        x?.transition_assistance_months ? "exit.transition_assistance_months" : "exit.knowledge_transfer",
        mutual,
        known({ "no-fault-exit": x?.no_fault_exit, "triggers-defined": x?.triggers_defined }),
      );
  }
  const ds = d.disputes;
  if ((ds?.escalation_tiers ?? 0) >= 2)
    emit(
      "escalation",
      "disputes.escalation_tiers",
      mutual,
      known({ tiers: ds!.escalation_tiers!, "max-tier-days": ds!.tier_days?.length ? Math.max(...ds!.tier_days) : undefined }),
    );
  if (ds?.mediation || ds?.expert_determination || ds?.dispute_board) emit("mediation", "disputes", mutual);
  if (ds?.litigation_first) emit("litigation-first", "disputes.litigation_first", {});
  if (ds?.forum_chooser === "buyer")
    emit("forum-election", "disputes.forum_chooser", { mutual: false, beneficiary: "buyer", burdened: "supplier" });
  if (ds?.forum_chooser === "supplier")
    emit("forum-election", "disputes.forum_chooser", { mutual: false, beneficiary: "supplier", burdened: "buyer" });
}

function lookup(summary: DealSummary, path: string): { line: number; column: number } {
  let p = path;
  while (p) {
    const hit = summary.pathPositions.get(p);
    if (hit) return hit;
    const cut = Math.max(p.lastIndexOf("."), p.lastIndexOf("["));
    p = cut > 0 ? p.slice(0, cut) : "";
  }
  return { line: 1, column: 1 };
}

function describe(data: DealData, path: string): string {
  let v: unknown = data;
  for (const part of path.split(/\.|\[(\d+)\]/).filter(Boolean)) v = (v as Record<string, unknown> | undefined)?.[part];
  const s = JSON.stringify(v ?? null);
  return s.length > 200 ? `${s.slice(0, 199)}…` : s;
}
