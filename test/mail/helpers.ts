import { asc, eq } from "drizzle-orm";
import { MINUTE } from "../../src/clock";
import { customerContacts, emailAddressState, emailOutbox, responses } from "../../src/db/schema";
import { smtpTransport } from "../../src/mail/nodemailer-transport";
import { createOutboxWorker } from "../../src/workers/outbox-worker";
import { createTestApp, seedOrganisation } from "../helpers";
import type { SmtpFixture } from "./smtp-server";

/** The app, the organisation, and an outbox worker sending through the loopback SMTP server. */
export async function mailSetup(smtp: SmtpFixture, start = "2026-03-02T09:00:00Z") {
  const t = await createTestApp({ SMTP_URL: smtp.url, ORG_NAME: "Northshire County Council" }, start);
  const org = await seedOrganisation(t);
  const worker = createOutboxWorker(t.ctx, smtpTransport(smtp.url, "Customer Feedback <feedback@council.example>"));
  const register = (email: string | undefined, extra: Record<string, unknown> = {}) =>
    t.api("POST", "/interactions", {
      channel: "phone",
      team: "CONTACT",
      staff: "alice",
      occurredAt: new Date(t.clock.now()).toISOString(),
      ...(email ? { customer: { email, mayContact: true } } : {}),
      ...extra,
    });
  /** Moves the clock on and runs one outbox pass. */
  const after = async (ms: number) => {
    t.clock.advance(ms);
    return worker.processDue();
  };
  // What the tables hold, in the order the rows were made.
  const db = t.db.read;
  const outbox = (kind?: "invitation" | "reminder") =>
    db
      .select()
      .from(emailOutbox)
      .where(kind ? eq(emailOutbox.kind, kind) : undefined)
      .orderBy(asc(emailOutbox.id));
  const contacts = () => db.select().from(customerContacts).orderBy(asc(customerContacts.interactionId));
  const addressStates = () => db.select().from(emailAddressState).orderBy(asc(emailAddressState.addressHash));
  const answers = () => db.select().from(responses).orderBy(asc(responses.id));
  return { ...t, org, worker, register, after, outbox, contacts, addressStates, answers, MINUTE };
}

export function links(text: string): string[] {
  return [...text.matchAll(/https?:\/\/[^\s"<>]+/g)].map((m) => m[0].replace(/&amp;/g, "&"));
}
