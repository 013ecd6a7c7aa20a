import { useModel } from "@preact/signals";
import { useEffect, useRef } from "preact/hooks";
import { Chart } from "../components/Chart";
import { DataTable } from "../components/DataTable";
import { ChangeText, StatusBadge } from "../components/FigureText";
import { formatChange, formatShortInterval, formatValue } from "../lib/format";
import type { Quarterly } from "../api";
import { ReportModel } from "../models/report";
import { alpha, Loaded, PALETTE } from "./common";
import { ReportActions } from "./actions/ReportSection";

type SlaRow = Quarterly["followUpStandard"]["departments"][number];
type MeasureRow = Quarterly["summary"]["measures"][number];
type ThemeRow = Quarterly["departments"][number]["themes"][number];

const COUNTS_CONTACTS = new Set<string>(["fcrObserved", "contactsPerRequest"]);

/** "30 November 2026": a report's dates are read in full. */
function longDate(day: string): string {
  return new Date(`${day}T00:00:00Z`).toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
}

/** "2026/27 Q3", or "2026/27 Q3 (partial: to 30 November 2026)" for a quarter not over. */
export function quarterTitle(d: Pick<Quarterly, "quarter" | "partial" | "to">): string {
  return d.partial ? `${d.quarter} (partial: to ${longDate(d.to)})` : d.quarter;
}

/** The change on the previous quarter in words, or why there is none. */
function changeText(c: { comparison: "ok" | "tooFew" | "partial"; change: number | null }, unit: string): string {
  if (c.comparison === "partial") return "not compared: quarter not over";
  if (c.comparison === "tooFew") return "not enough answers to compare";
  return formatChange(c.change, unit);
}

/** A share of cases in a table cell: value, then interval and n, then the target's verdict in words; never 0% for too few. */
function SlaCell({ f }: { f: SlaRow["acknowledgedInTime"] }) {
  const text = f.value === null ? (f.n === 0 ? "none due" : "too few cases") : `${f.value}%`;
  return (
    <>
      <span class={f.value === null ? "fig muted" : "fig"}>
        {text}
        <small>{formatShortInterval(f, "%")}</small>
      </span>
      <StatusBadge status={f.status} />
    </>
  );
}

/** One group's measures against the previous quarter and against target (the summary's and each department's). */
function MeasuresTable({ d, rows, caption, filename }: { d: Quarterly; rows: readonly MeasureRow[]; caption: string; filename: string }) {
  return (
    <DataTable
      caption={caption}
      filename={filename}
      rowKey={(r) => r.key}
      rows={rows}
      columns={[
        { header: "Measure", cell: (r) => r.label, csv: (r) => r.label },
        {
          header: d.quarter,
          // Repeat contact counts contacts, not answers.
          cell: (r) =>
            r.figure.value === null && COUNTS_CONTACTS.has(r.key)
              ? r.figure.n === 0
                ? "no contacts to judge"
                : "too few contacts"
              : formatValue(r.figure, r.unit),
          csv: (r) => r.figure.value,
          numeric: true,
        },
        { header: "95% interval, n", cell: (r) => <span class="nowrap">{formatShortInterval(r.figure, r.unit)}</span>, csv: (r) => r.figure.n, numeric: true },
        {
          header: `Change on ${d.previousQuarter}`,
          cell: (r) => (r.comparison === "ok" && r.change !== null ? <ChangeText change={r.change} unit={r.unit} /> : changeText(r, r.unit)),
          csv: (r) => r.change,
          numeric: true,
        },
        { header: "Target", cell: (r) => (r.target === null ? "none" : r.target), csv: (r) => r.target, numeric: true },
        { header: "Met?", cell: (r) => (r.status ? <StatusBadge status={r.status} margin={r.margin} unit={r.unit} /> : "–"), csv: (r) => r.status },
      ]}
    />
  );
}

/** "Online services: 40% of comments (24), down 1 point on 2025/26 Q3". */
function themeLine(d: Quarterly, t: Pick<ThemeRow, "theme" | "comments" | "share" | "comparison" | "change">): string {
  const share = t.share === null ? `${t.comments} comments` : `${t.share}% of comments (${t.comments})`;
  const moved = t.comparison === "ok" ? `${formatChange(t.change, "%")} on ${d.previousQuarter}` : changeText(t, "%");
  return `${t.theme.name}: ${share}, ${moved}`;
}

