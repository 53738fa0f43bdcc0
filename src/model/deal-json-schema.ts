import { z } from "zod";
import { dealSchema } from "./deal.js";

/**
 * JSON Schema (draft 2020-12) of the deal summary, generated from the zod schema so the two cannot drift.
 * Editors use it through `# yaml-language-server: $schema=…` to complete and validate deal files.
 */
export function dealJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(dealSchema, {
    io: "input",
    unrepresentable: "any",
    // YAML reads an unquoted 2026-01-01 as a date; in the file it is written as a string.
    override: (ctx) => {
      if ((ctx.zodSchema as { _zod: { def: { type: string } } })._zod.def.type === "date") {
        ctx.jsonSchema.type = "string";
        ctx.jsonSchema.format = "date";
      }
    },
  }) as Record<string, unknown>;
  const { $schema, ...rest } = schema;
  return { $schema, $id: "https://trustlint.dev/schema/deal.schema.json", title: "trustlint deal summary", description: "A structured description of an outsourcing deal that trustlint's principle rules judge as they judge contract text. Every field is optional; a missing field means unknown.", ...rest };
}
