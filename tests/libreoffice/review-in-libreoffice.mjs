// Opens reviewed Word files in a real office suite (LibreOffice, headless) and checks what the unit tests
// cannot: the files load and convert to PDF without error, the PDF text holds the words each comment is
// anchored on, and LibreOffice reads every comment (a conversion to ODT has one annotation per comment).
// Inputs: a negotiated draft written here (someone's comment, tracked changes, a field, a footnote, a table),
// the same draft reviewed twice, and Common Paper / Bonterms Word files when ../shared/corpus is present.
// Run by .ci/stages/libreoffice.sh after `npm run build`. Exits non-zero when a check fails.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import JSZip from "jszip";
import { negotiatedDraft } from "../fixtures/negotiated-draft.mjs";

const ROOT = resolve(import.meta.dirname, "..", "..");
const CLI = join(ROOT, "bin", "trustlint.js");
const work = mkdtempSync(join(tmpdir(), "trustlint-libreoffice-"));
const reviewed = join(work, "reviewed");
mkdirSync(reviewed);
const env = { ...process.env, SOURCE_DATE_EPOCH: "1767225600" };

let failures = 0;
function check(ok, what) {
  console.log(`${ok ? "ok  " : "FAIL"} ${what}`);
  if (!ok) failures++;
}

// The first review goes through the CLI; the others through the library in this process (one Node start-up
// and one rule load instead of one per file keeps the stage short).
const { loadPack } = await import(pathToFileURL(join(ROOT, "dist", "core", "rule-files.js")).href);
const { toMeta } = await import(pathToFileURL(join(ROOT, "dist", "core", "meta.js")).href);
const { reviewBytes } = await import(pathToFileURL(join(ROOT, "dist", "review", "index.js")).href);
const pack = (await loadPack([], ROOT)).value;
const rules = new Map(pack.rules.map((r) => [r.id, toMeta(r)]));

async function review(input, output, viaCli = false) {
  if (viaCli) {
    execFileSync(process.execPath, [CLI, "review", input, "--no-config", "-q", "-o", output], {
      env,
      stdio: ["ignore", "inherit", "inherit"],
    });
    return output;
  }
  const result = await reviewBytes(input, new Uint8Array(readFileSync(input)), pack, {
    author: "trustlint",
    date: new Date(Number(env.SOURCE_DATE_EPOCH) * 1000),
    rules,
  });
  if (!result.ok) throw new Error(`${input}: ${result.error.code} ${result.error.message}`);
  writeFileSync(output, result.value.bytes);
  return output;
}

// 1. A negotiated draft written here.
const draftPath = join(work, "negotiated.docx");
writeFileSync(draftPath, await negotiatedDraft());
const outputs = [await review(draftPath, join(reviewed, "negotiated.docx"), true)];
outputs.push(await review(outputs[0], join(reviewed, "negotiated-twice.docx")));

// 2. Standard forms, when the corpus is beside the repository.
const standard = resolve(ROOT, "..", "shared", "corpus", "standard");
const picks = [
  "commonpaper-docx/common-paper-cloud-service-agreement/template.docx",
  "commonpaper-docx/common-paper-csa-with-ai/template.docx",
  "commonpaper-docx/common-paper-independent-contractor-agreement/template.docx",
];
if (existsSync(join(standard, "bonterms"))) {
  const dir = join(standard, "bonterms", "Professional-Services-Agreement");
  const file = existsSync(dir) ? readdirSync(dir).find((f) => f.endsWith(".docx") && f.startsWith("Example-Cover-Page")) : undefined;
  if (file) picks.push(`bonterms/Professional-Services-Agreement/${file}`);
}
for (const rel of picks) {
  const input = join(standard, rel);
  if (!existsSync(input)) continue;
  const name = rel.split("/").slice(-2).join("-").replace(/\s+/g, "-");
  outputs.push(await review(input, join(reviewed, name)));
}
if (!existsSync(standard)) console.log(`(no ${standard}: generated files only)`);

