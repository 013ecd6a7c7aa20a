import { Chart } from "../components/Chart";
import { DataTable } from "../components/DataTable";
import { StatusBadge } from "../components/FigureText";
import { formatChange, formatInterval, formatShortInterval, formatValue } from "../lib/format";
import type { Quarterly } from "../api";
import { report, url } from "../models/app";
import { Loaded, PALETTE, useLoader } from "./common";
import { ReportActions } from "./actions/ReportSection";

type SlaRow = Quarterly["followUpStandard"]["departments"][number];

const COUNTS_CONTACTS = new Set<string>(["fcrObserved", "contactsPerRequest"]);

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

/** Follow-up cases opened in the quarter handled by their due dates, per department and in all, against the target. */
function FollowUpStandard({ d }: { d: Quarterly }) {
  const s = d.followUpStandard;
  const rows = [...s.departments, { department: { id: null, code: null, name: "All departments" }, ...s.total }];
  return (
    <section class="report-dept" aria-labelledby="report-sla-h">
      <h3 id="report-sla-h">Follow-up service standard</h3>
      <p>
        Target: {s.target}% of follow-up cases acknowledged by their acknowledge-by date and {s.target}% responded to by their respond-by date. Cases opened in {d.quarter}; a case
        counts once it has been dealt with or its date has passed{s.partial ? ", so figures for a quarter still under way will change" : ""}. Shares from fewer than {d.minCount} cases show as
        "too few cases".
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

export function ReportPage() {
  useLoader(report);
  return (
    <>
      <div class="no-print filters">
        <div class="field">
          <label for="r-quarter">Quarter containing</label>
          {/* Without a date in the URL, the first day of the quarter the report shows. */}
          <input id="r-quarter" type="date" value={url.query.value.quarter ?? report.data.value?.from ?? ""} onChange={(e) => url.setParam("quarter", (e.target as HTMLInputElement).value)} />
        </div>
        <button type="button" onClick={() => window.print()}>
          Print
        </button>
      </div>
      <Loaded loader={report}>
        {(d) => (
          <article class="report">
            <h2>
              {d.orgName}: customer satisfaction, {d.quarter}
            </h2>
            <p>
              {d.from} to {d.to}, compared with {d.previousQuarter}. Figures from fewer than {d.minCount} answers are shown as "too few responses".
            </p>
            <p>
              FCR is what customers said when asked; FCR observed is the share of contacts by a known customer about a named service that no other contact by them about
              it followed within the repeat window, and is held to the same FCR target. Contacts per request is NI 14's avoidable contact: a chain of repeat contacts is one
              request. Both count only contacts old enough to judge.
            </p>
            <FollowUpStandard d={d} />
            <ReportActions d={d} />
            {d.departments.map((dep) => (
              <section class="report-dept">
                <h3>{dep.department.name}</h3>
                <p>{dep.responses} responses.</p>
                <DataTable
                  caption={`${dep.department.name}: measures in ${d.quarter}`}
                  filename={`report-${dep.department.code}.csv`}
                  rowKey={(r) => r.key}
                  rows={dep.measures}
                  columns={[
                    { header: "Measure", cell: (r) => r.label, csv: (r) => r.label },
                    {
                      header: d.quarter,
                      // Repeat contact counts contacts, not answers.
                      cell: (r) => (r.figure.value === null && COUNTS_CONTACTS.has(r.key) ? (r.figure.n === 0 ? "no contacts to judge" : "too few contacts") : formatValue(r.figure, r.unit)),
                      csv: (r) => r.figure.value,
                      numeric: true,
                    },
                    { header: "Interval and n", cell: (r) => formatInterval(r.figure, r.unit), csv: (r) => r.figure.n, numeric: true },
                    { header: `Change on ${d.previousQuarter}`, cell: (r) => formatChange(r.change, r.unit), csv: (r) => r.change, numeric: true },
                    { header: "Target", cell: (r) => (r.target === null ? "none" : r.target), csv: (r) => r.target, numeric: true },
                    { header: "Met?", cell: (r) => (r.status ? <StatusBadge status={r.status} /> : "–"), csv: (r) => r.status },
                  ]}
                />
                <div class="grid-2">
                  <div>
                    <h4>Top themes</h4>
                    {dep.themes.length === 0 ? (
                      <p>No themed comments.</p>
                    ) : (
                      <ol>
                        {dep.themes.map((t) => (
                          <li>
                            {t.theme.name} ({t.comments} comments)
                          </li>
                        ))}
                      </ol>
                    )}
                  </div>
                  <div>
                    <h4>Responses by channel</h4>
                    <Chart
                      type="bar"
                      label={`${dep.department.name}: surveys sent and responses by channel`}
                      height={180}
                      data={{
                        labels: dep.channels.map((c) => c.channel.name),
                        datasets: [
                          { label: "Surveys sent", data: dep.channels.map((c) => c.issued), backgroundColor: PALETTE[7] },
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
                  </div>
                </div>
              </section>
            ))}
          </article>
        )}
      </Loaded>
    </>
  );
}
