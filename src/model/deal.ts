import { z } from "zod";

/**
 * The YAML deal summary: a structured description of a deal that the same principle rules judge as contract
 * text. Every field is optional; a missing field means "unknown", never "no". Objects are strict so that a
 * misspelt key is reported instead of silently ignored.
 */
const side = z.enum(["buyer", "supplier"]);
const capSchema = z.strictObject({
  type: z.enum(["none", "amount", "pct_fees", "multiple_fees"]).optional(),
  value: z.number().nonnegative().optional(),
  period_months: z.number().int().positive().optional(),
});

export const dealSchema = z.strictObject({
  schema_version: z.union([z.string(), z.number()]).optional(),
  deal: z
    .strictObject({
      name: z.string().optional(),
      category: z.string().optional(),
      value_total: z.number().nonnegative().optional(),
      currency: z
        .string()
        .regex(/^[A-Z]{3}$/, "an ISO-4217 code such as EUR")
        .optional(),
      documents: z
        .array(
          z.strictObject({
            path: z.string(),
            type: z.enum(["msa", "sow", "schedule", "rfp", "term_sheet", "charter", "other"]).optional(),
          }),
        )
        .optional(),
    })
    .optional(),
  relationship: z
    .strictObject({
      intended_model: z
        .enum([
          "basic_provider",
          "approved_provider",
          "preferred_provider",
          "performance_based",
          "vested",
          "shared_services",
          "equity_partnership",
        ])
        .optional(),
      rationale: z.string().optional(),
    })
    .optional(),
  parties: z
    .array(z.strictObject({ name: z.string(), role: side.or(z.literal("unknown")).optional(), defined_as: z.string().optional() }))
    .optional(),
  term: z
    .strictObject({
      effective_date: z.union([z.string(), z.date()]).optional(),
      initial_months: z.number().int().positive().optional(),
      renewal: z
        .strictObject({
          type: z.enum(["none", "mutual", "buyer_option", "supplier_option", "auto", "performance_based"]).optional(),
          periods: z.number().int().nonnegative().optional(),
          period_months: z.number().int().positive().optional(),
          notice_days: z.number().int().nonnegative().optional(),
        })
        .optional(),
    })
    .optional(),
  shared_vision: z
    .strictObject({
      statement: z.string().optional(),
      jointly_developed: z.boolean().optional(),
      statement_of_intent: z.boolean().optional(),
      guiding_principles: z.array(z.string()).optional(),
    })
    .optional(),
  desired_outcomes: z
    .array(
      z.strictObject({
        name: z.string(),
        metric: z.string().optional(),
        baseline: z.union([z.number(), z.string()]).optional(),
        target: z.union([z.number(), z.string()]).optional(),
        measurement: z
          .strictObject({
            owner: z.enum(["buyer", "supplier", "joint"]).optional(),
            source: z.string().optional(),
            formula: z.string().optional(),
            frequency: z.string().optional(),
            jointly_defined: z.boolean().optional(),
          })
          .optional(),
      }),
    )
    .optional(),
  objectives_count: z.number().int().nonnegative().optional(),
  scope: z
    .strictObject({
      style: z.enum(["outcome", "objectives", "output", "prescriptive"]).optional(),
      workload_allocation: z.boolean().optional(),
      customer_responsibilities: z.array(z.string()).optional(),
    })
    .optional(),
  selection: z
    .strictObject({ price_weight_pct: z.number().min(0).max(100).optional(), criteria: z.array(z.string()).optional() })
    .optional(),
  pricing: z
    .strictObject({
      model: z.enum(["fixed", "unit", "fte", "time_and_materials", "cost_plus", "target_cost", "outcome_based", "hybrid"]).optional(),
      rate_card: z.boolean().optional(),
      open_book: z
        .strictObject({
          present: z.boolean().optional(),
          purpose: z.array(z.enum(["change_pricing", "savings_sharing", "margin_review", "audit_only"])).optional(),
          mutual_visibility: z.boolean().optional(),
        })
        .optional(),
      indexation: z
        .strictObject({ direction: z.enum(["both", "up_only", "down_only", "none"]).optional(), index: z.string().optional() })
        .optional(),
      mandated_reduction_pct_per_year: z.number().min(0).max(100).optional(),
      mfn: z.boolean().optional(),
      benchmarking: z.strictObject({ present: z.boolean().optional(), direction: z.enum(["both", "down_only"]).optional() }).optional(),
      price_change_right: z.enum(["buyer_unilateral", "supplier_unilateral", "mutual", "formula", "none"]).optional(),
      payment_terms_days: z.number().int().nonnegative().optional(),
      set_off: z.enum(["buyer_only", "supplier_only", "mutual", "excluded", "none"]).optional(),
    })
    .optional(),
  incentives: z
    .strictObject({
      gainshare: z
        .strictObject({
          present: z.boolean().optional(),
          supplier_share_pct: z.number().min(0).max(100).optional(),
          baseline_defined: z.boolean().optional(),
        })
        .optional(),
      painshare: z
        .strictObject({
          present: z.boolean().optional(),
          supplier_share_pct: z.number().min(0).max(100).optional(),
          cap_pct_of_fee: z.number().min(0).optional(),
        })
        .optional(),
      bonus: z.strictObject({ present: z.boolean().optional(), basis: z.enum(["outcome", "sla", "discretionary"]).optional() }).optional(),
      award_term: z.boolean().optional(),
      investment_recovery: z.boolean().optional(),
    })
    .optional(),
  slas: z
    .strictObject({
      count: z.number().int().nonnegative().optional(),
      service_credits: z
        .strictObject({
          present: z.boolean().optional(),
          max_pct_fees_at_risk: z.number().min(0).max(100).optional(),
          earnback: z.boolean().optional(),
          sole_remedy: z.boolean().optional(),
        })
        .optional(),
      liquidated_damages: z
        .strictObject({ present: z.boolean().optional(), capped: z.boolean().optional(), earnback: z.boolean().optional() })
        .optional(),
      relief_for_buyer_causes: z.boolean().optional(),
    })
    .optional(),
  governance: z
    .strictObject({
      bodies: z
        .array(
          z.strictObject({
            name: z.string(),
            level: z.enum(["strategic", "tactical", "operational"]).optional(),
            members_from: z.array(side).optional(),
            decision_rule: z.enum(["consensus", "unanimous", "buyer_decides", "majority"]).optional(),
            cadence: z.string().optional(),
          }),
        )
        .optional(),
      exec_sponsors: z.strictObject({ buyer: z.string().optional(), supplier: z.string().optional() }).optional(),
      exec_review_cadence: z.enum(["monthly", "quarterly", "semiannual", "annual", "none"]).optional(),
      relationship_health: z
        .strictObject({ instrument: z.string().optional(), frequency: z.string().optional(), bilateral: z.boolean().optional() })
        .optional(),
      change_process: z
        .strictObject({
          either_party_may_propose: z.boolean().optional(),
          equitable_adjustment: z.boolean().optional(),
          periodic_review_months: z.number().int().positive().optional(),
        })
        .optional(),
      transformation: z
        .strictObject({
          transition_plan: z.boolean().optional(),
          innovation_process: z.boolean().optional(),
          ci_targets: z.boolean().optional(),
          fund: z.boolean().optional(),
        })
        .optional(),
      approvals_required_for: z
        .array(z.enum(["key_personnel", "all_staff", "material_subcontractors", "all_subcontractors", "methods", "tools"]))
        .optional(),
    })
    .optional(),
  trust: z
    .strictObject({
      good_faith_clause: z.enum(["general", "dispute_only", "excluded", "none"]).optional(),
      early_warning: z
        .strictObject({
          present: z.boolean().optional(),
          mutual: z.boolean().optional(),
          register: z.boolean().optional(),
          meeting_interval_days: z.number().int().positive().optional(),
        })
        .optional(),
      info_sharing: z.strictObject({ forecasts_from_buyer: z.boolean().optional(), shared_dashboards: z.boolean().optional() }).optional(),
    })
    .optional(),
  risk: z
    .strictObject({
      liability: z
        .strictObject({
          buyer_cap: capSchema.optional(),
          supplier_cap: capSchema.optional(),
          carve_outs: z.strictObject({ buyer: z.array(z.string()).optional(), supplier: z.array(z.string()).optional() }).optional(),
        })
        .optional(),
      consequential_exclusion: z
        .strictObject({ present: z.boolean().optional(), mutual: z.boolean().optional(), protects: side.optional() })
        .optional(),
      indemnities: z
        .array(
          z.strictObject({
            from: side,
            to: side,
            scope: z.enum(["broad", "fault_based", "ip", "third_party_injury_property", "data"]).optional(),
            capped: z.boolean().optional(),
          }),
        )
        .optional(),
      unilateral_change_rights: z
        .strictObject({
          holder: z.enum(["buyer", "supplier", "none"]).optional(),
          topics: z.array(z.enum(["scope", "price", "policies", "sla", "terms"])).optional(),
        })
        .optional(),
      discretionary_rights: z
        .array(z.strictObject({ holder: side, topic: z.string().optional(), reasonableness_qualifier: z.boolean().optional() }))
        .optional(),
      termination: z
        .strictObject({
          for_convenience: z
            .strictObject({
              buyer: z.boolean().optional(),
              supplier: z.boolean().optional(),
              notice_days: z.number().int().nonnegative().optional(),
              compensation: z.boolean().optional(),
            })
            .optional(),
          for_cause: z
            .strictObject({ cure_days: z.number().int().nonnegative().optional(), materiality_required: z.boolean().optional() })
            .optional(),
        })
        .optional(),
      risk_register: z.strictObject({ present: z.boolean().optional(), joint: z.boolean().optional() }).optional(),
      audit: z
        .strictObject({
          present: z.boolean().optional(),
          notice_days: z.number().int().nonnegative().optional(),
          max_per_year: z.number().int().nonnegative().optional(),
          cost_bearer: z.enum(["buyer", "supplier", "conditional"]).optional(),
          mutual: z.boolean().optional(),
        })
        .optional(),
      restrictive_covenants: z
        .array(
          z.strictObject({
            bound_party: side,
            type: z.enum(["non_compete", "exclusivity", "non_solicit_staff", "non_solicit_customers"]),
            duration_months: z.number().int().nonnegative().optional(),
            mutual: z.boolean().optional(),
          }),
        )
        .optional(),
      assignment: z
        .strictObject({
          buyer_free: z.boolean().optional(),
          supplier_needs_consent: z.boolean().optional(),
          change_of_control_termination: z.enum(["buyer", "supplier", "both", "none"]).optional(),
        })
        .optional(),
      minimum_commitment: z.strictObject({ present: z.boolean().optional(), mutual: z.boolean().optional() }).optional(),
    })
    .optional(),
  ip: z
    .strictObject({
      background_retained: z.boolean().optional(),
      foreground_owner: z.enum(["buyer", "supplier", "joint", "creator"]).optional(),
      license_back: z.boolean().optional(),
      joint_innovation_sharing: z.boolean().optional(),
    })
    .optional(),
  exit: z
    .strictObject({
      plan: z.boolean().optional(),
      triggers_defined: z.boolean().optional(),
      no_fault_exit: z.boolean().optional(),
      transition_assistance_months: z.number().int().nonnegative().optional(),
      knowledge_transfer: z.boolean().optional(),
      exit_fees: z.strictObject({ present: z.boolean().optional(), basis: z.string().optional() }).optional(),
    })
    .optional(),
  disputes: z
    .strictObject({
      escalation_tiers: z.number().int().nonnegative().optional(),
      tier_days: z.array(z.number().int().nonnegative()).optional(),
      mediation: z.boolean().optional(),
      expert_determination: z.boolean().optional(),
      dispute_board: z.boolean().optional(),
      arbitration: z.boolean().optional(),
      litigation_first: z.boolean().optional(),
      forum_chooser: z.enum(["buyer", "supplier", "mutual", "fixed"]).optional(),
    })
    .optional(),
  special_concerns: z.array(z.string()).optional(),
  evidence: z.record(z.string(), z.string()).optional(),
});

export type DealData = z.infer<typeof dealSchema>;

/** Top-level keys that mark a YAML file as a deal summary (rather than, say, a rule or config file). */
export const DEAL_MARKER_KEYS = [
  "deal",
  "parties",
  "pricing",
  "relationship",
  "risk",
  "shared_vision",
  "governance",
  "term",
  "exit",
  "disputes",
  "incentives",
] as const;

export interface DealSummary {
  kind: "deal";
  path: string;
  format: "deal";
  data: DealData;
  /** The YAML source, for line numbers. */
  original: string;
  /** Dotted path ("risk.liability.supplier_cap") → 1-based line/column of that node. */
  pathPositions: Map<string, { line: number; column: number }>;
}
