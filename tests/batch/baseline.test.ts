import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { HARBOUR, run, scratch, write } from "./util.js";

const ORIGINAL = `SUPPLY AGREEMENT

This Agreement is made between Harbour Foods Limited (the "Customer") and Quayside Logistics Ltd (the "Supplier").

1. Services
1.1 The Supplier shall provide warehousing services.

2. Indemnity
2.1 The Supplier shall indemnify, defend and hold harmless the Customer against all claims, losses and costs arising from this Agreement.
`;

// Same deal, clauses renumbered and the indemnity reflowed over three lines.
const RENUMBERED = `SUPPLY AGREEMENT

This Agreement is made between Harbour Foods Limited (the "Customer") and Quayside Logistics Ltd (the "Supplier").

1. Definitions
1.1 "Services" means warehousing services.

2. Services
2.1 The Supplier shall provide the Services.

7. Indemnity
7.4 The Supplier shall indemnify, defend and hold
    harmless the Customer against all claims, losses
    and costs arising from this Agreement.
`;

const WORSE = `${RENUMBERED}
8. Data
8.1 The Supplier shall indemnify the Customer against all losses arising from any data breach.
`;

async function withBaseline() {
  const dir = await scratch();
  await write(dir, "deal.txt", ORIGINAL);
  const b = await run(dir, ["baseline", "deal.txt", HARBOUR, "-o", ".trustlint-baseline.json"]);
  expect(b.code).toBe(0);
  return dir;
}

describe("baseline", { timeout: 60_000 }, () => {
  test("records every open flag and gap by fingerprint, not by line", async () => {
    const dir = await withBaseline();
    const file = JSON.parse(await readFile(join(dir, ".trustlint-baseline.json"), "utf8"));
    expect(file.trustlintBaseline).toBe(1);
    const report = JSON.parse((await run(dir, ["check", "-f", "json", "deal.txt", HARBOUR])).out);
    const expected = report.documents
      .flatMap((d: { path: string; findings: { kind: string; ruleId: string; fingerprint: string }[] }) =>
        d.findings.filter((f) => f.kind !== "strength").map((f) => `${d.path} ${f.ruleId} ${f.fingerprint}`),
      )
      .sort();
    expect(
      file.entries.map((e: { path: string; ruleId: string; fingerprint: string }) => `${e.path} ${e.ruleId} ${e.fingerprint}`).sort(),
    ).toEqual(expected);
    expect(expected.some((x: string) => x.startsWith("deal.txt ra-indemnity-one-way"))).toBe(true);
  });

  test("baseline to stdout equals -o", async () => {
    const dir = await withBaseline();
    const r = await run(dir, ["baseline", "deal.txt", HARBOUR]);
    expect(r.out).toBe(await readFile(join(dir, ".trustlint-baseline.json"), "utf8"));
  });

  test("with --baseline, accepted findings no longer fail the gate", async () => {
    const dir = await withBaseline();
    expect((await run(dir, ["check", "deal.txt", "-f", "json", "--fail-on", "high"])).code).toBe(1);
    const r = await run(dir, ["check", "deal.txt", "-f", "json", "--fail-on", "high", "--baseline", ".trustlint-baseline.json"]);
    expect(r.code).toBe(0);
    const f = JSON.parse(r.out).documents[0].findings.find((x: { ruleId: string }) => x.ruleId === "ra-indemnity-one-way");
    expect(f.suppressed).toEqual({ kind: "baseline", reason: "accepted in the baseline" });
  });

  test("renumbering clauses and reflowing text does not resurrect accepted findings", async () => {
    const dir = await withBaseline();
    await write(dir, "deal.txt", RENUMBERED);
    const r = await run(dir, [
      "check",
      "deal.txt",
      "-f",
      "json",
      "--fail-on",
      "high",
      "--max-flags",
      "0",
      "--baseline",
      ".trustlint-baseline.json",
    ]);
    expect(r.err).not.toContain("stale");
    expect(r.code).toBe(0);
  });

  test("a new win-lose clause in the draft fails the gate; the accepted one does not", async () => {
    const dir = await withBaseline();
    await write(dir, "deal.txt", WORSE);
    const r = await run(dir, ["check", "deal.txt", "-f", "json", "--fail-on", "high", "--baseline", ".trustlint-baseline.json"]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/1 open finding\(s\) at or above --fail-on high \(first: ra-indemnity-one-way line 1[0-9]\)/);
  });

  test("entries whose finding is gone are reported as stale; files not checked in this run are not", async () => {
    const dir = await withBaseline();
    await write(
      dir,
      "deal.txt",
      ORIGINAL.replace("The Supplier shall indemnify, defend and hold harmless the Customer", "Each party shall indemnify the other"),
    );
    const r = await run(dir, ["check", "deal.txt", "-f", "json", "--baseline", ".trustlint-baseline.json"]);
    expect(r.err).toContain("1 stale baseline entry");
    expect(r.err).toMatch(/deal\.txt: ra-indemnity-one-way \(was line 9\)/);
    expect(r.err).not.toContain(HARBOUR);
  });

  test("a file that is not a baseline is a usage error", async () => {
    const dir = await scratch();
    await write(dir, "b.json", "[]");
    const r = await run(dir, ["check", HARBOUR, "--baseline", "b.json"]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("b.json: USAGE not a trustlint baseline file");
  });
});
