import type { Party } from "../model/party.js";
import { termPattern } from "../shared/term-pattern.js";

/**
 * Terms for a part either party may play, defined by naming both: ""Provider" means (i) Seller, with respect to the
 * Seller Services, and (ii) Buyer, with respect to the Buyer Services". A term said of "Recipient" then binds
 * whichever party receives, so it binds both. A definition that opens on something else ("means, with respect to
 * Seller or Buyer, any entity controlling …") defines no part a party plays.
 */
const DEFINITION = /["“]([A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2})["”]\s+(?:shall\s+)?means?\s*[:,]?\s+/g;

export function eitherPartyTerms(text: string, parties: readonly Party[]): string[] {
  if (parties.length < 2 || !text) return [];
  const keys = parties.map((p) => p.alias ?? p.name);
  // The party itself, not a longer term that starts with its name ("the Certegy Group").
  const pattern = (k: string) => new RegExp(`\\b${termPattern(k)}\\b(?!\\s+[A-Z])`);
  const out: string[] = [];
  const sample = text.length > 400_000 ? text.slice(0, 400_000) : text;
  for (const m of sample.matchAll(DEFINITION)) {
    const term = m[1]!;
    if (keys.includes(term) || out.includes(term)) continue;
    const body = sample
      .slice(m.index! + m[0].length, m.index! + m[0].length + 300)
      .split(/\.\s|["“][A-Z][\w\s-]{0,30}["”]\s+(?:shall\s+)?means?\b/)[0]!;
    const opening = /^(?:\(i\)\s+|\(a\)\s+|either\s+)?(?:the\s+)?/.exec(body)![0].length;
    const first = keys.find((k) => pattern(k).exec(body.slice(opening))?.index === 0);
    if (!first) continue;
    const rest = body.slice(opening + first.length);
    if (keys.some((k) => k !== first && pattern(k).test(rest)) && /\b(?:or|and)\b/.test(rest)) out.push(term);
  }
  return out;
}
