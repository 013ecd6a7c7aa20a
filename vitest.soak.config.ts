import { defineConfig } from "vitest/config";

/**
 * `npm run test:soak`: the durability tests that run the real server as a child process,
 * kill it under load and restart it (test/soak/README.md). Slow by design, so kept out of
 * `npm test`; one file at a time, since each already loads both cores.
 */
export default defineConfig({
  test: {
    include: ["test/soak/**/*.test.ts"],
    testTimeout: 150_000,
    hookTimeout: 60_000,
    pool: "forks",
    fileParallelism: false,
  },
});