/** Page one: the whole scope of the report against target and the previous quarter. */
function ExecutiveSummary({ d }: { d: Quarterly }) {
  const s = d.summary;
  const rate = s.measures.find((m) => m.key === "responseRate")?.figure;
  const f = s.followUps;
  return (
    <section class="report-summary" aria-labelledby="report-summary-h">
      <h3 id="report-summary-h">Executive summary</h3>
      {d.partial ? (
        <p class="report-partial">
          <strong>{d.quarter} is not over.</strong> Figures run from {longDate(d.from)} to {longDate(d.to)} and will change; they are not compared with{" "}
          {d.previousQuarter}.
        </p>
      ) : null}
      <p>
        {s.responses} responses in {quarterTitle(d)} across {d.departments.length === 1 ? "1 department" : `${d.departments.length} departments`}.
        {rate && rate.value !== null
          ? ` Response rate ${rate.value}%: ${s.answered} answers to ${s.issued} surveys sent.`
          : ` ${s.answered} answers to ${s.issued} surveys sent.`}
        {s.withoutToken > 0
          ? ` A further ${s.withoutToken} ${s.withoutToken === 1 ? "answer" : "answers"} came without a survey link (the signature strip, imported history): counted in every figure except the response rate.`
          : ""}
      </p>
      <MeasuresTable d={d} rows={s.measures} caption={`All departments: measures in ${d.quarter}`} filename={`report-summary-${d.quarter}.csv`} />
      <div class="grid-2 report-summary-notes">
        <div>
          <h4>Top themes</h4>
          {s.themes.top.length === 0 ? (
            <p>No themed comments.</p>
          ) : (
            <>
              <ol>
                {s.themes.top.map((t) => (
                  <li>{themeLine(d, t)}</li>
                ))}
              </ol>
              <p class="note">
                Share of the {s.themes.comments} comments in {d.quarter}; a move is shown when both quarters have at least {d.minCount} comments.
              </p>
            </>
          )}
        </div>
        <div>
          <h4>Follow-up cases</h4>
          {f === null ? (
            <p>No follow-up cases opened in {d.quarter}.</p>
          ) : (
            <ul class="report-sla">
              <li>
                Acknowledged in time:{" "}
                {f.acknowledgedInTime.value === null
                  ? f.acknowledgedInTime.n === 0
                    ? "none due yet"
                    : "too few cases"
                  : `${f.acknowledgedInTime.value}% of ${f.acknowledgedInTime.n}`}{" "}
                <StatusBadge status={f.acknowledgedInTime.status} />
              </li>
              <li>
                Responded to in time:{" "}
                {f.respondedInTime.value === null
                  ? f.respondedInTime.n === 0
                    ? "none due yet"
                    : "too few cases"
                  : `${f.respondedInTime.value}% of ${f.respondedInTime.n}`}{" "}
                <StatusBadge status={f.respondedInTime.status} />
              </li>
              <li>
                Target {f.target}%. {f.opened} opened, {f.open} still open, {f.overdue} overdue.
              </li>
            </ul>
          )}
        </div>
      </div>
    </section>
  );
}

/** Follow-up cases opened in the quarter handled by their due dates, per department and in all, against the target. */
function FollowUpStandard({ d }: { d: Quarterly }) {
  const s = d.followUpStandard;
  const rows = [...s.departments, { department: { id: null, code: null, name: "All departments" }, ...s.total }];
  return (
    <section class="report-dept" aria-labelledby="report-sla-h">
      <h3 id="report-sla-h">Follow-up service standard</h3>
      <p>
        Target: {s.target}% of follow-up cases acknowledged by their acknowledge-by date and {s.target}% responded to by their respond-by date. Cases opened in{" "}
        {d.quarter}; a case counts once it has been dealt with or its date has passed{s.partial ? ", so figures for a quarter still under way will change" : ""}
        . Shares from fewer than {d.minCount} cases show as "too few cases".
      </p>
      <DataTable
        caption={`Follow-up cases handled in time by department, ${d.quarter}`}
        filename={`report-follow-up-standard-${d.quarter}.csv`}
        rowKey={(r) => String(r.department.id ?? "all")}
        rows={rows}
        empty="No departments in this selection."
        columns={[
          { header: "Department", cell: (r) => r.department.name, csv: (r) => r.department.name },
          { header: "Acknowledged in time", cell: (r) => <SlaCell f={r.acknowledgedInTime} />, csv: (r) => r.acknowledgedInTime.value, numeric: true },
          { header: "Responded in time", cell: (r) => <SlaCell f={r.respondedInTime} />, csv: (r) => r.respondedInTime.value, numeric: true },
          { header: "Opened", cell: (r) => r.opened, csv: (r) => r.opened, numeric: true },
          { header: "Still open", cell: (r) => r.open, csv: (r) => r.open, numeric: true },
          { header: "Overdue", cell: (r) => r.overdue, csv: (r) => r.overdue, numeric: true },
        ]}
      />
    </section>
  );
}

