import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { buildContract } from "../src/ingest/contract.js";
import { findParties } from "../src/ingest/parties.js";
import { analyseText } from "./helpers.js";

const names = (text: string) => findParties(text, 3000).map((p) => `${p.name}=${p.alias ?? ""}`);

describe("finding the parties", () => {
  it("keeps a trading name written 'dba' without slashes inside the party's name", () => {
    const preamble =
      'This Hosting Agreement is made between Larkspur Networks, Inc. ("Larkspur") and Mellow Sounds, Inc., dba TuneShack.com a Nevada corporation ("TuneShack.com" or "Customer").';
    expect(names(preamble)).toEqual(["Larkspur Networks, Inc.=Larkspur", "Mellow Sounds, Inc., dba TuneShack.com=TuneShack.com"]);
  });

  it("does not give a term the name of a group member listed before it, nor keep a letter's title on a name", () => {
    const letter =
      'PLACEMENT AGREEMENT The undersigned, Osprey Securities Ltd. (the "Lead Agent"), Kite Capital Inc., and Merlin & Co. Ltd. (collectively with the Lead Agent, the "Agents") understand that Harrier Health Inc. (the "Corporation") proposes to issue shares.';
    // The members listed between the two terms are parties known by their names.
    expect(names(letter)).toEqual([
      "Osprey Securities Ltd.=Lead Agent",
      "Kite Capital Inc.=",
      "Merlin & Co. Ltd.=",
      "Harrier Health Inc.=Corporation",
    ]);
  });

  it("keeps each company of a group defined by one term ('A Inc., A GmbH and A S.A. (collectively, \"Supplier\")') as a party of its own", () => {
    const text =
      'This Supply Agreement is made by and among Quarry Lane Inc., Quarry Lane GmbH and Quarry Lane (Suzhou) Co., Ltd. (collectively, "Supplier"), and Ostrava Rail AG and Ostrava Rail Polska Sp. z o.o. (together, "Buyer").';
    const parties = findParties(text, 3000);
    expect(parties.map((p) => `${p.name}=${p.alias ?? ""}/${p.group ?? ""}/${p.role}`)).toEqual([
      "Quarry Lane Inc.=Supplier/Supplier/supplier",
      "Quarry Lane GmbH=/Supplier/supplier",
      "Quarry Lane (Suzhou) Co., Ltd.=/Supplier/supplier",
      "Ostrava Rail AG=Buyer/Buyer/buyer",
      "Ostrava Rail Polska Sp. z o.o.=/Buyer/buyer",
    ]);
    // One company with its affiliates is still one party.
    expect(
      names('This Agreement is between Harlow Mills Ltd. and its Affiliates (together, "Harlow") and Pell Foods plc ("Pell").'),
    ).toEqual(["Harlow Mills Ltd.=Harlow", "Pell Foods plc=Pell"]);
  });

  it("reads the English form: a PARTIES heading, numbered paragraphs each ending with its term in brackets", () => {
    const text = [
      "THIS AGREEMENT is dated 2 June 2023",
      "",
      "PARTIES",
      "",
      "(1) MARSHFIELD FACILITIES LIMITED incorporated and registered in England and Wales with company number 01234567 whose registered office is at 8 Quay Street, Bristol BS1 4DB (Contractor).",
      "",
      '(2) FENWICK DISTRICT COUNCIL of Civic Hall, Fenwick ("the Council").',
      "",
      "BACKGROUND",
      "",
      "(A) The Council wishes to have its leisure centres cleaned.",
    ].join("\n");
    // The Council's role follows from the Contractor's: the other side of a two-party deal.
    expect(buildContract("deal.txt", "text", text).parties.map((p) => `${p.name}=${p.alias}/${p.role}`)).toEqual([
      "MARSHFIELD FACILITIES LIMITED=Contractor/supplier",
      "FENWICK DISTRICT COUNCIL=Council/buyer",
    ]);
  });

  it("reads a class of parties named on the signature pages ('each purchaser identified on the signature pages')", () => {
    const text = [
      'This Subscription Agreement is dated as of May 2, 2016, between Lantern Bio, Inc., a Delaware corporation (the "Company"), and each investor identified on the signature pages hereto (each, an "Investor" and collectively the "Investors").',
      "",
      "1. Each Investor shall pay the Company the subscription price for its Shares.",
      "",
      "IN WITNESS WHEREOF, the parties have signed this Agreement.",
      "",
      "LANTERN BIO, INC.",
      "By: /s/ Rita Vance",
      "",
      "INVESTOR:",
      "CEDAR HOLLOW FUND, L.P.",
      "By: /s/ Max Ortiz",
      "",
      "INVESTOR:",
      "NORTH SPIT CAPITAL LLC",
      "By: /s/ Ed Park",
    ].join("\n");
    expect(findParties(text, 3000).map((p) => `${p.name}=${p.alias ?? ""}/${p.group ?? ""}`)).toEqual([
      "Lantern Bio, Inc.=Company/",
      "CEDAR HOLLOW FUND, L.P.=Investor/Investors",
      "NORTH SPIT CAPITAL LLC=/Investors",
    ]);
  });

  it("keeps a person the English form lists with no term of their own, and gathers the list under its group term", () => {
    const text = [
      "SHAREHOLDERS' AGREEMENT dated 9 October 2019",
      "",
      "BETWEEN:",
      "",
      '(1) HOLLINS BAKERY LIMITED, a company incorporated in England with number 02345678 ("Hollins");',
      "",
      "(2) MARGARET ANNE HOLLINS of 7 Mill Street, York; and",
      "",
      '(3) TEESDALE NOMINEES LIMITED ("Teesdale"),',
      "",
      '(each a "Shareholder" and together the "Shareholders").',
      "",
      "IT IS AGREED as follows.",
    ].join("\n");
    expect(findParties(text, 3000).map((p) => `${p.name}=${p.alias ?? ""}/${p.group ?? ""}`)).toEqual([
      "HOLLINS BAKERY LIMITED=Hollins/Shareholders",
      "TEESDALE NOMINEES LIMITED=Teesdale/Shareholders",
      "MARGARET ANNE HOLLINS=/Shareholders",
    ]);
  });

  it("keeps the provisions a party signs for out of its name ('solely for purposes of Section 10.4, Article 12 and Article 14, …')", () => {
    const text =
      'This Agreement is made by and among WILLET BANCORP, INC., a Pennsylvania corporation ("Customer"), SHRIKE SERVICES LLC, a Delaware limited liability company ("Supplier"), and, solely for purposes of Section 10.4, Article 12 and Article 14, SHRIKE HOLDINGS, INC., a Delaware corporation ("Guarantor").';
    expect(names(text)).toEqual(["WILLET BANCORP, INC.=Customer", "SHRIKE SERVICES LLC=Supplier", "SHRIKE HOLDINGS, INC.=Guarantor"]);
  });

  it("drops the possessive from a name a lone clause defines a term for", () => {
    const doc = buildContract(
      "clause.txt",
      "text",
      '9.2 Tolvik Marine, Inc.\'s ("Tolvik") aggregate liability under this Agreement shall not exceed the Charges.\n',
    );
    expect(doc.parties.map((p) => [p.name, p.alias])).toEqual([["Tolvik Marine, Inc.", "Tolvik"]]);
  });

  it("does not take the title of the person who signs for one party as the name of the next party", () => {
    const text =
      "This Agreement is made BETWEEN Ardent Pumps Inc., a Delaware corporation (hereinafter 'Ardent'), acting through Mr. J. Rowe, its authorised signatory and Director of European Sales, AND KESSLER FLUID SYSTEMS LIMITED, a company incorporated in England (hereinafter 'Kessler').";
    expect(names(text)).toEqual(["Ardent Pumps Inc.=Ardent", "KESSLER FLUID SYSTEMS LIMITED=Kessler"]);
  });

  it("does not list a part either party plays, or a set of terms, as a party", () => {
    const nda =
      'This Agreement is made between Plover Ltd ("Plover") and Gannet Inc. ("Gannet"). It allows each party ("Discloser") to disclose information to the other party ("Recipient").';
    expect(names(nda)).toEqual(["Plover Ltd=Plover", "Gannet Inc.=Gannet"]);
    const terms = 'These Event Terms ("Event Terms") are an agreement between Heron Inc. ("Heron") and you.';
    expect(names(terms)).toEqual(["Heron Inc.=Heron"]);
  });

  it("reads a web address used as a company's name, and a form's reader 'you as an \"Affiliate\"'", () => {
    const dotcom =
      'This Sponsorship Agreement is made by and between plover.com, inc., a Delaware corporation ("plover.com"), and Gannet Foods, Inc. ("Sponsor").';
    expect(names(dotcom)).toEqual(["plover.com, inc.=plover.com", "Gannet Foods, Inc.=Sponsor"]);
    const form =
      'THIS AGREEMENT sets out the terms agreed between Heron Bank, N.A. ("Heron") and you as an "Affiliate" in the Heron Affiliate Program. Affiliate shall place links on its site. Affiliate will not alter the banners. Heron will pay Affiliate a fee for each account opened.';
    expect(names(form)).toEqual(["Heron Bank, N.A.=Heron", "Affiliate=Affiliate"]);
  });

  it("takes the person a loan-out company furnishes for another name of that company, not a party", () => {
    const text =
      'This Endorsement Agreement is made by and among the following parties:\n\n(a) Plover Talent, Inc. ("PT Inc."), furnishing the services of Jane Plover ("JP"), 12 Hill Road, Austin; and\n\n(b) Gannet Eyewear LLC ("Gannet"), 4 Arch Street, Boston.';
    const parties = findParties(text, 3000);
    expect(parties.map((p) => [p.alias, p.otherTerms ?? []])).toEqual([
      ["PT Inc.", ["JP"]],
      ["Gannet", []],
    ]);
  });

  it("reads a role word in brackets after a 'Party A' label, and a second party's term in brackets without quotes", () => {
    const labels =
      "Road Transportation Agreement\nParty A (Shipper): Heron Express Co., Ltd. Address: 1 Lake Road\nParty B (Carrier): Osprey Logistics Ltd. Address: 2 Hill Road\n\nParty B shall carry the parcels. Party A shall pay Party B the freight. Party A may inspect the parcels.";
    expect(findParties(labels, 3000).map((p) => `${p.name}=${p.alias}:${p.role}`)).toEqual([
      "Heron Express Co., Ltd=Party A:buyer",
      "Osprey Logistics Ltd=Party B:supplier",
    ]);
    const bare =
      'THIS AGREEMENT is made by and between Plover Health, Inc, a Nevada corporation ("Plover") and Gannet Care Organization (GCO) A Texas Corporation whose address is 9 Hill Road. GCO shall refer members. GCO will promote the portal. GCO may use the marks.';
    expect(names(bare)).toEqual(["Plover Health, Inc=Plover", "Gannet Care Organization=GCO"]);
  });

  it("reads two company names each followed by its particulars, with no defined terms", () => {
    const text =
      "JOINT VENTURE AGREEMENT BETWEEN PLOVER BIOPHARMA Inc., a Delaware Company, 7 Fannin St., Houston, in person of its Chief Executive Officer AND GANNET PHARMA S.R.L. an Italian Company stated in Campobasso, in person of its Legal Representative; each a Party and, together, the Parties. WHEREAS Plover researches medicines.";
    expect(names(text)).toEqual(["PLOVER BIOPHARMA Inc.=", "GANNET PHARMA S.R.L.="]);
  });

  it("reads two company names whose form is set off by a comma (', Inc.'), with no defined terms", () => {
    const text =
      "SUPPLY AGREEMENT This Supply Agreement is made as of May 2, 2020 between Quillon Devices, Inc., a Delaware corporation with offices at 4 Elm Road, Austin, Texas, and Marsh Optics, LLC, an Ohio limited liability company. 1. Supply. Quillon shall sell the Units to Marsh.";
    expect(names(text)).toEqual(["Quillon Devices, Inc.=", "Marsh Optics, LLC="]);
  });

  it("reads a name in capitals wrapped onto the next line, and a group term after 'together with X, collectively,'", () => {
    const text =
      'This Agreement is made by and among PELICAN MUTUAL HOLDINGS, INC., a Delaware corporation ("Holdings"), PELICAN CLAIMS\nSERVICES, LLC, a Delaware limited liability company ("PCS" and, together with Holdings, collectively, "Client"), and ORBIT CODE WORKS, INC. (hereinafter "Vendor"). Client shall pay Vendor the Fees.';
    const parties = findParties(text, 3000);
    expect(parties.map((p) => `${p.name}=${p.alias}:${p.group ?? ""}`)).toEqual([
      "PELICAN MUTUAL HOLDINGS, INC.=Holdings:Client",
      "PELICAN CLAIMS SERVICES, LLC=PCS:Client",
      "ORBIT CODE WORKS, INC.=Vendor:",
    ]);
  });

  it('reads parties defined by pronouns alone, \'("we," "us" or "our")\' and \'("you" or "your")\'', () => {
    const text =
      'This letter sets out the terms on which Kestrel Studio, LLC ("we," "us" or "our") will design packaging for Marlow Teas, Inc. ("you" or "your"). You will pay our fees. We will deliver the designs.';
    const parties = findParties(text, 3000);
    expect(parties.map((p) => `${p.name}:${p.otherTerms?.[0] ?? ""}`)).toEqual(["Kestrel Studio, LLC:we", "Marlow Teas, Inc.:you"]);
  });

  it("reads terms of service whose parties are defined in a definitions list, and gives the company offering them the supplier's role", async () => {
    const text = [
      "Welcome to Wrenfield! Please read these terms before you use the service.",
      "",
      "1. Definitions",
      '1. "Wrenfield," "We," and "Us" refer to Wrenfield Labs, Inc., with its affiliates.',
      '2. "The Member," "You," and "Your" refer to the person or company that uses the Service.',
      "",
      "2. Fees",
      "You may cancel your Account at any time. Our liability to you shall not exceed the amounts you paid in the last twelve months.",
    ].join("\n");
    expect(names(text)).toEqual(["Wrenfield Labs, Inc.=Wrenfield", "Member=Member"]);
    const { parties } = await analyseText(text);
    expect(parties.map((p) => `${p.alias}:${p.role}:${p.roleSource}`)).toEqual([
      "Wrenfield:supplier:standard-terms",
      "Member:buyer:counterpart",
    ]);
    // Another agreement named in the body is not this one's preamble.
    const body =
      "6. Confidentiality. These duties apply in addition to any successor nondisclosure agreement between Partner and Corvid Corporation or its affiliates.";
    expect(names(body)).not.toContain("Corvid Corporation or its affiliates=");
  });

  it("does not list a third party a click-through names, and finds its reader from 'you are agreeing to be bound'", () => {
    const text =
      'Welcome to the Larkspur Exchange. Although it is offered by Larkspur Labs, Inc. ("Larkspur", "we", "us"), apps on it may be built by the third party licensor of that app (the "App Maker"). By using the Exchange, you are agreeing to be bound by these Exchange Terms. You will pay for the apps you choose. Your use of an app is also subject to its own terms.';
    expect(names(text)).toEqual(["Larkspur Labs, Inc.=Larkspur", "you=you"]);
  });

  it("reads the company and the reader of terms that only say 'made available to you by X'", () => {
    const text =
      "These terms apply to the preview software made available to you by Quillon. Quillon may change the software at any time. You may use the software for testing. Your feedback helps us.";
    expect(names(text)).toEqual(["Quillon=Quillon", "you=you"]);
  });

  it("reads pronoun-defined parties in a letter whose first sentence opens with other words ('Following your proposal …')", async () => {
    // A letter from the written set: the preamble read once took "Following your proposal dated" for the name of "you".
    const text = (await readFile("tools/gold/written/txt/w16-cleaning-services-letter.txt", "utf8")).slice(0, 1200);
    const parties = buildContract("letter.txt", "text", text).parties;
    expect(parties.map((p) => `${p.name}:${p.otherTerms?.[0] ?? ""}`)).toEqual([
      "Brightwater Commercial Cleaning LLC:you",
      "Pellam Biosciences, Inc.:we",
    ]);
  });

  it("reads a term given to a party together with its subsidiaries ('(together with its subsidiaries …, the \"Customer\")')", () => {
    const text =
      'This Agreement is made between VAULTLINE STORAGE, INC., a New Jersey corporation (the "Company"), and HARGROVE BANCORP, a Delaware corporation (together with its subsidiaries listed in\nSchedule 1, the "Customer").';
    expect(names(text)).toEqual(["VAULTLINE STORAGE, INC.=Company", "HARGROVE BANCORP=Customer"]);
  });

  it("adds the other party named only by its role word also in a preamble after a table of contents", () => {
    const toc = Array.from({ length: 120 }, (_, i) => `${i + 1}. SECTION HEADING NUMBER ${i + 1} ....................... ${i + 2}`).join(
      "\n",
    );
    const text = `FRANCHISE AGREEMENT\n\nTABLE OF CONTENTS\n${toc}\n\nThis agreement is made and entered into this day of , 19 by and between Plover Time, Inc., a Pennsylvania corporation (hereinafter referred to as Plover Time) and Franchisee (as defined below) who hereby agrees to the following:\n\n1. Franchisee shall pay the fee. Franchisee shall open the store. Franchisee may not assign.`;
    expect(buildContract("f.txt", "text", text).parties.map((p) => `${p.alias}:${p.role}`)).toEqual([
      "Plover Time:supplier",
      "Franchisee:buyer",
    ]);
  });

  it("adds the other party when the preamble names it only by its role word", () => {
    const text =
      'This Content License Agreement is between Lark Music, Inc., of 2 Hill Road ("Lark"), and Distributor, as set forth below, under which Distributor will show the Programming. Distributor shall pay Lark. Distributor may not copy the Programming.';
    expect(findParties(text, 3000).map((p) => `${p.name}=${p.alias}:${p.role}`)).toEqual([
      "Lark Music, Inc.=Lark:unknown",
      "Distributor=Distributor:buyer",
    ]);
  });

  it("reads parties given as 'Party A:' and 'Party B:' labels when the body uses the labels", () => {
    const text =
      "Cooperation Agreement\nParty A: Heron Grid Technology Co., Ltd. Address: 4 River Road, Wuxi\nLegal Representative of Party A: Name: Li Ming\nParty B: Osprey Gas Supply Co., Ltd. Address: 9 Hill Street\n\nParty A shall build the plant. Party B shall supply gas to Party A. Party B shall pay Party A the fee.";
    expect(names(text)).toEqual(["Heron Grid Technology Co., Ltd=Party A", "Osprey Gas Supply Co., Ltd=Party B"]);
  });

  it("does not take an amendment's number, or the document's own short name, for a party", () => {
    const text =
      'This Amendment No. 2 ("Amendment No. 2") to the Reseller Agreement, by and between Quill Systems, Inc. ("Quill") and Tern Supply LLC ("Reseller"). This Joint Supply Agreement ("JSA") is made between Quill and Tern.';
    expect(names(text)).toEqual(["Quill Systems, Inc.=Quill", "Tern Supply LLC=Reseller"]);
  });

  it("reads a defined term written with a space after the bracket, and a name that opens with a small letter", () => {
    const text =
      'This Supply Agreement is made by and between PLOVER, INC., having a place of business at 1 Main Street, Springfield 94608( "Plover") and kTern Systems Ltd., a Delaware corporation ("kTern"). Plover shall supply the Products. kTern shall pay Plover.';
    expect(names(text)).toEqual(["PLOVER, INC.=Plover", "kTern Systems Ltd.=kTern"]);
  });

  it("reads a defined term whose quotes were turned into question marks", () => {
    const text =
      "This Agreement is made between Plover Bank USA, N.A. (?Plover?) and Gannet Media LLC (?Gannet?). Plover shall pay Gannet.";
    expect(names(text)).toEqual(["Plover Bank USA, N.A.=Plover", "Gannet Media LLC=Gannet"]);
  });

  it("takes 'Affiliate' or 'Agency' for a party's term when a company's name stands before it", () => {
    const text =
      'This Affiliation Agreement is by and between Heron Music Network, Inc., a Florida corporation (the "Network"), and Gannet Broadcasting Company, a Delaware corporation ("Affiliate"). Affiliate shall carry the Service. Affiliate may not edit the Service. Network shall deliver the Service.';
    expect(names(text)).toEqual(["Heron Music Network, Inc.=Network", "Gannet Broadcasting Company=Affiliate"]);
    // Without a company's name the word still names a class, not a party.
    const cls = 'This Agreement is between Heron Music Network, Inc. ("Network") and each of its affiliates (each an "Affiliate").';
    expect(names(cls)).toEqual(["Heron Music Network, Inc.=Network"]);
  });

  it("keeps a salutation, a title and an address out of a party's name", () => {
    const text =
      'CONSULTING AGREEMENT Wren Biotech, Inc. ("Wren") and Finch Labs GmbH, Hauptstrasse 3, 8001 Zurich ("Consultant") agree as follows.\nWHEREAS Wren needs advice.';
    expect(names(text)).toEqual(["Wren Biotech, Inc.=Wren", "Finch Labs GmbH=Consultant"]);
    const letter = 'Gentlemen: Plover Holdings, Inc., a Maryland corporation (the "Company"), confirms its agreement with you.';
    expect(names(letter)).toEqual(["Plover Holdings, Inc.=Company"]);
  });

  it("reads a preamble that sits after a cover page and a long table of contents", () => {
    const toc = Array.from({ length: 120 }, (_, i) => `Section ${i + 1}.01 Heading number ${i + 1}    ${i + 3}`).join("\n");
    const text = `SUPPORT AGREEMENT\nNORTHWIND LLC and LAKESIDE LLC\n\nTABLE OF CONTENTS\n${toc}\n\nThis SUPPORT AGREEMENT is entered into as of 1 May 2024 by and between Northwind LLC, a Delaware limited liability company (the "Client"), and Lakeside LLC, an Ohio limited liability company (the "Contractor").\n\nRECITALS\n\nWHEREAS, the Client wishes to engage the Contractor.`;
    expect(names(text)).toEqual(["Northwind LLC=Client", "Lakeside LLC=Contractor"]);
  });

  it("reads a preamble that runs past the usual cut, up to the recitals", () => {
    const notice = "THIS DOCUMENT HAS BEEN REDACTED. ".repeat(190);
    const text = `${notice}\nTHIS AGREEMENT is\n\nBETWEEN:\n\nOrbit Labs Inc., a company with offices in Boston ("Customer")\n\nAND:\n\nKestrel AG, a company with offices in Basel ("Supplier").\n\nWHEREAS:\n\nA. Customer owns a product.`;
    expect(names(text)).toEqual(["Orbit Labs Inc.=Customer", "Kestrel AG=Supplier"]);
  });

  it("names the parties of an agreement between two names with no defined terms", () => {
    const text =
      "Managed Hosting Agreement\n\nThis is a managed hosting agreement between BrightShop.com and blue harbour systems. The term is twelve months.";
    expect(names(text)).toEqual(["BrightShop.com=", "blue harbour systems="]);
  });

  it("does not take a description for a name in that form", () => {
    const text = "This agreement is made between the parties and their affiliates. The term is twelve months.";
    expect(findParties(text, 3000).every((p) => !/parties/i.test(p.name))).toBe(true);
  });

  it("accepts a defined term whose closing quote was lost", () => {
    const text =
      'THIS AGREEMENT is entered into by and between Alder Inc, a Nevada corporation (hereinafter, "Alder"), and Birch Corp., a California corporation (hereinafter, "BIRCH). WHEREAS, Birch hosts services.';
    expect(names(text)).toEqual(["Alder Inc=Alder", "Birch Corp.=BIRCH"]);
  });

  it("reads a party introduced by 'that' or 'appoints' in a power of attorney", () => {
    const text =
      'KNOW ALL PERSONS BY THESE PRESENTS, dated as of 1 March 2020, that Pine Capital Company, a Delaware trust (the "Adviser"), hereby appoints Cedar Services Company, a Delaware trust ("Cedar"), to act as its agent.';
    expect(names(text)).toEqual(["Pine Capital Company=Adviser", "Cedar Services Company=Cedar"]);
  });

  it("keeps a party whose name is a blank in a form, by its defined term, when the body uses it as a party", () => {
    const text =
      'ESCROW AGREEMENT\n\nBetween:\n\n(1) [ ] whose registered office is at [ ] ("the Owner");\n\n(2) Vault Escrow Ltd whose registered office is at 1 High Street ("Vault").\n\nBackground:\n\n(A) The Owner shall deposit the material. The Owner will pay the fees. Vault shall hold the material.';
    expect(names(text)).toEqual(["Owner=Owner", "Vault Escrow Ltd=Vault"]);
  });

  it("does not turn a defined term the body never uses as a party into one", () => {
    const text =
      'This Agreement is made between [ ] (the "Widget Scheme") and Vault Escrow Ltd ("Vault").\n\nWHEREAS Vault holds material.';
    expect(names(text)).toEqual(["Vault Escrow Ltd=Vault"]);
  });

  it("reads a term shared by two companies ('each and both of them \"Recipient\"')", () => {
    const text =
      'This Services Agreement is made by and between Lumen Ltd (the "Provider"), and Alpha Pte Ltd, a Singapore company, and Beta Ltd, an Israeli company (each and both of them "Recipient").\n\nRECITALS\n\nA. Recipient wishes to engage the Provider.';
    expect(findParties(text, 3000).map((p) => p.alias)).toEqual(["Provider", "Recipient"]);
  });

  it("reads defined terms whose quotes were lost, in a preamble dated 'Nov. 02, 2019' after a table of contents", () => {
    const toc = Array.from({ length: 40 }, (_, i) => `Article ${i + 1} Heading ${i + 1}`).join("\n");
    const text = `${toc}\n\nThis LICENSE AGREEMENT (this Agreement) is entered into effective as of Nov. 02, 2019 (the Effective Date) by and between Quill IP AG, having its place of business at [***] (Quill) and Marten Bio, Inc., having its principal place of business at 1 Main Street, Springfield, USA (Licensee).\n\nWHEREAS Quill owns patents.`;
    expect(findParties(text, 3000).map((p) => `${p.name}=${p.alias}`)).toEqual(["Quill IP AG=Quill", "Marten Bio, Inc.=Licensee"]);
  });

  it("does not list the offering, the units or an addendum defined in a preamble as parties", () => {
    const text = [
      'This Agency Agreement is made between Harbor Savings Corporation (the "Company") and Lantern Securities LLC (the "Agent").',
      'The Offering. The Company is offering 1,000,000 shares (the "Offering"). Each unit consists of one share and one warrant (the "Units").',
      "The Agent agrees to use its best efforts to sell the shares. The Company shall pay the Agent a fee of 5%.",
    ].join("\n");
    expect(findParties(text, 3000).map((p) => p.alias)).toEqual(["Company", "Agent"]);
  });

  it("keeps a party that is named like one or acts like one, and cuts the sentence off its name", () => {
    const text = [
      'AGREEMENT between NIGEL PRICE of 4 Mill Lane ("Employee") and Quarry Works Ltd. is ("Company").',
      "You must read the handbook. The Company shall pay your salary monthly.",
    ].join("\n");
    expect(findParties(text, 3000).map((p) => `${p.name}=${p.alias}`)).toEqual(["NIGEL PRICE=Employee", "Quarry Works Ltd.=Company"]);
  });
});

