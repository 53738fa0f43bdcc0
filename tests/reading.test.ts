import { describe, expect, it } from "vitest";
import { buildContract } from "../src/ingest/contract.js";
import { analyseText } from "./helpers.js";

/**
 * Reading a contract by party: who the parties are, which role each plays and why, who each term is about, and
 * whether the other side returns it, including when no role word is used anywhere.
 */

const NAMED = (body: string) =>
  [
    "SUPPLY AGREEMENT",
    "",
    'This Supply Agreement (the "Agreement") is made on 1 March 2026 (the "Effective Date") by and between Northwind Components GmbH, a company organised under the laws of Germany (hereinafter "Northwind"), and Tallis Devices, Inc., a Delaware corporation ("Tallis").',
    "",
    body,
  ].join("\n");

describe("parties", () => {
  it("lists the contracting parties, not the dates and documents defined beside them", async () => {
    const a = await analyseText(NAMED("1. Supply\n1.1 Northwind shall manufacture and supply the Products to Tallis."));
    expect(a.parties.map((p) => `${p.alias}|${p.name}`)).toEqual(["Northwind|Northwind Components GmbH", "Tallis|Tallis Devices, Inc."]);
  });

  it("reads every term in a party's bracket: a role word among them gives the role, and the body may use any", async () => {
    const a = await analyseText(
      'LICENCE AGREEMENT\n\nThis Agreement is made between Acme Software Corp. ("Acme" or the "Licensor") and Beta Retail Inc. ("Beta").\n\n1. Terms\n\n1.1 Acme grants Beta a licence to use the Software.\n\n1.2 The Licensor shall indemnify Beta against any claim that the Software infringes a patent.',
    );
    const acme = a.parties.find((p) => p.alias === "Acme")!;
    expect([acme.role, acme.roleEvidence, acme.otherTerms]).toEqual(["supplier", "Licensor", ["Licensor"]]);
    expect(a.facts.find((f) => f.topic === "indemnity")?.burdenedParty).toBe("Acme");
  });

  it("a term the preamble never gave is not read as the party named after the verb", async () => {
    const a = await analyseText(NAMED("8. Indemnity\n8.1 The Company shall indemnify Tallis against all third-party claims."));
    expect(a.facts.find((f) => f.topic === "indemnity")?.burdenedParty).toBe("Northwind");
  });

  it("reads terms given after 'hereinafter' without brackets or quotes", async () => {
    const a = await analyseText(
      'SERVICES AGREEMENT\n\nThis Agreement is made between Acme Software Corp., hereinafter "Supplier", and Beta Retail Inc., hereinafter called the Customer.\n\n1. Services\n\n1.1 The Supplier shall host the Customer\'s website.',
    );
    expect(a.parties.map((p) => `${p.alias}|${p.role}`)).toEqual(["Supplier|supplier", "Customer|buyer"]);
  });

  it("a party named without a term is 'the Bank' in the body when its name ends in that noun", async () => {
    const a = await analyseText(
      "OUTSOURCING AGREEMENT between Beta Savings Bank and Acme IT Services Inc.\n\n1. Services\n\n1.1 Acme shall provide the data processing services to the Bank, and the Bank shall pay the fees in Schedule 2.\n\n1.2 The Bank may terminate this Agreement for convenience on ninety days' notice to Acme.",
    );
    const bank = a.parties.find((p) => p.name === "Beta Savings Bank")!;
    expect([bank.role, bank.otherTerms]).toEqual(["buyer", ["Bank"]]);
    expect(a.facts.find((f) => f.topic === "termination-for-convenience")?.beneficiaryParty).toBe("Beta Savings Bank");
  });

  it("reads a cover page that names each party after its role", async () => {
    const a = await analyseText(
      "ORDER FORM\n\nCustomer: Beta Retail Inc., 5 Main Street, Springfield\nSupplier: Acme Software Corp., 9 Oak Avenue, Portland\n\nThis Agreement is made between the Customer and the Supplier named above.\n\n1. Services\n\n1.1 The Supplier shall host the Customer's online store.\n\n1.2 The Supplier shall indemnify the Customer against third-party claims.",
    );
    expect(a.parties.map((p) => `${p.alias}|${p.name}|${p.role}`)).toEqual([
      "Customer|Beta Retail Inc.|buyer",
      "Supplier|Acme Software Corp.|supplier",
    ]);
  });

  it("a term defined in capitals is read in the body in title case", async () => {
    const a = await analyseText(
      'SERVICES AGREEMENT\n\nThis Agreement is made between BETA RETAIL INC. (the "CUSTOMER") and ACME SOFTWARE CORP. (the "SERVICE PROVIDER").\n\n1. Liability\n\n1.1 In no event shall the aggregate liability of the Service Provider exceed the fees paid in the prior twelve months.',
    );
    expect(a.facts.find((f) => f.topic === "liability-cap")?.beneficiaryParty).toBe("SERVICE PROVIDER");
  });

  it("a term given to a party in the definitions ('\"Licensor\" means Acme Software Corp.') names it and gives its role", async () => {
    const a = await analyseText(
      'LICENSE AGREEMENT\n\nThis License Agreement is entered into by and between Acme Software Corp. and Beta Retail Inc. as of March 1, 2026.\n\n1. Definitions\n\n1.1 "Licensor" means Acme Software Corp.\n\n1.2 "Licensee" means Beta Retail Inc. and its affiliates.\n\n2. Liability\n\n2.1 Licensor shall indemnify Licensee against all third-party claims.',
    );
    expect(a.parties.map((p) => `${p.role}|${(p.otherTerms ?? []).join()}`)).toEqual(["supplier|Licensor", "buyer|Licensee"]);
    expect(a.facts.find((f) => f.topic === "indemnity")?.burdenedParty).toBe("Acme Software Corp.");
  });

  it("never lists a class of persons, a schedule or an authority as a party", async () => {
    const text =
      'This Agreement is made between Quill Hosting Ltd ("Quill") and Marten Retail plc ("Marten"), for the benefit of its customers (the "Subscribers") as set out in the schedule (the "Service Schedule") approved by the regulator (the "Authority").\n\n1. Services\n1.1 Quill shall host the Marten website.';
    const a = await analyseText(text);
    expect(a.parties.map((p) => p.alias)).toEqual(["Quill", "Marten"]);
  });
});