function Department({ d, dep }: { d: Quarterly; dep: Quarterly["departments"][number] }) {
  return (
    <section class="report-dept" aria-labelledby={`report-dept-${dep.department.code}`}>
      <h3 id={`report-dept-${dep.department.code}`}>{dep.department.name}</h3>
      <p>
        {dep.responses} responses in {quarterTitle(d)}.
      </p>
      <MeasuresTable d={d} rows={dep.measures} caption={`${dep.department.name}: measures in ${d.quarter}`} filename={`report-${dep.department.code}.csv`} />
      <div class="grid-2">
        <div>
          <h4>Top themes</h4>
          {dep.themes.length === 0 ? (
            <p>No themed comments.</p>
          ) : (
            <ol>
              {dep.themes.map((t) => (
                <li>{themeLine(d, t)}</li>
              ))}
            </ol>
          )}
        </div>
        <div>
          <h4>Responses by channel</h4>
          {dep.channels.length === 0 ? (
            <p>No surveys sent or answered in {d.quarter}.</p>
          ) : (
            <>
              <Chart
                type="bar"
                label={`${dep.department.name}: surveys sent and responses by channel`}
                height={150}
                data={{
                  labels: dep.channels.map((c) => c.channel.name),
                  datasets: [
                    // Sent as the light shade of the responses' colour: the same contacts, before and after answering.
                    {
                      label: "Surveys sent",
                      data: dep.channels.map((c) => c.issued),
                      backgroundColor: alpha(PALETTE[0]!, 0.3),
                      borderColor: PALETTE[0],
                      borderWidth: 1,
                    },
                    { label: "Responses", data: dep.channels.map((c) => c.responses), backgroundColor: PALETTE[0] },
                  ],
                }}
              />
              <DataTable
                forChart
                caption={`${dep.department.name}: volumes by channel`}
                filename={`channels-${dep.department.code}.csv`}
                rowKey={(r) => String(r.channel.id)}
                rows={dep.channels}
                columns={[
                  { header: "Channel", cell: (r) => r.channel.name, csv: (r) => r.channel.name },
                  { header: "Surveys sent", cell: (r) => r.issued, csv: (r) => r.issued, numeric: true },
                  { header: "Responses", cell: (r) => r.responses, csv: (r) => r.responses, numeric: true },
                ]}
              />
            </>
          )}
        </div>
      </div>
    </section>
  );
}

/**
 * The report itself. `data-ready` is set once its charts have drawn (this effect runs after
 * theirs): the server's PDF export waits for it before printing.
 */
function ReportBody({ d }: { d: Quarterly }) {
  const root = useRef<HTMLElement>(null);
  useEffect(() => {
    const el = root.current;
    el?.setAttribute("data-ready", "true");
    return () => el?.removeAttribute("data-ready");
  }, [d]);
  return (
    <article class="report" ref={root}>
      <header class="report-head">
        <h2>
          {d.orgName}: customer satisfaction, {quarterTitle(d)}
        </h2>
        <p>
          {longDate(d.from)} to {longDate(d.to)}
          {d.partial ? "" : `, compared with ${d.previousQuarter}`}. Figures from fewer than {d.minCount} answers are shown as "too few responses", and a change
          only when both quarters have at least {d.minCount}.
        </p>
      </header>
      <ExecutiveSummary d={d} />
      {d.departments.map((dep) => (
        <Department d={d} dep={dep} />
      ))}
      <FollowUpStandard d={d} />
      <ReportActions d={d} />
      <section class="report-dept report-notes" aria-labelledby="report-notes-h">
        <h3 id="report-notes-h">About these figures</h3>
        <p>
          FCR is what customers said when asked; FCR observed is the share of contacts by a known customer about a named service that no other contact by them
          about it followed within the repeat window, and is held to the same FCR target. Contacts per request is NI 14's avoidable contact: a chain of repeat
          contacts is one request. Both count only contacts old enough to judge. The response rate is answers to survey links over links sent.
        </p>
      </section>
    </article>
  );
}

export function ReportPage() {
  const m = useModel(ReportModel);
  const shownQuarter = m.shownQuarter.value;
  return (
    <>
      <div class="no-print filters">
        <div class="field">
          <label for="r-quarter">Quarter containing</label>
          {/* Without a date in the URL, the first day of the quarter the report shows (the last complete one). */}
          <input id="r-quarter" type="date" value={shownQuarter ?? ""} onChange={(e) => m.setQuarter((e.target as HTMLInputElement).value)} />
        </div>
        <button type="button" onClick={() => window.print()}>
          Print
        </button>
        <a class="button secondary" href={m.pdfHref.value} download>
          Download PDF
        </a>
      </div>
      <Loaded loader={m.report}>{(d) => <ReportBody d={d} />}</Loaded>
    </>
  );
}