describe("preambles that list several companies", () => {
  const PREAMBLE =
    'NON-COMPETITION AGREEMENT This Agreement, dated as of May 1, 2020, is entered into by Kestrel Chemical Corporation ("Buyer"), a Pennsylvania corporation, Wren Lubricants Ltd., a company incorporated in Bermuda ("Wren"), and Finch Oil Limited, a public company incorporated in India ("Finch" and, together with Wren, the "Sellers" and each of them, individually and in its own name, a "Seller"). In addition, Finch Lubricants India, Ltd, a public limited company incorporated in India ("Finch India"), signs this Agreement for Section 1(c) only.';

  it("starts a name after the description of the party before it, and after a linking word", () => {
    expect(names(PREAMBLE)).toEqual([
      "Kestrel Chemical Corporation=Buyer",
      "Wren Lubricants Ltd.=Wren",
      "Finch Oil Limited=Finch",
      "Finch Lubricants India, Ltd=Finch India",
    ]);
  });

  it("reads a group's term in a long bracket, and its role from the plural ('the Sellers')", () => {
    const parties = findParties(PREAMBLE, 3000);
    expect(parties.filter((p) => p.group === "Sellers").map((p) => [p.alias, p.role])).toEqual([
      ["Wren", "supplier"],
      ["Finch", "supplier"],
    ]);
  });

  it("trap: a table of contents run on before the preamble never becomes a name", () => {
    const text =
      '15.5 Obligations of Heron/Egret 32 15.6 Separability 32 15.7 Compliance with Laws 33 STRATEGIC ALLIANCE AGREEMENT This Agreement is entered into by and among Heron Banking Corporation ("Heron"), a Japanese corporation, and Egret Holdings LP ("Egret").';
    expect(names(text)).toEqual(["Heron Banking Corporation=Heron", "Egret Holdings LP=Egret"]);
  });
});

