import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node } from "yaml";
import { appError, type AppError, type ErrorCode } from "./errors.js";
import { err, ok, type Result } from "./result.js";

/**
 * The one place that parses user YAML (deal summaries, rule files, config). It refuses alias bombs and deep
 * nesting, and keeps a map from each node's path to its line and column so schema errors can point at
 * `file:line:col`.
 */
export interface ParsedYaml {
  value: unknown;
  positions: Map<string, { line: number; column: number }>;
}

const MAX_DEPTH = 64;
/** A deal summary or rule file is a few KB; anything past this is refused before the parser sees it. */
const MAX_YAML_CHARS = 2_000_000;
/** Aliases expanded in one document: enough for real reuse, far too few for a "billion laughs" bomb. */
const MAX_ALIAS_COUNT = 100;

export function parseYamlSource(path: string, source: string, syntaxCode: ErrorCode): Result<ParsedYaml> {
  if (source.length > MAX_YAML_CHARS) {
    return err(appError("INPUT_TOO_LARGE", `YAML larger than ${MAX_YAML_CHARS / 1_000_000} million characters`, { path }));
  }
  const lineCounter = new LineCounter();
  let doc;
  try {
    doc = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true, strict: true });
  } catch (e) {
    const message = (e as Error).message;
    return err(
      appError(
        syntaxCode,
        /call stack/i.test(message) ? `YAML nested too deeply (more than ${MAX_DEPTH} levels)` : `YAML could not be parsed: ${message}`,
        { path },
      ),
    );
  }
  const first = doc.errors[0];
  if (first) {
    const pos = lineCounter.linePos(first.pos[0]);
    // The parser recurses per nesting level; a hostile document exhausts the stack before our depth check runs.
    const message = /call stack/i.test(first.message)
      ? `YAML nested too deeply (more than ${MAX_DEPTH} levels)`
      : first.message.split("\n")[0]!;
    return err(appError(syntaxCode, message, { path, line: pos.line, column: pos.col }));
  }
  const positions = new Map<string, { line: number; column: number }>();
  const depthError = walk(doc.contents as Node | null, "", 0, positions, lineCounter);
  if (depthError) {
    // A forbidden key is a schema error of the file's kind (the YAML itself is fine).
    const code = depthError.forbiddenKey ? (SCHEMA_CODE[syntaxCode] ?? syntaxCode) : syntaxCode;
    return err(appError(code, depthError.message, { path, line: depthError.line, column: depthError.column }));
  }
  let value: unknown;
  try {
    // maxAliasCount bounds the expansion of anchors, the classic "billion laughs" bomb.
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    const message = (e as Error).message;
    return err(
      appError(
        syntaxCode,
        /alias/i.test(message)
          ? `YAML refused: too many aliases (more than ${MAX_ALIAS_COUNT} expansions; an alias bomb?)`
          : `YAML refused: ${message}`,
        { path },
      ),
    );
  }
  return ok({ value, positions });
}

const SCHEMA_CODE: Partial<Record<ErrorCode, ErrorCode>> = {
  CONFIG_YAML_SYNTAX: "CONFIG_SCHEMA",
  DEAL_YAML_SYNTAX: "DEAL_SCHEMA",
  RULE_YAML_SYNTAX: "RULE_SCHEMA",
};

function walk(
  node: Node | null,
  path: string,
  depth: number,
  positions: Map<string, { line: number; column: number }>,
  lc: LineCounter,
): { message: string; line: number; column: number; forbiddenKey?: boolean } | null {
  if (!node) return null;
  const range = (node as { range?: [number, number, number] }).range;
  const pos = range ? lc.linePos(range[0]) : { line: 1, col: 1 };
  if (depth > MAX_DEPTH) return { message: `YAML nested deeper than ${MAX_DEPTH} levels`, line: pos.line, column: pos.col };
  if (!positions.has(path)) positions.set(path, { line: pos.line, column: pos.col });
  if (isMap(node)) {
    for (const item of node.items) {
      if (!isPair(item)) continue;
      const key = isScalar(item.key) ? String(item.key.value) : String(item.key);
      const childPath = path ? `${path}.${key}` : key;
      const keyRange = (item.key as { range?: [number, number, number] } | null)?.range;
      // `__proto__` would set an object's prototype instead of a key, and a schema's record type then sees
      // nothing: `rules: {__proto__: …}` was accepted silently. No user YAML needs these names.
      if (key === "__proto__" || key === "constructor" || key === "prototype") {
        const kp = keyRange ? lc.linePos(keyRange[0]) : pos;
        return { message: `the key '${key}' is not allowed`, line: kp.line, column: kp.col, forbiddenKey: true };
      }
      if (keyRange) {
        const kp = lc.linePos(keyRange[0]);
        positions.set(childPath, { line: kp.line, column: kp.col });
      }
      const e = walk(item.value as Node | null, childPath, depth + 1, positions, lc);
      if (e) return e;
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, i) => {
      const childPath = `${path}[${i}]`;
      const r = (item as { range?: [number, number, number] } | null)?.range;
      if (r) {
        const p = lc.linePos(r[0]);
        positions.set(childPath, { line: p.line, column: p.col });
      }
    });
    for (let i = 0; i < node.items.length; i++) {
      const e = walk(node.items[i] as Node | null, `${path}[${i}]`, depth + 1, positions, lc);
      if (e) return e;
    }
  }
  return null;
}

/** zod issue path ["risk", "indemnities", 0, "from"] → "risk.indemnities[0].from". */
export function issuePath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out;
}

/** Position of the deepest known ancestor of a path. */
export function positionOf(
  positions: Map<string, { line: number; column: number }>,
  path: string,
): { line: number; column: number } | undefined {
  let p = path;
  while (true) {
    const hit = positions.get(p);
    if (hit) return hit;
    if (!p) return undefined;
    const cut = Math.max(p.lastIndexOf("."), p.lastIndexOf("["));
    p = cut > 0 ? p.slice(0, cut) : "";
  }
}

export type { AppError };
