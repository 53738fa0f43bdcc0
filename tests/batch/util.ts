import { cp, mkdtemp, readFile, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fakeIo } from "../helpers.js";
import { main } from "../../src/cli/main.js";

export const FIXTURES = resolve("tests/fixtures/batch");

/** A scratch copy of the fixture portfolio, so tests can add files, configs and ignore files freely. */
export async function scratch(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "trustlint-batch-"));
  await cp(join(FIXTURES, "portfolio"), join(dir, "portfolio"), { recursive: true });
  return dir;
}

/** fakeIo whose working directory is `dir` (file access resolved against it, as the real process would). */
export function ioAt(dir: string, overrides: Parameters<typeof fakeIo>[0] = {}) {
  return fakeIo({
    cwd: dir,
    readFile: async (p: string) => new Uint8Array(await readFile(resolve(dir, p))),
    stat: async (p: string) => {
      const s = await stat(resolve(dir, p));
      return { isDirectory: s.isDirectory(), isFile: s.isFile(), size: s.size };
    },
    writeFile: async (p: string, t: string) => writeFile(resolve(dir, p), t),
    ...overrides,
  });
}

export async function run(dir: string, argv: string[], overrides: Parameters<typeof fakeIo>[0] = {}) {
  const io = ioAt(dir, overrides);
  const code = await main(argv, io);
  return { code, out: io.out, err: io.err };
}

export const HARBOUR = "portfolio/harbour-logistics.txt";
export const CLEANING = "portfolio/sub/mutual-cleaning.md";

export async function write(dir: string, rel: string, text: string): Promise<void> {
  await writeFile(join(dir, rel), text);
}