describe("terms the preamble does not define", () => {
  it("reads a short form in capitals the body uses for a party named without a term", () => {
    const text = [
      "AFFILIATE AGREEMENT This Agreement is entered into by and between Lark Plus Corporation and Osprey, LLC.",
      "WHEREAS, LKPL has developed radio devices. WHEREAS, LKPL and Osprey wish to cooperate.",
      "3.1 LKPL shall have the exclusive right to sell the Products abroad. 3.2 LKPL will pay Osprey a fee. 3.3 Osprey shall support LKPL.",
    ].join("\n");
    const lark = findParties(text, 3000).find((p) => p.name === "Lark Plus Corporation");
    expect(lark?.otherTerms).toEqual(["LKPL"]);
  });

  it("trap: a short form that fits both parties' names, or is used only once, names no one", () => {
    const text =
      "This Agreement is made between Lark Plus Corporation and Lark Partners Ltd. The LP committee meets monthly. LP shall report. LP will vote. LP may act.";
    expect(findParties(text, 3000).every((p) => (p.otherTerms ?? []).length === 0)).toBe(true);
  });

  it("keeps reading a name across a line that runs on in small letters", () => {
    const text =
      'This Agreement is by and among Kite Capital Ltd., a Cayman Islands company ("Kite"), Percy Rock LLC, a Michigan limited\nliability company ("Percy Rock"), and Heron Holdings, Inc. (the "Company").';
    expect(names(text)).toEqual(["Kite Capital Ltd.=Kite", "Percy Rock LLC=Percy Rock", "Heron Holdings, Inc.=Company"]);
  });

  it("reads a defined term that a line break splits", () => {
    const text =
      'This Agreement is entered into by and between Bank of America, N.A. ("Bank\nof America"), a national banking association, and Heron Systems Inc. ("Supplier").';
    expect(names(text)).toEqual(["Bank of America, N.A.=Bank of America", "Heron Systems Inc.=Supplier"]);
  });
});

