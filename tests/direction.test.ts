import { describe, expect, it } from "vitest";
import type { Fact } from "../src/model/fact.js";
import { allMatches } from "../src/engine/patterns.js";
import { analyseText, factsOf, onlyFact } from "./helpers.js";

/**
 * Mutuality and direction read from one clause, bare (generic role words) and after a preamble that gives the
 * parties their own names. Also: negations, carve-outs, definitions, headings and placeholders produce no facts.
 */

const PREAMBLE = [
  "SERVICES AGREEMENT",
  "",
  'This Agreement is made between Harbour Foods Limited (the "Client") and Keystone Logistics Inc (the "Contractor").',
  "",
  "1. Commercial terms",
  "",
].join("\n");

const only = onlyFact;

function shape(f: Fact) {
  return { mutual: f.mutual, burdened: f.burdened, beneficiary: f.beneficiary };
}

const ONE_WAY_SUPPLIER_BURDENED = { mutual: false, burdened: "supplier", beneficiary: "buyer" };
const ONE_WAY_BUYER_BURDENED = { mutual: false, burdened: "buyer", beneficiary: "supplier" };
const MUTUAL = { mutual: true, burdened: "both", beneficiary: "both" };

describe("indemnity", () => {
  it("one-way: the indemnifier is burdened (bare and with a preamble)", async () => {
    expect(
      shape(await only("The Supplier shall indemnify, defend and hold harmless the Customer from all third-party claims.", "indemnity")),
    ).toEqual(ONE_WAY_SUPPLIER_BURDENED);
    expect(
      shape(
        await only(`${PREAMBLE}1.1 The Contractor shall indemnify the Client against all claims arising from the Services.`, "indemnity"),
      ),
    ).toEqual(ONE_WAY_SUPPLIER_BURDENED);
    expect(
      shape(
        await only("The Customer shall indemnify the Supplier against claims that the Customer Data infringes any right.", "indemnity"),
      ),
    ).toEqual(ONE_WAY_BUYER_BURDENED);
  });

  it("passive: 'shall be indemnified by the Supplier' burdens the Supplier", async () => {
    expect(shape(await only("The Customer shall be indemnified by the Supplier against losses from late delivery.", "indemnity"))).toEqual(
      ONE_WAY_SUPPLIER_BURDENED,
    );
  });

  it("mutual: 'each party shall indemnify the other'", async () => {
    expect(shape(await only("Each party shall indemnify the other against claims caused by its negligence.", "indemnity"))).toEqual(MUTUAL);
  });

  it("mutual: 'each of A and B' where a party's name has two words", async () => {
    const text =
      'ALLIANCE AGREEMENT\n\nThis Agreement is made between Cool Tech Inc. ("COOL TECH") and Vet Tech LLC ("VET TECH").\n\n7. Each of VET TECH and COOL TECH, at its own expense, shall indemnify and hold the other harmless from third-party suits caused by its negligence.';
    expect(shape(await only(text, "indemnity"))).toEqual(MUTUAL);
  });

  it("mutual: 'A and B shall each indemnify the other'", async () => {
    const fact = await only(
      `${PREAMBLE}1.1 The Client and the Contractor shall each indemnify and hold harmless the other from third-party claims.`,
      "indemnity",
    );
    expect(shape(fact)).toEqual(MUTUAL);
  });

  it("a definition opened by 'For purposes hereof, the term' is not an indemnity", async () => {
    const a = await analyseText(
      `${PREAMBLE}1.1 For purposes hereof, the term "Client Indemnified Party" shall mean the Client and its officers, who are indemnified under clause 8.`,
    );
    expect(a.facts.filter((f) => f.topic === "indemnity")).toEqual([]);
  });

  it("mutual: 'either A or B may terminate' names both parties", async () => {
    const fact = await only(
      `${PREAMBLE}1.1 Either Client or Contractor may terminate this Agreement at any time, with or without cause, on written notice.`,
      "termination-for-convenience",
    );
    expect(shape(fact)).toEqual(MUTUAL);
  });

  it("with three parties, two joined on one side do not make an indemnity mutual", async () => {
    const three =
      'This Agreement is made between Wexford Clinics Inc. ("Client"), Tamar Staffing LLC ("Supplier") and Tamar Group Inc. ("Parent").\n\n';
    const fact = await only(
      `${three}1.1 Supplier and Parent, jointly and severally, shall indemnify Client against all losses.`,
      "indemnity",
    );
    expect(fact.mutual).toBe(false);
    const two = await only(`${PREAMBLE}1.1 Client and Contractor shall each indemnify the other against its own negligence.`, "indemnity");
    expect(two.mutual).toBe(true);
  });

  it("'at the Client's request' does not make the Client the indemnifier", async () => {
    const fact = await only(
      `${PREAMBLE}1.1 The Contractor will, at the Client's request, indemnify the Client against any loss arising from the Contractor's breach.`,
      "indemnity",
    );
    expect([fact.mutual, fact.burdenedParty]).toEqual([false, "Contractor"]);
  });

  it("the party that waives claims for indirect loss is the one bound; the other is protected", async () => {
    const fact = await only(
      `${PREAMBLE}1.1 The Client waives any claim against the Contractor for indirect or consequential damages.`,
      "consequential-damages-waiver",
    );
    expect([fact.mutual, fact.burdenedParty, fact.beneficiaryParty]).toEqual([false, "Client", "Contractor"]);
  });

  it("mirrored pair in one sentence is mutual", async () => {
    const text =
      "The Supplier shall indemnify the Customer against claims arising from the Services, and the Customer shall indemnify the Supplier against claims arising from the Customer Materials.";
    expect(shape(await only(text, "indemnity"))).toEqual(MUTUAL);
  });

  it("mirrored pair in two clauses: both facts become mutual", async () => {
    const text = `${PREAMBLE}1.1 The Contractor shall indemnify the Client against third-party claims caused by the Services.\n\n1.2 The Client shall indemnify the Contractor against third-party claims caused by the Client's instructions.`;
    const facts = await factsOf(text, "indemnity");
    expect(facts).toHaveLength(2);
    expect(facts.every((f) => f.mutual === true && f.values.mirrored === true)).toBe(true);
  });

  it("'X will defend Y … and will indemnify Y': the actor is the sentence subject, not the nearest object", async () => {
    const one =
      "The Vendor, at its own expense, will defend the Client against any Vendor Claim and will indemnify the Client for any damages finally awarded.";
    expect(shape(await only(one, "indemnity"))).toEqual(ONE_WAY_SUPPLIER_BURDENED);
    const pay =
      "The Customer shall pay the Supplier the Charges when due and shall indemnify the Supplier against claims arising from the Customer Data.";
    expect(shape(await only(pay, "indemnity"))).toEqual(ONE_WAY_BUYER_BURDENED);
  });

  it("mirrored defend-and-indemnify pair under generic role words the document uses ('Provider') is mutual", async () => {
    const text = [
      "1. Indemnities",
      "",
      "1.1 Provider, at its own cost, will defend Customer against any claim that the Service infringes a third party's rights and will indemnify Customer for the damages finally awarded.",
      "",
      "1.2 Customer, at its own cost, will defend Provider against any claim arising from the Customer's content and will indemnify Provider for the damages finally awarded.",
    ].join("\n");
    const facts = await factsOf(text, "indemnity");
    expect(facts).toHaveLength(2);
    expect(facts.map((f) => f.mutual)).toEqual([true, true]);
  });

  it("'the defaulting party shall indemnify the non-defaulting party' binds whichever party defaults: mutual", async () => {
    expect(
      shape(
        await only(
          `${PREAMBLE}1.1 The defaulting Party shall indemnify the non-defaulting Party for all losses arising from its default.`,
          "indemnity",
        ),
      ),
    ).toEqual(MUTUAL);
  });

  it("a defined term for the protected people ('the Client Indemnitees', 'Client Indemnified Parties') is not a second indemnity", async () => {
    const text = `${PREAMBLE}1.1 The Contractor shall defend, indemnify and hold harmless the Client and its officers (the "Client Indemnified Parties") from all third-party claims.`;
    const fact = await only(text, "indemnity");
    expect(shape(fact)).toEqual(ONE_WAY_SUPPLIER_BURDENED);
    expect(fact.burdenedParty).toBe("Contractor");
  });

  it("two promises to defend claims, one by each party under 'Indemnification by X' headings, pair up", async () => {
    const text = `${PREAMBLE}7.1 Indemnification by Client. The Client agrees to defend any action brought against the Contractor to the extent it arises from the Client's content.\n\n7.2 Indemnification by Contractor. The Contractor agrees to defend any action brought against the Client to the extent it arises from the Contractor's negligence.\n`;
    const facts = await factsOf(text, "indemnity");
    expect(facts.map((f) => [f.burdenedParty, f.mutual])).toEqual([
      ["Client", true],
      ["Contractor", true],
    ]);
  });

  it("a one-way indemnity beside a mutual one is asymmetric (both sides indemnify, not alike), not one-way", async () => {
    const text = `${PREAMBLE}8.1 Each party shall indemnify the other against claims caused by its negligence.\n\n8.2 The Contractor shall also indemnify the Client against all claims of infringement.\n`;
    const facts = await factsOf(text, "indemnity");
    const extra = facts.find((f) => f.mutual === false)!;
    expect([extra.burdenedParty, extra.values.asymmetric]).toEqual(["Contractor", true]);
  });

  it("pairs each indemnity with the nearest one the other party gives, leaving the far one asymmetric", async () => {
    const text = `${PREAMBLE}3.5 On termination the Client shall indemnify the Contractor against liabilities accruing after termination.\n\n7.1 The Client shall indemnify the Contractor against claims caused by the Client's negligence.\n\n7.2 The Contractor shall indemnify the Client against claims caused by the Contractor's negligence.\n`;
    const facts = await factsOf(text, "indemnity");
    const at = (clause: string) => facts.find((f) => f.location.clause === clause)!;
    expect([at("7.1").values.mirrored, at("7.2").values.mirrored]).toEqual([true, true]);
    expect(at("3.5").values.asymmetric).toBe(true);
  });

  it("an editor's note in square brackets is not a provision", async () => {
    const text = `${PREAMBLE}1.1 The Client will indemnify the Contractor against claims arising from the Client's data [Redacted - Contractor Indemnification Details].`;
    expect((await only(text, "indemnity")).burdenedParty).toBe("Client");
  });

  it("negation: 'shall not be required to indemnify' is no indemnity", async () => {
    expect(
      await factsOf("The Supplier shall not be required to indemnify the Customer for losses the Customer caused.", "indemnity"),
    ).toHaveLength(0);
  });
});

