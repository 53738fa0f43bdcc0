import type { Party } from "../model/party.js";
import { partyByTerm } from "./role-words.js";

/**
 * A deal summary printed as a form ("SPONSOR:   Name: Rubio's Fresh Mexican Grill   Phone: …   Address: …"): the
 * field's caption is the term the general provisions use for that party ("Sponsor shall pay …").
 */
const FORM_FIELD = /\b([A-Z]{3,}(?: [A-Z]{3,})?):\s+Name:\s+([A-Z][^\n:]{1,80}?)\s+(?:Phone|Tel|Fax|Address|E-?mail|Attn)\s*:/;

export function formParty(text: string, found: readonly Party[]): Party | null {
  const m = FORM_FIELD.exec(text.slice(0, 4000));
  if (!m) return null;
  const term = m[1]!.charAt(0) + m[1]!.slice(1).toLowerCase();
  const name = m[2]!.trim();
  if (found.some((p) => p.alias === term || p.name === name)) return null;
  const sample = text.length > 200_000 ? text.slice(0, 200_000) : text;
  if ((sample.match(new RegExp(`\\b${term}\\b`, "g"))?.length ?? 0) < 3) return null;
  const start = m.index + m[0].indexOf(name);
  return partyByTerm(name, term, start, start + name.length);
}
