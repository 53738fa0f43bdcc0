import type { Span } from "./location.js";

export const ROLES = ["buyer", "supplier", "unknown"] as const;
export type Role = (typeof ROLES)[number];
/** Who carries a burden or enjoys a benefit: one side, both sides, or not known. */
export type Side = "buyer" | "supplier" | "both" | null;

export interface Party {
  name: string;
  role: Role;
  /** The defined term the contract uses for this party ("Customer"), if any. */
  alias: string | null;
  span?: Span;
}

export function otherSide(role: "buyer" | "supplier"): "buyer" | "supplier" {
  return role === "buyer" ? "supplier" : "buyer";
}
