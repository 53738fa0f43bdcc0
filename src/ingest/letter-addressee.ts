import type { Party } from "../model/party.js";
import { partyByTerm } from "./role-words.js";
import { termPattern } from "../shared/term-pattern.js";

/**
 * Letter agreements ("Barclays Capital Inc. / 745 Seventh Avenue … / Ladies and Gentlemen: The Company and the
 * Trust … hereby appoint Barclays as remarketing agent (the "Remarketing Agent")"): the company the letter is
 * addressed to is a party, though the opening sentence names only the senders. Its term is the one the body gives
 * it when it is appointed or defined; failing that, its name.
 */
const SALUTATION = /\b(?:Ladies\s+and\s+Gentlemen|Dear\s+Sirs?(?:\s+and\s+(?:Madams?|Mesdames))?|Gentlemen)\s*[:,]/;
const COMPANY_SUFFIX = String.raw`(?:Inc|Corp|Corporation|LLC|L\.L\.C|Ltd|Limited|LLP|LP|L\.P|PLC|N\.A|AG|GmbH|S\.A|B\.V|N\.V)\b\.?`;
const ADDRESSEE = new RegExp(String.raw`\b([A-Z][\w&'’-]*(?:\s+(?:&\s+)?[A-Z][\w&'’.-]*){0,5}),?\s+${COMPANY_SUFFIX}`);

export function addresseeParty(text: string, found: readonly Party[]): Party | null {
  const head = text.slice(0, 6000);
  const salutation = SALUTATION.exec(head);
  if (!salutation) return null;
  // The inside address sits just above the salutation.
  const block = head.slice(Math.max(0, salutation.index - 300), salutation.index);
  const m = ADDRESSEE.exec(block);
  if (!m) return null;
  const name = m[0].trim();
  const first = m[1]!.split(/\s+/)[0]!;
  if (found.some((p) => p.name.startsWith(first) || p.alias === first)) return null;
  const term = termOf(text, name, first) ?? name;
  if (found.some((p) => p.alias === term)) return null;
  const start = salutation.index - block.length + m.index;
  return partyByTerm(name, term, start, start + name.length);
}

/** "appoint Barclays as exclusive remarketing agent (the "Remarketing Agent")", or "Barclays Capital Inc. ("Barclays")". */
function termOf(text: string, name: string, first: string): string | null {
  const sample = text.length > 200_000 ? text.slice(0, 200_000) : text;
  const who = `(?:${termPattern(name)}|${termPattern(first)})`;
  const appointed = new RegExp(
    String.raw`\bappoints?\s+${who}\s+(?:as|to\s+act\s+as)\s+[^.;()"“]{0,80}\((?:the\s+)?["“]([A-Z][^"”\n]{1,40})["”]\)`,
  ).exec(sample);
  if (appointed) return appointed[1]!;
  const defined = new RegExp(String.raw`${termPattern(name)}\s*,?\s*\((?:the\s+)?["“]([A-Z][^"”\n]{1,40})["”]\)`).exec(sample);
  return defined ? defined[1]! : null;
}