describe("click-through terms between 'you' and a company that speaks as 'we'", () => {
  const BODY =
    "\n\n1. You agree to indemnify us against all claims arising from your use of the beta tools.\n\n2. We may terminate this Agreement for any reason and without notice.\n\n3. In no event will we be liable to you for any indirect or consequential damages.\n";
  const about = (a: Awaited<ReturnType<typeof analyseText>>, topic: string) => {
    const f = a.facts.find((x) => x.topic === topic)!;
    return topic === "indemnity" ? f.burdenedParty : f.beneficiaryParty;
  };

  it("reads the reader as a party and 'we', 'us' and 'our' as the company's terms", async () => {
    const a = await analyseText(
      'BETA PROGRAM TERMS\n\nThis Agreement is a legal agreement between you ("you", "your") and Larkspur Labs, Inc. ("Larkspur", "we", or "us").' +
        BODY,
    );
    expect(a.parties.map((p) => p.alias)).toEqual(["Larkspur", "you"]);
    expect([about(a, "indemnity"), about(a, "termination-for-convenience"), about(a, "consequential-damages-waiver")]).toEqual([
      "you",
      "Larkspur",
      "Larkspur",
    ]);
  });

  it("finds the company when the terms give it no term in quotes", async () => {
    const a = await analyseText(
      "BETA TOOLS TERMS\n\nThese Beta Tools Terms are a legal agreement between you (either as an individual or for an entity) and Larkspur Labs, Inc. regarding your use of Larkspur's beta tools." +
        BODY,
    );
    expect(a.parties.map((p) => `${p.alias}|${p.name}`)).toEqual(["Larkspur|Larkspur Labs, Inc.", "you|you"]);
    expect(about(a, "indemnity")).toBe("you");
  });
});

