import type { Db } from "../../db/database";
import { staffMail } from "../../db/schema";

export type StaffMailKind = "safeguarding" | "case_reminder" | "escalation";

/**
 * Queues one email to staff, once: a second call with the same key (another server, a retry,
 * a changed answer) adds nothing. Written in the caller's transaction, so the email exists if
 * and only if what it is about does.
 */
export async function queueStaffMail(
  tx: Db,
  mail: { kind: StaffMailKind; dedupeKey: string; caseId?: number; userId?: number; now: number },
): Promise<boolean> {
  const inserted = await tx
    .insert(staffMail)
    .values({ kind: mail.kind, dedupeKey: mail.dedupeKey, caseId: mail.caseId ?? null, userId: mail.userId ?? null, dueAt: mail.now, createdAt: mail.now })
    .onConflictDoNothing({ target: staffMail.dedupeKey })
    .returning({ id: staffMail.id });
  return inserted.length > 0;
}
