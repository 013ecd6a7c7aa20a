import { sql } from "drizzle-orm";
import { afterAll, expect, test } from "vitest";
import { createPool, drizzleOverPool, migratePostgres } from "../../src/db/postgres";
import { rows } from "../../src/db/sql";
import { openSqlite } from "../../src/db/sqlite";
import { newPostgresDatabase, postgresUrl, scratchFolder, TEST_DIALECT } from "./test-database";
import { join } from "node:path";

/*
 * The two migration folders are generated from one schema; this proves the databases they make
 * agree: the same tables, columns, nullability, keys and indexes. It builds one database of
 * each kind itself, so it runs once, in the PostgreSQL project (whose set-up makes the template).
 */

type Shape = Record<string, { columns: string[]; primaryKey: string[]; unique: string[]; indexes: string[] }>;

const pools: { end(): Promise<void> }[] = [];
afterAll(async () => {
  await Promise.all(pools.map((p) => p.end()));
});

async function sqliteShape(): Promise<Shape> {
  const db = openSqlite(join(scratchFolder(), `parity-${Date.now()}.db`));
  await db.migrate();
  const shape: Shape = {};
  const tables = await rows<{ name: string }>(
    db.read,
    sql`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%' order by name`,
  );
  for (const { name } of tables) {
    const columns = await rows<{ name: string; notnull: number; pk: number }>(db.read, sql`select name, "notnull", pk from pragma_table_info(${name})`);
    const indexList = await rows<{ name: string; unique: number; origin: string; partial: number }>(
      db.read,
      sql`select name, "unique", origin, partial from pragma_index_list(${name})`,
    );
    const indexColumns = async (index: string) =>
      (await rows<{ name: string }>(db.read, sql`select name from pragma_index_info(${index}) order by seqno`)).map((c) => c.name).join(",");
    const unique: string[] = [];
    const indexes: string[] = [];
    for (const ix of indexList) {
      if (ix.origin === "pk") continue;
      const cols = await indexColumns(ix.name);
      if (ix.origin === "u" || (ix.unique && !ix.partial && ix.name.endsWith("_unique"))) unique.push(cols);
      else indexes.push(`${ix.name}(${cols})${ix.unique ? " unique" : ""}${ix.partial ? " partial" : ""}`);
    }
    shape[name] = {
      columns: columns.map((c) => `${c.name}${c.notnull || c.pk ? " not null" : ""}`).sort(),
      primaryKey: columns
        .filter((c) => c.pk > 0)
        .sort((a, b) => a.pk - b.pk)
        .map((c) => c.name),
      unique: unique.sort(),
      indexes: indexes.sort(),
    };
  }
  await db.close();
  return shape;
}

async function postgresShape(): Promise<Shape> {
  const pool = createPool(postgresUrl(await newPostgresDatabase()), { max: 1 });
  pools.push(pool);
  await migratePostgres(pool);
  const db = drizzleOverPool(pool);
  const shape: Shape = {};
  const tables = await rows<{ name: string }>(
    db,
    sql`select table_name as "name" from information_schema.tables where table_schema = 'public' and table_name not like '__drizzle%' order by 1`,
  );
  for (const { name } of tables) {
    const columns = await rows<{ name: string; nullable: string }>(
      db,
      sql`select column_name as "name", is_nullable as "nullable" from information_schema.columns where table_schema = 'public' and table_name = ${name}`,
    );
    const indexes = await rows<{ name: string; unique: boolean; primary: boolean; partial: boolean; constraint: boolean; cols: string }>(
      db,
      sql`select i.relname as "name", x.indisunique as "unique", x.indisprimary as "primary", x.indpred is not null as "partial",
            exists (select 1 from pg_constraint c where c.conindid = x.indexrelid) as "constraint",
            (select string_agg(a.attname, ',' order by k.n) from unnest(x.indkey) with ordinality as k(attnum, n)
               join pg_attribute a on a.attrelid = x.indrelid and a.attnum = k.attnum) as "cols"
          from pg_index x join pg_class i on i.oid = x.indexrelid join pg_class t on t.oid = x.indrelid
          where t.relname = ${name} and t.relnamespace = 'public'::regnamespace`,
    );
    const primary = indexes.find((i) => i.primary);
    shape[name] = {
      columns: columns.map((c) => `${c.name}${c.nullable === "NO" ? " not null" : ""}`).sort(),
      primaryKey: primary ? primary.cols.split(",") : [],
      unique: indexes
        .filter((i) => !i.primary && i.constraint)
        .map((i) => i.cols)
        .sort(),
      indexes: indexes
        .filter((i) => !i.primary && !i.constraint)
        .map((i) => `${i.name}(${i.cols})${i.unique ? " unique" : ""}${i.partial ? " partial" : ""}`)
        .sort(),
    };
  }
  return shape;
}

test.runIf(TEST_DIALECT === "postgres")("the SQLite and PostgreSQL migrations make the same tables, columns, nullability, keys and indexes", async () => {
  const [lite, pg] = [await sqliteShape(), await postgresShape()];
  expect(Object.keys(lite).length).toBeGreaterThan(20);
  expect(lite.responses!.indexes.length).toBe(5);
  expect(Object.keys(pg).sort()).toEqual(Object.keys(lite).sort());
  for (const table of Object.keys(lite)) expect({ table, ...pg[table] }).toEqual({ table, ...lite[table] });
});