describe("roles when both parties' words point the same way", () => {
  it("lets what each party does decide, instead of leaving both unknown", () => {
    const text = [
      'THIS SERVICES AGREEMENT is made between Pine Capital Company, a Delaware trust (the "Adviser"), and Cedar Services Company, a Delaware trust ("Cedar").',
      "WHEREAS, the Adviser desires to engage Cedar to provide research services to the Adviser;",
      "NOW, THEREFORE, the parties agree as follows:",
      "1. Services. Cedar agrees to provide the services listed in Exhibit A.",
      "2. Fees. The Adviser agrees to pay Cedar the fees set out in Exhibit B.",
    ].join("\n");
    const doc = buildContract("a.txt", "text", text);
    const roles = Object.fromEntries(doc.parties.map((p) => [p.alias, p.role]));
    expect(roles).toEqual({ Adviser: "buyer", Cedar: "supplier" });
  });

  it("leaves both unknown when nothing separates them", () => {
    const text =
      'THIS AGREEMENT is made between Pine Vendor Co (the "Vendor"), and Cedar Supply Co (the "Supplier").\nWHEREAS, the parties wish to cooperate.\n1. Term. This agreement lasts one year.';
    const doc = buildContract("b.txt", "text", text);
    expect(doc.parties.map((p) => p.role)).toEqual(["unknown", "unknown"]);
  });

  it("reads the buyer from who agrees to pay the fees, and the supplier from whose services are provided", () => {
    const text = [
      "MAINTENANCE AGREEMENT",
      "This Agreement is made between Northfield Bank and Corvid Systems.",
      "The maintenance provided by Corvid Systems covers the software.",
      "Northfield Bank agrees to pay fees of $40 per month for each branch.",
    ].join("\n");
    const doc = buildContract("c.txt", "text", text);
    expect(doc.parties.map((p) => [p.name, p.role])).toEqual([
      ["Northfield Bank", "buyer"],
      ["Corvid Systems", "supplier"],
    ]);
  });

  it("reads roles from the two parties together when neither is clear alone", () => {
    const text = [
      "HOSTING AGREEMENT",
      "This Agreement is made between Ferncliff Trading and Slate Hosting.",
      "Slate Hosting shall host the web site on its servers.",
      "Ferncliff Trading shall pay the invoices within 30 days.",
    ].join("\n");
    const doc = buildContract("d.txt", "text", text);
    expect(doc.parties.map((p) => [p.name, p.role])).toEqual([
      ["Ferncliff Trading", "buyer"],
      ["Slate Hosting", "supplier"],
    ]);
  });

  it("lets a role word decide when the other party's conduct says little", () => {
    const text = [
      'This Agency Agreement is made between Harbor Savings Corporation (the "Company") and Lantern Securities LLC (the "Agent").',
      "WHEREAS the Company intends to issue shares.",
      "1. The Company shall deliver the share certificates to purchasers.",
    ].join("\n");
    const doc = buildContract("e.txt", "text", text);
    expect(Object.fromEntries(doc.parties.map((p) => [p.alias, p.role]))).toEqual({ Company: "buyer", Agent: "supplier" });
  });

  it("reads a shipper as the buyer of a transporter's service", () => {
    const text = 'TRANSPORTATION AGREEMENT between Delta Gas LLC ("Shipper") and Ridge Pipeline LLC ("Transporter").';
    expect(buildContract("f.txt", "text", text).parties.map((p) => p.role)).toEqual(["buyer", "supplier"]);
  });
});

