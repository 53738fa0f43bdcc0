import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../src/cli/main.js";
import { analyseBytes } from "../src/core/pipeline.js";
import { verdictOf } from "../src/core/regex-safety.js";
import { fileVerdictStore } from "../src/core/verdict-store.js";
import { builtinPack, fakeIo } from "./helpers.js";

/** recheck starts a helper process and fuzzes; on a loaded 2-core machine that takes seconds, not ms. */
const SLOW = 120_000;

const SAFE_TOPIC = (id: string, trigger: string) => `id: ${id}
title: Test topic
description: A topic written for the regex safety tests.
trigger:
  - {regex: ${JSON.stringify(trigger)}}
examples:
  match: [a]
  no-match: [b]
`;

async function rulePack(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "trustlint-rules-"));
  await mkdir(join(dir, "topics"));
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, "topics", name), text);
  return dir;
}

/** Verdicts are cached per user; tests keep theirs in a temp folder. */
const env = { XDG_CACHE_HOME: await mkdtemp(join(tmpdir(), "trustlint-cache-")) };

async function contract(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "trustlint-doc-"));
  const p = join(dir, "c.txt");
  await writeFile(p, "1. The Supplier shall indemnify the Customer.\n");
  return p;
}

describe("regex safety", () => {
  it(
    "refuses a user pack with a catastrophic-backtracking regex, at file:line:col with the reason",
    async () => {
      const dir = await rulePack({ "bad-topic.yaml": SAFE_TOPIC("bad-topic", "^(\\w+\\s?)*$") });
      const io = fakeIo({ env });
      const code = await main(["check", await contract(), "--rules", dir, "--no-color"], io);
      expect(code).toBe(2);
      const lines = io.err.trim().split("\n");
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/bad-topic\.yaml:5:5: RULE_UNSAFE_REGEX .*exponential/);
      expect(io.out).toBe("");
    },
    SLOW,
  );

  it(
    "refuses a polynomial pattern too, and accepts a safe user pack",
    async () => {
      const bad = await rulePack({ "poly-topic.yaml": SAFE_TOPIC("poly-topic", "(.*,){12}X") });
      const io = fakeIo({ env });
      expect(await main(["check", await contract(), "--rules", bad], io)).toBe(2);
      expect(io.err).toMatch(/RULE_UNSAFE_REGEX .*polynomial/);

      const good = await rulePack({ "good-topic.yaml": SAFE_TOPIC("good-topic", "\\bgain[\\s-]?shar(?:e|ing)\\b") });
      const io2 = fakeIo({ env });
      expect(await main(["check", await contract(), "--rules", good, "--format", "json"], io2)).toBe(0);
      expect(io2.err).toBe("");
    },
    SLOW,
  );

  it("refuses what the checker cannot judge (unknown status, timeouts, flags it does not know)", () => {
    expect(verdictOf({ status: "unknown", error: { kind: "invalid", message: "unknown flag" } })).toMatchObject({
      safe: false,
      reason: "the safety checker cannot judge this pattern (unknown flag)",
    });
    expect(verdictOf({ status: "unknown", error: { kind: "timeout" } })).toMatchObject({ safe: false, final: false, timedOut: true });
    expect(verdictOf({ status: "unknown", error: { kind: "invalid" } }).timedOut).toBeUndefined();
    expect(verdictOf({ status: "safe" }).safe).toBe(true);
  });

  it("refuses the v flag at schema level (recheck cannot judge it)", async () => {
    const dir = await rulePack({ "v-topic.yaml": SAFE_TOPIC("v-topic", "a").replace('{regex: "a"}', '{regex: "a", flags: "v"}') });
    const io = fakeIo({ env });
    expect(await main(["check", await contract(), "--rules", dir], io)).toBe(2);
    expect(io.err).toMatch(/v-topic\.yaml:\d+:\d+: RULE_SCHEMA .*flags/);
  });
});

describe("per-document time budget", () => {
  it("turns a document that runs out of time into its ANALYSIS_TIMEOUT entry; the next document is still analysed", async () => {
    const pack = await builtinPack();
    const text = new TextEncoder().encode("1. The Supplier shall indemnify the Customer.\n2. More.\n");
    // A clock that jumps a minute per reading: the budget is spent before the first clause.
    let t = 0;
    const late = await analyseBytes("slow.txt", text, pack, { timeoutMs: 1000, now: () => (t += 60_000) });
    expect(late.error?.code).toBe("ANALYSIS_TIMEOUT");
    expect(late.error?.path).toBe("slow.txt");
    const fine = await analyseBytes("fine.txt", text, pack, { timeoutMs: 1000, now: () => 0 });
    expect(fine.error).toBeNull();
    expect(fine.facts.length).toBeGreaterThan(0);
  });

  it(
    "finishes a 1 MB adversarial text (one line, trigger words everywhere, no sentence ends)",
    async () => {
      const pack = await builtinPack();
      const unit = "indemnify hold the Supplier harmless liability shall not exceed unlimited liability Customer ";
      const oneLine = unit.repeat(Math.ceil(1_000_000 / unit.length));
      const report = await analyseBytes("adversarial.txt", new TextEncoder().encode(oneLine), pack, { timeoutMs: 0 });
      expect(report.error).toBeNull();
      const nested = `${"(a) ".repeat(50_000)}${"a".repeat(500_000)}!`;
      const report2 = await analyseBytes("nested.txt", new TextEncoder().encode(nested), pack, { timeoutMs: 0 });
      expect(report2.error).toBeNull();
    },
    SLOW,
  );
});

describe("verdict cache", () => {
  it("keeps what another run saved in the meantime instead of overwriting it", async () => {
    const env = { XDG_CACHE_HOME: await mkdtemp(join(tmpdir(), "trustlint-verdicts-")) };
    const first = fileVerdictStore(env);
    const second = fileVerdictStore(env);
    first.set("i/a+", { safe: true, final: true });
    first.save();
    second.set("i/(a+)+", { safe: false, final: true, reason: "exponential" });
    second.save();
    const third = fileVerdictStore(env);
    expect(third.get("i/a+")?.safe).toBe(true);
    expect(third.get("i/(a+)+")?.safe).toBe(false);
    expect(third.get("i/b+")).toBeUndefined();
  });
});
