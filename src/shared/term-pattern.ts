/**
 * A defined term or name as a regex source: its special characters escaped, and any run of spaces matching any
 * whitespace ("Service  Provider" across a line break). One place, so every reader of party names matches alike.
 */
export function termPattern(term: string): string {
  return term.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\s+/g, "\\s+");
}