describe("letter agreements", () => {
  const letter = (salutation: string, body: string) =>
    [
      "REMARKETING AGREEMENT",
      "",
      "March 3, 2011",
      "",
      "Northgate Securities LLC  12 Harbour Street  Boston, MA 02110",
      "",
      salutation,
      "",
      body,
    ].join("\n");

  it("reads the company a letter is addressed to as a party, with the term the body gives it", () => {
    const text = letter(
      "Ladies and Gentlemen:",
      'Copperline Holdings, Inc. (the "Company") hereby appoints Northgate Securities LLC as exclusive remarketing agent (the "Remarketing Agent"), and the Remarketing Agent accepts.',
    );
    const doc = buildContract("l.txt", "text", text);
    const agent = doc.parties.find((p) => p.name === "Northgate Securities LLC");
    expect(agent?.alias).toBe("Remarketing Agent");
    expect(agent?.role).toBe("supplier");
    expect(doc.parties.map((p) => p.alias)).toContain("Company");
  });

  it("trap: an addressee already named in the opening sentence is not listed twice", () => {
    const text = letter(
      "Dear Sirs:",
      'Copperline Holdings, Inc. (the "Company") and Northgate Securities LLC ("Northgate") agree as follows. 1. Northgate shall remarket the securities.',
    );
    const names = buildContract("m.txt", "text", text).parties.map((p) => p.name);
    expect(names.filter((n) => n.startsWith("Northgate"))).toHaveLength(1);
  });

  it("trap: without a salutation, an address block is not a party", () => {
    const text = [
      "SERVICES AGREEMENT",
      "",
      "Notices: Northgate Securities LLC  12 Harbour Street  Boston",
      "",
      'This Agreement is made between Copperline Holdings, Inc. (the "Customer") and Brightwater Data Ltd (the "Supplier").',
    ].join("\n");
    expect(buildContract("n.txt", "text", text).parties.map((p) => p.alias)).toEqual(["Customer", "Supplier"]);
  });
});

