import type { Db } from "../../database";
import { teams } from "../../schema";
import { addTallies, emptyTally, scoreTally, type Tally } from "../../../domain/measures";
import { judgeFigure, type Targets } from "../../../domain/targets";
import { groupNames, summaryTallies } from "../summary";
import { HEADLINE_MEASURES } from "../../../domain/measure-registry";
import type { ScopeFilter } from "./scope";

type Level = "department" | "team" | "staff";

/** Sums over the periods of the range: one tally per group. */
async function groupTotals(db: Db, f: ScopeFilter, level: Level): Promise<Map<string, Tally>> {
  const { rows } = await summaryTallies(db, { ...f, groupBy: level });
  const out = new Map<string, Tally>();
  for (const r of rows) out.set(String(r.key), addTallies(out.get(String(r.key)) ?? emptyTally(), r.tally));
  return out;
}

async function teamDepartments(db: Db): Promise<Map<number, number>> {
  const found = await db.select({ id: teams.id, departmentId: teams.departmentId }).from(teams);
  return new Map(found.map((r) => [r.id, r.departmentId]));
}

/**
 * Rows for the teams table: each department (unless the viewer sees one team only), team, or a
 * team's staff, with every score and the colour against the target that applies to it.
 */
export async function groupTableQuery(db: Db, f: ScopeFilter, level: Level, minCount: number, targets: Targets) {
  const [names, deptOf, totals] = await Promise.all([groupNames(db, level), teamDepartments(db), groupTotals(db, f, level)]);
  const rows = [...totals.entries()].map(([key, tally]) => {
    const group = names(key);
    const scores = scoreTally(tally, { minCount });
    const scope =
      level === "department"
        ? { departmentId: Number(key) }
        : level === "team"
          ? { teamId: Number(key), departmentId: deptOf.get(Number(key)) }
          : { teamId: f.teamId, departmentId: f.teamId === undefined ? undefined : deptOf.get(f.teamId) };
    const status = Object.fromEntries(HEADLINE_MEASURES.map((m) => [m.key, judgeFigure(targets, m.target, scope, scores[m.key].value).status])) as Record<
      (typeof HEADLINE_MEASURES)[number]["key"],
      ReturnType<typeof judgeFigure>["status"]
    >;
    return {
      level,
      group,
      departmentId: level === "team" ? (deptOf.get(Number(key)) ?? null) : null,
      scores,
      status,
    };
  });
  return rows.sort((a, b) => a.group.name.localeCompare(b.group.name));
}
export type GroupTableRow = Awaited<ReturnType<typeof groupTableQuery>>[number];
