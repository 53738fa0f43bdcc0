import { readFileSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import { beforeAll, describe, expect, it } from "vitest";
import { toMeta } from "../src/core/meta.js";
import { analyseBytes } from "../src/core/pipeline.js";
import { reportJsonSchema, reportSchema } from "../src/model/report-json.js";
import { renderJson } from "../src/report/json.js";
import { builtinPack } from "./helpers.js";

/**
 * The JSON report has one schema (model/report-json.ts). Real writer output must pass it without losing a key
 * (a field the writer adds and the schema lacks would be dropped on reading by compare and merge), and the
 * JSON Schema file the package ships must be the one the build writes from it.
 */
const INPUTS = [
  "fixtures/contracts/one-sided-msa.md",
  "fixtures/contracts/vested-agreement.md",
  "fixtures/deals/vested.yaml",
  "fixtures/deals/invalid.yaml",
];
let written: unknown;

beforeAll(async () => {
  const pack = await builtinPack();
  const documents = await Promise.all(INPUTS.map(async (p) => analyseBytes(p, new Uint8Array(readFileSync(p)), pack)));
  documents.push(await analyseBytes("empty.txt", new Uint8Array(), pack));
  written = JSON.parse(renderJson({ tool: { name: "trustlint", version: "0.0.0" }, rules: pack.rules.map(toMeta), documents }));
}, 120_000);

describe("JSON report schema", () => {
  it("accepts real output and keeps every key of it", () => {
    const parsed = reportSchema.safeParse(written);
    expect(parsed.success, parsed.success ? "" : JSON.stringify(parsed.error.issues[0])).toBe(true);
    expect(parsed.data).toEqual(written);
  });

  it("covers errors, deal summaries and topics in that output", () => {
    const docs = (written as { documents: { error: unknown; format: string | null; topics: unknown[]; findings: unknown[] }[] }).documents;
    expect(docs.filter((d) => d.error !== null).length).toBeGreaterThanOrEqual(2);
    expect(docs.some((d) => d.format === "deal" && d.findings.length > 0)).toBe(true);
    expect(docs.some((d) => d.topics.length > 0)).toBe(true);
  });

  it("refuses a report whose fields were tampered with", () => {
    const bad = structuredClone(written) as { documents: { findings: { severity: string }[] }[] };
    bad.documents[0]!.findings[0]!.severity = "<script>";
    expect(reportSchema.safeParse(bad).success).toBe(false);
  });

  it("ships as schemas/report.schema.json, current with the zod schema (npm run build writes it)", () => {
    const file = JSON.parse(readFileSync("schemas/report.schema.json", "utf8"));
    expect(file).toEqual(reportJsonSchema());
  });

  it("validates real output as a JSON Schema, and rejects a key the format does not have", () => {
    const validate = new Ajv2020({ strict: false }).compile(JSON.parse(readFileSync("schemas/report.schema.json", "utf8")));
    expect(validate(written), JSON.stringify(validate.errors?.[0])).toBe(true);
    const extra = structuredClone(written) as { documents: Record<string, unknown>[] };
    extra.documents[0]!.surprise = 1;
    expect(validate(extra)).toBe(false);
  });
});
