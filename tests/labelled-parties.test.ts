import { describe, expect, it } from "vitest";
import type { Party } from "../src/model/party.js";
import { foundParty, parseCuadParties, scoreCuadParties } from "../tools/eval/labelled-parties.js";

/** Reading the CUAD lawyers' "Parties" answers, and matching them to the parties trustlint found. */
describe("CUAD parties as the lawyers marked them", () => {
  const party = (name: string, alias: string | null = null): Party => ({ name, alias, role: "unknown" });

  it("splits the answer into parties, with the quoted terms of each", () => {
    expect(parseCuadParties('Harbour Mills Inc. ("Harbour"); Tessaly Foods Limited (the "Buyer")')).toEqual([
      { name: "Harbour Mills Inc.", terms: ["Harbour"] },
      { name: "Tessaly Foods Limited", terms: ["Buyer"] },
    ]);
  });

  it("leaves out sentences about the parties together, redacted names and generic terms", () => {
    const parsed = parseCuadParties(
      'Quarry Lane LLC ("Quarry" or "we"); [ * * * ] ("Party"); Quarry and Osk ("Party", collectively the "Parties"); Osk AB ("Osk"); Quarry and Osk (Party.)',
    );
    expect(parsed).toEqual([
      { name: "Quarry Lane LLC", terms: ["Quarry"] },
      { name: "Osk AB", terms: ["Osk"] },
    ]);
  });

  it("keeps a semicolon inside brackets within one party", () => {
    expect(parseCuadParties('Fenwick Ltd (acting by its agent; "Fenwick"); Moss plc ("Moss")').map((p) => p.name)).toEqual([
      "Fenwick Ltd",
      "Moss plc",
    ]);
  });

  it("finds a party by its term, by its name, or by a name that contains the other", () => {
    const gold = parseCuadParties('Harbour Mills Inc. ("Harbour"); Tessaly Foods Limited ("Buyer"); Ostrava Steel a.s.');
    expect(foundParty(gold[0]!, [party("Harbour Mills, Inc.", "Harbour")])).toBe(true);
    expect(foundParty(gold[1]!, [party("Tessaly Foods Limited")])).toBe(true);
    expect(foundParty(gold[2]!, [party("Ostrava Steel")])).toBe(true);
    expect(foundParty(gold[2]!, [party("Harbour Mills Inc.", "Harbour")])).toBe(false);
  });

  it("counts the parties not found", () => {
    const scored = scoreCuadParties('Harbour Mills Inc. ("Harbour"); Tessaly Foods Limited ("Buyer")', [
      party("Harbour Mills Inc.", "Harbour"),
    ]);
    expect(scored.counts).toEqual({ parties: 2, found: 1 });
    expect(scored.missed.map((m) => m.name)).toEqual(["Tessaly Foods Limited"]);
  });
});
