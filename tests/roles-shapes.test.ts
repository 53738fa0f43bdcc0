import { describe, expect, it } from "vitest";
import { analyseText } from "./helpers.js";

/**
 * Buyer and supplier read from what the parties do, in the common kinds of outsourcing deal: consulting, supply,
 * hosting, services, outsourcing, operation and maintenance, development and transportation. Neither party's defined
 * term names its role except in the maintenance row; recitals, performance and payment must decide.
 */
const DEALS: [string, Record<string, string>][] = [
  // Translated drafting: "Party A entrusts Party B to manufacture", "the manufacture by Party B of"; damages one party
  // pays the other for late delivery say nothing of who is paid for the goods.
  [
    "PROCESSING AGREEMENT\n\nParty A: Orion Household Goods Co., Ltd.\nParty B: Vantage Appliance Works Co., Ltd.\n\nParty A and Party B have reached this agreement on the manufacture by Party B of kitchen appliances.\n\n2.1 Party A entrusts Party B to manufacture the Products. 7.3 If Party B delays delivery, Party B shall pay Party A liquidated damages of 0.5% per day.",
    { "Party A": "buyer", "Party B": "supplier" },
  ],
  // Defined nouns in capitals: "sell the Products to Orion", "order Parts from Vantage".
  [
    'SUPPLY AGREEMENT\n\nThis Agreement is made between Orion Retail Corp. ("Orion") and Vantage Manufacturing LLC ("Vantage").\n\n1. Vantage will sell the Products to Orion at the prices in Exhibit A.',
    { Orion: "buyer", Vantage: "supplier" },
  ],
  [
    'PARTS AGREEMENT\n\nThis Agreement is made between Orion Retail Corp. ("Orion") and Vantage Manufacturing LLC ("Vantage").\n\n1. Orion agrees to order Parts from Vantage by issuing purchase orders.',
    { Orion: "buyer", Vantage: "supplier" },
  ],
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
  // Who issues and who settles the invoices decides when both parties "provide" and "deliver" things; a rebate paid
  // back, or recall costs reimbursed, says nothing of who buys.
  [
    'COLOCATION AGREEMENT\n\nThis Agreement is made between Orion Data Centers Inc. ("Orion") and Vantage Genomics Inc. ("Vantage").\n\n1. Orion shall provide the Space and the Power. Vantage shall deliver its equipment to the Space and shall provide Orion with a power forecast. 2. Orion shall invoice the monthly charges in advance. Vantage shall pay each invoice within thirty days. 3. Orion shall pay Vantage a rebate of two percent of the annual charges above the threshold.',
    { Orion: "supplier", Vantage: "buyer" },
  ],
  [
    'OEM AGREEMENT\n\nThis Agreement is made between Orion Sensors Corp. ("Orion") and Vantage Home Inc. ("Vantage").\n\n1. Orion shall manufacture and sell to Vantage the Modules. 2. Vantage shall provide rolling forecasts. 3. Orion shall reimburse Vantage for all costs of a recall. Orion shall reimburse Vantage for replacement units. 4. Nothing limits Vantage\'s obligation to pay for Modules delivered.',
    { Orion: "supplier", Vantage: "buyer" },
  ],
  [
    'LIMITED POWER OF ATTORNEY\n\nOrion Capital LLC, a Delaware company (the "Adviser"), hereby appoints Vantage Services LLC, a Delaware company ("Vantage"), to act as its agent for the trades listed in Schedule 1.\n\n1. The Adviser ratifies all that Vantage does under this power.',
    { Adviser: "buyer", Vantage: "supplier" },
  ],
];

/**
 * Marketing, licensing and distribution deals: the party that is paid to promote, endorse, carry a sponsor's
 * brand or deliver content supplies a service; the party that buys product to resell, or pays royalties for a
 * licence or franchise, is the buyer.
 */