describe("roles from what the parties do", () => {
  it("the party that supplies is the supplier and the party that pays is the buyer, with the evidence", async () => {
    const a = await analyseText(
      NAMED(
        "1. Supply\n1.1 Northwind shall manufacture and supply the Products to Tallis.\n2. Price\n2.1 Tallis shall pay Northwind the Price within 30 days of invoice.\n2.2 Tallis shall pay all taxes.",
      ),
    );
    const roles = Object.fromEntries(a.parties.map((p) => [p.alias, [p.role, p.roleSource]]));
    expect(roles.Northwind).toEqual(["supplier", "performance"]);
    expect(roles.Tallis?.[0]).toBe("buyer");
  });

  it("recitals decide: the party that wishes to engage the other is the buyer", async () => {
    const a = await analyseText(
      NAMED(
        "WHEREAS, Tallis desires to engage Northwind to provide engineering services.\n\n1. Services\n1.1 The services are described in Schedule 1.",
      ),
    );
    expect(a.parties.find((p) => p.alias === "Tallis")).toMatchObject({ role: "buyer", roleSource: "recitals" });
    expect(a.parties.find((p) => p.alias === "Northwind")).toMatchObject({ role: "supplier" });
  });

  it("leaves roles unknown when nothing says who buys", async () => {
    const a = await analyseText(NAMED("1. Cooperation\n1.1 The parties shall meet quarterly."));
    expect(a.parties.map((p) => p.role)).toEqual(["unknown", "unknown"]);
  });
});

describe("direction and reciprocity by party", () => {
  it("an indemnity by each party in its own clause is a mutual pair, roles known or not", async () => {
    const a = await analyseText(
      NAMED(
        "8. Indemnification\n8.1 Northwind shall indemnify and hold harmless Tallis against third-party claims caused by defective Products.\n8.2 Tallis shall indemnify and hold harmless Northwind against third-party claims caused by its specifications.",
      ),
    );
    const facts = a.facts.filter((f) => f.topic === "indemnity");
    expect(facts.map((f) => [f.burdenedParty, f.mutual])).toEqual([
      ["Northwind", true],
      ["Tallis", true],
    ]);
    expect(a.findings.map((f) => f.ruleId)).not.toContain("ra-indemnity-one-way");
    expect(a.findings.map((f) => f.ruleId)).toContain("ra-indemnity-mutual");
  });

  it("reads a sentence that ends in a colon with the list items under it ('shall not be liable for: 9.2.1 loss of profits; …')", async () => {
    const a = await analyseText(
      NAMED(
        "9. Liability\n9.1 Tallis shall pay the Price.\n9.2 Northwind shall not be liable to Tallis, whether in contract or tort, arising under this agreement for:\n   9.2.1 loss of profits;\n   9.2.2 loss of goodwill; or\n   9.2.3 any indirect loss.\n9.3 Each party shall keep the other's information confidential.",
      ),
    );
    const waivers = a.facts.filter((f) => f.topic === "consequential-damages-waiver");
    expect(waivers.map((f) => [f.location.clause, f.beneficiaryParty])).toEqual([["9.2", "Northwind"]]);
  });

  it("the indemnifying party is the subject, not the party it protects", async () => {
    const a = await analyseText(
      NAMED(
        "8. Indemnification\n8.1 Subject to clause 9, Tallis shall defend, indemnify and hold harmless Northwind and its affiliates against all claims.",
      ),
    );
    const f = a.facts.find((x) => x.topic === "indemnity")!;
    expect([f.burdenedParty, f.beneficiaryParty, f.mutual]).toEqual(["Tallis", "Northwind", false]);
    const finding = a.findings.find((x) => x.ruleId === "ra-indemnity-one-way")!;
    expect(finding.message).toContain("Tallis");
  });

  it("a one-sided cap with roles unknown is still reported, against the named party", async () => {
    const a = await analyseText(
      NAMED(
        "9. Liability\n9.1 Northwind's aggregate liability shall not exceed the fees paid in the prior twelve months.\n9.2 Nothing limits the liability of Tallis.",
      ),
    );
    expect(a.parties.every((p) => p.role === "unknown")).toBe(true);
    const cap = a.findings.find((f) => f.ruleId === "ra-liability-cap-one-sided");
    expect(cap?.message).toContain("Northwind");
  });

  it("an extra one-way indemnity is flagged as uneven, not credited as mutual", async () => {
    const a = await analyseText(
      NAMED(
        "8. Indemnification\n8.1 Northwind shall indemnify Tallis against claims caused by defective Products.\n8.2 Tallis shall indemnify Northwind against claims caused by its specifications.\n8.3 Northwind shall indemnify Tallis against any and all claims whatsoever arising from this Agreement.",
      ),
    );
    const facts = a.facts.filter((f) => f.topic === "indemnity");
    expect(facts.filter((f) => f.mutual === true)).toHaveLength(2);
    const extra = facts.find((f) => f.location.clause === "8.3")!;
    expect([extra.mutual, extra.values.asymmetric]).toEqual([false, true]);
    expect(a.findings.map((f) => f.ruleId)).toContain("ra-indemnity-asymmetric");
    expect(a.findings.filter((f) => f.ruleId === "ra-indemnity-one-way")).toHaveLength(0);
  });

  it("exclusivity split by territory binds both sides: no one-way flag, even when one side has more of it", async () => {
    const a = await analyseText(
      NAMED(
        "3. Markets\n3.1 Tallis shall have the exclusive right to sell the Products to customers based in Canada.\n3.2 Northwind shall have the exclusive right to sell the Products to customers based in Mexico.\n3.3 Northwind shall have the exclusive right to sell the Products through its own website.",
      ),
    );
    const facts = a.facts.filter((f) => f.topic === "exclusivity");
    expect(facts).toHaveLength(3);
    expect(facts.filter((f) => f.values.asymmetric === true)).toHaveLength(1);
    expect(a.findings.filter((f) => f.ruleId === "ra-exclusivity-one-way")).toHaveLength(0);
  });

  it("mirrored caps that differ only in small words are a mutual pair; a different amount is not", async () => {
    const cap = (a: string, b: string) =>
      analyseText(
        NAMED(
          `9. Liability\n9.1 Tallis accepts that neither Northwind nor any affiliate or subsidiary of it (apart from Tallis) will incur any liability, direct or indirect, towards Tallis for ${a}.\n9.2 Northwind accepts that neither Tallis nor any subsidiary of it will incur any liability, direct or indirect, towards Northwind for ${b}.`,
        ),
      );
    const same = (await cap("any claim under this Agreement", "any claim under this Agreement")).facts.filter(
      (f) => f.topic === "liability-cap",
    );
    expect(same.map((f) => f.mutual)).toEqual([true, true]);
    const total = (x: string) =>
      analyseText(
        NAMED(
          `9. Liability\n9.1 Northwind's total liability under this Agreement shall not exceed ${x}.\n9.2 Tallis's total liability under this Agreement shall not exceed $1,000,000.`,
        ),
      );
    const differ = (await total("$5,000,000")).facts.filter((f) => f.topic === "liability-cap");
    expect(differ.map((f) => f.values.asymmetric)).toEqual([true, true]);
    const equal = (await total("$1,000,000")).facts.filter((f) => f.topic === "liability-cap");
    expect(equal.map((f) => f.mutual)).toEqual([true, true]);
  });

  it("'either X or Y may terminate for any reason' is mutual", async () => {
    const a = await analyseText(
      NAMED(
        "12. Term\n12.1 This Agreement may be terminated by either Northwind or Tallis for any reason upon 90 days' written notice to the other.",
      ),
    );
    const f = a.facts.find((x) => x.topic === "termination-for-convenience")!;
    expect([f.mutual, f.burdenedParty]).toEqual([true, "both"]);
  });
});

