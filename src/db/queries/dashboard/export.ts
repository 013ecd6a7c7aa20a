import { sql } from "drizzle-orm";
import type { Db } from "../../database";
import { bySqlDialect, rows } from "../../sql";
import { localDate, zonedMidnight } from "../../../domain/periods";
import { allOf } from "../group-where";
import type { ScopeFilter } from "./overview";
import { nextDay, scopeWhere } from "./where";

/**
 * Columns of the responses export. Deliberately no customer contact data (it lives in
 * customer_contacts, which this query never joins) and no external reference.
 */
export const EXPORT_COLUMNS = [
  "response_id",
  "date",
  "channel",
  "department",
  "team",
  "staff",
  "service",
  "csat",
  "ces",
  "csi",
  "fcr",
  "comment",
  "comment_sentiment",
  "themes",
  "language",
] as const;

type ExportRow = Record<(typeof EXPORT_COLUMNS)[number], string | number | null>;

export type ExportCursor = { occurredAt: number; id: number } | null;

/**
 * One batch of the filtered responses, oldest first, after the cursor. Batches rather than one
 * open cursor: on SQLite an open iterator keeps the connection busy, and on PostgreSQL a pooled
 * connection, for as long as a slow download takes.
 */
export async function exportBatch(db: Db, f: ScopeFilter, timeZone: string, after: ExportCursor, limit = 1000): Promise<{ rows: ExportRow[]; next: ExportCursor }> {
  const where = [sql`r.occurred_at >= ${zonedMidnight(f.from, timeZone)}`, sql`r.occurred_at < ${zonedMidnight(nextDay(f.to), timeZone)}`, ...scopeWhere(f)];
  if (after) where.push(sql`(r.occurred_at, r.id) > (${after.occurredAt}, ${after.id})`);
  // A response's theme codes in theme order, spelled as each database spells it.
  const themeCodes = bySqlDialect(db, {
    sqlite: sql`group_concat(th.code, ' ' order by x.theme_id)`,
    postgres: sql`string_agg(th.code, ' ' order by x.theme_id)`,
  });
  const found = await rows<Omit<ExportRow, "date"> & { occurred: number }>(
    db,
    sql`select r.id as "response_id", r.occurred_at as "occurred", r.channel as "channel", d.name as "department", t.name as "team",
         s.name as "staff", v.name as "service", r.csat as "csat", r.ces as "ces", r.csi as "csi", r.fcr as "fcr", r.comment as "comment",
         r.comment_sentiment as "comment_sentiment",
         (select ${themeCodes} from response_themes x join themes th on th.id = x.theme_id where x.response_id = r.id) as "themes",
         r.language as "language"
       from responses r join teams t on t.id = r.team_id join departments d on d.id = t.department_id
         left join staff s on s.id = r.staff_id left join services v on v.id = r.service_id
       where ${allOf(where)} order by r.occurred_at, r.id limit ${limit}`,
  );
  const last = found.at(-1);
  return {
    rows: found.map(({ occurred, ...rest }) => ({ ...rest, date: localDate(occurred, timeZone) })),
    next: found.length < limit || !last ? null : { occurredAt: last.occurred, id: Number(last.response_id) },
  };
}
