import { describe, expect, it } from "vitest";
import {
  FINDING_KINDS,
  PRINCIPLES,
  SEVERITIES,
  type Finding,
  type FindingKind,
  type PrincipleId,
  type Severity,
} from "../src/model/finding.js";
import type { DocumentScore } from "../src/model/report.js";
import { scoreFindings as score } from "../src/score/score.js";
import { packPolicy } from "../src/engine/index.js";
import { prng as rng } from "../src/shared/prng.js";
import { builtinPack } from "./helpers.js";

/** The built-in pack's policy (rules/policy.yaml and the rules' mitigated-by), as the CLI scores with it. */
const POLICY = packPolicy(await builtinPack()).score;
const {
  base: BASE_SCORE,
  flagPoints: FLAG_POINTS,
  strengthPoints: STRENGTH_POINTS,
  gapFactor: GAP_FACTOR,
  repeatDecay: REPEAT_DECAY,
  repeatMaxInstances: REPEAT_MAX_INSTANCES,
  mitigations: MITIGATIONS,
} = POLICY;
const WEIGHT_PRESETS = POLICY.weightPresets;
const scoreFindings: (findings: readonly Finding[], weights?: Record<PrincipleId, number>) => DocumentScore = (findings, weights) =>
  score(findings, POLICY, weights);

/**
 * Properties of the scorer over generated finding lists (a seeded generator, so a failure is reproducible from
 * the seed in the test name): flags never raise a score, strengths never lower one, every point is traceable
 * to a finding, and the same input always gives the same score.
 */

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

interface SyntheticRule {
  ruleId: string;
  kind: FindingKind;
  severity: Severity;
  principle: PrincipleId;
}

/** A rule id always has one kind, severity and principle, as in a real pack; the mitigation pairs are included. */
function catalogue(r: () => number): SyntheticRule[] {
  const rules: SyntheticRule[] = [];
  for (let i = 0; i < 40; i++)
    rules.push({ ruleId: `xx-rule-${i}`, kind: pick(r, FINDING_KINDS), severity: pick(r, SEVERITIES), principle: pick(r, PRINCIPLES) });
  for (const [flag, mitigators] of Object.entries(MITIGATIONS)) {
    rules.push({ ruleId: flag, kind: "flag", severity: pick(r, ["critical", "high", "medium"] as const), principle: "term-exit" });
    for (const m of mitigators)
      if (!rules.some((x) => x.ruleId === m)) rules.push({ ruleId: m, kind: "strength", severity: "high", principle: pick(r, PRINCIPLES) });
  }
  return rules;
}

function finding(rule: SyntheticRule, line: number, suppressed = false): Finding {
  return {
    ...rule,
    title: rule.ruleId,
    message: "m",
    location: { line, column: 1, clause: null },
    excerpt: "",
    matched: "",
    suggestion: "",
    topic: "t",
    burdened: null,
    beneficiary: null,
    fingerprint: `${rule.ruleId}-${line}`,
    ...(suppressed ? { suppressed: { kind: "inline" as const, reason: "accepted" } } : {}),
  };
}

function randomFindings(r: () => number, rules: SyntheticRule[]): Finding[] {
  const n = Math.floor(r() * 25);
  return Array.from({ length: n }, (_, i) => finding(pick(r, rules), i + 1, r() < 0.1));
}

function insertAt<T>(xs: T[], x: T, at: number): T[] {
  return [...xs.slice(0, at), x, ...xs.slice(at)];
}

const scoreOf = (s: DocumentScore, id: PrincipleId) => s.principles.find((p) => p.id === id)!.score;

const SEEDS = Array.from({ length: 60 }, (_, i) => i * 7919 + 13);

