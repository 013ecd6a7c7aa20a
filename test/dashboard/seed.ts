import { asc } from "drizzle-orm";
import { DAY } from "../../src/clock";
import { emailOutbox, interactions, suspectedClicks, targets, themes } from "../../src/db/schema";
import type { Ctx } from "../../src/deps";
import { DEFAULT_THEMES } from "../../src/domain/default-themes";
import { recordResponse } from "../../src/services/record-response";
import { registerInteraction } from "../../src/services/register-interaction";
import { createUser } from "../../src/services/users";
import { seedOrganisation } from "../helpers";

export const PASSWORD = "correct horse battery staple";

const COMMENTS = [
  "Very helpful and friendly staff, thank you",
  "I was told different information each time I called",
  "Waited far too long on hold, very frustrating",
  '=HYPERLINK("http://evil.example") the website was confusing',
  "Quick and easy, the online form worked",
  null,
];

/**
 * A small organisation with themes, targets, three users and a few hundred responses spread
 * over the six months before the clock, with scores that differ by team (so filters change figures).
 */
export async function seedDashboard(ctx: Ctx, opts: { perDay?: number; days?: number } = {}) {
  const org = await seedOrganisation({ ctx });
  const now = ctx.clock.now();
  await ctx.db.write(async (tx) => {
    await tx.insert(themes).values(DEFAULT_THEMES.map((t) => ({ code: t.code, name: t.name, rules: t.rules, createdAt: now })));
    await tx.insert(targets).values([
      { code: "csat-all", measure: "csat", value: 80, createdAt: now },
      { code: "fcr-all", measure: "fcr", value: 60, createdAt: now },
      { code: "csi-all", measure: "csi_index", value: 70, createdAt: now },
    ]);
  });
  await createUser(ctx, { email: "admin@council.example", role: "admin", password: PASSWORD });
  await createUser(ctx, { email: "director@council.example", role: "director", password: PASSWORD });
  await createUser(ctx, { email: "manager@council.example", role: "manager", team: "CONTACT", password: PASSWORD });
  const teams = [
    { team: "CONTACT", staff: "alice", bias: 1 },
    { team: "BENEFITS", staff: undefined, bias: 0 },
    { team: "WASTE", staff: "bob", bias: -1 },
  ];
  const channels = ["phone", "email", "web_chat"] as const;
  const days = opts.days ?? 180;
  const perDay = opts.perDay ?? 3;
  let i = 0;
  for (let d = days; d >= 1; d--) {
    for (let k = 0; k < perDay; k++) {
      const t = teams[i % teams.length]!;
      const occurredAt = now - d * DAY + k * 3_600_000;
      const r = await registerInteraction(
        ctx,
        { channel: channels[i % 3]!, team: t.team, staff: t.staff, service: i % 2 ? "council-tax" : "bins", occurredAt, language: "en" },
        "demo",
      );
      // Not every token gets an answer: a response rate below 100%.
      if (i % 5 !== 4) {
        const base = 3 + t.bias + (Math.floor(i / 3) % 4) - 1;
        const csat = Math.min(5, Math.max(1, base));
        await recordResponse(ctx, {
          interactionId: r.id,
          csat,
          ces: Math.min(7, Math.max(1, csat + 2)),
          csi: Math.min(5, Math.max(1, csat - ((i * 3) % 2))),
          fcr: csat >= 4 ? "yes" : csat === 3 ? "partly" : "no",
          comment: COMMENTS[i % COMMENTS.length] ?? null,
          language: "en",
          confirmedVia: "demo",
        });
      }
      i++;
    }
  }
  return org;
}

/** One more answered contact with a low score (CSAT 1), a day before the clock, for follow-up tests. */
export async function addLowScore(ctx: Ctx, team: string, externalRef: string, comment = "Nobody called me back about my missed bin collection") {
  const r = await registerInteraction(ctx, { channel: "phone", team, service: "bins", occurredAt: ctx.clock.now() - DAY, language: "en", externalRef }, "demo");
  await recordResponse(ctx, { interactionId: r.id, csat: 1, ces: 2, csi: 1, fcr: "no", comment, language: "en", confirmedVia: "demo" });
  return r.id;
}

/**
 * An email outbox with 2 waiting, 3 sent and 1 failed (its reason masked as the worker stores it),
 * and 9 suspected automated clicks: 5 by a mail scanner and 1 HEAD today, 3 "several faces" 3 days ago.
 */
export async function seedDelivery(ctx: Ctx) {
  const now = ctx.clock.now();
  const ids = (await ctx.db.read.select({ id: interactions.id }).from(interactions).orderBy(asc(interactions.id)).limit(6)).map((r) => r.id);
  const row = (i: number, status: string, lastError: string | null = null) => ({
    kind: "invitation",
    interactionId: ids[i]!,
    status,
    dueAt: now,
    attempts: status === "pending" ? 0 : 1,
    lastError,
    createdAt: now - DAY,
  });
  const outbox = [
    row(0, "pending"),
    row(1, "pending"),
    row(2, "sent"),
    row(3, "sent"),
    row(4, "sent"),
    row(5, "failed", "EENVELOPE 550: Recipient <address> rejected: mailbox unavailable"),
  ];
  const today = new Date(now).toISOString().slice(0, 10);
  const threeDaysAgo = new Date(now - 3 * DAY).toISOString().slice(0, 10);
  const clicks = (day: string, reason: string, n: number) => Array.from({ length: n }, () => ({ day, reason, createdAt: now }));
  await ctx.db.write(async (tx) => {
    await tx.insert(emailOutbox).values(outbox);
    await tx
      .insert(suspectedClicks)
      .values([...clicks(today, "mail_scanner", 5), ...clicks(today, "head_request", 1), ...clicks(threeDaysAgo, "several_faces", 3)]);
  });
}
