import { useModel } from "@preact/signals";
import { Fragment, type ComponentChildren } from "preact";
import { Chart } from "../components/Chart";
import { DataTable } from "../components/DataTable";
import { ChangeText, StatusBadge } from "../components/FigureText";
import { formatDateTime, formatInterval, formatRange, formatValue, languageName, NOT_APPLICABLE, periodText, TOO_FEW } from "../lib/format";
import { url } from "../models/app";
import { OverviewModel } from "../models/overview";
import { pathFor, toSearch } from "../models/url";
import type { Overview as OverviewData, Sla } from "../api";
import { Loaded } from "./common";

type Measure = OverviewData["measures"][number];
type Observed = OverviewData["observedFcr"];
type Range = OverviewData["previous"];
type Sentiment = OverviewData["sentiment"];
/** Whether a figure was compared with the range before, and by how much (a number only when "ok"). */
type Compared = Pick<Measure, "comparison" | "change">;

const SPARK_BLUE = "#1d4ed8";

/**
 * Against the previous range, in words: the change only when both ranges are over and each
 * holds enough answers; otherwise why there is none.
 */
function Comparison({ c, previous, unit, counted = "answers" }: { c: Compared; previous: Range; unit: string; counted?: string }) {
  if (c.comparison === "partial") return <p class="small">Period not over yet: no comparison</p>;
  const against = `Against ${formatRange(previous.from, previous.to)}: `;
  if (c.comparison !== "ok" || c.change === null)
    return (
      <p class="small">
        {against}not enough {counted} to compare
      </p>
    );
  return (
    <p class="small">
      {against}
      <strong>
        <ChangeText change={c.change} unit={unit} />
      </strong>
    </p>
  );
}

function Target({
  target,
  status,
  margin,
  unit,
  name = "Target",
}: {
  target: number | null;
  status: Measure["status"];
  margin: number;
  unit: string;
  name?: string;
}) {
  return (
    <p class="small">
      {target === null ? "No target set" : `${name} ${target}${unit === "%" ? "%" : ""}`} <StatusBadge status={status} margin={margin} unit={unit} />
    </p>
  );
}

/**
 * One headline measure: its figure with interval and n, the comparison, the target, and a
 * sparkline per period whose last point is hollow (and its line dashed) while that period runs.
 */
