import { createHmac } from "node:crypto";
import type { Ctx } from "../deps";
import { addToCounters, upsertCounterRows } from "../db/counters";
import type { Db } from "../db/database";
import {
  chainsOf,
  forgetCustomerOf,
  lockCustomerService,
  namedContacts,
  neighbours,
  REPEAT_CONTACT_DAYS,
  setLinks,
  type ContactRow,
} from "../db/queries/repeat-contact";
import { emptyTally, type Tally } from "../domain/measures";
import { localDateMemo, type ReportCalendar } from "../domain/periods";
import { reportCalendar } from "../config";
import { chainLinks, contactCounts, contactDelta, isZero, negateCounts, repeatWindowMs, type ContactCounts } from "../domain/repeat-contact";
import { normaliseEmail, normalisePhone } from "./privacy/subject-hash";
import type { RollupSums } from "./rollup-sums";
import { applyToRollup } from "./rollup";

/*
 * Repeat contact, the writing side: the customer's keyed hash, the links between a customer's
 * contacts about one service (rules in domain/repeat-contact.ts), and their counters in
 * report_rollup and repeat_contact_days, kept in the same write as the links they count.
 * Every change of an interaction's links adds the difference it makes to its own group's
 * counters, so the counters stay what a full recount (rebuildRollup) gives.
 */

export type CustomerIdentity = { key?: string; email?: string; phone?: string };

/**
 * The keyed hash naming a customer: of the CRM's key if given, else of the address, else of
 * the phone number (normalised as for erasure), each kind with its own prefix so that a key can
 * never pass for an address. Null when nothing names them (a withheld number has no digits).
 */
export function customerHashOf(customer: CustomerIdentity | undefined, pepper: string): string | null {
  if (!customer) return null;
  const { key, email, phone } = customer;
  const named = key ? `key:${key}` : email ? `email:${normaliseEmail(email)}` : phone && /\d/.test(phone) ? `phone:${normalisePhone(phone)}` : null;
  return named === null ? null : createHmac("sha256", pepper).update(`customer:${named}`).digest("base64url");
}

/** What a contact's counters are keyed by. */
type ContactKey = Pick<ContactRow, "occurredAt" | "teamId" | "staffId" | "serviceId" | "channel">;

const dayFns = new Map<string, (epochMs: number) => string>();
function dayIn(timeZone: string): (epochMs: number) => string {
  let f = dayFns.get(timeZone);
  if (!f) dayFns.set(timeZone, (f = localDateMemo(timeZone)));
  return f;
}

const tallies = new Map<string, Tally>();
/**
 * A Tally of these counts (and `issued`, for a recount that counts the token in the same
 * addition), made once per distinct value: the recount adds one per contact. Shared: not to be changed.
 */
export function contactTally(c: ContactCounts, issued = 0): Tally {
  const key = `${issued}|${c.knownContacts}|${c.knownRepeated}|${c.knownRequests}`;
  let t = tallies.get(key);
  if (!t) tallies.set(key, (t = Object.freeze({ ...emptyTally(), issued, ...c })));
  return t;
}

const dayKey = (c: ContactKey, day: string) => [day, c.teamId, c.staffId ?? 0, c.serviceId ?? 0, c.channel];
const amounts = (n: ContactCounts) => [n.knownContacts, n.knownRepeated, n.knownRequests];

/** Adds counts to the contact's group in report_rollup and repeat_contact_days, inside the caller's write. */
function addContactCounts(tx: Db, c: ContactKey, counts: ContactCounts, calendar: ReportCalendar): void {
  if (isZero(counts)) return;
  applyToRollup(tx, c, [], contactTally(counts), calendar);
  addToCounters(tx, REPEAT_CONTACT_DAYS, dayKey(c, dayIn(calendar.timeZone)(c.occurredAt)), amounts(counts));
}

async function changeLinks(tx: Db, row: ContactRow, repeatOf: number | null, repeated: number, calendar: ReportCalendar): Promise<void> {
  await setLinks(tx, row.id, repeatOf, repeated);
  addContactCounts(tx, row, contactDelta(row, { ...row, repeatOf, repeated }), calendar);
}

/**
 * Links a contact just stored (no links yet, not yet counted) with the same customer's contacts
 * about the same service, on any channel, and counts it: it repeats the latest one no more than
 * REPEAT_CONTACT_DAYS before it, which is then marked repeated; and when it arrives after a later
 * contact (history, a batch out of order) it becomes the one that later contact repeats.
 * Only its two neighbours can change: every other contact's neighbours stay the same.
 */
export async function linkNewContact(tx: Db, ctx: Ctx, contact: ContactRow): Promise<void> {
  const { customerHash, serviceId } = contact;
  if (customerHash === null || serviceId === null) return;
  const calendar = reportCalendar(ctx.config);
  await lockCustomerService(tx, customerHash, serviceId);
  const { previous, next } = await neighbours(tx, { ...contact, customerHash, serviceId }, repeatWindowMs(ctx.config.REPEAT_CONTACT_DAYS));
  const repeatOf = previous?.id ?? null;
  const repeated = next ? 1 : 0;
  if (repeatOf !== null || repeated) await setLinks(tx, contact.id, repeatOf, repeated);
  addContactCounts(tx, contact, contactCounts({ customerHash, serviceId, repeatOf, repeated }), calendar);
  if (previous && !previous.repeated) await changeLinks(tx, previous, previous.repeatOf, 1, calendar);
  // What `next` repeated before (if anything) lies before this contact, and is now the one
  // this contact repeats; it stays repeated.
  if (next) await changeLinks(tx, next, contact.id, next.repeated, calendar);
}

