import { describe, expect, it } from "vitest";
import { loadRuleFiles } from "../src/engine/index.js";
import { factsOf, onlyFact } from "./helpers.js";

/**
 * Direction of the topic-set-B facts read from one clause: who is restricted (exclusivity, non-compete), who is
 * audited (audit rights), who commits or assigns — and whether the term binds both sides. Each clause is read
 * bare (generic role words only) and after a parties preamble that gives the parties their own names.
 */

const PREAMBLE = [
  "MASTER SERVICES AGREEMENT",
  "",
  'This Agreement is made between Harbour Foods Limited (the "Client") and Keystone Logistics Inc (the "Contractor").',
  "",
  "1. Interpretation",
  "",
  '1.1 "Services" means the logistics services described in Schedule 1.',
  "",
  "2. Commercial terms",
  "",
].join("\n");

const only = onlyFact;

describe("exclusivity direction", () => {
  it("an exclusive grant burdens the grantor (bare clause)", async () => {
    const f = await only("The Supplier grants the Customer the exclusive right to resell the Products in France.", "exclusivity");
    expect(f.mutual).toBe(false);
    expect(f.burdened).toBe("supplier");
    expect(f.beneficiary).toBe("buyer");
  });

  it("a requirements commitment burdens the buyer, named through the preamble", async () => {
    const f = await only(
      `${PREAMBLE}2.1 Harbour shall purchase all of its requirements for chilled transport from Keystone.`,
      "exclusivity",
    );
    expect(f.mutual).toBe(false);
    expect(f.burdened).toBe("buyer");
  });

  it("a ban on selling to third parties burdens the party named before it", async () => {
    const f = await only(
      `${PREAMBLE}2.2 The Contractor shall not supply the same routes to any third party in the Territory.`,
      "exclusivity",
    );
    expect(f.mutual).toBe(false);
    expect(f.burdened).toBe("supplier");
  });

  it("'neither party shall…' is mutual, with and without a preamble", async () => {
    const clause = "Neither party shall enter into an arrangement with any other company for the same services during the Term.";
    for (const text of [clause, `${PREAMBLE}2.3 ${clause}`]) {
      const f = await only(text, "exclusivity");
      expect(f.mutual).toBe(true);
      expect(f.burdened).toBe("both");
    }
  });

  it("a non-exclusive licence or an exclusive-jurisdiction clause is not exclusivity", async () => {
    expect(await factsOf("The Supplier grants the Customer a non-exclusive licence to use the portal.", "exclusivity")).toHaveLength(0);
    expect(await factsOf("The courts of Ireland have exclusive jurisdiction over any dispute.", "exclusivity")).toHaveLength(0);
    expect(await factsOf("This Agreement does not create an exclusive relationship between the parties.", "exclusivity")).toHaveLength(0);
  });
});

describe("non-compete direction", () => {
  it("a one-way covenant burdens the restricted supplier (bare clause)", async () => {
    const f = await only(
      "During the Term the Supplier shall not develop or sell any product that competes with the Products.",
      "non-compete",
    );
    expect(f.mutual).toBe(false);
    expect(f.burdened).toBe("supplier");
  });

  it("a one-way covenant on the client is read through the preamble's names", async () => {
    const f = await only(
      `${PREAMBLE}2.4 Harbour agrees not to operate a competing delivery business in the Territory for two years after termination.`,
      "non-compete",
    );
    expect(f.mutual).toBe(false);
    expect(f.burdened).toBe("buyer");
  });

  it("the party whose view a participle reports ('deemed by the Client') is not the one restricted", async () => {
    const f = await only(
      `${PREAMBLE}2.4 During the Term the Contractor will not accept as a sponsor any other company reasonably deemed by the Client to be competitive with the Client.`,
      "non-compete",
    );
    expect(f.burdenedParty).toBe("Contractor");
  });

  it("a reciprocal covenant is mutual, with and without a preamble", async () => {
    const clause = "Neither party shall, during the Term, market any product competitive with the Joint Product.";
    for (const text of [clause, `${PREAMBLE}2.5 ${clause}`]) {
      const f = await only(text, "non-compete");
      expect(f.mutual).toBe(true);
      expect(f.burdened).toBe("both");
    }
  });

  it("a carve-out preserving freedom to compete is not a non-compete", async () => {
    expect(
      await factsOf("Nothing in this Agreement shall prevent the Supplier from offering competing services to others.", "non-compete"),
    ).toHaveLength(0);
    expect(await factsOf("The Customer may select suppliers through competitive tender.", "non-compete")).toHaveLength(0);
  });
});

