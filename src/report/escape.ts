/**
 * Contract text is hostile input as far as an HTML page is concerned: every character that could open a tag,
 * an entity or an attribute is replaced, so `<script>`, `<img onerror=…>` and `javascript:` links render as
 * text. Control and bidi-override characters are dropped for the same reason as in the terminal.
 */
const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;", "`": "&#96;" };

export function escapeHtml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, "")
    .replace(/[&<>"'`]/g, (c) => HTML_ESCAPES[c]!);
}

/** A number for markup: whatever the report held, only a finite number is printed. */
export function num(value: unknown): string {
  const n = Number(value);
  return Number.isFinite(n) ? String(n) : "?";
}

/**
 * Serialised JSON with DEL, C1 controls, line/paragraph separators and bidi overrides written as `\uXXXX`
 * escapes: the same values, but nothing that drives a terminal or reorders text when the file is shown.
 * (JSON.stringify escapes only C0.) These characters occur only inside strings, so the JSON stays valid.
 */
export function jsonSafe(json: string): string {
  return json.replace(
    /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

/**
 * The excerpt escaped, with the first occurrence of `matched` wrapped in <mark>. Matching is done on the raw
 * text and each piece is escaped separately, so highlighting can never produce or split an entity.
 */
export function highlight(excerpt: string, matched: string): string {
  const needle = matched.trim();
  if (!needle) return escapeHtml(excerpt);
  let at = excerpt.indexOf(needle);
  if (at < 0) at = excerpt.toLowerCase().indexOf(needle.toLowerCase());
  if (at < 0) return escapeHtml(excerpt);
  return `${escapeHtml(excerpt.slice(0, at))}<mark>${escapeHtml(excerpt.slice(at, at + needle.length))}</mark>${escapeHtml(excerpt.slice(at + needle.length))}`;
}

/**
 * Markdown for GitHub comments: HTML-significant characters become entities, Markdown punctuation gets a
 * backslash (`[`/`]` too, so no link can form), `@` cannot ping anyone, and line breaks become spaces so a table row stays one row.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, "")
    .replace(/\s*[\r\n]+\s*/g, " ")
    .replace(/[&<>]/g, (c) => HTML_ESCAPES[c]!)
    .replace(/[\\`*_[\]|~]/g, (c) => `\\${c}`)
    .replace(/@/g, "&#64;");
}

/** Shortens to at most n characters on a word boundary, with an ellipsis. */
export function clip(text: string, n: number): string {
  if (text.length <= n) return text;
  const cut = text.slice(0, n - 1);
  const space = cut.lastIndexOf(" ");
  return `${space > n * 0.6 ? cut.slice(0, space) : cut}…`;
}

/**
 * A long excerpt cut to about `max` characters around the matched words, with ellipses where text was left
 * out, so a 3,000-character run-on clause still shows the words that fired.
 */
export function excerptWindow(excerpt: string, matched: string, max = 700): string {
  if (excerpt.length <= max) return excerpt;
  const at = Math.max(0, excerpt.toLowerCase().indexOf(matched.trim().toLowerCase()));
  let start = Math.max(0, at - Math.floor(max / 3));
  let end = Math.min(excerpt.length, start + max);
  start = Math.max(0, end - max);
  // Cut on word boundaries.
  if (start > 0) start = excerpt.indexOf(" ", start) + 1 || start;
  if (end < excerpt.length) end = excerpt.lastIndexOf(" ", end) > start ? excerpt.lastIndexOf(" ", end) : end;
  return `${start > 0 ? "… " : ""}${excerpt.slice(start, end)}${end < excerpt.length ? " …" : ""}`;
}
