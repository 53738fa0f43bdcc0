import { readFile, stat } from "node:fs/promises";
import { resolve } from "node:path";
import { parentPort, workerData } from "node:worker_threads";
import { errorReport } from "../pipeline.js";
import type { Io } from "../io.js";
import { analysePath } from "./read.js";
import { buildPack, type AnalysisSettings } from "./settings.js";

/**
 * Worker-thread entry: builds the same pack as the main thread from the same settings, then analyses one path
 * per message. Reports are plain data and cross back by structured clone.
 */
const settings = workerData as AnalysisSettings;
const at = (p: string) => resolve(settings.cwd, p);
const io: Io = {
  stdout: () => {},
  stderr: () => {},
  readFile: async (p) => new Uint8Array(await readFile(at(p))),
  writeFile: async () => {},
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
const pack = buildPack(settings);

parentPort!.on("message", async (msg: { id: number; path: string }) => {
  const p = await pack;
  const report = p.ok
    ? await analysePath(msg.path, io, p.value, settings.analyse)
    : errorReport(msg.path, p.error[0] ?? null);
  parentPort!.postMessage({ id: msg.id, report });
});
