import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { initFiles } from "../src/cli/commands/init.js";
import { packPolicy } from "../src/engine/index.js";
import { main } from "../src/cli/main.js";
import { dealSchema } from "../src/model/deal.js";
import { dealJsonSchema } from "../src/model/deal-json-schema.js";
import { parseYamlSource } from "../src/shared/yaml-source.js";
import { builtinPack, fakeIo } from "./helpers.js";

const INIT_FILES = initFiles(packPolicy(await builtinPack()).score);

async function run(argv: string[]) {
  const io = fakeIo();
  const code = await main(argv, io);
  return { code, out: io.out, err: io.err };
}

describe("trustlint rules", () => {
  it("filters by principle, kind and severity", async () => {
    const pack = await builtinPack();
    const all = await run(["rules"]);
    expect(all.code).toBe(0);
    for (const r of pack.rules) expect(all.out).toContain(r.id);
    const flags = await run(["rules", "--kind", "flag"]);
    const ids = (out: string) =>
      out
        .split("\n")
        .filter((l) => /^[a-z]{2}-/.test(l))
        .map((l) => l.split(/\s+/)[0]);
    expect(ids(flags.out)).toEqual(pack.rules.filter((r) => r.kind === "flag").map((r) => r.id));
    const risky = await run(["rules", "--principle", "risk-allocation", "--severity", "high"]);
    expect(ids(risky.out)).toEqual(pack.rules.filter((r) => r.principle === "risk-allocation" && r.severity === "high").map((r) => r.id));
    expect(risky.out).toMatch(new RegExp(`${ids(risky.out).length} of ${pack.rules.length} rules`));
    expect((await run(["rules", "--kind", "nonsense"])).code).toBe(2);
  });

  it("lists topics, and rules as JSON", async () => {
    const pack = await builtinPack();
    const topics = await run(["rules", "--topics"]);
    for (const t of pack.topics) expect(topics.out).toContain(t.meta.id);
    const json = JSON.parse((await run(["rules", "--topic", "indemnity", "-f", "json"])).out);
    expect(json.length).toBeGreaterThan(0);
    for (const r of json) expect(r.topics).toContain("indemnity");
  });
});

