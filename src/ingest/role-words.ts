import type { Party, Role } from "../model/party.js";

/** The words a contract uses for each side of a deal, and the role a defined term made of them gives its party. */

// The party that receives and pays (a licensee pays for a licence, a distributor or reseller buys to resell, an
// owner in an operation-and-maintenance deal buys the service, a shipper pays the carrier, a lessee the lessor) and the party that performs or supplies.
export const BUYER_WORDS = [
  "customer",
  "client",
  "buyer",
  "purchaser",
  "acquiror",
  "acquirer",
  "authority",
  "contracting authority",
  "employer",
  "recipient",
  "service recipient",
  "principal",
  "user",
  "licensee",
  "sublicensee",
  "distributor",
  "reseller",
  "dealer",
  "franchisee",
  "subscriber",
  "owner",
  // A vending or telecoms host: the site owner takes the operator's machines or masts, and its commission or rent.
  "site owner",
  "sponsor",
  "shipper",
  "lessee",
  "tenant",
  // Translated from Portuguese and Spanish ("CONTRATANTE", "EL DEPOSITANTE"): the party that hires, the one that stores.
  "contracting party",
  "depositor",
];
export const SUPPLIER_WORDS = [
  "supplier",
  "provider",
  "service provider",
  "services provider",
  "vendor",
  "contractor",
  "consultant",
  "seller",
  "manufacturer",
  "outsourcer",
  "subcontractor",
  "developer",
  "servicer",
  // One a servicer hires to do its work: a supplier as the servicer is ("Sub-Servicer", "Subservicer").
  "sub-servicer",
  "subservicer",
  "operator",
  "licensor",
  "sublicensor",
  "adviser",
  "advisor",
  "sub-adviser",
  "sub-advisor",
  "subadviser",
  "subadvisor",
  "manager",
  "servicing agent",
  "agent",
  "employee",
  "executive",
  "host",
  "hosting provider",
  "franchisor",
  "maintainer",
  "processor",
  "producer",
  "carrier",
  "transporter",
  // The private side of a public-private partnership.
  "private party",
  "concessionaire",
  // ("CONTRATADA": the party hired.)
  "contracted party",
  "forwarder",
  "freight forwarder",
  "warehouseman",
  "lessor",
  "landlord",
  "talent",
  "endorser",
  // Sponsorship, endorsement and promotion deals: the property, the personality or the promoter supplies.
  "team",
  "club",
  "athlete",
  "celebrity",
  "artist",
  "performer",
  "promoter",
  "marketer",
];

export function roleOfTerm(term: string): Role {
  const t = term
    .toLowerCase()
    .replace(/^the\s+/, "")
    .replace(/[^a-z -]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  if (!t) return "unknown";
  if (BUYER_WORDS.includes(t)) return "buyer";
  if (SUPPLIER_WORDS.includes(t)) return "supplier";
  const last = t.split(" ").pop()!;
  if (BUYER_WORDS.includes(last)) return "buyer";
  if (SUPPLIER_WORDS.includes(last)) return "supplier";
  // A group of parties is named in the plural ("the Sellers", "the Licensees").
  const single = last.endsWith("s") && last.length > 3 ? last.slice(0, -1) : null;
  if (single && BUYER_WORDS.includes(single)) return "buyer";
  if (single && SUPPLIER_WORDS.includes(single)) return "supplier";
  return "unknown";
}

/** A party defined by `term`, whose role the term gives when it is a role word ("Affiliate" none, "Distributor" buyer). */
export function partyByTerm(name: string, term: string, start: number, end: number): Party {
  const role = roleOfTerm(term);
  return {
    name,
    role,
    alias: term,
    span: { start, end },
    roleSource: role === "unknown" ? null : "defined-term",
    roleEvidence: role === "unknown" ? null : term,
  };
}
