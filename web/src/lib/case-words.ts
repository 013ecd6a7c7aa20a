import type { CaseEventKind, CaseStatus } from "../../../src/domain/cases";

/**
 * The dashboard's words for a follow-up case's statuses and history (src/domain/cases.ts), shared
 * by every page that shows a case: the follow-up pages, the comments and the quality review.
 */
export const STATUS_LABELS: Record<CaseStatus, string> = { open: "Open", acknowledged: "Acknowledged", responded: "Responded", closed: "Closed" };

export const EVENT_LABELS: Record<CaseEventKind, string> = {
  opened: "Case opened",
  reasons_changed: "Reasons changed",
  acknowledged: "Acknowledged",
  responded: "Response recorded",
  closed: "Closed",
  note: "Note",
  owner_changed: "Owner changed",
  not_a_concern: "Safeguarding: not a concern",
  contact_deleted: "Contact details deleted",
  escalated: "Escalated",
};
