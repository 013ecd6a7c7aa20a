import { isNull } from "drizzle-orm";
import type { Db } from "../../client";
import { targets } from "../../schema";
import { amberMargins, type Targets } from "../../../domain/targets";

/** The live targets, with the amber margins they are judged by; few rows, read whole and matched by the pure applicableTarget. */
export async function liveTargets(db: Db, cesMeanMargin: number): Promise<Targets> {
  const rows = await db
    .select({ measure: targets.measure, departmentId: targets.departmentId, teamId: targets.teamId, value: targets.value })
    .from(targets)
    .where(isNull(targets.retiredAt));
  return { rows, margins: amberMargins(cesMeanMargin) };
}
