import { and, asc, desc, eq, gt, gte, inArray, isNotNull, lt, lte, ne, or, sql, type SQL } from "drizzle-orm";
import type { CounterTable } from "../counters";
import type { Db } from "../database";
import { interactions } from "../schema";
import { dialectOf, exec, prepared, rows } from "../sql";
import { CONTACT_COUNT_FIELDS, type ContactCounts } from "../../domain/repeat-contact";
import { allOf } from "./group-where";

/*
 * The data side of repeat contact (domain/repeat-contact.ts has the rules): a customer's
 * neighbouring contacts, their chains, and the per-day counters the reports use to leave out
 * contacts too recent to judge.
 */

/** repeat_contact_days as counters: its primary key, then the counts in CONTACT_COUNT_FIELDS order. */
export const REPEAT_CONTACT_DAYS: CounterTable = {
  table: "repeat_contact_days",
  keyColumns: ["day", "team_id", "staff_id", "service_id", "channel"],
  amountColumns: ["known_contacts", "known_repeated", "known_requests"],
};

/** What a contact's counters are keyed by, and its links. */
export type ContactRow = {
  id: number;
  occurredAt: number;
  teamId: number;
  staffId: number | null;
  serviceId: number | null;
  channel: string;
  customerHash: string | null;
  repeatOf: number | null;
  repeated: number;
};

const contactColumns = {
  id: interactions.id,
  occurredAt: interactions.occurredAt,
  teamId: interactions.teamId,
  staffId: interactions.staffId,
  serviceId: interactions.serviceId,
  channel: interactions.channel,
  customerHash: interactions.customerHash,
  repeatOf: interactions.repeatOf,
  repeated: interactions.repeated,
};

/**
 * On PostgreSQL, makes every other write linking a contact of this customer about this service
 * wait until this one commits: two contacts of one customer registered at once on two servers
 * would otherwise each miss the other (neither sees the other's uncommitted row). A transaction
 * advisory lock on a hash of the pair, so unrelated customers never wait. Two batches taking the
 * same customers in opposite orders can deadlock; PostgreSQL then aborts one and write() runs
 * it again. SQLite writes one at a time already.
 */
export async function lockCustomerService(tx: Db, customerHash: string, serviceId: number): Promise<void> {
  if (dialectOf(tx) !== "postgres") return;
  await exec(tx, sql`select pg_advisory_xact_lock(hashtextextended(${`repeat-contact:${serviceId}:${customerHash}`}, 0))`);
}

// Both use the partial index interactions_customer (customer_hash, occurred_at): a customer has
// a handful of contacts, so the service is checked on the rows the index finds.
const sameCustomer = () =>
  and(
    eq(interactions.customerHash, sql.placeholder("customerHash")),
    eq(interactions.serviceId, sql.placeholder("serviceId")),
    ne(interactions.id, sql.placeholder("id")),
  );

/** The latest contact before this one (contact order: time, then id) no further back than `from`. */
const previousContact = prepared("repeat_contact_previous", (db) =>
  db
    .select(contactColumns)
    .from(interactions)
    .where(
      and(
        sameCustomer(),
        gte(interactions.occurredAt, sql.placeholder("from")),
        lte(interactions.occurredAt, sql.placeholder("at")),
        or(lt(interactions.occurredAt, sql.placeholder("at")), lt(interactions.id, sql.placeholder("id"))),
      ),
    )
    .orderBy(desc(interactions.occurredAt), desc(interactions.id))
    .limit(1),
);

/** The earliest contact after this one no later than `to`. */
const nextContact = prepared("repeat_contact_next", (db) =>
  db
    .select(contactColumns)
    .from(interactions)
    .where(
      and(
        sameCustomer(),
        gte(interactions.occurredAt, sql.placeholder("at")),
        lte(interactions.occurredAt, sql.placeholder("to")),
        or(gt(interactions.occurredAt, sql.placeholder("at")), gt(interactions.id, sql.placeholder("id"))),
      ),
    )
    .orderBy(asc(interactions.occurredAt), asc(interactions.id))
    .limit(1),
);

export type Neighbours = { previous: ContactRow | undefined; next: ContactRow | undefined };

