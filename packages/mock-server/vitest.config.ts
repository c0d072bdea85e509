import { defineConfig } from "vitest/config";

// CI machines run at load 10-20: a test or hook that does real I/O gets
// 30 s before it counts as hung (vitest's default is 5 s). Tests still poll
// for their conditions; nothing waits out this timeout on success.
export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
