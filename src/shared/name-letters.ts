/**
 * Letters a party's name may hold beyond the ASCII ones, as regex class contents: the accented Latin letters of
 * Portuguese, Spanish, Polish, Turkish or German names ("Tupã Distribuidora", "Wisła Trade", "Müller Logistik").
 * Kept to the Latin-1 Supplement and Latin Extended-A/B blocks, so patterns need no Unicode flag.
 */
export const ACCENTED_LETTER = String.raw`\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F`;

/**
 * Small words inside a name, between its capitalised words, as regex alternatives: "Bank of Avalon", "Companhia
 * Metropolitana de Trens do Planalto", "Servicios Integrales del Norte", "Van der Berg".
 */
// (Two-word particles first, so that "de la" is read whole: "Banco de la Plata", "Van der Berg", "Ter Haar".)
export const NAME_PARTICLE_WORDS = String.raw`de la|de los|de las|van der|van den|von der|de|del|della|da|do|dos|das|di|du|des|la|van|von|der|den|ter|ten|y|of`;

/**
 * The capitals of Latin Extended-A ("Žatec", "Łódź", "Şişecam", "Čedok"). They alternate with their small letters in
 * that block, so no range can hold them; they are listed from the block itself.
 */
const EXTENDED_A_CAPITALS = Array.from({ length: 0x80 }, (_, i) => String.fromCharCode(0x100 + i))
  .filter((letter) => letter !== letter.toLowerCase())
  .join("");

/** An accented capital that may open a name ("Órgão", "Ålesund", "Žatec"). */
export const ACCENTED_CAPITAL = String.raw`\u00C0-\u00D6\u00D8-\u00DE` + EXTENDED_A_CAPITALS;
