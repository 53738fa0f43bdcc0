/**
 * The full stop that ends a company's legal form ("Halcyon Hosting Ltd.", "KI, Inc. and KI", "Acme, L.L.C.") is not
 * the end of a sentence, yet rule patterns read "up to the next full stop" with gaps like `[^.;]`. Detection reads a
 * copy of the text in which those stops are a look-alike character, of the same length so that every offset holds,
 * and party names match either form (see termPattern).
 */
import { ABBREVIATED_FORM_CAPITALS_SOURCE, ABBREVIATED_FORM_SOURCE } from "./legal-form.js";

export const COMPANY_STOP = "\u2024";

// A form's stop counts only when the sentence goes on after it (a comma, a bracket, a word in small letters):
// "… to Acme Inc. The Supplier shall" keeps its stop. The forms are those of ./legal-form.ts that are abbreviations
// ("Torre Sul Infraestrutura Ltda. for any claim", "Calcio Media Italia S.r.l., a company"), and "Co". ("Pte." and "Pvt."
// stand before "Ltd" only; the "sp." of the Polish "sp. z o.o." and the "spol." of the Czech "spol. s r.o." before the
// rest of their form.)
const FORM_STOPS = new RegExp(
  String.raw`(?<![\w.])(?:${ABBREVIATED_FORM_SOURCE}|Co|CO|C\.V|r\.o|R\.O|o\.o|O\.O)\.(?=,|\s*[("“'‘]|\s+[a-z])` +
    // In a clause in capitals the next word is in capitals too ("ZEEWIND MOBIEL B.V. MAY … BY GIVING HELIX TOWERS B.V. NOT
    // LESS THAN"); the sentence splitter reads on past such a form as well.
    String.raw`|(?<![\w.])(?:${ABBREVIATED_FORM_CAPITALS_SOURCE})\.(?=\s+[A-Z][A-Z'’]*\s+[A-Z][A-Z'’]*\b)` +
    String.raw`|(?:Pty|PTY|Pte|PTE|Pvt|PVT|Sdn|SDN)\.(?=\s+(?:Ltd|LTD|Limited|LIMITED|Bhd|BHD)\b)` +
    String.raw`|(?:Sp|sp|SP|spol|SPOL)\.(?=\s+[zZsS]\s+[oOrR]\.)`,
  "g",
);

export function maskCompanyStops(text: string): string {
  // A text that already uses the look-alike is read as it is, so that nothing is changed back that was never a stop.
  if (text.includes(COMPANY_STOP)) return text;
  return text.replace(FORM_STOPS, (m) => m.replace(/\./g, COMPANY_STOP));
}

export function unmaskCompanyStops(text: string): string {
  return text.includes(COMPANY_STOP) ? text.replace(/\u2024/g, ".") : text;
}

/**
 * A rule pattern whose character class admits a full stop (`[\w&.-]` for a name like "Acme Co.") admits the company
 * stop too, so that masking never takes a name away from a pattern that could read it. Classes that exclude a full
 * stop (`[^.;]`) already admit it.
 */
export function admitCompanyStops(source: string): string {
  if (!source.includes(".")) return source;
  let out = "";
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    if (ch === "\\") {
      out += source.slice(i, i + 2);
      i++;
      continue;
    }
    if (ch !== "[") {
      out += ch;
      continue;
    }
    // A character class: find its end, minding escapes.
    let j = i + 1;
    if (source[j] === "^") j++;
    if (source[j] === "]") j++;
    while (j < source.length && source[j] !== "]") j += source[j] === "\\" ? 2 : 1;
    const body = source.slice(i + 1, j);
    // Inside a class every full stop is a literal one, escaped or not. The stop goes first, where it can never be
    // read as one end of a range ("[\w&.-]").
    const admitsStop = !body.startsWith("^") && !body.startsWith("]") && body.includes(".");
    out += admitsStop ? `[${COMPANY_STOP}${body}]` : source.slice(i, j + 1);
    i = j;
  }
  return out;
}
