import { describe, expect, it } from "vitest";
import { analyseText } from "./helpers.js";

/**
 * Who a clause is about, over the common ways contracts phrase indemnities, caps, indirect-loss waivers and
 * termination for convenience: active and passive, possessive and "of", "each"/"either"/"neither", a party inside an
 * adverbial phrase, waivers given and claims waived. Each row is "topic | mutual|burdened party | clause".
 * Written from clause families, not from any contract in the corpus.
 */
const PRE =
  'SERVICES AGREEMENT\n\nThis Agreement is made between Harbour Foods Limited (the "Client") and Keystone Logistics Inc (the "Contractor").\n\nWHEREAS the Client wishes to engage the Contractor to provide logistics services.\n\n1. Terms\n\n';

const NAMED_PRE =
  'MASTER SERVICES AGREEMENT\n\nThis Master Services Agreement is entered into as of March 1, 2021 by and between Orion Retail Corp., a Delaware corporation ("Orion"), and Vantage Systems LLC, a Texas limited liability company ("Vantage").\n\nRECITALS\n\nWHEREAS, Orion desires to engage Vantage to provide hosting services, and Vantage desires to provide such services.\n\n1. Terms\n\n';

/** Parties called by role words ("the Client", "the Contractor"). */
const BY_ROLE_WORD = [
  "liability-cap | false|Client | 1.1 The Client's recovery against the Contractor for any claim shall be limited to direct damages not exceeding $1,000,000.",
  "indemnity | false|Contractor | 1.1 The Contractor shall indemnify, defend and hold harmless the Client from all third-party claims arising from the Services.",
  "indemnity | false|Contractor | 1.1 The Client shall be indemnified and held harmless by the Contractor against all losses.",
  "indemnity | false|Client | 1.1 Indemnification by Client. Client agrees to indemnify Contractor against claims arising from Client's materials.",
  "indemnity | true|both | 1.1 Each party shall indemnify the other against claims caused by its negligence.",
  "indemnity | false|Contractor | 1.1 The Contractor agrees, at its own expense, to defend any action brought against the Client alleging that the Services infringe a patent.",
  "liability-cap | false|Client | 1.1 In no event shall the Contractor's aggregate liability under this Agreement exceed the fees paid by the Client in the twelve months preceding the claim.",
  "liability-cap | true|both | 1.1 Neither party's total liability shall exceed the fees paid hereunder.",
  "liability-cap | false|Contractor | 1.1 The Client's liability under this Agreement shall be limited to the amount of fees payable.",
  "liability-cap | false|Client | 1.1 The total liability of the Contractor for all claims shall not exceed $100,000.",
  "consequential-damages-waiver | false|Client | 1.1 In no event shall the Contractor be liable to the Client for any indirect, special or consequential damages.",
  "consequential-damages-waiver | true|both | 1.1 Neither party shall be liable to the other for lost profits or consequential damages.",
  "consequential-damages-waiver | false|Contractor | 1.1 The Client shall not be liable for any indirect or consequential loss suffered by the Contractor.",
  "consequential-damages-waiver | false|Client | 1.1 The Client waives any claim against the Contractor for indirect or consequential damages.",
  "consequential-damages-waiver | false|Contractor | 1.1 On termination the Client shall pay the Contractor for the Services performed to date, but shall have no liability for loss of profit on the remainder.",
  "consequential-damages-waiver | false|Contractor | 1.1 On termination the Contractor shall have no claim for lost fees, anticipated profits or any termination compensation.",
  "termination-for-convenience | false|Contractor | 1.1 The Client may terminate this Agreement for convenience on thirty days' written notice to the Contractor.",
  "termination-for-convenience | false|Contractor | 1.1 This Agreement may be terminated by the Client at any time, without cause, upon sixty days' notice.",
  "termination-for-convenience | true|both | 1.1 Either party may terminate this Agreement for any reason upon ninety days' written notice to the other party.",
  "termination-for-convenience | false|Client | 1.1 The Contractor may, at any time and for any reason, terminate this Agreement by giving the Client six months' notice.",
  "termination-for-convenience | false|Contractor | 1.1 Notwithstanding anything to the contrary, the Client may terminate this Agreement, in whole or in part, at its convenience by written notice to the Contractor.",
  "consequential-damages-waiver | false|Client | 1.1 Except for breaches of confidentiality, the Contractor shall not be liable to the Client for any special, incidental or consequential damages.",
  "consequential-damages-waiver | true|both | 1.1 Any dispute shall go to arbitration in London, and the arbitral award shall not include any indirect, special or consequential damages.",
  "indemnity | false|Contractor | 1.1 The Contractor will, at the Client's request, indemnify the Client and its officers against any loss arising from the Contractor's breach.",
  "indemnity | false|Client | 1.1 Client shall defend, indemnify and hold harmless Contractor and its affiliates from any claim arising out of Client's use of the deliverables.",
  "liability-cap | false|Client | 1.1 Contractor's maximum liability for any and all claims arising under this Agreement is limited to the total fees paid by Client.",
  "indemnity | false|Contractor | 1.1 The Contractor shall give the Client such reports as the Client shall request and shall indemnify the Client against any error in them.",
  "indemnity | false|Client | 1.1 If the Contractor so asks, the Client shall indemnify the Contractor against claims regarding the Client's premises.",
  'indemnity | false|Client | 1.1 The Client will indemnify the Contractor and each person who controls the Contractor (each, an "Indemnified Party") against any loss to which such Indemnified Party may become subject, and will reimburse each Indemnified Party for its legal costs.',
  "consequential-damages-waiver | true|both | 1.1 IN NO EVENT SHALL ANY PARTY OR THE CONTRACTOR'S LICENSORS BE LIABLE TO ANOTHER PARTY FOR ANY INDIRECT OR CONSEQUENTIAL DAMAGES.",
  "indemnity | false|Contractor | 1.1 Schedule 4 to the Agreement between Client and Contractor Music Rights Indemnification Contractor agrees to indemnify Client against claims that its music licences do not cover the broadcasts.",
  "consequential-damages-waiver | false|Contractor | 1.1 Under no circumstances will Client be liable to Contractor for lost profits, lost revenue or punitive damages.",
  "indemnity | false|Contractor | 1.1 The Contractor hereby agrees to indemnify the Client, its directors, officers and employees and to hold each of them harmless from any losses.",
  "indemnity | false|Contractor | 1.1 The Client shall be entitled to indemnification from the Contractor for any losses caused by the Contractor's negligence.",
  "indemnity | false|Contractor | 1.1 Where the Client pays damages to a third party in advance, the Client has the right to be indemnified by the Contractor for them.",
  "indemnity | false|Contractor | 1.1 The Client is entitled to be indemnified by the Contractor for any fine imposed because of the Contractor's drivers.",
  "sole-discretion | false|Contractor | 1.1 The decision to approve any subcontractor shall be in the sole discretion of the Client.",
  "sole-discretion | false|Contractor | 1.1 In the event that the Contractor's use of the logo, in the sole judgment of the Client, may harm the Client's marks, the Client may terminate this Agreement on notice.",
  "sole-discretion | false|Contractor | 1.1 If the Client determines, in its sole discretion, that the service is being misused, the Client may suspend it.",
  "sole-discretion | false|Contractor | 1.1 If the Client, in its absolute discretion, forms the view that any data uploaded by the Contractor contains a virus, the Client may remove it and charge the Contractor the costs.",
  "sole-discretion | false|Contractor | 1.1 The Client shall have no obligation to buy the shares of the Contractor if the Client's board of directors should determine, in its sole discretion, that the purchase would not be accretive.",
  "indemnity | false|Contractor | 1.1 The Contractor shall hold the Client harmless from any claims by the Contractor's subcontractors.",
  "consequential-damages-waiver | false|Client | 1.1 The Contractor shall have no liability for any indirect or consequential damages suffered by the Client.",
  "liability-cap | false|Client | 1.1 The liability of the Contractor for any claim, whether in contract or tort, shall in no event exceed the fees paid.",
  "consequential-damages-waiver | true|both | 1.1 IN NO EVENT SHALL EITHER PARTY BE LIABLE FOR ANY INDIRECT, INCIDENTAL OR CONSEQUENTIAL DAMAGES.",
  "consequential-damages-waiver | false|Client | 1.1 The Contractor and its affiliates shall not be liable for any lost profits or special damages.",
  "termination-for-convenience | false|Contractor | 1.1 The Client reserves the right to terminate this Agreement at any time, for any reason, on thirty days' notice.",
  "termination-for-convenience | false|Client | 1.1 The Contractor may cancel this Agreement at any time without cause upon sixty days' written notice to the Client.",
  "termination-for-convenience | false|Contractor | 1.1 Upon ninety days' prior written notice, the Client may terminate this Agreement for any or no reason.",
  "consequential-damages-waiver | false|Client | 1.1 The Contractor's liability for indirect and consequential loss is excluded.",
  "consequential-damages-waiver | false|Contractor | 1.1 If the Client ends the Services early, the Client shall pay for work done and for withdrawing Contractor Personnel from site, but is not liable for any anticipated profit.",
  "consequential-damages-waiver | true|both | 1.1 Neither party shall be liable to the other, by reason of the expiry of this Agreement, for damages on account of the loss of prospective profits.",
  "indemnity | false|Client | 1.1 The Client shall defend the Contractor against any claim alleging that the Client Materials, or the Contractor's use of them under this Agreement, infringe a patent, and shall indemnify it for all damages awarded.",
  "indemnity | false|Client | 1.1 The Client shall compensate the Contractor for the losses actually suffered by the Contractor arising out of a claim of any third party about the Client's designs.",
  "indemnity | true|both | 1.1 Where a joint invention is challenged, the owner of the challenged patent shall indemnify the other party against the costs of the challenge.",
  "consequential-damages-waiver | true|both | 1.1 The parties exclude liability towards each other for lost profit and for indirect damage.",
  "liability-cap | false|Client | 1.1 Except for its indemnity obligations, the Contractor's total liability shall not exceed one million dollars.",
  "consequential-damages-waiver | false|Contractor | 1.1 The Client shall not, under any circumstances, be liable for special or punitive damages.",
  "indemnity | false|Client | 1.1 The Client hereby indemnifies the Contractor against all claims arising from the Client's instructions.",
  "indemnity | false|Contractor | 1.1 The Contractor shall reimburse, indemnify and hold harmless the Client, its affiliates and their employees from and against all losses.",
  "termination-for-convenience | false|Contractor | 1.1 Subject to clause 9, the Client may terminate this Agreement without cause by giving not less than three months' notice.",
  "termination-for-convenience | true|both | 1.1 This Agreement may be terminated by either party at any time on sixty days' notice.",
  "termination-for-convenience | true|both | 1.1 This Agreement may be terminated (a) by the Client at any time on thirty days' notice to the Contractor; or (b) by the Contractor at any time on six months' notice to the Client.",
  "termination-for-convenience | true|both | 1.1 This Agreement may be terminated without cause by the Client on one month's notice and by the Contractor on three months' notice.",
  "liability-cap | true|both | 1.1 The maximum aggregate liability of each party under this Agreement shall not exceed the total fees.",
  "indemnity | true|both | 1.1 The Contractor shall defend and indemnify the Client against claims that the deliverables infringe third-party rights, and the Client shall indemnify the Contractor against claims arising from the Client's data.",
  "liability-cap | false|Client | 1.1 Except for the Client's payment obligations, the aggregate liability of the Contractor under this Agreement shall be limited to the fees paid by the Client in the prior twelve months.",
  "liability-cap | false|Client | 1.1 Except for the Client's payment obligations, the Contractor's aggregate liability shall be limited to the fees paid in the prior twelve months.",
  "liability-cap | false|Client | 1.1 The Contractor's liability on any claim arising out of any purchase order issued by the Client shall in no case exceed the price of the Services ordered.",
  "liability-cap | true|both | 1.1 The parties' respective liabilities for all claims under this Agreement shall be limited, in each case, to the fees paid in the preceding twelve months.",
  "liability-cap | true|both | 1.1 The total liability of the Client (together with its Affiliates) and of the Contractor (together with its Subcontractors) shall not exceed the fees paid.",
  "indemnity | false|Contractor | 1.1 The Contractor shall defend the Client against any claim that the Client Data, or the Client's use of the Services, infringes a third party's rights, and it shall indemnify and hold them harmless from all damages finally awarded.",
];

