/**
 * Ignore patterns (`.trustlintignore`, `--ignore`, config `ignore:`), gitignore-flavoured: `#` comments, a
 * pattern without a slash matches at any depth, a trailing slash means "this folder and everything in it", a
 * leading slash anchors at the working directory. Matching is done here (not by globbing the disk) so the same
 * rules apply to files named explicitly on the command line, as in a pre-commit hook.
 */
export type IgnoreMatcher = (relativePath: string) => boolean;

export function parseIgnoreFile(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith("#"));
}

export function compileIgnore(patterns: readonly string[]): IgnoreMatcher {
  const regexes = patterns.map(patternToRegex);
  if (!regexes.length) return () => false;
  return (path) => {
    const p = path.replace(/\\/g, "/").replace(/^\.\//, "");
    return regexes.some((r) => r.test(p));
  };
}

function patternToRegex(pattern: string): RegExp {
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
        body += `[${p.slice(i + 1, close).replace(/^!/, "^").replace(/\\/g, "\\\\")}]`;
        i = close;
      } else body += "\\[";
    } else if (ch === "{") {
      const close = p.indexOf("}", i + 1);
      if (close > i) {
        body += `(?:${p.slice(i + 1, close).split(",").map(escape).join("|")})`;
        i = close;
      } else body += "\\{";
    } else body += escape(ch);
  }
  // A matched folder takes everything inside it with it.
  return new RegExp(`^${anchored ? "" : "(?:.*/)?"}${body}(?:/.*)?$`);
}

function escape(s: string): string {
  return s.replace(/[.+^$()|\\{}[\]]/g, "\\$&");
}
