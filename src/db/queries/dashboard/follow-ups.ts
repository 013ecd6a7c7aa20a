import type { Db } from "../../client";
import { zonedMidnight } from "../../../domain/periods";
import type { ScopeFilter } from "./overview";
import { nextDay, scopeWhere } from "./where";

export const FOLLOW_UP_STATUSES = ["open", "contacted", "resolved"] as const;
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];

/**
 * What counts as a low score: CSAT or CSI of 1 or 2 (dissatisfied, unhappy). Written exactly
 * as the partial index responses_low_scores is, so SQLite can use it.
 */
export const LOW_SCORE_SQL = "(r.csat <= 2 or r.csi <= 2)";

export const FOLLOW_UPS_PAGE_SIZE = 50;

// Always the low-score index (its WHERE is LOW_SCORE_SQL, always present): it also holds
// team_id, so a manager's list reads only their team's low scores from it. Left to itself,
// SQLite takes the team index for a team filter and reads every response of the team's year
// (82 ms instead of 2 ms for a 200,000-response team on the 1M bench database).
const FROM = "from responses r indexed by responses_low_scores cross join teams t on t.id = r.team_id left join follow_ups f on f.response_id = r.id";

export type FollowUpFilter = ScopeFilter & { status?: FollowUpStatus; page: number };

/**
 * Low scores to follow up, newest first, with their follow-up status (no row is "open") and
 * the interaction's external reference, which is how a manager finds the case in the CRM.
 * Customer contact details are not read: they live in another table and are deleted after use.
 */
export function followUpsQuery(db: Db, f: FollowUpFilter, timeZone: string) {
  const scope = scopeWhere(f);
  const where = [LOW_SCORE_SQL, "r.occurred_at >= ?", "r.occurred_at < ?"];
  const params: (string | number)[] = [zonedMidnight(f.from, timeZone), zonedMidnight(nextDay(f.to), timeZone)];
  if (scope.sql) (where.push(scope.sql), params.push(...scope.params));
  const filters = ` where ${where.join(" and ")}`;
  const counts = Object.fromEntries(FOLLOW_UP_STATUSES.map((s) => [s, 0])) as Record<FollowUpStatus, number>;
  const tally = db.$client
    .prepare(`select coalesce(f.status, 'open') as status, count(*) as n ${FROM}${filters} group by 1`)
    .all(...params) as { status: FollowUpStatus; n: number }[];
  for (const row of tally) counts[row.status] = row.n;
  const statusSql = f.status ? " and coalesce(f.status, 'open') = ?" : "";
  const rows = db.$client
    .prepare(
      `select r.id, r.occurred_at as occurredAt, r.channel, r.csat, r.ces, r.csi, r.fcr, r.comment, t.code as teamCode, t.name as team,
         s.name as staff, v.name as service, i.external_ref as externalRef,
         coalesce(f.status, 'open') as status, f.note, f.updated_at as updatedAt, u.email as updatedBy
       ${FROM} join interactions i on i.id = r.interaction_id left join staff s on s.id = r.staff_id
         left join services v on v.id = r.service_id left join users u on u.id = f.user_id
       ${filters}${statusSql}
       order by r.occurred_at desc, r.id desc limit ? offset ?`,
    )
    .all(...params, ...(f.status ? [f.status] : []), FOLLOW_UPS_PAGE_SIZE + 1, f.page * FOLLOW_UPS_PAGE_SIZE) as {
    id: number;
    occurredAt: number;
    channel: string;
    csat: number | null;
    ces: number | null;
    csi: number | null;
    fcr: string | null;
    comment: string | null;
    teamCode: string;
    team: string;
    staff: string | null;
    service: string | null;
    externalRef: string | null;
    status: FollowUpStatus;
    note: string | null;
    updatedAt: number | null;
    updatedBy: string | null;
  }[];
  return {
    counts,
    page: f.page,
    hasMore: rows.length > FOLLOW_UPS_PAGE_SIZE,
    items: rows.slice(0, FOLLOW_UPS_PAGE_SIZE).map((r) => ({
      ...r,
      occurredAt: new Date(r.occurredAt).toISOString(),
      updatedAt: r.updatedAt === null ? null : new Date(r.updatedAt).toISOString(),
    })),
  };
}
export type FollowUps = ReturnType<typeof followUpsQuery>;

/** Follow-up statuses of some responses (for the comments feed); absent means not a low score. */
export function followUpStatuses(db: Db, ids: readonly number[]): Map<number, FollowUpStatus> {
  const out = new Map<number, FollowUpStatus>();
  if (ids.length === 0) return out;
  const rows = db.$client
    .prepare(
      `select r.id, coalesce(f.status, 'open') as status from responses r left join follow_ups f on f.response_id = r.id
       where r.id in (${ids.map(() => "?").join(",")}) and ${LOW_SCORE_SQL}`,
    )
    .all(...ids) as { id: number; status: FollowUpStatus }[];
  for (const r of rows) out.set(r.id, r.status);
  return out;
}
