import { MINUTE } from "../../src/clock";
import { smtpTransport } from "../../src/mail/nodemailer-transport";
import { createOutboxWorker } from "../../src/services/mail/outbox-worker";
import { createTestApp, seedOrganisation } from "../helpers";
import type { SmtpFixture } from "./smtp-server";

/** The app, the organisation, and an outbox worker sending through the loopback SMTP server. */
export function mailSetup(smtp: SmtpFixture, start = "2026-03-02T09:00:00Z") {
  const t = createTestApp({ SMTP_URL: smtp.url, ORG_NAME: "Northshire County Council" }, start);
  const org = seedOrganisation(t);
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
  return { ...t, org, worker, register, after, MINUTE };
}

export function links(text: string): string[] {
  return [...text.matchAll(/https?:\/\/[^\s"<>]+/g)].map((m) => m[0].replace(/&amp;/g, "&"));
}
