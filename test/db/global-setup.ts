import pg from "pg";
import type { TestProject } from "vitest/node";
import { createPool, migratePostgres } from "../../src/db/postgres";
import { postgresUrl, TEST_POSTGRES_URL } from "./test-database";

declare module "vitest" {
  export interface ProvidedContext {
    /** This run's migrated PostgreSQL template and the prefix of the databases cloned from it. */
    postgresRun: string;
  }
}

/**
 * Once per run of the PostgreSQL project: a freshly migrated template database that every
 * test clones, and at the end every database of this run dropped. Names carry the run's id,
 * so two runs on one server (two developers, two agents) leave each other's databases alone.
 */
export default async function setup(project: TestProject) {
  const run = `ros_r${process.pid}_${Date.now() % 1_000_000}`;
  const template = `${run}_template`;
  const admin = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  await admin.connect();
  await admin.query(`create database ${template}`);
  const pool = createPool(postgresUrl(template), { max: 1 });
  await migratePostgres(pool);
  await pool.end();
  project.provide("postgresRun", run);
  return async () => {
    const { rows } = await admin.query<{ datname: string }>("select datname from pg_database where datname like $1", [`${run}\\_%`]);
    for (const { datname } of rows) await admin.query(`drop database if exists ${datname} with (force)`);
    await admin.end();
  };
}