/** A contact's neighbours within the window either side, of the same customer and service. */
export async function neighbours(
  tx: Db,
  c: { id: number; occurredAt: number; customerHash: string; serviceId: number },
  windowMs: number,
): Promise<Neighbours> {
  const p = { id: c.id, customerHash: c.customerHash, serviceId: c.serviceId, at: c.occurredAt };
  const [previous] = await previousContact(tx, { ...p, from: c.occurredAt - windowMs });
  const [next] = await nextContact(tx, { ...p, to: c.occurredAt + windowMs });
  return { previous, next };
}

const updateLinks = prepared("repeat_contact_update_links", (db) =>
  db
    .update(interactions)
    .set({ repeatOf: sql`${sql.placeholder("repeatOf")}`, repeated: sql`${sql.placeholder("repeated")}` })
    .where(eq(interactions.id, sql.placeholder("id"))),
);

export async function setLinks(tx: Db, id: number, repeatOf: number | null, repeated: number): Promise<void> {
  await updateLinks(tx, { id, repeatOf, repeated });
}

/**
 * Every contact about a named service of these customers, in chain order (customer, service,
 * then contact order), for relinking them all at once (the import, the demo).
 */
export function chainsOf(tx: Db, customerHashes: readonly string[]): Promise<ContactRow[]> {
  return tx
    .select(contactColumns)
    .from(interactions)
    .where(and(inArray(interactions.customerHash, [...customerHashes]), isNotNull(interactions.serviceId)))
    .orderBy(asc(interactions.customerHash), asc(interactions.serviceId), asc(interactions.occurredAt), asc(interactions.id));
}

/** The interactions among `ids` that name a customer (erasure forgets them). */
export function namedContacts(tx: Db, ids: readonly number[]): Promise<ContactRow[]> {
  return tx
    .select(contactColumns)
    .from(interactions)
    .where(and(inArray(interactions.id, [...ids]), isNotNull(interactions.customerHash)))
    .orderBy(asc(interactions.id));
}

/** Interactions whose customer is one of these keyed hashes (erasure by email, phone or key). */
export async function idsOfCustomers(tx: Db, customerHashes: readonly string[]): Promise<number[]> {
  if (customerHashes.length === 0) return [];
  const found = await tx
    .select({ id: interactions.id })
    .from(interactions)
    .where(inArray(interactions.customerHash, [...customerHashes]));
  return found.map((r) => r.id);
}

/** The customers (keyed hashes) these interactions name. */
export async function customerHashesOf(tx: Db, ids: readonly number[]): Promise<string[]> {
  const hashes = new Set<string>();
  for (let i = 0; i < ids.length; i += 500) {
    const found = await tx
      .selectDistinct({ hash: interactions.customerHash })
      .from(interactions)
      .where(and(inArray(interactions.id, ids.slice(i, i + 500)), isNotNull(interactions.customerHash)));
    for (const r of found) if (r.hash !== null) hashes.add(r.hash);
  }
  return [...hashes];
}

export async function forgetCustomerOf(tx: Db, ids: readonly number[]): Promise<void> {
  await tx
    .update(interactions)
    .set({ customerHash: null })
    .where(inArray(interactions.id, [...ids]));
}

export type UnjudgedRow = { key: number | string; day: string } & ContactCounts;

/**
 * The repeat-contact counts of the days from `fromDay` on, per group key and day: what the
 * reports take out of report_rollup's counters because those contacts cannot be judged yet.
 * `key` and `where` are the summary's, over this table aliased `r` (joined to `teams t` when
 * `needsTeams`); a handful of days per group, read from the table's primary key.
 */
export function unjudgedContacts(db: Db, q: { key: SQL; where: readonly SQL[]; needsTeams: boolean; fromDay: string }): Promise<UnjudgedRow[]> {
  const sums = sql.raw(CONTACT_COUNT_FIELDS.map((f, i) => `sum(r.${REPEAT_CONTACT_DAYS.amountColumns[i]}) as "${f}"`).join(", "));
  return rows<UnjudgedRow>(
    db,
    sql`select ${q.key} as "key", r.day as "day", ${sums}
      from repeat_contact_days r ${q.needsTeams ? sql`join teams t on t.id = r.team_id` : sql``}
      where ${allOf([sql`r.day >= ${q.fromDay}`, ...q.where])}
      group by ${q.key}, r.day`,
  );
}