const COMMERCIAL_DEALS: [string, Record<string, string>][] = [
  [
    'SPONSORSHIP AGREEMENT\n\nThis Agreement is made between Orion Beverages Inc. ("Orion") and Vantage Racing LLC ("Vantage").\n\n1. Orion shall pay Vantage a sponsorship fee of $500,000 per season. 2. Vantage shall display the Orion logo on its race cars and provide the Sponsorship Benefits.',
    { Orion: "buyer", Vantage: "supplier" },
  ],
  [
    'SPONSORSHIP AGREEMENT\n\nThis Agreement is made between Orion Beverages Inc. ("Sponsor") and Vantage Racing LLC ("Team").\n\n1. Team shall display the Marks on its cars.',
    { Sponsor: "buyer", Team: "supplier" },
  ],
  [
    'ENDORSEMENT AGREEMENT\n\nThis Agreement is made between Orion Golf Inc. ("Orion") and Vantage Sports Management LLC ("Vantage").\n\n1. Vantage shall render endorsement services and appear at four promotional events each year. 2. Orion shall pay Vantage an annual endorsement fee.',
    { Orion: "buyer", Vantage: "supplier" },
  ],
  [
    'CO-PROMOTION AGREEMENT\n\nThis Agreement is made between Orion Pharma Inc. ("Orion") and Vantage Sales Inc. ("Vantage").\n\n1. Vantage shall promote the Product to physicians through its sales force. 2. Orion shall pay Vantage a promotion fee equal to twenty percent of Net Sales.',
    { Orion: "buyer", Vantage: "supplier" },
  ],
  [
    'DISTRIBUTOR AGREEMENT\n\nThis Agreement is made between Orion Devices Inc. ("Orion") and Vantage Trading Ltd ("Vantage").\n\n1. Orion appoints Vantage to distribute the Products in the Territory. 2. Vantage shall purchase the Products from Orion for resale. 3. Vantage shall pay each invoice within thirty days.',
    { Orion: "supplier", Vantage: "buyer" },
  ],
  [
    'LICENSE AGREEMENT\n\nThis Agreement is made between Orion Software Inc. ("Orion") and Vantage Retail Corp. ("Vantage").\n\n1. Orion grants Vantage a non-exclusive licence to use the Software. 2. Vantage shall pay Orion a royalty of five percent of Net Sales.',
    { Orion: "supplier", Vantage: "buyer" },
  ],
  [
    'FRANCHISE AGREEMENT\n\nThis Agreement is made between Orion Restaurants Inc. ("Orion") and Vantage Foods LLC ("Vantage").\n\n1. Orion grants Vantage a franchise to operate one restaurant at the Site. 2. Vantage shall pay Orion an initial franchise fee and a monthly royalty.',
    { Orion: "supplier", Vantage: "buyer" },
  ],
  [
    'SALES AGENCY AGREEMENT\n\nThis Agreement is made between Orion Tools Inc. ("Orion") and Vantage Representation LLC ("Vantage").\n\n1. Orion appoints Vantage as its sales agent to solicit orders for the Products. 2. Orion shall pay Vantage a commission of ten percent on each order accepted.',
    { Orion: "buyer", Vantage: "supplier" },
  ],
  [
    'CONTENT LICENSE AGREEMENT\n\nThis Agreement is made between Orion Broadcasting Inc. ("Orion") and Vantage Studios LLC ("Vantage").\n\n1. Vantage shall deliver the Programs to Orion. 2. Orion shall pay Vantage a license fee for each Program and may broadcast each Program twice.',
    { Orion: "buyer", Vantage: "supplier" },
  ],
];

describe("roles over the common kinds of deal", () => {
  it.each([...DEALS, ...COMMERCIAL_DEALS])("%s", async (text, want) => {
    const { parties } = await analyseText(text);
    const got = Object.fromEntries(Object.keys(want).map((k) => [k, parties.find((p) => (p.alias ?? p.name) === k)?.role]));
    expect(got).toEqual(want);
  });
});

/**
 * Deals with no buyer and no supplier: each party contributes to a venture they own together, or a company settles
 * with a shareholder. What they pay or provide there says nothing about who buys; a commercial cooperation deal
 * still has a buyer and a supplier.
 */
describe("deals without a buyer or a supplier", () => {
  const JOINT_VENTURE =
    'JOINT VENTURE AGREEMENT\n\nThis Agreement is made between Orion Motors Inc. ("Orion") and Vantage Components Ltd ("Vantage").\n\n1. Orion shall contribute the Technology and Vantage shall manufacture the Products for the Joint Venture Company. 2. Vantage shall pay its share of the registered capital. 3. Orion shall provide two directors.';
  const SHAREHOLDER_SETTLEMENT =
    'COOPERATION AGREEMENT\n\nThis Agreement is made between Orion Holdings Inc. (the "Company") and Vantage Capital LP ("Vantage").\n\n1. The Company shall appoint two directors before the 2021 Annual Meeting. 2. During the Standstill Period Vantage shall not solicit proxies, and the standstill ends at the next Annual Meeting. 3. The Company will reimburse Vantage for its expenses. 4. Vantage shall vote its shares for the nominees at the Annual Meeting.';
  const COMMERCIAL =
    'COOPERATION AGREEMENT\n\nThis Agreement is made between Orion Energy Co., Ltd. ("Orion") and Vantage Power Ltd ("Vantage").\n\n1. Vantage shall design, build and operate the power station for Orion. 2. Orion shall pay Vantage a monthly service fee.';
  it.each([
    [JOINT_VENTURE, { Orion: "unknown", Vantage: "unknown" }],
    [SHAREHOLDER_SETTLEMENT, { Company: "unknown", Vantage: "unknown" }],
    [COMMERCIAL, { Orion: "buyer", Vantage: "supplier" }],
  ])("%s", async (text, want) => {
    const { parties } = await analyseText(text);
    const got = Object.fromEntries(Object.keys(want).map((k) => [k, parties.find((p) => (p.alias ?? p.name) === k)?.role]));
    expect(got).toEqual(want);
  });
});