describe("provisions run together in one sentence", () => {
  it("'(i) X will indemnify … (ii) Y will indemnify …' are two one-way facts that pair, not one mutual sentence", async () => {
    const a = await analyseText(
      NAMED(
        "10. Indemnification\n10.1 Indemnification (i) Northwind will defend, indemnify and hold harmless Tallis against claims arising from defects (ii) Tallis will defend, indemnify and hold harmless Northwind against claims arising from its designs",
      ),
    );
    const facts = a.facts.filter((f) => f.topic === "indemnity");
    expect(facts.map((f) => f.burdenedParty).sort()).toEqual(["Northwind", "Tallis"]);
    expect(facts.every((f) => f.mutual === true)).toBe(true);
  });

  it("'X may terminate for convenience …, and Y may terminate for convenience …' gives both parties the right", async () => {
    const a = await analyseText(
      NAMED(
        "6. Term\n6.2 Tallis may terminate for convenience any Service, and Northwind may terminate for convenience any Support Service, upon 30 days' prior written notice.",
      ),
    );
    const facts = a.facts.filter((f) => f.topic === "termination-for-convenience");
    expect(facts.every((f) => f.mutual === true)).toBe(true);
  });
});

describe("operative text only", () => {
  it("table-of-contents lines yield no facts", async () => {
    const toc =
      "TABLE OF CONTENTS\n\n8.1 Indemnification by Northwind ........ 12\n8.2 Liquidated Damages ........ 13\n8.3 Escalation and Mediation ........ 14\n9.1 Limitation of Liability ........ 15\n\n";
    const a = await analyseText(NAMED(`${toc}1. Supply\n1.1 Northwind shall supply the Products to Tallis.`));
    expect(
      a.facts.filter((f) => ["indemnity", "liquidated-damages", "escalation", "mediation", "liability-cap"].includes(f.topic)),
    ).toEqual([]);
    const doc = buildContract("toc.txt", "text", NAMED(`${toc}1. Supply\n1.1 Northwind shall supply the Products to Tallis.`));
    expect(doc.clauses.filter((c) => c.nonOperative === "table-of-contents").map((c) => c.number)).toEqual(["8.1", "8.2", "8.3", "9.1"]);
    expect(doc.clauses.find((c) => c.number === "1.1")?.nonOperative).toBeUndefined();
  });

  it("a table of contents flattened onto one line yields no facts, and the clauses after it still do", async () => {
    const flat =
      "TABLE OF CONTENTS\n\n8.   Indemnification   12   8.1   Indemnification by Northwind   12   8.2   Indemnification by Tallis   13   9.1   Limitation of Liability   14   10.1   Termination for Convenience   15\n\n";
    const body = "1. Supply\n1.1 Northwind shall indemnify Tallis against third-party claims arising from defective Products.";
    const a = await analyseText(NAMED(`${flat}${body}`));
    const indemnities = a.facts.filter((f) => f.topic === "indemnity");
    expect(indemnities.map((f) => f.location.clause)).toEqual(["1.1"]);
    expect(a.facts.filter((f) => ["liability-cap", "termination-for-convenience"].includes(f.topic))).toEqual([]);
  });

  it("a definition of the indemnified parties is not an indemnity", async () => {
    const a = await analyseText(
      NAMED(
        '1. Definitions\n1.4 "Tallis Indemnified Parties" means Tallis, its affiliates and their officers, who are indemnified under clause 8.\n\n2. Supply\n2.1 Northwind shall supply the Products.',
      ),
    );
    expect(a.facts.filter((f) => f.topic === "indemnity")).toEqual([]);
  });

  it("the signature block yields no facts", async () => {
    const a = await analyseText(
      NAMED(
        "1. Supply\n1.1 Northwind shall supply the Products.\n\nIN WITNESS WHEREOF the parties have signed this Agreement.\nNorthwind Components GmbH, by its Head of Indemnity Claims\nTallis Devices, Inc., by its General Counsel",
      ),
    );
    expect(a.facts.filter((f) => f.topic === "indemnity")).toEqual([]);
  });
});

