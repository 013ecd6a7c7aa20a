import { asc, count, eq } from "drizzle-orm";
import type { Config } from "../../src/config";
import type { Db } from "../../src/db/client";
import { interactions, ivrCalls, ivrEvents, reportRollup, responses } from "../../src/db/schema";
import { createTestApp, seedOrganisation } from "../helpers";
import { AUTH_TOKEN } from "./caller";

export const BASE = "http://localhost:3000";
export const VOICE = `${BASE}/ivr/twilio/voice`;

export async function phoneSurveyApp(overrides: Partial<Config> = {}) {
  const t = await createTestApp({ TWILIO_AUTH_TOKEN: AUTH_TOKEN, ...overrides });
  const org = await seedOrganisation(t);
  return { ...t, org };
}

export async function interactionOf(db: Db, callSid: string) {
  return (await db.select().from(interactions).where(eq(interactions.externalRef, callSid)))[0];
}

export async function responseOf(db: Db, callSid: string) {
  const [row] = await db
    .select({ r: responses })
    .from(responses)
    .innerJoin(interactions, eq(interactions.id, responses.interactionId))
    .where(eq(interactions.externalRef, callSid));
  return row?.r;
}

export async function callOf(db: Db, callSid: string) {
  return (await db.select().from(ivrCalls).where(eq(ivrCalls.callSid, callSid)))[0];
}

export async function eventsOf(db: Db, callSid: string) {
  return db.select().from(ivrEvents).where(eq(ivrEvents.callSid, callSid)).orderBy(asc(ivrEvents.createdAt), asc(ivrEvents.turn));
}

/** The all-responses rows of the report counters: each must count the call exactly once. */
export async function rollupTotals(db: Db) {
  return db.select().from(reportRollup).where(eq(reportRollup.themeId, 0));
}

export async function rowCount(db: Db, table: typeof interactions | typeof responses | typeof ivrCalls | typeof ivrEvents) {
  return (await db.select({ n: count() }).from(table))[0]!.n;
}
