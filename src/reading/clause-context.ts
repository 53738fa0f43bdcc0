/** Where a clause sits: its heading, the list it is an item of, the items it opens. */
import type { ContractDocument } from "../model/document.js";

/** A list-item or sub-clause marker opening a clause: "(a) ", "(iv) ", "b. ", "3. ". */
export const ITEM_START = /^\s*(?:\((?:[ivx]{1,5}|[a-z]{1,2}|\d{1,2})\)|[a-z]\.|\d{1,2}\.)\s/i;

/**
 * The sentence that opens the list a clause belongs to: "Owner may terminate this Agreement upon any of the
 * following:" before "(e) Without cause on seven days' notice." Only when every paragraph between that sentence
 * and the clause is itself an item of the list.
 */
export function listLeadIn(text: string, clauseStart: number): string | null {
  const back = text.slice(Math.max(0, clauseStart - 3000), clauseStart);
  // ("… upon the occurrence of any of the following events: (a) …": a list that opens on the line the item starts.)
  const inline = /(?:^|[.;]\s|\n)((?:\d{1,3}(?:\.\d{1,3})*\.?\s+)?[^.;\n]{8,300}:)[ \t]*$/.exec(back);
  if (inline) return inline[1]!.replace(/^\s*(?:\d{1,3}(?:\.\d{1,3})*\.?|\([a-z0-9]{1,4}\))\s+/i, "").trim();
  let colon = -1;
  for (const m of back.matchAll(/:[ \t]*\n/g)) colon = m.index!;
  if (colon === -1) return null;
  const between = back
    .slice(colon + 1)
    .split(/\n[ \t]*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (!between.every((p) => ITEM_START.test(p))) return null;
  const line = back.slice(back.lastIndexOf("\n", colon) + 1, colon + 1);
  const leadIn = line.slice(line.lastIndexOf(". ") + 1).trim();
  return leadIn.length >= 8 ? leadIn : null;
}

/**
 * The items of the list a clause ending in a colon opens: the clauses that follow it and are numbered under it
 * ("13.2.1" under "13.2", or "(a)", "(b)" …), with their numbers dropped, joined in one line. At most twelve items
 * and 1,500 characters; null when no item follows.
 */
export function listItemsAfter(doc: ContractDocument, index: number): string | null {
  const parent = doc.clauses[index]!.number;
  const under = (n: string | null | undefined) =>
    !!n && (parent ? n.startsWith(`${parent}.`) || n.startsWith(`${parent}(`) || /^\(?[a-z]{1,2}\)$|^\(?[ivx]{1,4}\)$/.test(n) : true);
  const out: string[] = [];
  let length = 0;
  for (const clause of doc.clauses.slice(index + 1, index + 13)) {
    if (!under(clause.number)) break;
    const item = doc.text
      .slice(clause.span.start, clause.span.end)
      .replace(/^\s*(?:\d{1,3}(?:\.\d{1,3})+\.?|\(?[a-z0-9]{1,4}[.)])\s*/i, "")
      .replace(/\s+/g, " ")
      .trim();
    if (length + item.length > 1500) break;
    out.push(item);
    length += item.length;
  }
  return out.length > 0 ? out.join(" ") : null;
}

/** A word that makes a line a sentence rather than a title. */
const OPERATIVE_WORD = /\b(?:shall|will|may|must|is|are|agrees?)\b/i;

/** A short title that opens a clause's text ("14.3 Termination by Vendor for Convenience. It may …", "Section 13.
 * Indemnification by Contractor. To the fullest extent …, it shall"). */
export function titleOf(clauseText: string): string | null {
  const m =
    /^\W{0,3}(?:(?:Section|Article|Clause|SECTION|ARTICLE|CLAUSE)\s+)?(?:\d{1,3}(?:\.\d{1,3})*\.?|\([a-z0-9]{1,4}\))?\s*([A-Z][^.;:]{2,80})[.:]\s/.exec(
      clauseText,
    );
  if (!m || m[1]!.split(/\s+/).length > 10 || OPERATIVE_WORD.test(m[1]!)) return null;
  return m[1]!;
}

/**
 * "9.2 Indemnity by the Laundry" standing alone over "9.2.1 It shall indemnify the Trust …": a parent clause that is
 * only a title is the heading of the clauses numbered under it.
 */
export function headingAbove(doc: ContractDocument, index: number): string | null {
  const number = doc.clauses[index]!.number;
  if (!number) return null;
  for (let i = index - 1; i >= Math.max(0, index - 4); i--) {
    const above = doc.clauses[i]!;
    if (!above.number || !number.startsWith(`${above.number}.`)) continue;
    const title = doc.text
      .slice(above.span.start, above.span.end)
      .trim()
      .replace(/^\W{0,3}\d{1,3}(?:\.\d{1,3})*\.?\s*/, "")
      .replace(/[.:]$/, "");
    const bare = title.length > 0 && title.split(/\s+/).length <= 10 && !/[.;:]\s/.test(title) && !OPERATIVE_WORD.test(title);
    return bare ? title : null;
  }
  return null;
}
