import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Every temporary folder a test makes goes under one per-run folder, removed when the run ends.
    globalSetup: ["tests/setup/temp-root.ts"],
  },
});
