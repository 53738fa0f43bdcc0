/**
 * The commented deal-summary template `trustlint init` writes. Every field of src/model/deal.ts appears once
 * with an example value (tests/init.test.ts checks this against the zod schema), so a user deletes what does
 * not apply instead of looking fields up. A missing field means "unknown", never "no".
 */
export const DEAL_TEMPLATE = `# Deal summary for trustlint: describe the deal instead of (or as well as) the contract text.
# Every field is optional; delete what you do not know — a missing field means "unknown", never "no".
# Editor completion and validation: run \`trustlint schema > deal.schema.json\` and keep the next line.
# yaml-language-server: $schema=./deal.schema.json
schema_version: 1

deal:
  name: Example managed IT services
  category: it-outsourcing           # free text
  value_total: 12000000               # total contract value
  currency: EUR                       # ISO-4217 code
  documents:
    - path: contracts/msa.pdf
      type: msa                       # msa | sow | schedule | rfp | term_sheet | charter | other

relationship:
  # basic_provider | approved_provider | preferred_provider | performance_based | vested | shared_services | equity_partnership
  intended_model: performance_based
  rationale: Long-term service where both sides gain from better outcomes.

parties:
  - name: Example Buyer Ltd
    role: buyer                       # buyer | supplier | unknown
    defined_as: Customer              # the defined term the contract uses
  - name: Example Supplier plc
    role: supplier
    defined_as: Supplier

term:
  effective_date: 2026-01-01
  initial_months: 60
  renewal:
    type: performance_based           # none | mutual | buyer_option | supplier_option | auto | performance_based
    periods: 2
    period_months: 24
    notice_days: 180

shared_vision:
  statement: Reliable, secure IT that lets clinicians spend their time on patients.
  jointly_developed: true
  statement_of_intent: true
  guiding_principles: [reciprocity, autonomy, honesty, loyalty, equity, integrity]

desired_outcomes:
  - name: Service availability
    metric: monthly availability of clinical systems
    baseline: 99.2
    target: 99.8
    measurement:
      owner: joint                    # buyer | supplier | joint
      source: monitoring platform
      formula: uptime minutes / scheduled minutes
      frequency: monthly
      jointly_defined: true
objectives_count: 5                   # number of high-level desired outcomes

scope:
  style: outcome                      # outcome | objectives | output | prescriptive
  workload_allocation: true           # a documented split of who does what
  customer_responsibilities: [provide site access, approve changes within 5 days]

selection:
  price_weight_pct: 30                # weight of price in supplier selection (0-100)
  criteria: [capability, culture fit, price]

pricing:
  model: hybrid                       # fixed | unit | fte | time_and_materials | cost_plus | target_cost | outcome_based | hybrid
  rate_card: true
  open_book:
    present: true
    purpose: [change_pricing, savings_sharing]   # change_pricing | savings_sharing | margin_review | audit_only
    mutual_visibility: true
  indexation:
    direction: both                   # both | up_only | down_only | none
    index: HICP
  mandated_reduction_pct_per_year: 0
  mfn: false                          # most-favoured-nation pricing clause
  benchmarking:
    present: true
    direction: both                   # both | down_only
  price_change_right: formula         # buyer_unilateral | supplier_unilateral | mutual | formula | none
  payment_terms_days: 30
  set_off: mutual                     # buyer_only | supplier_only | mutual | excluded | none

incentives:
  gainshare:
    present: true
    supplier_share_pct: 50
    baseline_defined: true
  painshare:
    present: true
    supplier_share_pct: 50
    cap_pct_of_fee: 10
  bonus:
    present: false
    basis: outcome                    # outcome | sla | discretionary
  award_term: true                    # extra years earned by performance
  investment_recovery: true           # supplier investments recovered on early exit

slas:
  count: 12
  service_credits:
    present: true
    max_pct_fees_at_risk: 10
    earnback: true
    sole_remedy: true
  liquidated_damages:
    present: false
    capped: true
    earnback: false
  relief_for_buyer_causes: true       # supplier relieved when the buyer causes the failure

governance:
  bodies:
    - name: Executive steering board
      level: strategic                # strategic | tactical | operational
      members_from: [buyer, supplier]
      decision_rule: consensus        # consensus | unanimous | buyer_decides | majority
      cadence: quarterly
  exec_sponsors:
    buyer: Chief Operating Officer
    supplier: Managing Director
  exec_review_cadence: quarterly      # monthly | quarterly | semiannual | annual | none
  relationship_health:
    instrument: joint relationship survey
    frequency: semiannual
    bilateral: true
  change_process:
    either_party_may_propose: true
    equitable_adjustment: true
    periodic_review_months: 12
  transformation:
    transition_plan: true
    innovation_process: true
    ci_targets: true                  # continuous-improvement targets
    fund: false
  # key_personnel | all_staff | material_subcontractors | all_subcontractors | methods | tools
  approvals_required_for: [key_personnel, material_subcontractors]

trust:
  good_faith_clause: general          # general | dispute_only | excluded | none
  early_warning:
    present: true
    mutual: true
    register: true
    meeting_interval_days: 30
  info_sharing:
    forecasts_from_buyer: true
    shared_dashboards: true

risk:
  liability:
    buyer_cap:
      type: pct_fees                  # none | amount | pct_fees | multiple_fees
      value: 100
      period_months: 12
    supplier_cap:
      type: pct_fees
      value: 100
      period_months: 12
    carve_outs:
      buyer: [fraud, death or personal injury]
      supplier: [fraud, death or personal injury]
  consequential_exclusion:
    present: true
    mutual: true
    protects: supplier                # buyer | supplier (when one-sided)
  indemnities:
    - from: supplier                  # buyer | supplier
      to: buyer
      scope: ip                       # broad | fault_based | ip | third_party_injury_property | data
      capped: true
    - from: buyer
      to: supplier
      scope: fault_based
      capped: true
  unilateral_change_rights:
    holder: none                      # buyer | supplier | none
    topics: []                        # scope | price | policies | sla | terms
  discretionary_rights:
    - holder: buyer                   # buyer | supplier
      topic: acceptance of deliverables
      reasonableness_qualifier: true
  termination:
    for_convenience:
      buyer: true
      supplier: false
      notice_days: 180
      compensation: true
    for_cause:
      cure_days: 30
      materiality_required: true
  risk_register:
    present: true
    joint: true
  audit:
    present: true
    notice_days: 30
    max_per_year: 1
    cost_bearer: conditional          # buyer | supplier | conditional
    mutual: false
  restrictive_covenants:
    - bound_party: buyer              # buyer | supplier
      type: non_solicit_staff         # non_compete | exclusivity | non_solicit_staff | non_solicit_customers
      duration_months: 12
      mutual: true
  assignment:
    buyer_free: false
    supplier_needs_consent: true
    change_of_control_termination: both   # buyer | supplier | both | none
  minimum_commitment:
    present: false
    mutual: false

ip:
  background_retained: true
  foreground_owner: joint             # buyer | supplier | joint | creator
  license_back: true
  joint_innovation_sharing: true

exit:
  plan: true
  triggers_defined: true
  no_fault_exit: true
  transition_assistance_months: 12
  knowledge_transfer: true
  exit_fees:
    present: false
    basis: unrecovered supplier investment only

disputes:
  escalation_tiers: 3
  tier_days: [10, 10, 20]
  mediation: true
  expert_determination: true
  dispute_board: false
  arbitration: false
  litigation_first: false
  forum_chooser: fixed                # buyer | supplier | mutual | fixed

special_concerns:
  - Patient data stays in the EU.

# Where each answer came from: field path → clause or document reference.
evidence:
  risk.liability.supplier_cap: MSA clause 14.2
  disputes.escalation_tiers: MSA clause 21
`;
