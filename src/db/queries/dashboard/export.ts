import { sql } from "drizzle-orm";
import type { Db } from "../../database";
import { bySqlDialect, rows } from "../../sql";
import { csvLine } from "../../../domain/csv";
import { QUESTION_KEYS } from "../../../domain/measure-registry";
import { localDate, zonedMidnight } from "../../../domain/periods";
import { allOf } from "../group-where";
import type { ScopeFilter } from "./scope";
import { nextDay, scopeWhere } from "./where";

/**
 * Columns of the responses export. Deliberately no customer contact data (it lives in
 * customer_contacts, which this query never joins) and no external reference. The answers sit
 * together, one column per question in the registry's order, named as their responses column.
 */
export const EXPORT_COLUMNS = [
  "response_id",
  "date",
  "channel",
  "department",
  "team",
  "staff",
  "service",
  ...QUESTION_KEYS,
  "comment",
  "comment_sentiment",
  "themes",
  "language",
] as const;

/** The answers' columns, read as they are stored (a question's key is its column's name). */
const ANSWER_COLUMNS = sql.raw(QUESTION_KEYS.map((k) => `r.${k} as "${k}"`).join(", "));

type ExportRow = Record<(typeof EXPORT_COLUMNS)[number], string | number | null>;

export type ExportCursor = { occurredAt: number; id: number } | null;

/** Rows per batch: a few hundred kilobytes of CSV, so a download holds little memory at a time. */
export const EXPORT_BATCH_ROWS = 2000;

/**
 * The local date of each time, for times that mostly come in order: the time zone is consulted
 * once a day rather than once a row, which is most of the cost of a batch otherwise.
 */
function localDates(timeZone: string): (epochMs: number) => string {
  let start = Infinity;
  let end = -Infinity;
  let day = "";
  return (epochMs) => {
    if (epochMs < start || epochMs >= end) {
      day = localDate(epochMs, timeZone);
      start = zonedMidnight(day, timeZone);
      end = zonedMidnight(nextDay(day), timeZone);
    }
    return day;
  };
}

/**
 * One batch of the filtered responses, oldest first, after the cursor (keyset pagination).
 * Batches rather than one open cursor: on SQLite an open iterator keeps the reader busy, and on
 * PostgreSQL a pooled connection, for as long as a slow download takes. The page's ids are
 * chosen first from the index alone; names and theme codes are then looked up for that page
 * only, not for every response still to come.
 */
export async function exportBatch(
  db: Db,
  f: ScopeFilter,
  timeZone: string,
  after: ExportCursor,
  limit = EXPORT_BATCH_ROWS,
): Promise<{ rows: ExportRow[]; next: ExportCursor }> {
  const where = [sql`r.occurred_at >= ${zonedMidnight(f.from, timeZone)}`, sql`r.occurred_at < ${zonedMidnight(nextDay(f.to), timeZone)}`, ...scopeWhere(f)];
  // Spelled out rather than as a row value, so both databases start the index range at the cursor.
  if (after) where.push(sql`r.occurred_at >= ${after.occurredAt}`, sql`(r.occurred_at > ${after.occurredAt} or r.id > ${after.id})`);
  // A response's theme codes in theme order, spelled as each database spells it.
  const themeCodes = bySqlDialect(db, {
    sqlite: sql`group_concat(th.code, ' ' order by x.theme_id)`,
    postgres: sql`string_agg(th.code, ' ' order by x.theme_id)`,
  });
  const found = await rows<Omit<ExportRow, "date"> & { occurred: number }>(
    db,
    sql`with page as (
         select r.id as "id" from responses r join teams t on t.id = r.team_id
         where ${allOf(where)} order by r.occurred_at, r.id limit ${limit}
       )
       select r.id as "response_id", r.occurred_at as "occurred", r.channel as "channel", d.name as "department", t.name as "team",
         s.name as "staff", v.name as "service", ${ANSWER_COLUMNS}, r.comment as "comment",
         r.comment_sentiment as "comment_sentiment",
         (select ${themeCodes} from response_themes x join themes th on th.id = x.theme_id where x.response_id = r.id) as "themes",
         r.language as "language"
       from page p join responses r on r.id = p.id join teams t on t.id = r.team_id join departments d on d.id = t.department_id
         left join staff s on s.id = r.staff_id left join services v on v.id = r.service_id
       order by r.occurred_at, r.id`,
  );
  const last = found.at(-1);
  const dateOf = localDates(timeZone);
  return {
    rows: found.map(({ occurred, ...rest }) => ({ ...rest, date: dateOf(occurred) })),
    next: found.length < limit || !last ? null : { occurredAt: last.occurred, id: Number(last.response_id) },
  };
}

/**
 * A batch as CSV text (no header), made where the query ran: in the reader thread on SQLite,
 * one string crosses to the main thread instead of thousands of row objects, so the thread
 * answering surveys neither copies nor formats the rows.
 */
export async function exportCsvBatch(
  db: Db,
  f: ScopeFilter,
  timeZone: string,
  after: ExportCursor,
  limit = EXPORT_BATCH_ROWS,
): Promise<{ csv: string; rows: number; next: ExportCursor }> {
  const batch = await exportBatch(db, f, timeZone, after, limit);
  return { csv: batch.rows.map((r) => csvLine(EXPORT_COLUMNS.map((k) => r[k]))).join(""), rows: batch.rows.length, next: batch.next };
}
