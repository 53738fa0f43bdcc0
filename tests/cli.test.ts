import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { commandsFor, main } from "../src/cli/main.js";
import { fakeIo } from "./helpers.js";

const ONE_SIDED = `MASTER SERVICES AGREEMENT

This Agreement is made between Acme Ltd ("Customer") and Beta Services Inc. (the "Supplier").

1. Indemnity

1.1 The Supplier shall indemnify, defend and hold harmless the Customer against all claims, losses and costs arising out of or in connection with this Agreement.
`;

async function tempFile(name: string, text: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "trustlint-cli-"));
  const p = join(dir, name);
  await writeFile(p, text);
  return p;
}

describe("trustlint CLI", () => {
  it("prints the version and exits 0", async () => {
    const io = fakeIo();
    expect(await main(["--version"], io)).toBe(0);
    expect(io.out).toMatch(/^\d+\.\d+\.\d+/);
  });

  it("prints help and exits 0", async () => {
    const io = fakeIo();
    expect(await main(["--help"], io)).toBe(0);
    expect(io.out).toContain("check");
  });

  it("exits 0 on a report with no threshold set, even with flags", async () => {
    const io = fakeIo();
    const file = await tempFile("msa.txt", ONE_SIDED);
    expect(await main(["check", file, "--no-color"], io)).toBe(0);
    expect(io.out).toContain("ra-indemnity-one-way");
    expect(io.out).toContain("clause 1.1");
  });

  it("exits 1 with a one-line reason when --fail-on is reached", async () => {
    const io = fakeIo();
    const file = await tempFile("msa.txt", ONE_SIDED);
    expect(await main(["check", file, "--fail-on", "high", "-f", "json"], io)).toBe(1);
    expect(io.err.trim().split("\n")).toHaveLength(1);
    expect(io.err).toContain("--fail-on high");
  });

  it("exits 1 when the overall score is below --min-score", async () => {
    const io = fakeIo();
    const file = await tempFile("msa.txt", ONE_SIDED);
    expect(await main(["check", file, "--min-score", "99", "-f", "json"], io)).toBe(1);
    expect(io.err).toMatch(/below --min-score 99/);
  });

  it("exits 2 on a usage error", async () => {
    const io = fakeIo();
    expect(await main(["check", "x.txt", "--format", "nope"], io)).toBe(2);
    expect(io.err).toMatch(/nope/);
  });

  it("exits 2 with file:line:col on a deal summary with a schema error", async () => {
    const io = fakeIo();
    const file = await tempFile("deal.yaml", "deal:\n  name: Test\npricing:\n  model: unit\n  mfn: maybe\n");
    expect(await main(["check", file, "-f", "json"], io)).toBe(2);
    expect(io.err).toContain(`${file}:5:`);
    expect(io.err).toContain("DEAL_SCHEMA");
    expect(io.err).not.toMatch(/\n\s+at /); // no stack trace
  });

  it("exits 2 with file:line:col on YAML that does not parse", async () => {
    const io = fakeIo();
    const file = await tempFile("deal.yaml", "deal:\n  name: [unclosed\npricing: {model: unit}\n");
    expect(await main(["check", file], io)).toBe(2);
    expect(io.err).toMatch(/deal\.yaml:\d+:\d+: DEAL_YAML_SYNTAX/);
  });

  it("reports a missing file as an error entry and still reports the good file", async () => {
    const io = fakeIo();
    const file = await tempFile("msa.txt", ONE_SIDED);
    expect(await main(["check", "does-not-exist.txt", file, "-f", "json"], io)).toBe(2);
    const report = JSON.parse(io.out);
    expect(report.documents).toHaveLength(2);
    const missing = report.documents.find((d: { path: string }) => d.path === "does-not-exist.txt");
    expect(missing.error.code).toBe("INPUT_NOT_FOUND");
    const good = report.documents.find((d: { path: string }) => d.path === file);
    expect(good.error).toBeNull();
    expect(good.findings.length).toBeGreaterThan(0);
  });

  it("reads standard input when the path is -", async () => {
    const io = fakeIo({ readStdin: async () => new TextEncoder().encode(ONE_SIDED) });
    expect(await main(["check", "-", "-f", "json"], io)).toBe(0);
    const report = JSON.parse(io.out);
    expect(report.documents[0].path).toBe("-");
    expect(report.documents[0].findings.map((f: { ruleId: string }) => f.ruleId)).toContain("ra-indemnity-one-way");
  });

  it("lets --role override a party's role", async () => {
    const io = fakeIo();
    const text = `This Agreement is between Northwind plc ("Northwind") and Southpoint Ltd ("Southpoint").\n\n1. Southpoint shall indemnify Northwind against all claims.\n`;
    const file = await tempFile("roles.txt", text);
    await main(["check", file, "-f", "json", "--role", "Northwind=buyer", "--role", "Southpoint=supplier"], io);
    const doc = JSON.parse(io.out).documents[0];
    expect(doc.parties.map((p: { alias: string; role: string }) => `${p.alias}:${p.role}`).sort()).toEqual([
      "Northwind:buyer",
      "Southpoint:supplier",
    ]);
    const indemnity = doc.topics.find((t: { id: string }) => t.id === "indemnity");
    expect(indemnity.burdened).toBe("supplier");
  });

  it("writes the report to --output instead of stdout", async () => {
    const io = fakeIo();
    const file = await tempFile("msa.txt", ONE_SIDED);
    const out = join(file, "..", "report.json");
    expect(await main(["check", file, "-f", "json", "-o", out], io)).toBe(0);
    expect(io.out).toBe("");
    expect(JSON.parse(io.files.get(out)!).schemaVersion).toBe(1);
  });

  it("honours NO_COLOR and FORCE_COLOR in the terminal report", async () => {
    const file = await tempFile("msa.txt", ONE_SIDED);
    const plain = fakeIo({ env: { NO_COLOR: "1" }, isTTY: true });
    await main(["check", file], plain);
    expect(plain.out).not.toMatch(/\u001b\[/);
    const forced = fakeIo({ env: { FORCE_COLOR: "1" }, isTTY: false });
    await main(["check", file], forced);
    expect(forced.out).toMatch(/\u001b\[/);
  });
});

describe("command loading", () => {
  it("loads only the command a run names, check for a bare path, and every command for the overview help", async () => {
    expect(commandsFor(["compare", "a.json", "b.json"])).toEqual(["compare"]);
    expect(commandsFor(["draft.md", "--format", "json"])).toEqual(["check"]);
    expect(commandsFor(["--format", "json", "draft.md"])).toEqual(["check"]);
    const all = commandsFor(["--help"]);
    expect(all).toContain("check");
    expect(all).toContain("print-config");
    expect(commandsFor([])).toEqual(all);
    expect(commandsFor(["help"])).toEqual(all);
    // The overview still lists every command, and a named command's own help still works.
    const overview = fakeIo();
    expect(await main(["--help"], overview)).toBe(0);
    for (const name of all) expect(overview.out).toContain(name);
    const compareHelp = fakeIo();
    expect(await main(["compare", "--help"], compareHelp)).toBe(0);
    expect(compareHelp.out).toMatch(/Usage: trustlint compare/);
  });
});
