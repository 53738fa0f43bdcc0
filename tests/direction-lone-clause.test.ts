import { describe, expect, it } from "vitest";
import { analyseText } from "./helpers.js";

/**
 * A clause read on its own, with no preamble to name the parties (pasted from a draft, or an excerpt): the names that
 * act in it stand for the parties, so the term is still one party's and not nobody's. Each row is
 * "topic | mutual | burdened party | beneficiary party | clause". Written from clause families, not from any contract.
 */
const ROWS = [
  "indemnity | false | Zentrix | Marlow | Zentrix shall indemnify and hold harmless Marlow from any third-party claims arising out of Zentrix's breach of this Agreement.",
  "liability-cap | false | Customer | Company | In no event shall Company's aggregate liability under this Agreement exceed the fees paid by Customer in the twelve months preceding the claim.",
  "consequential-damages-waiver | false | - | LICENSOR | IN NO EVENT SHALL LICENSOR BE LIABLE FOR ANY INDIRECT, SPECIAL OR CONSEQUENTIAL DAMAGES OR LOST PROFITS ARISING OUT OF THIS AGREEMENT.",
  "consequential-damages-waiver | false | Licensee | Company | In no event will Company be liable to Licensee for any lost profits or consequential damages, even if advised of the possibility thereof.",
  "indemnity | true | both | both | Each party shall indemnify the other party against any losses arising from its gross negligence or wilful misconduct.",
  "termination-for-convenience | true | both | both | Either party may terminate this Agreement upon thirty days' written notice for any reason.",
  "indemnity | false | Employer | Contractor | The Employer shall indemnify the Contractor against all claims brought by the Employer's own employees.",
  "consequential-damages-waiver | true | both | both | NEITHER PARTY SHALL BE LIABLE FOR ANY CONSEQUENTIAL, INCIDENTAL OR SPECIAL DAMAGES.",
  "consequential-damages-waiver | true | both | both | Neither Rand nor PlanetCAD shall be liable to the other for any indirect damages.",
  "consequential-damages-waiver | false | - | ACME | IN NO EVENT WILL ACME OR ITS SUPPLIERS BE LIABLE FOR ANY LOST PROFITS OR INDIRECT DAMAGES.",
  "liability-cap | false | - | XYLON CORP | THE TOTAL LIABILITY OF XYLON CORP. UNDER THIS AGREEMENT SHALL NOT EXCEED THE AMOUNTS PAID IN THE PRIOR TWELVE MONTHS.",
  "termination-for-convenience | false | Bank | Sponsor | Sponsor may terminate this Agreement at any time upon sixty (60) days prior written notice to Bank.",
  "indemnity | false | Party B | Party A | Party B shall indemnify Party A against all losses caused by defective Products.",
  "indemnity | false | Service Provider | Client | The Service Provider shall indemnify and hold harmless the Client against claims of third parties.",
  "liability-cap | false | you | we | Our total liability to you arising out of this Agreement will not exceed the fees actually paid to us.",
  "termination-for-convenience | false | Engineer | Owner | This Agreement may be terminated (a) by Owner, at any time, with or without cause, upon ten days' written notice to Engineer.",
  "consequential-damages-waiver | false | SUBSCRIBER | COMPANY | IN NO EVENT SHALL THE COMPANY OR ITS AFFILIATES, LICENSORS OR SUPPLIERS BE LIABLE TO SUBSCRIBER FOR ANY LOST PROFITS OR CONSEQUENTIAL DAMAGES.",
  // In capitals the name stops at the role word or before a word made like a verb, not at the end of the sentence.
  "liability-cap | false | - | SELLER | THE AGGREGATE LIABILITY OF SELLER ARISING OUT OF OR RELATING TO THIS AGREEMENT SHALL NOT EXCEED THE PRICE PAID.",
  "liability-cap | false | - | DORVAL | THE TOTAL LIABILITY OF DORVAL ARISING UNDER THIS AGREEMENT SHALL NOT EXCEED FIVE HUNDRED THOUSAND DOLLARS.",
  // Peers named by one word: "any Member … any other Member" binds them all.
  "consequential-damages-waiver | true | both | both | IN NO EVENT SHALL ANY MEMBER BE LIABLE TO ANY OTHER MEMBER FOR ANY INDIRECT OR CONSEQUENTIAL DAMAGES.",
  // "of" inside a name; "BY REASON OF" is no name.
  "termination-for-convenience | false | Supplier | Bank of Corinth | Bank of Corinth may terminate this Agreement for its convenience at any time upon forty-five days' notice to Supplier.",
  "consequential-damages-waiver | false | - | HALDEN | IN NO EVENT SHALL HALDEN BE LIABLE BY REASON OF ANY REPRESENTATION FOR ANY INDIRECT OR CONSEQUENTIAL LOSS.",
  // Two-character names.
  "indemnity | false | K9 | Lessee | K9 shall indemnify and hold harmless Lessee against any third-party claim arising from the Equipment.",
];