function Card({ m, previous, children }: { m: Measure; previous: Range; children?: ComponentChildren }) {
  const notApplicable = m.figure.status === "notApplicable";
  const lastRunning = m.spark.some((p) => p.partial);
  return (
    <article class={`card ${m.status ?? ""}`} data-measure={m.key}>
      <h2>{m.label}</h2>
      <p class={m.figure.value === null ? "big words" : "big"} data-testid={`value-${m.key}`}>
        {formatValue(m.figure, m.unit)}
      </p>
      {m.key === "fcr" ? <p class="small">What customers said when asked</p> : null}
      {notApplicable ? (
        <p class="small">
          {m.label}: not applicable {url.query.value.theme ? "when a theme is chosen" : "to this selection"}
        </p>
      ) : (
        <>
          <p class="small">{formatInterval(m.figure, m.unit)}</p>
          <Comparison c={m} previous={previous} unit={m.unit} />
        </>
      )}
      <Target target={m.target} status={m.status} margin={m.margin} unit={m.unit} />
      {children}
      {/* One period is a dot, not a line: its number is in the table. */}
      {m.spark.length > 1 ? (
        <Chart
          type="line"
          label={`${m.label} by period${lastRunning ? "; the last period is not over yet" : ""}`}
          height={70}
          data={{
            labels: m.spark.map((p) => p.label),
            datasets: [
              {
                label: m.label,
                data: m.spark.map((p) => p.value),
                borderColor: SPARK_BLUE,
                borderWidth: 2,
                spanGaps: false,
                // The periods the figures count are drawn larger than the earlier ones shown for context.
                pointRadius: m.spark.map((p) => (p.partial ? 3.5 : p.counted ? 3 : 1.5)),
                pointBorderColor: SPARK_BLUE,
                pointBackgroundColor: m.spark.map((p) => (p.partial ? "#fff" : SPARK_BLUE)),
                pointBorderWidth: m.spark.map((p) => (p.partial ? 1.5 : 1)),
                segment: { borderDash: (s) => (m.spark[s.p1DataIndex]?.partial ? [3, 3] : undefined) },
              },
            ],
          }}
          options={{ plugins: { legend: { display: false }, tooltip: { enabled: true } }, scales: { x: { display: false }, y: { display: false } } }}
        />
      ) : null}
      <DataTable
        forChart
        caption={`${m.label} by period`}
        filename={`${m.key}-by-period.csv`}
        rowKey={(r) => r.periodStart}
        rows={m.spark}
        columns={[
          { header: "Period", cell: periodText, csv: periodText },
          { header: m.label, cell: (r) => (r.value === null ? (notApplicable ? NOT_APPLICABLE : TOO_FEW) : r.value), csv: (r) => r.value, numeric: true },
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
function ObservedFcrCard({ o, previous }: { o: Observed; previous: Range }) {
  const f = o.figure;
  const days = o.repeatDays ?? 7;
  const cpr = o.contactsPerRequest;
  return (
    <article class={`card ${o.status ?? ""}`} aria-labelledby="fcr-observed-h" data-testid="observed-fcr">
      <h2 id="fcr-observed-h">FCR observed</h2>
      <p class={f.value === null ? "big words" : "big"} data-testid="value-fcrObserved">
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
      <Comparison c={o} previous={previous} unit="%" counted="contacts" />
      <Target name="FCR target" target={o.target} status={o.status} margin={o.margin} unit="%" />
    </article>
  );
}

/** "+12.5", "−3", "0": net sentiment runs from −100 to 100, so its sign is part of the figure. */
function signed(value: number): string {
  return value > 0 ? `+${value}` : value < 0 ? `−${Math.abs(value)}` : "0";
}

/** The languages the sentiment figure covers, when the server names them (a later server does). */
function languagesOf(s: Sentiment): string[] | null {
  if (!("languages" in s) || !Array.isArray(s.languages)) return null;
  return s.languages.filter((code): code is string => typeof code === "string").map(languageName);
}

/**
 * Comment sentiment: its own figure, from the words of the comments scored, with n. Not an
 * answer customers gave, so it stands apart from the measures above and is not CSI.
 */
function SentimentPanel({ s }: { s: Sentiment }) {
  const n = s.net.n;
  const languages = languagesOf(s);
  return (
    <section class="panel sentiment" aria-labelledby="sentiment-h" data-testid="sentiment">
      <h2 id="sentiment-h">Comment sentiment</h2>
      <p class="small">How the words of the comments lean, read from a word list: not a score customers gave, and no part of the measures above.</p>
      {s.net.value === null ? (
        <p data-testid="sentiment-none">{n === 0 ? "No comments scored in this range." : `Too few comments scored to say (${n}).`}</p>
      ) : (
        <div class="cards compact">
          <article class="card" aria-labelledby="sentiment-pos-h">
            <h3 id="sentiment-pos-h">Positive</h3>
            <p class="big" data-testid="value-sentiment-positive">
              {formatValue(s.positive, "%")}
            </p>
            <p class="small">{formatInterval(s.positive, "%")}</p>
          </article>
          <article class="card" aria-labelledby="sentiment-neg-h">
            <h3 id="sentiment-neg-h">Negative</h3>
            <p class="big" data-testid="value-sentiment-negative">
              {formatValue(s.negative, "%")}
            </p>
            <p class="small">{formatInterval(s.negative, "%")}</p>
          </article>
          <article class="card" aria-labelledby="sentiment-net-h">
            <h3 id="sentiment-net-h">Net</h3>
            <p class="big" data-testid="value-sentiment-net">
              {signed(s.net.value)}
            </p>
            <p class="small">positive minus negative, in points</p>
          </article>
        </div>
      )}
      <p class="small" data-testid="sentiment-n">
        {n > 0 ? `Of ${n.toLocaleString("en-GB")} ${n === 1 ? "comment" : "comments"} scored.` : null}
        {languages && languages.length > 0 ? ` Languages read: ${languages.join(", ")}.` : null}
      </p>
    </section>
  );
}

type SlaFigure = Sla["total"]["overall"]["acknowledgedInTime"];

/** A share of cases handled in time: the figure, its interval and n, and against the target in words as well as colour. */
function InTime({ id, title, f, target }: { id: string; title: string; f: SlaFigure; target: number }) {
  const value = f.value === null ? (f.n === 0 ? "no cases due yet" : "too few cases") : `${f.value}%`;
  return (
    <article class={`card ${f.status ?? ""}`} aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{title}</h3>
      <p class={f.value === null ? "big words" : "big"} data-testid={`value-${id}`}>
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
function FollowUpLink({ m, extra, children }: { m: OverviewModel; extra: Record<string, string>; children: ComponentChildren }) {
  return (
    <a
      href={`/dashboard/follow-up${toSearch({ ...url.shared.value, ...extra })}`}
      onClick={(e) => {
        if (e.ctrlKey || e.metaKey || e.shiftKey) return;
        e.preventDefault();
        m.openFollowUp(extra);
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
function FollowUpStandard({ m }: { m: OverviewModel }) {
  return (
    <section class="follow-up-standard" style={{ marginTop: "1.5rem" }} aria-labelledby="sla-h" data-testid="follow-up-standard">
      <h2 id="sla-h">Follow-up service standard</h2>
      <Loaded loader={m.sla}>
        {(d: Sla) => {
          const all = d.total.overall;
          return (
            <>
              <p class="small">
                Follow-up cases opened {formatRange(d.from, d.to)}. The standard is {d.target}% of cases acknowledged by their acknowledge-by date and{" "}
                {d.target}% responded to by their respond-by date. A case counts once it has been dealt with or its date has passed.
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
                    <FollowUpLink m={m} extra={{}}>
                      {all.open} still open
                    </FollowUpLink>
                  </p>
                  <p class="small">
                    <FollowUpLink m={m} extra={{ overdue: "true" }}>
                      <strong data-testid="value-sla-overdue">{all.overdue}</strong> overdue
                    </FollowUpLink>
                  </p>
                </article>
              </div>
              <p class="small">
                <a href={m.slaCsvHref.value} download>
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
function UrgentCases({ m }: { m: OverviewModel }) {
  const d = m.urgentCases.data.value;
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

/** Which period of the range is not over: the range itself when it is one period. */
function running(d: OverviewData): string {
  // The sparkline also shows earlier periods for context; only the counted ones make the range.
  const counted = (d.measures[0]?.spark ?? []).filter((p) => p.counted);
  const last = counted.find((p) => p.partial);
  return counted.length > 1 && last ? `Its last period, ${last.label}, is not over yet` : "The period is not over yet";
}

export function OverviewPage() {
  const m = useModel(OverviewModel);
  return (
    <>
      <UrgentCases m={m} />
      <Loaded loader={m.overview}>
        {(d) => (
          <>
            <p class="lede" data-testid="overview-lede">
              Counted: {formatRange(d.from, d.to)}
              {d.partial ? (
                <>
                  . <strong>{running(d)}</strong>: its figures will still change, and are not compared with the one before.
                </>
              ) : (
                `, compared with ${formatRange(d.previous.from, d.previous.to)}.`
              )}{" "}
              {d.responses} responses to {d.issued} surveys sent. Figures from fewer than {d.minCount} answers show as "too few responses".
            </p>
            {/* Six headline cards: narrow enough for one row on a laptop. */}
            <div class="cards" style={{ gridTemplateColumns: "repeat(auto-fill, minmax(190px, 1fr))" }}>
              {d.measures.map((m) =>
                m.key === "fcr" ? (
                  <Fragment key={m.key}>
                    <Card m={m} previous={d.previous} />
                    <ObservedFcrCard o={d.observedFcr} previous={d.previous} />
                  </Fragment>
                ) : (
                  <Card key={m.key} m={m} previous={d.previous}>
                    {m.key === "responseRate" && d.withoutToken > 0 ? (
                      <p class="small" data-testid="without-token">
                        {d.withoutToken.toLocaleString("en-GB")}{" "}
                        {d.withoutToken === 1 ? "answer without a survey link is" : "answers without a survey link are"} not in the rate
                      </p>
                    ) : null}
                  </Card>
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
            <SentimentPanel s={d.sentiment} />
          </>
        )}
      </Loaded>
      {/* Loaded beside the measures, not after them: the two come from different reads. */}
      <FollowUpStandard m={m} />
    </>
  );
}
