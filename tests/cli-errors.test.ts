import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../src/cli/main.js";
import { nodeIo } from "../src/cli/io.js";
import { ERROR_CODES, type ErrorCode } from "../src/shared/errors.js";
import { verdictKey } from "../src/core/regex-safety.js";
import { fileVerdictStore } from "../src/core/verdict-store.js";
import { fakeIo } from "./helpers.js";

/**
 * Every error code the CLI can print, each produced through `main()` the way a user would meet it: exit code as
 * documented in the README ("Errors and exit codes"), one line on stderr in the form `file[:line:col]: CODE
 * message`, no stack trace, and the other files of the run still reported.
 */
const CONTRACT = "1. Indemnity\n\nThe Supplier shall indemnify the Customer against all claims.\n";
const cache = { XDG_CACHE_HOME: await mkdtemp(join(tmpdir(), "trustlint-cache-")) };

async function dir(): Promise<string> {
  return mkdtemp(join(tmpdir(), "trustlint-err-"));
}
async function file(name: string, content: string | Uint8Array): Promise<string> {
  const p = join(await dir(), name);
  await writeFile(p, content);
  return p;
}
async function rulesDir(files: Record<string, string>): Promise<string> {
  const d = await dir();
  for (const [name, text] of Object.entries(files)) {
    await mkdir(join(d, name, ".."), { recursive: true });
    await writeFile(join(d, name), text);
  }
  return d;
}

const TOPIC = (id: string, extra = "") => `id: ${id}
title: A topic
description: Written for the error tests.
trigger:
  - gain share
${extra}examples:
  match: [gain share]
  no-match: [nothing]
`;
const RULE = (id: string, topic: string) => `id: ${id}
title: A rule
principle: risk-allocation
kind: strength
severity: info
when:
  fact: {topic: ${topic}}
message: Gain share present.
rationale: Written for the error tests, long enough to pass the schema.
suggestion: Written for the error tests, and long enough to pass too.
examples:
  trigger: [gain share]
  no-trigger: [nothing]
`;

// A page with no text layer (what a scanned PDF looks like to a text extractor).
const NO_TEXT_PDF = `%PDF-1.4
1 0 obj <</Type/Catalog/Pages 2 0 R>> endobj
2 0 obj <</Type/Pages/Kids[3 0 R]/Count 1>> endobj
3 0 obj <</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>> endobj
trailer <</Root 1 0 R>>
%%EOF
`;

/** Bytes whose every read throws (but can be awaited): a stand-in for a bug deep in one document's analysis. */
function poison(): Uint8Array {
  return new Proxy(new Uint8Array(4), {
    get: (_t, key) => {
      if (key === "then") return undefined;
      throw new Error("boom");
    },
  });
}

interface Case {
  code: ErrorCode;
  exit: number;
  run: () => Promise<{ argv: string[]; io?: Parameters<typeof fakeIo>[0] }>;
}