describe("the party that receives", () => {
  it("'… shall be the exclusive property of the Client' names the Client as the one receiving the IP", async () => {
    const fact = await only(
      `${PREAMBLE}1.1 All rights in the Deliverables shall be the exclusive property of the Client.`,
      "ip-assignment",
    );
    expect([fact.burdenedParty, fact.beneficiaryParty]).toEqual(["Contractor", "Client"]);
  });

  it("'the total liability of the Contractor' is the Contractor's own liability, not one owed to it", async () => {
    const fact = await only(
      `${PREAMBLE}1.1 The total liability of the Contractor under this Agreement shall not exceed the fees paid.`,
      "liability-cap",
    );
    expect(fact.beneficiaryParty).toBe("Contractor");
  });

  it("a contract written to one party ('you hereby assign') reads 'you' as the party the body never names", async () => {
    const body = Array.from(
      { length: 12 },
      (_, i) => `${i + 2}.1 The Company shall review your work and you shall report to the Company each month.`,
    ).join("\n\n");
    const text = `SERVICE AGREEMENT\n\nThis Agreement is made between Acme Labs Limited (the "Company") and Jane Roe (the "Employee").\n\n1.1 You hereby assign to the Company all rights in any Works you create.\n\n${body}\n`;
    const fact = await only(text, "ip-assignment");
    expect([fact.burdenedParty, fact.beneficiaryParty]).toEqual(["Employee", "Company"]);
  });
});

