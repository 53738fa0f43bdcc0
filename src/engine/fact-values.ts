/** The values a fact carries (amounts, periods, flags) and the excerpt it quotes. */
import type { FactValue } from "../model/fact.js";
import { unmaskCompanyStops } from "../shared/company-stops.js";
import { mapKey, type CompiledTopic } from "./compile.js";

const MAX_EXCERPT = 400;

/**
 * Several value patterns may fill one name ("3 years" → months with scale 12, "36 months" → months): the first
 * pattern that matches wins, so a topic lists its most specific pattern first.
 */
export function readValues(topic: CompiledTopic, text: string): Record<string, FactValue> {
  const values: Record<string, FactValue> = {};
  for (const v of topic.values) {
    if (v.name in values) continue;
    const m = v.regex.exec(text);
    if (v.type === "boolean") {
      if (m) values[v.name] = true;
      continue;
    }
    if (!m || m[1] === undefined) continue;
    if (v.map) {
      const mapped = v.map.get(mapKey(m[1]));
      if (mapped === undefined) continue;
      const out = v.type === "number" ? Number(mapped) : mapped;
      if (typeof out !== "number" || Number.isFinite(out)) values[v.name] = out;
      continue;
    }
    if (v.type === "number") {
      const n = parseNumber(m[1]);
      if (n !== null) values[v.name] = n * v.scale;
    } else values[v.name] = unmaskCompanyStops(m[1].trim());
  }
  return values;
}

const NUMBER_WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  eighteen: 18,
  twenty: 20,
  thirty: 30,
  sixty: 60,
  ninety: 90,
};

/** "36", "1,000", "three": contracts spell small numbers out ("three (3) years" has both). */
export function parseNumber(raw: string): number | null {
  const t = raw.trim().toLowerCase();
  if (t in NUMBER_WORDS) return NUMBER_WORDS[t]!;
  const n = Number(t.replace(/,/g, ""));
  return t !== "" && Number.isFinite(n) ? n : null;
}

export function excerptAround(text: string, at: number, length: number): string {
  const clean = (s: string) => s.replace(/\s+/g, " ").trim();
  if (text.length <= MAX_EXCERPT) return clean(text);
  const half = Math.floor((MAX_EXCERPT - length) / 2);
  const from = Math.max(0, at - half);
  const to = Math.min(text.length, at + length + half);
  return `${from > 0 ? "…" : ""}${clean(text.slice(from, to))}${to < text.length ? "…" : ""}`;
}
