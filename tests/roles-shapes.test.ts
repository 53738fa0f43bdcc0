import { describe, expect, it } from "vitest";
import { analyseText } from "./helpers.js";

/**
 * Buyer and supplier read from what the parties do, in the common kinds of outsourcing deal: consulting, supply,
 * hosting, services, outsourcing, operation and maintenance, development and transportation. Neither party's defined
 * term names its role except in the maintenance row; recitals, performance and payment must decide.
 */
const DEALS: [string, Record<string, string>][] = [
  [
    'CONSULTING AGREEMENT\n\nThis Agreement is made between Orion Retail Corp. ("Orion") and Vantage Advisory LLC ("Vantage").\n\nWHEREAS Orion desires to retain Vantage to provide consulting services.\n\n1. Vantage shall perform the Services. Orion shall pay Vantage the fees set out in Schedule 1.',
    { Orion: "buyer", Vantage: "supplier" },
  ],
  [
    'SUPPLY AGREEMENT\n\nThis Agreement is made between Orion Retail Corp. ("Orion") and Vantage Manufacturing LLC ("Vantage").\n\n1. Vantage shall manufacture and supply the Products to Orion. 2. Orion shall pay the purchase price within 30 days of invoice. 3. Vantage shall deliver the Products to Orion\'s warehouse.',
    { Orion: "buyer", Vantage: "supplier" },
  ],
  [
    'HOSTING AGREEMENT\n\nThis Hosting Agreement is entered into by Orion Retail Corp. ("Orion") and Vantage Hosting Inc. ("Vantage").\n\n1. Vantage will host and maintain the Website. 2. Orion will pay Vantage a monthly hosting fee. 3. Vantage will provide support to Orion.',
    { Orion: "buyer", Vantage: "supplier" },
  ],
  [
    'SERVICES AGREEMENT\n\nThis Agreement is made between Orion Retail Corp. ("Orion") and Vantage Systems LLC ("Vantage").\n\n1. Orion hereby engages Vantage as an independent contractor to perform the Services. 2. In consideration, Orion shall pay Vantage the Fees.',
    { Orion: "buyer", Vantage: "supplier" },
  ],
  [
    'OUTSOURCING AGREEMENT\n\nThis Agreement is made between Orion Bank ("Orion") and Vantage Processing Inc. ("Vantage").\n\nWHEREAS Orion wishes to outsource its item processing to Vantage.\n\n1. Vantage shall process all items delivered by Orion. 2. Fees are payable by Orion monthly.',
    { Orion: "buyer", Vantage: "supplier" },
  ],
  [
    'MAINTENANCE AGREEMENT\n\nThis Agreement is made between Orion Plant Ltd ("Owner") and Vantage Engineering Ltd ("Operator").\n\n1. Operator shall operate and maintain the Facility. 2. Owner shall pay Operator the Operating Fee.',
    { Owner: "buyer", Operator: "supplier" },
  ],
  [
    'DEVELOPMENT AGREEMENT\n\nThis Agreement is made between Orion Pharma Inc. ("Orion") and Vantage Labs Inc. ("Vantage").\n\n1. Vantage shall develop the Formulation in accordance with the Development Plan. 2. Orion shall reimburse Vantage for all development costs. 3. Vantage shall deliver reports to Orion quarterly.',
    { Orion: "buyer", Vantage: "supplier" },
  ],
  [
    'TRANSPORTATION AGREEMENT\n\nThis Agreement is made between Orion Refining LLC ("Orion") and Vantage Pipeline LLC ("Vantage").\n\n1. Vantage shall transport Orion\'s crude oil through the Pipeline. 2. Orion shall pay Vantage the tariff for each barrel transported.',
    { Orion: "buyer", Vantage: "supplier" },
  ],
];

describe("roles over the common kinds of deal", () => {
  it.each(DEALS)("%s", async (text, want) => {
    const { parties } = await analyseText(text);
    const got = Object.fromEntries(Object.keys(want).map((k) => [k, parties.find((p) => (p.alias ?? p.name) === k)?.role]));
    expect(got).toEqual(want);
  });
});
