import { randomBytes, scrypt, timingSafeEqual } from "node:crypto";
import { promisify } from "node:util";
import type { z } from "zod";
import { eq } from "drizzle-orm";
import type { Ctx } from "../deps";
import { users } from "../db/schema";
import { ConflictError, ValidationError } from "../errors";
import { findDepartment, findTeam } from "../db/queries/lookups";
import { requireActive } from "../domain/references";
import { isUniqueViolation } from "./reference/common";

const scryptAsync = promisify(scrypt) as (pw: string, salt: Buffer, len: number, opts: { N: number; r: number; p: number; maxmem: number }) => Promise<Buffer>;

type ScryptParams = { N: number; r: number; p: number };

/**
 * scrypt at OWASP's minimum cost, N=2^17 (about 0.4 s and 128 MiB per hash here). The stored
 * hash names its parameters, so hashes made at a lower cost still verify and are replaced at
 * their owner's next sign-in (passwordNeedsRehash).
 */
const PARAMS: ScryptParams = { N: 2 ** 17, r: 8, p: 1 };
/** The most memory a stored hash may ask for: a damaged row must not take the server's memory. */
const MAX_MEMORY = 512 * 1024 * 1024;

/** scrypt refuses to run over `maxmem`; it needs 128 × r × (N + p + 2) bytes, so allow exactly that and a little. */
const memoryFor = ({ N, r, p }: ScryptParams) => 128 * r * (N + p + 2) + 1024 * 1024;

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

/**
 * A director may belong to a department: overdue follow-up cases of its teams escalate to them.
 * Nobody else belongs to one (a manager's department is their team's).
 */
export function roleDepartmentProblem(role: Role, department: string | undefined): string | null {
  return role !== "director" && department ? "only directors belong to a department" : null;
}

/** The same rules as a zod refinement: `.superRefine(refineRoleTeam)` on a schema with role, team and department. */
export function refineRoleTeam(u: { role: Role; team?: string; department?: string }, issue: z.RefinementCtx): void {
  const problem = roleTeamProblem(u.role, u.team);
  if (problem) issue.addIssue({ code: "custom", path: ["team"], message: problem });
  const departmentProblem = roleDepartmentProblem(u.role, u.department);
  if (departmentProblem) issue.addIssue({ code: "custom", path: ["department"], message: departmentProblem });
}

/** Throws the field error when role, team and department disagree. */
export function requireRoleTeamAgree(role: Role, team: string | undefined, department?: string): void {
  const problem = roleTeamProblem(role, team);
  if (problem) throw new ValidationError(`The role and team do not fit: ${problem}.`, [{ path: "team", message: problem }]);
  const departmentProblem = roleDepartmentProblem(role, department);
  if (departmentProblem)
    throw new ValidationError(`The role and department do not fit: ${departmentProblem}.`, [{ path: "department", message: departmentProblem }]);
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scryptAsync(password.normalize("NFKC"), salt, 32, { ...PARAMS, maxmem: memoryFor(PARAMS) });
  return `scrypt$${PARAMS.N}$${PARAMS.r}$${PARAMS.p}$${salt.toString("base64")}$${key.toString("base64")}`;
}

/** The parameters a stored hash was made with, or null when it is not one of ours or asks too much. */
function storedParams(stored: string): (ScryptParams & { salt: Buffer; key: Buffer }) | null {
  const [scheme, n, r, p, salt, key, ...rest] = stored.split("$");
  if (scheme !== "scrypt" || !salt || !key || rest.length > 0) return null;
  const params = { N: Number(n), r: Number(r), p: Number(p) };
  const fits = (v: number, max: number) => Number.isInteger(v) && v >= 1 && v <= max;
  if (!fits(params.N, 2 ** 24) || !fits(params.r, 64) || !fits(params.p, 16) || memoryFor(params) > MAX_MEMORY) return null;
  // scrypt's N is a power of two above 1.
  if (params.N < 2 || (params.N & (params.N - 1)) !== 0) return null;
  return { ...params, salt: Buffer.from(salt, "base64"), key: Buffer.from(key, "base64") };
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const params = storedParams(stored);
  if (!params || params.key.length < 16) return false;
  const { salt, key: expected, ...cost } = params;
  const actual = await scryptAsync(password.normalize("NFKC"), salt, expected.length, { ...cost, maxmem: memoryFor(cost) });
  return timingSafeEqual(actual, expected);
}

/** True for a hash made at a lower cost than today's: hash the password again once it is known right. */
export function passwordNeedsRehash(stored: string): boolean {
  const params = storedParams(stored);
  return params === null || params.N < PARAMS.N || params.r < PARAMS.r || params.p < PARAMS.p;
}

export function generatePassword(): string {
  return randomBytes(15).toString("base64url");
}

export type NewUser = { email: string; role: Role; team?: string; department?: string; password?: string };

/** Creates a dashboard user; a manager belongs to one team, a director may belong to a department. Returns the password when generated. */
export async function createUser(ctx: Ctx, input: NewUser): Promise<{ id: number; generatedPassword?: string }> {
  const email = input.email.trim().toLowerCase();
  const taken = () => new ConflictError(`A user with email ${email} already exists.`);
  // Checked before hashing, so a mistake is answered without spending scrypt's time on it.
  if ((await ctx.db.read.select({ id: users.id }).from(users).where(eq(users.email, email))).length > 0) throw taken();
  requireRoleTeamAgree(input.role, input.team, input.department);
  const password = input.password ?? generatePassword();
  // Hashed before the write: scrypt takes a good part of a second, and every other write would wait for it.
  const passwordHash = await hashPassword(password);
  const id = await ctx.db.write(async (tx) => {
    const team = input.team ? requireActive(await findTeam(tx, input.team), "team", input.team) : undefined;
    const department = input.department ? requireActive(await findDepartment(tx, input.department), "department", input.department) : undefined;
    try {
      const [row] = await tx
        .insert(users)
        .values({ email, role: input.role, teamId: team?.id ?? null, departmentId: department?.id ?? null, passwordHash, createdAt: ctx.clock.now() })
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
