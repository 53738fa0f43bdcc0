import type { Party } from "../model/party.js";
import { partyByTerm } from "./role-words.js";
import { termPattern } from "../shared/term-pattern.js";

/**
 * Letter agreements ("Barclays Capital Inc. / 745 Seventh Avenue … / Ladies and Gentlemen: The Company and the
 * Trust … hereby appoint Barclays as remarketing agent (the "Remarketing Agent")"): the company the letter is
 * addressed to is a party, though the opening sentence names only the senders. Its term is the one the body gives
 * it when it is appointed or defined; failing that, its name.
 */
// "Dear Ms Cole," and "Dear Mr. Ortiz:" open a letter addressed to a person at the company as well.
const SALUTATION =
  /\b(?:Ladies\s+and\s+Gentlemen|Dear\s+Sirs?(?:\s+and\s+(?:Madams?|Mesdames))?|Gentlemen|Dear\s+(?:Mr|Ms|Mrs|Miss|Dr|Messrs)\.?\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)\s*[:,]/;
const COMPANY_SUFFIX = String.raw`(?:Inc|Corp|Corporation|LLC|L\.L\.C|Ltd|Limited|LLP|LP|L\.P|PLC|plc|N\.A|AG|GmbH|S\.A|B\.V|N\.V)\b\.?`;
// On one line: the person and their title sit on the lines above the company's name.
const ADDRESSEE = new RegExp(String.raw`\b([A-Z][\w&'’-]*(?:[ \t]+(?:&[ \t]+)?[A-Z][\w&'’.-]*){0,5}),?[ \t]+${COMPANY_SUFFIX}`);

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

const YOU_TERMS = ["you", "You", "YOU", "your", "Your", "YOUR"];
const WE_TERMS = ["we", "We", "WE", "us", "Us", "our", "Our", "OUR"];
/** How a letter is signed off, then the sender's name: "Yours sincerely, For and on behalf of Brightwave Media Limited". */
const SIGN_OFF = /\b(?:Yours\s+(?:sincerely|faithfully|truly)|Very\s+truly\s+yours|Sincerely(?:\s+yours)?|Kind\s+regards)\s*,?/i;

/**
 * A letter agreement written in the first and second person ("We will run your campaigns; you will pay our fees")
 * names its parties only in the inside address and the letterhead or sign-off: the addressee is "you" and the
 * sender "we". Both are added as terms of those parties, so that "You will indemnify us" names who gives what.
 */
export function withLetterVoices(parties: readonly Party[], text: string): Party[] {
  const head = text.slice(0, 6000);
  const salutation = SALUTATION.exec(head);
  if (!salutation) return [...parties];
  const terms = (p: Party) => [p.alias ?? "", ...(p.otherTerms ?? [])].map((t) => t.toLowerCase());
  if (parties.some((p) => terms(p).some((t) => t === "you" || t === "we"))) return [...parties];
  const sample = text.length > 400_000 ? text.slice(0, 400_000) : text;
  const body = sample.slice(salutation.index);
  if ((body.match(/\b(?:you|your)\b/gi)?.length ?? 0) < 5) return [...parties];
  const block = head.slice(Math.max(0, salutation.index - 300), salutation.index);
  const addressee = parties.find((p) => block.includes(p.name));
  if (!addressee) return [...parties];
  const out = parties.map((p) => (p === addressee ? { ...p, otherTerms: [...(p.otherTerms ?? []), ...YOU_TERMS] } : p));
  if ((body.match(/\b(?:we|We|WE|us|our|Our|OUR)\b/g)?.length ?? 0) < 5) return out;
  const others = out.filter((p) => p.name !== addressee.name);
  if (others.length === 1) return out.map((p) => (p === others[0] ? { ...p, otherTerms: [...(p.otherTerms ?? []), ...WE_TERMS] } : p));
  if (others.length > 1) return out;
  const sender = senderOf(sample, salutation.index - block.length + Math.max(0, block.indexOf(addressee.name)));
  if (!sender || sender.name === addressee.name) return out;
  return [...out, { ...partyByTerm(sender.name, sender.name, sender.start, sender.start + sender.name.length), otherTerms: WE_TERMS }];
}

/** The sender: a company named in the letterhead above the inside address, or after the sign-off. */
function senderOf(text: string, addressAt: number): { name: string; start: number } | null {
  const letterhead = ADDRESSEE.exec(text.slice(0, Math.min(addressAt, 600)));
  if (letterhead) return { name: letterhead[0].trim(), start: letterhead.index };
  const signOff = SIGN_OFF.exec(text.slice(addressAt));
  if (!signOff) return null;
  const from = addressAt + signOff.index + signOff[0].length;
  const signed = ADDRESSEE.exec(text.slice(from, from + 300));
  return signed ? { name: signed[0].trim(), start: from + signed.index } : null;
}
