import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { expandInputs } from "../../src/cli/batch/expand.js";
import { compileIgnore } from "../../src/core/ignore.js";
import { CLEANING, HARBOUR, scratch, write } from "./util.js";

describe("expanding paths, folders and globs", { timeout: 60_000 }, () => {
  test("a folder is walked recursively; unknown types inside are skipped and counted; output is sorted", async () => {
    const dir = await scratch();
    await write(dir, "portfolio/a-first.txt", "x");
    const e = await expandInputs(["portfolio"], { cwd: dir, ignore: [] });
    expect(e.files).toEqual(["portfolio/a-first.txt", HARBOUR, CLEANING]);
    expect(e.skipped).toBe(1); // notes.csv
  });

  test("globs expand; an explicitly named file is kept whatever its type; duplicates collapse", async () => {
    const dir = await scratch();
    const e = await expandInputs(["portfolio/**/*.md", "portfolio/sub/notes.csv", CLEANING], { cwd: dir, ignore: [] });
    expect(e.files).toEqual([CLEANING, "portfolio/sub/notes.csv"]);
  });

  test("missing paths and globs matching nothing stay in the list, to be reported", async () => {
    const dir = await scratch();
    const e = await expandInputs(["nope.txt", "portfolio/*.pdf"], { cwd: dir, ignore: [] });
    expect(e.files).toEqual(["nope.txt", "portfolio/*.pdf"]);
  });

  test(".trustlintignore and --ignore leave files out, also when named explicitly", async () => {
    const dir = await scratch();
    await write(dir, ".trustlintignore", "# drafts are not audited\nsub/\n");
    const e = await expandInputs(["portfolio", HARBOUR], { cwd: dir, ignore: [] });
    expect(e.files).toEqual([HARBOUR]);
    expect(e.ignored).toBe(2); // both files under sub/
    const f = await expandInputs(["portfolio"], { cwd: dir, ignore: ["**/harbour-*"], ignoreFile: false });
    expect(f.files).toEqual([CLEANING]);
  });

  test("standard input stays first", async () => {
    const dir = await scratch();
    await mkdir(join(dir, "empty"));
    expect((await expandInputs(["empty", "-"], { cwd: dir, ignore: [] })).files).toEqual(["-"]);
  });
});

describe("ignore patterns", { timeout: 60_000 }, () => {
  const m = compileIgnore(["drafts/", "*.bak", "/top.txt", "legal/**/old-*.md", "x?.txt"]);
  test.each([
    ["drafts/a.txt", true],
    ["deep/drafts/a.txt", true],
    ["a.bak", true],
    ["deep/a.bak", true],
    ["top.txt", true],
    ["deep/top.txt", false],
    ["legal/2019/old-msa.md", true],
    ["legal/old-msa.md", true],
    ["legal/new-msa.md", false],
    ["x1.txt", true],
    ["x12.txt", false],
    ["contracts/msa.txt", false],
  ])("%s ignored: %s", (path, ignored) => {
    expect(m(path)).toBe(ignored);
  });
});
