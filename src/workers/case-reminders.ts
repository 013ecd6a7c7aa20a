import { and, eq, isNotNull, isNull, lte, or } from "drizzle-orm";
import type { Ctx } from "../deps";
import type { Db } from "../db/database";
import { overdueAsOf } from "../db/queries/follow-ups/case-list";
import { followUpCaseEvents, followUpCases, teams, users } from "../db/schema";
import { localDate } from "../domain/periods";
import { isWorkingDay } from "../domain/working-days";
import { queueStaffMail } from "../services/follow-ups/queue-staff-mail";
import { localHour, onOneServer, startDailyJob, type DailyJobTiming, type RunningJob } from "./daily-job";

/** Any number that names this job's lock among the application's others on the PostgreSQL server. */
const CASE_REMINDERS_LOCK = 7_316_203;

export type RemindersQueued = { reminders: number; escalations: number };

/**
 * From CASE_REMINDER_HOUR on each working day: one email to each owner listing their cases due
 * today or overdue, and one to the department's director(s) for each case that has missed a due
 * date (once per case and step). Safe to run any number of times, on any number of servers: each
 * email is queued under a key that makes a second try add nothing.
 */
export async function queueCaseRemindersIn(tx: Db, ctx: Ctx, now: number): Promise<RemindersQueued> {
  const { config } = ctx;
  const today = localDate(now, config.TIMEZONE);
  const queued: RemindersQueued = { reminders: 0, escalations: 0 };
  if (!isWorkingDay(today, config.WORKING_DAYS_CALENDAR) || localHour(now, config.TIMEZONE) < config.CASE_REMINDER_HOUR) return queued;

  const dueOrOverdue = or(
    and(eq(followUpCases.status, "open"), lte(followUpCases.acknowledgeBy, today)),
    and(eq(followUpCases.status, "acknowledged"), lte(followUpCases.respondBy, today)),
  );
  const owners = await tx
    .selectDistinct({ ownerId: followUpCases.ownerId })
    .from(followUpCases)
    .innerJoin(users, eq(users.id, followUpCases.ownerId))
    .where(and(isNotNull(followUpCases.ownerId), isNull(users.disabledAt), dueOrOverdue));
  for (const { ownerId } of owners) {
    if (await queueStaffMail(tx, { kind: "case_reminder", dedupeKey: `reminder:${ownerId}:${today}`, userId: ownerId!, now })) queued.reminders++;
  }

  const overdue = await tx
    .select({ id: followUpCases.id, status: followUpCases.status, departmentId: teams.departmentId })
    .from(followUpCases)
    .innerJoin(teams, eq(teams.id, followUpCases.teamId))
    .where(overdueAsOf(today));
  for (const c of overdue) {
    const step = c.status === "open" ? "acknowledge" : "respond";
    const directors = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.role, "director"), eq(users.departmentId, c.departmentId), isNull(users.disabledAt)));
    const to: number[] = [];
    for (const d of directors) {
      if (await queueStaffMail(tx, { kind: "escalation", dedupeKey: `escalation:${c.id}:${step}:${d.id}`, caseId: c.id, userId: d.id, now })) to.push(d.id);
    }
    if (to.length > 0) {
      await tx.insert(followUpCaseEvents).values({ caseId: c.id, kind: "escalated", detail: { step, directors: to }, at: now });
      queued.escalations += to.length;
    }
  }
  return queued;
}

/** Queues the day's reminders and escalations from CASE_REMINDER_HOUR, on one server at a time. */
export function startCaseReminderJob(ctx: Ctx, timing?: DailyJobTiming): RunningJob {
  return startDailyJob(
    ctx,
    {
      name: "follow-up reminders",
      hour: ctx.config.CASE_REMINDER_HOUR,
      work: (now) => onOneServer(ctx, CASE_REMINDERS_LOCK, (tx) => queueCaseRemindersIn(tx, ctx, now)),
      done: (queued) => {
        if (queued && queued.reminders + queued.escalations > 0) ctx.log.info("follow-up reminders queued", queued);
      },
    },
    timing,
  );
}