describe("deal summaries printed as forms", () => {
  const form = [
    "SPONSORSHIP AGREEMENT SUMMARY",
    "",
    "SPONSOR:        Name: Harbor Taco Kitchens   Phone: 555-0100   Address: 12 Dock Road",
    "",
    'SPONSORSHIP BENEFITS:        Lakeside Stadium Funding LLC ("LSF") shall provide Sponsor with the following benefits.',
    "",
    "ANNUAL PAYMENT: Sponsor shall pay the fee to LSF. Sponsor agrees to the General Provisions.",
  ].join("\n");

  it("reads the party a form labels by its caption, and the name after a caption in capitals", () => {
    const doc = buildContract("s.txt", "text", form);
    const byTerm = Object.fromEntries(doc.parties.map((p) => [p.alias, p.name]));
    expect(byTerm).toMatchObject({ LSF: "Lakeside Stadium Funding LLC", Sponsor: "Harbor Taco Kitchens" });
    expect(doc.parties.find((p) => p.alias === "Sponsor")?.role).toBe("buyer");
  });

  it("trap: a form's fields never become part of a party's name", () => {
    const names = buildContract("s.txt", "text", form).parties.map((p) => p.name);
    expect(names.some((n) => /Phone:|Name:|Address:|BENEFITS/.test(n))).toBe(false);
  });
});

