import { sql, type SQL } from "drizzle-orm";

/** Who a figure is about: the filters shared by the rollup queries and the response queries. */
export type GroupScope = {
  departmentId?: number;
  teamId?: number;
  staffId?: number;
  serviceId?: number;
  channel?: string;
  /** Restricts to these teams (a manager sees only their own). */
  teamIds?: readonly number[];
};

/**
 * SQL conditions for a scope on a table aliased `r` that has team_id, staff_id, service_id and
 * channel (report_rollup and responses both do), joined to `teams t` when a department is named.
 */
export function groupWhere(f: GroupScope): SQL[] {
  const where: SQL[] = [];
  if (f.departmentId !== undefined) where.push(sql`t.department_id = ${f.departmentId}`);
  if (f.teamId !== undefined) where.push(sql`r.team_id = ${f.teamId}`);
  if (f.staffId !== undefined) where.push(sql`r.staff_id = ${f.staffId}`);
  if (f.serviceId !== undefined) where.push(sql`r.service_id = ${f.serviceId}`);
  if (f.channel !== undefined) where.push(sql`r.channel = ${f.channel}`);
  if (f.teamIds)
    where.push(
      f.teamIds.length === 0
        ? sql`1 = 0`
        : sql`r.team_id in (${sql.join(
            f.teamIds.map((id) => sql`${id}`),
            sql`, `,
          )})`,
    );
  return where;
}

/** Conditions joined with `and`; there is always at least one. */
export function allOf(conditions: readonly SQL[]): SQL {
  return sql.join([...conditions], sql` and `);
}
