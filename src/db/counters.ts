import type BetterSqlite3 from "better-sqlite3";
import type { Db } from "./database";
import { dialectOf } from "./sql";

/**
 * A table of counters that writes only ever add to: `keyColumns` identify a row (its primary
 * key), `amountColumns` are added to on conflict.
 */
export type CounterTable = { table: string; keyColumns: readonly string[]; amountColumns: readonly string[] };

type Addition = { counters: CounterTable; key: readonly (string | number)[]; amounts: readonly number[] };

/** Additions made inside each open write, written just before its commit. */
const pendingOf = new WeakMap<Db, { additions: Addition[]; marks: number[] }>();

/**
 * Adds amounts to a row's counters, creating the row if need be. Inside a write the additions
 * are summed per row and written once at its end, in the same transaction: a group commit of
 * twenty answers to one team makes a handful of upserts rather than a hundred. Nothing may
 * read these counters inside the write that adds to them.
 */
export function addToCounters(tx: Db, counters: CounterTable, key: readonly (string | number)[], amounts: readonly number[]): void {
  const pending = pendingOf.get(tx);
  if (!pending) throw new Error("addToCounters runs inside Database.write");
  pending.additions.push({ counters, key, amounts });
}

/** Starts collecting additions for a write on `tx`. */
export function beginCounters(tx: Db): void {
  pendingOf.set(tx, { additions: [], marks: [] });
}

/** Remembers how far the additions go, so that a savepoint rolled back can drop its own. */
export function markCounters(tx: Db): void {
  const pending = pendingOf.get(tx)!;
  pending.marks.push(pending.additions.length);
}

export function releaseCounters(tx: Db, rolledBack: boolean): void {
  const pending = pendingOf.get(tx)!;
  const mark = pending.marks.pop()!;
  if (rolledBack) pending.additions.length = mark;
}

/** Forgets the additions of a write that failed. */
export function discardCounters(tx: Db): void {
  pendingOf.delete(tx);
}

/**
 * Writes the summed additions, each table's rows in key order: two PostgreSQL transactions
 * adding to the same rows then lock them in the same order and cannot deadlock, and SQLite
 * appends to the index instead of seeking all over it.
 */
export async function writeCounters(tx: Db): Promise<void> {
  const pending = pendingOf.get(tx);
  pendingOf.delete(tx);
  if (!pending) return;
  const tables = new Map<CounterTable, Map<string, (string | number)[]>>();
  for (const { counters, key, amounts } of pending.additions) {
    let rows = tables.get(counters);
    if (!rows) tables.set(counters, (rows = new Map()));
    // The same table always has the same key types at the same places: joining is unambiguous.
    let id = "";
    for (const part of key) id += `${part}\u0000`;
    const row = rows.get(id);
    if (!row) rows.set(id, [...key, ...amounts]);
    else for (let i = 0; i < amounts.length; i++) (row[key.length + i] as number) += amounts[i]!;
  }
  for (const [counters, rows] of tables) {
    const ordered = [...rows.values()].sort((a, b) => compareKeys(a, b, counters.keyColumns.length));
    await upsertCounterRows(tx, counters, ordered);
  }
}

function compareKeys(a: (string | number)[], b: (string | number)[], n: number): number {
  for (let i = 0; i < n; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x < y) return -1;
    if (x > y) return 1;
  }
  return 0;
}

/** Rows per upsert statement: one statement per row spent most of its time getting in and out of the database. */
const ROWS_PER_UPSERT = 32;

/** Adds rows of (key..., amounts...) to the counters, in the order given. */
export async function upsertCounterRows(tx: Db, counters: CounterTable, rows: readonly (readonly (string | number)[])[]): Promise<void> {
  if (rows.length === 0) return;
  if (dialectOf(tx) === "sqlite") return upsertSqlite((tx as unknown as { $client: BetterSqlite3.Database }).$client, counters, rows);
  const client = (tx as unknown as { session: { client: PgQueryable } }).session.client;
  for (let i = 0; i < rows.length; i += ROWS_PER_UPSERT) {
    const chunk = rows.slice(i, i + ROWS_PER_UPSERT);
    await client.query({ ...postgresUpsert(counters, chunk.length), values: chunk.flat() });
  }
}

type PgQueryable = { query(config: { name: string; text: string; values: unknown[] }): Promise<unknown> };

const postgresStatements = new Map<string, { name: string; text: string }>();

/**
 * The upsert of `rows` rows as a named statement: each pooled connection parses it once, where
 * one built and sent as text per transaction was parsed and planned every time.
 */
function postgresUpsert(c: CounterTable, rows: number): { name: string; text: string } {
  const name = `counters_${c.table}_${rows}`;
  let statement = postgresStatements.get(name);
  if (!statement) {
    const width = c.keyColumns.length + c.amountColumns.length;
    const values = Array.from({ length: rows }, (_, r) => `(${Array.from({ length: width }, (_, k) => `$${r * width + k + 1}`).join(", ")})`);
    postgresStatements.set(name, (statement = { name, text: `${head(c)} values ${values.join(", ")} ${onConflict(c, "postgres")}` }));
  }
  return statement;
}

function head(c: CounterTable): string {
  return `insert into ${c.table} (${[...c.keyColumns, ...c.amountColumns].join(", ")})`;
}

/** PostgreSQL refuses a bare column name here as ambiguous: it must name the table. */
function onConflict(c: CounterTable, dialect: "sqlite" | "postgres"): string {
  const self = dialect === "postgres" ? `${c.table}.` : "";
  return `on conflict (${c.keyColumns.join(", ")}) do update set ${c.amountColumns.map((a) => `${a} = ${self}${a} + excluded.${a}`).join(", ")}`;
}

const sqliteStatements = new WeakMap<BetterSqlite3.Database, Map<string, BetterSqlite3.Statement>>();

function sqliteUpsert(client: BetterSqlite3.Database, c: CounterTable, rows: number): BetterSqlite3.Statement {
  let statements = sqliteStatements.get(client);
  if (!statements) sqliteStatements.set(client, (statements = new Map()));
  const id = `${c.table}:${rows}`;
  let statement = statements.get(id);
  if (!statement) {
    const row = `(${Array.from({ length: c.keyColumns.length + c.amountColumns.length }, () => "?").join(", ")})`;
    const text = `${head(c)} values ${Array.from({ length: rows }, () => row).join(", ")} ${onConflict(c, "sqlite")}`;
    statements.set(id, (statement = client.prepare(text)));
  }
  return statement;
}

function upsertSqlite(client: BetterSqlite3.Database, c: CounterTable, rows: readonly (readonly (string | number)[])[]): void {
  const many = sqliteUpsert(client, c, ROWS_PER_UPSERT);
  const one = sqliteUpsert(client, c, 1);
  const width = c.keyColumns.length + c.amountColumns.length;
  // One array of parameters, filled in place for each statement: slicing and flattening per
  // statement showed in the import's profile.
  const values: (string | number)[] = new Array(width * ROWS_PER_UPSERT);
  const whole = rows.length - (rows.length % ROWS_PER_UPSERT);
  for (let i = 0; i < whole; i += ROWS_PER_UPSERT) {
    for (let r = 0; r < ROWS_PER_UPSERT; r++) {
      const row = rows[i + r]!;
      for (let k = 0; k < width; k++) values[r * width + k] = row[k]!;
    }
    many.run(values);
  }
  for (let i = whole; i < rows.length; i++) one.run(rows[i]);
}
