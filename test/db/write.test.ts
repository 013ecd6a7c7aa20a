import { sql } from "drizzle-orm";
import { afterEach, expect, test } from "vitest";
import { addToCounters, type CounterTable } from "../../src/db/counters";
import type { Database } from "../../src/db/client";
import { exec, rows } from "../../src/db/sql";
import { openTestDatabase, TEST_DIALECT } from "./test-database";

/* Database.write on the suite's database: the group commit on both, with retried groups on PostgreSQL. */

const open: Database[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((d) => d.close()));
});

async function database(): Promise<Database> {
  const db = await openTestDatabase();
  open.push(db);
  await db.write((tx) => exec(tx, sql`create table t (v integer not null unique)`));
  await db.write((tx) => exec(tx, sql`create table c (k text primary key, n integer not null, m integer not null)`));
  await db.write((tx) => exec(tx, sql`create table writes (k text)`));
  return db;
}

const values = async (db: Database) => (await rows<{ v: number }>(db.read, sql`select v from t order by v`)).map((r) => r.v);

test("concurrent writes each commit or fail alone", async () => {
  const db = await database();
  const insert = (v: number) => db.write((tx) => exec(tx, sql`insert into t (v) values (${v})`).then(() => v));
  const results = await Promise.allSettled([insert(1), insert(2), insert(1), insert(3)]);
  expect(results.map((r) => r.status)).toEqual(["fulfilled", "fulfilled", "rejected", "fulfilled"]);
  expect(await values(db)).toEqual([1, 2, 3]);
});

test("a write is answered only after it is committed, and reads outside it never see it in progress", async () => {
  const db = await database();
  let seenMidWrite: number[] | undefined;
  const value = await db.write(async (tx) => {
    await exec(tx, sql`insert into t (v) values (7)`);
    seenMidWrite = await values(db);
    // Inside the write its own rows are visible through tx.
    return (await rows<{ n: number }>(tx, sql`select count(*) as "n" from t`))[0]!.n;
  });
  expect(value).toBe(1);
  expect(seenMidWrite).toEqual([]);
  expect(await values(db)).toEqual([7]);
});

test("a failing write leaves nothing behind, and the error reaches its caller", async () => {
  const db = await database();
  await expect(
    db.write(async (tx) => {
      await exec(tx, sql`insert into t (v) values (5)`);
      throw new Error("refused");
    }),
  ).rejects.toThrow("refused");
  expect(await values(db)).toEqual([]);
});

test("a write that fails after writing takes back only its own rows, whatever it was written with", async () => {
  const db = await database();
  // Started in one turn: on both databases these are written as one group.
  const results = await Promise.allSettled([
    db.write((tx) => exec(tx, sql`insert into t (v) values (1)`)),
    db.write(async (tx) => {
      await exec(tx, sql`insert into t (v) values (2)`);
      throw new Error("refused");
    }),
    db.write((tx) => exec(tx, sql`insert into t (v) values (3)`)),
  ]);
  expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
  expect((results[1] as PromiseRejectedResult).reason).toEqual(new Error("refused"));
  expect(await values(db)).toEqual([1, 3]);
});

const C: CounterTable = { table: "c", keyColumns: ["k"], amountColumns: ["n", "m"] };

test("counter additions are summed per row and leave with a write that fails", async () => {
  const db = await database();
  const add = (k: string, n: number) => (tx: Parameters<Parameters<Database["write"]>[0]>[0]) => addToCounters(tx, C, [k], [n, 1]);
  const results = await Promise.allSettled([
    db.write(async (tx) => add("a", 1)(tx)),
    db.write(async (tx) => {
      add("a", 2)(tx);
      add("b", 5)(tx);
      add("a", 4)(tx);
    }),
    // A write that fails after adding: its additions go with it.
    db.write(async (tx) => {
      add("a", 100)(tx);
      throw new Error("refused");
    }),
  ]);
  expect(results.map((r) => r.status)).toEqual(["fulfilled", "fulfilled", "rejected"]);
  expect(await rows(db.read, sql`select k, n, m from c order by k`)).toEqual([
    { k: "a", n: 7, m: 3 },
    { k: "b", n: 5, m: 1 },
  ]);
});

test("addToCounters outside a write is refused rather than lost", async () => {
  const db = await database();
  expect(() => addToCounters(db.read, C, ["a"], [1, 1])).toThrow(/inside Database.write/);
});

test("many concurrent writers adding to the same counters lose no addition", async () => {
  const db = await database();
  // On PostgreSQL these run on several pooled connections at once; rows are written in key
  // order, so transactions touching the same rows cannot deadlock.
  const keys = ["a", "b", "c", "d"];
  await Promise.all(
    Array.from({ length: 60 }, (_, i) =>
      db.write(async (tx) => {
        const order = i % 2 === 0 ? keys : [...keys].reverse();
        for (const k of order) addToCounters(tx, C, [k], [1, i]);
      }),
    ),
  );
  const total = (60 * 59) / 2;
  expect(await rows(db.read, sql`select k, n, m from c order by k`)).toEqual(keys.map((k) => ({ k, n: 60, m: total })));
});

test.runIf(TEST_DIALECT === "postgres")("a transaction that hits a serialization failure is run again", async () => {
  const db = await database();
  let attempts = 0;
  const value = await db.write(async (tx) => {
    attempts++;
    await exec(tx, sql`insert into t (v) values (${attempts})`);
    if (attempts < 3) throw Object.assign(new Error("could not serialize access"), { code: "40001" });
    return attempts;
  });
  expect(value).toBe(3);
  // The failed attempts rolled back: only the third one's row is there.
  expect(await values(db)).toEqual([3]);
});
