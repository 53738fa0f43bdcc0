import { describe, expect, it } from "vitest";
import type { Fact } from "../src/model/fact.js";
import { scoreSingleClauses, type SingleClause } from "../tools/eval/lone-clauses.js";

/** The single-clause scorer: which answers count as the party the gold names. */
describe("scoring a clause read on its own", () => {
  const capBy = (party: string) => () => [{ topic: "liability-cap", beneficiaryParty: party } as unknown as Fact];
  const clause = (party: string, text: string): SingleClause => ({ kind: "liability-cap", party, text });

  it("accepts a name and its short form when the clause itself uses both", () => {
    const text =
      "Pinnacle Crowd Control Pty Ltd's liability is limited to the Event Fee, and Pinnacle's liability in a year to the fees paid.";
    expect(scoreSingleClauses([clause("Pinnacle", text)], capBy("Pinnacle Crowd Control Pty Ltd")).counts.partyRight).toBe(1);
    expect(scoreSingleClauses([clause("Pinnacle Crowd Control Pty Ltd", text)], capBy("Pinnacle")).counts.partyRight).toBe(1);
  });

  it("does not accept a longer name the clause never uses, nor a different party", () => {
    const text = "Pinnacle's liability shall not exceed the Event Fee.";
    expect(scoreSingleClauses([clause("Pinnacle", text)], capBy("Pinnacle Crowd Control Pty Ltd")).counts.partyRight).toBe(0);
    expect(scoreSingleClauses([clause("Pinnacle", text)], capBy("Council")).counts.partyRight).toBe(0);
  });
});
