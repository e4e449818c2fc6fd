import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    environment: "node",
    globalSetup: ["tests/setup/global.ts"],
    testTimeout: 60_000,
    hookTimeout: 300_000,
    // Browser tests share one Chromium and one built site; files run one at a time on 2 cores.
    fileParallelism: false,
    reporters: ["default", "./tests/setup/summary-reporter.ts"]
  }
});