describe("liability cap", () => {
  it("'neither party's aggregate liability' is mutual", async () => {
    expect(
      shape(
        await only(
          "Neither party's aggregate liability under this Agreement shall exceed the Charges paid in the twelve months before the claim.",
          "liability-cap",
        ),
      ),
    ).toEqual(MUTUAL);
  });

  it("'in no event shall the Supplier's liability exceed' protects the Supplier only", async () => {
    expect(
      shape(
        await only(
          "In no event shall the Supplier's total liability exceed the fees paid in the preceding twelve months.",
          "liability-cap",
        ),
      ),
    ).toEqual(ONE_WAY_BUYER_BURDENED);
    expect(
      shape(
        await only(
          `${PREAMBLE}1.1 In no event shall the Contractor's total liability exceed the fees paid in the preceding twelve months.`,
          "liability-cap",
        ),
      ),
    ).toEqual(ONE_WAY_BUYER_BURDENED);
  });

  it("'the Customer's sole and exclusive remedy' limits the Customer and protects the Supplier", async () => {
    expect(
      shape(await only("Repair or replacement is the Customer's sole and exclusive remedy for defective goods.", "remedy-limit")),
    ).toEqual(ONE_WAY_BUYER_BURDENED);
  });

  it("'the exclusive remedy of the Client' limits the Client, as 'the Client's exclusive remedy' does", async () => {
    const fact = await only(
      `${PREAMBLE}1.1 Repair or replacement shall be the sole and exclusive remedy of the Client for defective goods.`,
      "remedy-limit",
    );
    expect([fact.mutual, fact.burdenedParty, fact.beneficiaryParty]).toEqual([false, "Client", "Contractor"]);
  });

  it("'the Client's sole remedy and the Contractor's sole liability' say one thing: the Contractor is protected", async () => {
    const fact = await only(
      `${PREAMBLE}1.1 The Client's sole and exclusive remedy and the Contractor's sole and exclusive liability for any interruption of service shall be a service credit.`,
      "liability-cap",
    );
    expect([fact.mutual, fact.beneficiaryParty]).toEqual([false, "Contractor"]);
  });

  it("a different cap for each party caps both sides, on different terms", async () => {
    const facts = await factsOf(
      "The Supplier's total liability shall not exceed the fees paid in the prior year and the Customer's total liability shall not exceed fifty thousand pounds.",
      "liability-cap",
    );
    expect(facts.map((f) => [f.beneficiaryParty, f.mutual, f.values.asymmetric])).toEqual([["both", true, true]]);
  });

  it("each side's ceiling is found however its holder and limit are worded", async () => {
    for (const sentence of [
      // A defined term in brackets between the name and its liability, and "must not exceed".
      "Rowan Dairies Limited's (\"Rowan\") aggregate liability must not exceed £250,000, and the Customer's aggregate liability must not exceed the Charges paid in the Contract Year.",
      // The negation first, the holder after "of".
      "In no event shall the total liability of the Supplier exceed $2,000,000, and in no event shall the total liability of the Customer exceed the fees paid in the prior six months.",
      // A ceiling said as an amount.
      "The maximum liability of the Supplier to the Customer shall be the Fees paid in the year before the claim, and the maximum liability of the Customer to the Supplier shall be EUR 40,000.",
    ]) {
      const facts = await factsOf(sentence, "liability-cap");
      expect(
        facts.map((f) => [f.beneficiaryParty, f.mutual, f.values.asymmetric]),
        sentence,
      ).toEqual([["both", true, true]]);
    }
  });

  it("lettered ceilings, one per side, stay each side's own (paired across the document as asymmetric)", async () => {
    const facts = await factsOf(
      "Except for the Excluded Claims, (a) the total liability of the Supplier shall not exceed $3,000,000; and (b) the total liability of the Customer shall not exceed the fees paid in the twelve (12) months before the claim.",
      "liability-cap",
    );
    expect(facts.map((f) => [f.beneficiaryParty, f.mutual, f.values.asymmetric])).toEqual([
      ["Supplier", false, true],
      ["Customer", false, true],
    ]);
  });

  it("two ceilings of the same side, or a ceiling answered by unlimited liability, stay one side's", async () => {
    const same = await factsOf(
      "The Supplier's liability for loss of data shall not exceed $100,000 and the Supplier's liability for late delivery shall not exceed $20,000.",
      "liability-cap",
    );
    expect(same.every((f) => f.mutual === false && f.beneficiaryParty === "Supplier")).toBe(true);
    const unlimited = await factsOf(
      "The Supplier's liability shall not exceed the fees paid, and the Customer's liability shall be unlimited.",
      "liability-cap",
    );
    expect(unlimited.map((f) => [f.beneficiaryParty, f.mutual])).toEqual([["Supplier", false]]);
  });

  it("the same cap written twice, once per party, is mutual", async () => {
    const facts = await factsOf(
      "The Supplier's total liability shall not exceed the Charges. The Customer's total liability shall not exceed the Charges.",
      "liability-cap",
    );
    expect(facts).toHaveLength(2);
    expect(facts.every((f) => f.mutual === true)).toBe(true);
  });

  it("two different caps in two sentences stay one-way", async () => {
    const facts = await factsOf(
      "The Supplier's total liability shall not exceed the Charges. The Customer's total liability shall not exceed ten thousand pounds.",
      "liability-cap",
    );
    expect(facts.map((f) => f.mutual)).toEqual([false, false]);
  });

  it("a statement of liability or a 'nothing limits' carve-out is not a cap", async () => {
    expect(await factsOf("The Supplier shall be liable for all losses arising from its breach.", "liability-cap")).toHaveLength(0);
    expect(await factsOf("Nothing in this Agreement limits either party's liability for fraud.", "liability-cap")).toHaveLength(0);
  });
});