describe("letter agreements written as 'we' and 'you'", () => {
  const letter = [
    "HALCYON PRINT LIMITED",
    "8 Quay Road, Bristol",
    "",
    "4 May 2021",
    "",
    "Mr Tom Reyes",
    "Head of Operations",
    "Larkfield Garden Centres plc",
    "3 Orchard Way, York",
    "",
    "Dear Mr Reyes,",
    "",
    "1. We will print and deliver your catalogues as set out in the attached schedule, and you will pay our invoices within 30 days.",
    "2. You will indemnify us against any claim that artwork you send us infringes the rights of another person.",
    "3. We will not be liable to you for any indirect loss or loss of profit.",
    "4. You may end this agreement at any time on one month's written notice to us.",
    "",
    "Yours sincerely,",
    "For and on behalf of Halcyon Print Limited",
  ].join("\n");

  it("takes the addressee for 'you' and the sender in the letterhead for 'we', with roles from who pays and who works", async () => {
    const { parties, facts } = await analyseText(letter);
    expect(parties.map((p) => `${p.name}:${p.role}`)).toEqual(["Larkfield Garden Centres plc:buyer", "Halcyon Print Limited:supplier"]);
    const about = (topic: string) => facts.filter((f) => f.topic === topic).map((f) => f.burdenedParty);
    expect(about("indemnity")).toEqual(["Larkfield Garden Centres plc"]);
    expect(about("consequential-damages-waiver")).toEqual(["Larkfield Garden Centres plc"]);
  });

  it("takes the sender from the sign-off when the letter has no letterhead", () => {
    const noHead = letter.split("\n").slice(3).join("\n");
    expect(names(noHead)).toEqual([
      "Larkfield Garden Centres plc=Larkfield Garden Centres plc",
      "Halcyon Print Limited=Halcyon Print Limited",
    ]);
  });
});

describe("parties named only where they sign", () => {
  const filing =
    "JOINT FILING AGREEMENT In accordance with Rule 13d-1(k), the undersigned agree to the joint filing of a statement on Schedule 13D. " +
    "IN WITNESS WHEREOF, the undersigned execute this agreement as of March 3, 2021. KESTREL HOLDINGS & CO. S.À R.L. By: Tern Advisers LP, its investment adviser By: /s/ Ana Ruiz Ana Ruiz Authorized Signatory " +
    "TERN ADVISERS LP By: /s/ Ana Ruiz Ana Ruiz Authorized Signatory\n\nMIKULÁŠ DVOŘÁK /s/ Mikuláš Dvořák";

  it("lists each signer in capitals, not the agent signing for it, when no preamble names anyone", () => {
    expect(names(filing)).toEqual(["KESTREL HOLDINGS & CO. S.À R.L.=", "TERN ADVISERS LP=", "MIKULÁŠ DVOŘÁK="]);
  });

  it("trap: a contract whose preamble names the parties keeps them, whatever its signature blocks say", () => {
    const contract =
      'This Services Agreement is made between Plover Ltd ("Customer") and Gannet Inc. ("Supplier"). Supplier shall provide the Services. Customer shall pay the Fees. IN WITNESS WHEREOF the parties sign. PLOVER LTD By: /s/ J. Hale GANNET INC. By: /s/ K. Moss';
    expect(names(contract)).toEqual(["Plover Ltd=Customer", "Gannet Inc.=Supplier"]);
  });
});

describe("parties named only by role words", () => {
  it("keeps the word that always comes before a role word ('the Plan Sponsor'), but not an article or a word that varies", () => {
    const text =
      "The Plan Sponsor shall pay the Vendor the fees in Schedule A. The Vendor shall process claims for the Plan Sponsor. " +
      "The Vendor shall keep records, and the Plan Sponsor may inspect them.";
    expect(names(text)).toEqual(["Plan Sponsor=Plan Sponsor", "Vendor=Vendor"]);
    const varied = "The Plan Sponsor shall pay the Vendor. The Vendor shall serve each Sponsor. Any Sponsor may audit the Vendor.";
    expect(names(varied)).toEqual(["Sponsor=Sponsor", "Vendor=Vendor"]);
  });
});

describe("parties named only in the title", () => {
  it("reads the two names of a one-page agreement's title when the body uses them, with the short term the body prefers", () => {
    const text =
      "Harbour Radio Group and Kestrel Studios Programme and Licence Agreement\n\nTerm: June 1, 2025 to May 31, 2026\n\n" +
      "Kestrel agrees to provide Harbour Radio Group two programmes each week. Kestrel keeps the rights to the programmes.\n\n" +
      "Harbour Radio Group agrees to pay a fee of $2,000 per month.\n\nAccepted by: Harbour Radio Group/Date   Kestrel Studios/Date";
    expect(names(text)).toEqual(["Harbour Radio Group=Harbour Radio Group", "Kestrel Studios=Kestrel"]);
    const contract = buildContract("title.txt", "text", text);
    expect(contract.parties.map((p) => `${p.alias}:${p.role}`)).toEqual(["Harbour Radio Group:buyer", "Kestrel:supplier"]);
  });

  it("trap: a title that names only the kind of deal ('Sales and Marketing Agreement') names no party", () => {
    const text = "Sales and Marketing Agreement\n\nThe reseller shall promote the products. The maker shall ship them within ten days.";
    expect(names(text)).toEqual([]);
  });
});

describe("parties the preamble names only by their terms", () => {
  const text =
    "DISTRIBUTION AGREEMENT\n\nThis Agreement is made as of May 1, 2024 by and between the Company and the Distributor (each as defined in Section 1.01 below).\n\n" +
    "1. DEFINITIONS\n\nSection 1.01 Definitions.\n" +
    '"Company" means Vellacott Pumps, Inc., an Ohio corporation, and its permitted successors.\n' +
    '"Distributor" means Arden Water Supply, LLC, a Washington limited liability company.\n' +
    '"Party" means the Company or the Distributor.\n"Price List" means the Company\'s price list in effect from time to time.\n\n' +
    "2. SALES\n\n2.1 The Distributor shall buy the Products from the Company. The Company shall invoice the Distributor. The Distributor shall pay each invoice.\n";

  it("takes each party's name from its definition, and no other term for it", () => {
    expect(findParties(text, 200).map((p) => `${p.name}=${p.alias ?? ""}:${(p.otherTerms ?? []).join(",")}`)).toEqual([
      "Vellacott Pumps, Inc.=Company:",
      "Arden Water Supply, LLC=Distributor:",
    ]);
  });
});

