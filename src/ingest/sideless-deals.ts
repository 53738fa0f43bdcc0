/**
 * Deals with no buyer and no supplier: a joint venture (each party contributes to a company they own together),
 * a joint filing agreement (holders who report their shares together) and a shareholder's cooperation agreement
 * (a company settles with an activist holder: board seats against a standstill). Payment and performance
 * sentences in them ("MIL shall pay its share", "the Company will reimburse the Investor's expenses") say
 * nothing about who buys, so no role is inferred from them; a role word the contract calls a party by still
 * counts.
 */
const TITLE = /\bjoint\s+venture\s+(?:agreement|contract)\b|\bjoint\s+filing\s+agreement\b/i;
const COOPERATION = /\bcooperation\s+agreement\b/i;
/** What a company's settlement with its shareholders is about. */
const SHAREHOLDER_SETTLEMENT = /\bstandstill\b|\bannual\s+meeting\b|\bproxy\s+(?:contest|solicitation)\b/gi;

export function hasNoSides(text: string): boolean {
  const head = text.slice(0, 1500);
  if (TITLE.test(head)) return true;
  if (!COOPERATION.test(head)) return false;
  const sample = text.length > 200_000 ? text.slice(0, 200_000) : text;
  return (sample.match(SHAREHOLDER_SETTLEMENT)?.length ?? 0) >= 3;
}