describe("uncapped liability", () => {
  it("a carve-out for one side's obligations leaves that side exposed", async () => {
    const f = (
      await factsOf(
        "The limitations of liability in this clause shall not apply to the Supplier's indemnity obligations.",
        "uncapped-liability",
      )
    )[0]!;
    expect(shape(f)).toEqual(ONE_WAY_SUPPLIER_BURDENED);
  });

  it("a carve-out that applies to either party is mutual", async () => {
    const f = (
      await factsOf(
        "Except for breach of clause 9 (Confidentiality), neither party shall be liable for any indirect or consequential damages.",
        "uncapped-liability",
      )
    )[0]!;
    expect(f.mutual).toBe(true);
  });

  it("'except as set out in the Order' with no limitation is not uncapped liability", async () => {
    expect(
      await factsOf(
        "Except as set out in the Order, the Supplier shall deliver the Products to the Customer's site.",
        "uncapped-liability",
      ),
    ).toHaveLength(0);
  });
});

describe("consequential damages waiver", () => {
  it("'in no event shall the Customer be liable for indirect loss' protects the Customer", async () => {
    expect(
      shape(await only("In no event shall the Customer be liable for any indirect or consequential loss.", "consequential-damages-waiver")),
    ).toEqual(ONE_WAY_SUPPLIER_BURDENED);
  });

  it("the Supplier excluding its own indirect loss protects the Supplier", async () => {
    expect(
      shape(
        await only(
          `${PREAMBLE}1.1 The Contractor shall have no liability for any incidental or consequential damages.`,
          "consequential-damages-waiver",
        ),
      ),
    ).toEqual(ONE_WAY_BUYER_BURDENED);
  });

  it("'neither party shall be liable' is mutual, even after a clause naming one party", async () => {
    expect(
      shape(
        await only(
          "Notwithstanding the Customer's rights under clause 5, neither party shall be liable for any indirect or consequential loss.",
          "consequential-damages-waiver",
        ),
      ),
    ).toEqual(MUTUAL);
  });

  it("a carve-out from the waiver is not itself a waiver", async () => {
    expect(
      await factsOf(
        "The exclusions in clause 12.2 shall not apply to either party's liability for indirect loss caused by fraud.",
        "consequential-damages-waiver",
      ),
    ).toHaveLength(0);
  });
});

