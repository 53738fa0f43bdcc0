import type { Location } from "./location.js";
import type { Side } from "./party.js";

export const FINDING_KINDS = ["flag", "strength", "gap"] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

export const SEVERITIES = ["critical", "high", "medium", "low", "info"] as const;
export type Severity = (typeof SEVERITIES)[number];

export const PRINCIPLES = [
  "shared-vision",
  "pricing-incentives",
  "risk-allocation",
  "governance",
  "trust-transparency",
  "term-exit",
  "dispute-resolution",
] as const;
export type PrincipleId = (typeof PRINCIPLES)[number];

export const PRINCIPLE_TITLES: Record<PrincipleId, string> = {
  "shared-vision": "Shared vision & outcomes",
  "pricing-incentives": "Pricing & incentives",
  "risk-allocation": "Risk allocation",
  governance: "Governance: insight, not oversight",
  "trust-transparency": "Trust & transparency",
  "term-exit": "Term, flexibility & exit",
  "dispute-resolution": "Dispute resolution",
};

/** Higher rank = more severe; used for sorting and --fail-on. */
export function severityRank(severity: Severity): number {
  return SEVERITIES.length - SEVERITIES.indexOf(severity);
}

export interface Finding {
  ruleId: string;
  kind: FindingKind;
  principle: PrincipleId;
  severity: Severity;
  title: string;
  message: string;
  location: Location;
  excerpt: string;
  /** The words that triggered the rule, inside the excerpt. */
  matched: string;
  suggestion: string;
  /** Topic the finding was judged from (gaps: the first missing topic). */
  topic: string;
  burdened: Side;
  beneficiary: Side;
  /** The parties by defined term (or "both"), set even when roles are unknown. */
  burdenedParty?: string | null;
  beneficiaryParty?: string | null;
  /** Stable across renumbering and reflowing: rule + party roles + normalised clause text. */
  fingerprint: string;
  /** Set when an inline directive, a config `suppress:` entry or a baseline entry accepts this finding. */
  suppressed?: { kind: "inline" | "config" | "baseline"; reason: string };
}
