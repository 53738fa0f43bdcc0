// The contracts of the reading gold set's tuning part, by txt file name: the only ones a hand check or a
// robustness check may read (the sealed part stays unread).
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { partOf } from "../../build/eval/split.js";

export function tuningGoldFiles() {
  const goldDir = new URL("./reading/", import.meta.url).pathname;
  return readdirSync(goldDir)
    .filter((f) => f.endsWith(".yaml"))
    .map((f) => parse(readFileSync(join(goldDir, f), "utf8")).file)
    .filter((file) => partOf(file) === "tuning")
    .sort();
}