describe("termination for convenience", () => {
  it("'either party may terminate' is mutual", async () => {
    expect(
      shape(
        await only(
          "Either party may terminate this Agreement for convenience on sixty days' written notice.",
          "termination-for-convenience",
        ),
      ),
    ).toEqual(MUTUAL);
  });

  it("'either you or the Company may terminate' (an employment-style contract) is mutual", async () => {
    expect(
      shape(
        await only(
          "Either you or the Company may terminate your engagement for convenience by giving the other six months' notice in writing.",
          "termination-for-convenience",
        ),
      ),
    ).toEqual(MUTUAL);
  });

  it("'the Client, on the one hand, and the Contractor, on the other, may terminate' is mutual", async () => {
    expect(
      shape(
        await only(
          `${PREAMBLE}6.2 The Client, on the one hand, and the Contractor, on the other, may terminate this Agreement at any time on ninety days' written notice.`,
          "termination-for-convenience",
        ),
      ),
    ).toEqual(MUTUAL);
  });

  it("'the Client or the Contractor may terminate' (both named) is mutual", async () => {
    expect(
      shape(
        await only(
          `${PREAMBLE}1.1 The Client or the Contractor may terminate this Agreement at any time on ninety days' written notice to the other.`,
          "termination-for-convenience",
        ),
      ),
    ).toEqual(MUTUAL);
  });

  it("one party's right favours that party, also in the passive", async () => {
    expect(
      shape(
        await only(
          "The Customer may terminate this Agreement for convenience on ninety days' written notice to the Supplier.",
          "termination-for-convenience",
        ),
      ),
    ).toEqual(ONE_WAY_SUPPLIER_BURDENED);
    expect(
      shape(
        await only(
          "This Agreement may be terminated by the Customer for convenience on ninety days' notice to the Supplier.",
          "termination-for-convenience",
        ),
      ),
    ).toEqual(ONE_WAY_SUPPLIER_BURDENED);
  });

  it("a list item with no actor of its own takes the actor of the sentence that opens the list", async () => {
    const text = `${PREAMBLE}1.1 Termination. The Client may terminate this Agreement upon any of the following:\n\n(a) the insolvency of the Contractor;\n\n(b) the Contractor fails to deliver on time; or\n\n(c) without cause on thirty (30) days' prior written notice.\n`;
    const fact = await only(text, "termination-for-convenience");
    expect(shape(fact)).toEqual(ONE_WAY_SUPPLIER_BURDENED);
    expect(fact.beneficiaryParty).toBe("Client");
  });

  it("a list that does not follow its opening sentence directly lends no actor", async () => {
    const text = `${PREAMBLE}1.1 Termination. The Client may terminate this Agreement upon any of the following:\n\n(a) the insolvency of the Contractor.\n\nPayment terms are set out in Schedule 2.\n\n(c) without cause on thirty (30) days' prior written notice.\n`;
    const facts = await factsOf(text, "termination-for-convenience");
    expect(facts.filter((f) => f.beneficiaryParty === "Client")).toHaveLength(0);
  });

  it("termination for breach, and survival after termination for any reason, are not convenience rights", async () => {
    expect(
      await factsOf(
        "Either party may terminate this Agreement on thirty days' written notice if the other party commits a material breach.",
        "termination-for-convenience",
      ),
    ).toHaveLength(0);
    expect(
      await factsOf("Clauses 8 and 9 survive the termination of this Agreement for any reason.", "termination-for-convenience"),
    ).toHaveLength(0);
  });
});

