/**
 * Follow-up cases: the vocabulary and the rules a response is held to. Pure: the services
 * store what these functions decide.
 */
import type { Fcr } from "./measures";

export const CASE_STATUSES = ["open", "acknowledged", "responded", "closed"] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const CASE_PRIORITIES = ["urgent", "normal"] as const;
export type CasePriority = (typeof CASE_PRIORITIES)[number];

/** The steps staff take, each moving a case on to the status of the same name. */
export const CASE_STEPS = ["acknowledge", "respond", "close"] as const;
export type CaseStep = (typeof CASE_STEPS)[number];

const STEP_STATUS: Record<CaseStep, Exclude<CaseStatus, "open">> = { acknowledge: "acknowledged", respond: "responded", close: "closed" };
/** The statuses each step may be taken from. Closing is allowed at any point: a duplicate, a customer who withdrew. */
const STEP_FROM: Record<CaseStep, readonly CaseStatus[]> = {
  acknowledge: ["open"],
  respond: ["open", "acknowledged"],
  close: ["open", "acknowledged", "responded"],
};

export function statusAfter(step: CaseStep): Exclude<CaseStatus, "open"> {
  return STEP_STATUS[step];
}

/** Why a step cannot be taken from `status`, or null when it can. */
export function stepRefusal(step: CaseStep, status: CaseStatus): string | null {
  if (STEP_FROM[step].includes(status)) return null;
  if (status === "closed") return "This case is closed.";
  return `A case that is ${status} cannot be ${STEP_STATUS[step]} again.`;
}

/** Why a case was opened: a rule of the organisation's, or a safeguarding match. */
export const CASE_RULES = ["low_csat", "low_csi", "not_resolved", "contact_requested", "safeguarding"] as const;
export type CaseRule = (typeof CASE_RULES)[number];

export type CaseReason = { rule: CaseRule; words: string[] };

/** Which answers open a case. A null threshold turns its rule off. */
export type CaseRules = {
  /** CSAT at or below this opens a case (default 2). */
  csatAtMost: number | null;
  /** CSI at or below this opens a case (default 2). */
  csiAtMost: number | null;
  /** FCR "no" together with CSAT at or below this (default 3). */
  notResolvedCsatAtMost: number | null;
  /** A customer asking to be contacted opens a case. */
  onContactRequest: boolean;
};

export const DEFAULT_CASE_RULES: CaseRules = { csatAtMost: 2, csiAtMost: 2, notResolvedCsatAtMost: 3, onContactRequest: true };

export type CaseEvidence = {
  csat: number | null;
  csi: number | null;
  fcr: Fcr | null;
  contactRequested: boolean;
  /** Safeguarding matches in the comment or the contact request, by rule. */
  safeguarding: readonly { category: string; words: readonly string[] }[];
};

/** The reasons a response meets the rules for a case; empty when it does not. */
export function caseReasons(rules: CaseRules, e: CaseEvidence): CaseReason[] {
  const reasons: CaseReason[] = [];
  if (e.safeguarding.length > 0) {
    reasons.push({ rule: "safeguarding", words: [...new Set(e.safeguarding.flatMap((m) => m.words))] });
  }
  if (rules.csatAtMost !== null && e.csat !== null && e.csat <= rules.csatAtMost) reasons.push({ rule: "low_csat", words: [] });
  if (rules.csiAtMost !== null && e.csi !== null && e.csi <= rules.csiAtMost) reasons.push({ rule: "low_csi", words: [] });
  if (rules.notResolvedCsatAtMost !== null && e.fcr === "no" && e.csat !== null && e.csat <= rules.notResolvedCsatAtMost) {
    reasons.push({ rule: "not_resolved", words: [] });
  }
  if (rules.onContactRequest && e.contactRequested) reasons.push({ rule: "contact_requested", words: [] });
  return reasons;
}

export function priorityOf(reasons: readonly CaseReason[]): CasePriority {
  return reasons.some((r) => r.rule === "safeguarding") ? "urgent" : "normal";
}

/** What a case's history records. */
export const CASE_EVENT_KINDS = [
  "opened",
  "reasons_changed",
  "acknowledged",
  "responded",
  "closed",
  "note",
  "owner_changed",
  "not_a_concern",
  "contact_deleted",
  "escalated",
] as const;
export type CaseEventKind = (typeof CASE_EVENT_KINDS)[number];
