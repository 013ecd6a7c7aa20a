import { expect, test } from "vitest";
import { openMemoryDatabase } from "../src/db/client";
import { commitSoon } from "../src/db/group-commit";

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
