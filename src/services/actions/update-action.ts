import { eq } from "drizzle-orm";
import type { Ctx } from "../../deps";
import { actions } from "../../db/schema";
import { lockForUpdate } from "../../db/sql";
import { NotFoundError } from "../../errors";
import type { ActionPatch } from "../../schemas/actions";
import { requireEditor, type ActionActor } from "./actor";
import { resolveLinks, resolveOwner, writeLinks } from "./links";

/** Changes what is given; a list of themes, teams or departments replaces that kind's links. */
export function updateAction(ctx: Ctx, ref: string, patch: ActionPatch, actor: ActionActor): Promise<{ ref: string }> {
  requireEditor(actor);
  return ctx.db.write(async (tx) => {
    await lockForUpdate(tx, actions, eq(actions.ref, ref));
    const [row] = await tx.select({ id: actions.id }).from(actions).where(eq(actions.ref, ref));
    if (!row) throw new NotFoundError(`No action with reference '${ref}'.`);
    const ownerId = await resolveOwner(tx, patch.owner);
    const links = await resolveLinks(tx, patch);
    await tx
      .update(actions)
      .set({
        ...(patch.text === undefined ? {} : { text: patch.text }),
        ...(patch.source === undefined ? {} : { source: patch.source }),
        ...(patch.responsibility === undefined ? {} : { responsibility: patch.responsibility }),
        ...(ownerId === undefined ? {} : { ownerId }),
        ...(patch.dueDate === undefined ? {} : { dueDate: patch.dueDate }),
        updatedAt: ctx.clock.now(),
      })
      .where(eq(actions.id, row.id));
    await writeLinks(tx, row.id, links, true);
    return { ref };
  });
}