/** Parties known by their own names ("Orion", "Vantage"). */
const BY_NAME = [
  "indemnity | false|Vantage | 1.1 Vantage shall indemnify each of Orion, its Affiliates and their officers, and defend and hold each of them harmless from any third-party claim.",
  "indemnity | false|Vantage | 1.1 Vantage shall indemnify each Orion Indemnified Party and hold each Orion Indemnified Party harmless from any loss.",
  "exclusivity | false|Orion | 1.1 Orion appoints Vantage as its exclusive distributor in the Territory.",
  "liability-cap | false|Vantage | 1.1 Vantage agrees that neither Orion nor its affiliates (other than Vantage) shall have any liability, whether direct or indirect, to Vantage in connection with this Agreement.",
  "consequential-damages-waiver | true|both | 1.1 None of the members of the Orion Group and the Vantage Group shall be liable for any indirect or consequential damages.",
  "indemnity | false|Vantage | 1.1 Vantage shall indemnify and hold harmless each member of the Orion Group from any third-party claim, and Orion shall notify Vantage promptly of any such claim.",
  "indemnity | false|Vantage | 1.1 Vantage shall indemnify, defend and hold harmless Orion and its Affiliates from any third-party claim.",
  "indemnity | false|Vantage | 1.1 Orion shall be indemnified by Vantage for all losses arising from a data breach.",
  "indemnity | false|Orion | 1.1 Indemnification by Orion. Orion will indemnify Vantage against claims arising from Orion Content.",
  "liability-cap | false|Orion | 1.1 Vantage's aggregate liability arising out of this Agreement shall not exceed the fees paid by Orion in the prior twelve months.",
  "consequential-damages-waiver | false|Orion | 1.1 IN NO EVENT SHALL VANTAGE BE LIABLE FOR ANY INDIRECT OR CONSEQUENTIAL DAMAGES.",
  "termination-for-convenience | false|Vantage | 1.1 Orion may terminate this Agreement for convenience upon thirty (30) days' written notice to Vantage.",
  "indemnity | true|both | 1.1 Each of Orion and Vantage shall indemnify the other against claims caused by its gross negligence.",
  "consequential-damages-waiver | true|both | 1.1 Neither Orion nor Vantage shall be liable to the other for lost profits.",
  "termination-for-convenience | false|Orion | 1.1 Vantage may terminate this Agreement at any time, for any reason, upon ninety (90) days' notice to Orion.",
  "liability-cap | false|Vantage | 1.1 The total liability of Orion under this Agreement is limited to the amounts payable hereunder.",
  "liability-cap | false|Vantage | 1.1 In no event will Orion's liability for any claim exceed $50,000.",
  "consequential-damages-waiver | true|both | 1.1 Orion and Vantage each waive any claim against the other for consequential damages.",
  "indemnity | false|Vantage | 1.1 Vantage agrees to indemnify and hold Orion harmless from and against any losses resulting from Vantage's breach.",
  "termination-for-convenience | false|Vantage | 1.1 Orion shall have the right to terminate this Agreement without cause on sixty (60) days' notice.",
  "consequential-damages-waiver | false|Vantage | 1.1 Under no circumstances shall Orion be responsible to Vantage for any special, incidental or punitive damages.",
  "indemnity | false|Vantage | 1.1 Vantage will defend Orion against any claim that the Services infringe a patent and will indemnify Orion for any damages finally awarded.",
  "liability-cap | false|Orion | 1.1 EXCEPT FOR ITS INDEMNITY OBLIGATIONS, IN NO EVENT SHALL VANTAGE'S TOTAL LIABILITY EXCEED THE FEES PAID.",
  "termination-for-convenience | true|both | 1.1 Upon thirty (30) days' prior written notice, either Orion or Vantage may terminate this Agreement for convenience.",
  "consequential-damages-waiver | false|Orion | 1.1 Orion agrees that Vantage shall not be liable for any indirect damages arising from Orion's use of the Services.",
  "termination-for-convenience | false|Vantage | 1.1 Vantage acknowledges that Orion may terminate this Agreement at any time for its convenience.",
  "liability-cap | false|Orion | 1.1 Orion acknowledges that Vantage's liability is limited to the fees paid under this Agreement.",
  "indemnity | false|Vantage | 1.1 It is agreed that Vantage shall indemnify Orion against all claims of Vantage's employees.",
  "indemnity | true|both | 1.1 Vantage and Orion both agree to indemnify and hold each other harmless from claims arising from their own breach.",
  "consequential-damages-waiver | true|both | 1.1 THE PARTIES WAIVE ANY RIGHT TO CLAIM PUNITIVE OR EXEMPLARY DAMAGES AGAINST THE OTHER.",
  "consequential-damages-waiver | true|both | 1.1 IN NO EVENT SHALL EITHER VANTAGE OR ORION BE LIABLE FOR INDIRECT OR CONSEQUENTIAL DAMAGES.",
  "indemnity | true|both | 1.1 Where taxes arise from one Party's failure to report, that Party shall bear the cost and shall indemnify the other Party.",
  'indemnity | false|Orion | 1.1 Orion agrees to defend Vantage and its officers (collectively, the "Vantage Indemnified Persons") against third-party claims, and to indemnify the Vantage Indemnified Persons for any damages.',
  "indemnity | false|Vantage | 1.1 Vantage's staff are not employees of Orion, and Vantage shall indemnify Orion against any claim that they are.",
  "exclusivity | false|Orion | 1.1 Vantage shall have the exclusive right to market the Products in the Territory.",
  "consequential-damages-waiver | true|both | 1.1 None of Orion, Vantage or any of their affiliates shall have any liability to the other for any indirect or consequential damages.",
  "unbounded-audit | false|Vantage | 1.1 Vantage shall permit Orion to inspect and audit its records at any time and without prior notice.",
  "unbounded-audit | false|Vantage | 1.1 Orion shall have the right at any time and without prior notice to Vantage to inspect and audit Vantage's records.",
  "unbounded-audit | false|Vantage | 1.1 At any time Orion and its agents may inspect any records relating to the Services and discuss them with Vantage's officers.",
  "liability-cap | false|Orion | 1.1 THE LIABILITY OF VANTAGE FOR DAMAGES HEREUNDER IS LIMITED TO, AND WILL NOT EXCEED, THE AMOUNTS PAID BY ORION TO VANTAGE.",
  "exclusivity | false|Orion | 1.1 Vantage is the sole and exclusive distributor of the Products in the Territory.",
  "exclusivity | false|Orion | 1.1 Orion hereby grants to Vantage an exclusive licence to distribute the Products in the Territory.",
  "non-solicit | false|Vantage | 1.1 Vantage shall not, without Orion's prior written consent, solicit for employment any employee of Orion.",
  "most-favored-nation | false|Orion | 1.1 If supplies run short, Vantage shall be treated no less favourably than any other customer of Orion.",
  "most-favored-nation | false|Orion | 1.1 Orion shall credit Vantage so that Vantage's price per unit for the Products shall be no greater than the lowest price charged to any other customer.",
];

