import { describe, expect, it } from "vitest";
import { main } from "../src/cli/main.js";
import { dealSchemaErrors, suggestion } from "../src/core/deal-errors.js";
import { dealJsonSchema, dealSchemaPaths } from "../src/model/deal-json-schema.js";
import { DEAL_DESCRIPTIONS } from "../src/model/deal-descriptions.js";
import { fakeIo } from "./helpers.js";

describe("deal summary errors and schema", () => {
  it("reports every schema error at its line, with did-you-mean for a misspelt key", async () => {
    const io = fakeIo();
    expect(await main(["check", "fixtures/deals/invalid.yaml", "-f", "json", "--no-config"], io)).toBe(2);
    const lines = io.err.trim().split("\n");
    expect(lines).toEqual([
      expect.stringMatching(/^trustlint: fixtures\/deals\/invalid\.yaml:5:3: DEAL_SCHEMA term\.initial_months: /),
      "trustlint: fixtures/deals/invalid.yaml:7:3: DEAL_SCHEMA unknown field 'pricing.payment_terms_dayz' (did you mean 'payment_terms_days'?)",
    ]);
    const error = JSON.parse(io.out).documents[0].error;
    expect(error.line).toBe(5);
    expect(error.related).toEqual([
      {
        code: "DEAL_SCHEMA",
        message: "unknown field 'pricing.payment_terms_dayz' (did you mean 'payment_terms_days'?)",
        line: 7,
        column: 3,
      },
    ]);
  });

  it("suggests a field for a single misspelt key too", async () => {
    const { mkdtemp, writeFile } = await import("node:fs/promises");
    const { join } = await import("node:path");
    const { tmpdir } = await import("node:os");
    const p = join(await mkdtemp(join(tmpdir(), "trustlint-deal-")), "deal.yaml");
    await writeFile(p, "risk:\n  liability:\n    suplier_cap: {type: none}\n");
    const io = fakeIo();
    expect(await main(["check", p, "--no-config"], io)).toBe(2);
    expect(io.err).toBe(`trustlint: ${p}:3:5: DEAL_SCHEMA unknown field 'risk.liability.suplier_cap' (did you mean 'supplier_cap'?)\n`);
  });

  it("suggests within the right object, list items included, and nothing for a stranger", () => {
    expect(suggestion("risk.liability", "suplier_cap")).toBe(" (did you mean 'supplier_cap'?)");
    expect(suggestion("risk.indemnities[0]", "scpoe")).toBe(" (did you mean 'scope'?)");
    expect(suggestion("", "pricng")).toBe(" (did you mean 'pricing'?)");
    expect(suggestion("pricing", "colour_of_the_sky")).toBe("");
    const errors = dealSchemaErrors("d.yaml", "pricng: {}\nrisk:\n  liability:\n    suplier_cap: {type: none}\n");
    expect(errors.map((e) => [e.line, e.message])).toEqual([
      [1, "unknown field 'pricng' (did you mean 'pricing'?)"],
      [4, "unknown field 'risk.liability.suplier_cap' (did you mean 'supplier_cap'?)"],
    ]);
  });

  it("the JSON Schema describes every section and every field of a section, and no description is orphaned", () => {
    const schema = dealJsonSchema() as {
      properties: Record<
        string,
        {
          description?: string;
          properties?: Record<string, { description?: string }>;
          items?: { properties?: Record<string, { description?: string }> };
        }
      >;
    };
    const missing: string[] = [];
    for (const [key, node] of Object.entries(schema.properties)) {
      if (!node.description) missing.push(key);
      const fields = node.properties ?? node.items?.properties ?? {};
      for (const [k, f] of Object.entries(fields)) if (!f.description) missing.push(`${key}.${k}`);
    }
    expect(missing).toEqual([]);
    const paths = new Set(dealSchemaPaths());
    expect(Object.keys(DEAL_DESCRIPTIONS).filter((p) => !paths.has(p))).toEqual([]);
  });
});
