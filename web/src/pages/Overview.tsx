import { Fragment, type ComponentChildren } from "preact";
import { Chart } from "../components/Chart";
import { DataTable } from "../components/DataTable";
import { StatusBadge } from "../components/FigureText";
import { formatChange, formatInterval, formatValue } from "../lib/format";
import { overview, sla, slaCsvHref, urgentCases, url } from "../models/app";
import { pathFor } from "../models/url";
import { formatDateTime } from "../lib/format";
import { toSearch } from "../models/url";
import type { Overview as OverviewData, Sla } from "../api";
import { Loaded, useLoader } from "./common";

type Measure = OverviewData["measures"][number];
type Observed = OverviewData["observedFcr"];

function Card({ m }: { m: Measure }) {
  const labels = m.spark.map((p) => p.label);
  return (
    <article class={`card ${m.status ?? ""}`} data-measure={m.key}>
      <h2>{m.label}</h2>
      <p class="big" data-testid={`value-${m.key}`}>
        {formatValue(m.figure, m.unit)}
      </p>
      {m.key === "fcr" ? <p class="small">What customers said when asked</p> : null}
      <p class="small">{formatInterval(m.figure, m.unit)}</p>
      <p class="small">
        Against the previous period: <strong>{formatChange(m.change, m.unit)}</strong>
      </p>
      <p class="small">
        {m.target === null ? "No target set" : `Target ${m.target}${m.unit === "%" ? "%" : ""}`} <StatusBadge status={m.status} />
      </p>
      <Chart
        type="line"
        label={`${m.label} by period`}
        height={70}
        data={{ labels, datasets: [{ label: m.label, data: m.spark.map((p) => p.value), borderColor: "#1d4ed8", borderWidth: 2, pointRadius: 2, spanGaps: false }] }}
        options={{ plugins: { legend: { display: false }, tooltip: { enabled: true } }, scales: { x: { display: false }, y: { display: false } } }}
      />
      <DataTable
        forChart
        caption={`${m.label} by period`}
        filename={`${m.key}-by-period.csv`}
        rowKey={(r) => r.periodStart}
        rows={m.spark}
        columns={[
          { header: "Period", cell: (r) => r.label, csv: (r) => r.label },
          { header: m.label, cell: (r) => (r.value === null ? "too few responses" : r.value), csv: (r) => r.value, numeric: true },
          { header: "n", cell: (r) => r.n, csv: (r) => r.n, numeric: true },
        ]}
      />
    </article>
  );
}

/**
 * Observed FCR beside what customers said: whether they had to contact us again about the same
 * thing, from the contacts themselves, in words with its n, against the same FCR target; and
 * NI 14's contacts per request.
 */
function ObservedFcrCard({ o }: { o: Observed }) {
  const f = o.figure;
  const days = o.repeatDays ?? 7;
  const cpr = o.contactsPerRequest;
  return (
    <article class={`card ${o.status ?? ""}`} aria-labelledby="fcr-observed-h" data-testid="observed-fcr">
      <h2 id="fcr-observed-h">FCR observed</h2>
      <p class="big" data-testid="value-fcrObserved">
        {f.value === null ? (f.n === 0 ? "no contacts to judge" : "too few contacts") : `${f.value}%`}
      </p>
      <p class="small">
        {f.value === null
          ? `${f.n} ${f.n === 1 ? "contact" : "contacts"} by known customers old enough to judge`
          : `of ${f.n.toLocaleString("en-GB")} contacts by known customers were not followed by another about the same service within ${days} days`}
      </p>
      <p class="small">{formatInterval(f, "%")}</p>
      <p class="small" data-testid="value-contactsPerRequest">
        {cpr.value === null ? "Contacts per request: not enough contacts" : `${cpr.value} contacts per request (NI 14)`}
      </p>
      <p class="small">
        Against the previous period: <strong>{formatChange(o.change, "%")}</strong>
      </p>
      <p class="small">
        {o.target === null ? "No target set" : `FCR target ${o.target}%`} <StatusBadge status={o.status} />
      </p>
    </article>
  );
}

type SlaFigure = Sla["total"]["overall"]["acknowledgedInTime"];

/** A share of cases handled in time: the figure, its interval and n, and against the target in words as well as colour. */
function InTime({ id, title, f, target }: { id: string; title: string; f: SlaFigure; target: number }) {
  const value = f.value === null ? (f.n === 0 ? "no cases due yet" : "too few cases") : `${f.value}%`;
  return (
    <article class={`card ${f.status ?? ""}`} aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{title}</h3>
      <p class="big" data-testid={`value-${id}`}>
        {value}
      </p>
      <p class="small">{formatInterval(f, "%")}</p>
      <p class="small">
        Target {target}% {f.status ? <StatusBadge status={f.status} /> : null}
      </p>
    </article>
  );
}

