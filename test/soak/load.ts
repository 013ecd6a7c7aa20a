import { FCR_VALUES, type Fcr } from "../../src/domain/measures";

/*
 * The load generator: many concurrent clients doing what customers and integrating systems
 * do, recording exactly which requests the server acknowledged. After a crash, the
 * acknowledged ones are what must be found on disk.
 */

export type Issued = { id: number; path: string };
export type Answer = { interactionId: number; csat: number; ces: number; csi: number; fcr: Fcr; comment: string };
export type Registered = { id: number; externalRef: string };

export type Tally = {
  /** Requests sent whose fate is unknown: the connection broke before an answer came. */
  broken: number;
  /** Status codes seen, by code. */
  statuses: Record<number, number>;
};

const COMMENTS = [
  "The adviser was helpful and sorted it straight away",
  "I was kept on hold for a long time",
  "The online form was confusing",
  "Friendly staff, thank you",
  "Still waiting for a reply to my letter",
];

/** A deterministic pseudo-random answer for an interaction (no Math.random: reproducible). */
export function answerFor(interactionId: number): Answer {
  const n = (interactionId * 2654435761) >>> 0;
  return {
    interactionId,
    csat: 1 + (n % 5),
    ces: 1 + ((n >>> 3) % 7),
    csi: 1 + ((n >>> 6) % 5),
    fcr: FCR_VALUES[(n >>> 9) % 3]!,
    comment: `${COMMENTS[(n >>> 12) % COMMENTS.length]} (#${interactionId})`,
  };
}

const CSRF = /name="_csrf"[^>]*value="([^"]+)"|value="([^"]+)"[^>]*name="_csrf"/;

type Stop = { stopped: boolean };

/** Runs `workers` loops over a shared queue until it is empty, time is up, or the server is gone. */
async function pool<T>(items: readonly T[], workers: number, deadline: number, tally: Tally, step: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const stop: Stop = { stopped: false };
  const loop = async () => {
    while (!stop.stopped && next < items.length && Date.now() < deadline) {
      const item = items[next++]!;
      try {
        await step(item);
      } catch {
        // A broken connection: the server died under us. Nothing more can be sent.
        tally.broken++;
        stop.stopped = true;
      }
    }
  };
  await Promise.all(Array.from({ length: workers }, loop));
}

const count = (tally: Tally, status: number) => (tally.statuses[status] = (tally.statuses[status] ?? 0) + 1);

/**
 * Answers each issued survey as a browser would: GET the page for its form token, POST the
 * form. Every 303 (the redirect to the thank-you page) is an acknowledged answer.
 */
export async function answerSurveys(
  base: string,
  issued: readonly Issued[],
  options: { workers: number; deadline: number; onAcknowledged?: (count: number) => void },
) {
  const tally: Tally = { broken: 0, statuses: {} };
  const acknowledged: Answer[] = [];
  let posted = 0;
  await pool(issued, options.workers, options.deadline, tally, async ({ id, path }) => {
    const page = await fetch(base + path);
    const html = await page.text();
    count(tally, page.status);
    const m = CSRF.exec(html);
    if (page.status !== 200 || !m) return;
    const a = answerFor(id);
    const body = new URLSearchParams({
      csat: String(a.csat),
      ces: String(a.ces),
      csi: String(a.csi),
      fcr: a.fcr,
      comment: a.comment,
      _csrf: m[1] ?? m[2]!,
    });
    posted++;
    const res = await fetch(base + path, { method: "POST", body, redirect: "manual" });
    await res.arrayBuffer();
    count(tally, res.status);
    if (res.status === 303) {
      acknowledged.push(a);
      options.onAcknowledged?.(acknowledged.length);
    }
  });
  return { acknowledged, posted, tally };
}

/** Registers interactions one POST each; every 201 is an acknowledged registration. */
export async function registerInteractions(
  base: string,
  apiKey: string,
  refs: readonly string[],
  options: { workers: number; deadline: number; team: string },
) {
  const tally: Tally = { broken: 0, statuses: {} };
  const created: (Registered & Issued)[] = [];
  await pool(refs, options.workers, options.deadline, tally, async (externalRef) => {
    const res = await fetch(`${base}/api/v1/interactions`, {
      method: "POST",
      headers: { Authorization: `Bearer ${apiKey}`, "Content-Type": "application/json" },
      body: JSON.stringify({
        channel: "phone",
        team: options.team,
        occurredAt: new Date(Date.now() - 60_000).toISOString(),
        externalRef,
      }),
    });
    const body = (await res.json()) as { id: number; surveyUrl: string };
    count(tally, res.status);
    if (res.status === 201) created.push({ id: body.id, externalRef, path: new URL(body.surveyUrl).pathname });
  });
  return { created, tally };
}

/** 5xx answers: a crash may break connections, but nothing the server answers may be an error. */
export const serverErrors = (tally: Tally) =>
  Object.entries(tally.statuses)
    .filter(([status]) => Number(status) >= 500)
    .reduce((n, [, c]) => n + c, 0);