/** A licence whose parties are "Licensor" and "Licensee": releases, recovery, remedies and two-sided sentences. */
const LICENCE_PRE =
  'LICENSE AND SERVICES AGREEMENT\n\nThis Agreement is made between Northwind Software GmbH ("Licensor") and Tallis Devices, Inc. ("Licensee").\n\n1. Terms\n\n';

const IN_A_LICENCE = [
  "indemnity | false|Licensor | 1.1 Subject to Section 9, Licensor shall indemnify Licensee against any claim that the Software infringes a third party's patent.",
  "liability-cap | false|Licensee | 1.1 Notwithstanding the foregoing, Licensor's liability to Licensee under this Agreement shall not exceed the license fees paid.",
  "consequential-damages-waiver | false|Licensee | 1.1 Licensee shall not be entitled to recover from Licensor any indirect or consequential damages.",
  "consequential-damages-waiver | false|Licensee | 1.1 Licensee agrees that Licensor shall have no liability for any lost profits of Licensee.",
  "termination-for-convenience | false|Licensor | 1.1 If Licensee terminates this Agreement for convenience on 90 days' notice, Licensee shall pay all fees accrued.",
  "termination-for-convenience | false|Licensor | 1.1 Licensee, at its option, may terminate this Agreement at any time upon thirty days' written notice to Licensor.",
  "indemnity | true|both | 1.1 Licensor will indemnify, defend and hold Licensee harmless, and Licensee will indemnify, defend and hold Licensor harmless, from claims caused by their respective negligence.",
  "consequential-damages-waiver | false|Licensee | 1.1 In no event shall Licensor or its suppliers be liable for any special, incidental or consequential damages.",
  "remedy-limit | false|Licensee | 1.1 Licensee's exclusive remedy for any breach of warranty shall be the repair or replacement of the Software.",
  "liability-cap | false|Licensee | 1.1 LICENSOR'S ENTIRE LIABILITY AND LICENSEE'S EXCLUSIVE REMEDY SHALL BE LIMITED TO THE FEES PAID.",
  "consequential-damages-waiver | false|Licensee | 1.1 Licensee hereby releases Licensor from any liability for consequential damages arising from the Software.",
  "termination-for-convenience | true|both | 1.1 Licensor may terminate this Agreement at any time for any reason upon sixty days' written notice, and Licensee may terminate it upon thirty days' written notice.",
];

