/**
 * The library entry point (`import … from "trustlint"`): re-exports only, no logic.
 *
 *   const pack = await loadPack([], cwd);                      // built-in rules (+ extra rule folders)
 *   const doc = await analyseBytes("msa.md", bytes, pack.value); // ingest → engine → score, never throws
 *   const text = REPORTERS.json({ tool, rules: pack.value.rules.map(toMeta), documents: [doc] }, { color: false });
 */

// Reading: any supported input → document model.
export { ingest, sizeError, DEFAULT_MAX_BYTES, type IngestInput, type IngestOptions, type Ingested } from "./ingest/index.js";

// Rules and the two-layer engine.
export { loadPack, BUILTIN_RULES_DIR } from "./core/rule-files.js";
export {
  analyse,
  compilePack,
  loadRuleFiles,
  budgetFrom,
  type Analysis,
  type RulePack,
  type RuleFile,
  type Budget,
} from "./engine/index.js";
export { toMeta } from "./core/meta.js";

// The whole pipeline for one document, and the score.
export { analyseBytes, DEFAULT_TIMEOUT_MS, type AnalyseOptions } from "./core/pipeline.js";
export { scoreFindings } from "./score/score.js";
export { presetNames, presetWeights, defaultWeights } from "./score/weights.js";

// Reports: pure functions from the report model to a string.
export { REPORTERS, FORMATS, type FormatName, type Reporter, type RenderOptions } from "./report/index.js";

// The model.
export type { Report, DocumentReport, DocumentScore, PrincipleScore, ScoreContribution } from "./model/report.js";
export { reportSchema, reportJsonSchema, type ReportJson, type DocumentJson } from "./model/report-json.js";
export { SEVERITIES, PRINCIPLES, FINDING_KINDS, type Finding, type FindingKind, type Severity, type PrincipleId } from "./model/finding.js";
export type { Fact } from "./model/fact.js";
export type { Party, Role } from "./model/party.js";
export type { ContractDocument } from "./model/document.js";
export type { DealSummary } from "./model/deal.js";
export type { RuleMeta, TopicMeta } from "./model/rule.js";
export type { AppError } from "./shared/errors.js";
export type { Result } from "./shared/result.js";
export { VERSION } from "./core/version.js";
