import { sql, type SQL } from "drizzle-orm";
import type { Db } from "../../database";
import { bySqlDialect, rows } from "../../sql";
import { zonedMidnight } from "../../../domain/periods";
import { allOf } from "../group-where";
import type { ScopeFilter } from "./overview";
import { nextDay, scopeWhere } from "./where";

export const FOLLOW_UP_STATUSES = ["open", "contacted", "resolved"] as const;
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];

/**
 * What counts as a low score: CSAT or CSI of 1 or 2 (dissatisfied, unhappy). Written exactly
 * as the partial index responses_low_scores is, so the planner can use it.
 */
export const LOW_SCORE_SQL = sql.raw("(r.csat <= 2 or r.csi <= 2)");

export const FOLLOW_UPS_PAGE_SIZE = 50;

/**
 * Low-score responses with their team and follow-up. On SQLite always through the low-score
 * index (its WHERE is LOW_SCORE_SQL, always present): it also holds team_id, so a manager's
 * list reads only their team's low scores from it. Left to itself, SQLite takes the team index
 * for a team filter and reads every response of the team's year (82 ms instead of 2 ms for a
 * 200,000-response team on the 1M bench database); CROSS JOIN keeps responses the outer table.
 * PostgreSQL takes no hints, and refuses ON after CROSS JOIN.
 */
function lowScoresFrom(db: Db): SQL {
  return bySqlDialect(db, {
    sqlite: sql`from responses r indexed by responses_low_scores cross join teams t on t.id = r.team_id left join follow_ups f on f.response_id = r.id`,
    postgres: sql`from responses r join teams t on t.id = r.team_id left join follow_ups f on f.response_id = r.id`,
  });
}

export type FollowUpFilter = ScopeFilter & { status?: FollowUpStatus; page: number };

type FollowUpRow = {
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
};

/**
 * Low scores to follow up, newest first, with their follow-up status (no row is "open") and
 * the interaction's external reference, which is how a manager finds the case in the CRM.
 * Customer contact details are not read: they live in another table and are deleted after use.
 */
export async function followUpsQuery(db: Db, f: FollowUpFilter, timeZone: string) {
  const from = lowScoresFrom(db);
  const where = [
    LOW_SCORE_SQL,
    sql`r.occurred_at >= ${zonedMidnight(f.from, timeZone)}`,
    sql`r.occurred_at < ${zonedMidnight(nextDay(f.to), timeZone)}`,
    ...scopeWhere(f),
  ];
  const counts = Object.fromEntries(FOLLOW_UP_STATUSES.map((s) => [s, 0])) as Record<FollowUpStatus, number>;
  const tally = await rows<{ status: FollowUpStatus; n: number }>(
    db,
    sql`select coalesce(f.status, 'open') as "status", count(*) as "n" ${from} where ${allOf(where)} group by coalesce(f.status, 'open')`,
  );
  for (const row of tally) counts[row.status] = row.n;
  if (f.status) where.push(sql`coalesce(f.status, 'open') = ${f.status}`);
  const found = await rows<FollowUpRow>(
    db,
    sql`select r.id as "id", r.occurred_at as "occurredAt", r.channel as "channel", r.csat as "csat", r.ces as "ces", r.csi as "csi",
         r.fcr as "fcr", r.comment as "comment", t.code as "teamCode", t.name as "team", s.name as "staff", v.name as "service",
         i.external_ref as "externalRef", coalesce(f.status, 'open') as "status", f.note as "note", f.updated_at as "updatedAt",
         u.email as "updatedBy"
       ${from} join interactions i on i.id = r.interaction_id left join staff s on s.id = r.staff_id
         left join services v on v.id = r.service_id left join users u on u.id = f.user_id
       where ${allOf(where)}
       order by r.occurred_at desc, r.id desc limit ${FOLLOW_UPS_PAGE_SIZE + 1} offset ${f.page * FOLLOW_UPS_PAGE_SIZE}`,
  );
  return {
    counts,
    page: f.page,
    hasMore: found.length > FOLLOW_UPS_PAGE_SIZE,
    items: found.slice(0, FOLLOW_UPS_PAGE_SIZE).map((r) => ({
      ...r,
      occurredAt: new Date(r.occurredAt).toISOString(),
      updatedAt: r.updatedAt === null ? null : new Date(r.updatedAt).toISOString(),
    })),
  };
}
export type FollowUps = Awaited<ReturnType<typeof followUpsQuery>>;

/** Follow-up statuses of some responses (for the comments feed); absent means not a low score. */
export async function followUpStatuses(db: Db, ids: readonly number[]): Promise<Map<number, FollowUpStatus>> {
  const out = new Map<number, FollowUpStatus>();
  if (ids.length === 0) return out;
  const found = await rows<{ id: number; status: FollowUpStatus }>(
    db,
    sql`select r.id as "id", coalesce(f.status, 'open') as "status" from responses r left join follow_ups f on f.response_id = r.id
       where r.id in (${sql.join(ids.map((id) => sql`${id}`), sql`, `)}) and ${LOW_SCORE_SQL}`,
  );
  for (const r of found) out.set(r.id, r.status);
  return out;
}
