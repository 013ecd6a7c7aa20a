import type { Db } from "../../database";
import { asCategory, categoryChange, compareRefs, countByCategory, isOverdue, latestAssessment } from "../../../domain/actions";
import { zonedMidnight } from "../../../domain/periods";
import { dayBefore } from "../dashboard/range";
import { nextDay } from "../dashboard/where";
import { readCategoryLabels } from "./category-labels";
import { reachOfDepartment, reachOfTeams, type Reach } from "./reach";
import { trackerRead } from "./tracker";

export type QuarterActionScope = { teamIds?: readonly number[]; teamId?: number; departmentId?: number; themeId?: number };

/**
 * The tracker as it stood at the end of a quarter, for the quarterly report: each action that
 * existed by then (or has a review dated by then) with its latest review, the counts by
 * category, and how its category moved since the end of the previous quarter. `today` caps
 * "overdue" for a quarter still under way. The report's scope applies: a manager's team, or the
 * team or department it is filtered to (with the actions linked to the department, or its teams).
 */
export async function quarterActions(db: Db, f: QuarterActionScope, start: string, end: string, today: string, timeZone: string) {
  const reaches: Reach[] = [];
  if (f.teamIds) reaches.push(await reachOfTeams(db, f.teamIds));
  if (f.teamId !== undefined) reaches.push(await reachOfTeams(db, [f.teamId]));
  if (f.departmentId !== undefined) reaches.push(await reachOfDepartment(db, f.departmentId));
  const [entries, labels] = await Promise.all([trackerRead(db, { reaches, themeId: f.themeId }, end), readCategoryLabels(db)]);
  const endsAt = zonedMidnight(nextDay(end), timeZone);
  const previousEnd = dayBefore(start);
  const asOf = today < end ? today : end;
  const items = entries
    .filter((e) => e.row.createdAt < endsAt || e.progress.length > 0)
    .map(({ row, progress }) => {
      const reviews = progress.map((p) => ({ id: p.id, date: p.date, category: asCategory(p.category), evidence: p.evidence }));
      const latest = latestAssessment(reviews);
      const change = categoryChange(reviews, previousEnd, end);
      return {
        ref: row.ref,
        text: row.text,
        responsibility: row.responsibility,
        owner: row.ownerEmail,
        dueDate: row.dueDate,
        overdue: isOverdue(row.dueDate, latest?.category ?? null, asOf),
        latest: latest ? { date: latest.date, category: latest.category, label: labels[latest.category], evidence: latest.evidence } : null,
        change: change ? { from: change.from, fromLabel: change.from === null ? null : labels[change.from], to: change.to, toLabel: labels[change.to] } : null,
      };
    })
    .sort((a, b) => compareRefs(a.ref, b.ref));
  return { labels, counts: countByCategory(items.map((i) => i.latest?.category ?? null)), changed: items.filter((i) => i.change !== null).length, items };
}
export type QuarterActions = Awaited<ReturnType<typeof quarterActions>>;
