import type { Db } from "../../database";
import type { AutomationReason } from "../../../domain/automation";
import { outboxStatus, type OutboxStatus } from "../outbox-status";
import { suspectedClicksPerDay } from "../suspected-clicks";
import { dayBefore } from "./range";

/** Why a click was counted as suspected automated, in the order the chart stacks them. */
export const SUSPECT_REASONS = [
  "mail_scanner",
  "head_request",
  "http_library",
  "no_user_agent",
  "several_faces",
  "too_soon_after_sending",
  "staff_network",
  "burst",
] as const satisfies readonly AutomationReason[];
export type SuspectReason = (typeof SUSPECT_REASONS)[number];

export type DeliveryDay = { day: string; total: number } & Record<SuspectReason, number>;

export type Delivery = {
  from: string;
  to: string;
  outbox: OutboxStatus;
  /** Every day of the range, oldest first, zeros included: a quiet day is a bar of nothing, not a missing bar. */
  suspectedClicks: { days: DeliveryDay[]; total: number; byReason: Record<SuspectReason, number> };
};

const zeros = (): Record<SuspectReason, number> => Object.fromEntries(SUSPECT_REASONS.map((r) => [r, 0])) as Record<SuspectReason, number>;
const isReason = (r: string): r is SuspectReason => (SUSPECT_REASONS as readonly string[]).includes(r);

const addDays = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/**
 * The days to show: by default the 30 local days ending today; a lone `from` runs to today
 * (or at most a year on), a lone `to` starts 29 days before it.
 */
export function deliveryRange(q: { from?: string; to?: string }, today: string): { from: string; to: string } {
  if (q.from && q.to) return { from: q.from, to: q.to };
  if (q.from) {
    const yearOn = addDays(q.from, 365);
    return { from: q.from, to: q.from > today ? q.from : today < yearOn ? today : yearOn };
  }
  const to = q.to ?? today;
  return { from: addDays(to, -29), to };
}

/**
 * The email channel's health for administrators: the outbox at a glance
 * and the suspected automated clicks per local day by reason. The clicks never enter a score;
 * this only shows how much scanning there is.
 */
export async function deliveryQuery(db: Db, range: { from: string; to: string }): Promise<Delivery> {
  const [clicks, outbox] = await Promise.all([suspectedClicksPerDay(db, range), outboxStatus(db)]);
  const found = new Map(clicks.map((d) => [d.day, d]));
  const days: DeliveryDay[] = [];
  const byReason = zeros();
  for (let day = range.to; day >= range.from; day = dayBefore(day)) {
    const counts = zeros();
    for (const [reason, n] of Object.entries(found.get(day)?.byReason ?? {})) {
      // A reason this view does not know yet still counts in the total, under no bar of its own.
      if (isReason(reason)) counts[reason] += n;
    }
    for (const r of SUSPECT_REASONS) byReason[r] += counts[r];
    days.push({ day, total: found.get(day)?.count ?? 0, ...counts });
  }
  days.reverse();
  return { ...range, outbox, suspectedClicks: { days, total: days.reduce((a, d) => a + d.total, 0), byReason } };
}
