import type { ExclusionSource, PatternSource } from "../../engine/rule-schema.js";
import type { LoadedRule, LoadedTopic } from "../../engine/load-rules.js";
import { PRINCIPLE_TITLES } from "../../model/finding.js";
import { appError, formatError } from "../../shared/errors.js";
import { EXIT, type ExitCode } from "../exit-codes.js";
import type { Io } from "../io.js";
import type { Register } from "../register.js";
import { loadPack } from "../../core/rule-files.js";

export const registerExplain: Register = (program, io, setExit) => {
  program
    .command("explain")
    .description("explain a rule or a topic: why it matters, what triggers it, examples, the balanced alternative, sources")
    .argument("<id>", "a rule id (ra-indemnity-one-way) or a topic id (indemnity); see `trustlint rules`")
    .option("--rules <dir>", "also load rule files from this folder (repeatable)", (v: string, p: string[]) => [...p, v], [])
    .action(async (id: string, opts: { rules: string[] }) => {
      setExit(await runExplain(id, opts.rules, io));
    });
};

async function runExplain(id: string, extra: string[], io: Io): Promise<ExitCode> {
  const pack = await loadPack(extra, io.cwd);
  if (!pack.ok) {
    for (const e of pack.error) io.stderr(`trustlint: ${formatError(e)}\n`);
    return EXIT.ERROR;
  }
  const rule = pack.value.rules.find((r) => r.id === id);
  const topic = pack.value.topics.find((t) => t.meta.id === id)?.meta;
  if (!rule && !topic) {
    const all = [...pack.value.rules.map((r) => r.id), ...pack.value.topics.map((t) => t.meta.id)];
    const near = all.filter((x) => x.includes(id) || id.includes(x)).slice(0, 5);
    io.stderr(
      `trustlint: ${formatError(appError("USAGE", `no rule or topic '${id}'`, { hint: near.length ? `did you mean ${near.join(", ")}?` : "list them with `trustlint rules` and `trustlint rules --topics`" }))}\n`,
    );
    return EXIT.ERROR;
  }
  if (rule)
    io.stdout(
      explainRule(
        rule,
        pack.value.topics.map((t) => t.meta),
      ),
    );
  if (topic) io.stdout((rule ? "\n" : "") + explainTopic(topic, pack.value.rules));
  return EXIT.OK;
}

function wrap(text: string, indent = "  ", width = 100): string {
  const words = text.trim().split(/\s+/);
  const lines: string[] = [];
  let line = "";
  for (const w of words) {
    if (line && (indent + line + " " + w).length > width) {
      lines.push(indent + line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  if (line) lines.push(indent + line);
  return lines.join("\n");
}

function exclusion(x: ExclusionSource): string {
  if (typeof x === "string") return pattern(x);
  const unless = x.unless ? ` (unless ${x.unless.map(pattern).join(" or ")})` : "";
  if ("any" in x) return `${x.any.map(pattern).join(" or ")}${unless}`;
  if ("all" in x) return `${x.all.map(pattern).join(" and ")}${unless}`;
  return `${pattern(x)}${unless}`;
}

function pattern(p: PatternSource): string {
  return typeof p === "string" ? `"${p}"` : `/${p.regex}/${p.flags ?? ""}`;
}

export function explainRule(rule: LoadedRule, topics: readonly LoadedTopic[]): string {
  const w = rule.when;
  const out = [
    `${rule.id} — ${rule.title}`,
    "",
    `  principle  ${rule.principle} (${PRINCIPLE_TITLES[rule.principle]})`,
    `  kind       ${rule.kind}${rule.kind === "flag" ? " (a win-lose term)" : rule.kind === "strength" ? " (a collaborative term)" : " (an expected collaborative element is missing)"}`,
    `  severity   ${rule.severity}`,
    `  file       ${rule.file}`,
    "",
    "Why it matters",
    wrap(rule.rationale),
    "",
    "What triggers it",
  ];
  if ("fact" in w) {
    const c = w.fact;
    const conds = [
      c.mutual === undefined ? null : c.mutual ? "it is mutual" : "it binds or protects one side only",
      c.burdened ? `the burdened side is ${c.burdened}` : null,
      c.beneficiary ? `the beneficiary is ${c.beneficiary}` : null,
      c.value ? `value ${c.value.name} ${c.value.op}${c.value.value === undefined ? "" : ` ${c.value.value}`}` : null,
    ].filter(Boolean);
    out.push(wrap(`A clause with the topic '${c.topic}'${conds.length ? ` where ${conds.join(", ")}` : ""}.`));
    if (w.unless.length)
      out.push(
        wrap(
          `Not when the document also has: ${w.unless.map((u) => `${u.topic}${u.mutual === undefined ? "" : u.mutual ? " (mutual)" : " (one-sided)"}`).join(", ")}.`,
        ),
      );
    const t = topics.find((x) => x.id === c.topic);
    if (t) out.push(wrap(`Topic '${t.id}': ${t.description}`), wrap(`Trigger words: ${t.trigger.map(pattern).join(", ")}`));
  } else {
    out.push(wrap(`Fires once for the document when none of these topics is found: ${w.absent.join(", ")}.`));
    if (w["only-if"].length) out.push(wrap(`Only when the document has: ${w["only-if"].map((u) => u.topic).join(", ")}.`));
  }
  out.push(
    "",
    "Examples that trigger it",
    ...rule.examples.trigger.map((e) => wrap(`+ ${e}`)),
    "",
    "Examples that do not",
    ...rule.examples["no-trigger"].map((e) => wrap(`- ${e}`)),
  );
  out.push("", "Balanced alternative", wrap(rule.suggestion));
  out.push("", "Sources", ...(rule.sources.length ? rule.sources.map((s) => `  • ${s}`) : ["  (none given)"]), "");
  return out.join("\n");
}

export function explainTopic(topic: LoadedTopic, rules: readonly LoadedRule[]): string {
  const users = rules.filter((r) =>
    ("fact" in r.when
      ? [r.when.fact.topic, ...r.when.unless.map((u) => u.topic)]
      : [...r.when.absent, ...r.when["only-if"].map((u) => u.topic)]
    ).includes(topic.id),
  );
  const out = [
    `${topic.id} — ${topic.title} (topic)`,
    "",
    wrap(topic.description),
    "",
    "What triggers it",
    wrap(`Looked for per ${topic.scope}${topic["in-definitions"] ? ", including the definitions section" : ""}.`),
    wrap(`Trigger: ${topic.trigger.map(pattern).join(", ")}`),
    ...topic.require.map((r, i) => wrap(`Also requires (${i + 1}, per ${r.scope ?? topic.scope}): ${r.any.map(pattern).join(", ")}`)),
    ...(topic.exclude.length ? [wrap(`Excluded when: ${topic.exclude.map(exclusion).join(", ")}`)] : []),
    ...(topic.values.length ? [wrap(`Values read: ${topic.values.map((v) => `${v.name} (${v.type})`).join(", ")}`)] : []),
    "",
    "Examples that match",
    ...topic.examples.match.map((e) => wrap(`+ ${e}`)),
    "",
    "Examples that do not",
    ...topic.examples["no-match"].map((e) => wrap(`- ${e}`)),
    "",
    "Rules that use it",
    ...(users.length ? users.map((r) => `  ${r.id} (${r.kind}, ${r.severity})`) : ["  (none)"]),
    "",
  ];
  return out.join("\n");
}
