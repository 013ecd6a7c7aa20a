import { asc, desc, eq, isNotNull } from "drizzle-orm";
import type { Db } from "../../client";
import { apiKeys, departments, services, staff, targets, teams, themes, users } from "../../schema";

/**
 * Everything an administrator manages, retired things included (so they can be brought back),
 * with the codes the edit forms send back. Password hashes, key hashes and token secrets are
 * never selected.
 */
export async function settingsQuery(db: Db) {
  const [departmentRows, teamRows, staffRows, serviceRows, themeRows, targetRows, userRows, apiKeyRows] = await Promise.all([
    db.select({ code: departments.code, name: departments.name, retiredAt: departments.retiredAt }).from(departments).orderBy(asc(departments.name)),
    db
      .select({ code: teams.code, name: teams.name, department: departments.code, departmentName: departments.name, retiredAt: teams.retiredAt })
      .from(teams)
      .innerJoin(departments, eq(departments.id, teams.departmentId))
      .orderBy(asc(teams.name)),
    db
      .select({ code: staff.code, name: staff.name, email: staff.email, team: teams.code, teamName: teams.name, retiredAt: staff.retiredAt })
      .from(staff)
      .innerJoin(teams, eq(teams.id, staff.teamId))
      .orderBy(asc(staff.name)),
    db.select({ code: services.code, name: services.name, retiredAt: services.retiredAt }).from(services).orderBy(asc(services.name)),
    db.select({ code: themes.code, name: themes.name, rules: themes.rules, retiredAt: themes.retiredAt }).from(themes).orderBy(asc(themes.name)),
    db
      .select({
        code: targets.code,
        measure: targets.measure,
        department: departments.code,
        departmentName: departments.name,
        team: teams.code,
        teamName: teams.name,
        value: targets.value,
        retiredAt: targets.retiredAt,
      })
      .from(targets)
      .leftJoin(departments, eq(departments.id, targets.departmentId))
      .leftJoin(teams, eq(teams.id, targets.teamId))
      // Live targets first; a boolean sorts false before true on both databases.
      .orderBy(isNotNull(targets.retiredAt), asc(targets.measure), asc(targets.code)),
    db
      .select({
        id: users.id,
        email: users.email,
        role: users.role,
        team: teams.code,
        teamName: teams.name,
        // A director's department (where overdue cases escalate); managers' is their team's.
        department: departments.code,
        lockedUntil: users.lockedUntil,
        disabledAt: users.disabledAt,
      })
      .from(users)
      .leftJoin(teams, eq(teams.id, users.teamId))
      .leftJoin(departments, eq(departments.id, users.departmentId))
      .orderBy(asc(users.email)),
    db
      .select({
        id: apiKeys.id,
        name: apiKeys.name,
        prefix: apiKeys.prefix,
        createdAt: apiKeys.createdAt,
        lastUsedAt: apiKeys.lastUsedAt,
        revokedAt: apiKeys.revokedAt,
      })
      .from(apiKeys)
      .orderBy(desc(apiKeys.createdAt), desc(apiKeys.id)),
  ]);
  return {
    departments: departmentRows,
    teams: teamRows,
    staff: staffRows,
    services: serviceRows,
    themes: themeRows,
    targets: targetRows,
    users: userRows,
    apiKeys: apiKeyRows,
  };
}
export type Settings = Awaited<ReturnType<typeof settingsQuery>>;
