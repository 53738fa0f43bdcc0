import type { Party } from "../model/party.js";
import { termPattern } from "../shared/term-pattern.js";

/**
 * Parties named only in the title. A one-page agreement ("Oceanic Cable and Watchit Media Content and License
 * Agreement") may have no preamble, no bracketed terms and no "By:" lines: its title is the only place that names
 * both sides. A name counts only when the body uses it again, so a title such as "Sales and Marketing Agreement"
 * names no one.
 */
const TITLE =
  /^[ \t]*([A-Z][\w.&'’-]*(?:[ \t]+[A-Z][\w.&'’-]*){0,5}?)[ \t]+(?:and|AND|&)[ \t]+([A-Z][\w.&'’-]*(?:[ \t]+(?:[A-Z][\w.&'’-]*|and|&)){0,8}?)[ \t]+(?:Agreement|AGREEMENT|Contract|CONTRACT)[ \t]*$/m;

/** Capitalised words that start a title's kind, never a name: "Sales", "License", "Services". */
const KIND_WORD =
  /^(?:master|services?|sales?|supply|license|licence|licensing|content|marketing|distribution|hosting|outsourcing|consulting|purchase|maintenance|support|development|joint|strategic|alliance|co-?branding|sponsorship|agency|reseller|franchise|management|service|manufacturing|promotion|cooperation|collaboration|transfer|settlement|amended|restated|amendment|software|data|processing|technology|trademark|patent|non-?disclosure|confidentiality)$/i;

/** How far after the title a name's uses are counted: a one-page agreement's body, with room to spare. */
const BODY_CHARS = 100_000;

/** How many times a name stands in the body after the title, as a whole name. */
function usesAfter(text: string, from: number, name: string): number {
  return text.slice(from, from + BODY_CHARS).match(new RegExp(`(?<![\\w.&-])${termPattern(name)}(?![\\w&-])`, "g"))?.length ?? 0;
}

/** The longest run of the title's words, from the first, that the body uses as a name; null when none is used. */
function usedName(words: readonly string[], text: string, from: number): string | null {
  for (let n = words.length; n > 0; n--) {
    if (KIND_WORD.test(words[n - 1]!)) continue;
    const name = words.slice(0, n).join(" ");
    if (usesAfter(text, from, name) > 0) return name;
  }
  return null;
}

/** The body's short term for a name: its first word when that is used more often than the whole name. */
function shortTerm(name: string, text: string, from: number): string {
  const first = name.split(" ")[0]!;
  if (first === name || first.length < 4 || KIND_WORD.test(first)) return name;
  return usesAfter(text, from, first) > usesAfter(text, from, name) ? first : name;
}

/** The two parties a title names, when both are used again in the first pages of the body. */
export function titleParties(text: string): Party[] {
  const head = text.slice(0, 800);
  const m = TITLE.exec(head);
  if (!m) return [];
  const from = m.index + m[0].length;
  const names = [m[1]!, m[2]!].map((words) => usedName(words.split(/[ \t]+/), text, from));
  if (names.some((n) => n === null || KIND_WORD.test(n.split(" ")[0]!)) || names[0] === names[1]) return [];
  return names.map((name) => {
    const start = m.index + m[0].indexOf(name!);
    return {
      name: name!,
      role: "unknown",
      alias: shortTerm(name!, text, from),
      span: { start, end: start + name!.length },
      roleSource: null,
      roleEvidence: null,
    };
  });
}
