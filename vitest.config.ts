import { configDefaults, defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts", "test/**/*.test.tsx"],
    // The durability tests kill and restart real servers for minutes: `npm run test:soak`.
    exclude: [...configDefaults.exclude, "test/soak/**"],
    testTimeout: 20_000,
    hookTimeout: 60_000,
    // Two cores on CI: browser and SMTP tests share the machine with the rest.
    pool: "forks",
  },
});