/** An outsourcing agreement's "Customer" and "Supplier", in wordings common in UK and US forms (the party named is
 * the burdened one, as in every table here). */
const OUTSOURCING_PRE =
  'OUTSOURCING AGREEMENT\n\nThis Agreement is made between Harbour Foods Limited (the "Customer") and Keystone Logistics Inc (the "Supplier").\n\n1. Terms\n\n';

const IN_OUTSOURCING = [
  "indemnity | false|Supplier | 1.1 The Supplier will hold the Customer harmless from and against any loss arising out of the Supplier's negligence.",
  "indemnity | false|Supplier | 1.1 Supplier hereby agrees to indemnify, defend and save harmless Customer from any claim.",
  "indemnity | false|Customer | 1.1 Customer will be responsible for, and shall indemnify Supplier against, any claim arising from Customer Data.",
  "indemnity | false|Supplier | 1.1 Subject to clause 12.3, the Supplier shall keep the Customer fully indemnified against all losses arising from any breach of this Agreement by the Supplier.",
  "indemnity | false|Supplier | 1.1 The Customer shall be entitled to be indemnified by the Supplier in respect of any fines.",
  "indemnity | true|both | 1.1 Each of the Supplier and the Customer shall indemnify the other against claims arising from its own breach.",
  "indemnity | false|Supplier | 1.1 The Supplier undertakes to indemnify the Customer in full against any third-party claim.",
  "indemnity | false|Supplier | 1.1 Without prejudice to any other remedy, the Supplier shall indemnify the Customer on demand against any costs.",
  "liability-cap | false|Customer | 1.1 The Supplier's total aggregate liability arising out of or in connection with this Agreement shall be limited to 150% of the Charges paid.",
  "liability-cap | false|Customer | 1.1 Subject to clause 15.1, the liability of the Supplier in each Contract Year shall not exceed the Charges paid in that year.",
  "liability-cap | true|both | 1.1 Each party's total liability under this Agreement shall not exceed the annual Charges.",
  "liability-cap | false|Customer | 1.1 The maximum amount for which the Supplier may be liable shall be the fees paid in the preceding twelve months.",
  "liability-cap | false|Supplier | 1.1 The Customer's liability shall in no event exceed the Charges payable under this Agreement.",
  "liability-cap | false|Customer | 1.1 Notwithstanding anything to the contrary, the Supplier shall not be liable to the Customer for any amount in excess of $1,000,000.",
  "liability-cap | true|both | 1.1 Neither party shall be liable to the other for more than the total Charges paid in the previous year.",
  "consequential-damages-waiver | true|both | 1.1 Neither party shall be liable for any loss of profits or any indirect or consequential loss.",
  "consequential-damages-waiver | false|Customer | 1.1 The Supplier shall not in any circumstances be liable to the Customer for any indirect or consequential loss.",
  "consequential-damages-waiver | false|Customer | 1.1 The Customer agrees that the Supplier will not be liable for any lost profits or special damages.",
  "consequential-damages-waiver | true|both | 1.1 In no event will either party be liable to the other for any punitive damages.",
  "consequential-damages-waiver | false|Supplier | 1.1 The Customer shall have no liability for any indirect loss suffered by the Supplier.",
  "termination-for-convenience | false|Supplier | 1.1 The Customer may terminate this Agreement at any time, without cause, by giving the Supplier not less than 90 days' written notice.",
  "termination-for-convenience | false|Supplier | 1.1 The Customer shall be entitled to terminate this Agreement for convenience upon 60 days notice to the Supplier.",
  "termination-for-convenience | true|both | 1.1 Either party may terminate this Agreement for convenience by giving six months' written notice to the other party.",
  "termination-for-convenience | false|Customer | 1.1 The Supplier may end this Agreement at any time by giving the Customer 180 days' prior written notice.",
  "termination-for-convenience | false|Supplier | 1.1 This Agreement may be terminated by the Customer without cause upon thirty days written notice.",
  "termination-for-convenience | false|Supplier | 1.1 The Customer reserves the right to terminate this Agreement in whole or in part for its convenience at any time by written notice.",
  "termination-for-convenience | false|Supplier | 1.1 At any time after the first Contract Year, the Customer may terminate this Agreement on 90 days' notice without liability.",
  "termination-for-convenience | false|Supplier | 1.1 On giving not less than three months' notice to the Supplier, the Customer may terminate this Agreement for convenience.",
  'indemnity | true|both | 1.1 Each Party (the "Indemnifying Party") shall indemnify the other Party against all claims arising from its breach.',
  "indemnity | false|Supplier | 1.1 If any claim is made against the Customer arising from the Services, the Supplier shall indemnify the Customer against it.",
  "indemnity | false|Supplier | 1.1 The Supplier shall, at its own expense, defend the Customer against any claim that the Deliverables infringe any patent and shall pay all damages finally awarded.",
  "indemnity | false|Customer | 1.1 The Customer agrees to indemnify and keep indemnified the Supplier from any losses arising out of the Customer's instructions.",
  "indemnity | false|Supplier | 1.1 Save where caused by the Customer, the Supplier shall indemnify the Customer in respect of death or personal injury caused by its staff.",
  "liability-cap | false|Customer | 1.1 The Supplier's liability under this Agreement shall be capped at the Charges paid in the twelve months preceding the claim.",
  "liability-cap | false|Customer | 1.1 The Supplier shall be liable only up to an amount equal to the annual Charges.",
  "liability-cap | false|Customer | 1.1 The aggregate liability of Supplier for all claims shall not exceed, in the aggregate, the total fees paid.",
  "liability-cap | true|both | 1.1 The liability of either party for any claim shall be limited to the amount of the Charges paid.",
  "liability-cap | false|Supplier | 1.1 In no event shall the Customer's aggregate liability exceed the amounts due under this Agreement.",
  "liability-cap | false|Customer | 1.1 Except in the case of fraud, the Supplier's total liability to the Customer shall not exceed two million pounds.",
  "consequential-damages-waiver | true|both | 1.1 Neither the Customer nor the Supplier shall be liable for any indirect, incidental or consequential damages.",
  "consequential-damages-waiver | false|Customer | 1.1 The Supplier excludes all liability for loss of profit, loss of revenue and loss of goodwill.",
  "consequential-damages-waiver | true|both | 1.1 The parties waive any claim against each other for special or punitive damages.",
  "consequential-damages-waiver | false|Customer | 1.1 In no event shall Supplier be responsible for any loss of data or lost profits of the Customer.",
  "consequential-damages-waiver | false|Supplier | 1.1 Under no circumstances shall the Customer be liable to the Supplier for lost profits.",
  "termination-for-convenience | false|Supplier | 1.1 The Customer may, at its sole discretion, terminate this Agreement or any Statement of Work upon thirty days' written notice.",
  "termination-for-convenience | true|both | 1.1 This Agreement may be terminated by either party without cause on 120 days' written notice.",
  "termination-for-convenience | false|Supplier | 1.1 The Customer may terminate any Service at any time for any reason on 30 days' notice, subject to payment of the Termination Charges.",
  "termination-for-convenience | false|Customer | 1.1 The Supplier shall have the right to terminate this Agreement without cause upon twelve months' notice to the Customer.",
  "termination-for-convenience | false|Supplier | 1.1 Notwithstanding clause 20.1, the Customer may at any time terminate this Agreement for convenience.",
  "termination-for-convenience | false|Supplier | 1.1 The Customer has the right to cancel this Agreement at any time upon sixty days' notice without penalty.",
  "termination-for-convenience | true|both | 1.1 Each party may terminate this Agreement for convenience on three months' written notice.",
];

