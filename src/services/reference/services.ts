import { asc, eq, isNull } from "drizzle-orm";
import type { Ctx } from "../../deps";
import { services } from "../../db/schema";
import type { Service, ServiceInput, ServicePatch } from "../../schemas/reference";
import { findService, requireFound } from "../lookup";
import { insertOrConflict, lifecycle, nextRetiredAt } from "./common";

type Row = typeof services.$inferSelect;

const view = (row: Row): Service => ({ code: row.code, name: row.name, ...lifecycle(row) });

export function listServices(ctx: Ctx, q: { includeRetired: boolean }): Service[] {
  return ctx.db
    .select()
    .from(services)
    .where(q.includeRetired ? undefined : isNull(services.retiredAt))
    .orderBy(asc(services.code))
    .all()
    .map(view);
}

export function getService(ctx: Ctx, code: string): Service {
  return view(requireFound(findService(ctx.db, code), "service", code));
}

export function createService(ctx: Ctx, input: ServiceInput): Service {
  const row = insertOrConflict("service", input.code, () =>
    ctx.db.insert(services).values({ code: input.code, name: input.name, createdAt: ctx.clock.now() }).returning().get(),
  );
  return view(row);
}

/** Renames, retires or brings back a service; a retired service takes no new interactions. */
export function updateService(ctx: Ctx, code: string, patch: ServicePatch): Service {
  const row = requireFound(findService(ctx.db, code), "service", code);
  const updated = ctx.db
    .update(services)
    .set({ name: patch.name ?? row.name, retiredAt: nextRetiredAt(row.retiredAt, patch.retired, ctx.clock.now()) })
    .where(eq(services.id, row.id))
    .returning()
    .get();
  return view(updated);
}

export function retireService(ctx: Ctx, code: string): Service {
  return updateService(ctx, code, { retired: true });
}
