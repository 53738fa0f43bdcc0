import type { Fact } from "../../dist/model/fact.js";
import type { Finding } from "../../dist/model/finding.js";

/**
 * The published standard agreements that exist in more than one format in ../shared/corpus/standard. Each pair
 * is the same agreement; the first file is the reference (Markdown), the second the other format.
 */
export const STANDARD_PAIRS: readonly { name: string; reference: string; other: string }[] = [
  {
    name: "Bonterms Mutual NDA",
    reference: "bonterms/Mutual-NDA/Mutual-NDA.md",
    other: "bonterms/Mutual-NDA/Bonterms-Mutual-NDA-Version-1.pdf",
  },
  {
    name: "Bonterms Cloud Terms",
    reference: "bonterms/Cloud-Terms/Cloud-Terms.md",
    other: "bonterms/Cloud-Terms/Bonterms-Cloud-Terms-Version-1.0.pdf",
  },
  {
    name: "Bonterms PSA 1.2",
    reference: "bonterms/Professional-Services-Agreement/Professional-Services-Agreement V1.2.md",
    other: "bonterms/Professional-Services-Agreement/Bonterms-Professional-Services-Agreement-PSA-Version-1.2.pdf",
  },
  {
    name: "Bonterms DPA",
    reference: "bonterms/Data-Protection-Addendum/Data-Protection-Addendum.md",
    other: "bonterms/Data-Protection-Addendum/Bonterms-Data-Protection-Addendum-DPA-Version-1.0.pdf",
  },
  {
    name: "Bonterms SLA",
    reference: "bonterms/Service-Level-Agreement/Service-Level-Agreement.md",
    other: "bonterms/Service-Level-Agreement/Bonterms-Service-Level-Agreement-Version-1.0.pdf",
  },
  // The Mutual NDA's Word template is its cover page only (term, courts, signatures); the standard terms are
  // published as Markdown alone, so the cover page is compared with the cover page.
  {
    name: "Common Paper Mutual NDA (cover page)",
    reference: "commonpaper/Mutual-NDA/Mutual-NDA-coverpage.md",
    other: "commonpaper-docx/common-paper-mutual-nda/template.docx",
  },
  {
    name: "Common Paper CSA",
    reference: "commonpaper/CSA/CSA.md",
    other: "commonpaper-docx/common-paper-cloud-service-agreement/template.docx",
  },
  {
    name: "Common Paper PSA",
    reference: "commonpaper/PSA/psa.md",
    other: "commonpaper-docx/common-paper-professional-services-agreement/template.docx",
  },
  {
    name: "Common Paper Pilot",
    reference: "commonpaper/Pilot-Agreement/Pilot-Agreement.md",
    other: "commonpaper-docx/common-paper-pilot-agreement/template.docx",
  },
  {
    name: "Common Paper Software License",
    reference: "commonpaper/Software-License-Agreement/Software-License-Agreement.md",
    other: "commonpaper-docx/common-paper-software-license-agreement/template.docx",
  },
  {
    name: "Common Paper DPA",
    reference: "commonpaper/DPA/DPA.md",
    other: "commonpaper-docx/common-paper-data-processing-agreement/template.docx",
  },
];

export interface FormatSide {
  facts: Fact[];
  findings: Finding[];
  error: string | null;
}

export interface PairComparison {
  name: string;
  other: string;
  /** Topic ids found in one format and not the other. */
  topicsOnlyReference: string[];
  topicsOnlyOther: string[];
  /** Finding rule ids (flags, strengths, gaps) found in one format and not the other. */
  findingsOnlyReference: string[];
  findingsOnlyOther: string[];
  sharedFindings: number;
  error: string | null;
}

const uniq = (xs: readonly string[]): string[] => [...new Set(xs)].sort();
const minus = (a: readonly string[], b: readonly string[]): string[] => a.filter((x) => !b.includes(x));

export function comparePair(name: string, other: string, reference: FormatSide, candidate: FormatSide): PairComparison {
  const error = reference.error ?? candidate.error;
  const tr = uniq(reference.facts.map((f) => f.topic));
  const tc = uniq(candidate.facts.map((f) => f.topic));
  const fr = uniq(reference.findings.map((f) => `${f.kind}:${f.ruleId}`));
  const fc = uniq(candidate.findings.map((f) => `${f.kind}:${f.ruleId}`));
  return {
    name,
    other,
    topicsOnlyReference: minus(tr, tc),
    topicsOnlyOther: minus(tc, tr),
    findingsOnlyReference: minus(fr, fc),
    findingsOnlyOther: minus(fc, fr),
    sharedFindings: fr.filter((x) => fc.includes(x)).length,
    error,
  };
}

export function renderStandard(rows: readonly PairComparison[]): string {
  const out = [`| agreement | other format | shared findings | only in .md | only in other |`, `|---|---|--:|---|---|`];
  for (const r of rows) {
    const ext = r.other.split(".").pop();
    if (r.error) {
      out.push(`| ${r.name} | ${ext} | – | error: ${r.error} | |`);
      continue;
    }
    const list = (xs: string[], ts: string[]): string => [...xs, ...ts.map((t) => `topic ${t}`)].join(", ") || "–";
    out.push(
      `| ${r.name} | ${ext} | ${r.sharedFindings} | ${list(r.findingsOnlyReference, r.topicsOnlyReference)} | ${list(r.findingsOnlyOther, r.topicsOnlyOther)} |`,
    );
  }
  const same = rows.filter(
    (r) =>
      !r.error &&
      !r.findingsOnlyReference.length &&
      !r.findingsOnlyOther.length &&
      !r.topicsOnlyReference.length &&
      !r.topicsOnlyOther.length,
  ).length;
  out.push("", `${same} of ${rows.length} agreements give the same findings and topics in both formats`);
  return out.join("\n");
}
