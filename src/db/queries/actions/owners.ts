import { and, asc, eq, isNull } from "drizzle-orm";
import type { Db } from "../../database";
import { users } from "../../schema";

/** Who can own an action: every user who can sign in. */
export async function ownerChoices(db: Db) {
  return db.select({ id: users.id, email: users.email, role: users.role }).from(users).where(isNull(users.disabledAt)).orderBy(asc(users.email));
}

/** A user who can sign in, by email (stored in lower case). */
export async function activeUserByEmail(db: Db, email: string): Promise<{ id: number } | undefined> {
  return (
    await db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.email, email), isNull(users.disabledAt)))
  )[0];
}

export async function userByEmail(db: Db, email: string): Promise<{ id: number } | undefined> {
  return (await db.select({ id: users.id }).from(users).where(eq(users.email, email)))[0];
}