/** Goes to the Follow-up page with the shared filters and its own keys, as the menu does. */
function FollowUpLink({ extra, children }: { extra: Record<string, string>; children: ComponentChildren }) {
  return (
    <a
      href={`/dashboard/follow-up${toSearch({ ...url.shared.value, ...extra })}`}
      onClick={(e) => {
        if (e.ctrlKey || e.metaKey || e.shiftKey) return;
        e.preventDefault();
        url.navigate("follow-up", extra);
      }}
    >
      {children}
    </a>
  );
}

/**
 * The follow-up service standard: of the cases opened in the range, the share acknowledged and
 * the share responded to by their due dates, against the SLA target, and how many are still open
 * or overdue now.
 */
function FollowUpStandard() {
  useLoader(sla);
  return (
    <section class="follow-up-standard" style={{ marginTop: "1.5rem" }} aria-labelledby="sla-h" data-testid="follow-up-standard">
      <h2 id="sla-h">Follow-up service standard</h2>
      <Loaded loader={sla}>
        {(d: Sla) => {
          const all = d.total.overall;
          return (
            <>
              <p class="small">
                Follow-up cases opened {d.from} to {d.to}. The standard is {d.target}% of cases acknowledged by their acknowledge-by date and {d.target}% responded to by their
                respond-by date. A case counts once it has been dealt with or its date has passed.
              </p>
              <div class="cards">
                <InTime id="sla-ack" title="Acknowledged in time" f={all.acknowledgedInTime} target={d.target} />
                <InTime id="sla-resp" title="Responded to in time" f={all.respondedInTime} target={d.target} />
                <article class="card" aria-labelledby="sla-cases-h">
                  <h3 id="sla-cases-h">Cases</h3>
                  <p class="big" data-testid="value-sla-opened">
                    {all.opened}
                  </p>
                  <p class="small">cases opened</p>
                  <p class="small">
                    <FollowUpLink extra={{}}>{all.open} still open</FollowUpLink>
                  </p>
                  <p class="small">
                    <FollowUpLink extra={{ overdue: "true" }}>
                      <strong data-testid="value-sla-overdue">{all.overdue}</strong> overdue
                    </FollowUpLink>
                  </p>
                </article>
              </div>
              <p class="small">
                <a href={slaCsvHref()} download>
                  Download the service standard by team and period (CSV)
                </a>
              </p>
            </>
          );
        }}
      </Loaded>
    </section>
  );
}

/**
 * Urgent cases (safeguarding concerns) not yet acknowledged: first on the Overview until someone
 * acknowledges them. Only the case, its team and when it opened: what the customer wrote is on
 * the case page.
 */
function UrgentCases() {
  useLoader(urgentCases);
  const d = urgentCases.data.value;
  if (!d || d.counts.urgent === 0) return null;
  return (
    <section class="urgent-cases" aria-labelledby="urgent-h" data-testid="urgent-cases">
      <h2 id="urgent-h">
        Urgent: {d.counts.urgent} safeguarding {d.counts.urgent === 1 ? "concern" : "concerns"} not yet acknowledged
      </h2>
      <ul>
        {d.items.map((c) => (
          <li key={c.id}>
            <a href={pathFor("follow-up", String(c.id), {})}>Case {c.id}</a>, {c.team.name}, opened {formatDateTime(c.openedAt)}
            {c.overdue ? <strong> (overdue)</strong> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

export function OverviewPage() {
  useLoader(overview);
  return (
    <>
      <UrgentCases />
      <Loaded loader={overview}>
        {(d) => (
          <>
            <p class="lede">
              {d.from} to {d.to}, compared with {d.previous.from} to {d.previous.to}. {d.responses} responses to {d.issued} surveys sent. Figures from fewer than {d.minCount} answers show as "too few responses".
            </p>
            {/* Six headline cards: narrow enough for one row on a laptop. */}
            <div class="cards" style={{ gridTemplateColumns: "repeat(auto-fill, minmax(190px, 1fr))" }}>
              {d.measures.map((m) =>
                m.key === "fcr" ? (
                  <Fragment key={m.key}>
                    <Card m={m} />
                    <ObservedFcrCard o={d.observedFcr} />
                  </Fragment>
                ) : (
                  <Card key={m.key} m={m} />
                ),
              )}
            </div>
            <p class="small">
              CES is the mean on a 1–7 scale; {formatValue(d.cesEasy, "%")} found it easy ({formatInterval(d.cesEasy, "%")}).
            </p>
            <p class="small">
              FCR observed counts contacts by customers the contact systems name (a CRM key, email or phone) about a named service; contacts of the last{" "}
              {d.observedFcr.repeatDays ?? 7} days are left out until a repeat could no longer come.
            </p>
          </>
        )}
      </Loaded>
      {/* Loaded beside the measures, not after them: the two come from different reads. */}
      <FollowUpStandard />
    </>
  );
}
