import type { Span } from "../model/location.js";

/** Where recitals open: "WHEREAS", "W I T N E S S E T H", or a "Recitals"/"Background" heading. */
const OPENING =
  /\bWHEREAS\b|\bW\s?I\s?T\s?N\s?E\s?S\s?S\s?E\s?T\s?H\b|(?:^|\n)[ \t]*(?:RECITALS?|Recitals?|BACKGROUND|Background)[ \t]*:?[ \t]*(?:\n|$)/;
/** Where the operative part starts: "NOW, THEREFORE", "the parties agree as follows", "IT IS AGREED" (in capitals). */
const CLOSING = /\bNOW,?\s+THEREFORE\b|\bagree(?:s|d)?\s+as\s+follows\b/i;
const CLOSING_CAPS = /\bIT\s+IS\s+(?:HEREBY\s+)?(?:MUTUALLY\s+)?AGREED\b/;
/** The first article or section ("1. Terms", "ARTICLE 1", "Section 1.1"): recitals never run past it. */
const FIRST_CLAUSE = /\n[ \t]*(?:(?:ARTICLE|Article|SECTION|Section)[ \t]+)?(?:1|I)(?:\.1)?[.)]?[ \t]+[A-Z]/;

/** The preamble that names the parties ("This Manufacturing Agreement is made … by and between …"). */
const PREAMBLE =
  /\b(?:This|THIS)\s+(?:[\w-]+\s+){0,8}?(?:Agreement|AGREEMENT|Contract|CONTRACT)\b[^.]{0,400}?\b(?:between|among|BETWEEN|AMONG)\b/;

/**
 * The preamble and recitals: background the parties state before they agree anything ("WHEREAS Acme granted Beta an exclusive
 * licence under an earlier agreement"). They bind no one, so no term is read from them. Only recitals near the
 * start that are closed by the operative formula count; without that formula nothing is skipped, since an
 * unclosed "WHEREAS" may be all there is of a short letter agreement.
 */
export function findRecitals(text: string): Span | null {
  const head = text.slice(0, Math.min(text.length, 60_000));
  const open = OPENING.exec(head);
  if (!open) return null;
  const rest = text.slice(open.index, open.index + 25_000);
  const ends = [CLOSING.exec(rest)?.index, CLOSING_CAPS.exec(rest)?.index].filter((i): i is number => i !== undefined);
  if (ends.length === 0) return null;
  const first = FIRST_CLAUSE.exec(rest)?.index;
  const end = Math.min(...ends, first ?? Infinity);
  // The preamble before them names the parties and, at times, tells history too ("… AMAG, which acquired it in
  // 2014, and under an earlier agreement Antares granted AMAG an exclusive licence"): it is background as well.
  const preamble = PREAMBLE.exec(head.slice(Math.max(0, open.index - 5000), open.index));
  const start = preamble ? Math.max(0, open.index - 5000) + preamble.index : open.index;
  return { start, end: open.index + end };
}
