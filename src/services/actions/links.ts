import { and, eq } from "drizzle-orm";
import type { Db } from "../../db/database";
import { activeUserByEmail } from "../../db/queries/actions/owners";
import { actionLinks } from "../../db/schema";
import type { ActionLinkKind } from "../../domain/actions";
import { UnprocessableError } from "../../errors";
import { findDepartment, findTeam } from "../../db/queries/lookups";
import { findTheme } from "../reference/themes";

export type LinkCodes = { themes?: readonly string[]; teams?: readonly string[]; departments?: readonly string[] };

const FIELDS = [
  ["theme", "themes"],
  ["team", "teams"],
  ["department", "departments"],
] as const satisfies readonly (readonly [ActionLinkKind, keyof LinkCodes])[];

const finders: Record<ActionLinkKind, (db: Db, code: string) => Promise<{ id: number } | undefined>> = {
  theme: findTheme,
  team: findTeam,
  department: findDepartment,
};

/**
 * The ids of what an action is to address, by kind, for the kinds given (a kind left out is
 * left as it is). A code naming nothing is a 422 naming the field; retired things may still be
 * named, since an action about them can outlive them.
 */
export async function resolveLinks(tx: Db, codes: LinkCodes): Promise<Partial<Record<ActionLinkKind, number[]>>> {
  const out: Partial<Record<ActionLinkKind, number[]>> = {};
  for (const [kind, field] of FIELDS) {
    const given = codes[field];
    if (given === undefined) continue;
    const ids: number[] = [];
    for (const [i, code] of given.entries()) {
      const found = await finders[kind](tx, code);
      if (!found) throw new UnprocessableError(`Unknown ${kind} '${code}'.`, { field: `${field}.${i}`, code });
      if (!ids.includes(found.id)) ids.push(found.id);
    }
    out[kind] = ids;
  }
  return out;
}

/** The owner named by email: someone who can sign in, else a 422 naming the field. */
export async function resolveOwner(tx: Db, email: string | null | undefined): Promise<number | null | undefined> {
  if (email === undefined || email === null) return email;
  const user = await activeUserByEmail(tx, email);
  if (!user) throw new UnprocessableError(`No dashboard user '${email}' can own an action.`, { field: "owner", code: email });
  return user.id;
}

/** Links of the kinds given, replacing those the action had of each. */
export async function writeLinks(tx: Db, actionId: number, ids: Partial<Record<ActionLinkKind, number[]>>, replace: boolean): Promise<void> {
  for (const [kind, targets] of Object.entries(ids) as [ActionLinkKind, number[]][]) {
    if (replace) await tx.delete(actionLinks).where(and(eq(actionLinks.actionId, actionId), eq(actionLinks.kind, kind)));
    if (targets.length > 0) await tx.insert(actionLinks).values(targets.map((targetId) => ({ actionId, kind, targetId })));
  }
}
