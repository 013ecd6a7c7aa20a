import type { CaseRow } from "../db/queries/follow-ups/case-list";
import type { Fcr } from "../domain/measures";
import { localDate } from "../domain/periods";
import { workingDaysBetween, type WorkingDayCalendar } from "../domain/working-days";

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export type CaseView = ReturnType<typeof presentCase>;

/**
 * A case as the dashboard and the API show it: instants as ISO timestamps, due dates as the
 * organisation's local dates, the next due date, whether it is overdue and its age in working
 * days, all as of the local date `today`. It shapes a row for the two case routes (the API's and
 * the dashboard's), so it sits with them: it reads nothing and changes nothing.
 */
export function presentCase(row: CaseRow, today: string, timeZone: string, calendar: WorkingDayCalendar) {
  const nextDue = row.status === "open" ? row.acknowledgeBy : row.status === "acknowledged" ? row.respondBy : null;
  const ended = row.closedAt ?? null;
  return {
    id: row.id,
    status: row.status,
    priority: row.priority,
    reasons: row.reasons,
    openedAt: iso(row.openedAt)!,
    acknowledgeBy: row.acknowledgeBy,
    respondBy: row.respondBy,
    nextDue,
    overdue: nextDue !== null && nextDue < today,
    ageWorkingDays: workingDaysBetween(localDate(row.openedAt, timeZone), ended === null ? today : localDate(ended, timeZone), calendar),
    acknowledgedAt: iso(row.acknowledgedAt),
    respondedAt: iso(row.respondedAt),
    closedAt: iso(row.closedAt),
    cleared: row.clearedAt !== null,
    clearedAt: iso(row.clearedAt),
    interactionId: row.interactionId,
    externalRef: row.externalRef,
    team: { code: row.teamCode, name: row.teamName },
    owner: row.ownerId === null ? null : { id: row.ownerId, email: row.ownerEmail ?? "" },
    staff: row.staff,
    service: row.service,
    channel: row.channel,
    occurredAt: iso(row.occurredAt)!,
    csat: row.csat,
    ces: row.ces,
    csi: row.csi,
    fcr: row.fcr as Fcr | null,
    comment: row.comment,
  };
}
