import { is, SQL } from "drizzle-orm";
import {
  bigint,
  boolean,
  doublePrecision,
  index,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  type AnyPgColumn,
  type PgColumnBuilderBase,
  type PgTableWithColumns,
} from "drizzle-orm/pg-core";
import { getTableConfig, SQLiteTable, type AnySQLiteColumn } from "drizzle-orm/sqlite-core";
import * as sqliteSchema from "./schema";

/*
 * The PostgreSQL tables, derived from the one schema in schema.ts, for drizzle-kit to write
 * migrations/postgres from (drizzle.postgres.config.ts). The application itself queries the
 * schema.ts tables on both databases; this file exists so that the two migration folders come
 * from one definition and cannot drift. Types: every integer is a bigint (millisecond times
 * overflow int4), a boolean-mode integer a boolean, real a double, JSON text stays text (the
 * schema's mapper parses it). An integer primary key alone is an identity column, as SQLite's
 * integer primary key is an alias of its rowid.
 */

function pgColumn(column: AnySQLiteColumn, autoIncrement: boolean): PgColumnBuilderBase {
  let b;
  switch (column.columnType) {
    case "SQLiteInteger":
      b = bigint(column.name, { mode: "number" });
      if (autoIncrement) b = b.generatedByDefaultAsIdentity();
      break;
    case "SQLiteBoolean":
      b = boolean(column.name);
      break;
    case "SQLiteReal":
      b = doublePrecision(column.name);
      break;
    case "SQLiteText":
    case "SQLiteTextJson":
      b = text(column.name);
      break;
    default:
      throw new Error(`no PostgreSQL type for ${column.columnType} (${column.name})`);
  }
  if (column.notNull) b = b.notNull();
  if (column.primary) b = b.primaryKey();
  if (column.isUnique) b = b.unique(column.uniqueName);
  if (column.hasDefault && column.default !== undefined) b = b.default(is(column.default, SQL) ? column.default : (column.default as never));
  return b as PgColumnBuilderBase;
}

const byName = new Map<string, PgTableWithColumns<never>>();

function pgTableOf(table: SQLiteTable): PgTableWithColumns<never> {
  const config = getTableConfig(table);
  const existing = byName.get(config.name);
  if (existing) return existing;
  const referencing = new Set(config.foreignKeys.flatMap((fk) => fk.reference().columns.map((c) => c.name)));
  const columns: Record<string, PgColumnBuilderBase> = {};
  for (const column of config.columns) {
    const autoIncrement = column.primary && column.columnType === "SQLiteInteger" && !referencing.has(column.name);
    let builder = pgColumn(column, autoIncrement);
    const fk = config.foreignKeys.find((f) => f.reference().columns.length === 1 && f.reference().columns[0]!.name === column.name);
    if (fk) {
      const ref = fk.reference();
      const target = pgTableOf(ref.foreignTable as SQLiteTable);
      const targetColumn = ref.foreignColumns[0]!.name;
      builder = (builder as unknown as { references(f: () => AnyPgColumn, o: object): PgColumnBuilderBase }).references(
        () => (target as unknown as Record<string, AnyPgColumn>)[keyOf(ref.foreignTable as SQLiteTable, targetColumn)]!,
        { onDelete: fk.onDelete, onUpdate: fk.onUpdate },
      );
    }
    columns[keyOf(table, column.name)] = builder;
  }
  const pg = pgTable(config.name, columns, (t) => {
    const col = (c: { name: string }) => (t as unknown as Record<string, AnyPgColumn>)[keyOf(table, c.name)]!;
    return [
      ...config.indexes.map((ix) => {
        const cfg = ix.config;
        const cols = cfg.columns.map((c) => col(c as { name: string })) as [AnyPgColumn, ...AnyPgColumn[]];
        const built = (cfg.unique ? uniqueIndex(cfg.name) : index(cfg.name)).on(...cols);
        return cfg.where ? built.where(cfg.where) : built;
      }),
      ...config.primaryKeys.map((pk) => primaryKey({ name: pk.getName(), columns: pk.columns.map(col) as [AnyPgColumn, ...AnyPgColumn[]] })),
    ];
  }) as unknown as PgTableWithColumns<never>;
  byName.set(config.name, pg);
  return pg;
}

/** The property name schema.ts gives a column: the PostgreSQL table uses the same. */
function keyOf(table: SQLiteTable, columnName: string): string {
  const entry = Object.entries(table).find(([, c]) => (c as { name?: unknown })?.name === columnName && typeof c === "object");
  if (!entry) throw new Error(`no column ${columnName}`);
  return entry[0];
}

export const postgresTables = Object.fromEntries(
  Object.entries(sqliteSchema)
    .filter(([, table]) => table instanceof SQLiteTable)
    .map(([name, table]) => [name, pgTableOf(table as SQLiteTable)]),
);
