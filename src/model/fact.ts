import type { Location, Span } from "./location.js";
import type { Side } from "./party.js";

/** A value read from a clause: a cap amount, a number of days, a percentage, a cadence. */
export type FactValue = string | number | boolean;

/**
 * What a topic detector (or the deal-summary mapper) establishes about one clause: "clause 14.2 is a liability
 * cap and it is mutual". Principle rules read facts and nothing else.
 */
export interface Fact {
  topic: string;
  /** Offsets into the normalised text (contracts only). */
  span: Span | null;
  location: Location;
  /** true = both parties bound/protected alike; false = one side only; null = cannot tell. */
  mutual: boolean | null;
  /** The side that carries the burden (pays, is restricted, bears the risk). */
  burdened: Side;
  /** The side that benefits (is protected, holds the right). */
  beneficiary: Side;
  /**
   * The party the burden falls on, by its defined term (`partyKey`), or "both"; set even when roles are unknown,
   * so a one-sided term is never lost for want of a role. null when no party could be read.
   */
  burdenedParty?: string | null;
  /** The party that benefits, by defined term, or "both"; null when not known. */
  beneficiaryParty?: string | null;
  values: Record<string, FactValue>;
  /** The evidence: the sentence or clause the fact was read from, or the YAML field. */
  excerpt: string;
  /** The matched words inside the excerpt, for highlighting. */
  matched: string;
}
