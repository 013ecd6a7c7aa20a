import type { Db } from "../../client";
import { prepared } from "../../prepared";
import { localDate, zonedMidnight } from "../../../domain/periods";
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
 * open iterator: better-sqlite3 keeps the connection busy while an iterator is open, and a
 * slow download would then block every other request.
 */
export function exportBatch(db: Db, f: ScopeFilter, timeZone: string, after: ExportCursor, limit = 1000): { rows: ExportRow[]; next: ExportCursor } {
  const scope = scopeWhere(f);
  const where = ["r.occurred_at >= ?", "r.occurred_at < ?"];
  const params: (string | number)[] = [zonedMidnight(f.from, timeZone), zonedMidnight(nextDay(f.to), timeZone)];
  if (scope.sql) (where.push(scope.sql), params.push(...scope.params));
  if (after) (where.push("(r.occurred_at, r.id) > (?, ?)"), params.push(after.occurredAt, after.id));
  // Cached per SQL text (a handful of filter shapes): a new statement per batch holds native
  // memory until the garbage collector gets to it.
  const rows = prepared(
      db.$client,
      `select r.id as response_id, r.occurred_at as occurred, r.channel, d.name as department, t.name as team,
         s.name as staff, v.name as service, r.csat, r.ces, r.csi, r.fcr, r.comment, r.comment_sentiment,
         (select group_concat(th.code, ' ') from response_themes x join themes th on th.id = x.theme_id where x.response_id = r.id) as themes,
         r.language
       from responses r join teams t on t.id = r.team_id join departments d on d.id = t.department_id
         left join staff s on s.id = r.staff_id left join services v on v.id = r.service_id
       where ${where.join(" and ")} order by r.occurred_at, r.id limit ?`,
    )
    .all(...params, limit) as (Omit<ExportRow, "date"> & { occurred: number })[];
  const last = rows.at(-1);
  return {
    rows: rows.map(({ occurred, ...rest }) => ({ ...rest, date: localDate(occurred, timeZone) })),
    next: rows.length < limit || !last ? null : { occurredAt: last.occurred, id: Number(last.response_id) },
  };
}
