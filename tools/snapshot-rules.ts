import { BUILTIN_RULES_DIR, readRuleDir } from "../dist/core/rule-files.js";
import { writeSnapshot } from "../dist/core/rule-snapshot.js";

/**
 * Build step (`npm run build`): writes the validated built-in pack next to the compiled CLI. An invalid pack
 * writes nothing, so the CLI parses the YAML and reports the rule errors at file:line:col as usual.
 */
const files = await readRuleDir(BUILTIN_RULES_DIR, BUILTIN_RULES_DIR);
if (!(await writeSnapshot(files, BUILTIN_RULES_DIR)))
  process.stderr.write("snapshot-rules: the built-in rules have errors; no snapshot written\n");
