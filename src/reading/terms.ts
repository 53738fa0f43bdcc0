/** What a term says once party names are taken out, so that two parties' terms can be compared. */
import type { PartyLexicon } from "./lexicon.js";

/** The words that say how much or how long: figures, number words, currencies, fees and periods. */
const AMOUNT_WORD =
  /^(?:[$£€%]|[$£€]?\d[\d,.]*%?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen|twenty|thirty|fifty|hundred|thousand|million|billion|percent|pounds?|dollars?|euros?|fees?|charges?|prices?|amounts?|royalt(?:y|ies)|revenues?|days?|weeks?|months?|years?|insurance|proceeds)$/;

/**
 * Whether two terms say the same thing: the same amounts and numbers, and nearly the same words (mirrored clauses
 * differ in small ways: "its affiliates or subsidiaries (other than X)" against "its subsidiaries"). A different
 * cap amount or period is a different term.
 */
export function sameTerms(a: string, b: string): boolean {
  if (a === b) return true;
  // A page number where the text breaks ("… in contract or tort   2") is no term.
  const [ta, tb] = [a, b].map((t) => t.replace(/ \d{1,3}$/, "").split(" ")) as [string[], string[]];
  // Amounts and periods are compared over as many words of each as the shorter one has: a window cut at a fixed
  // length ends the two in different places.
  const n = Math.min(ta.length, tb.length);
  const numbers = (t: string[]) =>
    t
      .slice(0, n)
      .filter((w) => AMOUNT_WORD.test(w))
      .join(" ");
  if (numbers(ta) !== numbers(tb)) return false;
  // Nearly all the words of the shorter one in the longer, and most words shared overall.
  const [wa, wb] = [new Set(ta.filter((w) => w.length > 2)), new Set(tb.filter((w) => w.length > 2))];
  let shared = 0;
  for (const w of wa) if (wb.has(w)) shared++;
  const smaller = Math.min(wa.size, wb.size);
  const union = wa.size + wb.size - shared;
  return smaller > 0 && shared / smaller >= 0.8 && shared / union >= 0.5;
}

/** The trigger and what follows it up to the next trigger, without party names: what the term says. */
export function termsOf(text: string, from: number, to: number, lexicon: PartyLexicon): string {
  let t = text.slice(from, Math.min(to, from + 240));
  if (lexicon.regex) t = t.replace(new RegExp(lexicon.regex.source, "g"), " ");
  return t
    .toLowerCase()
    .replace(/['’]s\b/g, "")
    .replace(/\b(?:the|its|his|her|their|and|or|each|either)\b/g, " ")
    .replace(/[^a-z0-9$%£€]+/g, " ")
    .trim();
}