/**
 * Companies defined together as one side ("(collectively "Distributor")"): each member takes its side's role, and
 * the body's use of the group term speaks for all of them.
 */
describe("parties defined as groups", () => {
  const text =
    'DISTRIBUTION ADDENDUM\n\nThis Addendum is made between Orion Devices LLC ("Orion"), Orion Devices GmbH ("Orion Germany") (collectively "Maker") and Vantage Trading Inc. ("Vantage"), Vantage Trading Ltd ("Vantage UK") (collectively "Distributor").\n\nWHEREAS Distributor purchases Products from Maker.\n\n1. Distributor shall indemnify Maker against claims arising from its resale of the Products.';

  it("gives every member its group's role and keeps the group term off the party list", async () => {
    const { parties } = await analyseText(text);
    expect(parties.map((p) => [p.alias, p.role, p.group])).toEqual([
      ["Orion", "supplier", "Maker"],
      ["Orion Germany", "supplier", "Maker"],
      ["Vantage", "buyer", "Distributor"],
      ["Vantage UK", "buyer", "Distributor"],
    ]);
  });

  it("names the group as the party a clause is about, and the other group as the one it protects", async () => {
    const { facts } = await analyseText(text);
    const indemnity = facts.find((f) => f.topic === "indemnity");
    expect([indemnity?.burdenedParty, indemnity?.beneficiaryParty, indemnity?.burdened]).toEqual(["Distributor", "Maker", "buyer"]);
  });

  it("reads a group named inside the last member's brackets, and lets payment decide between the two sides", async () => {
    const { parties } = await analyseText(
      'COLLABORATION AGREEMENT\n\nThis Agreement is made between Orion Pharma AG ("Orion Basel") and Orion Pharma Inc. ("Orion US"; Orion Basel and Orion US together referred to as "Orion") and Vantage Diagnostics, Inc. ("Vantage").\n\nWHEREAS Orion has expertise in the development of medicines.\n\n1. Orion will provide samples to Vantage. 2. Vantage will develop the Assay. 3. Orion will pay Vantage the Development Costs within 30 days. 4. Orion will pay Vantage a milestone on approval.',
    );
    expect(parties.map((p) => [p.alias, p.role, p.group ?? null])).toEqual([
      ["Orion Basel", "buyer", "Orion"],
      ["Orion US", "buyer", "Orion"],
      ["Vantage", "supplier", null],
    ]);
  });

  it("does not take a party with its affiliates for a group", async () => {
    const { parties } = await analyseText(
      'SERVICES AGREEMENT\n\nThis Agreement is made between Orion Retail Corp. ("Orion"), Vantage Systems LLC ("Vantage") and Delta Holdings Inc. and its subsidiaries (collectively "Delta").\n\n1. Delta shall provide the Services.',
    );
    expect(parties.map((p) => p.alias)).toEqual(["Orion", "Vantage", "Delta"]);
  });
});

describe("the evidence a role quotes", () => {
  it("is a sentence that supports that role, not the strongest sentence about the party", async () => {
    // Orion performs once (supply) but pays three times: buyer, and the evidence must be a payment.
    const { parties } = await analyseText(
      'SUPPLY AND MARKETING AGREEMENT\n\nThis Agreement is made between Orion Fuels LLC ("Orion") and Vantage Marine Inc. ("Vantage").\n\n1. If Orion withdraws any volume, Orion shall supply alternative material. 2. Orion shall reimburse Vantage for any net loss. 3. Orion shall pay Vantage a share of the margin. 4. Orion shall pay the storage charges.',
    );
    const orion = parties.find((p) => p.alias === "Orion");
    expect([orion?.role, orion?.roleSource]).toEqual(["buyer", "payment"]);
    expect(orion?.roleEvidence).toMatch(/reimburse|pay/);
  });
});
