import { expect, test } from "vitest";
import { openMemoryDatabase } from "../src/db/client";
import { commitSoon } from "../src/db/group-commit";
import { addToCounters, writeTransaction } from "../src/db/prepared";

test("concurrent writes share one transaction; a failing one rolls back alone", async () => {
  const db = openMemoryDatabase();
  db.$client.exec("create table t (v integer not null unique)");
  const insert = (v: number) => () => db.$client.prepare("insert into t (v) values (?)").run(v).changes;
  const results = await Promise.allSettled([commitSoon(db, insert(1)), commitSoon(db, insert(2)), commitSoon(db, insert(1)), commitSoon(db, insert(3))]);
  expect(results.map((r) => r.status)).toEqual(["fulfilled", "fulfilled", "rejected", "fulfilled"]);
  expect((results[2] as PromiseRejectedResult).reason).toMatchObject({ code: "SQLITE_CONSTRAINT_UNIQUE" });
  expect(db.$client.prepare("select v from t order by v").pluck().all()).toEqual([1, 2, 3]);
  expect(db.$client.inTransaction).toBe(false);
});

test("a write is answered only after it is committed", async () => {
  const db = openMemoryDatabase();
  db.$client.exec("create table t (v integer)");
  const value = await commitSoon(db, () => db.$client.prepare("insert into t values (7)").run().changes);
  expect(value).toBe(1);
  expect(db.$client.inTransaction).toBe(false);
  expect(db.$client.prepare("select count(*) from t").pluck().get()).toBe(1);
});

test("counter additions inside a group are summed and written once, and leave with a write that rolls back", async () => {
  const db = openMemoryDatabase();
  const sqlite = db.$client;
  sqlite.exec("create table c (k text primary key, n integer not null, m integer not null)");
  const upsert = "insert into c (k, n, m) values (?, ?, ?) on conflict (k) do update set n = n + excluded.n, m = m + excluded.m";
  // Every row written, by insert or by update, leaves a line here.
  sqlite.exec(`create table writes (k text);
    create trigger c_insert after insert on c begin insert into writes values (new.k); end;
    create trigger c_update after update on c begin insert into writes values (new.k); end;`);
  const add = (k: string, n: number) => addToCounters(sqlite, upsert, [k, n, 1], 1);
  const results = await Promise.allSettled([
    commitSoon(db, () => add("a", 1)),
    commitSoon(db, () => add("a", 2)),
    // A write that fails after adding: its additions go with its savepoint.
    commitSoon(db, () => {
      add("a", 100);
      throw new Error("refused");
    }),
    // A nested write that rolls back while its caller goes on: only the nested part goes.
    commitSoon(db, () => {
      add("b", 5);
      try {
        writeTransaction(sqlite, () => {
          add("b", 1000);
          throw new Error("inner");
        });
      } catch {
        // the caller carries on
      }
      add("a", 4);
    }),
  ]);
  expect(results.map((r) => r.status)).toEqual(["fulfilled", "fulfilled", "rejected", "fulfilled"]);
  expect(sqlite.prepare("select k, n, m from c order by k").all()).toEqual([
    { k: "a", n: 7, m: 3 },
    { k: "b", n: 5, m: 1 },
  ]);
  // One write per row for the whole group, not one per addition.
  expect(sqlite.prepare("select k from writes order by k").pluck().all()).toEqual(["a", "b"]);
  // Outside a group commit the addition is written at once.
  writeTransaction(sqlite, () => add("a", 1));
  expect(sqlite.prepare("select n from c where k = 'a'").pluck().get()).toBe(8);
});
