import { existsSync } from "node:fs";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../src/cli/main.js";
import { fakeIo } from "./helpers.js";

/**
 * The bundled one-sided MSA and mixed draft through the real CLI (JSON reporter): the one-sided agreement must
 * show its win-lose terms at the clauses where they are, and score below the more balanced agreements on every
 * principle it has anything to say about.
 */
const DIR = "fixtures/contracts";

interface JsonFinding {
  ruleId: string;
  kind: string;
  principle: string;
  severity: string;
  location: { line: number; column: number; clause: string | null };
  excerpt: string;
}
interface JsonDoc {
  error: unknown;
  parties: { name: string; role: string; alias: string | null }[];
  score: { overall: number; principles: { id: string; score: number }[] };
  topics: { id: string; mutual: boolean | null; burdened: string | null; location: { clause: string | null } }[];
  findings: JsonFinding[];
}

async function report(file: string): Promise<JsonDoc> {
  const io = fakeIo();
  const code = await main(["check", `${DIR}/${file}`, "-f", "json"], io);
  expect(code).toBe(0);
  const doc = JSON.parse(io.out).documents[0] as JsonDoc;
  expect(doc.error).toBeNull();
  return doc;
}

const at = (doc: JsonDoc, ruleId: string) => doc.findings.filter((f) => f.ruleId === ruleId).map((f) => f.location.clause);

describe("one-sided MSA fixture", () => {
  it("resolves the Customer as buyer and the Supplier as supplier", async () => {
    const doc = await report("one-sided-msa.md");
    expect(doc.parties.map((p) => [p.alias, p.role])).toEqual([
      ["Customer", "buyer"],
      ["Supplier", "supplier"],
    ]);
  });

  it("lists the one-sided indemnity and the uncapped liability with their clause numbers", async () => {
    const doc = await report("one-sided-msa.md");
    expect(at(doc, "ra-indemnity-one-way")).toEqual(["8.1"]);
    expect(at(doc, "ra-liability-uncapped-one-side")).toEqual(["9.2"]);
    const indemnity = doc.findings.find((f) => f.ruleId === "ra-indemnity-one-way")!;
    expect(indemnity.excerpt).toMatch(/indemnify, defend and hold harmless/);
    expect(indemnity.location.line).toBeGreaterThan(1);
  });

  it("lists the missing shared goals as gaps", async () => {
    const doc = await report("one-sided-msa.md");
    const gaps = doc.findings.filter((f) => f.kind === "gap").map((f) => f.ruleId);
    expect(gaps).toEqual(expect.arrayContaining(["sv-no-shared-vision", "dr-no-escalation-path", "tx-no-exit-plan"]));
  });

  it("flags each risk-shifting term at its own clause", async () => {
    const doc = await report("one-sided-msa.md");
    expect(at(doc, "ra-liability-cap-one-sided")).toEqual(["9.1"]);
    expect(at(doc, "ra-consequential-waiver-one-way")).toEqual(["9.3"]);
    expect(at(doc, "ra-liquidated-damages-no-earn-back")).toEqual(["5.2"]);
    expect(at(doc, "tx-termination-for-convenience-one-sided")).toEqual(["11.1"]);
    expect(at(doc, "tx-termination-minor-breach")).toEqual(["11.2"]);
    expect(at(doc, "ra-unilateral-change-right")).toEqual(["2.3"]);
    expect(at(doc, "ra-sole-discretion")).toEqual(["5.3"]);
    expect(at(doc, "dr-forum-election-one-sided")).toEqual(["13.2"]);
  });

  it("finds no collaborative strengths in risk, term and disputes", async () => {
    const doc = await report("one-sided-msa.md");
    const strengths = doc.findings.filter(
      (f) => f.kind === "strength" && ["risk-allocation", "term-exit", "dispute-resolution"].includes(f.principle),
    );
    expect(strengths).toEqual([]);
  });

  it("reports every one-way topic as burdening the Supplier", async () => {
    const doc = await report("one-sided-msa.md");
    const oneWay = doc.topics.filter((t) => t.mutual === false);
    expect(oneWay.length).toBeGreaterThanOrEqual(10);
    expect(new Set(oneWay.map((t) => t.burdened))).toEqual(new Set(["supplier"]));
  });
});

