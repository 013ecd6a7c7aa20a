import { CASE_RULES, type CaseEventKind, type CaseReason, type CaseRule, type CaseStatus } from "../../../../src/domain/cases";
import { formatDay } from "../../lib/format";

/*
 * How a case reads on screen: pure, so the wording is tested without a browser
 * (test/dashboard/follow-up-browser.test.ts).
 */
type Scores = { csat: number | null; csi: number | null };

/** One reason in words: "CSAT 1", "Not resolved (CSAT 3)", "Safeguarding: ‘ending my life’". */
export function reasonText(reason: { rule: CaseRule; words: readonly string[] }, c: Scores): string {
  switch (reason.rule) {
    case "low_csat":
      return c.csat === null ? "Low CSAT" : `CSAT ${c.csat}`;
    case "low_csi":
      return c.csi === null ? "Low CSI" : `CSI ${c.csi}`;
    case "not_resolved":
      return c.csat === null ? "Not resolved" : `Not resolved (CSAT ${c.csat})`;
    case "contact_requested":
      return "Asked to be contacted";
    case "safeguarding":
      return reason.words.length === 0 ? "Safeguarding" : `Safeguarding: ${reason.words.map((w) => `‘${w}’`).join(", ")}`;
  }
}

/**
 * What is due next, in words that never rely on colour: "Acknowledge by 10 Dec", "Overdue
 * since 3 Dec" (the day it was due), or nothing left to do.
 */
export function dueText(c: { status: CaseStatus; nextDue: string | null; overdue: boolean }): { text: string; step: string | null; overdue: boolean } {
  const step = c.status === "open" ? "acknowledge" : c.status === "acknowledged" ? "respond" : null;
  if (c.nextDue === null || step === null) return { text: c.status === "closed" ? "Closed" : "No date: close when done", step: null, overdue: false };
  if (c.overdue) return { text: `Overdue since ${formatDay(c.nextDue)}`, step: step === "acknowledge" ? "to acknowledge" : "to respond", overdue: true };
  return { text: `${step === "acknowledge" ? "Acknowledge" : "Respond"} by ${formatDay(c.nextDue)}`, step: null, overdue: false };
}

/** The text in pieces, the matched words (any case) marked, for <mark>. */
export function highlight(text: string, words: readonly string[]): { text: string; match: boolean }[] {
  const wanted = words.filter((w) => w.trim() !== "");
  if (wanted.length === 0) return [{ text, match: false }];
  // Longest first, so "ending my life" wins over "life".
  const pattern = [...wanted].sort((a, b) => b.length - a.length).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  return text
    .split(new RegExp(`(${pattern.join("|")})`, "giu"))
    .filter((part) => part !== "")
    .map((part) => ({ text: part, match: wanted.some((w) => w.toLocaleLowerCase() === part.toLocaleLowerCase()) }));
}

const isReasons = (v: unknown): v is CaseReason[] =>
  Array.isArray(v) &&
  v.every(
    (r: unknown) => typeof r === "object" && r !== null && "rule" in r && CASE_RULES.some((rule) => rule === r.rule) && "words" in r && Array.isArray(r.words),
  );

/**
 * What a history entry's detail tells the reader, in words: the owner it was given to, the new
 * reasons, whose deadline passed. `who` names a user by id. Unknown shapes say nothing.
 */
export function eventDetailText(kind: CaseEventKind, detail: Record<string, unknown> | null, who: (id: number) => string): string | null {
  const d = detail ?? {};
  const person = (v: unknown) => (v === null ? "nobody" : typeof v === "number" ? who(v) : null);
  const parts: string[] = [];
  if (kind === "opened" && typeof d.ownerId === "number") parts.push(`Given to ${who(d.ownerId)}.`);
  if (kind === "owner_changed" && person(d.to) !== null) parts.push(`Now ${person(d.to)}${typeof d.from === "number" ? `, was ${who(d.from)}` : ""}.`);
  if (kind === "reasons_changed" && isReasons(d.after)) {
    // The scores may have changed since: the reasons are named without them.
    const noScores = { csat: null, csi: null };
    parts.push(d.after.length === 0 ? "It no longer meets any rule." : `Now: ${d.after.map((r) => reasonText(r, noScores)).join("; ")}.`);
  }
  if (kind === "escalated" && (d.step === "acknowledge" || d.step === "respond")) {
    const n = Array.isArray(d.directors) ? d.directors.length : 0;
    parts.push(`The date to ${d.step} had passed; ${n === 1 ? "the department's director was" : "the department's directors were"} told.`);
  }
  if (kind === "contact_deleted" && d.why === "closed") parts.push("Deleted when the case closed, as the customer was told.");
  if (typeof d.apiKey === "string") parts.push(`Through the API key “${d.apiKey}”.`);
  return parts.length > 0 ? parts.join(" ") : null;
}
