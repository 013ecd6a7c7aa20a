import { asc } from "drizzle-orm";
import type { Db } from "../../database";
import { qaStandards } from "../../schema";

/** Every standard, active ones in the order reviewers see them, then the retired. */
export async function listStandards(db: Db) {
  const rows = await db.select().from(qaStandards).orderBy(asc(qaStandards.position), asc(qaStandards.id));
  return [...rows.filter((r) => r.retiredAt === null), ...rows.filter((r) => r.retiredAt !== null)];
}
