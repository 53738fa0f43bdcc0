import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";

/** The built CLI (`npm run build` makes dist/; .ci/run builds once before the tests), run the way a shell pipeline runs it. */
const BIN = "bin/trustlint.js";

describe("bin/trustlint.js in a pipeline", () => {
  it("stops quietly when the reader goes away (`trustlint check … | head`), with no EPIPE stack trace", async () => {
    expect(existsSync("dist/cli/main.js"), "run `npm run build` first").toBe(true);
    const child = spawn(process.execPath, [BIN, "check", "--format", "json", "fixtures/contracts", "fixtures/contracts"], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    // Like `head -c 100`: read the first chunk, then close our end of the pipe.
    child.stdout.once("data", () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect(stderr).not.toMatch(/EPIPE|Unhandled|at .*\.js:\d+/);
    expect(code).toBe(0);
  }, 60_000);
});