describe("a clause read on its own names the party it is about", () => {
  for (const row of ROWS) {
    const [topic, mutual, burdened, beneficiary, text] = row.split(" | ") as [string, string, string, string, string];
    it(`${topic}: ${text.slice(0, 70)}`, async () => {
      const { facts } = await analyseText(text + "\n");
      const f = facts.find((x) => x.topic === topic);
      expect(f, "topic found").toBeDefined();
      expect(f!.mutual).toBe(mutual === "true");
      expect(f!.burdenedParty).toBe(burdened === "-" ? null : burdened);
      expect(f!.beneficiaryParty).toBe(beneficiary);
    });
  }

  it("a clause with nobody named stays unattributed rather than guessed", async () => {
    const { facts } = await analyseText("This Agreement may be terminated at any time upon thirty days' written notice.\n");
    const f = facts.find((x) => x.topic === "termination-for-convenience");
    expect(f?.mutual).toBeNull();
    expect(f?.burdenedParty).toBeNull();
  });

  it("'any claim … any other claim' speaks of things, not of peers", async () => {
    const { facts } = await analyseText(
      "Zentrix shall not be liable for any Claim or any other Claim for indirect or consequential damages.\n",
    );
    const f = facts.find((x) => x.topic === "consequential-damages-waiver");
    expect(f?.mutual).toBe(false);
  });

  it("capitalised nouns that are not parties ('Section', 'Services', 'Agreement') are never taken as actors", async () => {
    const { facts } = await analyseText(
      "Section 9 shall survive termination. The Services will be indemnified against loss. This Agreement shall be indemnified.\n",
    );
    for (const f of facts) expect([f.burdenedParty, f.beneficiaryParty]).not.toContain("Section");
  });
});

describe("the report on a clause read on its own", () => {
  it("names the parties the findings use and shows how to set their roles", async () => {
    const { rolesNote } = await import("../src/report/findings.js");
    const { findings } = await analyseText(
      "Zentrix shall indemnify and hold harmless Marlow from any third-party claims arising out of Zentrix's breach.\n",
    );
    const note = rolesNote([], findings);
    expect(note).toContain("Zentrix");
    expect(note).toContain("--role Zentrix=buyer");
    expect(rolesNote([], [])).toMatch(/^No parties recognised/);
  });
});

describe("roles in a clause read on its own", () => {
  it("a name with no role word takes the side opposite the role word beside it ('Company' and 'Customer')", async () => {
    const { facts } = await analyseText(
      "In no event shall Company's aggregate liability under this Agreement exceed the fees paid by Customer in the twelve months preceding the claim.\n",
    );
    const cap = facts.find((f) => f.topic === "liability-cap")!;
    expect(cap.beneficiaryParty).toBe("Company");
    expect(cap.beneficiary).toBe("supplier");
    expect(cap.burdened).toBe("buyer");
  });
});
