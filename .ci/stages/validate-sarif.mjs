// Usage: node validate-sarif.mjs <schema.json> <log.sarif…>; exit 1 when any log is invalid.
import { readFileSync } from "node:fs";
import Ajv from "ajv-draft-04";
import addFormats from "ajv-formats";

const [schemaPath, ...logs] = process.argv.slice(2);
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(JSON.parse(readFileSync(schemaPath, "utf8")));
let bad = 0;
for (const file of logs) {
  const log = JSON.parse(readFileSync(file, "utf8"));
  const results = log.runs?.[0]?.results?.length ?? 0;
  if (validate(log)) {
    console.log(`sarif stage: ${file}: valid (${results} results, ${log.runs[0].tool.driver.rules.length} rules)`);
  } else {
    bad++;
    for (const e of validate.errors.slice(0, 20)) console.log(`sarif stage: ${file}: ${e.instancePath} ${e.message}`);
  }
}
process.exit(bad ? 1 : 0);