describe("trustlint explain", () => {
  it("explains a rule: rationale, principle, severity, trigger, examples, alternative, sources", async () => {
    const pack = await builtinPack();
    const rule = pack.rules.find((r) => r.id === "ra-indemnity-one-way")!;
    const { code, out } = await run(["explain", rule.id]);
    expect(code).toBe(0);
    const flat = out.replace(/\s+/g, " ");
    expect(flat).toContain(`principle ${rule.principle}`);
    expect(flat).toContain(`severity ${rule.severity}`);
    expect(flat).toContain(rule.rationale.replace(/\s+/g, " ").trim());
    expect(flat).toContain(rule.suggestion.replace(/\s+/g, " ").trim());
    expect(flat).toContain("topic 'indemnity'");
    expect(flat).toContain(`+ ${rule.examples.trigger[0]!}`);
    for (const s of rule.sources) expect(out).toContain(s);
  });

  it("explains a topic: description, patterns, examples and the rules that use it", async () => {
    const { code, out } = await run(["explain", "indemnity"]);
    expect(code).toBe(0);
    expect(out).toContain("(topic)");
    expect(out).toContain('"indemnif*"');
    expect(out).toContain("Rules that use it");
    expect(out).toContain("ra-indemnity-one-way");
  });

  it("exits 2 with a suggestion for an unknown id", async () => {
    const { code, err } = await run(["explain", "indemnity-one"]);
    expect(code).toBe(2);
    expect(err).toMatch(/USAGE no rule or topic 'indemnity-one' \(did you mean .*ra-indemnity-one-way/);
  });
});

describe("trustlint init", () => {
  it("writes both files, then refuses to overwrite without --force", async () => {
    const dir = await mkdtemp(join(tmpdir(), "trustlint-init-"));
    expect((await run(["init", dir])).code).toBe(0);
    for (const f of INIT_FILES) expect(await readFile(join(dir, f.name), "utf8")).toBe(f.text);
    await writeFile(join(dir, "deal.yaml"), "mine\n");
    const again = await run(["init", dir]);
    expect(again.code).toBe(2);
    expect(again.err).toMatch(/deal\.yaml: USAGE already exists; not overwritten \(use --force/);
    expect(await readFile(join(dir, "deal.yaml"), "utf8")).toBe("mine\n");
    expect((await run(["init", dir, "--force"])).code).toBe(0);
    expect(await readFile(join(dir, "deal.yaml"), "utf8")).toBe(INIT_FILES[1]!.text);
  });

  it("writes a deal template that validates and sets every field of the deal schema", () => {
    const text = INIT_FILES.find((f) => f.name === "deal.yaml")!.text;
    const parsed = parseYamlSource("deal.yaml", text, "DEAL_YAML_SYNTAX");
    if (!parsed.ok) throw new Error(parsed.error.message);
    const result = dealSchema.safeParse(parsed.value.value);
    expect(result.success ? [] : result.error.issues).toEqual([]);
    // Walk the generated JSON Schema: every property path must be present in the template.
    const missing: string[] = [];
    const walk = (schema: Record<string, any>, value: unknown, path: string) => {
      const props = schema.properties as Record<string, any> | undefined;
      if (props) {
        for (const [k, sub] of Object.entries(props)) {
          const v = (value as Record<string, unknown> | undefined)?.[k];
          if (v === undefined) missing.push(`${path}${k}`);
          else walk(sub, v, `${path}${k}.`);
        }
      } else if (schema.items && Array.isArray(value)) {
        if (value.length === 0 && schema.items.properties) missing.push(`${path}[]`);
        for (const item of value) walk(schema.items, item, path);
      }
    };
    walk(dealJsonSchema(), parsed.value.value, "");
    expect(missing).toEqual([]);
  });

  it("writes a config template that is valid YAML with comments", () => {
    const text = INIT_FILES.find((f) => f.name === ".trustlintrc.yaml")!.text;
    const parsed = parseYamlSource(".trustlintrc.yaml", text, "CONFIG_YAML_SYNTAX");
    expect(parsed.ok).toBe(true);
    expect(text.split("\n").filter((l) => l.trim().startsWith("#")).length).toBeGreaterThan(20);
    for (const key of ["rules:", "rule-dirs:", "weights:", "roles:", "min-score:", "fail-on:", "max-flags:", "ignore:", "format:"])
      expect(text).toContain(key);
  });
});

describe("trustlint schema", () => {
  it("prints a JSON Schema with every top-level deal field, strict objects and enums", async () => {
    const { code, out } = await run(["schema"]);
    expect(code).toBe(0);
    const schema = JSON.parse(out);
    expect(schema.$schema).toContain("json-schema.org");
    expect(Object.keys(schema.properties).sort()).toEqual(Object.keys(dealSchema.shape).sort());
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties.pricing.properties.model.enum).toContain("outcome_based");
    expect(schema.properties.term.properties.effective_date.anyOf).toContainEqual({ type: "string", format: "date" });
  });
});

describe("trustlint check -f html | markdown", () => {
  it("writes both formats end to end, with --explain-score", async () => {
    const html = await run(["check", "tests/fixtures/drafts/draft-1.md", "-f", "html", "--explain-score"]);
    expect(html.code).toBe(0);
    expect(html.out).toMatch(/^<!DOCTYPE html>/);
    expect(html.out).toContain('data-rule="ra-indemnity-one-way"');
    expect(html.out).toContain("Score arithmetic");
    const md = await run(["check", "tests/fixtures/drafts/draft-1.md", "-f", "markdown", "--explain-score"]);
    expect(md.code).toBe(0);
    expect(md.out).toMatch(/^## trustlint collaboration report/);
    expect(md.out).toContain("<details><summary>Score arithmetic</summary>");
    expect(md.out).toMatch(/One-way indemnity\*\* — clause 3\.1/);
  });
});