describe("parties who speak as 'we' and 'you' in a formal contract", () => {
  const text =
    'CLAIMS SERVICES AGREEMENT\n\nThis Agreement is entered into as of May 1, 2024 between ORWELL CLAIMS, INC., an Illinois corporation ("Orwell," "we," "us" or "our"), and PELLAM FOODS CORPORATION, a Delaware corporation ("Pellam," "you" or "your"). You and we are each a "party."\n\n' +
    "1. SERVICES\n\n1.1 You wish to appoint us to administer claims. You will pay us the fees in Schedule 1.\n\n" +
    "2. TERM\n\n2.1 Either of us may end this Agreement at any time on ninety days' notice to the other.\n\n" +
    "3. INDEMNITY\n\n3.1 We will defend, indemnify and hold harmless you from all claims arising from our negligence.\n";

  it("keeps the name as the party's term and the pronouns as other terms for it", () => {
    expect(findParties(text, 400).map((p) => `${p.alias}:${(p.otherTerms ?? []).join(",")}`)).toEqual([
      "Orwell:we,us,our",
      "Pellam:you,your",
    ]);
  });

  it("reads 'we will indemnify you' as the named party's, and 'either of us' as both", async () => {
    const { facts } = await analyseText(text);
    expect(facts.find((f) => f.topic === "indemnity")!.burdenedParty).toBe("Orwell");
    expect(facts.find((f) => f.topic === "termination-for-convenience")!.mutual).toBe(true);
  });
});

describe("where a preamble after the recitals ends", () => {
  it("stops at 'agree as follows', so a term defined in the body is no party", () => {
    const text =
      "SUPPLY AGREEMENT\n\nRECITALS\n\nWHEREAS, Corran Valves, Inc. makes valves; and WHEREAS, Tessel Castings Co. makes castings;\n\n" +
      'NOW, THEREFORE, this Agreement is entered into as of July 1, 2024 by and between Corran Valves, Inc. ("Buyer"), and Tessel Castings Co. ("Supplier"), and the Parties agree as follows:\n\n' +
      '1. FORECASTS\n\n1.1 Each month the Buyer shall give the Supplier a rolling twelve-month forecast of its requirements by Product (a "Forecast").\n\n' +
      '1.2 For the purposes of the Standard Terms, "Seller" means Supplier.\n';
    expect(findParties(text, 100).map((p) => `${p.name}=${p.alias}:${(p.otherTerms ?? []).join(",")}`)).toEqual([
      "Corran Valves, Inc.=Buyer:",
      "Tessel Castings Co.=Supplier:Seller",
    ]);
  });

  it("trap: a term defined as a list of parties is no other term for the first of them", () => {
    const text =
      'This Agreement is made between Arlo Motors Inc. ("Arlo") and Bexley Parts Ltd. ("Bexley").\n\n1. Definitions\n\n"Parties" shall mean Arlo, Bexley and their successors.\n';
    expect(findParties(text, 100).map((p) => (p.otherTerms ?? []).join(","))).toEqual(["", ""]);
  });
});

describe("affiliates that sign on each side", () => {
  const text =
    'SUPPLY AGREEMENT\n\nThis Agreement is entered into by and among KESTREL RESINS HOLDINGS, INC., a Delaware corporation ("Kestrel Parent"), KESTREL RESINS\nPRODUCTS LLC, an Ohio limited liability company and a wholly owned\nsubsidiary of Kestrel Parent ("Kestrel Sub" and, together with Kestrel Parent, "Seller"), and ORMOND DEVICES CORP., a Minnesota corporation ("Buyer").\n\n' +
    "1. INDEMNITY\n\n1.1 Kestrel Parent and Kestrel Sub, jointly and severally, shall defend, indemnify and hold harmless the Buyer from all third-party claims.\n";

  it("names a member whose description mentions the other member, and puts both in the group", () => {
    expect(findParties(text, 600).map((p) => `${p.name}=${p.alias}:${p.group ?? ""}`)).toEqual([
      "KESTREL RESINS HOLDINGS, INC.=Kestrel Parent:Seller",
      "KESTREL RESINS PRODUCTS LLC=Kestrel Sub:Seller",
      "ORMOND DEVICES CORP.=Buyer:",
    ]);
  });

  it("reads 'A and B, jointly and severally, shall indemnify' by two members of one side as one-sided", async () => {
    const { facts } = await analyseText(text);
    const indemnity = facts.find((f) => f.topic === "indemnity")!;
    expect([indemnity.mutual, indemnity.beneficiaryParty]).toEqual([false, "Buyer"]);
  });
});

describe("standard forms with no preamble", () => {
  it("takes the vendor from a definition naming a company when the form names the other side only by its role word", () => {
    const text =
      "CLOUD TERMS\n\n1. Definitions\n\n" +
      '"Customer" means the entity that accepts these terms.\n"Larkspur" means Larkspur Systems, Inc., its Affiliates and its Representatives.\n\n' +
      "2. Service\n\n2.1 Larkspur will provide the Service to Customer. Customer will pay the Fees to Larkspur.\n" +
      "2.2 Larkspur may suspend the Service if Customer does not pay. Larkspur will give Customer notice first.\n" +
      "2.3 Customer may terminate if Larkspur fails to meet the service levels. Customer keeps its data.\n";
    expect(names(text)).toEqual(["Customer=Customer", "Larkspur Systems, Inc.=Larkspur"]);
  });

  it("trap: 'the agreement between Provider and the Subprocessor' in a body is no preamble", () => {
    const text =
      "DATA PROCESSING TERMS\n\n1. Processing\n\n1.1 Provider will process Customer Personal Data only on Customer's instructions.\n" +
      "1.2 Provider will notify Customer of any failure by a Subprocessor to meet a material obligation under the agreement between Provider and the Subprocessor.\n" +
      "1.3 Customer may object to a new Subprocessor. Provider will answer Customer within ten days.\n";
    expect(names(text)).toEqual(["Customer=Customer", "Provider=Provider"]);
  });

  it("trap: a document's short name in brackets ('MNDA', 'MSA') is no party", () => {
    const text =
      'This Mutual Non-Disclosure Agreement (which incorporates the Cover Page) ("MNDA") allows each party to disclose information. ' +
      "Each party is identified on the Cover Page.\n\n1. Use. The Receiving Party shall use Confidential Information only for the Purpose under this MNDA.\n";
    expect(names(text)).toEqual([]);
  });
});