describe("score properties over generated findings", () => {
  for (const seed of SEEDS) {
    it(`seed ${seed}: adding a flag never raises a score, adding a strength never lowers one`, () => {
      const r = rng(seed);
      const rules = catalogue(r);
      const base = randomFindings(r, rules);
      for (const preset of Object.values(WEIGHT_PRESETS)) {
        const before = scoreFindings(base, { ...preset });
        for (let k = 0; k < 10; k++) {
          const rule = pick(r, rules);
          const after = scoreFindings(insertAt(base, finding(rule, 999), Math.floor(r() * (base.length + 1))), { ...preset });
          for (const id of PRINCIPLES) {
            if (rule.kind === "strength") expect(scoreOf(after, id)).toBeGreaterThanOrEqual(scoreOf(before, id));
            else expect(scoreOf(after, id)).toBeLessThanOrEqual(scoreOf(before, id));
          }
          if (rule.kind === "strength") expect(after.overall).toBeGreaterThanOrEqual(before.overall);
          else expect(after.overall).toBeLessThanOrEqual(before.overall);
        }
      }
    });

    it(`seed ${seed}: every point is traceable to a finding`, () => {
      const r = rng(seed);
      const findings = randomFindings(r, catalogue(r));
      const score = scoreFindings(findings);
      for (const p of score.principles) {
        const ids = p.contributions.map((c) => c.ruleId);
        for (const c of p.contributions) {
          const f = findings[c.finding]!;
          expect(f.ruleId).toBe(c.ruleId);
          expect(f.principle).toBe(p.id);
          expect(f.kind).toBe(c.kind);
          expect(f.suppressed).toBeUndefined();
          expect(Math.sign(c.points)).toBe(f.kind === "strength" ? 1 : -1);
          if (c.mitigatedBy) expect(findings.some((m) => m.ruleId === c.mitigatedBy && m.kind === "strength" && !m.suppressed)).toBe(true);
        }
        // Every unsuppressed instance with non-zero points is counted, up to the repeat cap per rule.
        const counts = new Map<string, number>();
        for (const f of findings.filter(
          (f) => f.principle === p.id && !f.suppressed && (f.kind === "strength" ? STRENGTH_POINTS : FLAG_POINTS)[f.severity] !== 0,
        ))
          counts.set(f.ruleId, Math.min(REPEAT_MAX_INSTANCES, (counts.get(f.ruleId) ?? 0) + 1));
        expect(new Set(ids)).toEqual(new Set(counts.keys()));
        for (const [ruleId, n] of counts) expect(ids.filter((x) => x === ruleId).length, ruleId).toBe(n);
        const raw = p.base + p.contributions.reduce((s, c) => s + c.points, 0);
        const clamped = Math.round(Math.max(POLICY.range.min, Math.min(POLICY.range.max, raw)));
        if (p.cap) {
          expect(p.score).toBe(p.cap.limit);
          expect(clamped).toBeGreaterThan(p.cap.limit);
        } else expect(p.score).toBe(clamped);
      }
      // The index stretches the weighted mean around the base by the policy's gain, then clamps and rounds.
      const total = score.principles.reduce((s, p) => s + p.weight, 0);
      const mean = score.principles.reduce((s, p) => s + p.score * p.weight, 0) / total;
      const stretched = POLICY.base + POLICY.gain * (mean - POLICY.base);
      expect(score.overall).toBe(Math.round(Math.max(POLICY.range.min, Math.min(POLICY.range.max, stretched))));
      expect(score).toMatchObject({ base: POLICY.base, gain: POLICY.gain });
    });

    it(`seed ${seed}: the same findings give the same score, in any order`, () => {
      const r = rng(seed);
      const findings = randomFindings(r, catalogue(r));
      const a = scoreFindings(findings);
      expect(scoreFindings(structuredClone(findings))).toEqual(a);
      const shuffled = [...findings].sort(() => r() - 0.5);
      const b = scoreFindings(shuffled);
      expect(b.overall).toBe(a.overall);
      for (const id of PRINCIPLES) expect(scoreOf(b, id)).toBe(scoreOf(a, id));
    });
  }
});

describe("score formula", () => {
  const rule = (ruleId: string, kind: FindingKind, severity: Severity, principle: PrincipleId = "risk-allocation"): SyntheticRule => ({
    ruleId,
    kind,
    severity,
    principle,
  });

  it("starts every principle at the base score with no findings", () => {
    const s = scoreFindings([]);
    for (const p of s.principles) expect(p.score).toBe(BASE_SCORE);
    expect(s.overall).toBe(BASE_SCORE);
  });

  it("counts a gap at the policy's gap-factor of a flag of the same severity", () => {
    const flag = scoreFindings([finding(rule("xx-f", "flag", "medium"), 1)]);
    const gap = scoreFindings([finding(rule("xx-g", "gap", "medium"), 1)]);
    const points = (s: DocumentScore) => s.principles.find((p) => p.id === "risk-allocation")!.contributions[0]!.points;
    expect(points(gap)).toBe(points(flag) * GAP_FACTOR);
    expect(scoreOf(gap, "risk-allocation")).toBeGreaterThan(scoreOf(flag, "risk-allocation"));
  });

  it("caps a principle with a critical flag at 40 however many strengths it has", () => {
    const strengths = Array.from({ length: 6 }, (_, i) => finding(rule(`xx-s${i}`, "strength", "high"), i + 2));
    const s = scoreFindings([finding(rule("xx-c", "flag", "critical"), 1), ...strengths]);
    const p = s.principles.find((x) => x.id === "risk-allocation")!;
    expect(p.score).toBe(40);
    expect(p.cap?.limit).toBe(40);
  });

  it("counts each further instance of a rule at REPEAT_DECAY of the previous one, up to REPEAT_MAX_INSTANCES", () => {
    const times = (n: number) => scoreFindings(Array.from({ length: n }, (_, i) => finding(rule("xx-f", "flag", "medium"), i + 1)));
    const p = (n: number) => times(n).principles.find((x) => x.id === "risk-allocation")!;
    expect(p(1).contributions.map((c) => c.points)).toEqual([-FLAG_POINTS.medium]);
    const series = Array.from({ length: REPEAT_MAX_INSTANCES }, (_, i) => -FLAG_POINTS.medium * REPEAT_DECAY ** i);
    expect(p(REPEAT_MAX_INSTANCES).contributions.map((c) => c.points)).toEqual(series);
    expect(p(REPEAT_MAX_INSTANCES).contributions[1]).toMatchObject({ instance: 2, factor: REPEAT_DECAY });
    // Four one-way indemnities are worse than one, but not four times worse.
    expect(p(2).score).toBeLessThan(p(1).score);
    expect(BASE_SCORE - p(2).score).toBeLessThan(2 * (BASE_SCORE - p(1).score));
    // Past the cap, instances count nothing and are listed as uncounted.
    expect(p(REPEAT_MAX_INSTANCES + 2).contributions).toEqual(p(REPEAT_MAX_INSTANCES).contributions);
    expect(p(REPEAT_MAX_INSTANCES + 2).score).toBe(p(REPEAT_MAX_INSTANCES).score);
    expect(p(REPEAT_MAX_INSTANCES + 2).uncounted).toEqual([{ ruleId: "xx-f", count: 2 }]);
    expect(p(REPEAT_MAX_INSTANCES).uncounted).toBeUndefined();
  });

  it("counts a mitigated flag one severity lower and names the mitigation", () => {
    const [flagId, [mitigator]] = Object.entries(MITIGATIONS)[0]! as [string, string[]];
    const flag = finding(rule(flagId, "flag", "high", "term-exit"), 1);
    const plain = scoreFindings([flag]).principles.find((p) => p.id === "term-exit")!;
    const mitigated = scoreFindings([flag, finding(rule(mitigator!, "strength", "info", "governance"), 2)]).principles.find(
      (p) => p.id === "term-exit",
    )!;
    expect(plain.contributions[0]!.points).toBe(-FLAG_POINTS.high);
    expect(mitigated.contributions[0]!.points).toBe(-FLAG_POINTS.medium);
    expect(mitigated.contributions[0]!.mitigatedBy).toBe(mitigator);
  });

  it("ignores suppressed findings", () => {
    const s = scoreFindings([finding(rule("xx-f", "flag", "critical"), 1, true)]);
    expect(scoreOf(s, "risk-allocation")).toBe(BASE_SCORE);
  });

  it("weights the overall index by the chosen preset", () => {
    const findings = [finding(rule("xx-f", "flag", "critical"), 1)];
    const relational = scoreFindings(findings, { ...WEIGHT_PRESETS.relational! });
    const transactional = scoreFindings(findings, { ...WEIGHT_PRESETS.transactional! });
    // Risk allocation weighs more in the transactional preset, so the same critical flag costs more overall.
    expect(transactional.overall).toBeLessThan(relational.overall);
  });
});

