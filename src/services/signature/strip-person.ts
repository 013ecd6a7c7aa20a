import { eq, sql } from "drizzle-orm";
import type { Db } from "../../db/database";
import { departments, staff, teams } from "../../db/schema";
import { prepared } from "../../db/sql";

export type StripPerson = { id: number; code: string; name: string; email: string | null; team: string; department: string };

// Prepared: every face link opened (scanners open all five of every message) looks its person up.
const personByCode = prepared("signature_strip_person", (db) =>
  db
    .select({
      id: staff.id,
      code: staff.code,
      name: staff.name,
      email: staff.email,
      retiredAt: staff.retiredAt,
      team: teams.name,
      department: departments.name,
    })
    .from(staff)
    .innerJoin(teams, eq(teams.id, staff.teamId))
    .innerJoin(departments, eq(departments.id, teams.departmentId))
    .where(eq(staff.code, sql.placeholder("code"))),
);

/** The staff member a signature strip's link names, as its pages show them; none once retired. */
export async function stripPerson(db: Db, code: string): Promise<StripPerson | undefined> {
  const [row] = await personByCode(db, { code });
  if (!row || row.retiredAt !== null) return undefined;
  const { retiredAt: _retiredAt, ...person } = row;
  return person;
}