describe("recitals", () => {
  const recital =
    "WHEREAS, under an earlier agreement Tallis shall purchase the Products exclusively from Northwind and shall not sell any competing product in the Territory;";
  const operative =
    "1.1 Tallis shall purchase the Products exclusively from Northwind and shall not sell any competing product in the Territory.";

  it("reads no term from the recitals, only from what follows 'NOW, THEREFORE'", async () => {
    const a = await analyseText(NAMED([recital, "NOW, THEREFORE, the parties agree as follows:", "1. Supply", operative].join("\n")));
    const lines = a.facts.filter((f) => f.topic === "exclusivity" || f.topic === "non-compete").map((f) => f.location.line);
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.every((l) => l >= 8)).toBe(true);
  });

  it("reads no term from a preamble that tells history before the recitals", async () => {
    const text = [
      "SUPPLY AGREEMENT",
      'This Supply Agreement is made by and between Northwind Components GmbH ("Northwind") and Tallis Devices, Inc. ("Tallis"), which under an earlier agreement granted Northwind an exclusive licence to the Technology.',
      "WHEREAS Tallis wishes to buy the Products.",
      "NOW, THEREFORE, the parties agree as follows:",
      "1. Supply",
      "1.1 Northwind shall supply the Products to Tallis.",
    ].join("\n");
    const a = await analyseText(text);
    expect(a.facts.filter((f) => f.topic === "exclusivity")).toEqual([]);
  });

  it("reads a 'WHEREAS' paragraph when no operative formula closes it, since it may be all there is", async () => {
    const a = await analyseText(NAMED(recital));
    expect(a.facts.some((f) => f.topic === "exclusivity" || f.topic === "non-compete")).toBe(true);
  });
});
