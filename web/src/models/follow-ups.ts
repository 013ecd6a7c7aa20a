import { signal } from "@preact/signals";
import { api, ok } from "../api";
import { FOLLOW_UP_STATUSES, followUps, me } from "./app";

export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];

export const STATUS_LABELS: Record<FollowUpStatus, string> = { open: "Open", contacted: "Contacted", resolved: "Resolved" };

/** The last save per response, announced next to its form. */
export const saved = signal<Record<number, string>>({});

/**
 * Saves a follow-up and updates the list in place (status, note, counts) rather than fetching it
 * again: in the "Open" view a refetch would whisk the item away from under the manager's hand,
 * taking its confirmation and their focus with it. Throws ApiError on refusal.
 */
export async function saveFollowUp(responseId: number, status: FollowUpStatus, note: string): Promise<void> {
  const result = await ok(api["follow-ups"][":response"].$put({ param: { response: String(responseId) }, json: { status, note } }));
  const d = followUps.data.value;
  if (d) {
    const before = d.items.find((i) => i.id === responseId);
    const counts = { ...d.counts };
    if (before) {
      counts[before.status] -= 1;
      counts[status] += 1;
    }
    followUps.data.value = {
      ...d,
      counts,
      items: d.items.map((i) => (i.id === responseId ? { ...i, status, note: result.note, updatedAt: result.updatedAt, updatedBy: me.value?.email ?? null } : i)),
    };
  }
  saved.value = { ...saved.value, [responseId]: `Saved: ${STATUS_LABELS[status].toLowerCase()}.` };
}

export function isFollowUpStatus(v: string): v is FollowUpStatus {
  return (FOLLOW_UP_STATUSES as readonly string[]).includes(v);
}
