import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, test } from "vitest";
import { eq } from "drizzle-orm";
import { openDatabase } from "../../src/db/client";
import { followUpCases, staffMail } from "../../src/db/schema";
import { startSmtp } from "../mail/smtp-server";
import { prepareDataDir, startServer, type ServerProcess } from "./server-process";

/*
 * A customer's answer that raises a safeguarding concern is acknowledged (the thank-you page),
 * and the server is killed before it could send the alert: the mail server was down. After a
 * restart the case is there and the alert goes, because the alert was queued in the answer's
 * own transaction.
 */

const dataDir = mkdtempSync(join(tmpdir(), "soak-safeguarding-"));
const servers: ServerProcess[] = [];

afterAll(async () => {
  for (const s of servers) s.kill("SIGKILL");
  await Promise.all(servers.map((s) => s.exited));
  rmSync(dataDir, { recursive: true, force: true });
});

test("a safeguarding alert survives SIGKILL between the acknowledged answer and the email", async () => {
  const key = await prepareDataDir(dataDir);
  const smtp = await startSmtp();
  const smtpUrl = smtp.url;
  // The mail server is down while the answer is given.
  await smtp.stop();
  const env = { SMTP_URL: smtpUrl, SAFEGUARDING_EMAIL: "safeguarding@council.example", OUTBOX_POLL_SECONDS: "1" };
  // The first server's outbox polls once at start, before the answer, and not again before the kill.
  const first = await startServer(dataDir, { ...env, OUTBOX_POLL_SECONDS: "3600" });
  servers.push(first);
  const api = (path: string, body: unknown) =>
    fetch(`${first.base}/api/v1${path}`, {
      method: "POST",
      headers: { Authorization: `Bearer ${key}`, "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
  expect((await api("/departments", { code: "ENV", name: "Environment" })).status).toBe(201);
  expect((await api("/teams", { code: "WASTE", name: "Waste Services", department: "ENV" })).status).toBe(201);
  const registered = await api("/interactions", { channel: "phone", team: "WASTE", occurredAt: new Date().toISOString() });
  expect(registered.status).toBe(201);
  const { surveyUrl } = (await registered.json()) as { surveyUrl: string };
  const path = new URL(surveyUrl).pathname;
  // The page first, for the form's CSRF token, as a browser would.
  const csrf = /name="_csrf"[^>]*value="([^"]+)"|value="([^"]+)"[^>]*name="_csrf"/.exec(await (await fetch(`${first.base}${path}`)).text());
  const answered = await fetch(`${first.base}${path}`, {
    method: "POST",
    body: new URLSearchParams({ csat: "3", comment: "I can't cope anymore and I have thought about ending my life", _csrf: csrf?.[1] ?? csrf?.[2] ?? "" }),
    redirect: "manual",
  });
  expect(answered.status).toBe(303);
  first.kill("SIGKILL");
  expect((await first.exited).signal).toBe("SIGKILL");

  // Back up, with the mail server up again on the same port.
  const restarted = await startSmtp({ port: Number(new URL(smtpUrl).port) });
  const second = await startServer(dataDir, env);
  servers.push(second);
  const deadline = Date.now() + 30_000;
  while (restarted.received.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
  expect(restarted.received).toHaveLength(1);
  expect(restarted.received[0]!.rcpt).toEqual(["safeguarding@council.example"]);
  expect(restarted.received[0]!.parsed.text ?? "").not.toContain("ending my life");
  second.kill("SIGTERM");
  await second.exited;
  await restarted.stop();

  const db = await openDatabase({ DATA_DIR: dataDir });
  try {
    const cases = await db.read.select().from(followUpCases);
    expect(cases).toHaveLength(1);
    expect(cases[0]).toMatchObject({ priority: "urgent", status: "open" });
    const [mail] = await db.read.select().from(staffMail).where(eq(staffMail.caseId, cases[0]!.id));
    expect(mail).toMatchObject({ kind: "safeguarding", status: "sent" });
  } finally {
    await db.close();
  }
});