describe("set-off", () => {
  it("one party's right to set off favours that party", async () => {
    expect(shape(await only("The Customer may set off any amount owed to it by the Supplier against the Charges.", "set-off"))).toEqual(
      ONE_WAY_SUPPLIER_BURDENED,
    );
  });

  it("a right for either party is mutual", async () => {
    expect(
      shape(
        await only("Either party may set off undisputed sums due to it under this Agreement against sums it owes the other.", "set-off"),
      ),
    ).toEqual(MUTUAL);
  });

  it("a bar on set-off is not a set-off right", async () => {
    expect(await factsOf("All payments shall be made in full without set-off or deduction.", "set-off")).toHaveLength(0);
  });
});

describe("assignment", () => {
  it("one side needs consent while the other is free: one-way, the restricted side burdened", async () => {
    const text =
      "The Customer may assign this Agreement to an Affiliate, but the Supplier may not assign it without the Customer's written consent.";
    expect(shape(await only(text, "assignment"))).toEqual(ONE_WAY_SUPPLIER_BURDENED);
  });

  it("'neither party may assign' is mutual", async () => {
    expect(
      shape(
        await only(
          "Neither party may assign or transfer any of its rights under this Agreement without the prior written consent of the other party.",
          "assignment",
        ),
      ),
    ).toEqual(MUTUAL);
  });

  it("an IP assignment is not an assignment restriction", async () => {
    expect(
      await factsOf("The Supplier hereby assigns all Intellectual Property Rights in the Deliverables to the Customer.", "assignment"),
    ).toHaveLength(0);
  });
});