/** Parties labelled "Party A" and "Party B", as in many translated agreements. */
const LABEL_PRE =
  'COOPERATION AGREEMENT\n\nThis Agreement is made between Eastgate Trading Co., Ltd. ("Party A") and Westmoor Components Ltd. ("Party B").\n\n1. Terms\n\n';

const WITH_LABELS = [
  "non-compete | true|both | 1.1 Both Party A and Party B agree not to compete with the joint venture company in the Territory.",
  "termination-for-convenience | true|both | 1.1 Either Party A or Party B may terminate this Agreement for convenience on thirty days' notice.",
  "indemnity | false|Party A | 1.1 Each Party shall bear its own costs, and Party A shall indemnify Party B against all third-party claims.",
  "indemnity | true|both | 1.1 Each party shall indemnify the other against claims arising from its own breach.",
];

/** Wordings of the four reading families that must be found at all: "topic | clause" (clause 1.1 after PRE). */
const FOUND = [
  "liability-cap | The Contractor's liability shall in no case exceed the amount of the fees actually received.",
  "liability-cap | The Contractor shall not be liable for any amount in excess of the charges paid for the affected services.",
  "remedy-limit | Any claim against the Contractor must be brought within one year after the cause of action arises.",
  "liability-cap | Contractor's cumulative liability for all claims will not be more than the fees paid.",
  "consequential-damages-waiver | Neither party shall be liable for loss of profits, loss of business or any indirect loss.",
  "consequential-damages-waiver | The Contractor excludes all liability for consequential loss.",
  "consequential-damages-waiver | In no event will either party be responsible for incidental, special or consequential damages.",
  "consequential-damages-waiver | Neither party shall have any liability to the other for any punitive or exemplary damages.",
  "consequential-damages-waiver | The Client shall not be liable for any loss of revenue, loss of data or indirect damages suffered by the Contractor.",
  "consequential-damages-waiver | Each party waives, to the extent permitted by law, any right to recover consequential damages from the other.",
  "indemnity | The Contractor shall protect, defend and save harmless the Client from all claims.",
  "indemnity | The Contractor will keep the Client indemnified against all losses arising from its breach.",
  "termination-for-convenience | The Client may terminate this Agreement at its discretion on 30 days' notice.",
  "termination-for-convenience | Either party may terminate this Agreement without reason by giving three months' notice.",
  "termination-for-convenience | The Client reserves the right to cancel any Statement of Work upon fifteen days' written notice.",
  "termination-for-convenience | This Agreement may be terminated by either party for any reason or no reason upon 60 days' notice.",
];

