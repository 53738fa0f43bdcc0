import { readFile, stat } from "node:fs/promises";
import { resolve } from "node:path";
import { parentPort, workerData } from "node:worker_threads";
import type { Io } from "../io.js";
import { readRegularFileOrThrow } from "../../shared/bounded-read.js";
import { analysePath } from "./read.js";
import type { RulePack } from "../../engine/index.js";
import type { AnalysisSettings } from "./settings.js";

/**
 * Worker-thread entry: receives the main thread's compiled rule pack (plain data and RegExps survive the
 * structured clone), so workers neither re-read nor re-validate rule files and cannot disagree with the main
 * thread. Analyses one path per message; reports cross back by structured clone.
 */
const { settings, pack } = workerData as { settings: AnalysisSettings; pack: RulePack };
const at = (p: string) => resolve(settings.cwd, p);
const io: Io = {
  stdout: () => {},
  stderr: () => {},
  readFile: async (p, maxBytes) =>
    maxBytes === undefined ? new Uint8Array(await readFile(at(p))) : readRegularFileOrThrow(at(p), maxBytes, p),
  writeFile: async () => {},
  openOutput: () => ({ write: () => {}, close: async () => {} }),
  stat: async (p) => {
    const s = await stat(at(p));
    return { isDirectory: s.isDirectory(), isFile: s.isFile(), size: s.size };
  },
  readStdin: async () => new Uint8Array(),
  cwd: settings.cwd,
  env: {},
  isTTY: false,
  stderrIsTTY: false,
};
parentPort!.on("message", async (msg: { id: number; path: string }) => {
  const report = await analysePath(msg.path, io, pack, settings);
  parentPort!.postMessage({ id: msg.id, report });
});
