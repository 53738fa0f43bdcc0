import { describe, expect, it } from "vitest";
import { packPolicy } from "../src/engine/index.js";
import { scoreFindings } from "../src/score/score.js";
import { analyseText, builtinPack } from "./helpers.js";

/**
 * The index orders contracts as a reader would: one that loads the risk on one side with no way out scores
 * clearly below one that shares the risk, climbs a ladder before a dispute goes out, and governs jointly.
 * Two short contracts written for this test.
 */

const ONE_SIDED = `SERVICES AGREEMENT

This Agreement is made between Northwind Retail Ltd (the "Customer") and Castle Facilities Ltd (the "Supplier").

1. Services. The Supplier shall provide the cleaning services described in Schedule 1.

2. Indemnity. The Supplier shall indemnify, defend and hold harmless the Customer against all claims, losses and costs arising out of or in connection with this Agreement.

3. Liability. The liability of the Supplier under this Agreement shall be unlimited. The Customer's total liability shall not exceed the fees paid in the preceding month.

4. Liquidated damages. For each day of delay the Supplier shall pay the Customer liquidated damages of 2% of the monthly fee.

5. Termination. The Customer may terminate this Agreement at any time for convenience on 7 days' notice.
`;

const COLLABORATIVE = `SERVICES AGREEMENT

This Agreement is made between Northwind Retail Ltd (the "Customer") and Castle Facilities Ltd (the "Supplier").

1. Services. The Supplier shall provide the cleaning services described in Schedule 1.

2. Indemnity. Each party shall indemnify the other against third-party claims caused by its breach of this Agreement.

3. Liability. Each party's total liability under this Agreement shall not exceed the fees paid in the preceding twelve months.

4. Governance. The parties shall establish a joint steering committee with representatives of each party, which shall meet quarterly to review performance and plan improvements.

5. Disputes. Any dispute shall first be referred to the contract managers of both parties and, if unresolved within ten days, escalated to a senior executive of each party. If the executives cannot settle it within a further fifteen days, either party may refer it to mediation.

6. Exit. On expiry or termination the Supplier shall provide transition assistance under the exit plan for up to six months.
`;

describe("the order of the index", () => {
  it("puts a one-sided contract with no exit clearly below one with mutual caps, a dispute ladder and joint governance", async () => {
    const policy = packPolicy(await builtinPack()).score;
    const score = async (text: string) => scoreFindings((await analyseText(text)).findings, policy);
    const [low, high] = [await score(ONE_SIDED), await score(COLLABORATIVE)];
    const ids = async (text: string) => (await analyseText(text)).findings.map((f) => f.ruleId);
    // The contracts carry the terms they were written to carry.
    expect(await ids(ONE_SIDED)).toEqual(
      expect.arrayContaining([
        "ra-indemnity-one-way",
        "ra-liability-cap-one-sided",
        "ra-liquidated-damages-no-earn-back",
        "tx-termination-for-convenience-one-sided",
      ]),
    );
    expect(await ids(COLLABORATIVE)).toEqual(
      expect.arrayContaining(["ra-liability-cap-mutual", "dr-escalation-ladder", "gv-joint-governance-body"]),
    );
    expect(high.overall - low.overall).toBeGreaterThanOrEqual(30);
    const risk = (s: typeof low) => s.principles.find((p) => p.id === "risk-allocation")!.score;
    expect(risk(high)).toBeGreaterThan(risk(low));
  });
});
