import { defineConfig } from "drizzle-kit";

/** migrations/postgres, from the tables src/db/schema-postgres.ts derives from schema.ts. */
export default defineConfig({
  dialect: "postgresql",
  schema: "./src/db/schema-postgres-tables.ts",
  out: "./migrations/postgres",
});
