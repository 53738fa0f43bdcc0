import { join } from "node:path";
import { appError, formatError } from "../../shared/errors.js";
import { EXIT, type ExitCode } from "../exit-codes.js";
import type { Io } from "../io.js";
import type { Register } from "../register.js";
import { DEAL_TEMPLATE } from "../templates/deal-yaml.js";
import { rcTemplate } from "../templates/trustlintrc.js";
import { loadPack } from "../../core/rule-files.js";
import { packPolicy } from "../../engine/index.js";
import type { ScorePolicy } from "../../model/policy.js";

/** The files `init` writes; the config's weights section follows the built-in pack's policy. */
export function initFiles(policy: Pick<ScorePolicy, "weightPresets" | "defaultPreset">): { name: string; text: string }[] {
  return [
    { name: ".trustlintrc.yaml", text: rcTemplate(policy) },
    { name: "deal.yaml", text: DEAL_TEMPLATE },
  ];
}

export const registerInit: Register = (program, io, setExit) => {
  program
    .command("init")
    .description("write a commented .trustlintrc.yaml and a deal.yaml template (every deal-summary field)")
    .argument("[dir]", "folder to write them in", ".")
    .option("--force", "overwrite existing files")
    .action(async (dir: string, opts: { force?: boolean }) => {
      setExit(await runInit(dir, Boolean(opts.force), io));
    });
};

async function runInit(dir: string, force: boolean, io: Io): Promise<ExitCode> {
  const pack = await loadPack([], io.cwd, io.env);
  if (!pack.ok) {
    for (const e of pack.error) io.stderr(`trustlint: ${formatError(e)}\n`);
    return EXIT.ERROR;
  }
  const targets = initFiles(packPolicy(pack.value).score).map((f) => ({ ...f, path: join(dir, f.name) }));
  if (!force) {
    const existing: string[] = [];
    for (const t of targets) if (await exists(t.path, io)) existing.push(t.path);
    // Refuse before writing anything, so a half-initialised folder never happens.
    if (existing.length) {
      for (const p of existing)
        io.stderr(
          `trustlint: ${formatError(appError("USAGE", "already exists; not overwritten", { path: p, hint: "use --force to overwrite" }))}\n`,
        );
      return EXIT.ERROR;
    }
  }
  for (const t of targets) {
    await io.writeFile(t.path, t.text);
    io.stdout(`wrote ${t.path}\n`);
  }
  io.stdout("Next: fill in deal.yaml (delete what you do not know), then run `trustlint check deal.yaml`.\n");
  return EXIT.OK;
}

async function exists(path: string, io: Io): Promise<boolean> {
  try {
    await io.stat(path);
    return true;
  } catch {
    return false;
  }
}
