/**
 * The legal form that ends a company's name ("Inc.", "LLC", "Ltd", "Corporation", "GmbH"), in ordinary case or in
 * capitals ("HALVORSEN POLYMER PRODUCTS LLC", "COLDWATER FLUID SYSTEMS, INC."), as a regex source to build on.
 */

/** Legal forms as written after a name, longest first; each also in capitals, and with its last full stop optional. */
const FORMS = [
  // Mexican and other Latin forms, whose words look like a name's ("Servicios Integrales del Norte, S.A. de C.V.").
  "S.A.B. de C.V",
  "S. de R.L. de C.V",
  "S.A. de C.V",
  "S. de R.L",
  // Gulf forms: "Gulf Crescent Property Services W.L.L.", "Muscat Airport Holdings SAOC", "Emirates Cooling PJSC".
  "P.J.S.C",
  "Q.P.S.C",
  "FZ-LLC",
  "W.L.L",
  "B.S.C",
  "SAOC",
  "SAOG",
  "PJSC",
  "QPSC",
  "FZCO",
  "WLL",
  "FZE",
  "JSC",
  // Peruvian and Chilean forms: "Transportes Inca S.A.C.", "Distribuidora Austral SpA".
  "E.I.R.L",
  "S.A.C",
  "S.A.A",
  "SpA",
  "Kabushiki Kaisha",
  // Polish, Czech and Slovak limited companies: "Wisla Trade sp. z o.o.", "Brno Logistika s.r.o.".
  "Sp. z o.o",
  "sp. z o.o",
  "spol. s r.o",
  "s.r.o",
  "S.L.U",
  // South African ring-fenced companies: "Umoya Wind (RF) (Pty) Ltd".
  "(RF) (Pty) Limited",
  "(RF) (Pty) Ltd",
  "(Proprietary) Limited",
  "(Pty) Limited",
  "(Pty) Ltd",
  "Pty. Ltd",
  "Pty Ltd",
  "Pty Limited",
  "Pte. Ltd",
  "Pte Ltd",
  "Pvt. Ltd",
  "Pvt Ltd",
  "Private Limited",
  "Co., Ltd",
  "Co. Ltd",
  "Co., Limited",
  "Sdn. Bhd",
  "Sdn Bhd",
  "Incorporated",
  "Corporation",
  "Limited",
  "Company",
  "L.L.C",
  "S.p.A",
  "S.r.l",
  "GmbH",
  "Inc",
  "LLC",
  "Ltd",
  "Corp",
  "PLC",
  "Plc",
  "plc",
  "LLP",
  "ULC",
  "DAC",
  "S.A",
  // ("Société Minière du Katanga SA": the French société anonyme written without stops.)
  "SA",
  "B.V",
  "N.V",
  // (Also without stops: "Blanchisserie Duval NV", "Greenhouse Holland BV", "Caseificio Rossi SpA".)
  "NV",
  "BV",
  "SpA",
  "Srl",
  // A US national bank: "Pennant Bank, N.A.".
  "N.A",
  "L.P",
  "AG",
  "LP",
  "K.K",
  "Ltda",
  "S.A.S",
  "S.L",
  "ApS",
  "Oyj",
  "SARL",
  "A/S",
  "ASA",
  "Bhd",
  "Oy",
  "AB",
  "KG",
];
/**
 * The forms above as alternatives of a regex source (no group, no final full stop). A full stop inside a form may be
 * the look-alike that detection reads in its place (see company-stops.ts: "S.A. de C.V." is read as "S․A․ de C․V․").
 */
const asSource = (forms: readonly string[]): string =>
  [...new Set(forms.flatMap((f) => [f, f.toUpperCase()]))]
    .map((f) => f.replace(/[()]/g, "\\$&").replace(/\./g, "[.\u2024]").replace(/ /g, "\\s+"))
    .join("|");

export const FORM_SOURCE = asSource(FORMS);

/**
 * The forms that are abbreviations ("Ltd", "Ltda", "S.r.l", "GmbH", "sp. z o.o"), whose full stop may stand inside a
 * sentence, as alternatives of a regex source; not the forms that end in a full word ("Limited", "Company",
 * "Kabushiki Kaisha"), whose full stop ends the sentence.
 */
const ABBREVIATED = FORMS.filter((f) => {
  const last = f.split(" ").pop()!;
  return last.includes(".") || last.length <= 4;
});
export const ABBREVIATED_FORM_SOURCE = asSource(ABBREVIATED);

