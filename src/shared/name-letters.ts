/**
 * Letters a party's name may hold beyond the ASCII ones, as regex class contents: the accented Latin letters of
 * Portuguese, Spanish, Polish, Turkish or German names ("Tupã Distribuidora", "Wisła Trade", "Müller Logistik").
 * Kept to the Latin-1 Supplement and Latin Extended-A/B blocks, so patterns need no Unicode flag.
 */
export const ACCENTED_LETTER = String.raw`\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F`;

/** An accented capital that may open a name ("Órgão", "Ålesund"). */
export const ACCENTED_CAPITAL = String.raw`\u00C0-\u00D6\u00D8-\u00DE`;
