import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Every temporary folder a test makes goes under one per-run folder, removed when the run ends.
    globalSetup: ["tests/setup/temp-root.ts"],
    // Tests assert behaviour, not speed (speed is npm run bench's job): the first test of a file loads and compiles
    // the whole rule pack, which takes more than vitest's default 5 s on a loaded two-core machine.
    testTimeout: 30_000,
    // The CLI starts node with this flag (bin/trustlint.js); the tests run the library the same way. Without it V8
    // runs the rule pack's joined regexes in its bytecode interpreter and the suite takes about twice as long.
    execArgv: ["--no-regexp-tier-up"],
  },
});
