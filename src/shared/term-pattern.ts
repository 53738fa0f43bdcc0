import { COMPANY_STOP } from "./company-stops.js";

/**
 * A defined term or name as a regex source: its special characters escaped, any run of spaces matching any
 * whitespace ("Service  Provider" across a line break), and a full stop matching the company stop detection reads
 * ("KI, Inc." in "KI, Inc. and KI"). One place, so every reader of party names matches alike.
 */
export function termPattern(term: string): string {
  return term
    .replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
    .replace(/\s+/g, "\\s+")
    .replace(/\\\./g, `[.${COMPANY_STOP}]`);
}
