import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../src/cli/main.js";
import { fakeIo } from "./helpers.js";

/** Same input → byte-identical JSON: two runs over every bundled fixture, in one batch. */
const FIXTURES = join(process.cwd(), "fixtures");
const files = readdirSync(FIXTURES, { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile())
  .map((e) => join(e.parentPath, e.name))
  .sort();

async function runJson(args: string[]): Promise<string> {
  const io = fakeIo();
  await main(["check", "--format", "json", ...args, ...files], io);
  return io.out;
}

describe("determinism", () => {
  it("gives byte-identical JSON across two runs over all fixtures", async () => {
    expect(files.length).toBeGreaterThan(0);
    const first = await runJson([]);
    expect(JSON.parse(first).documents).toHaveLength(files.length);
    expect(await runJson([])).toBe(first);
  }, 120_000);
});
