import { useModel } from "@preact/signals";
import type { Delivery } from "../api";
import { Chart } from "../components/Chart";
import { DataTable } from "../components/DataTable";
import { isAdmin, url } from "../models/app";
import { DeliveryModel } from "../models/delivery";
import { Loaded, PALETTE } from "./common";

type Reason = keyof Delivery["suspectedClicks"]["byReason"];

/** Why a click looked automated, in the chart's stacking order (the API's order). */
const REASONS: { key: Reason; label: string; colour: string }[] = [
  { key: "mail_scanner", label: "Mail scanner", colour: PALETTE[0]! },
  { key: "head_request", label: "HEAD request", colour: PALETTE[1]! },
  { key: "http_library", label: "HTTP library", colour: PALETTE[2]! },
  { key: "no_user_agent", label: "No user agent", colour: PALETTE[3]! },
  { key: "several_faces", label: "Several faces at once", colour: PALETTE[4]! },
  // Grey, not the palette's second teal: beside "HTTP library" two greens could not be told apart.
  { key: "too_soon_after_sending", label: "Seconds after sending", colour: PALETTE[7]! },
  { key: "staff_network", label: "Staff network", colour: PALETTE[5]! },
  { key: "burst", label: "Burst of ratings", colour: PALETTE[6]! },
];

const dateTime = (ms: number) => new Date(ms).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short" });
/** "2026-03-02" → "2 Mar", in UTC so the label is the stored local date whatever the browser's zone. */
const shortDay = (day: string) => new Date(`${day}T00:00:00Z`).toLocaleDateString("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });

function Outbox({ o }: { o: Delivery["outbox"] }) {
  return (
    <section class="panel" aria-labelledby="outbox-h">
      <h2 id="outbox-h">Email invitations and reminders</h2>
      <div class="cards compact">
        <article class="card" data-testid="outbox-pending">
          <h3>Waiting to send</h3>
          <p class="big">{o.pending}</p>
          <p class="small">{o.retrying > 0 ? `${o.retrying} of them being retried after a failed attempt` : "None being retried"}</p>
        </article>
        <article class="card green" data-testid="outbox-sent">
          <h3>Sent</h3>
          <p class="big">{o.sent}</p>
          <p class="small">Handed to the mail server</p>
        </article>
        <article class={`card ${o.failed > 0 ? "red" : ""}`} data-testid="outbox-failed">
          <h3>Failed</h3>
          <p class={`big ${o.failed > 0 ? "bad" : ""}`}>{o.failed}</p>
          <p class="small">Given up on: the reasons are below</p>
        </article>
        <article class="card" data-testid="outbox-cancelled">
          <h3>Not needed</h3>
          <p class="big">{o.cancelled}</p>
          <p class="small">Answered, opted out or expired before sending</p>
        </article>
      </div>
      <h3 id="failures-h" class="subhead">
        Recent failures
      </h3>
      <DataTable
        captionHidden
        caption="Recent failures, newest first"
        filename="email-failures.csv"
        empty="No email has failed."
        rowKey={(r) => String(r.id)}
        rows={o.recentFailures}
        columns={[
          { header: "Queued", cell: (r) => dateTime(r.createdAt), csv: (r) => new Date(r.createdAt).toISOString() },
          { header: "Last tried", cell: (r) => dateTime(r.lastTriedAt), csv: (r) => new Date(r.lastTriedAt).toISOString() },
          {
            header: "Email",
            cell: (r) => (
              <>
                {r.kind}
                <br />
                <span class="small">contact {r.interactionId}</span>
              </>
            ),
            csv: (r) => `${r.kind} for contact ${r.interactionId}`,
          },
          { header: "Tries", cell: (r) => r.attempts, csv: (r) => r.attempts, numeric: true },
          { header: "Reason", cell: (r) => <span class="failure-reason">{r.lastError ?? "no reason recorded"}</span>, csv: (r) => r.lastError },
        ]}
      />
      <p class="small">Addresses never appear here: the mail server's answer is kept with the address taken out.</p>
    </section>
  );
}

function SuspectedClicks({ d }: { d: Delivery }) {
  const s = d.suspectedClicks;
  return (
    <section class="panel" aria-labelledby="clicks-h">
      <h2 id="clicks-h">Suspected automated clicks</h2>
      <p class="lede">
        Mail security services open the links in an email as it arrives, to check them. Clicks that look like this are counted here and{" "}
        <strong>never count in any score</strong>; a person who then confirms an answer on the survey page still counts. {s.total} suspected automated clicks
        from {d.from} to {d.to}.
      </p>
      <Chart
        type="bar"
        label={`Suspected automated clicks per day from ${d.from} to ${d.to}, stacked by reason`}
        data={{
          labels: s.days.map((x) => shortDay(x.day)),
          datasets: REASONS.map((r) => ({ label: r.label, data: s.days.map((x) => x[r.key]), backgroundColor: r.colour })),
        }}
        options={{
          scales: { x: { stacked: true, ticks: { autoSkip: true, maxRotation: 0 } }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } },
          plugins: { legend: { position: "bottom" } },
        }}
      />
      <DataTable
        forChart
        caption={`Suspected automated clicks per day from ${d.from} to ${d.to}, by reason`}
        filename={`suspected-clicks-${d.from}-to-${d.to}.csv`}
        rowKey={(r) => r.day}
        rows={s.days}
        columns={[
          { header: "Day", cell: (r) => r.day, csv: (r) => r.day },
          ...REASONS.map((r) => ({
            header: r.label,
            cell: (x: (typeof s.days)[number]) => x[r.key],
            csv: (x: (typeof s.days)[number]) => x[r.key],
            numeric: true,
          })),
          { header: "Total", cell: (r) => r.total, csv: (r) => r.total, numeric: true },
        ]}
      />
    </section>
  );
}

/** How the email channel is doing, for administrators: what is queued, sent and failed, and how much link scanning there is. */
export function DeliveryPage() {
  const m = useModel(DeliveryModel);
  if (!isAdmin.value) return <p>Only administrators can see email delivery.</p>;
  const q = url.query.value;
  // Empty inputs show the days actually covered (the default 30), not a blank mm/dd/yyyy.
  const shown = m.delivery.data.value;
  const set = (key: "from" | "to") => (e: Event) => m.setDay(key, (e.target as HTMLInputElement).value);
  return (
    <>
      <form class="filters" aria-label="Days" onSubmit={(e) => e.preventDefault()}>
        <div class="field">
          <label for="d-from">From</label>
          <input id="d-from" type="date" value={q.from ?? shown?.from ?? ""} onChange={set("from")} />
        </div>
        <div class="field">
          <label for="d-to">To</label>
          <input id="d-to" type="date" value={q.to ?? shown?.to ?? ""} onChange={set("to")} />
        </div>
        <p class="small">The clicks chart covers these days (the last 30 unless you choose, at most a year); the email counts are for all time.</p>
      </form>
      <Loaded loader={m.delivery}>
        {(d) =>
          d && (
            <>
              <Outbox o={d.outbox} />
              <SuspectedClicks d={d} />
            </>
          )
        }
      </Loaded>
    </>
  );
}
