import { existsSync, readFileSync } from "node:fs";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import AjvModule from "ajv-draft-04";
import addFormatsModule from "ajv-formats";
import { describe, expect, it } from "vitest";
import { main } from "../src/cli/main.js";
import { makePdf } from "./fixtures/make-documents.js";
import { fakeIo } from "./helpers.js";

const SCHEMA = join(process.env.TRUSTLINT_SHARED ?? "../shared", "schemas/sarif-schema-2.1.0.json");

async function pdf(): Promise<string> {
  const filler = Array.from({ length: 30 }, (_, i) => `The parties will meet to review the services, item ${i + 1}.`);
  const bytes = await makePdf([
    {
      lines: [
        "MASTER SERVICES AGREEMENT",
        "",
        'This Agreement is made between Acme Ltd ("Customer") and Beta Inc. (the "Supplier").',
        "",
        "1. Services",
        ...filler,
      ],
    },
    {
      lines: [
        "2. Indemnity",
        "",
        "2.1 The Supplier shall indemnify, defend and hold harmless the Customer against all claims,",
        "losses and costs arising out of or in connection with this Agreement.",
      ],
    },
  ]);
  const dir = await mkdtemp(join(tmpdir(), "trustlint-pdfloc-"));
  const file = join(dir, "msa.pdf");
  await writeFile(file, bytes);
  return file;
}

describe("PDF findings in SARIF and GitHub annotations", { timeout: 60_000 }, () => {
  it("point at the page, not at a line of the binary file", async () => {
    const file = await pdf();
    const io = fakeIo();
    await main(["check", file, "-f", "sarif", "--no-config"], io);
    const log = JSON.parse(io.out);
    const indemnity = log.runs[0].results.find((r: { ruleId: string }) => r.ruleId === "ra-indemnity-one-way");
    expect(indemnity).toBeDefined();
    expect(indemnity.locations[0].physicalLocation.region).toBeUndefined();
    expect(indemnity.locations[0].physicalLocation.properties.page).toBe(2);
    expect(indemnity.properties.page).toBe(2);
    expect(indemnity.message.text).toMatch(/^\(Page 2, clause 2\.1\) /);
    if (existsSync(SCHEMA)) {
      // CommonJS default exports, seen differently by tsc and by the test runner.
      const Ajv = ((AjvModule as unknown as { default?: unknown }).default ?? AjvModule) as new (o: object) => {
        compile: (s: object) => ((x: unknown) => boolean) & { errors?: unknown[] };
      };
      const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (a: unknown) => void;
      const ajv = new Ajv({ allErrors: true, strict: false });
      addFormats(ajv);
      const validate = ajv.compile(JSON.parse(readFileSync(SCHEMA, "utf8")));
      expect(validate(log), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    }
    const gh = fakeIo();
    await main(["check", file, "-f", "github", "--no-config"], gh);
    const line = gh.out.split("\n").find((l) => l.includes("ra-indemnity-one-way"))!;
    expect(line).not.toMatch(/,line=|,col=/);
    expect(line).toMatch(/title=[^:]*\(page 2%2C clause 2.1\)/);
  });

  it("keeps line regions for text formats", async () => {
    const io = fakeIo();
    await main(["check", "fixtures/contracts/one-sided-msa.md", "-f", "sarif", "--no-config"], io);
    const r = JSON.parse(io.out).runs[0].results[0];
    expect(r.locations[0].physicalLocation.region.startLine).toBeGreaterThan(0);
  });
});
