import { inArray } from "drizzle-orm";
import type { Ctx } from "../../deps";
import { actionCategoryLabels } from "../../db/schema";
import { ACTION_CATEGORIES, DEFAULT_CATEGORY_LABELS } from "../../domain/actions";
import { ForbiddenError } from "../../errors";
import type { CategoryLabelsInput } from "../../schemas/actions";
import type { ActionActor } from "./actor";

/**
 * The organisation's wording of the four categories (administrators). A label left null, or
 * given as its default, goes back to the default: no row is kept for it, so a later change of
 * default wording reaches it.
 */
export function setCategoryLabels(ctx: Ctx, input: CategoryLabelsInput, actor: ActionActor): Promise<void> {
  if (actor.kind !== "user" || actor.user.role !== "admin") throw new ForbiddenError("Only administrators can word the categories.");
  const own = ACTION_CATEGORIES.flatMap((category) => {
    const label = input[category];
    return label === null || label === DEFAULT_CATEGORY_LABELS[category] ? [] : [{ category, label }];
  });
  return ctx.db.write(async (tx) => {
    await tx.delete(actionCategoryLabels).where(inArray(actionCategoryLabels.category, [...ACTION_CATEGORIES]));
    if (own.length > 0) await tx.insert(actionCategoryLabels).values(own);
  });
}
