import { isNull } from "drizzle-orm";
import type { Db } from "../../client";
import { targets } from "../../schema";
import type { TargetRow } from "../../../domain/targets";

/** The live targets; few rows, read whole and matched by the pure applicableTarget. */
export async function liveTargets(db: Db): Promise<TargetRow[]> {
  return db
    .select({ measure: targets.measure, departmentId: targets.departmentId, teamId: targets.teamId, value: targets.value })
    .from(targets)
    .where(isNull(targets.retiredAt));
}
