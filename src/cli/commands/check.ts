import { Option } from "commander";
import { SEVERITIES } from "../../model/finding.js";
import { FORMATS } from "../../report/index.js";
import type { Register } from "../register.js";
import { runBatchCheck, type BatchOptions } from "../batch/check-run.js";
import { collectMinScore } from "../batch/thresholds.js";
import { analysisOptions, parseCount } from "../options.js";

export type CheckOptions = BatchOptions;

export const registerCheck: Register = (program, io, setExit) => {
  const cmd = program
    .command("check", { isDefault: true })
    .description("analyse contracts (.txt, .md, .pdf, .docx, .html), folders and globs of them, and deal summaries (.yaml)")
    .argument("<paths...>", "files, folders or globs to check; - reads standard input")
    .addOption(new Option("-f, --format <format>", "output format (default terminal)").choices(FORMATS))
    .option("-o, --output <file>", "write the report to a file instead of standard output")
    .option("--min-score <n|principle=n>", "exit 1 when an overall (or a principle's) score is below n (repeatable)", collectMinScore)
    .addOption(
      new Option("--fail-on <severity>", "exit 1 when an open flag or gap of this severity or worse is found").choices([...SEVERITIES]),
    )
    .option("--max-flags <n>", "exit 1 when the run has more than n open flags and gaps", parseCount)
    .addOption(
      new Option(
        "--min-severity <severity>",
        "show only flags and gaps of this severity or worse, in every format (scores and thresholds still count all)",
      ).choices([...SEVERITIES]),
    )
    .option("--baseline <file>", "accepted findings (from `trustlint baseline`): only new ones count")
    .option("--explain-score", "print the score arithmetic per principle")
    .option("--color", "force colour")
    .option("--no-color", "disable colour")
    .addHelpText("after", CHECK_HELP);
  analysisOptions(cmd).action(async (paths: string[], opts: CheckOptions) => {
    setExit(await runBatchCheck(paths, opts, io));
  });
};

const CHECK_HELP = `
Examples:
  trustlint check draft.md
  trustlint check contracts/ --ignore "**/old/**" -f html -o portfolio.html
  trustlint check msa.pdf -f sarif -o trustlint.sarif --fail-on high
  trustlint check . -f compact --min-severity medium     one line per finding, medium and worse
  cat draft.md | trustlint check - --stdin-filename draft.md

-q hides the progress bar and notes; --min-severity hides findings below a severity in the report
(scores and thresholds still count every finding).

Exit codes: 0 no threshold failed · 1 a threshold failed · 2 usage, configuration or input error`;
