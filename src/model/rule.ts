import type { FindingKind, PrincipleId, Severity } from "./finding.js";

/** What reporters and `explain` need to know about a principle rule (no matcher data). */
export interface RuleMeta {
  id: string;
  title: string;
  principle: PrincipleId;
  kind: FindingKind;
  severity: Severity;
  rationale: string;
  suggestion: string;
  sources: string[];
  /** The topic(s) the rule judges. */
  topics: string[];
  /** The file the rule was loaded from, relative to its pack. */
  file: string;
}

export interface TopicMeta {
  id: string;
  title: string;
  description: string;
  file: string;
}
