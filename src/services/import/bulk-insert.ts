import { sql } from "drizzle-orm";
import type { SQLiteColumn, SQLiteTable } from "drizzle-orm/sqlite-core";
import type { Db } from "../../db/client";
import { prepared } from "../../db/sql";

/*
 * Many rows into one table, for the import and the demo generator: multi-row INSERTs of a
 * fixed size, each prepared once with its placeholders, so that neither database parses a
 * statement per row and drizzle builds each statement only once per connection. Building an
 * insert of literal values for every chunk cost several times what SQLite spends storing it.
 */

/** Rows per statement: a few thousand bound parameters at most (both databases allow far more). */
const ROWS_PER_STATEMENT = 100;

type Statement = (db: Db, values: Record<string, unknown>) => Promise<unknown>;
type Preparable = { prepare(name?: string): { execute(values?: Record<string, unknown>): unknown } };

/**
 * Inserts rows given flat, `columns.length` values after another per row, inside the
 * caller's write. Returns the new ids in the rows' order when the inserter was made with an
 * id column, else an empty array.
 */
export type BulkInsert = (tx: Db, values: readonly unknown[]) => Promise<number[]>;

/**
 * An inserter for `columns` (schema property names) of `table`; `id` asks for the new ids
 * back. `name` names its prepared statements (one per chunk size seen).
 */
export function bulkInsert(name: string, table: SQLiteTable, columns: readonly string[], id?: SQLiteColumn): BulkInsert {
  const width = columns.length;
  const statements = new Map<number, Statement>();
  const statementFor = (rows: number): Statement => {
    let statement = statements.get(rows);
    if (!statement) {
      // Placeholders are named by their position in the flat values: the values array itself
      // then serves as the placeholders' record (its indexes are the names).
      const values = Array.from({ length: rows }, (_, r) => Object.fromEntries(columns.map((c, i) => [c, sql.placeholder(String(r * width + i))])));
      statement = prepared(`${name}_${rows}`, (db) => {
        const insert = db.insert(table).values(values as never);
        return (id ? insert.returning({ id }) : insert) as unknown as Preparable;
      }) as Statement;
      statements.set(rows, statement);
    }
    return statement;
  };
  return async (tx, values) => {
    if (values.length % width !== 0) throw new RangeError(`${name}: ${values.length} values do not make rows of ${width}`);
    const ids: number[] = [];
    const perStatement = ROWS_PER_STATEMENT * width;
    for (let start = 0; start < values.length; start += perStatement) {
      const chunk = values.slice(start, start + perStatement);
      const inserted = await statementFor(chunk.length / width)(tx, chunk as unknown as Record<string, unknown>);
      if (!id) continue;
      // Both databases hand out ids in increasing order as a statement's rows are inserted
      // (SQLite's rowid, PostgreSQL's identity sequence), whatever order RETURNING lists them in.
      const chunkIds = (inserted as { id: number }[]).map((r) => r.id).sort((a, b) => a - b);
      for (const n of chunkIds) ids.push(n);
    }
    return ids;
  };
}
