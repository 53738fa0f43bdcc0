import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * Tests make temporary folders with mkdtemp(tmpdir()). Pointing TMPDIR at one folder per run, before the test
 * processes start, lets the run clean up after itself instead of leaving hundreds of folders in /tmp.
 */
export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), "trustlint-tests-"));
  const previous = process.env.TMPDIR;
  process.env.TMPDIR = root;
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    rmSync(root, { recursive: true, force: true });
  };
}
