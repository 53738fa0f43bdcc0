// The contracts of the reading gold set's tuning or sealed part, by txt file name. A hand check or a robustness
// check whose cases the rule writer reads uses the tuning part only; the sealed part is for counts alone.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { partOf } from "../../build/eval/split.js";

export function tuningGoldFiles() {
  return goldFiles("tuning");
}

export function goldFiles(part) {
  const goldDir = new URL("./reading/", import.meta.url).pathname;
  return readdirSync(goldDir)
    .filter((f) => f.endsWith(".yaml"))
    .map((f) => parse(readFileSync(join(goldDir, f), "utf8")).file)
    .filter((file) => partOf(file) === part)
    .sort();
}