describe("check --explain-score in the terminal", () => {
  it("shows repeats with their factor, the repeat cap, the clamp, the caps and the weighting into the index", async () => {
    const { main } = await import("../src/cli/main.js");
    const { fakeIo } = await import("./helpers.js");
    const io = fakeIo();
    await main(["check", "tests/fixtures/drafts/four-indemnities.md", "--explain-score", "--no-color"], io);
    const out = io.out;
    // Four one-way indemnities: three count (18, 9, 4.5), the fourth is past the repeat cap.
    expect(out).toMatch(
      /−?-18 ra-indemnity-one-way -9 ra-indemnity-one-way \(instance 2, ×0\.5\) -4\.5 ra-indemnity-one-way \(instance 3, ×0\.25\)/,
    );
    expect(out).toContain("[1 more ra-indemnity-one-way not counted: repeat cap]");
    expect(out).toContain("Overall index: principle score × weight / total weight");
    expect(out).toMatch(/risk-allocation: \d+ × 20\/100 = [\d.]+/);
    expect(out).toMatch(/weighted mean = [\d.]+/);
    expect(out).toMatch(
      new RegExp(`overall = ${POLICY.base} \\+ ${POLICY.gain} × \\([\\d.]+ − ${POLICY.base}\\) = -?[\\d.]+ → (rounded|clamped to) \\d+`),
    );
  });

  it("prints the clamp and the cap when they bite", async () => {
    const { arithmetic } = await import("../src/report/findings.js");
    const rule = (ruleId: string, kind: FindingKind, severity: Severity): SyntheticRule => ({
      ruleId,
      kind,
      severity,
      principle: "risk-allocation",
    });
    const low = scoreFindings(Array.from({ length: 3 }, (_, i) => finding(rule(`xx-c${i}`, "flag", "critical"), i + 1))).principles.find(
      (p) => p.id === "risk-allocation",
    )!;
    expect(low.clampedTo).toBe(0);
    expect(arithmetic(low)).toMatch(/= -40 → clamped to 0$/);
    const capped = scoreFindings([
      finding(rule("xx-c", "flag", "critical"), 1),
      ...Array.from({ length: 4 }, (_, i) => finding(rule(`xx-s${i}`, "strength", "critical"), i + 2)),
    ]).principles.find((p) => p.id === "risk-allocation")!;
    expect(arithmetic(capped)).toMatch(/= 100 → capped at 40 \(a critical win-lose term caps this principle at 40\)$/);
    const over = scoreFindings(
      Array.from({ length: 4 }, (_, i) => finding(rule(`xx-s${i}`, "strength", "critical"), i + 2)),
    ).principles.find((p) => p.id === "risk-allocation")!;
    expect(arithmetic(over)).toMatch(/= 130 → clamped to 100$/);
  });
});
