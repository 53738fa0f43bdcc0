import { resolve } from "node:path";
import { analyse, type RulePack, type RuleFile } from "../engine/index.js";
import { buildContract } from "../ingest/contract.js";
import { parseYamlSource, positionOf } from "../shared/yaml-source.js";

/**
 * The checks behind `trustlint rules test <dir>` (commands/rules-test.ts): every example of a pack's rule files
 * is run through the real pipeline (ingest → facts → rules). A topic's `match` examples must produce a fact of the topic and its `no-match` ones must not; a
 * rule's `trigger` examples must produce a finding of the rule (of its kind and severity) and its `no-trigger`
 * ones must not. Each failure is one `file:line:col: message` line at the example itself. tests/rules.test.ts
 * runs the built-in pack through the same checks.
 */
export interface ExampleCheck {
  file: string;
  line?: number;
  column?: number;
  /** The topic or rule id. */
  id: string;
  kind: "match" | "no-match" | "trigger" | "no-trigger";
  text: string;
  /** Null when the example behaves as its rule file says, else why not. */
  run(): string | null;
}

/** The checks for every example of the topics and rules written in `files` (other rules of the pack still run). */
export function exampleChecks(pack: RulePack, files: readonly RuleFile[]): ExampleCheck[] {
  const wanted = new Map(files.map((f) => [resolve(f.file), f]));
  const positions = new Map<string, Map<string, { line: number; column: number }>>();
  const at = (file: string, path: string): { line?: number; column?: number } => {
    if (!positions.has(file)) {
      const source = wanted.get(resolve(file));
      const parsed = source ? parseYamlSource(source.file, source.text, "RULE_YAML_SYNTAX") : null;
      positions.set(file, parsed?.ok ? parsed.value.positions : new Map());
    }
    const pos = positionOf(positions.get(file)!, path);
    return pos ? { line: pos.line, column: pos.column } : {};
  };
  const analyseExample = (text: string) => analyse(buildContract("example.txt", "text", text), pack);
  const checks: ExampleCheck[] = [];
  for (const { meta } of pack.topics) {
    if (!wanted.has(resolve(meta.file))) continue;
    const topicChecks = (kind: "match" | "no-match", list: readonly string[]) =>
      list.forEach((text, i) =>
        checks.push({
          file: meta.file,
          ...at(meta.file, `examples.${kind}[${i}]`),
          id: meta.id,
          kind,
          text,
          run: () => {
            const found = analyseExample(text).facts.some((f) => f.topic === meta.id);
            if (kind === "match" && !found) return `topic '${meta.id}' does not detect its match example: ${shorten(text)}`;
            if (kind === "no-match" && found) return `topic '${meta.id}' detects its no-match example: ${shorten(text)}`;
            return null;
          },
        }),
      );
    topicChecks("match", meta.examples.match);
    topicChecks("no-match", meta.examples["no-match"]);
  }
  for (const rule of pack.rules) {
    if (!wanted.has(resolve(rule.file))) continue;
    const ruleChecks = (kind: "trigger" | "no-trigger", list: readonly string[]) =>
      list.forEach((text, i) =>
        checks.push({
          file: rule.file,
          ...at(rule.file, `examples.${kind}[${i}]`),
          id: rule.id,
          kind,
          text,
          run: () => {
            const hits = analyseExample(text).findings.filter((f) => f.ruleId === rule.id);
            if (kind === "no-trigger") return hits.length ? `rule '${rule.id}' fires on its no-trigger example: ${shorten(text)}` : null;
            const first = hits[0];
            if (!first) return `rule '${rule.id}' does not fire on its trigger example: ${shorten(text)}`;
            if (first.kind !== rule.kind || first.severity !== rule.severity)
              return `rule '${rule.id}' fires as ${first.kind}/${first.severity}, not ${rule.kind}/${rule.severity}`;
            if (!(first.location.line >= 1)) return `rule '${rule.id}' fires with no line in the example`;
            return null;
          },
        }),
      );
    ruleChecks("trigger", rule.examples.trigger);
    ruleChecks("no-trigger", rule.examples["no-trigger"]);
  }
  return checks;
}

function shorten(text: string): string {
  return JSON.stringify(text.length > 90 ? `${text.slice(0, 90)}…` : text);
}
