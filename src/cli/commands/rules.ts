import { Option } from "commander";
import type { LoadedRule } from "../../engine/load-rules.js";
import { FINDING_KINDS, PRINCIPLES, SEVERITIES, type FindingKind, type PrincipleId, type Severity } from "../../model/finding.js";
import { formatError } from "../../shared/errors.js";
import { EXIT, type ExitCode } from "../exit-codes.js";
import type { Io } from "../io.js";
import type { Register } from "../register.js";
import { loadPack } from "../../core/rule-files.js";
import { toMeta } from "../../core/meta.js";
import { registerRulesTest } from "../rules-test.js";

interface RulesOptions {
  principle?: PrincipleId;
  kind?: FindingKind;
  severity?: Severity;
  topic?: string;
  topics?: boolean;
  rules: string[];
  format: "text" | "json";
}

export const registerRules: Register = (program, io, setExit) => {
  const rules = program
    .command("rules")
    .description("list the rules (filter by principle, kind, severity, topic) or, with --topics, the topic detectors")
    .addOption(new Option("--principle <id>", "only rules of this principle").choices([...PRINCIPLES]))
    .addOption(new Option("--kind <kind>", "only flags, strengths or gaps").choices([...FINDING_KINDS]))
    .addOption(new Option("--severity <severity>", "only rules of this severity").choices([...SEVERITIES]))
    .option("--topic <id>", "only rules that judge this topic")
    .option("--topics", "list the topic detectors instead of the rules")
    .option("--rules <dir>", "also load rule files from this folder (repeatable)", (v: string, p: string[]) => [...p, v], [])
    .addOption(new Option("-f, --format <format>", "output format").choices(["text", "json"]).default("text"))
    .addHelpText("after", "\nSee one rule or topic in full with: trustlint explain <id>")
    .action(async (opts: RulesOptions) => {
      setExit(await runRules(opts, io));
    });
  registerRulesTest(rules, io, setExit);
};

export function filterRules(
  rules: readonly LoadedRule[],
  opts: Pick<RulesOptions, "principle" | "kind" | "severity" | "topic">,
): LoadedRule[] {
  return rules.filter(
    (r) =>
      (!opts.principle || r.principle === opts.principle) &&
      (!opts.kind || r.kind === opts.kind) &&
      (!opts.severity || r.severity === opts.severity) &&
      (!opts.topic || toMeta(r).topics.includes(opts.topic)),
  );
}

async function runRules(opts: RulesOptions, io: Io): Promise<ExitCode> {
  const pack = await loadPack(opts.rules, io.cwd);
  if (!pack.ok) {
    for (const e of pack.error) io.stderr(`trustlint: ${formatError(e)}\n`);
    return EXIT.ERROR;
  }
  if (opts.topics) {
    const topics = pack.value.topics.map((t) => t.meta).filter((t) => !opts.topic || t.id === opts.topic);
    if (opts.format === "json")
      io.stdout(
        `${JSON.stringify(
          topics.map((t) => ({ id: t.id, title: t.title, description: t.description, file: t.file })),
          null,
          2,
        )}\n`,
      );
    else {
      for (const t of topics) io.stdout(`${t.id.padEnd(34)} ${t.title}\n`);
      io.stdout(`\n${topics.length} topics\n`);
    }
    return EXIT.OK;
  }
  const rules = filterRules(pack.value.rules, opts);
  if (opts.format === "json") {
    io.stdout(`${JSON.stringify(rules.map(toMeta), null, 2)}\n`);
    return EXIT.OK;
  }
  for (const r of rules) io.stdout(`${r.id.padEnd(40)} ${r.kind.padEnd(8)} ${r.severity.padEnd(8)} ${r.principle.padEnd(20)} ${r.title}\n`);
  io.stdout(`\n${rules.length} of ${pack.value.rules.length} rules, ${pack.value.topics.length} topics\n`);
  return EXIT.OK;
}