/** The same forms in capitals only ("B.V", "LTDA", "S.R.L"), as a text in capitals writes them. */
export const ABBREVIATED_FORM_CAPITALS_SOURCE = asSource(ABBREVIATED.map((f) => f.toUpperCase()));

/**
 * The legal form that ends a company's name ("Inc.", "LLC", "Ltd", "Corporation", "GmbH", "K.K.", "S.A. de C.V."), in
 * ordinary case or in capitals ("HALVORSEN POLYMER PRODUCTS LLC", "COLDWATER FLUID SYSTEMS, INC."), as a regex source
 * to build on. "Co." alone ("Bloom Burton & Co.") counts here, though not after a name read on its own.
 */
export const LEGAL_FORM = String.raw`(?:${FORM_SOURCE}|Co|CO)\b\.?`;

/** One word (or dotted group) that is a legal form and nothing else: "Ltd", "GmbH", "S.p.A.", "LLC". */
export const FORM_ALONE = new RegExp(String.raw`^(?:${FORM_SOURCE})[.\u2024]?$`);

/**
 * A legal form right after the words of a name, as a clause read on its own writes it: " Pty Ltd", " (Proprietary)
 * Limited", ", Inc". The last full stop is left out, since it may end the sentence.
 */
// ("Control of Partner, Company may terminate": after a comma, "Company" is the next party, not a form.)
export const FORM_AFTER_NAME = new RegExp(String.raw`^(?:,[ \t]+(?!Company\b|COMPANY\b)|[ \t]+)(?:${FORM_SOURCE})(?![\w(])`);

/** Words that open a sentence or a heading before a name ("Neither Gidgee Freight Pty Ltd", "Each of …"). */
const LEADING_WORDS =
  /^(?:(?:Neither|Either|Each|Both|The|This|If|Where|When|Save|Except|Subject|Notwithstanding|And|Or|Nor|By|To|From|With|For)\s+(?:of\s+)?)+/;
/** A clause or item number that opens a sentence: "16.2 ", "(b) ", "Clause 28.3 ". */
export const CLAUSE_NUMBER_LEAD = /^(?:(?:Clause|Section|Article|Paragraph)\s+)?(?:\d{1,3}(?:\.\d{1,3})*\.?|\(?[a-z0-9]{1,4}\))\s+/;
/** In capitals every word looks like a name: the name starts after the last small word ("LIABILITY OF HALVARD INC."). */
const CAPITAL_SMALL_WORD = /^.*\b(?:OF|THE|BY|TO|FROM|WITH|AND|OR|NOR|NEITHER|EITHER|EACH|FOR)\s+/;

// Letters of any alphabet: "Wisła Trade sp. z o.o.", "Müller Logistik GmbH"; French and Portuguese particles: "Société
// d'Exploitation Minière du Lualaba SA".
const TRAILING_COMPANY = new RegExp(
  String.raw`(?<![\p{L}\p{N}_.'’-])((?:(?:[dl]['’])?[\p{Lu}0-9][\p{L}\p{N}_&'’-]*\s+(?:(?:of|and|&|du|de|des|do|da|dos|das|del|della|di)\s+)?){0,5}[\p{Lu}0-9][\p{L}\p{N}_&'’-]*,?\s+(?:${FORM_SOURCE})\.?)[\s,]*$`,
  "u",
);

/**
 * The company named right before a point, when its name ends in a legal form: "… the total liability of Corbel
 * Engineering Ltd." gives "Corbel Engineering Ltd."; "9.4 Deccan Forge Pvt. Ltd." gives "Deccan Forge Pvt. Ltd.".
 * Null when no such name ends the text.
 */
export function trailingCompany(before: string): string | null {
  const m = TRAILING_COMPANY.exec(before.length > 300 ? before.slice(-300) : before);
  if (!m) return null;
  let name = m[1]!.replace(/\s+/g, " ");
  // ("16.2 Each of Kessler Equipment Co., Inc.": a clause number before the opening words is no part of the name.)
  name = name.replace(CLAUSE_NUMBER_LEAD, "").replace(LEADING_WORDS, "");
  if (name === name.toUpperCase()) name = name.replace(CAPITAL_SMALL_WORD, "");
  // A form alone is not a name ("Each of the Limited").
  return new RegExp(String.raw`^(?:${FORM_SOURCE})\.?$`).test(name) ? null : name;
}
