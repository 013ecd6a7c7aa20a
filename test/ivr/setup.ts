import { eq } from "drizzle-orm";
import type { Config } from "../../src/config";
import type { Db } from "../../src/db/client";
import { interactions, ivrCalls, ivrEvents, reportRollup, responses } from "../../src/db/schema";
import { createTestApp, seedOrganisation } from "../helpers";
import { AUTH_TOKEN } from "./caller";

export const BASE = "http://localhost:3000";
export const VOICE = `${BASE}/ivr/twilio/voice`;

export function phoneSurveyApp(overrides: Partial<Config> = {}) {
  const t = createTestApp({ TWILIO_AUTH_TOKEN: AUTH_TOKEN, ...overrides });
  const org = seedOrganisation(t);
  return { ...t, org };
}

export function interactionOf(db: Db, callSid: string) {
  return db.select().from(interactions).where(eq(interactions.externalRef, callSid)).get();
}

export function responseOf(db: Db, callSid: string) {
  return db
    .select({ r: responses })
    .from(responses)
    .innerJoin(interactions, eq(interactions.id, responses.interactionId))
    .where(eq(interactions.externalRef, callSid))
    .get()?.r;
}

export function callOf(db: Db, callSid: string) {
  return db.select().from(ivrCalls).where(eq(ivrCalls.callSid, callSid)).get();
}

export function eventsOf(db: Db, callSid: string) {
  return db.select().from(ivrEvents).where(eq(ivrEvents.callSid, callSid)).all();
}

/** The all-responses rows of the report counters: each must count the call exactly once. */
export function rollupTotals(db: Db) {
  return db.select().from(reportRollup).where(eq(reportRollup.themeId, 0)).all();
}
