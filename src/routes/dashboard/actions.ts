import { Hono } from "hono";
import type { Ctx } from "../../deps";
import { readCategoryLabels } from "../../db/queries/actions/category-labels";
import { ownerChoices } from "../../db/queries/actions/owners";
import { localDate } from "../../domain/periods";
import { ActionInput, ActionListQuery, ActionPatch, CategoryLabelsInput, ProgressInput, RefParam } from "../../schemas/actions";
import { mayEditActions, type ActionActor } from "../../services/actions/actor";
import { addProgress } from "../../services/actions/add-progress";
import { createAction } from "../../services/actions/create-action";
import { getAction, listActions } from "../../services/actions/read-tracker";
import { setCategoryLabels } from "../../services/actions/set-category-labels";
import { trackerCsv } from "../../services/actions/tracker-csv";
import { updateAction } from "../../services/actions/update-action";
import type { SessionEnv } from "../../middleware/session";
import type { SessionUser } from "../../services/auth/sessions";
import { validate } from "../../validation";

const asActor = (user: SessionUser): ActionActor => ({ kind: "user", user });

/** How many of each action's latest reviews the list gives: the printed tracker's two columns. */
const LIST_REVIEWS = 2;

/**
 * The recommendations and actions tracker on the dashboard. Everyone reads the actions in their
 * reach (a manager, those linked to their team or its department); directors and administrators
 * change them; administrators word the categories. The services decide, so the API and the
 * dashboard cannot differ.
 */
export function actionsApi(ctx: Ctx) {
  const db = ctx.db.read;
  /** Who may be given an action: only those who can give one need the list. */
  const choices = async (actor: ActionActor) => (mayEditActions(actor) ? ownerChoices(db) : []);

  return new Hono<SessionEnv>()
    .get("/", validate("query", ActionListQuery), async (c) => {
      const actor = asActor(c.var.session.user);
      const q = c.req.valid("query");
      const [list, all, ownerList] = await Promise.all([
        listActions(ctx, actor, q, LIST_REVIEWS),
        // The owner filter offers everyone who owns an action in view, whatever is filtered now.
        Object.values(q).some((v) => v !== undefined) ? listActions(ctx, actor, {}, 0) : null,
        choices(actor),
      ]);
      const owners = new Map((all ?? list).items.flatMap((a) => (a.owner ? [[a.owner.id, a.owner] as const] : [])));
      return c.json({
        ...list,
        owners: [...owners.values()].sort((a, b) => a.email.localeCompare(b.email)),
        ownerChoices: ownerList,
        canEdit: mayEditActions(actor),
      });
    })
    .post("/", validate("json", ActionInput), async (c) => {
      const actor = asActor(c.var.session.user);
      const { ref } = await createAction(ctx, c.req.valid("json"), actor);
      return c.json({ ref, action: (await getAction(ctx, actor, ref)).action }, 201);
    })
    .get("/settings/labels", async (c) => c.json({ labels: await readCategoryLabels(db) }))
    .put("/settings/labels", validate("json", CategoryLabelsInput), async (c) => {
      await setCategoryLabels(ctx, c.req.valid("json"), asActor(c.var.session.user));
      return c.json({ labels: await readCategoryLabels(db) });
    })
    .get("/export/tracker.csv", validate("query", ActionListQuery), async (c) => {
      const list = await listActions(ctx, asActor(c.var.session.user), c.req.valid("query"));
      const today = localDate(ctx.clock.now(), ctx.config.TIMEZONE);
      return c.body(trackerCsv(list), 200, {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="actions-tracker-${today}.csv"`,
        "Cache-Control": "no-store",
      });
    })
    .get("/:ref", validate("param", RefParam), async (c) => {
      const actor = asActor(c.var.session.user);
      const { action, labels } = await getAction(ctx, actor, c.req.valid("param").ref);
      return c.json({ action, labels, canEdit: mayEditActions(actor), ownerChoices: await choices(actor) });
    })
    .patch("/:ref", validate("param", RefParam), validate("json", ActionPatch), async (c) => {
      const actor = asActor(c.var.session.user);
      const { ref } = await updateAction(ctx, c.req.valid("param").ref, c.req.valid("json"), actor);
      return c.json({ action: (await getAction(ctx, actor, ref)).action });
    })
    .post("/:ref/progress", validate("param", RefParam), validate("json", ProgressInput), async (c) => {
      const actor = asActor(c.var.session.user);
      const { ref } = await addProgress(ctx, c.req.valid("param").ref, c.req.valid("json"), actor);
      return c.json({ action: (await getAction(ctx, actor, ref)).action }, 201);
    });
}
