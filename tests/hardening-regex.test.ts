import { mkdtemp, mkdir, readFile, readdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../src/cli/main.js";
import { hasBackReference, unsafeRegexErrors } from "../src/core/regex-safety.js";
import { fileVerdictStore } from "../src/core/verdict-store.js";
import { fakeIo } from "./helpers.js";

const topic = (pattern: Record<string, unknown>) => `id: backref-topic
title: Repeated word
description: A word said twice.
trigger:
  - ${JSON.stringify(pattern)}
examples:
  match: ["the the"]
  no-match: [b]
`;

describe("regex check (issue item 8)", { timeout: 60_000 }, () => {
  it("recognises back-references outside character classes only", () => {
    expect(hasBackReference("\\b(\\w+)\\b.*\\b\\1\\b")).toBe(true);
    expect(hasBackReference("(?<w>\\w+) \\k<w>")).toBe(true);
    expect(hasBackReference("[\\1]x")).toBe(false);
    expect(hasBackReference("\\\\1")).toBe(false);
    expect(hasBackReference("a{1,2}\\d")).toBe(false);
  });

  it("refuses a back-reference in a user pack unless the pattern is marked reviewed", async () => {
    const entry = { file: "pack/t.yaml", line: 5, column: 5, source: "\\b(\\w+)\\b.*\\b\\1\\b", flags: "i" };
    const [error] = await unsafeRegexErrors([entry]);
    expect(error).toMatchObject({ code: "RULE_UNSAFE_REGEX", path: "pack/t.yaml", line: 5 });
    expect(error!.message).toMatch(/back-references cannot be proven safe/);
  });

  it("a rule file: refused at its line without the mark; the mark is accepted by the schema", async () => {
    const dir = await mkdtemp(join(tmpdir(), "trustlint-backref-"));
    await mkdir(join(dir, "topics"));
    await writeFile(join(dir, "topics", "backref-topic.yaml"), topic({ regex: "\\b(\\w+)\\b.*\\b\\1\\b", flags: "i" }));
    await writeFile(join(dir, "c.txt"), "1. The Supplier shall indemnify the Customer.\n");
    const env = { XDG_CACHE_HOME: await mkdtemp(join(tmpdir(), "trustlint-cache-")) };
    const io = fakeIo({ env });
    expect(await main(["check", join(dir, "c.txt"), "--rules", dir], io)).toBe(2);
    expect(io.err).toMatch(/backref-topic\.yaml:5:\d+: RULE_UNSAFE_REGEX .*back-references cannot be proven safe/);
    await writeFile(join(dir, "topics", "backref-topic.yaml"), topic({ regex: "\\b(\\w+)\\b.*\\b\\1\\b", flags: "i", reviewed: true }));
    const marked = fakeIo({ env });
    expect(await main(["check", join(dir, "c.txt"), "--rules", dir, "-f", "json"], marked)).not.toBe(2);
    expect(marked.err).not.toMatch(/RULE_/);
  }, 120_000);

  it("the verdict cache is keyed by hash and checked: a hand-edited entry marking (a+)+$ safe is ignored", async () => {
    const env = { XDG_CACHE_HOME: await mkdtemp(join(tmpdir(), "trustlint-verdicts-")) };
    const store = fileVerdictStore(env);
    store.set("/(a+)+$", { safe: false, final: true, reason: "exponential" });
    store.set("/a+", { safe: true, final: true });
    store.save();
    const dir = join(env.XDG_CACHE_HOME, "trustlint");
    const file = join(
      dir,
      (await readdir(dir)).find((f) => f.startsWith("regex-verdicts-v2"))!,
    );
    const data = JSON.parse(await readFile(file, "utf8")) as Record<string, { verdict: { safe: boolean } }>;
    expect(Object.keys(data).every((k) => /^[0-9a-f]{64}$/.test(k))).toBe(true);
    // Tamper: flip every verdict to safe, as a planted cache would.
    for (const e of Object.values(data)) e.verdict = { safe: true, final: true } as never;
    await writeFile(file, JSON.stringify(data));
    const reread = fileVerdictStore(env);
    expect(reread.get("/(a+)+$")).toBeUndefined(); // re-checked, not trusted
    expect(reread.get("/a+")?.safe).toBe(true); // this one's content still matches its hash
    // A cache written without the user's key (another machine, a planted file) is not trusted at all.
    const planted = { XDG_CACHE_HOME: await mkdtemp(join(tmpdir(), "trustlint-planted-")) };
    await mkdir(join(planted.XDG_CACHE_HOME, "trustlint"));
    await writeFile(join(planted.XDG_CACHE_HOME, "trustlint", "regex-verdicts-v2.json"), await readFile(file));
    expect(fileVerdictStore(planted).get("/a+")).toBeUndefined();
  });
});
