import { describe, expect, it } from "vitest";
import { analyseText } from "./helpers.js";

/**
 * A clause read on its own, with no preamble to name the parties (pasted from a draft, or an excerpt): the names that
 * act in it stand for the parties, so the term is still one party's and not nobody's. Each row is
 * "topic | mutual | burdened party | beneficiary party | clause". Written from clause families, not from any contract.
 */
const ROWS = [
  "liability-cap | true | both | both | 16.1 The liability of Varga Holdings Inc. and Rowan Property Services Ltd. to each other for any claim arising hereunder shall, in each case, be limited to the insurance proceeds actually recovered.",
  "liability-cap | false | - | Processor | 12.2 The aggregate liability of Processor and the Member Bank for all claims arising out of this Agreement shall not exceed the processing fees paid in the prior six months.",
  "indemnity | false | Grower | Processor | 17.3 The Processor shall be indemnified by the Grower against all claims arising from the Grower's use of unregistered sprays, including any rejection of product by a regulator or by the Processor's customers.",
  "indemnity | false | Co-Packer | Brand Owner | 13.4 The Co-Packer shall, at its own cost, assume the defence of any action brought against the Brand Owner by a consumer alleging illness caused by the Products, and shall pay all damages and costs finally awarded.",
  "consequential-damages-waiver | false | Contractor | Government | (f) In no event shall the Government be liable to the Contractor for anticipatory profits or consequential damages arising out of a termination under this clause.",
  "termination-for-convenience | false | - | Government | (a) The Government may terminate performance of work under this contract in whole or in part if the Contracting Officer determines that a termination is in the Government's interest.",
  "consequential-damages-waiver | false | Provider | Council | 22.4 Loss of profit and any other indirect or consequential loss shall not be recoverable from the Council by the Provider, however arising.",
  "liability-cap | false | - | Brandt Service GmbH | 9.6 The total amount of Availability Damages payable by Brandt Service GmbH in any Contract Year shall not exceed twenty per cent (20%) of the Annual Fee for that year.",
  "liability-cap | false | - | Osprey Data Services | 16.3 Osprey Data Services' total aggregate liability arising under this Agreement in each Contract Year shall not exceed the Charges paid in that year.",
  "consequential-damages-waiver | true | both | both | 24.4 Neither Kgalagadi Solar (RF) (Pty) Ltd nor the Buyer shall be liable to the other for any indirect or consequential loss or loss of revenue.",
  "liability-cap | false | Procurer | Malwa Sunfields | 15.4 Save in respect of liability arising from fraud, gross negligence or wilful misconduct, the total liability of Malwa Sunfields to the Procurer under this Agreement shall not exceed INR 5,000,000 per MW.",
  "liability-cap | false | you | we | 11.2 The total amount we will be liable to pay you in respect of all claims arising in any calendar year shall not exceed the fees you paid to us in that year.",
  "termination-for-convenience | false | Owner | Corvane Logistics Inc | 12.1 Corvane Logistics Inc. may terminate this Agreement at any time, for any reason, upon ten (10) business days' written notice to Owner.",
  "indemnity | false | you | we | 7. You agree to indemnify us, our officers and our staff, and to hold each of them harmless, against all claims by third parties arising from information you supplied.",
  "liability-cap | true | both | both | 9.2 The liability of Party A to Party B, and the liability of Party B to Party A, for any claim arising out of this Agreement shall in each case be limited to the fees paid in the preceding twelve (12) months.",
  "consequential-damages-waiver | false | Advertiser | Brightpath | 9.2 No liability shall be incurred by Brightpath for lost revenue or any indirect or consequential damages suffered by Advertiser as a result of the timing of any Leads.",
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
  // Participles listed before the agent of a passive; a part in brackets between a name and its verb.
  "indemnity | false | Quarry | Lessee | Lessee and its Affiliates shall be defended, indemnified and held harmless by Quarry from and against all third-party claims.",
  'indemnity | false | Ostrava Steel | Calloway | Ostrava Steel (the "Indemnifying Party") shall indemnify and hold harmless Calloway against all Losses arising from defective Products.',
  // Who holds a party liable is the claimant, not the actor.
  "consequential-damages-waiver | false | Client | Trellis | Trellis shall not be held liable by Client for any punitive, incidental or consequential damages.",
  // Two named parties as one subject.
  "consequential-damages-waiver | true | both | both | Neither Kinross Bank nor Alcove Data shall be liable to the other for any indirect or consequential damages.",
  "consequential-damages-waiver | true | both | both | IN NO EVENT SHALL EITHER LOCKWOOD OR PENNANT, OR ANY OF THEIR RESPECTIVE AFFILIATES, BE LIABLE TO THE OTHER FOR ANY INDIRECT OR CONSEQUENTIAL DAMAGES.",
  "consequential-damages-waiver | true | both | both | In no event shall Penrose or Tiverton, or any of their respective Affiliates, be liable to the other for any consequential damages.",
  "termination-for-convenience | true | both | both | This Agreement may be terminated by either Hartwell or Ludlow at any time, for any reason, upon ninety days' prior written notice to the other.",
  "termination-for-convenience | true | both | both | Wrenfield and Penrose each may terminate this Agreement for convenience on not less than nine months' written notice to the other.",
  "liability-cap | true | both | both | The total liability of Party A to Party B, and of Party B to Party A, in respect of all claims shall not exceed US$5,000,000 in aggregate.",
  "liability-cap | true | both | both | The liability of each of Party A and Party B to the other shall in no event exceed the total Contract Price paid hereunder.",
  "liability-cap | true | both | both | The liability of the parties to each other in each Contract Year shall be limited to an amount equal to the Charges paid in that Contract Year.",
  // A name ending in s takes a bare apostrophe; a business noun ends a company's name.
  "liability-cap | false | - | Zephyr Airways | Zephyr Airways' maximum aggregate liability under this Agreement shall not exceed five hundred thousand pounds.",
  "liability-cap | false | - | Kestrel Software | The liability of Kestrel Software for all claims under this Agreement shall in no event exceed the license fees paid.",
  // "we" and "you" in terms of service.
  "liability-cap | false | you | we | The total amount for which we may be liable to you for all claims arising out of these Terms will not exceed one hundred dollars.",
  // A party named in an opening phrase is not joined to the subject by the comma after it.
  "indemnity | false | Supplier | Customer | Without prejudice to any other rights or remedies of the Customer, the Supplier shall indemnify the Customer against all claims.",
  // An aside between the name and its verb.
  "termination-for-convenience | false | - | Glenmore | Glenmore, on behalf of itself or any of its Affiliates receiving Services, may terminate this Agreement for convenience by giving Stratus not less than 120 days' written notice.",
  // A name that opens with a small letter ("iGo"); a right "at any time, for any reason" whatever the proviso adds.
  "termination-for-convenience | true | both | both | This Agreement may be terminated by either iGo or Delmar at any time, for any reason or no reason, upon sixty days' written notice to the other.",
  "termination-for-convenience | false | Kinnear | MedaSys | MedaSys may terminate this License Agreement at any time upon ninety days' written notice to Kinnear for any reason whatsoever, provided that if MedaSys so terminates early it shall pay a fee.",
  "termination-for-convenience | true | both | both | Nordvik AS and Halstead Media Limited shall each be entitled to terminate this Agreement at any time on giving not less than six months' notice in writing to the other.",
  // "It" under a heading that names the party.
  "indemnity | false | Distributor | Manufacturer | 14.3 Indemnification by Distributor. Subject to Section 14.5, it shall indemnify and hold harmless Manufacturer from and against any third-party claim.",
  "termination-for-convenience | false | - | Vendor | 14.3 Termination by Vendor for Convenience. It may terminate this Agreement at any time on one hundred twenty days' notice in writing to BLX.",
  // "each of them" after two names binds both; a heading word is no name.
  "termination-for-convenience | true | both | both | Talon and Icarus agree that each of them may terminate this Agreement for convenience on ninety days' written notice to the other.",
  // More ways two parties share one subject; a right that holds "whether or not" the other is in default.
  "consequential-damages-waiver | true | both | both | QTX and Kestrel each disclaim any liability to the other for special, indirect or consequential damages.",
  "liability-cap | true | both | both | The aggregate liability of Party A and Party B, respectively, arising from this Agreement shall not exceed the Service Fees received in the prior twelve months.",
  "indemnity | true | both | both | Intelsys and the Bank agree that each shall indemnify, defend and hold harmless the other from any fines imposed by a card network.",
  "termination-for-convenience | false | Service Provider | Company | The Company may terminate the Services at any time on not less than six months' written notice, whether or not the Service Provider is in default.",
  // "the Fees paid by Tandem" after a passive-looking "be liable" names the payer, not the agent.
  "liability-cap | true | both | both | Neither Everest nor Tandem shall be liable to the other for aggregate damages in excess of the total Fees paid by Tandem to Everest in the Contract Year.",
  "termination-for-convenience | false | Vendor | Bank of Avalon | Bank of Avalon (on behalf of itself and its Affiliates) may terminate this Agreement for convenience at any time on not less than 180 days' notice to Vendor.",
  // Two-character names.
  "indemnity | false | K9 | Lessee | K9 shall indemnify and hold harmless Lessee against any third-party claim arising from the Equipment.",
  // What may be recovered from whom; a right denied to both then given to one; the ground before the right; a
  // role phrase that opens with a thing; two parties as one subject; a trade in capitals; a long cap trigger.
  "consequential-damages-waiver | false | Licensee | Licensor | The damages recoverable by Licensee from Licensor under this Agreement shall exclude any indirect, special or consequential damages and any lost profits.",
  "liability-cap | false | Wexford | Brightline | The maximum aggregate amount recoverable by Wexford from Brightline under this Contract shall be limited to five hundred thousand pounds.",
  "termination-for-convenience | false | Licensor | Licensee | Without cause and upon one hundred eighty days' written notice to Licensor, Licensee may terminate this Agreement.",
  "termination-for-convenience | false | Sandpiper | Loxley | Neither party may terminate this Agreement for convenience during the Initial Term, except that Loxley may terminate this Agreement upon ninety days' notice to Sandpiper after the second anniversary.",
  "termination-for-convenience | false | Service Provider | Client | The Client may terminate this Agreement or any Service for convenience at any time by giving the Service Provider six months' notice, provided that the Client shall pay the Service Provider the Termination Charges.",
  "termination-for-convenience | true | both | both | Tamsin Labs and Redcliffe Group may each terminate this Agreement for convenience on six months' notice to the other.",
  "liability-cap | true | both | both | The respective liabilities of Party A and Party B under this Agreement shall each be limited to an aggregate amount of RMB 5,000,000.",
  "liability-cap | true | both | both | The liability of Caddock to Fenwick Life, and of Fenwick Life to Caddock, shall not exceed in the aggregate three million dollars.",
  "consequential-damages-waiver | false | Customer | Harlow | Customer shall not be entitled to recover from Harlow, whether in contract or tort, any loss of profit or any indirect or consequential loss.",
  "consequential-damages-waiver | false | CUSTOMER | GREYFRIARS HOSTING | IN NO EVENT SHALL GREYFRIARS HOSTING BE LIABLE TO CUSTOMER FOR ANY INDIRECT OR CONSEQUENTIAL DAMAGES.",
  "liability-cap | true | both | both | SAVE IN RESPECT OF CLAUSE 20.1 (UNLIMITED LIABILITY) AND THE CLIENT'S OBLIGATION TO PAY THE CHARGES, EACH PARTY'S TOTAL AGGREGATE LIABILITY SHALL NOT EXCEED TWO MILLION POUNDS.",
  "termination-for-convenience | false | Ardwyn | Lumeric | Lumeric may terminate this Agreement for any reason upon ninety days' written notice to Ardwyn, provided that, if termination occurs during the Initial Term, Lumeric shall pay Ardwyn an early termination fee.",
  // Older and non-US wordings: "save … harmless", "assumes all liability for", third-party claims compensated, a
  // recovery from a party, a sole obligation and exclusive remedy, compensation borne, "no claim shall be made
  // against", liability confined to direct loss, "withdraw" with a notice that expires, reasons not given.
  "indemnity | false | CONTRACTOR | OWNER | CONTRACTOR shall protect, defend and save OWNER, its parent, subsidiaries and affiliates, and their respective officers and employees, harmless from all claims arising out of the Work.",
  "indemnity | false | Distributor | Meridian | Distributor assumes all liability for, and shall reimburse Meridian for, any loss arising from claims by Distributor's customers based on any warranty Distributor gives.",
  "indemnity | true | both | both | Each Party shall compensate the other Party for all losses arising from third-party claims to the extent caused by its breach of the confidentiality provisions.",
  "indemnity | false | QTX | Halden | Indemnification by QTX. At its own expense, it will defend any action brought against Halden to the extent based on a claim that the QTX Platform infringes a patent.",
  "liability-cap | false | Licensee | Brightline | Licensee's recovery from Brightline for any claim arising out of this Agreement shall be limited to the license fees paid in the preceding year.",
  "liability-cap | false | Customer | Vendor | Vendor's liability hereunder shall be limited to the purchase price of the Products giving rise to the claim; provided, however, that nothing in this Section shall limit Customer's obligation to pay.",
  "liability-cap | false | - | Osprey Data | The maximum liability of Osprey Data under this Agreement shall not be greater than five hundred thousand dollars in the aggregate.",
  "liability-cap | false | Buyer | Thorne | Thorne's sole obligation and Buyer's exclusive remedy for any claim arising out of the Goods shall be the payment of direct damages not exceeding the price paid by Buyer.",
  "liability-cap | true | both | both | Neither Lindqvist AB nor the Purchaser shall be liable to the other for damages exceeding in total SEK 5,000,000 during the term of this Agreement.",
  "liability-cap | true | both | both | The liability for compensation of the First Party and of the Second Party for any breach of this Contract shall each be limited to the fees paid in the preceding twelve months.",
  "liability-cap | false | - | Party B | The total amount of compensation borne by Party B for all breaches of this Contract shall not exceed twenty percent of the Contract price.",
  "consequential-damages-waiver | false | Employer | Rennick | No claim shall be made against Rennick for loss of profits or any indirect or consequential loss suffered by the Employer in connection with the Works.",
  "consequential-damages-waiver | true | both | both | Each party's liability to the other under this Agreement shall be confined to direct loss, excluding consequential loss and loss of profit.",
  "consequential-damages-waiver | false | First Party | Second Party | The Second Party shall not bear the liability for compensation for any indirect loss or loss of profit suffered by the First Party.",
  "termination-for-convenience | true | both | both | Each of the parties may withdraw from this Agreement on giving not less than six months' written notice to the other party, and upon the expiry of such notice this Agreement shall terminate.",
  "termination-for-convenience | true | both | both | Either Party may terminate the Agreement with a notice period of six months to the end of a calendar quarter without giving reasons, but not before the end of the minimum term.",
  "termination-for-convenience | true | both | both | Each of Van Dijk B.V. and the Contractor may terminate this Agreement in writing at any time with a notice period of three months.",
  // "either of them", "whichever party", "both A and B", "the Party in breach", "may be terminated by A or B", "A and
  // B each have the right"; a breach set aside names no holder; a part or an aside in brackets before the verb.
  "indemnity | true | both | both | Brightwater and Calder agree that either of them that breaches Section 7 shall indemnify the other against all losses the other incurs as a direct result.",
  "indemnity | true | both | both | Whichever party is responsible for the loss of the other party's equipment shall indemnify the other party for the cost of its replacement.",
  "liability-cap | true | both | both | The liability of both Corvane and Halden under this Agreement shall be limited to seven hundred and fifty thousand pounds in each Contract Year.",
  "liability-cap | true | both | both | The liability of the Party in breach of this Agreement, whether that is Pellham or Ostara, shall not exceed the Fees payable under the Statement of Work.",
  "consequential-damages-waiver | true | both | both | Both Pellham and Ostara hereby waive any right to recover from the other any indirect or consequential damages, including lost profits.",
  "consequential-damages-waiver | false | Distributor | Company | Under no circumstances shall Distributor be entitled to recover from Company any incidental, consequential or special damages.",
  "termination-for-convenience | true | both | both | This Agreement may be terminated by Party A or Party B for any reason upon three months' prior written notice to the other.",
  "termination-for-convenience | true | both | both | Tenby and Marisol each have the right to terminate this Agreement without cause upon one hundred and twenty days' prior written notice to the other.",
  "termination-for-convenience | false | Contractor | Owner | Owner may, at its sole discretion and without any breach by Contractor, terminate the Contract at any time by giving Contractor fourteen days' notice.",
  "termination-for-convenience | false | Halden | Meridian | Without limiting Halden's rights under Section 23.2 (Termination for Breach), Meridian may terminate this Agreement at any time on one hundred and eighty days' notice to Halden.",
  "termination-for-convenience | false | - | Halden | Halden (on its own behalf or on behalf of any Halden Affiliate) may terminate this Agreement for convenience by giving Corvane six months' notice.",
  'indemnity | false | Meridian | Ostrava | Meridian (as the "Indemnifying Party") shall indemnify, defend and hold harmless Ostrava and its Affiliates from all Losses arising from any Third-Party Claim.',
  // Companies named with their legal forms: the full stop of "Ltd." or "B.V." ends no sentence, and the term in
  // brackets after the name is the party's term.
  'liability-cap | false | Harwick | Tolland | The total liability of Tolland Pumps Ltd. ("Tolland") to Harwick Dairies Inc. ("Harwick") under this Agreement shall not exceed the Charges paid in the preceding year.',
  'indemnity | false | Orrin | Breckland | 7.2 Orrin Mouldings Pte. Ltd. ("Orrin") shall indemnify Breckland Foods Pty Ltd ("Breckland") against all losses arising from defective Parts.',
  "termination-for-convenience | true | both | both | Each of Lindqvist Data B.V. and the Contractor may terminate this Agreement at any time on three months' written notice.",
  'consequential-damages-waiver | true | both | both | Neither Talbot Freight Pty Ltd ("Talbot") nor Marsh Cold Stores Ltd. ("Marsh") shall be liable to the other for any indirect or consequential loss.',
  'termination-for-convenience | true | both | both | This Agreement may be terminated by either Kilbride Haulage Ltd. ("Kilbride") or Ardmore Grain Inc. ("Ardmore") on ninety days\' notice to the other.',
  'indemnity | true | both | both | Each of Fenwick Plastics Limited ("Fenwick") and Otway Medical DAC ("Otway") shall indemnify the other against third-party claims for personal injury caused by its negligence.',
  // A heading that names the party, with a body that only says "It" or "Its": "X Indemnity", "Limitation on X
  // Liability", "X Not Liable for …".
  "indemnity | false | Licensor | Reseller | 11.2 Licensor Indemnity. It shall defend and hold harmless Reseller against any claim that the Software infringes a patent, except to the extent caused by Reseller.",
  "liability-cap | false | Tenant | Landlord | 9.5 Limitation on Landlord Liability. Its aggregate liability for all claims shall in no event exceed the rent paid by Tenant in the six months before the claim.",
  "consequential-damages-waiver | false | Publisher | Printer | 8.3 Printer Not Liable for Lost Sales. It shall not in any event be liable to Publisher for any lost sales or consequential loss caused by late delivery of paper.",
  // An item of a list of grounds belongs to the holder the list opens with, though the items name the other party.
  "termination-for-convenience | false | Vendor | Hospital | 20.1 This Agreement may be terminated by Hospital upon the occurrence of any of the following events: (a) Vendor's failure to cure a material breach within thirty days; (b) the insolvency of Vendor; or (c) at any time, for any reason, upon sixty days' written notice to Vendor, in which case Hospital shall pay Vendor for Services rendered.",
  "termination-for-convenience | true | both | both | 5.4 This Agreement may be terminated by either party upon the occurrence of any of the following events: (a) the other party's material breach; (b) the other party's insolvency; or (c) for any reason or no reason, upon ninety days' written notice to the other party.",
  // Names that end in a number or open with initials.
  "indemnity | false | DataPath 360 | Lorimer | DataPath 360 shall indemnify and hold harmless Lorimer against any claim arising from a breach of the data protection laws by DataPath 360.",
  "indemnity | false | U.K. Hearing Care | Clinic | U.K. Hearing Care shall indemnify the Clinic from any claim for negligence in the audiology services rendered by its staff.",
  "termination-for-convenience | true | both | both | This Agreement may be terminated by either PayGate 2000 or Merchant without cause upon sixty days' written notice to the other.",
  "consequential-damages-waiver | true | both | both | In no event shall Westbrook IPA or Harbour Health Plan be liable to the other for lost profits or any special or consequential damages.",
  // "the former" and "the latter" name the last two parties named before them, in order.
  "indemnity | false | Corran Shipping | Tolley | As between Corran Shipping and Tolley, the former shall indemnify the latter against all claims by consignees for goods lost in transit.",
  // A common word inside a name that a business noun ends; a hyphened word that opens a role's name.
  "termination-for-convenience | false | Contractor | Lindon Property Group | Lindon Property Group may terminate this agreement at any time for convenience on ninety days' notice to the Contractor.",
  "indemnity | false | Third-Party Administrator | Employer | The Third-Party Administrator shall indemnify the Employer against any penalty that results from the Third-Party Administrator's failure to file returns on time.",
  // A legal form after a name of three words is part of the name the clause uses; so in a pair joined by "each".
  "indemnity | false | Talgarth Estate Services Limited | Owner | Talgarth Estate Services Limited shall indemnify the Owner against all claims arising from its wilful misconduct.",
  "indemnity | false | Kloof Citrus (Pty) Ltd | Breede Packers | Kloof Citrus (Pty) Ltd shall indemnify Breede Packers against any claim of a third party to own the Fruit.",
  "consequential-damages-waiver | true | both | both | Harbour Quay Hotels Limited and Southern Cross Hotel Management Limited each exclude all liability to the other for any consequential loss.",
  // Whose recovery is limited, and against whom: the party recovered against is protected.
  "liability-cap | false | Member | Lumen | Member's sole and cumulative recovery against Lumen for all claims shall be limited to direct damages not exceeding the fees paid.",
  "liability-cap | false | Hirer | Lessor | The total damages payable by Lessor to Hirer for all claims under this Lease shall in no event exceed the Rent paid.",
  "liability-cap | true | both | both | The maximum aggregate amount recoverable by either party from the other under this Agreement shall not exceed $500,000.",
  // Names with a legal form and a term in brackets, joined as one subject; "L.P." ends no sentence.
  'indemnity | true | both | both | Each of Larkin Foods, Inc. ("Larkin") and Osprey Distribution Corp. ("Osprey") shall indemnify the other against Losses arising from its breach.',
  'indemnity | true | both | both | Kestrel Petroleum Corp. ("Kestrel") and Bluefin Midstream, Inc. ("Bluefin") each agree to indemnify the other against claims by its own employees.',
  'consequential-damages-waiver | true | both | both | Neither Apex Retail Systems, Inc. ("Apex") nor Strand Supply L.P. ("Strand") shall be liable to the other for any consequential damages.',
  'liability-cap | false | Partnership | Mesa | The liability of Mesa Operating Company, L.P. ("Mesa") to the Partnership shall not exceed the fee received by Mesa in that year.',
  // A group of one side that answers jointly and severally is still that one side.
  "indemnity | false | - | Agent | Each of the Issuer Entities will, jointly and severally, indemnify and hold harmless the Agent against any and all losses.",
  // A second verb with its subject left out, starting at its modal, shares the first verb's subject.
  "indemnity | false | Brightwater | Council | Brightwater shall be responsible for and shall reimburse the Council for the costs which the Council incurs from any such claim, and shall defend and hold the Council harmless against each such claim.",
  // "the State" is a party in a government contract.
  "termination-for-convenience | false | - | STATE | THE STATE MAY TERMINATE THIS CONTRACT, IN WHOLE OR IN PART, WHENEVER THE STATE DETERMINES THAT IT IS IN ITS BEST INTEREST, BY GIVING THIRTY DAYS' WRITTEN NOTICE.", // Japanese, Mexican and other legal forms end a name: "K.K.", "S.A. de C.V.", with particles in small letters.
  'consequential-damages-waiver | true | both | both | Neither Hoshino Optics K.K. ("Hoshino") nor Larchmont Vision, Inc. ("Larchmont") shall be liable to the other for any indirect or consequential loss.',
  "termination-for-convenience | true | both | both | Either Transportes Rapidos del Bajio, S.A. de C.V. or Corvane Freight, Inc. may terminate this Agreement at any time upon sixty (60) days' prior written notice to the other.",
  // Labels of translated drafting ("the Entrusting Party"), and a right held ("has the right to", "is entitled to").
  "termination-for-convenience | false | Entrusted Party | Entrusting Party | The Entrusting Party is entitled to terminate this Agreement at any time by written notice to the Entrusted Party.",
  "termination-for-convenience | false | Party B | Party A | Party A has the right to terminate this Agreement unilaterally at any time upon thirty (30) days' written notice to Party B.",
  "indemnity | false | Party B | Party A | Party A is entitled to require Party B to indemnify Party A for all losses caused by late delivery of the Goods.",
  'indemnity | true | both | both | Qingdao Harbour Leasing Co., Ltd. ("Qingdao") and Norvale Surgical Ltd. ("Norvale") shall compensate and indemnify each other for losses caused by any false document it supplies.',
  // In capitals, the words of the sentence before a company's name are no part of it.
  'liability-cap | false | - | TOKAI | IN NO EVENT SHALL THE TOTAL LIABILITY OF TOKAI SEIMITSU K.K. ("TOKAI") UNDER THIS AGREEMENT EXCEED THE PRICE OF THE PRODUCTS CONCERNED.', // One ceiling for both sides' liabilities named in turn before one verb is mutual; each with its own verb is not.
  "liability-cap | true | both | both | Our total liability to you, and your total liability to us, under these Terms shall not exceed the fees paid for the Job.",
  "liability-cap | true | both | both | Hollin's aggregate liability to Marsh, and Marsh's aggregate liability to Hollin, shall not exceed $2,000,000.",
  // A second ceiling "the same amount" as the first is one ceiling for both; two different sums are two one-way ones.
  "liability-cap | true | both | both | Party A's liability to Party B shall not exceed the fees paid in the prior year, and Party B's liability to Party A shall not exceed the same amount.",
  "liability-cap | true | both | both | Party A's liability to Party B shall not exceed USD 80,000, and Party B's liability to Party A shall not exceed USD 20,000.",
  // A carve-out after the waiver ("save that nothing in this clause shall limit …") leaves the waiver standing.
  "consequential-damages-waiver | true | both | both | The parties agree that neither of them shall be liable to the other for any indirect or consequential loss, save that nothing in this clause shall limit the Client's duty to pay the Fees.",
  // "until terminated by either the Carrier or the Handling Company": two role words of two words each.
  "termination-for-convenience | true | both | both | This Agreement shall remain in force until terminated by either the Airline or the Ground Handler by ninety (90) days' written notice to the other.",
  // A name that ends in a business noun ("Claims", "Payments") keeps it: a claims administrator, a payments firm.
  "liability-cap | false | Harrow Mutual | Ashdown Claims | The total liability of Ashdown Claims to Harrow Mutual for all losses shall not exceed the Administration Fees paid to Ashdown Claims in that year.",
  // A second ceiling "the same amount" with an exception between; the exception itself stays the one side's.
  "liability-cap | true | both | both | Keel Payments' liability to Orchard Stores shall not exceed the fees paid in the prior six months, and Orchard Stores' liability to Keel Payments, other than for chargebacks and network fines, shall not exceed the same amount.",
  // Both named as who pays, after a heading in brackets: "damages payable by either A or B to the other".
  "liability-cap | true | both | both | Article 31 (Limit of Liability) The total amount of damages payable by either Hanamura or Castell to the other under this Agreement shall not exceed the price paid in the prior year.",
  // Both named before one promise with a proviso about the one claiming.
  "indemnity | true | both | both | Each of Carrier and Shipper shall indemnify and hold harmless the other against any claim that equipment it furnished infringes a patent, provided that the party seeking indemnification gives prompt notice of the claim.",
  // "At any time" said first, then the right; the right holds although a proviso speaks of a default.
  "termination-for-convenience | false | you | we | At any time before shipment, we may cancel any Order, or any part of it, by notice to you; if we do so other than for your default, we will pay for work in progress.",
  // "it" after an opening phrase that names the other party stands for the party the heading names.
  "indemnity | false | Seller | Buyer | 9.3 Indemnification by Seller. Without limiting any other remedy of Buyer, it shall indemnify and hold harmless Buyer from all claims arising from defects in the Parts.",
  // A promise in the plain present, by pronouns.
  "indemnity | false | you | we | You indemnify us against any loss we suffer from a claim by a third party arising from your resale of the Services.",
  "indemnity | true | both | both | We and you each indemnify the other against any claim that content supplied by the indemnifying party infringes a third party's rights.",
  // Both parties called by one role word: "Neither Operator … to the other".
  "consequential-damages-waiver | true | both | both | Neither Operator shall be liable to the other for any loss of traffic or other indirect loss arising from a suspension of the Roaming Service.",
  // A waiver said as what a party's liability "shall in no event extend to".
  "consequential-damages-waiver | false | Sponsor | Halden | Halden's liability to Sponsor shall in no event extend to lost profits, loss of business opportunity or any indirect damages.",
  // A right given without cause holds though a proviso says the termination "shall not terminate" the Work Orders.
  "termination-for-convenience | true | both | both | This Agreement may be terminated by either Sponsor or CRO at any time without cause upon sixty (60) days' written notice to the other, provided that termination of this Agreement shall not terminate any Work Order then in effect.",
  // A party's possessive before its group's, in capitals: "SUPPLIER'S AND ITS AFFILIATES' TOTAL LIABILITY".
  "liability-cap | false | RETAILER | VENDOR | 11.2 VENDOR'S AND ITS AFFILIATES' AGGREGATE LIABILITY UNDER THIS AGREEMENT SHALL NOT EXCEED THE FEES PAID BY RETAILER TO VENDOR IN THE PRIOR SIX MONTHS.",
  // Both named "on the one hand … on the other hand", each with its group.
  "liability-cap | true | both | both | The total liability of Brightcart and its Affiliates, on the one hand, and of Kestrel and its Affiliates, on the other hand, for all claims under this Agreement shall not exceed EUR 400,000.",
  // "either Contracting Party": the parties' own name for themselves.
  "termination-for-convenience | true | both | both | This Agreement runs for an indefinite period and may be ended by either Contracting Party on four months' ordinary notice to the end of a calendar half-year.",
  // The heading names who indemnifies; "It shall defend X …, and shall indemnify X" keeps that party for both verbs.
  "indemnity | false | Reseller | Vendor | 8.4 Indemnification by Reseller. It shall defend Vendor against any claim arising from the Reseller Materials or the Reseller's own warranties, and shall indemnify Vendor for all sums awarded.",
  // A right kept aside first ("Without prejudice to X's right … of Y, X may terminate"): the name before the comma is no subject.
  "termination-for-convenience | false | Reseller | Vendor | Without prejudice to Vendor's right to terminate upon a change of control of Reseller, Vendor may terminate this Agreement for convenience on ninety days' notice to Reseller.",
  // An opening exception with several items, the last a liability of a kind ("or liability under the indemnities").
  "liability-cap | true | both | both | Save in respect of death or personal injury caused by negligence, fraud, or liability under the indemnities in Clause 9, the aggregate liability of each party to the other under this Agreement shall not exceed EUR 1,000,000 in any Contract Year.",
  // The second ceiling "shall likewise not exceed" the first.
  "liability-cap | true | both | both | The Operator's liability under this Agreement shall not exceed twice the annual Operating Fee, and the liability of the Owner, other than for payment of that fee, shall likewise not exceed twice the annual Operating Fee.",
  // Two named parties that "shall not be liable to each other".
  "consequential-damages-waiver | true | both | both | Nordhavn Rederi AS and Elbe Timber GmbH shall not be liable to each other for any loss of hire, loss of profit or other consequential loss arising out of this Charter.",
  // Names with accented letters.
  "consequential-damages-waiver | true | both | both | Neither Ipê Florestal nor Açaí Comércio shall be liable to the other for lost profits or any indirect damages arising from this Agreement.",
  // An authority acting in a list of losses ("approval by the EMA") is not the one who is not liable.
  "consequential-damages-waiver | false | - | Meridian Trials | In no event shall Meridian Trials be liable to Sponsor for any lost profits, delay in marketing approval by the EMA or any other authority, or any indirect or consequential damages arising from the Study.",
  // An agent inside a condition of item (a) does not hold the right of item (b).
  "termination-for-convenience | false | - | Licence Holder | The Licence Holder may terminate this Agreement (a) at once by written notice if the product licence is suspended or not renewed by the Ministry, and (b) for convenience, at any time and without cause, upon ninety days' written notice to the Distributor.",
  // "without stating reasons" belongs to the first right, not to the one after "whereas".
  "termination-for-convenience | false | Ostoja Handel | Harwick | Harwick may terminate this Agreement on two months' notice, without stating reasons, whereas Ostoja Handel may terminate it only for good cause as listed in clause 9.",
  // A ceiling said plainly, its payer right after "the most".
  "liability-cap | false | you | we | Whatever the claim, the most we will be liable to pay you is the charges you paid us in the last three months.",
  "liability-cap | false | - | Brightline | The most Brightline will ever have to pay Jamie is the amount Jamie paid in the last year.",
  // "shall be entitled, without assigning any reason, to terminate": the ground between the right and its verb.
  "termination-for-convenience | false | Pune Lifting | Deccan | Deccan shall be entitled, without assigning any reason, to terminate the Sub-Contract at any time by giving fifteen days' notice to Pune Lifting.",
  // A name of four words that a line of business ends ("… Event Management").
  "liability-cap | false | Council | Harbour Lights Event Management | Harbour Lights Event Management's aggregate liability to the Council under this agreement is limited to the fees paid in the preceding twelve months.",
  // A word between a business noun and a legal form is still the name's ("Stella Media Italia S.r.l.").
  "termination-for-convenience | false | - | Stella Media Italia S.r.l | Stella Media Italia S.r.l. shall be entitled to withdraw from this Agreement at any time by giving six months' notice, against payment of a fee of EUR 200,000 to the Club.",
  // "the liability of A to B, and of B to A": both.
  "liability-cap | true | both | both | The total liability of Dune Events LLC to Oasis Live FZ-LLC, and of Oasis Live FZ-LLC to Dune Events LLC, arising out of the Services shall not exceed AED 1,000,000 in the aggregate.",
  "termination-for-convenience | true | both | both | Either Tamarind Logistics Ltd or the Cooperative may put an end to this Agreement at any time, without giving reasons, by three months' notice in writing to the other.",
  "liability-cap | false | - | Serra Azul Telecomunicações Ltda | 9.2 The liability of Serra Azul Telecomunicações Ltda. for loss of or damage to equipment at a Site shall be limited to the sum actually paid out under its property insurance.",
  "termination-for-convenience | false | - | LINDHOLM RADIO B.V. | 12.4 LINDHOLM RADIO B.V. MAY AT ANY TIME, WITHOUT GIVING REASONS, TERMINATE THIS AGREEMENT FOR ANY SITE BY GIVING NOORD MASTEN B.V. NOT LESS THAN THREE MONTHS' WRITTEN NOTICE.",
  "termination-for-convenience | true | both | both | 20.2 Either of Caatinga Energia S.A. and Vento Norte Ltda. may denounce this Agreement at any time, without cause, on sixty days' prior written notice to the other.",
  "termination-for-convenience | false | Contractor | Council | 44.1 This Contract may be terminated by the Council at any time by notice to the Contractor if the Council so elects for any reason, and the Council shall then pay compensation under Clause 45.",
  'indemnity | false | Kaveri Claims Pvt. Ltd | Insurer | 14.1 Kaveri Claims Pvt. Ltd. (in this Clause, the "Indemnifying Party") shall indemnify and hold harmless the Insurer against all fines levied by the regulator arising from its late settlement of claims.',
  "liability-cap | true | both | both | 9.3 Neither party's liability to the other for all claims under this Contract shall in any event exceed the sum of ZAR 3,000,000.",
  // A body told of a term ("notice also to the … Authority", "a copy to the Regulator") is no third side to it.
  "termination-for-convenience | true | both | both | 7.4 The Lessor or the Operator may end this agreement for any reason on six months' written notice to the other, and that notice shall also be lodged with the Maritime Safety Authority.",
  "termination-for-convenience | true | both | both | The Bureau or the Servicer may terminate this Agreement without cause on 120 days' notice to the other party, with a copy of such notice to the Regulator.",
  "termination-for-convenience | true | both | both | The Fund or the Custodian may terminate this Agreement on sixty days' notice to the other, provided that the Prudential Supervision Authority shall be notified in advance.",
  // Names with particles, Gulf and Andean legal forms, "Co." after a business noun, an owners' association.
  "indemnity | false | Transportes del Valle | Mercado Norte | 9.2 Transportes del Valle shall indemnify Mercado Norte against every loss of goods occurring in its warehouses.",
  "termination-for-convenience | false | Hamra Cleaning Services | Pearl Towers Owners Association | 30.1 Pearl Towers Owners Association may terminate this Contract for convenience on sixty (60) days' notice to Hamra Cleaning Services.",
  "liability-cap | false | - | Sohar Port Holdings SAOG | 19.2 The aggregate liability of Sohar Port Holdings SAOG under this Contract shall not exceed the Contract Price.",
  "indemnity | false | Qasr Integrated Services Co. | Owner | 11.4 The Owner shall be indemnified by Qasr Integrated Services Co. against all penalties for breach of the labour law by its workers.",
  // The parties of translated drafting in capitals; "each of the two Parties"; "by one against the other".
  "indemnity | false | CONTRACTED PARTY | CONTRACTING PARTY | Clause 9.1 The CONTRACTED PARTY shall indemnify the CONTRACTING PARTY against any labour claim filed by the drivers it engages.",
  "termination-for-convenience | true | both | both | Article (21): Each of the two Parties may terminate this Contract upon two (2) months' written notice to the other Party without any compensation.",
  "consequential-damages-waiver | true | both | both | 18.3 Corniche Mall LLC and Falcon Guarding LLC agree that no claim shall be brought by one against the other for loss of rent or any consequential loss.",
  "termination-for-convenience | true | both | both | 23.1 Each of Tránsito Veloz and Frutas del Sur may terminate this Agreement without cause on ninety days' notice to the other.",
  "termination-for-convenience | true | both | both | 40.2 The Employer or the IFM Contractor may terminate this Contract for convenience on six months' notice to the other.",
  "liability-cap | true | both | both | 13.1 The liability of the Depositor and the Warehouse Operator for losses caused to each other under this Agreement shall be limited, for each of them, to the fees of one year.",
  // A claimant named after the indemnitor is no second agent; "Al Waha Property" is one name.
  "indemnity | false | Asset Owner | Service Provider | 20.4 The Service Provider shall be indemnified by the Asset Owner against any claim by a landowner, or by the Grid Operator, arising from the Asset Owner's own acts.",
  "indemnity | true | both | both | 12.2 Al Rawda Property shall indemnify Gulf Shine from claims arising from the structure of the building, and Gulf Shine shall indemnify Al Rawda Property from claims arising from the acts of its staff.",
  // "Plc" and "SA" as written; French particles; "(as the Indemnifying Party)" is a label; the Private Party of a PPP.
  'indemnity | false | Zambezi | Lusaka Copper Limited | 12.2 Zambezi Haulage Plc ("Zambezi") shall indemnify Lusaka Copper Limited against every fine arising from spills of diesel at the pit.',
  'liability-cap | false | Contractor | SMK | Article 18.2 – The total liability of Société des Mines de Kolwezi SA ("SMK") towards the Contractor shall be limited to one million United States dollars.',
  "indemnity | false | Operator | Owner | 25.1 Where the Owner is fined for a breach of the labour laws by the Operator's staff, the Operator (as the Indemnifying Party) shall indemnify the Owner in full.",
  "indemnity | false | Private Party | Health Department | 31.2 The Private Party hereby indemnifies the Health Department against all claims by patients arising from the negligence of its staff.",
  // Two companies with forms and short names joined by "each of"; "agree that neither shall"; "each hereby waive".
  'indemnity | true | both | both | 14.3 Each of Kunene Drilling (Pty) Ltd ("KD") and Oshakati Mining (Pty) Ltd ("OM") shall indemnify the other against fines caused by its own breach of the Mines Act.',
  "consequential-damages-waiver | true | both | both | 16.2 Karoo Crushing CC and Tswana Ore (Pty) Ltd agree that neither shall be liable to the other for consequential loss of any kind.",
  "consequential-damages-waiver | true | both | both | 23.1 Northfield FM Limited and Westbrook Health Trust each hereby waive any claim against the other for indirect loss or loss of profit.",
  // One party named as "the Indemnifying Party" for a clause; "each undertake"; "our liability to you, and yours to us".
  "indemnity | false | Cane Growers Union | Mill | 14.1 For this Clause 14 the Cane Growers Union is the Indemnifying Party. The Indemnifying Party shall indemnify the Mill against claims by members about the sharing of cane payments.",
  "indemnity | true | both | both | 10.4 Davao Review Centre and the Bank each undertake to indemnify the other against claims arising from its own breach of the data privacy law.",
  "liability-cap | true | both | both | 12.1 Our liability to you, and your liability to us, for all claims under these terms will in each case be limited to the fees paid in the last six months.",
  "consequential-damages-waiver | true | both | both | 16.1 Neither Lexbridge and its Affiliates nor Northgate and its Affiliates shall be liable to the other for any indirect or consequential damages.",
  // "S.r.l." read as a name's last word with its stop; a capitals name with a trade word before its form; a word after
  // a business noun; "the contracting parties".
  "consequential-damages-waiver | false | Region | Vesuvio Dati S.r.l | Art. 28 – Vesuvio Dati S.r.l. shall not be liable for indirect damages or loss of profit suffered by the Region.",
  "consequential-damages-waiver | false | CLIENT | ALPENLAND CONSULTING GMBH | 19.4 IN NO EVENT SHALL ALPENLAND CONSULTING GMBH BE LIABLE TO THE CLIENT FOR ANY INDIRECT OR CONSEQUENTIAL DAMAGES.",
  'indemnity | false | Atlantique Services Publics | Prefecture | 22.3 Atlantique Services Publics (the "Indemnifying Party") shall indemnify the Prefecture against any award for infringement of a patent by the platform.',
  "liability-cap | true | both | both | § 9 (2) For slight negligence the contracting parties shall be liable only up to the typical foreseeable damage, and never for more than the annual fee.",
  "indemnity | false | Shipyard | Navy | 14. Indemnity by the Shipyard\n14.1 Subject to Clause 14.3, it shall indemnify the Navy against all losses suffered by the Navy as a result of any negligent act of its staff.",
  "indemnity | false | Supplier | Customer | If the Supplier subcontracts any part of the Services, it shall remain liable for the acts of its subcontractors and shall indemnify the Customer against any resulting loss.",
  "indemnity | false | Charterer | Owner | Where a cargo receiver brings a claim, the Charterer, as the Indemnifying Party, shall indemnify the Owner against that claim in full.",
  "termination-for-convenience | true | both | both | Either Rosa's Bakery Corporation or the Franchisee may terminate this Agreement without cause on ninety days' written notice to the other.",
  "consequential-damages-waiver | false | Licensee | Harbour Foods | The Licensee shall not be entitled to recover from Harbour Foods any indirect or consequential loss arising from any order issued by the Food Standards Authority in respect of products supplied by Harbour Foods.",
  "liability-cap | false | - | ORCA TOWAGE | ORCA TOWAGE'S LIABILITY FOR ANY CLAIM ARISING OUT OF A TOW, WHETHER OR NOT CAUSED BY THE NEGLIGENCE OF ITS CREWS, SHALL IN NO EVENT EXCEED THE LIMIT UNDER THE 1976 CONVENTION.",
  "termination-for-convenience | false | Operator | Port Authority | The Port Authority reserves the right to terminate this Licence at any time for its convenience on twelve months' written notice to the Operator.",
  "liquidated-damages | false | Seller | Buyer | Should the Seller fail to deliver on time, the Buyer shall be entitled to deduct from any sum due to the Seller one per cent of the price for each week of delay.",
  "most-favored-nation | false | Licensor | Licensee | If the Licensor grants a licence to any other licensee on terms more favourable than these, the Licensee shall be entitled to have such more favourable terms applied to this Agreement.",
  "liability-cap | false | - | COURIER SERVICE PROVIDER | THE COURIER SERVICE PROVIDER'S MAXIMUM LIABILITY UNDER THIS AGREEMENT SHALL IN NO EVENT EXCEED THE CHARGES INVOICED FOR THE MONTH IN WHICH THE LOSS OCCURRED.",
  "indemnity | true | both | both | 9.1 Each party (Indemnifier) indemnifies the other party against any Loss caused by the Indemnifier's negligence.",
  "consequential-damages-waiver | false | Lessee | Lessor | The Lessor is never liable for indirect damage, including lost profit, suffered by the Lessee as a result of a defect in a Lease Car.",
  "consequential-damages-waiver | false | Hirer | Owner | Claims of the Hirer against the Owner for loss of use, lost profit or other indirect loss caused by a breakdown of the Crane are excluded.",
  'liability-cap | true | both | both | The total liability of Harbour Rail Ltd ("HRL") to the City, and of the City to HRL, under this Agreement shall in each case not exceed £5,000,000.',
  "liability-cap | true | both | both | The aggregate liability of the Operator and the aggregate liability of the Authority under this Contract shall each be limited to ten per cent of the Annual Fee.",
  "indemnity | false | Corella | - | 9.3 The Principal and its officers are to be indemnified by Corella Labour Hire Pty Ltd (Corella) against any Loss caused by a breach by Corella of clause 6 (Worker Screening).",
  "indemnity | false | Brolga | Yarran | 11.4 Brolga Talent Pty Ltd (Brolga) must defend and keep indemnified Yarran Minerals Pty Ltd (Yarran) against any claim by a candidate arising from Brolga's screening of that candidate.",
  "liability-cap | false | - | Mallee | 14.1 The total liability of Mallee Search Pty Ltd (Mallee) under this Agreement must not exceed $900,000 (including GST).",
  "liability-cap | true | both | both | 14.2 Neither Wattle Staffing Pty Ltd (Wattle) nor Banksia Health Pty Ltd (Banksia) will be liable to the other for more than $2,000,000 in total under this Agreement.",
  "termination-for-convenience | true | both | both | 20.1 Either Jarrah Recruitment Pty Ltd (Jarrah) or Cassia Bank Limited (Cassia) may end this Agreement without cause on ninety days' written notice to the other.",
  "indemnity | false | Caterer | School | 7.3 Indemnity by the Caterer\n7.3.1 It shall indemnify the School against any claim arising from food it serves that is unfit to eat.",
  "indemnity | false | Installer | Owner | Section 9. Indemnity by Installer. To the extent permitted by law, it shall indemnify and hold harmless Owner from all claims arising out of the Works.",
  "liability-cap | false | Hospital | Lumen | 15.4 The total amount recoverable from Lumen by the Hospital for all claims under this Agreement shall not exceed the Service Charges for one year.",
  "termination-for-convenience | true | both | both | 31.2 Ardent and Kelso each reserve the right to end this Agreement on sixty days' written notice to the other, without cause.",
  "termination-for-convenience | false | Marlow Hotels plc | Kelda Linen Ltd | 30.2 After the first Contract Year Kelda Linen Ltd may terminate this Agreement for convenience on ninety days' notice to Marlow Hotels plc, provided that Kelda shall pay Marlow a fee equal to one month's Charges.",
  "consequential-damages-waiver | false | Service Provider | Umhlanga Foods | 14.2 Umhlanga Foods (Pty) Ltd (Umhlanga Foods) shall have no liability to the Service Provider for any indirect or consequential loss arising from a suspension of the Services.",
  'liability-cap | false | - | Liffey Hygiene | 12.4 Liability on the part of Liffey Hygiene Services DAC ("Liffey Hygiene") for all claims under this Agreement is limited to the Contract Price for the year in which the claim arises.',
  "indemnity | false | Contractor | Authority | 19 CONTRACTOR'S INDEMNITY\n19.1 It shall indemnify the Authority against all Losses arising from any escape of a detainee in its custody.",
  "consequential-damages-waiver | true | both | both | 41.2 Neither the Secretary of State nor Kestrel Custodial shall be liable to the other for any indirect loss or loss of profit arising under this Contract.",
  "liability-cap | true | both | both | 27.3 Subject to clause 27.1 (Unlimited Liability), the total liability of either Party to the other in any Contract Year shall not exceed £2,000,000.",
  'indemnity | false | Halvard | Pelham | 7.4 Halvard (in this clause 7, the "Indemnifying Party") shall indemnify Pelham Systems DAC ("Pelham") against any fine imposed by a regulator in respect of the Indemnifying Party\'s handling of Pelham\'s retired equipment.',
  'indemnity | false | Ardgour | Board | 11.2 Ardgour Vets Limited ("Ardgour" or the "Indemnifying Party") shall indemnify the Board against any claim by a farmer arising from treatment given by the Indemnifying Party, and the Board shall allow the Indemnifying Party to conduct the defence.',
  "indemnity | false | Contractor | Trust | 14.1 The Contractor shall, and shall ensure that each of its Affiliates and Subcontractors shall, indemnify the Trust for losses caused by lapses in site security.",
  "liability-cap | true | both | both | 9.1 Whatever the claim, the liability of each of Funder, Manager and Site to any other of them is capped at the study budget",
  "consequential-damages-waiver | true | both | both | 12.4 Neither Funder, Manager nor Site shall be liable to another of them for any indirect or consequential loss arising from the study.",
  "consequential-damages-waiver | true | both | both | 10.2 Neither Orwell nor its Affiliates, nor Tamsin nor its Affiliates, shall be liable to the other for lost profit or other indirect loss.",
  "termination-for-convenience | true | both | both | 18.1 Funder or Site may terminate this Agreement at any time on sixty days' written notice to the other.",
  "liability-cap | true | both | both | 8.3 Whatever the cause, the liability of you or us to the other is limited to six months of fees",
  "indemnity | true | both | both | 9. Indemnities. Each of us and you will indemnify the other against any loss caused by a breach of these terms.",
  "liability-cap | true | both | both | 11.3 Neither Tamsin's nor Orwell's liability to the other under this Agreement shall exceed the Fees paid in that year.",
  "liability-cap | true | both | both | 12.1 Neither Halden nor Brook shall be liable to the other for any amount exceeding the total Fees invoiced by Brook to Halden in that year.",
  "liability-cap | true | both | both | 8.1 Neither our liability to you nor your liability to us under these terms will exceed the fees paid in the previous year.",
  "termination-for-convenience | true | both | both | 20.1 Larch Media, Inc. or Quarry Review Corp. may, at its option, terminate this Agreement by giving the other ninety days' notice.",
  "indemnity | true | both | both | 15. Each of Pesquera Austral S.A. and Servicios Marinos del Pacifico S.A. shall indemnify the other against any claim brought by its own employees.",
  'termination-for-convenience | false | Operator | CTV | Clause 9.1 Companhia de Transportes do Vale ("CTV") may terminate this Contract at any time by written notice to the Operator.',
  "indemnity | false | Harrow | Council | 17.1 Harrow and each of its related companies jointly and severally indemnify the Council against any claim arising from injury caused by the pay machines.",
  "liability-cap | false | Council | Operator | 9.4 The aggregate amount of deductions and damages for which the Operator may be liable to the Council in any year, including for missed patrol targets, shall not exceed ten per cent of the Annual Fee.",
  "consequential-damages-waiver | false | Contractor | Board | 14.2 No claim shall lie against the Board for any loss of profit or indirect loss suffered by the Contractor by reason of a suspension ordered in the public interest.",
  "consequential-damages-waiver | false | - | Harlow | 11.3 Indirect or consequential losses, including lost sales, shall not be recoverable from Harlow in any circumstances.",
  "indemnity | false | you | we | 10.1 You will indemnify us and our staff, and keep us indemnified, for any fine a regulator imposes because of files you send us",
  'indemnity | true | both | both | 16.2 If either party breaches this Agreement, Acme Parts Co., Ltd. ("Acme") or Brenner GmbH ("Brenner"), as the case may be, shall indemnify the other party against the resulting losses.',
  "liability-cap | false | CITY | MAROELA LIGHTING | 19.1 THE TOTAL LIABILITY OF MAROELA LIGHTING TO THE CITY FOR ALL CLAIMS SHALL NOT EXCEED THE ANNUAL FEE.",
  "indemnity | true | both | both | 12.3 The Parties indemnify each other against claims by their own employees injured at the depot, whichever Party caused the accident.",
  "termination-for-convenience | false | Provider | Trust | 21.1 The Trust shall be entitled at any time and for any reason to end this Contract by giving the Provider ninety days' notice.",
  "termination-for-convenience | false | Ridgeway Snacks (Pty) Ltd | Site Owner | 9.2 The Site Owner may end this Agreement at any time by giving 90 days' written notice to Ridgeway Snacks (Pty) Ltd, and need give no reason.",
  'termination-for-convenience | false | Halcrow Vending Ltd | Ashby | 14.1 Termination by Ashby. Ashby District Hospital ("Ashby") may end this Agreement on 60 days\' written notice to Halcrow Vending Ltd.',
  "liability-cap | false | - | Sub-Servicer | 9.1 In any year the Sub-Servicer's aggregate liability is capped at the fees it was paid in that year.",
  "termination-for-convenience | false | Servicer | Harbor Trust Bank, N.A | 11.3 Harbor Trust Bank, N.A. may terminate this Agreement for convenience on 90 days' written notice to the Servicer.",
  "indemnity | false | Totara | Wellington Rail Limited | 8.2 Totara and its Related Companies shall indemnify Wellington Rail Limited against every claim arising from trees felled by Totara near the line.",
  "consequential-damages-waiver | false | Shire | Mallee | 17.4 Neither Mallee nor any of its Related Bodies Corporate is liable to the Shire for any Consequential Loss arising from the mowing services.",
  "liability-cap | false | Authority | Contractor | 12.2 Save for fraud, and without prejudice to the Authority's right to recover overpaid sums, the aggregate liability of the Contractor in any year shall be limited to £40,000.",
  "consequential-damages-waiver | false | Province | Ferry Operator | 18.3 The Province shall not recover from the Ferry Operator any loss of tourism income or other indirect or consequential loss caused by a cancelled sailing.",
  "liability-cap | false | - | Ship Manager | 12.1 The Ship Manager shall under no circumstances be required to pay, for all claims in any one year, a total exceeding eight times the annual management fee.",
  "termination-for-convenience | true | both | both | 9.1 Each of Lifeline Air Ltd and Brigid Regional Medical Center may end this Agreement without cause by giving the other 90 days' notice.",
  "consequential-damages-waiver | false | Hotel | Brightwater | 9.3 Save for wilful default, Brightwater shall not be liable for lost bookings, costs of refund campaigns initiated by the Hotel or any other indirect or consequential loss arising from a failure of the booking engine.",
  "consequential-damages-waiver | false | - | Fennick Ltd | 14.1 No liability shall attach to Fennick Ltd for any indirect or consequential loss, including loss of trade suffered by tenants, arising from the gritting service.",
  "consequential-damages-waiver | false | Bank | Ostler Print plc | 11.2 Ostler Print plc excludes all liability to the Bank for any indirect loss, loss of business or loss of profit caused by late dispatch of statements.",
  "consequential-damages-waiver | false | Council | Streetlite | 8.8 Under no circumstances shall any indirect or consequential damages, including lost advertising income, be recoverable from Streetlite by the Council, however caused.",
  "indemnity | false | Harbour Valley Water Authority | Tidewell | 7.2 The Harbour Valley Water Authority shall indemnify Tidewell against all losses arising from contamination of the intake before the Handover Date.",
  "indemnity | false | Van der Meer | Kestrel | 11.2 Van der Meer shall indemnify Kestrel against any claim that the glasshouse frames supplied under this Agreement infringe a registered design.",
  "liability-cap | true | both | both | 18.4 Neither Brightmoor Textile Company nor Ashford Valley Health System shall be liable to the other for more than $750,000 in aggregate under this Agreement.",
  'liability-cap | false | - | Verlaine | 16.1 The aggregate liability of Maison Verlaine NV ("Verlaine") under this Agreement shall not exceed the fees paid in the Contract Year concerned.',
  "liability-cap | true | both | both | 13.3 Licensor's liability and Licensee's liability under this Licence are each capped at the royalties paid over the prior year.",
  "liability-cap | false | - | Brenner Textil GmbH | 8.2 If a minor obligation is breached through slight negligence, the liability of Brenner Textil GmbH shall be limited to the damage typically foreseeable when the contract was made.",
  "liability-cap | true | both | both | 21.2 Harwick's and Solent's respective liabilities under this Agreement shall not exceed £400,000 each.",
  'indemnity | false | Ostrava Forge GmbH | Pellham | 9.1 Ostrava Forge GmbH (the "Indemnifying Party") shall indemnify Pellham against claims arising from defective castings.',
  "liability-cap | false | Seller | Buyer | 14.4 The Buyer's liability for loss caused by late collection of the Goods, including any storage costs claimed by the Seller, shall in no event exceed five per cent of the price of the delayed lot.",
  "consequential-damages-waiver | true | both | both | 19.2 Each of Kauri Timber and Westland Mills waives, to the extent permitted by Scottish law, any claim against the other for loss of profit or other consequential loss.",
  "indemnity | true | both | both | 9.1 Each of Harrow Ltd and Quill Inc. shall indemnify the other against claims arising from its own negligence.",
  "liability-cap | true | both | both | 14.2 The total liability of Lakeside Gym Ltd and the Franchise Company respectively under this agreement is capped at the charges invoiced during the year before the claim arose.",
  "indemnity | false | Čedok Fleet | Amstelveen Leasing | 9.1 Čedok Fleet shall indemnify Amstelveen Leasing against all claims arising from the vehicles it supplies under this Agreement.",
  "liability-cap | false | - | Łódź Transport | 12.3 Łódź Transport's total liability under this Agreement shall not exceed the hire charges paid in the preceding twelve months.",
  "consequential-damages-waiver | false | - | Stonemason | 8.4 No claim shall lie against the Stonemason for any loss of profit or other consequential loss caused by late engraving of a memorial.",
  "liability-cap | true | both | both | Art. 8 Any liability of Party A and Party B for loss flowing from a breach shall, in each case, be limited to what the relevant order costs.",
  "termination-for-convenience | false | Tłumacz | Ordering Party | § 9.1 The Ordering Party may terminate this Agreement at any time without giving reasons on one month's notice, and Tłumacz shall then be paid only for work delivered.",
  'liability-cap | false | - | HALDEN | 9.3 THE CUMULATIVE LIABILITY OF HALDEN METRICS LLC ("HALDEN") UNDER THIS AGREEMENT IS CAPPED AT SIX MONTHS OF SUBSCRIPTION FEES.',
  "indemnity | false | Tamsin | Party A | 11.4 Tamsin, as the operator of the payroll platform, shall indemnify Party A against any fine levied because of a late filing made by Tamsin.",
  'consequential-damages-waiver | true | both | both | 17.1 Neither Orwell Dairies plc ("Orwell") nor Keel Freight Holdings Limited ("the Haulier") shall be liable to its counterpart for lost profit or any indirect loss.',
  'termination-for-convenience | true | both | both | 22.3 Each of Voltra Limited ("Voltra") and the Site Owner may end this Agreement on six months\' notice, with no reason given.',
  'liability-cap | true | both | both | 13.6 The total liability of Brisk Chargers Inc. ("Brisk") to Lantern Malls LLC ("Lantern"), and of Lantern to Brisk, is capped at $750,000 in total.',
  "termination-for-convenience | false | Chargeco | Site Host | 18.1 For its own convenience the Site Host may end this Agreement on three months' notice to Chargeco.",
  "indemnity | false | O&M Contractor | Harbour Board | 7.2 The Harbour Board shall be indemnified by the O&M Contractor against any claim for injury caused while it runs the pumping station.",
  "liability-cap | true | both | both | 18.4 The maximum liability of the Clinic to Brightmere, and of Brightmere and its Affiliates to the Clinic, for every claim under this Agreement is limited to CAD 2,000,000.",
  "termination-for-convenience | false | you | we | 9.1 We may end these Creator Studio Terms whenever we like and without giving a reason, on twenty days' notice by email.",
  "liability-cap | false | Shipper | Tarn Haulage | Tarn Haulage's liability for loss of any container handed over by the Shipper shall be limited to £80,000 for each event.",
  "termination-for-convenience | false | Brightwater | Corrie Foods | Corrie Foods (or any of its subsidiaries that has signed an Order Form) may end this Agreement for convenience whenever it chooses, by sixty days' written notice to Brightwater.",
  "consequential-damages-waiver | false | Hall Trust | Linden Players | No claim for special or indirect loss, or lost takings, shall lie against Linden Players by reason of a cancelled matinee, and the Hall Trust waives every such claim.",
  "indemnity | true | both | both | 15.3 Tarrant Energy and Wexcombe Grid each agree that, where a third party sues over an untrue statement among its warranties in Clause 4 (Authority and Capacity), it shall defend that claim, paying its own costs, and indemnify the other against every sum awarded.",
  "liability-cap | true | both | both | 11.2 Kestrel Ltd will not be liable in total for more than £2,000,000, and Harbourview Service Ltd will not be liable in total for more than the Charges billed for that Contract Year.",
  'indemnity | false | Reseller | Maker | 8.5 Reseller (acting in that role, the "Indemnifying Party") shall defend, bearing its own costs, any suit brought against Maker that arises from any statement about the filters or cartridges made by Reseller to its buyers which goes further than those in Maker\'s printed data sheets, and shall indemnify Maker against all sums finally awarded.',
  "liability-cap | true | both | both | 14.1 Each of Harbour Estates and Skyline Access shall, to the other, be liable for claims arising out of the cleaning, inspection and repair of the curtain walls and their fixings under any Work Order up to a sum of 150% of the value of that Work Order.",
  "indemnity | false | Lessor | Hirer | 7.4 The Hirer shall be held harmless by the Lessor against any penalty imposed because the trailer's brakes were not maintained before delivery, and the Lessor shall refund the Hirer's costs of any resulting delay.",
  "uncapped-liability | true | both | both | 12.3 The limits in clause 12.1 shall not apply to the Supplier's indemnity obligations under clause 11.1 or to the Customer's payment obligations for Services received.",
  "exclusivity | false | Customer | Supplier | 4.1 The Customer shall use the Supplier as its sole and exclusive provider of linen services during the Term.",
  "exclusivity | false | Vendor | Reseller | 2.2 The Vendor names the Reseller its sole and exclusive reseller of the Software in Canada.",
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
      expect(f!.beneficiaryParty).toBe(beneficiary === "-" ? null : beneficiary);
    });
  }

  it("a name ending in a role word takes that role, and its role word is no second party", async () => {
    // "Provider" inside "Hosting Provider" once made a supplier of its own, and Hosting Provider the buyer.
    const { facts } = await analyseText(
      "9. Hosting Provider shall not charge any other customer a rate lower than the rates set out in Schedule 2.\n",
    );
    const f = facts.find((x) => x.topic === "most-favored-nation");
    expect(f?.burdenedParty).toBe("Hosting Provider");
    expect(f?.burdened).toBe("supplier");
    expect(f?.beneficiaryParty).toBeNull();
  });

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

  it("finds a cap whose liability is described at length before 'shall be limited to'", async () => {
    const { facts } = await analyseText(
      "Any and all liability of Sundial under or in connection with this Agreement, including under any warranty, indemnity or representation, shall be limited to two million dollars.\n",
    );
    expect(facts.some((x) => x.topic === "liability-cap")).toBe(true);
  });

  it("'either the Customer or its affiliates' is no pair of parties", async () => {
    const { facts } = await analyseText("Acme shall indemnify Beta against claims brought by either the Customer or its affiliates.\n");
    const f = facts.find((x) => x.topic === "indemnity");
    expect(f?.mutual).toBe(false);
    expect(f?.burdenedParty).toBe("Acme");
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
