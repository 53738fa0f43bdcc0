import { describe, expect, it } from "vitest";
import { admitCompanyStops, COMPANY_STOP, maskCompanyStops, unmaskCompanyStops } from "../src/shared/company-stops.js";
import { trailingCompany } from "../src/shared/legal-form.js";
import { termPattern } from "../src/shared/term-pattern.js";

describe("company stops", () => {
  it("masks the full stop of a legal form only where the sentence goes on, keeping every offset", () => {
    const text = 'Tolland Pumps Ltd. ("Tolland") and Harwick, Inc. shall pay. The fee is due to Acme Inc. Then Orrin Pte. Ltd. pays.';
    const masked = maskCompanyStops(text);
    expect(masked.length).toBe(text.length);
    expect(masked).toContain(`Ltd${COMPANY_STOP} ("Tolland")`);
    expect(masked).toContain(`Inc${COMPANY_STOP} shall`);
    // A form before a new sentence keeps its stop.
    expect(masked).toContain("Acme Inc. Then");
    expect(masked).toContain(`Pte${COMPANY_STOP} Ltd${COMPANY_STOP} pays`);
    expect(unmaskCompanyStops(masked)).toBe(text);
  });

  it("masks the stops of every abbreviated legal form, and of forms in capitals before a word in capitals", () => {
    const text = "The liability of Serra Azul Ltda. for damage and of Calcio Media S.r.l., a company, is limited to the Fees Ltd. The";
    const masked = maskCompanyStops(text);
    expect(masked).toContain(`Ltda${COMPANY_STOP} for`);
    expect(masked).toContain(`S${COMPANY_STOP}r${COMPANY_STOP}l${COMPANY_STOP},`);
    expect(masked).toContain("Fees Ltd. The");
    const capitals = maskCompanyStops("LINDHOLM RADIO B.V. MAY TERMINATE BY NOTICE TO NOORD MASTEN B.V. NOT LESS THAN");
    expect(capitals).toContain(`B${COMPANY_STOP}V${COMPANY_STOP} MAY`);
    expect(capitals).toContain(`B${COMPANY_STOP}V${COMPANY_STOP} NOT`);
    // A full word ("Limited", "Company") ends its sentence.
    expect(maskCompanyStops("paid to the Company. (b) The")).toContain("Company. (b)");
  });

  it("leaves a text that already holds the look-alike character as it is", () => {
    const text = `A ${COMPANY_STOP} list and Acme Inc. shall pay.`;
    expect(maskCompanyStops(text)).toBe(text);
  });

  it("lets a name with a full stop match its masked form", () => {
    const re = new RegExp(termPattern("KI, Inc."));
    expect(re.test(`KI, Inc${COMPANY_STOP} and KI`)).toBe(true);
    expect(re.test("KI, Inc. and KI")).toBe(true);
    expect(re.test("KI, Incx and KI")).toBe(false);
  });

  it("adds the stop to classes that admit a full stop, never as the end of a range", () => {
    expect(admitCompanyStops("[A-Z][\\w&.-]*")).toBe(`[A-Z][${COMPANY_STOP}\\w&.-]*`);
    expect(admitCompanyStops("[^.;]{0,40}")).toBe("[^.;]{0,40}");
    expect(admitCompanyStops("\\.[a-z]")).toBe("\\.[a-z]");
    const re = new RegExp(admitCompanyStops("^[A-Z][\\w&.-]*$"));
    expect(re.test(`B${COMPANY_STOP}V`)).toBe(true);
    expect(re.test("B/V")).toBe(false);
  });
});

describe("the company named before a point", () => {
  it.each([
    ["the total liability of Corbel Engineering Ltd. ", "Corbel Engineering Ltd."],
    ["9.4 Deccan Forge Pvt. Ltd. ", "Deccan Forge Pvt. Ltd."],
    ["19.3 Neither Gidgee Freight Pty Ltd ", "Gidgee Freight Pty Ltd"],
    ["THE MAXIMUM AGGREGATE LIABILITY OF HALVARD INC. ", "HALVARD INC."],
    ["notice to Bank of Avalon Limited ", "Bank of Avalon Limited"],
  ])("%s", (before, name) => {
    expect(trailingCompany(before)).toBe(name);
  });

  it("finds none where no legal form ends the text", () => {
    expect(trailingCompany("appoint Barclays as exclusive remarketing agent ")).toBeNull();
    expect(trailingCompany("Each of the Limited ")).toBeNull();
  });
});

describe("sentences around a dotted legal form", () => {
  it("reads on past 'S.r.l.' before a bracket or a small letter, and stops after it before a new sentence", async () => {
    const { sentenceSpans } = await import("../src/reading/sentences.js");
    const text =
      'The liability of each of Ferrovie Alpine Servizi S.r.l. ("FAS") and the Client shall be limited to the fee. ' +
      "The goods were sold to Calcio Media S.r.l. The Buyer shall pay.";
    const read = sentenceSpans(text, 0, text.length).map((s) => text.slice(s.start, s.end).trim());
    expect(read).toEqual([
      'The liability of each of Ferrovie Alpine Servizi S.r.l. ("FAS") and the Client shall be limited to the fee.',
      "The goods were sold to Calcio Media S.r.l.",
      "The Buyer shall pay.",
    ]);
  });
});
