import { mkdir, writeFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { reportJsonSchema } from "../dist/model/report-json.js";

/**
 * Build step (`npm run build`): writes the JSON report's schema (model/report-json.ts) as a JSON Schema file that
 * the package ships. tests/report-schema.test.ts fails when the committed file is not what this writes.
 */
export const REPORT_SCHEMA_FILE = resolve(dirname(fileURLToPath(import.meta.url)), "..", "schemas", "report.schema.json");

await mkdir(dirname(REPORT_SCHEMA_FILE), { recursive: true });
await writeFile(REPORT_SCHEMA_FILE, `${JSON.stringify(reportJsonSchema(), null, 2)}\n`);
