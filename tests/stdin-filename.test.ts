import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { main } from "../src/cli/main.js";
import { fakeIo } from "./helpers.js";

const stdinOf = async (file: string) => {
  const bytes = new Uint8Array(await readFile(file));
  return fakeIo({ readStdin: async () => bytes });
};

describe("--stdin-filename", { timeout: 30_000 }, () => {
  it("gives standard input a path in every report, and its extension helps tell the format", async () => {
    const sarifIo = await stdinOf("fixtures/contracts/one-sided-msa.md");
    expect(await main(["check", "-", "--stdin-filename", "deals/acme/msa.md", "-f", "sarif", "--no-config"], sarifIo)).toBe(0);
    const sarif = JSON.parse(sarifIo.out);
    expect(sarif.runs[0].results.length).toBeGreaterThan(0);
    for (const r of sarif.runs[0].results) expect(r.locations[0].physicalLocation.artifactLocation.uri).toBe("deals/acme/msa.md");
    const jsonIo = await stdinOf("fixtures/contracts/one-sided-msa.md");
    await main(["check", "-", "--stdin-filename", "deals/acme/msa.md", "-f", "json", "--no-config"], jsonIo);
    const doc = JSON.parse(jsonIo.out).documents[0];
    expect(doc.path).toBe("deals/acme/msa.md");
    expect(doc.format).toBe("markdown");
    const gh = await stdinOf("fixtures/contracts/one-sided-msa.md");
    await main(["check", "-", "--stdin-filename", "msa.md", "-f", "github", "--no-config"], gh);
    expect(gh.out).toMatch(/^::error file=msa\.md,/m);
    expect(gh.out).not.toContain("file=-");
  });

  it("names standard input in errors too", async () => {
    const io = fakeIo({ readStdin: async () => new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]) });
    expect(await main(["check", "-", "--stdin-filename", "broken.docx", "-f", "json", "--no-config"], io)).toBe(2);
    expect(JSON.parse(io.out).documents[0].path).toBe("broken.docx");
  });

  it("is a usage error without - among the inputs", async () => {
    const io = fakeIo();
    expect(await main(["check", "fixtures/contracts/mixed-draft.md", "--stdin-filename", "x.md"], io)).toBe(2);
    expect(io.err).toContain("USAGE");
  });
});
