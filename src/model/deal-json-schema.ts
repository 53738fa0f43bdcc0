import { z } from "zod";
import { dealSchema } from "./deal.js";
import { DEAL_DESCRIPTIONS } from "./deal-descriptions.js";

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
  describe(schema, "");
  const { $schema, ...rest } = schema;
  return {
    $schema,
    $id: "https://trustlint.dev/schema/deal.schema.json",
    title: "trustlint deal summary",
    description:
      "A structured description of an outsourcing deal that trustlint's principle rules judge as they judge contract text. Every field is optional; a missing field means unknown.",
    ...rest,
  };
}

type Node = { properties?: Record<string, Node>; items?: Node; anyOf?: Node[]; description?: string; type?: unknown };

/** Adds DEAL_DESCRIPTIONS to the generated schema, walking objects, list items and unions by dotted path. */
function describe(node: Node, path: string): void {
  if (node.anyOf) for (const n of node.anyOf) describe(n, path);
  if (node.items) describe(node.items, `${path}[]`);
  for (const [key, child] of Object.entries(node.properties ?? {})) {
    const p = path ? `${path}.${key}` : key;
    const text = DEAL_DESCRIPTIONS[p];
    if (text && !child.description) child.description = text;
    describe(child, p);
  }
}

/** Every dotted path the schema defines (for tests and for "did you mean"). */
export function dealSchemaPaths(): string[] {
  const out: string[] = [];
  const walk = (node: Node, path: string) => {
    if (node.anyOf) for (const n of node.anyOf) walk(n, path);
    if (node.items) walk(node.items, `${path}[]`);
    for (const [key, child] of Object.entries(node.properties ?? {})) {
      const p = path ? `${path}.${key}` : key;
      out.push(p);
      walk(child, p);
    }
  };
  walk(dealJsonSchema() as Node, "");
  return [...new Set(out)];
}
