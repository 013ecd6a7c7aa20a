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
export function groupWhere(f: GroupScope): { where: string[]; params: (string | number)[] } {
  const where: string[] = [];
  const params: (string | number)[] = [];
  if (f.departmentId !== undefined) (where.push("t.department_id = ?"), params.push(f.departmentId));
  if (f.teamId !== undefined) (where.push("r.team_id = ?"), params.push(f.teamId));
  if (f.staffId !== undefined) (where.push("r.staff_id = ?"), params.push(f.staffId));
  if (f.serviceId !== undefined) (where.push("r.service_id = ?"), params.push(f.serviceId));
  if (f.channel !== undefined) (where.push("r.channel = ?"), params.push(f.channel));
  if (f.teamIds) where.push(`r.team_id in (${f.teamIds.map(Number).join(",") || "null"})`);
  return { where, params };
}