const CASES: Case[] = [
  { code: "INPUT_NOT_FOUND", exit: 2, run: async () => ({ argv: [join(await dir(), "missing.txt")] }) },
  {
    code: "INPUT_UNREADABLE",
    exit: 2,
    run: async () => {
      const p = await file("locked.txt", CONTRACT);
      const denied = Object.assign(new Error("EACCES: permission denied"), { code: "EACCES" });
      return { argv: [p], io: { readFile: async () => Promise.reject(denied) } };
    },
  },
  {
    // A folder argument is walked; a path that turns into a folder between listing and reading is this error.
    code: "INPUT_IS_DIRECTORY",
    exit: 2,
    run: async () => ({
      argv: [await file("became-a-folder.txt", CONTRACT)],
      io: { stat: async () => ({ isDirectory: true, isFile: false, size: 0 }) },
    }),
  },
  {
    code: "INPUT_TOO_LARGE",
    exit: 2,
    run: async () => ({
      argv: [await file("huge.txt", CONTRACT)],
      io: { stat: async () => ({ isDirectory: false, isFile: true, size: 10 * 1024 ** 3 }) },
    }),
  },
  { code: "INPUT_UNSUPPORTED_FORMAT", exit: 2, run: async () => ({ argv: [await file("sheet.xlsx", "a,b,c\n")] }) },
  { code: "INPUT_EMPTY", exit: 2, run: async () => ({ argv: [await file("empty.txt", "")] }) },
  { code: "PDF_NO_TEXT", exit: 2, run: async () => ({ argv: [await file("scan.pdf", NO_TEXT_PDF)] }) },
  { code: "PDF_CORRUPT", exit: 2, run: async () => ({ argv: [await file("broken.pdf", "%PDF-1.7\n%%EOF\n")] }) },
  {
    code: "DOCX_CORRUPT",
    exit: 2,
    run: async () => ({ argv: [await file("broken.docx", new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6]))] }),
  },
  { code: "DEAL_YAML_SYNTAX", exit: 2, run: async () => ({ argv: [await file("deal.yaml", "deal:\n  name: [unclosed\n")] }) },
  { code: "DEAL_SCHEMA", exit: 2, run: async () => ({ argv: [await file("deal.yaml", "deal:\n  nmae: typo\n")] }) },
  {
    code: "RULE_YAML_SYNTAX",
    exit: 2,
    run: async () => ({ argv: [await file("c.txt", CONTRACT), "--rules", await rulesDir({ "topics/x.yaml": "id: [x\n" })] }),
  },
  {
    code: "RULE_SCHEMA",
    exit: 2,
    run: async () => ({
      argv: [await file("c.txt", CONTRACT), "--rules", await rulesDir({ "topics/x-topic.yaml": TOPIC("x-topic", "colour: blue\n") })],
    }),
  },
  {
    code: "RULE_DUPLICATE_ID",
    exit: 2,
    run: async () => ({
      argv: [
        await file("c.txt", CONTRACT),
        "--rules",
        await rulesDir({ "a/x-topic.yaml": TOPIC("x-topic"), "b/x-topic.yaml": TOPIC("x-topic") }),
      ],
    }),
  },
  {
    code: "RULE_UNKNOWN_TOPIC",
    exit: 2,
    run: async () => ({
      argv: [await file("c.txt", CONTRACT), "--rules", await rulesDir({ "principles/ra-x.yaml": RULE("ra-x", "no-such-topic") })],
    }),
  },
  {
    code: "RULE_REGEX",
    exit: 2,
    run: async () => ({
      argv: [
        await file("c.txt", CONTRACT),
        "--rules",
        await rulesDir({ "topics/x-topic.yaml": TOPIC("x-topic").replace("  - gain share", '  - {regex: "(unclosed"}') }),
      ],
    }),
  },
  {
    code: "RULE_UNSAFE_REGEX",
    exit: 2,
    run: async () => ({
      argv: [
        await file("c.txt", CONTRACT),
        "--rules",
        await rulesDir({ "topics/x-topic.yaml": TOPIC("x-topic").replace("  - gain share", '  - {regex: "(a+)+$"}') }),
      ],
    }),
  },
  {
    code: "ANALYSIS_TIMEOUT",
    exit: 2,
    run: async () => {
      let t = 0;
      return { argv: [await file("slow.txt", CONTRACT), "--timeout", "5"], io: { now: () => (t += 1000) } };
    },
  },
  {
    // A user pattern its author's verdict cache calls safe, on text that makes it backtrack: stopped per match.
    code: "REGEX_TIMEOUT",
    exit: 2,
    run: async () => {
      const env = { XDG_CACHE_HOME: await dir() };
      const store = fileVerdictStore(env);
      store.set(verdictKey("(a+)+$", "i"), { safe: true, final: true });
      store.save();
      const rules = await rulesDir({ "topics/x-topic.yaml": TOPIC("x-topic").replace("  - gain share", '  - {regex: "(a+)+$"}') });
      return { argv: [await file("slow.txt", `1. ${"a".repeat(40)}!\n`), "--rules", rules], io: { env } };
    },
  },
  {
    code: "INTERNAL",
    exit: 2,
    run: async () => {
      const poisoned = poison();
      return { argv: [await file("bug.txt", CONTRACT)], io: { readFile: async () => poisoned as Uint8Array } };
    },
  },
  {
    // The report file's folder does not exist: refused before any analysis, with the real file system's error.
    code: "OUTPUT_UNWRITABLE",
    exit: 2,
    run: async () => ({
      argv: [await file("c.txt", CONTRACT), "--output", join(await dir(), "missing", "report.json")],
      io: { openOutput: nodeIo().openOutput },
    }),
  },
  {
    // Nothing to check: a folder holding only files of unknown type.
    code: "USAGE",
    exit: 2,
    run: async () => {
      const d = await dir();
      await writeFile(join(d, "budget.xlsx"), "a,b\n");
      return { argv: [d], io: {} };
    },
  },
];