describe("mixed draft fixture", () => {
  it("credits the balanced clauses and flags the one-sided ones", async () => {
    const doc = await report("mixed-draft.md");
    expect(at(doc, "ra-indemnity-mutual")).toEqual(["6.1"]);
    expect(at(doc, "ra-consequential-waiver-mutual")).toEqual(["7.3"]);
    expect(at(doc, "dr-escalation-ladder")).toEqual(["12.1"]);
    expect(at(doc, "tx-performance-based-extension")).toEqual(["2.2"]);
    // Data-protection carve-out for the Contractor only: the mutual cap is not credited, the exposure is flagged.
    expect(at(doc, "ra-liability-uncapped-one-side")).toEqual(["7.2"]);
    expect(at(doc, "ra-liability-cap-mutual")).toEqual([]);
    expect(at(doc, "tx-termination-for-convenience-one-sided")).toEqual(["11.1"]);
  });

  it("treats a placeholder exit clause as no exit plan, and escalation before the courts as no litigation-first", async () => {
    const doc = await report("mixed-draft.md");
    expect(at(doc, "tx-no-exit-plan")).toEqual([null]);
    expect(at(doc, "dr-litigation-first")).toEqual([]);
    expect(at(doc, "ra-ip-assignment-all-to-buyer")).toEqual([]);
    expect(at(doc, "tx-short-term-for-strategic-scope")).toEqual([]);
  });
});

// The vested-style agreement is written on another branch; once merged it becomes the main comparison.
const COMPARATORS = ["mixed-draft.md", ...(existsSync(`${DIR}/vested-agreement.md`) ? ["vested-agreement.md"] : [])];

describe("one-sided MSA against more balanced agreements", () => {
  for (const other of COMPARATORS) {
    it(`scores lower than ${other} on every principle it addresses, and overall`, async () => {
      const oneSided = await report("one-sided-msa.md");
      const better = await report(other);
      const addressed = new Set(oneSided.findings.map((f) => f.principle));
      expect(addressed.size).toBeGreaterThanOrEqual(4);
      for (const id of addressed) {
        const a = oneSided.score.principles.find((p) => p.id === id)!.score;
        const b = better.score.principles.find((p) => p.id === id)!.score;
        expect(a, `${id}: one-sided ${a} vs ${other} ${b}`).toBeLessThan(b);
      }
      expect(better.score.overall - oneSided.score.overall).toBeGreaterThanOrEqual(8);
    });
  }
});

describe("--preset", () => {
  it("re-weights the overall index without changing principle scores, and rejects unknown presets", async () => {
    // The mixed draft: the one-sided MSA sits at the bottom of the index under either preset (clamped to 0).
    const relational = await report("mixed-draft.md");
    const io = fakeIo();
    expect(await main(["check", `${DIR}/mixed-draft.md`, "-f", "json", "--preset", "transactional"], io)).toBe(0);
    const transactional = JSON.parse(io.out).documents[0] as JsonDoc;
    expect(transactional.score.principles.map((p) => p.score)).toEqual(relational.score.principles.map((p) => p.score));
    expect(transactional.score.overall).not.toBe(relational.score.overall);
    const bad = fakeIo();
    expect(await main(["check", `${DIR}/one-sided-msa.md`, "--preset", "nonsense"], bad)).toBe(2);
  });
});

describe("mitigation pairs in the JSON report", () => {
  it("counts a one-sided convenience exit one severity lower when an exit plan exists, and says why", async () => {
    const dir = await mkdtemp(join(tmpdir(), "trustlint-c2-"));
    const file = join(dir, "exit.txt");
    await writeFile(
      file,
      'This Agreement is made between Acme Ltd ("Customer") and Beta Services Inc. (the "Supplier").\n\n' +
        "1. The Customer may terminate this Agreement for convenience on thirty days' notice.\n\n" +
        "2. The Supplier shall maintain an Exit Plan, agreed with the Customer and refreshed each year, covering knowledge transfer and data handover.\n",
    );
    const io = fakeIo();
    expect(await main(["check", file, "-f", "json"], io)).toBe(0);
    const termExit = JSON.parse(io.out).documents[0].score.principles.find((p: { id: string }) => p.id === "term-exit");
    expect(termExit.contributions).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ ruleId: "tx-termination-for-convenience-one-sided", points: -10, mitigatedBy: "tx-exit-plan" }),
        expect.objectContaining({ ruleId: "tx-exit-plan", points: 15 }),
      ]),
    );
  });
});
