import type { Party } from "../model/party.js";

/**
 * Parties named only where they sign. A joint filing agreement or a consent "by the undersigned" has no preamble:
 * each signer's name stands in capitals before its "By:" line or "/s/" signature ("ATHENE HOLDING LTD. By: /s/ …",
 * "EP INVESTMENT S.À R.L. /s/ Marek Spurny"). Entities signing on another's behalf ("By: AISG GP Ltd., its general
 * partner") are agents, not parties, and are written in ordinary case after "By:".
 */
const CAPS_WORD = String.raw`(?:[\p{Lu}\d][\p{Lu}\d&.,'’-]*|&)`;
const SIGNER = new RegExp(String.raw`(?<![\p{L}\d&.,'’-])((?:${CAPS_WORD}\s+){0,9}${CAPS_WORD})\s+(?=By\s*:|/s/)`, "gu");

/** Caps that head a signature block without naming anyone. */
const NOT_A_SIGNER =
  /^(?:IN\s+WITNESS\s+WHEREOF|WITNESS(?:ES)?|SIGNED|ACCEPTED|AGREED|AGREED\s+AND\s+ACCEPTED|ACKNOWLEDGED|THE\s+UNDERSIGNED|NAME|TITLE|DATE)$/;
/** A closing the run of capitals may start with ("… Vice President ATHENE …" reads from ATHENE). */
const LEADING_NOISE = /^(?:(?:[\p{Lu}]\.|LLC|INC\.?|II|III|IV|\d+[.,]?)\s+)+/u;

/** Signers in the signature part (after "IN WITNESS WHEREOF", or the whole of a short text), in order. */
export function signatureParties(text: string): Party[] {
  const witness = /\bIN\s+WITNESS\s+WHEREOF\b/i.exec(text);
  const from = witness ? witness.index : text.length > 20_000 ? text.length - 20_000 : 0;
  const tail = text.slice(from, from + 40_000);
  const parties: Party[] = [];
  for (const m of tail.matchAll(SIGNER)) {
    const name = m[1]!
      .replace(LEADING_NOISE, "")
      .replace(/[,\s]+$/, "")
      .replace(/\s+/g, " ");
    if (!/\p{Lu}{2}/u.test(name) || name.replace(/[^\p{L}]/gu, "").length < 3 || NOT_A_SIGNER.test(name)) continue;
    if (parties.some((p) => p.name === name)) continue;
    const start = from + m.index! + m[0].indexOf(name);
    parties.push({ name, role: "unknown", alias: null, span: { start, end: start + name.length }, roleSource: null, roleEvidence: null });
  }
  return parties;
}
