import { parse } from "csv-parse/sync";

/** The CUAD columns trustlint measures, and the topic id each maps to (see the corpus README). */
export const CUAD_TOPICS: Record<string, string> = {
  "liability-cap": "Cap on Liability",
  "uncapped-liability": "Uncapped Liability",
  "liquidated-damages": "Liquidated Damages",
  "termination-for-convenience": "Termination for Convenience",
  "most-favored-nation": "Most Favored Nation",
  "price-restriction": "Price Restrictions",
  "revenue-sharing": "Revenue/Profit Sharing",
  "joint-ip": "Joint IP Ownership",
  "ip-assignment": "IP Ownership Assignment",
  "post-termination-services": "Post-Termination Services",
  "audit-rights": "Audit Rights",
  exclusivity: "Exclusivity",
  "non-compete": "Non-Compete",
  "minimum-commitment": "Minimum Commitment",
};

/**
 * Topics whose facts also answer a CUAD column: CUAD's "Cap on Liability" counts exclusions of indirect or
 * consequential loss and sole remedies or time limits for claims, which trustlint keeps as topics of their own so
 * principle rules can tell a cap from a waiver or a remedy clause;
 * its "Liquidated Damages" counts termination fees, kept as the termination-fee topic.
 */
export const CUAD_ALSO: Record<string, readonly string[]> = {
  "liability-cap": ["consequential-damages-waiver", "remedy-limit"],
  // CUAD's "Liquidated Damages" includes a fee on termination; trustlint keeps it apart, because a fee that
  // prices an exit right is not a penalty on the payer.
  "liquidated-damages": ["termination-fee"],
};

/** True when a fact of `factTopic` counts towards the CUAD column of `topic`. */
export function countsFor(topic: string, factTopic: string): boolean {
  return factTopic === topic || (CUAD_ALSO[topic]?.includes(factTopic) ?? false);
}

export interface LabelledContract {
  file: string;
  pdf: string | null;
  type: string;
  /** topic id → the lawyers' Yes/No. */
  labels: Record<string, boolean>;
  /** topic id → the excerpts the lawyers marked. */
  excerpts: Record<string, string[]>;
  /** The lawyers' "Parties" answer ('Acme Inc. ("Acme"); Beta LLC ("Supplier")'), or "" when there is none. */
  parties: string;
}

export function parseLabels(csv: string): LabelledContract[] {
  const rows = parse(csv, { columns: true, skip_empty_lines: true, relax_quotes: true }) as Record<string, string>[];
  return rows.map((row) => {
    const labels: Record<string, boolean> = {};
    const excerpts: Record<string, string[]> = {};
    let all: Record<string, string>;
    try {
      all = JSON.parse(row.excerpts ?? "{}") as Record<string, string>;
    } catch {
      all = {};
    }
    for (const [topic, column] of Object.entries(CUAD_TOPICS)) {
      labels[topic] = (row[column] ?? "").trim().toLowerCase() === "yes";
      excerpts[topic] = parsePythonList(all[column] ?? "[]");
    }
    return {
      file: row.file!,
      pdf: row.pdf?.trim() ? row.pdf.trim() : null,
      type: row.type ?? "",
      labels,
      excerpts,
      parties: row.Parties ?? "",
    };
  });
}

/** Parses a Python list-of-strings literal such as `['a', "b's"]`. */
export function parsePythonList(src: string): string[] {
  const out: string[] = [];
  let i = src.indexOf("[") + 1;
  while (i > 0 && i < src.length) {
    const ch = src[i]!;
    if (ch === "'" || ch === '"') {
      let s = "";
      i++;
      while (i < src.length && src[i] !== ch) {
        if (src[i] === "\\" && i + 1 < src.length) {
          const next = src[i + 1]!;
          s += next === "n" ? "\n" : next === "t" ? "\t" : next;
          i += 2;
        } else s += src[i++];
      }
      out.push(s);
      i++;
    } else if (ch === "]") break;
    else i++;
  }
  return out;
}