describe("no facts from non-operative text", () => {
  const CLAUSE = "The Supplier shall indemnify the Customer against all third-party claims.";

  it("a placeholder clause produces nothing", async () => {
    for (const body of ["[Reserved]", "Intentionally omitted.", "[\u25cf]", "TBD"]) {
      const { facts } = await analyseText(`9. Indemnity\n\n9.1 ${body}\n`);
      expect(facts, body).toHaveLength(0);
    }
  });

  it("a definition of an indemnity term produces nothing; the operative clause does", async () => {
    const defs = `1. Definitions\n\n1.1 "Indemnified Losses" means losses the Supplier shall indemnify under clause 9.\n\n`;
    expect(await factsOf(defs, "indemnity")).toHaveLength(0);
    expect(await factsOf(`${defs}9. Indemnity\n\n9.1 ${CLAUSE}\n`, "indemnity")).toHaveLength(1);
  });

  it("a heading with no operative text produces nothing", async () => {
    expect(
      await factsOf(
        "7. Termination for Convenience by Customer.\n\n8. Fees\n\n8.1 The Customer shall pay the Fees.",
        "termination-for-convenience",
      ),
    ).toHaveLength(0);
    expect(await factsOf("INDEMNIFICATION\n\nThe Customer shall pay the Fees.", "indemnity")).toHaveLength(0);
  });
});

describe("allMatches", () => {
  it("returns every non-overlapping match in order, up to the limit", () => {
    const res = [/\bindemnif\w*/gi, /\bhold\s+harmless\b/gi];
    const text = "A shall indemnify and hold harmless B; B shall indemnify A; C indemnifies D.";
    expect(allMatches(res, text, 8).map((m) => m.text)).toEqual(["indemnify", "hold harmless", "indemnify", "indemnifies"]);
    expect(allMatches(res, text, 2)).toHaveLength(2);
  });
});

describe("a member of a group defined in the plural", () => {
  it("'each Seller shall not solicit' binds the group defined as \"Sellers\", not the buyer it protects", async () => {
    const text =
      'NON-SOLICITATION AGREEMENT\n\nThis Agreement is made between Orion Chemical Corp. (the "Buyer") and Vantage Oils Ltd. and Vantage Lubricants Ltd. (together, the "Sellers").\n\n1. For three years each Seller shall not solicit any employee of the Combined Business to leave the employment of the Buyer.\n';
    const f = await onlyFact(text, "non-solicit");
    expect(f.burdenedParty).toBe("Sellers");
  });
});
