import { availableParallelism } from "node:os";
import { relative, resolve } from "node:path";
import { formatError } from "../../shared/errors.js";
import { EXIT, type ExitCode } from "../exit-codes.js";
import type { Io } from "../io.js";
import type { Register } from "../register.js";
import { resolveConfig } from "../batch/check-run.js";
import { compileIgnore, ignoreErrors } from "../../core/ignore.js";
import { readIgnoreFile } from "../batch/expand.js";
import { buildPack, type AnalysisSettings } from "../batch/settings.js";
import { settingsFrom, withWeights } from "../batch/check-run.js";
import { packPolicy } from "../../engine/index.js";

export const registerPrintConfig: Register = (program, io, setExit) => {
  program
    .command("print-config")
    .description("print the effective configuration for a file (which config file, rules, weights, thresholds, ignored or not)")
    .argument("<file>", "the contract to ask about")
    .option("-c, --config <file>", "use this config file instead of the nearest .trustlintrc.yaml")
    .option("--no-config", "ignore .trustlintrc.yaml files")
    .action(async (file: string, opts: { config?: string | false }) => setExit(await runPrintConfig(file, opts, io)));
};

async function runPrintConfig(file: string, opts: { config?: string | false }, io: Io): Promise<ExitCode> {
  const cfg = await resolveConfig(opts.config, io);
  if ("errors" in cfg) {
    for (const e of cfg.errors) io.stderr(`trustlint: ${formatError(e)}\n`);
    return EXIT.ERROR;
  }
  const config = cfg.value;
  const unweighted: AnalysisSettings = settingsFrom(config, { rules: [], role: {} }, io.cwd);
  const pack = await buildPack(unweighted);
  if (!pack.ok) {
    for (const e of pack.error) io.stderr(`trustlint: ${formatError(e)}\n`);
    return EXIT.ERROR;
  }
  const weighted = withWeights(unweighted, pack.value, undefined, config);
  if ("errors" in weighted) {
    for (const e of weighted.errors) io.stderr(`trustlint: ${formatError(e)}\n`);
    return EXIT.ERROR;
  }
  const settings = weighted.value;
  const ignoreRead = await readIgnoreFile(io.cwd);
  if ("error" in ignoreRead) {
    io.stderr(`trustlint: ${formatError(ignoreRead.error)}\n`);
    return EXIT.ERROR;
  }
  const ignoreFile = ignoreRead.patterns;
  const badPatterns = ignoreErrors([...config.ignore, ...ignoreFile]);
  if (badPatterns.length) {
    for (const e of badPatterns) io.stderr(`trustlint: ${formatError(e)}\n`);
    return EXIT.ERROR;
  }
  const rel = relative(io.cwd, resolve(io.cwd, file));
  const effective = {
    file,
    configFile: config.file,
    ignored: compileIgnore([...config.ignore, ...ignoreFile])(rel),
    extends: config.extends,
    ruleFolders: config["rule-folders"].map((d) => relative(io.cwd, d) || "."),
    rules: Object.fromEntries(pack.value.rules.map((r) => [r.id, r.severity])),
    rulesOff: Object.entries(config.rules)
      .filter(([, v]) => v === "off")
      .map(([k]) => k),
    weights: settings.analyse.weights ?? `${packPolicy(pack.value).score.defaultPreset} (default)`,
    roles: config.roles,
    thresholds: { minScore: config["min-score"] ?? null, failOn: config["fail-on"] ?? null, maxFlags: config["max-flags"] ?? null },
    ignore: [...ignoreFile, ...config.ignore],
    format: config.format ?? "terminal",
    concurrency:
      typeof config.concurrency === "number" ? Math.min(config.concurrency, availableParallelism()) : (config.concurrency ?? "auto"),
    baseline: config.baseline ? relative(io.cwd, config.baseline) : null,
    suppress: config.suppress,
  };
  io.stdout(`${JSON.stringify(effective, null, 2)}\n`);
  return EXIT.OK;
}
