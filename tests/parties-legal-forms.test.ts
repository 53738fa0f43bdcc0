import { describe, expect, it } from "vitest";
import { findParties } from "../src/ingest/parties.js";

const names = (text: string) => findParties(text, 3000).map((p) => `${p.name}=${p.alias ?? ""}`);

/** Parties named with their legal forms where no preamble introduces them. Invented wording. */
describe("parties named with legal forms", () => {
  it("takes the company right before a bracketed term, without the clause number or 'Neither'", () => {
    expect(
      names(
        '14.2 Neither Tolland Pumps Pty Ltd ("Tolland") nor Harwick Dairies Inc. ("Harwick") shall be liable to the other for indirect loss.',
      ),
    ).toEqual(["Tolland Pumps Pty Ltd=Tolland", "Harwick Dairies Inc.=Harwick"]);
  });

  it("does not take the principal a party acts for, nor split a name given with its former name", () => {
    const text =
      'This amendment is made between Lark Media, Inc. ("Lark"), as agent for Ormond Pictures Corporation ("Rights Owner"), and Fenwick Games Inc. f/k/a Pellam Software Inc. ("Licensee"). Lark shall deliver the materials. Licensee shall pay the fees.';
    const found = names(text);
    expect(found).toContain("Lark Media, Inc.=Lark");
    expect(found).toContain("Fenwick Games Inc. f/k/a Pellam Software Inc.=Licensee");
    expect(found.some((n) => n.startsWith("Ormond"))).toBe(false);
  });

  it("knows a party by the term it is appointed under when the body uses that term more", () => {
    const text = [
      'From the date hereof, Harrow Capital Inc. ("Harrow") agrees to be bound by this Agreement.',
      "The placement of the notes was first arranged under an earlier agreement, which this agreement amends and restates in full from the date written above.",
      "NOW, THEREFORE, the parties agree as follows:",
      'The Company hereby appoints Harrow as exclusive placement agent (the "Placement Agent").',
      "The Placement Agent shall use its reasonable efforts. The Placement Agent shall report monthly. The Placement Agent may resign.",
    ].join(" ");
    const harrow = findParties(text, 3000).find((p) => p.name === "Harrow Capital Inc.");
    expect(harrow?.alias).toBe("Placement Agent");
    expect(harrow?.otherTerms).toContain("Harrow");
  });
});

describe("companies listed between a leader's term and a group's term", () => {
  it("are parties of their own, and the group gathers them with the leader", () => {
    const text =
      'The undersigned, Marrow Securities Ltd. (the "Lead Dealer"), Pell 9 Capital Inc., and Ashby Crane & Co. Ltd. (collectively with the Lead Dealer, the "Dealers") understand that Ostrander Biologics Inc. (the "Issuer") proposes to issue notes. The Issuer shall pay the Dealers a fee. The Dealers shall offer the notes.';
    const parties = findParties(text, 3000);
    expect(parties.map((p) => `${p.name}=${p.alias ?? ""}`)).toEqual([
      "Marrow Securities Ltd.=Lead Dealer",
      "Pell 9 Capital Inc.=",
      "Ashby Crane & Co. Ltd.=",
      "Ostrander Biologics Inc.=Issuer",
    ]);
    expect(parties.filter((p) => p.group === "Dealers").map((p) => p.name)).toHaveLength(3);
  });
});
