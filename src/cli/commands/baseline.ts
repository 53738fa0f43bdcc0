import type { Register } from "../register.js";
import { runBatchCheck, type BatchOptions } from "../batch/check-run.js";
import { analysisOptions } from "../options.js";

export const registerBaseline: Register = (program, io, setExit) => {
  const cmd = program
    .command("baseline")
    .description("record today's open findings as accepted: trustlint baseline <paths…> > .trustlint-baseline.json")
    .argument("<paths...>", "files, folders or globs")
    .option("-o, --output <file>", "write the baseline to a file instead of standard output");
  analysisOptions(cmd).action(async (paths: string[], opts: BatchOptions) => {
    setExit(await runBatchCheck(paths, { ...opts, format: "json" }, io, "baseline"));
  });
};
