import type { Fact } from "../model/fact.js";
import { PRINCIPLE_TITLES, severityRank, type Finding, type Severity } from "../model/finding.js";
import type { Party, Side } from "../model/party.js";
import type { DocumentReport } from "../model/report.js";
import type { RuleMeta } from "../model/rule.js";

/**
 * What each review comment says, independent of where it is written (a Word comment or a Markdown block):
 * a bold first line, then plain lines. Every trustlint comment starts with MARKER, which is how a re-review
 * recognises its own comments (the author name is configurable, so it cannot be the key).
 */
export const MARKER = "trustlint ·";

export interface CommentText {
  heading: string;
  lines: string[];
}

export interface SelectOptions {
  /** Only flags (and gaps in the summary): no strength comments. */
  flagsOnly?: boolean;
  minSeverity?: Severity;
}

/** Findings that get a comment of their own: not suppressed or baselined, severe enough, not gaps. */
export function commentedFindings(report: DocumentReport, options: SelectOptions): Finding[] {
  return report.findings.filter((f) => f.kind !== "gap" && shown(f, options));
}

/** Gaps, which have no clause to sit on and go in the summary. */
export function summaryGaps(report: DocumentReport, options: SelectOptions): Finding[] {
  return report.findings.filter((f) => f.kind === "gap" && shown(f, options));
}

function shown(f: Finding, options: SelectOptions): boolean {
  if (f.suppressed) return false;
  if (options.flagsOnly && f.kind === "strength") return false;
  if (options.minSeverity && severityRank(f.severity) < severityRank(options.minSeverity)) return false;
  return true;
}

export function findingComment(f: Finding, report: DocumentReport, rules: ReadonlyMap<string, RuleMeta>, note?: string): CommentText {
  const where = f.location.clause ? ` · clause ${f.location.clause}` : "";
  if (f.kind === "strength") {
    const lines = [f.message];
    if (note) lines.push(note);
    return { heading: `${MARKER} strength · ${f.title}`, lines };
  }
  const rule = rules.get(f.ruleId);
  const lines = [f.message];
  const about = aboutLine(f, report.parties);
  if (about) lines.push(about);
  if (rule?.rationale) lines.push(`Why it matters: ${oneLine(rule.rationale)}`);
  if (f.suggestion) lines.push(`Balanced alternative: ${fillParties(oneLine(f.suggestion), report.parties)}`);
  const values = valuesLine(factOf(f, report.facts));
  if (values) lines.push(values);
  lines.push(`${PRINCIPLE_TITLES[f.principle]} · rule ${f.ruleId}${where}`);
  if (note) lines.push(note);
  return { heading: `${MARKER} ${f.severity} ${f.kind} · ${f.title}`, lines };
}

/** The first comment: the index, the seven principle scores and the gaps, which have no clause to sit on. */
export function summaryComment(
  report: DocumentReport,
  gaps: readonly Finding[],
  counts: { comments: number; paragraphOnly: number },
): CommentText {
  const s = report.score;
  const lines: string[] = [];
  if (s) {
    lines.push(`Collaboration index: ${s.overall}/100 (50 = neutral).`);
    for (const p of s.principles) lines.push(`${PRINCIPLE_TITLES[p.id]}: ${p.score}${p.cap ? ` (capped: ${p.cap.reason})` : ""}`);
  }
  if (gaps.length) {
    lines.push(`Gaps (${gaps.length}), nothing in the document to comment on:`);
    for (const g of gaps)
      lines.push(
        `– ${g.title} (${g.severity}): ${g.message}${g.suggestion ? ` → ${fillParties(oneLine(g.suggestion), report.parties)}` : ""}`,
      );
  } else lines.push("Gaps: none.");
  if (report.parties.length) lines.push(`Parties: ${report.parties.map((p) => `${p.alias ?? p.name} (${p.role})`).join(", ")}.`);
  const accepted = report.findings.filter((f) => f.suppressed).length;
  if (accepted) lines.push(`${accepted} finding(s) accepted by an inline suppression or the baseline: no comment.`);
  lines.push(
    `${counts.comments} comment(s) on clauses${counts.paragraphOnly ? `, ${counts.paragraphOnly} on a whole paragraph because the exact words could not be found` : ""}. Automated review, not legal advice.`,
  );
  return { heading: `${MARKER} review summary`, lines };
}

export const PARAGRAPH_NOTE = "Note: trustlint could not find these exact words in the document; this comment is on the nearest paragraph.";

function aboutLine(f: Finding, parties: readonly Party[]): string | null {
  const burdened = sideName(f.burdened, parties);
  const beneficiary = sideName(f.beneficiary, parties);
  if (!burdened && !beneficiary) return null;
  if (f.burdened === "both") return "About: both parties alike.";
  return `About: ${burdened ?? "one party"} carries it${beneficiary && beneficiary !== burdened ? `; ${beneficiary} benefits` : ""}.`;
}

function sideName(side: Side, parties: readonly Party[]): string | null {
  if (side === "both") return "both parties";
  if (side !== "buyer" && side !== "supplier") return null;
  const p = parties.find((x) => x.role === side);
  return p ? displayName(p) : `the ${side}`;
}

function displayName(p: Party): string {
  return p.alias ? `the ${p.alias}` : p.name;
}

/**
 * The rules' balanced alternatives speak of "the supplier" and "the customer"; in a comment on a real draft
 * they should use the draft's own names ("the Provider", "Acme Ltd").
 */
function fillParties(text: string, parties: readonly Party[]): string {
  const buyer = parties.find((p) => p.role === "buyer");
  const supplier = parties.find((p) => p.role === "supplier");
  return text.replace(
    /\b(the )?(supplier|customer|buyer)('s)?\b/gi,
    (whole, the: string | undefined, word: string, s: string | undefined, at: number) => {
      const party = /supplier/i.test(word) ? supplier : buyer;
      if (!party) return whole;
      const name = party.alias ? `${the ? (the[0] === "T" ? "The " : "the ") : ""}${party.alias}` : party.name;
      const capital = at === 0 || /[.:;]\s*$/.test(text.slice(Math.max(0, at - 3), at));
      return `${capital ? name[0]!.toUpperCase() + name.slice(1) : name}${s ?? ""}`;
    },
  );
}

function factOf(f: Finding, facts: readonly Fact[]): Fact | undefined {
  return facts.find((x) => x.topic === f.topic && x.location.line === f.location.line && x.location.column === f.location.column);
}

function valuesLine(fact: Fact | undefined): string | null {
  if (!fact) return null;
  const entries = Object.entries(fact.values).filter(([k, v]) => k !== "mirrored" && v !== false);
  if (!entries.length) return null;
  return `In this clause: ${entries.map(([k, v]) => `${k.replace(/-/g, " ")} ${v === true ? "yes" : v}`).join(", ")}.`;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