const cells = (row: string) => row.split(" | ");

async function about(preamble: string, row: string): Promise<string> {
  const [topic, , clause] = cells(row);
  const facts = (await analyseText(preamble + clause)).facts.filter((f) => f.topic === topic);
  return facts.map((f) => `${f.mutual}|${f.mutual ? "both" : f.burdenedParty}`).join(",");
}

describe("direction over clause shapes", () => {
  it.each(BY_ROLE_WORD)("%s", async (row) => expect(await about(PRE, row)).toBe(cells(row)[1]));
  it.each(BY_NAME)("%s", async (row) => expect(await about(NAMED_PRE, row)).toBe(cells(row)[1]));
  it.each(IN_A_LICENCE)("%s", async (row) => expect(await about(LICENCE_PRE, row)).toBe(cells(row)[1]));
  it.each(WITH_LABELS)("%s", async (row) => expect(await about(LABEL_PRE, row)).toBe(cells(row)[1]));
  it.each(IN_OUTSOURCING)("%s", async (row) => expect(await about(OUTSOURCING_PRE, row)).toBe(cells(row)[1]));
});

describe("clause families found in their common wordings", () => {
  it.each(FOUND)("%s", async (row) => {
    const [topic, clause] = cells(row);
    const facts = (await analyseText(`${PRE}1.1 ${clause}`)).facts.filter((f) => f.topic === topic);
    expect(facts.length).toBeGreaterThan(0);
  });
});

