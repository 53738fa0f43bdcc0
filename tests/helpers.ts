import { loadPack } from "../src/core/rule-files.js";
import type { RulePack } from "../src/engine/index.js";
import { analyse } from "../src/engine/index.js";
import { buildContract } from "../src/ingest/contract.js";
import { analyseBytes } from "../src/core/pipeline.js";
import type { Io } from "../src/cli/io.js";
import { readFile, stat, writeFile } from "node:fs/promises";

let pack: RulePack | null = null;

/** The built-in pack, loaded through the real loader (a schema error fails every test that uses it). */
export async function builtinPack(): Promise<RulePack> {
  if (pack) return pack;
  const result = await loadPack([], process.cwd());
  if (!result.ok) throw new Error(result.error.map((e) => `${e.path}:${e.line}:${e.column} ${e.code} ${e.message}`).join("\n"));
  pack = result.value;
  return pack;
}

/** Analyse a snippet of contract text as a whole document. */
export async function analyseText(text: string, format: "text" | "markdown" = "text") {
  const doc = buildContract("snippet.txt", format, text);
  return analyse(doc, await builtinPack());
}

export async function analyseFile(path: string) {
  return analyseBytes(path, new Uint8Array(await readFile(path)), await builtinPack());
}

/** An Io that records output and reads real files. */
export function fakeIo(overrides: Partial<Io> = {}): Io & { out: string; err: string; files: Map<string, string> } {
  const state = { out: "", err: "", files: new Map<string, string>() };
  const io: Io & typeof state = Object.assign(state, {
    stdout: (t: string) => void (state.out += t),
    stderr: (t: string) => void (state.err += t),
    readFile: async (p: string) => new Uint8Array(await readFile(p)),
    writeFile: async (p: string, t: string) => {
      state.files.set(p, t);
      if (!p.startsWith("/virtual/")) await writeFile(p, t);
    },
    openOutput: (p: string) => {
      let text = "";
      return { write: (t: string) => void (text += t), close: () => io.writeFile(p, text) };
    },
    stat: async (p: string) => {
      const s = await stat(p);
      return { isDirectory: s.isDirectory(), isFile: s.isFile(), size: s.size };
    },
    readStdin: async () => new Uint8Array(),
    cwd: process.cwd(),
    env: {},
    isTTY: false,
    stderrIsTTY: false,
    ...overrides,
  });
  return io;
}

/** The facts of one topic that a snippet of contract text produces. */
export async function factsOf(text: string, topic: string) {
  const { facts } = await analyseText(text);
  return facts.filter((f) => f.topic === topic);
}

/** The single fact of a topic in a snippet (fails the test, quoting the snippet's end, when not exactly one). */
export async function onlyFact(text: string, topic: string) {
  const found = await factsOf(text, topic);
  if (found.length !== 1) throw new Error(`expected one ${topic} fact, got ${found.length} in: ${text.slice(-140)}`);
  return found[0]!;
}
