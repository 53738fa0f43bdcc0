import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * Data flows one way: cli → core → ingest → reading → engine → score → report, all on model. This test reads every
 * import in src/ and tools/ and checks it against the allowed directions and the single door for each third-party
 * package.
 */
const ALLOWED: Record<string, string[]> = {
  // Commands and the batch runner, on top of the library core.
  cli: ["cli", "core", "ingest", "engine", "score", "report", "model", "shared", "compare", "review"],
  // The library core (load a pack, analyse bytes): never the CLI.
  core: ["core", "ingest", "engine", "score", "report", "model", "shared"],
  ingest: ["ingest", "model", "shared"],
  // Reading (operative text, who acts in a sentence) sits between ingest and topic detection, and knows no rule.
  reading: ["reading", "model", "shared"],
  engine: ["engine", "reading", "model", "shared"],
  score: ["score", "model", "shared"],
  report: ["report", "model", "shared"],
  model: ["model", "shared"],
  shared: ["shared"],
  compare: ["compare", "model", "shared"],
  review: ["review", "ingest", "engine", "score", "report", "model", "shared"],
  // The library entry point (package.json "exports"): re-exports of the core, not the dev tools.
  "index.ts": ["core", "ingest", "engine", "score", "report", "model", "shared"],
};

/** Third-party package → the only folders (or files) allowed to import it. */
const DOORS: Record<string, string[]> = {
  commander: ["cli/"],
  chalk: ["report/terminal.ts"],
  yaml: ["shared/yaml-source.ts"],
  "pdf-parse": ["ingest/pdf.ts"],
  mammoth: ["ingest/docx.ts"],
  jszip: ["shared/zip.ts"],
  htmlparser2: ["ingest/markup.ts"],
};

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : p.endsWith(".ts") ? [p] : [];
  });
}

const SRC = join(process.cwd(), "src");
const sources = files(SRC).map((p) => ({ rel: relative(SRC, p).replace(/\\/g, "/"), text: readFileSync(p, "utf8") }));
const TOOLS = join(process.cwd(), "tools");
const tools = files(TOOLS).map((p) => ({ rel: relative(process.cwd(), p).replace(/\\/g, "/"), text: readFileSync(p, "utf8") }));
const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;

/** Every module specifier a file imports or re-exports from. */
function specifiers(text: string): string[] {
  return [...text.matchAll(IMPORT)].map((m) => m[1] ?? m[2]!);
}

describe("architecture", () => {
  it("imports only in the allowed direction", () => {
    const violations: string[] = [];
    for (const { rel, text } of sources) {
      const layer = rel.split("/")[0]!;
      for (const spec of specifiers(text)) {
        if (!spec.startsWith(".")) continue;
        const target = join(rel, "..", spec).replace(/\\/g, "/").split("/")[0]!;
        if (!(ALLOWED[layer] ?? []).includes(target)) violations.push(`${rel} imports ${spec}`);
      }
    }
    expect(violations).toEqual([]);
  });

  it("keeps commands from importing each other (shared helpers live in cli/options.ts or core/)", () => {
    const violations: string[] = [];
    for (const { rel, text } of sources.filter((s) => s.rel.startsWith("cli/commands/"))) {
      for (const spec of specifiers(text)) {
        if (spec.startsWith(".") && join(rel, "..", spec).replace(/\\/g, "/").startsWith("cli/commands/"))
          violations.push(`${rel} imports ${spec}`);
      }
    }
    expect(violations).toEqual([]);
  });

  it("keeps the developer tools outside src: tools import the build of src (dist/), src never imports tools", () => {
    const violations: string[] = [];
    for (const { rel, text } of sources) {
      for (const spec of specifiers(text)) {
        if (spec.startsWith(".") && /^(tools|build|dist)\//.test(join("src", rel, "..", spec).replace(/\\/g, "/")))
          violations.push(`src/${rel} imports ${spec}`);
      }
    }
    for (const { rel, text } of tools) {
      for (const spec of specifiers(text)) {
        if (!spec.startsWith(".")) continue;
        const target = join(rel, "..", spec).replace(/\\/g, "/").split("/")[0]!;
        if (!["tools", "dist"].includes(target)) violations.push(`${rel} imports ${spec}`);
      }
    }
    expect(tools.length).toBeGreaterThan(5);
    expect(violations).toEqual([]);
  });

  it("keeps each third-party package behind one door", () => {
    const violations: string[] = [];
    for (const { rel, text } of sources) {
      for (const spec of specifiers(text)) {
        const pkg = Object.keys(DOORS).find((d) => spec === d || spec.startsWith(`${d}/`));
        if (pkg && !DOORS[pkg]!.some((door) => rel === door || (door.endsWith("/") && rel.startsWith(door))))
          violations.push(`${rel} imports ${spec}`);
      }
    }
    expect(violations).toEqual([]);
  });

  it("keeps the library entry point to re-exports", () => {
    const entry = sources.find((s) => s.rel === "index.ts")!.text;
    const code = entry.replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "");
    const statements = code
      .split(";")
      .map((s) => s.trim())
      .filter(Boolean);
    expect(statements.filter((s) => !/^export (?:type )?\{[^}]*\} from "[^"]+"$/.test(s))).toEqual([]);
  });

  it("touches process only in the CLI", () => {
    const offenders = sources
      .filter(({ rel, text }) => !rel.startsWith("cli/") && /\bprocess\.(?:exit|argv|stdout|stderr|env|cwd|on)\b/.test(text))
      .map((s) => s.rel);
    expect(offenders).toEqual([]);
  });
});
