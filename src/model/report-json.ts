import { z } from "zod";
import { FINDING_KINDS, PRINCIPLES, SEVERITIES } from "./finding.js";
import { ROLE_SOURCES } from "./party.js";
import { ERROR_CODES } from "../shared/errors.js";

/**
 * The JSON report (`check -f json`, schemaVersion 1): the one schema of the format. The writer's tests check
 * real output against it, `compare` and `merge` read saved reports with it, and the build exports it as the
 * JSON Schema schemas/report.schema.json (docs/json-output.md). Every field that reaches a reporter is typed
 * (a line is a positive whole number, a score a number from 0 to 100, a severity one of the five), so a
 * tampered report cannot smuggle text into a field a format prints unquoted. On reading, keys the schema does
 * not know are dropped.
 */
const side = z.enum(["buyer", "supplier", "both"]).nullable();
const whole = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const line = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER);
const location = z.object({
  line,
  column: whole,
  endLine: line.optional(),
  endColumn: whole.optional(),
  clause: z.string().nullable(),
  heading: z.string().nullable().optional(),
  page: line.optional(),
  path: z.string().optional(),
});
const points = z.number().min(-1000).max(1000);
const percent = z.number().min(0).max(100);
const suppressions = z.array(z.object({ ruleIds: z.array(z.string()), line })).optional();
const invalidSuppressions = z.array(z.object({ ruleIds: z.array(z.string()), line, message: z.string() })).optional();
/** A party by its defined term, or "both". */
const partyRef = z.string().max(200).nullable().optional();
/**
 * Whether the other side has a term of the same kind, read over the whole document: the same term binds both
 * ("mutual", also a returned pair such as 8.1 and 8.2), both sides have one on different terms ("asymmetric"), only one
 * side has it ("one-way"), or the tool could not tell who it binds (null). Optional: reports written before it lack it.
 */
const reciprocity = z.enum(["mutual", "asymmetric", "one-way"]).nullable().optional();
const topic = z.object({
  id: z.string(),
  mutual: z.boolean().nullable(),
  reciprocity,
  burdened: side,
  beneficiary: side,
  burdenedParty: partyRef,
  beneficiaryParty: partyRef,
  values: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
  location,
  excerpt: z.string(),
});
const finding = z.object({
  ruleId: z.string(),
  kind: z.enum(FINDING_KINDS),
  principle: z.enum(PRINCIPLES),
  severity: z.enum(SEVERITIES),
  title: z.string(),
  message: z.string(),
  location,
  excerpt: z.string(),
  matched: z.string(),
  suggestion: z.string(),
  burdened: side,
  beneficiary: side,
  burdenedParty: partyRef,
  beneficiaryParty: partyRef,
  fingerprint: z.string(),
  suppressed: z.object({ kind: z.enum(["inline", "config", "baseline"]), reason: z.string() }).optional(),
});
const documentSchema = z.object({
  path: z.string(),
  format: z.enum(["text", "markdown", "pdf", "docx", "html", "deal"]).nullable(),
  error: z
    .object({
      code: z.enum(ERROR_CODES),
      message: z.string(),
      line: line.optional(),
      column: whole.nullable().optional(),
      related: z
        .array(z.object({ code: z.enum(ERROR_CODES), message: z.string(), line: line.nullable(), column: whole.nullable() }))
        .optional(),
    })
    .nullable(),
  parties: z.array(
    z.object({
      name: z.string(),
      role: z.enum(["buyer", "supplier", "unknown"]),
      alias: z.string().nullable(),
      roleSource: z.enum(ROLE_SOURCES).nullable().optional(),
      roleEvidence: z.string().max(500).nullable().optional(),
      group: z.string().max(200).nullable().optional(),
      otherTerms: z.array(z.string().max(200)).max(20).optional(),
    }),
  ),
  score: z
    .object({
      overall: percent,
      base: z.number().min(0).max(1000).optional(),
      gain: z.number().min(1).max(10).optional(),
      principles: z.array(
        z.object({
          id: z.enum(PRINCIPLES),
          score: percent,
          weight: z.number().min(0).max(1000),
          cap: percent.nullable(),
          // A point whose finding --min-severity hid points at -1.
          contributions: z.array(
            z.object({
              ruleId: z.string(),
              points,
              finding: z.number().int().min(-1).max(Number.MAX_SAFE_INTEGER),
              mitigatedBy: z.string().optional(),
            }),
          ),
        }),
      ),
    })
    .nullable(),
  topics: z.array(topic).optional(),
  findings: z.array(finding),
  unusedSuppressions: suppressions,
  invalidSuppressions,
  hidden: z.object({ minSeverity: z.enum(SEVERITIES), count: whole }).optional(),
});
/** A JSON report, as `check -f json` writes it. */
export const reportSchema = z.looseObject({ schemaVersion: z.literal(1), documents: z.array(documentSchema) });
export type ReportJson = z.infer<typeof reportSchema>;
export type DocumentJson = ReportJson["documents"][number];

/** Only the envelope: tells "some other JSON" apart from "a report with a bad field". */
export const reportEnvelope = z.object({ schemaVersion: z.literal(1), documents: z.array(z.unknown()) });

/** The report schema as a JSON Schema (draft 2020-12), for readers in other languages: schemas/report.schema.json. */
export function reportJsonSchema(): Record<string, unknown> {
  return { title: "trustlint JSON report (schemaVersion 1)", ...z.toJSONSchema(reportSchema) };
}
