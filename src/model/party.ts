import type { Span } from "./location.js";

export const ROLES = ["buyer", "supplier", "unknown"] as const;
export type Role = (typeof ROLES)[number];
/** Who carries a burden or enjoys a benefit: one side, both sides, or not known. */
export type Side = "buyer" | "supplier" | "both" | null;

/** Where a party's role came from, most direct first; null while the role is unknown. */
export const ROLE_SOURCES = [
  "override",
  "defined-term",
  "recitals",
  "performance",
  "payment",
  "counterpart",
  "title",
  "standard-terms",
] as const;
export type RoleSource = (typeof ROLE_SOURCES)[number];

export interface Party {
  name: string;
  role: Role;
  /** The defined term the contract uses for this party ("Customer"), if any. */
  alias: string | null;
  span?: Span;
  /** How the role was decided ("payment": this party pays the fees), or null when it is unknown. */
  roleSource?: RoleSource | null;
  /** The words that decided it, quoted short ("Beta shall pay Acme the Fees"). */
  roleEvidence?: string | null;
  /**
   * The collective term this party is one of ("Distributor" for the four companies defined together "(collectively
   * "Distributor")"): the body names the group by it, and the group has one role.
   */
  group?: string | null;
  /**
   * Other terms the body uses for this party: "KI" for the person whose services Kathy Ireland, Inc. ("KI Inc.")
   * furnishes. They name this party; they are not parties of their own.
   */
  otherTerms?: string[];
}

/** The key a fact uses to name a party: its defined term, or its name when it has none. */
export function partyKey(p: Party): string {
  return p.alias ?? p.name;
}

export function otherSide(role: "buyer" | "supplier"): "buyer" | "supplier" {
  return role === "buyer" ? "supplier" : "buyer";
}