/** Codes declared for features that do not exist yet (no config file): documented as reserved in the README. */
const RESERVED: ErrorCode[] = ["CONFIG_YAML_SYNTAX", "CONFIG_SCHEMA", "PDF_ENCRYPTED"];

describe("errors and exit codes", () => {
  it("covers every error code (or lists it as reserved)", () => {
    const covered = new Set([...CASES.map((c) => c.code), ...RESERVED]);
    expect(ERROR_CODES.filter((c) => !covered.has(c))).toEqual([]);
  });

  for (const c of CASES) {
    it(`${c.code}: exit ${c.exit}, one line, no stack, other files still reported`, async () => {
      const { argv, io: overrides } = await c.run();
      const good = await file("good.txt", CONTRACT);
      const io = fakeIo({ env: cache, ...overrides });
      // Rule errors stop the run before any document; document errors leave the good file reported.
      const documentError = !c.code.startsWith("RULE_") && c.code !== "USAGE" && c.code !== "OUTPUT_UNWRITABLE";
      const args = documentError && !overrides ? [...argv, good] : argv;
      const code = await main(["check", "--format", "json", ...args], io);
      expect(code).toBe(c.exit);
      const lines = io.err.trim().split("\n");
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(new RegExp(`^trustlint: (?:\\S.*?: )?${c.code} \\S`));
      expect(io.err).not.toMatch(/\n\s+at /);
      if (documentError) {
        const report = JSON.parse(io.out) as { documents: { path: string; error: { code: string } | null; score: unknown }[] };
        expect(report.documents.some((d) => d.error?.code === c.code)).toBe(true);
        if (args.includes(good)) expect(report.documents.find((d) => d.path === good)).toMatchObject({ error: null });
      }
    }, 60_000);
  }

  it("prints the stack of an INTERNAL error only with --debug", async () => {
    const poisoned = poison();
    const p = await file("bug.txt", CONTRACT);
    const plain = fakeIo({ readFile: async () => poisoned as Uint8Array });
    await main(["check", p, "--format", "json"], plain);
    expect(plain.err).not.toMatch(/\n\s+at /);
    const debug = fakeIo({ readFile: async () => poisoned as Uint8Array });
    await main(["check", p, "--format", "json", "--debug"], debug);
    expect(debug.err).toMatch(/INTERNAL/);
    expect(debug.err).toMatch(/\n\s+at /);
  });

  it("compare refuses a JSON file that is not a trustlint report: exit 2, one line", async () => {
    const io = fakeIo();
    const bad = await file("old.json", '{"hello": "world"}');
    const good = await file("new.txt", CONTRACT);
    expect(await main(["compare", bad, good], io)).toBe(2);
    const lines = io.err.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/old\.json: INPUT_UNSUPPORTED_FORMAT /);
    expect(io.err).not.toMatch(/\n\s+at /);
  });

  it("exit 1 is a failed threshold, not an error", async () => {
    const io = fakeIo();
    expect(await main(["check", await file("c.txt", CONTRACT), "--min-score", "100"], io)).toBe(1);
    expect(io.err).toMatch(/below --min-score 100/);
  });

  it("an unknown option is a usage error: exit 2, one line", async () => {
    const io = fakeIo();
    expect(await main(["check", "x.txt", "--no-such-option"], io)).toBe(2);
    expect(io.err.trim().split("\n")[0]).toMatch(/unknown option/);
  });
});
