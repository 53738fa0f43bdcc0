import { readFileSync } from "node:fs";
import { join } from "node:path";
import { tuningGoldFiles } from "./tuning-gold.mjs";
import { execFileSync } from "node:child_process";
const corpus = process.argv[2];
const topics = new Set(["indemnity","liability-cap","consequential-damages-waiver","termination-for-convenience"]);
let n=0, nobody=0;
for (const file of tuningGoldFiles()) {
  let out;
  try { out = execFileSync("node", ["bin/trustlint.js","check",join(corpus,"txt",file),"--format","json"],{encoding:"utf8",maxBuffer:1<<26,stdio:["ignore","pipe","ignore"]}); } catch(e) { out=e.stdout; }
  const d = JSON.parse(out).documents[0];
  const parties = d.parties.map(p=>p.alias??p.name).join(" / ");
  for (const t of d.topics) if (topics.has(t.id)) { n++; if (t.mutual===null && !t.burdenedParty && !t.beneficiaryParty) { nobody++; console.log(`${file.slice(0,40)} | ${t.id} | ${t.location.line} | [${parties}] | ${t.excerpt.slice(0,260)}`);} }
}
console.error(n, nobody);
