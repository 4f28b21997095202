import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["server/**/*.test.ts", "contracts/**/*.test.ts", "web/src/**/*.test.ts"],
    globalSetup: ["test/global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Each file owns a database (a PGlite instance or a cloned PostgreSQL database); two workers fit two cores.
    pool: "forks",
    maxWorkers: 2,
  },
});
