import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadRuleFiles } from "../src/engine/index.js";
import { BUILTIN_RULES_DIR, readRuleDir } from "../src/core/rule-files.js";
import { readSnapshot, writeSnapshot } from "../src/core/rule-snapshot.js";

const cwd = process.cwd();

describe("built-in rule snapshot", () => {
  it("gives exactly the sources that parsing the YAML gives, with file names relative to the working directory", async () => {
    const to = join(await mkdtemp(join(tmpdir(), "trustlint-snap-")), "rules.json");
    expect(await writeSnapshot(await readRuleDir(BUILTIN_RULES_DIR, BUILTIN_RULES_DIR), BUILTIN_RULES_DIR, to)).toBe(true);
    const files = await readRuleDir(BUILTIN_RULES_DIR, cwd);
    const fromSnapshot = await readSnapshot(files, BUILTIN_RULES_DIR, cwd, to);
    expect(fromSnapshot).not.toBeNull();
    expect(fromSnapshot).toEqual(loadRuleFiles(files).sources);
    expect(fromSnapshot!.topics[0]!.file.startsWith("rules/")).toBe(true);
  });

  it("is ignored when any rule file differs from the one it was made from", async () => {
    const to = join(await mkdtemp(join(tmpdir(), "trustlint-snap-")), "rules.json");
    await writeSnapshot(await readRuleDir(BUILTIN_RULES_DIR, BUILTIN_RULES_DIR), BUILTIN_RULES_DIR, to);
    const files = await readRuleDir(BUILTIN_RULES_DIR, cwd);
    const edited = files.map((f, i) => (i === 7 ? { ...f, text: `${f.text}\n# edited\n` } : f));
    expect(await readSnapshot(edited, BUILTIN_RULES_DIR, cwd, to)).toBeNull();
    expect(await readSnapshot(files.slice(1), BUILTIN_RULES_DIR, cwd, to)).toBeNull();
    expect(await readSnapshot(files, BUILTIN_RULES_DIR, cwd, join(tmpdir(), "no-such-snapshot.json"))).toBeNull();
  });

  it("is not written for a pack with errors, so the CLI reports them from the YAML", async () => {
    const to = join(await mkdtemp(join(tmpdir(), "trustlint-snap-")), "rules.json");
    const broken = [{ file: "topics/broken.yaml", text: "id: broken\ntitle: [unclosed\n" }];
    expect(await writeSnapshot(broken, BUILTIN_RULES_DIR, to)).toBe(false);
    expect(await readSnapshot(broken, BUILTIN_RULES_DIR, cwd, to)).toBeNull();
  });
});
