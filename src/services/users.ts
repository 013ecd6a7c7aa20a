import { randomBytes, scrypt, timingSafeEqual } from "node:crypto";
import { promisify } from "node:util";
import type { z } from "zod";
import { eq } from "drizzle-orm";
import type { Ctx } from "../deps";
import { users } from "../db/schema";
import { ConflictError, ValidationError } from "../errors";
import { findTeam, requireActive } from "./lookup";
import { isUniqueViolation } from "./reference/common";

const scryptAsync = promisify(scrypt) as (pw: string, salt: Buffer, len: number, opts: { N: number; r: number; p: number; maxmem: number }) => Promise<Buffer>;

/** scrypt with N=2^15: about 50 ms per hash here, slow enough to make guessing expensive. */
const PARAMS = { N: 32768, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };

export const ROLES = ["admin", "director", "manager"] as const;
export type Role = (typeof ROLES)[number];

/**
 * A manager sees one team's figures, so belongs to exactly one team; nobody else belongs to
 * one. The message for the `team` field when a role and team disagree, or null. One rule for
 * the dashboard's forms, the command line and the services behind both.
 */
export function roleTeamProblem(role: Role, team: string | undefined): string | null {
  if (role === "manager" && !team) return "a manager needs a team";
  if (role !== "manager" && team) return "only managers belong to a team";
  return null;
}

/** The same rule as a zod refinement: `.superRefine(refineRoleTeam)` on a schema with role and team. */
export function refineRoleTeam(u: { role: Role; team?: string }, issue: z.RefinementCtx): void {
  const problem = roleTeamProblem(u.role, u.team);
  if (problem) issue.addIssue({ code: "custom", path: ["team"], message: problem });
}

/** Throws the field error when role and team disagree (roleTeamProblem). */
export function requireRoleTeamAgree(role: Role, team: string | undefined): void {
  const problem = roleTeamProblem(role, team);
  if (problem) throw new ValidationError(`The role and team do not fit: ${problem}.`, [{ path: "team", message: problem }]);
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scryptAsync(password.normalize("NFKC"), salt, 32, PARAMS);
  return `scrypt$${PARAMS.N}$${PARAMS.r}$${PARAMS.p}$${salt.toString("base64")}$${key.toString("base64")}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split("$");
  if (scheme !== "scrypt" || !salt || !key) return false;
  const expected = Buffer.from(key, "base64");
  const actual = await scryptAsync(password.normalize("NFKC"), Buffer.from(salt, "base64"), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: PARAMS.maxmem,
  });
  return timingSafeEqual(actual, expected);
}

export function generatePassword(): string {
  return randomBytes(15).toString("base64url");
}

export type NewUser = { email: string; role: Role; team?: string; password?: string };

/** Creates a dashboard user; a manager belongs to one team. Returns the password when generated. */
export async function createUser(ctx: Ctx, input: NewUser): Promise<{ id: number; generatedPassword?: string }> {
  const email = input.email.trim().toLowerCase();
  const taken = () => new ConflictError(`A user with email ${email} already exists.`);
  // Checked before hashing, so a mistake is answered without spending scrypt's time on it.
  if ((await ctx.db.read.select({ id: users.id }).from(users).where(eq(users.email, email))).length > 0) throw taken();
  requireRoleTeamAgree(input.role, input.team);
  const password = input.password ?? generatePassword();
  // Hashed before the write: scrypt takes ~50 ms, and every other write would wait for it.
  const passwordHash = await hashPassword(password);
  const id = await ctx.db.write(async (tx) => {
    const team = input.team ? requireActive(await findTeam(tx, input.team), "team", input.team) : undefined;
    try {
      const [row] = await tx
        .insert(users)
        .values({ email, role: input.role, teamId: team?.id ?? null, passwordHash, createdAt: ctx.clock.now() })
        .returning({ id: users.id });
      return row!.id;
    } catch (err) {
      // The same email added meanwhile (by the command line, or another server).
      if (isUniqueViolation(err)) throw taken();
      throw err;
    }
  });
  return { id, generatedPassword: input.password ? undefined : password };
}
