import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, lt } from "drizzle-orm";
import type { Ctx } from "../../deps";
import { sessions, users } from "../../db/schema";
import { HOUR } from "../../clock";
import type { Role } from "../users";

export const SESSION_TTL_MS = 12 * HOUR;
export const SESSION_COOKIE = "dashboard_session";

export type SessionUser = { id: number; email: string; role: Role; teamId: number | null };
export type Session = { id: string; csrfToken: string; expiresAt: number; user: SessionUser };

/** Only the hash of the cookie is stored: a copy of the database cannot be used to sign in. */
export function hashSessionId(cookieValue: string): string {
  return createHash("sha256").update(cookieValue).digest("hex");
}

/** Starts a session; returns the cookie value (32 random bytes), which is never stored. */
export async function createSession(ctx: Ctx, userId: number): Promise<{ cookieValue: string; csrfToken: string; expiresAt: number }> {
  const cookieValue = randomBytes(32).toString("base64url");
  const csrfToken = randomBytes(32).toString("base64url");
  const now = ctx.clock.now();
  const expiresAt = now + SESSION_TTL_MS;
  const id = hashSessionId(cookieValue);
  await ctx.db.write(async (tx) => {
    // Expired sessions are swept here rather than by a job: signing in is rare enough.
    await tx.delete(sessions).where(lt(sessions.expiresAt, now));
    await tx.insert(sessions).values({ id, userId, csrfToken, createdAt: now, expiresAt });
  });
  return { cookieValue, csrfToken, expiresAt };
}

/** The live session behind a cookie, or null (unknown, expired, or the user was disabled). */
export async function findSession(ctx: Ctx, cookieValue: string | undefined): Promise<Session | null> {
  if (!cookieValue || cookieValue.length > 100) return null;
  const [row] = await ctx.db.read
    .select({
      id: sessions.id,
      csrfToken: sessions.csrfToken,
      expiresAt: sessions.expiresAt,
      userId: users.id,
      email: users.email,
      role: users.role,
      teamId: users.teamId,
      disabledAt: users.disabledAt,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, hashSessionId(cookieValue)), gt(sessions.expiresAt, ctx.clock.now())));
  if (!row || row.disabledAt !== null) return null;
  return {
    id: row.id,
    csrfToken: row.csrfToken,
    expiresAt: row.expiresAt,
    user: { id: row.userId, email: row.email, role: row.role as Role, teamId: row.teamId },
  };
}

export async function deleteSession(ctx: Ctx, sessionId: string): Promise<void> {
  await ctx.db.write(async (tx) => {
    await tx.delete(sessions).where(eq(sessions.id, sessionId));
  });
}
