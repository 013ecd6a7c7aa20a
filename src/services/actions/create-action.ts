import type { Ctx } from "../../deps";
import { actions } from "../../db/schema";
import { ConflictError } from "../../errors";
import type { ActionInput } from "../../schemas/actions";
import { isUniqueViolation } from "../reference/common";
import { actorUserId, requireEditor, type ActionActor } from "./actor";
import { resolveLinks, resolveOwner, writeLinks } from "./links";

/**
 * A new recommendation or action, with what it addresses. A reference already in use is a 409:
 * the unique index decides, so two servers adding the same reference at once cannot both succeed.
 */
export function createAction(ctx: Ctx, input: ActionInput, actor: ActionActor): Promise<{ ref: string }> {
  requireEditor(actor);
  return ctx.db.write(async (tx) => {
    const ownerId = await resolveOwner(tx, input.owner);
    const links = await resolveLinks(tx, input);
    const now = ctx.clock.now();
    let created: { id: number } | undefined;
    try {
      [created] = await tx
        .insert(actions)
        .values({
          ref: input.ref,
          text: input.text,
          source: input.source,
          responsibility: input.responsibility ?? null,
          ownerId: ownerId ?? null,
          dueDate: input.dueDate ?? null,
          createdBy: actorUserId(actor),
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: actions.id });
    } catch (err) {
      if (isUniqueViolation(err)) throw new ConflictError(`An action with reference '${input.ref}' already exists.`);
      throw err;
    }
    await writeLinks(tx, created!.id, links, false);
    return { ref: input.ref };
  });
}