// 3. LibreOffice: every file to PDF and to ODT, in two runs (start-up is the slow part).
const profile = pathToFileURL(join(work, "profile")).href;
function soffice(format, outdir) {
  execFileSync(
    "timeout",
    [
      "150",
      "soffice",
      `-env:UserInstallation=${profile}`,
      "--headless",
      "--norestore",
      "--convert-to",
      format,
      "--outdir",
      outdir,
      ...outputs,
    ],
    { stdio: ["ignore", "ignore", "inherit"] },
  );
}
const t0 = Date.now();
soffice("pdf", join(work, "pdf"));
soffice("odt", join(work, "odt"));
console.log(`LibreOffice converted ${outputs.length} file(s) twice in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

// LibreOffice prints tracked deletions (struck through) and footnote marks, and may lay a tick box out apart
// from the words after it: an anchor counts as found when its words are there exactly, or ignoring digits
// and brackets, or (for a long one broken by a page header) when both of its ends are.
const flat = (text) =>
  text
    .normalize("NFKC")
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\s\u00ad]+/g, "");
const decode = (t) =>
  t
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");

for (const file of outputs) {
  const name = basename(file, ".docx");
  const zip = await JSZip.loadAsync(readFileSync(file));
  const documentXml = await zip.file("word/document.xml").async("string");
  const comments = (await zip.file("word/comments.xml").async("string")).match(/<w:comment\b/g)?.length ?? 0;
  const pdf = join(work, "pdf", `${name}.pdf`);
  check(existsSync(pdf) && readFileSync(pdf).length > 1000, `${name}: converted to PDF`);
  if (!existsSync(pdf)) continue;
  const text = flat(execFileSync("pdftotext", ["-enc", "UTF-8", pdf, "-"], { stdio: ["ignore", "pipe", "ignore"] }).toString("utf8"));
  const looseText = text.replace(/[\d[\]()]/g, "");
  let found = 0;
  let total = 0;
  for (const [, id] of documentXml.matchAll(/<w:commentRangeStart w:id="(\d+)"\/>/g)) {
    const range =
      new RegExp(`<w:commentRangeStart w:id="${id}"/>([\\s\\S]*?)<w:commentRangeEnd w:id="${id}"/>`).exec(documentXml)?.[1] ?? "";
    const words = flat(decode([...range.matchAll(/<w:(?:t|delText)(?:\s[^>]*)?>([^<]*)<\/w:(?:t|delText)>/g)].map((m) => m[1]).join("")));
    if (!words) continue;
    total++;
    const loose = (s) => s.replace(/[\d[\]()]/g, "");
    const w = loose(words);
    if (
      text.includes(words) ||
      looseText.includes(w) ||
      (w.length > 80 && looseText.includes(w.slice(0, 40)) && looseText.includes(w.slice(-40)))
    )
      found++;
    else console.log(`     not in the PDF text (comment ${id}): ${words.slice(0, 120)}`);
  }
  check(total > 0 && found === total, `${name}: ${found} of ${total} comment anchors in the PDF text`);
  const odt = join(work, "odt", `${name}.odt`);
  if (!existsSync(odt)) {
    check(false, `${name}: converted to ODT`);
    continue;
  }
  const content = await (await JSZip.loadAsync(readFileSync(odt))).file("content.xml").async("string");
  const annotations = content.match(/<office:annotation[\s>]/g)?.length ?? 0;
  check(annotations === comments, `${name}: LibreOffice read ${annotations} of ${comments} comments`);
}

console.log(failures ? `${failures} check(s) failed` : "all LibreOffice checks passed");
// The work folder (reviewed files, PDFs, ODTs, the LibreOffice profile) is kept only when asked for.
if (process.env.KEEP_LIBREOFFICE_WORK) console.log(`files in ${work}`);
else rmSync(work, { recursive: true, force: true });
process.exit(failures ? 1 : 0);
