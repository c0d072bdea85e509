// The smoke tests run against one real control plane started by the global
// setup (src/global-setup.ts), shared by all files; each file works in its own
// namespace so files can run in parallel.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["./src/global-setup.ts"],
    // The environment is real: pods take seconds to schedule and become ready.
    testTimeout: 90_000,
    hookTimeout: 90_000,
    // Cold start of the control plane (not the build) must fit in here.
    teardownTimeout: 30_000,
  },
});