/**
 * Counts for many contacts at once (the import): report_rollup's through the caller's
 * RollupSums, repeat_contact_days' summed here per day and group and written once.
 */
export class ContactSums {
  private readonly days = new Map<string, (string | number)[]>();
  private readonly dayOf: (epochMs: number) => string;

  constructor(
    private readonly rollup: RollupSums,
    timeZone: string,
  ) {
    this.dayOf = localDateMemo(timeZone);
  }

  add(c: ContactKey, counts: ContactCounts): void {
    if (isZero(counts)) return;
    this.rollup.addToTheme(c.occurredAt, c.teamId, c.staffId ?? 0, c.serviceId ?? 0, c.channel, 0, contactTally(counts));
    this.addDay(c, counts);
  }

  /** repeat_contact_days alone: for a caller that adds the counts to report_rollup itself. */
  addDay(c: ContactKey, counts: ContactCounts): void {
    if (isZero(counts)) return;
    const key = dayKey(c, this.dayOf(c.occurredAt));
    const id = key.join("\u0000");
    const row = this.days.get(id);
    if (!row) this.days.set(id, [...key, ...amounts(counts)]);
    else amounts(counts).forEach((n, i) => ((row[key.length + i] as number) += n));
  }

  /** Adds the per-day sums to repeat_contact_days, in key order; report_rollup is the RollupSums' to write. */
  async writeDays(tx: Db): Promise<number> {
    const width = REPEAT_CONTACT_DAYS.keyColumns.length;
    const ordered = [...this.days.values()].sort((a, b) => {
      for (let i = 0; i < width; i++) if (a[i] !== b[i]) return a[i]! < b[i]! ? -1 : 1;
      return 0;
    });
    await upsertCounterRows(tx, REPEAT_CONTACT_DAYS, ordered);
    return ordered.length;
  }
}

/** Customers relinked per query: their hashes are bound parameters. */
const CUSTOMERS_PER_QUERY = 500;

/**
 * Recomputes the links of every contact of these customers from their chains, after many were
 * stored at once in any order (the import, the demo), and counts what changed: `counted` says
 * whether a contact's present links are in the counters already (those stored before), else
 * its whole counts are added. Returns how many contacts' links changed.
 */
export async function relinkCustomers(
  tx: Db,
  customerHashes: Iterable<string>,
  windowMs: number,
  counted: (id: number) => boolean,
  sums: Pick<ContactSums, "add"> | null,
): Promise<number> {
  const hashes = [...new Set(customerHashes)].sort();
  let changed = 0;
  for (let i = 0; i < hashes.length; i += CUSTOMERS_PER_QUERY) {
    const contacts = await chainsOf(tx, hashes.slice(i, i + CUSTOMERS_PER_QUERY));
    let start = 0;
    for (let end = 1; end <= contacts.length; end++) {
      const first = contacts[start]!;
      const c = contacts[end];
      if (c && c.customerHash === first.customerHash && c.serviceId === first.serviceId) continue;
      const chain = contacts.slice(start, end);
      const links = chainLinks(chain, windowMs);
      for (let j = 0; j < chain.length; j++) {
        const row = chain[j]!;
        const now = { ...row, ...links[j]! };
        if (now.repeatOf !== row.repeatOf || now.repeated !== row.repeated) {
          await setLinks(tx, row.id, now.repeatOf, now.repeated);
          changed++;
        }
        sums?.add(row, counted(row.id) ? contactDelta(row, now) : contactCounts(now));
      }
      start = end;
    }
  }
  return changed;
}

/**
 * Erasure: the interactions among `ids` no longer name their customer. Their links stay (they
 * name nobody), but a contact whose customer is unknown is not one repeat contact counts, so
 * the counts they made are taken back: the observed-FCR figures then read as a recount would.
 */
export async function forgetCustomers(tx: Db, ctx: Ctx, ids: readonly number[]): Promise<void> {
  const found = await namedContacts(tx, ids);
  if (found.length === 0) return;
  // As linkNewContact does, so that a contact registered meanwhile on another server neither
  // changes these links after they are read nor links to them once forgotten.
  const pairs = new Set(found.filter((r) => r.serviceId !== null).map((r) => `${r.serviceId}\u0000${r.customerHash}`));
  for (const pair of [...pairs].sort()) {
    const [serviceId, customerHash] = pair.split("\u0000");
    await lockCustomerService(tx, customerHash!, Number(serviceId));
  }
  const named = pairs.size === 0 ? found : await namedContacts(tx, ids);
  for (const row of named) addContactCounts(tx, row, negateCounts(contactCounts(row)), reportCalendar(ctx.config));
  await forgetCustomerOf(
    tx,
    named.map((r) => r.id),
  );
}
