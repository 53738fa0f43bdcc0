import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileIgnore, ignoreErrors } from "../src/core/ignore.js";
import { run, scratch, HARBOUR, write } from "./batch/util.js";

// The regex translation the matcher replaced (a0cd33e): the reference for what a pattern means.
function oldRegex(pattern: string): RegExp {
  let p = pattern.replace(/\\/g, "/");
  const dirOnly = p.endsWith("/");
  if (dirOnly) p = p.slice(0, -1);
  const anchored = p.startsWith("/") || p.slice(0, -1).includes("/");
  p = p.replace(/^\.?\//, "");
  let body = "";
  for (let i = 0; i < p.length; i++) {
    const ch = p[i]!;
    if (ch === "*" && p[i + 1] === "*") {
      // `**/` spans zero or more folders; a trailing `**` everything below.
      if (p[i + 2] === "/") {
        body += "(?:.*/)?";
        i += 2;
      } else {
        body += ".*";
        i += 1;
      }
    } else if (ch === "*") body += "[^/]*";
    else if (ch === "?") body += "[^/]";
    else if (ch === "[") {
      const close = p.indexOf("]", i + 1);
      if (close > i) {
        body += `[${p
          .slice(i + 1, close)
          .replace(/^!/, "^")
          .replace(/\\/g, "\\\\")}]`;
        i = close;
      } else body += "\\[";
    } else if (ch === "{") {
      const close = p.indexOf("}", i + 1);
      if (close > i) {
        body += `(?:${p
          .slice(i + 1, close)
          .split(",")
          .map(escapeOld)
          .join("|")})`;
        i = close;
      } else body += "\\{";
    } else body += escapeOld(ch);
  }
  // A matched folder takes everything inside it with it.
  return new RegExp(`^${anchored ? "" : "(?:.*/)?"}${body}(?:/.*)?$`);
}

function escapeOld(s: string): string {
  return s.replace(/[.+^$()|\\{}[\]]/g, "\\$&");
}

describe("ignore globs without backtracking (issue item 9)", { timeout: 60_000 }, () => {
  it("means what the regex translation meant, on random patterns and paths", () => {
    const piece = fc.constantFrom("a", "b", "/", "*", "**/", "?", "[ab]", "[!a]", "{a,bb}", ".", "x");
    const pathPiece = fc.constantFrom("a", "b", "/", "bb", ".", "x", "ab/");
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 7 }), fc.array(pathPiece, { minLength: 1, maxLength: 8 }), (pp, path) => {
        const pattern = pp.join("");
        // Paths reach the matcher relative and normalised: no "." segment anywhere ("./aa" is "aa").
        const p =
          path
            .join("")
            .replace(/^\/+/, "")
            .replace(/\/+$/, "")
            .split("/")
            .filter((seg) => seg !== ".")
            .join("/") || "a";
        // One deliberate difference: a negated class never matches "/" (as in gitignore); the regex's [^a] did.
        const reference = new RegExp(oldRegex(pattern).source.replace(/\[\^/g, "[^/"));
        expect(compileIgnore([pattern])(p)).toBe(reference.test(p));
      }),
      { numRuns: 3000, seed: 20261202 },
    );
  });

  it("matches `*a*a*a*a*a*a*a*a*b` against a long name, and eight `**/` against a deep path, at once", () => {
    const started = performance.now();
    expect(compileIgnore(["*a*a*a*a*a*a*a*a*b"])("a".repeat(5_000))).toBe(false);
    expect(compileIgnore(["**/**/**/**/**/**/**/**/zzz"])(`${"d/".repeat(2_000)}y`)).toBe(false);
    expect(compileIgnore(["**/**/**/**/**/**/**/**/zzz"])(`${"d/".repeat(2_000)}zzz`)).toBe(true);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it("--ignore '[z-a]' is a USAGE error, not INTERNAL", async () => {
    expect(ignoreErrors(["[z-a]"])[0]).toMatchObject({ code: "USAGE" });
    const dir = await scratch();
    const { code, err } = await run(dir, ["check", HARBOUR, "--ignore", "[z-a]"]);
    expect(code).toBe(2);
    expect(err).toMatch(/USAGE bad ignore pattern '\[z-a\]': range z-a is out of order/);
    await write(dir, ".trustlintignore", "[z-a]\n");
    const fromFile = await run(dir, ["check", HARBOUR]);
    expect(fromFile.code).toBe(2);
    expect(fromFile.err).not.toMatch(/INTERNAL/);
  });
});
