import { isAbsolute, relative, resolve, sep } from "node:path";

/** A document path as CI tools want it: relative to the working directory, forward slashes. */
export function relativePath(path: string, cwd: string | undefined): string {
  if (path === "-" || !cwd) return path.split(sep).join("/");
  const abs = isAbsolute(path) ? path : resolve(cwd, path);
  return (relative(cwd, abs) || path).split(sep).join("/");
}