describe("audit rights direction", () => {
  it("the auditing party is the beneficiary and the audited party is burdened (bare clause)", async () => {
    const f = await only(
      "The Customer may, on reasonable notice and during business hours, audit the books and records of the Supplier.",
      "audit-rights",
    );
    expect(f.mutual).toBe(false);
    expect(f.burdened).toBe("supplier");
    expect(f.beneficiary).toBe("buyer");
  });

  it("'records available for inspection by X' makes X the auditor", async () => {
    const f = await only(
      `${PREAMBLE}2.6 Keystone shall make its records available for inspection by Harbour at reasonable times.`,
      "audit-rights",
    );
    expect(f.mutual).toBe(false);
    expect(f.burdened).toBe("supplier");
    expect(f.beneficiary).toBe("buyer");
  });

  it("a supplier's audit right over the client burdens the client", async () => {
    const f = await only(
      `${PREAMBLE}2.7 The Contractor may audit the Client's shipping records once a year to verify the volumes invoiced.`,
      "audit-rights",
    );
    expect(f.mutual).toBe(false);
    expect(f.burdened).toBe("buyer");
  });

  it("each party auditing the other is mutual, with and without a preamble", async () => {
    const clause = "Each party shall permit the other to inspect and audit its books and records once in each calendar year.";
    for (const text of [clause, `${PREAMBLE}2.8 ${clause}`]) {
      const f = await only(text, "audit-rights");
      expect(f.mutual).toBe(true);
      expect(f.burdened).toBe("both");
    }
  });

  it("audited accounts and goods inspection are not audit rights", async () => {
    expect(await factsOf("The Supplier shall deliver its audited financial statements each year.", "audit-rights")).toHaveLength(0);
    expect(await factsOf("The Customer shall inspect the goods on delivery.", "audit-rights")).toHaveLength(0);
  });
});

describe("other set-B topics", () => {
  it("joint ownership is always mutual", async () => {
    const f = await only(
      `${PREAMBLE}2.9 Keystone and Harbour shall jointly own all route data generated under this Agreement.`,
      "joint-ip",
    );
    expect(f.mutual).toBe(true);
    expect(f.burdened).toBe("both");
  });

  it("an IP assignment burdens the assigning party", async () => {
    const f = await only("The Supplier hereby assigns to the Customer all right, title and interest in the Deliverables.", "ip-assignment");
    expect(f.burdened).toBe("supplier");
  });

  it("an anti-assignment clause is not an IP assignment", async () => {
    expect(
      await factsOf(
        "Neither party shall assign any of its rights or obligations without the prior written consent of the other.",
        "ip-assignment",
      ),
    ).toHaveLength(0);
  });

  it("a minimum purchase burdens the committing buyer", async () => {
    const f = await only("The Customer shall purchase at least 2,000 units of the Products in each Contract Year.", "minimum-commitment");
    expect(f.burdened).toBe("buyer");
  });

  it("a notice period is not a minimum commitment", async () => {
    expect(
      await factsOf("The Customer shall place purchase orders at least thirty days before the delivery date.", "minimum-commitment"),
    ).toHaveLength(0);
  });
});

describe("most-favoured-customer anchors", () => {
  it("a promise of terms as favourable as other customers get burdens the promisor, named through the preamble", async () => {
    const f = await only(
      `${PREAMBLE}2.4 Keystone shall offer Harbour haulage rates as favourable as those it offers any other customer for similar lanes.`,
      "most-favored-nation",
    );
    expect(f.mutual).toBe(false);
    expect(f.burdened).toBe("supplier");
  });

  it("any 'most favoured' wording names the promise, whatever noun follows", async () => {
    const f = await only(
      "The Supplier shall price all spare parts to the Customer on a most favoured customer basis.",
      "most-favored-nation",
    );
    expect(f.burdened).toBe("supplier");
  });

  it("a price no higher than what other customers pay is a most-favoured promise; a ceiling from a schedule is not", async () => {
    expect(
      await factsOf("The Supplier's hourly rates shall be no higher than the rates charged to any other customer.", "most-favored-nation"),
    ).toHaveLength(1);
    expect(
      await factsOf("The Supplier's hourly rates shall be no higher than the rates set out in Schedule 3.", "most-favored-nation"),
    ).toHaveLength(0);
    expect(
      await factsOf("The rental shall be as favourable as the market allows at each review date.", "most-favored-nation"),
    ).toHaveLength(0);
  });
});

describe("subject: mutual in the topic schema", () => {
  const topic = (subject: string) => ({
    file: "rules/topics/shared-thing.yaml",
    text: [
      "id: shared-thing",
      "title: Shared thing",
      "description: A topic that binds both sides by its nature.",
      `subject: ${subject}`,
      "trigger: [shared thing]",
      "examples: {match: [a shared thing], no-match: [nothing]}",
    ].join("\n"),
  });

  it("is accepted by the loader", () => {
    const { errors } = loadRuleFiles([topic("mutual")]);
    expect(errors).toHaveLength(0);
  });

  it("a misspelt subject is still a load error", () => {
    const { errors } = loadRuleFiles([topic("mutually")]);
    expect(errors.length).toBeGreaterThan(0);
  });
});