describe("a part either party may play", () => {
  const tsa =
    'TRANSITION SERVICES AGREEMENT\n\nThis Agreement is made between Pellam Industries Inc. ("Seller") and Corran Holdings LLC ("Buyer").\n\n1. Definitions\n\n' +
    '(a) "Provider" means (i) Seller, with respect to the Seller Services, and (ii) Buyer, with respect to the Buyer Services.\n\n' +
    '(b) "Recipient" means (i) Buyer, with respect to the Seller Services, and (ii) Seller, with respect to the Buyer Services.\n\n' +
    '(c) "Affiliate" means, with respect to Seller or Buyer, any entity controlling it.\n\n' +
    "2. Termination\n\n2.1 Recipient may terminate any Service at any time for any reason on thirty days' notice to Provider.\n\n" +
    "3. Indemnity\n\n3.1 Seller shall indemnify Buyer against third-party claims arising from the Seller Services.\n";

  it("reads a term defined as either party as binding both", async () => {
    const { facts } = await analyseText(tsa);
    const tfc = facts.find((f) => f.topic === "termination-for-convenience")!;
    expect([tfc.mutual, tfc.beneficiaryParty]).toEqual([true, "both"]);
  });

  it("trap: a party named as the actor keeps its one side, whatever parts it may play", async () => {
    const { facts } = await analyseText(tsa.replace("Recipient may terminate", "Buyer may terminate"));
    const tfc = facts.find((f) => f.topic === "termination-for-convenience")!;
    expect([tfc.mutual, tfc.beneficiaryParty]).toEqual([false, "Buyer"]);
    expect(facts.find((f) => f.topic === "indemnity")!.burdenedParty).toBe("Seller");
  });
});
