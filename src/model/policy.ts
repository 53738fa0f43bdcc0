import type { PrincipleId, Severity } from "./finding.js";

/**
 * The scoring and deal-summary policy of a rule pack (`policy.yaml`, validated by engine/policy-schema.ts). The
 * numbers live in the pack, not in the code: a user pack can change any of them.
 */
export interface ScorePolicy {
  /** Where every principle starts before its findings count. */
  base: number;
  /** Every principle score is clamped to this range before the caps apply. */
  range: { min: number; max: number };
  /** Points a finding adds (strength) or subtracts (flag), by severity. */
  strengthPoints: Record<Severity, number>;
  flagPoints: Record<Severity, number>;
  /** A gap subtracts this fraction of a flag of the same severity. */
  gapFactor: number;
  /** Each further instance of a rule counts `repeatDecay` of the previous one, up to `repeatMaxInstances`. */
  repeatDecay: number;
  repeatMaxInstances: number;
  /** Checked in order after clamping: `count` or more distinct flag rules of `severity` cap the principle at `limit`. */
  caps: readonly ScoreCap[];
  /**
   * The overall index is base + gain × (weighted mean of the principle scores − base), clamped to `range`. With
   * gain 1 it is the plain weighted mean; above 1 it undoes the dilution of averaging seven principles when a
   * contract speaks to only some of them.
   */
  gain: number;
  /**
   * Named principle weight tables for the overall index (`--preset`, the config's `weights:`), each naming every
   * principle, and the name of the one used when none is chosen.
   */
  weightPresets: Readonly<Record<string, Readonly<Record<PrincipleId, number>>>>;
  defaultPreset: string;
  /** Flag rule id → strength rule ids that mitigate it (from the rules' `mitigated-by:`), filled in when the pack is compiled. */
  mitigations: Readonly<Record<string, readonly string[]>>;
}

export interface ScoreCap {
  severity: Severity;
  count: number;
  limit: number;
  reason: string;
}

/** Thresholds that turn deal-summary numbers into facts (engine/deal-facts.ts). */
export interface DealPolicy {
  /** `selection.price_weight_pct` at or above this is a lowest-price award. */
  lowestPriceMinWeightPct: number;
  /** `pricing.payment_terms_days` above this is late payment. */
  latePaymentOverDays: number;
  /** `slas.count` above this is metric overload. */
  metricOverloadOverCount: number;
  /** At least this many guiding principles count as a set of guiding principles. */
  guidingPrinciplesMinCount: number;
}

export interface Policy {
  score: ScorePolicy;
  deal: DealPolicy;
}
