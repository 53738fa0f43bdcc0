import { describe, expect, test } from "vitest";
import { analyse } from "../../src/engine/index.js";
import { buildContract } from "../../src/ingest/contract.js";
import { builtinPack } from "../helpers.js";
import { run, scratch, write } from "./util.js";

const HEAD = `SERVICES AGREEMENT

This Agreement is made between Harbour Foods Limited (the "Customer") and Quayside Logistics Ltd (the "Supplier").
`;
const ONE_WAY = "The Supplier shall indemnify, defend and hold harmless the Customer against all claims arising from this Agreement.";

async function check(text: string, format: "text" | "markdown" = "markdown") {
  return analyse(buildContract("deal.md", format, text), await builtinPack());
}
const oneWay = (a: Awaited<ReturnType<typeof check>>) => a.findings.filter((f) => f.ruleId === "ra-indemnity-one-way");

describe("inline suppressions", { timeout: 60_000 }, () => {
  test("disable-next-clause suppresses the rule in the next clause only, keeping the finding with its reason", async () => {
    const a = await check(`${HEAD}
<!-- trustlint-disable-next-clause ra-indemnity-one-way -- agreed with legal: insurer covers this -->
1. ${ONE_WAY}

2. ${ONE_WAY.replace("all claims", "all losses")}
`);
    const f = oneWay(a);
    expect(f).toHaveLength(2);
    expect(f[0]!.suppressed).toEqual({ kind: "inline", reason: "agreed with legal: insurer covers this" });
    expect(f[1]!.suppressed).toBeUndefined();
    expect(a.unusedSuppressions).toEqual([]);
  });

  test("disable-next-clause before a heading covers the section's sub-clauses, not the next section", async () => {
    const a = await check(`${HEAD}
<!-- trustlint-disable-next-clause ra-indemnity-one-way -- insurer covers it -->
## 1. Indemnity
1.1 ${ONE_WAY}

## 2. Data
2.1 ${ONE_WAY.replace("all claims", "all losses")}
`);
    expect(oneWay(a).map((f) => Boolean(f.suppressed))).toEqual([true, false]);
  });

  test("disable … enable covers the range between them", async () => {
    const a = await check(`${HEAD}
<!-- trustlint-disable ra-indemnity-one-way -- legacy schedule, renegotiated in 2027 -->
1. ${ONE_WAY}

2. ${ONE_WAY.replace("all claims", "all losses")}
<!-- trustlint-enable ra-indemnity-one-way -->

3. ${ONE_WAY.replace("all claims", "all costs")}
`);
    expect(oneWay(a).map((f) => Boolean(f.suppressed))).toEqual([true, true, false]);
  });

  test("an unclosed disable covers the rest of the file, including document-level gaps", async () => {
    const a = await check(`<!-- trustlint-disable sv-no-shared-vision -- objectives live in the framework agreement -->
${HEAD}
1. ${ONE_WAY}
`);
    const gap = a.findings.find((f) => f.ruleId === "sv-no-shared-vision")!;
    expect(gap.suppressed?.reason).toBe("objectives live in the framework agreement");
  });

  test("a directive without a reason is reported and not honoured", async () => {
    const a = await check(`${HEAD}
<!-- trustlint-disable-next-clause ra-indemnity-one-way -->
1. ${ONE_WAY}
`);
    expect(oneWay(a)[0]!.suppressed).toBeUndefined();
    expect(a.invalidSuppressions).toEqual([{ ruleIds: ["ra-indemnity-one-way"], line: 5, message: expect.stringContaining("no reason") }]);
  });

  test("a directive naming an unknown rule is reported and not honoured", async () => {
    const a = await check(`${HEAD}
<!-- trustlint-disable-next-clause ra-indemnity-one-wya -- typo -->
1. ${ONE_WAY}
`);
    expect(oneWay(a)[0]!.suppressed).toBeUndefined();
    expect(a.invalidSuppressions?.[0]?.message).toContain("unknown rule id 'ra-indemnity-one-wya'");
  });

  test("a suppression that matches nothing is reported as unused", async () => {
    const a = await check(`${HEAD}
<!-- trustlint-disable-next-clause ra-indemnity-one-way -- no longer needed -->
1. Each party shall indemnify the other against third-party claims caused by its breach of this Agreement.
`);
    expect(a.unusedSuppressions).toEqual([{ ruleIds: ["ra-indemnity-one-way"], line: 5 }]);
  });

  test("suppressed findings do not lower the score", async () => {
    const plain = await check(`${HEAD}\n1. ${ONE_WAY}\n`);
    const suppressed = await check(`${HEAD}\n<!-- trustlint-disable-next-clause ra-indemnity-one-way -- accepted -->\n1. ${ONE_WAY}\n`);
    const { scoreFindings } = await import("../../src/score/score.js");
    const { packPolicy } = await import("../../src/engine/index.js");
    const { builtinPack } = await import("../helpers.js");
    const policy = packPolicy(await builtinPack()).score;
    const risk = (x: typeof plain) => scoreFindings(x.findings, policy).principles.find((p) => p.id === "risk-allocation")!.score;
    expect(risk(suppressed)).toBeGreaterThan(risk(plain));
  });

  test("CLI: JSON and SARIF keep suppressed findings with the reason; the terminal counts them; problems go to stderr", async () => {
    const dir = await scratch();
    await write(
      dir,
      "deal.md",
      `${HEAD}
<!-- trustlint-disable-next-clause ra-indemnity-one-way -- insurer covers it -->
1. ${ONE_WAY}

<!-- trustlint-disable-next-clause ra-indemnity-mutual -- stale -->
2. The Supplier shall provide the services.
<!-- trustlint-disable-next-clause ra-indemnity-one-way -->
3. ${ONE_WAY.replace("all claims", "all losses")}
`,
    );
    const json = await run(dir, ["check", "deal.md", "-f", "json", "--fail-on", "high"]);
    const doc = JSON.parse(json.out).documents[0];
    expect(doc.findings.filter((f: { suppressed?: unknown }) => f.suppressed)).toHaveLength(1);
    expect(doc.unusedSuppressions).toEqual([{ ruleIds: ["ra-indemnity-mutual"], line: 8 }]);
    expect(doc.invalidSuppressions[0].line).toBe(10);
    expect(json.err).toContain("deal.md:8: unused suppression ra-indemnity-mutual");
    expect(json.err).toContain("deal.md:10: invalid suppression ra-indemnity-one-way");
    expect(json.code).toBe(1); // clause 3 still counts
    const sarif = JSON.parse((await run(dir, ["check", "deal.md", "-f", "sarif"])).out);
    const sup = sarif.runs[0].results.filter((r: { suppressions?: unknown }) => r.suppressions);
    expect(sup).toHaveLength(1);
    expect(sup[0].suppressions).toEqual([{ kind: "inSource", justification: "insurer covers it" }]);
    const term = await run(dir, ["check", "deal.md", "--no-color"]);
    expect(term.out).toContain("1 finding(s) suppressed");
  });
});
