import type { Ctx } from "../../deps";
import { readCategoryLabels } from "../../db/queries/actions/category-labels";
import { userByEmail } from "../../db/queries/actions/owners";
import { reachOfDepartment, reachOfTeams, type Reach } from "../../db/queries/actions/reach";
import { trackerRead } from "../../db/queries/actions/tracker";
import { findDepartment, findTeam, findThemeId } from "../../db/queries/lookups";
import { compareRefs, countByCategory, type CategoryCounts, type CategoryLabels } from "../../domain/actions";
import { localDate } from "../../domain/periods";
import { ForbiddenError, NotFoundError } from "../../errors";
import type { ActionListQuery } from "../../schemas/actions";
import { requireFound } from "../../domain/references";
import { OUT_OF_REACH, readReach, type ActionActor } from "./actor";
import { presentAction, type ActionView } from "./present";

export type TrackerList = { items: ActionView[]; counts: CategoryCounts; labels: CategoryLabels };

const byRef = (a: ActionView, b: ActionView) => compareRefs(a.ref, b.ref);

/**
 * The actions the actor may read that match the filters, by reference ("CF-2" before "CF-10"),
 * with their latest assessment and the counts by category of those listed. A manager naming
 * another team or department is refused (403), not quietly shown nothing. `keepReviews`: how many
 * of each action's latest reviews to give (the printed tracker shows two, the export all).
 */
export async function listActions(ctx: Ctx, actor: ActionActor, q: ActionListQuery, keepReviews = Infinity): Promise<TrackerList> {
  const db = ctx.db.read;
  const own = await readReach(db, actor);
  const reaches: Reach[] = own ? [own] : [];
  if (q.team) {
    const team = requireFound(await findTeam(db, q.team), "team", q.team);
    if (own && !own.teamIds.includes(team.id)) throw new ForbiddenError(OUT_OF_REACH);
    reaches.push(await reachOfTeams(db, [team.id]));
  }
  if (q.department) {
    const department = requireFound(await findDepartment(db, q.department), "department", q.department);
    if (own && !own.departmentIds.includes(department.id)) throw new ForbiddenError(OUT_OF_REACH);
    reaches.push(await reachOfDepartment(db, department.id));
  }
  const theme = q.theme ? requireFound(await findThemeId(db, q.theme), "theme", q.theme) : undefined;
  const owner = q.owner ? await userByEmail(db, q.owner) : undefined;
  if (q.owner && !owner) throw new NotFoundError(`No user with email '${q.owner}'.`);
  const [entries, labels] = await Promise.all([trackerRead(db, { reaches, themeId: theme?.id, ownerId: owner?.id }), readCategoryLabels(db)]);
  const today = localDate(ctx.clock.now(), ctx.config.TIMEZONE);
  const items = entries
    .map((e) => presentAction(e, labels, today, keepReviews))
    .filter((a) => q.category === undefined || (q.category === "none" ? a.latest === null : a.latest?.category === Number(q.category)))
    .sort(byRef);
  return { items, counts: countByCategory(items.map((a) => a.latest?.category ?? null)), labels };
}

/** One action with all its reviews; 404 for no such reference, 403 for a manager it does not concern. */
export async function getAction(ctx: Ctx, actor: ActionActor, ref: string): Promise<{ action: ActionView; labels: CategoryLabels }> {
  const db = ctx.db.read;
  const [[found], labels] = await Promise.all([trackerRead(db, { ref }), readCategoryLabels(db)]);
  if (!found) throw new NotFoundError(`No action with reference '${ref}'.`);
  const own = await readReach(db, actor);
  if (own) {
    const mine = found.links.some((l) => (l.kind === "team" && own.teamIds.includes(l.id)) || (l.kind === "department" && own.departmentIds.includes(l.id)));
    if (!mine) throw new ForbiddenError(OUT_OF_REACH);
  }
  return { action: presentAction(found, labels, localDate(ctx.clock.now(), ctx.config.TIMEZONE)), labels };
}
