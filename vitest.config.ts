import { configDefaults, defineConfig } from "vitest/config";

/*
 * One command runs the suite twice: on the embedded SQLite file and on PostgreSQL (a server at
 * TEST_POSTGRES_URL, by default postgres://postgres@127.0.0.1:5432/postgres; .ci/run starts one).
 * Each test opens a database of its own, so files run in parallel on both.
 */
export default defineConfig({
  test: {
    include: ["test/**/*.test.ts", "test/**/*.test.tsx"],
    // The durability tests kill and restart real servers: `npm run test:soak`.
    exclude: [...configDefaults.exclude, "test/soak/**"],
    testTimeout: 20_000,
    hookTimeout: 60_000,
    // Two cores on CI: browser and SMTP tests share the machine with the rest.
    pool: "forks",
    setupFiles: ["test/db/setup-file.ts"],
    projects: [
      { extends: true, test: { name: "sqlite", env: { TEST_DATABASE: "sqlite" } } },
      { extends: true, test: { name: "postgres", env: { TEST_DATABASE: "postgres" }, globalSetup: ["test/db/global-setup.ts"] } },
    ],
  },
});
