import { asc, eq, isNull } from "drizzle-orm";
import type { Ctx } from "../../deps";
import type { Db } from "../../db/database";
import { services } from "../../db/schema";
import type { Service, ServiceInput, ServicePatch } from "../../schemas/reference";
import { findService } from "../../db/queries/lookups";
import { requireFound } from "../../domain/references";
import { insertOrConflict, lifecycle, nextRetiredAt } from "./common";

type Row = typeof services.$inferSelect;

const view = (row: Row): Service => ({ code: row.code, name: row.name, ...lifecycle(row) });

export async function listServices(ctx: Ctx, q: { includeRetired: boolean }): Promise<Service[]> {
  const rows = await ctx.db.read
    .select()
    .from(services)
    .where(q.includeRetired ? undefined : isNull(services.retiredAt))
    .orderBy(asc(services.code));
  return rows.map(view);
}

export async function getService(ctx: Ctx, code: string): Promise<Service> {
  return view(requireFound(await findService(ctx.db.read, code), "service", code));
}

export function createService(ctx: Ctx, input: ServiceInput): Promise<Service> {
  return ctx.db.write((tx) => createServiceIn(tx, ctx, input));
}

/** createService inside the caller's write. */
export async function createServiceIn(tx: Db, ctx: Ctx, input: ServiceInput): Promise<Service> {
  const [row] = await insertOrConflict("service", input.code, () =>
    tx.insert(services).values({ code: input.code, name: input.name, createdAt: ctx.clock.now() }).returning(),
  );
  return view(row!);
}

/** Renames, retires or brings back a service; a retired service takes no new interactions. */
export function updateService(ctx: Ctx, code: string, patch: ServicePatch): Promise<Service> {
  return ctx.db.write((tx) => updateServiceIn(tx, ctx, code, patch));
}

/** updateService inside the caller's write. */
export async function updateServiceIn(tx: Db, ctx: Ctx, code: string, patch: ServicePatch): Promise<Service> {
  const row = requireFound(await findService(tx, code), "service", code);
  const [updated] = await tx
    .update(services)
    .set({ name: patch.name ?? row.name, retiredAt: nextRetiredAt(row.retiredAt, patch.retired, ctx.clock.now()) })
    .where(eq(services.id, row.id))
    .returning();
  return view(updated!);
}

export function retireService(ctx: Ctx, code: string): Promise<Service> {
  return updateService(ctx, code, { retired: true });
}
