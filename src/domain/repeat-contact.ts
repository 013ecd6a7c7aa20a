/**
 * Repeat contact, as pure rules (README, "Repeat contact"; the measures "observed FCR" and
 * "avoidable contact (NI 14)" are worked out from these counters in measures.ts).
 *
 * A customer's contacts about one service, in time order, form chains: a contact repeats the
 * one before it when it came at most the repeat window later. So a contact's links depend only
 * on its neighbours: `repeatOf` is the previous contact if within the window, and `repeated` is
 * 1 when the next one is. Contacts are ordered by time, then by id (two at the same
 * millisecond: the one registered first is the earlier).
 */
import { DAY } from "../clock";
import type { Tally } from "./measures";
import { localDate } from "./periods";

export type ContactCounts = Pick<Tally, "knownContacts" | "knownRepeated" | "knownRequests">;
export const CONTACT_COUNT_FIELDS = ["knownContacts", "knownRepeated", "knownRequests"] as const satisfies readonly (keyof ContactCounts)[];

/** An interaction's part in repeat contact: who (keyed hash) and what about, and its links. */
export type ContactState = { customerHash: string | null; serviceId: number | null; repeatOf: number | null; repeated: number };

export const NO_CONTACT_COUNTS: ContactCounts = { knownContacts: 0, knownRepeated: 0, knownRequests: 0 };

/**
 * What one interaction adds to the counters. Only contacts by a known customer about a named
 * service can be judged: without a service, a later contact cannot be said to be about the same
 * thing, so such contacts are left out of both figures rather than counted as resolved.
 */
export function contactCounts(c: ContactState): ContactCounts {
  if (c.customerHash === null || c.serviceId === null) return NO_CONTACT_COUNTS;
  return { knownContacts: 1, knownRepeated: c.repeated ? 1 : 0, knownRequests: c.repeatOf === null ? 1 : 0 };
}

/** The change to the counters when an interaction goes from `before` to `after`. 0 - 0 stays +0. */
export function contactDelta(before: ContactState, after: ContactState): ContactCounts {
  const a = contactCounts(before);
  const b = contactCounts(after);
  return {
    knownContacts: b.knownContacts - a.knownContacts,
    knownRepeated: b.knownRepeated - a.knownRepeated,
    knownRequests: b.knownRequests - a.knownRequests,
  };
}

export function isZero(c: ContactCounts): boolean {
  return c.knownContacts === 0 && c.knownRepeated === 0 && c.knownRequests === 0;
}

export function negateCounts(c: ContactCounts): ContactCounts {
  return { knownContacts: 0 - c.knownContacts, knownRepeated: 0 - c.knownRepeated, knownRequests: 0 - c.knownRequests };
}

export function repeatWindowMs(days: number): number {
  return days * DAY;
}

/**
 * Whether a contact at `laterAt` repeats one at `earlierAt` (the later of the two in contact
 * order): at most the window after it, the window's last millisecond included.
 */
export function withinRepeatWindow(earlierAt: number, laterAt: number, windowMs: number): boolean {
  return laterAt - earlierAt <= windowMs;
}

export type ChainContact = { id: number; occurredAt: number };
export type Links = { repeatOf: number | null; repeated: number };

/** Contact order: by time, then by id. */
export function compareContacts(a: ChainContact, b: ChainContact): number {
  return a.occurredAt - b.occurredAt || a.id - b.id;
}

/** The links of one customer's contacts about one service, given in contact order. */
export function chainLinks(contacts: readonly ChainContact[], windowMs: number): Links[] {
  return contacts.map((c, i) => {
    const before = contacts[i - 1];
    const after = contacts[i + 1];
    return {
      repeatOf: before && withinRepeatWindow(before.occurredAt, c.occurredAt, windowMs) ? before.id : null,
      repeated: after && withinRepeatWindow(c.occurredAt, after.occurredAt, windowMs) ? 1 : 0,
    };
  });
}

/**
 * Which contacts the reports can judge today. A contact can be repeated until the window after
 * it closes, so the reports count a day's contacts from the day after the window of its last
 * millisecond: with a 7-day window, Monday's contacts from the Tuesday after next. Whole days,
 * so a figure does not change through the day as contacts come of age.
 */
export type RepeatJudging = { today: string; days: number };

export function repeatJudging(now: number, timeZone: string, days: number): RepeatJudging {
  return { today: localDate(now, timeZone), days };
}

/** The first local date whose contacts are too recent to judge on `judging.today`. */
export function firstUnjudgedDay(judging: RepeatJudging): string {
  const t = Date.parse(`${judging.today}T00:00:00Z`) - judging.days * DAY;
  return new Date(t).toISOString().slice(0, 10);
}
