import { useModel } from "@preact/signals";
import { DataTable } from "../../components/DataTable";
import { Pager } from "../../components/Pager";
import { CHANNEL_NAMES, formatDate, formatDay } from "../../lib/format";
import { options, url } from "../../models/app";
import { formModel } from "../../models/forms";
import {
  KIND_FILTERS,
  KIND_LABELS,
  monthName,
  QualityModel,
  STATUS_FILTERS,
  type QualityItems,
  type QualitySample,
  type QualitySummary,
} from "../../models/quality";
import { Loaded } from "../common";
import { AppLink } from "../follow-up/parts";
import { Progress, QaFigureText } from "./parts";
import { StandardsPanel } from "./Standards";

type Model = InstanceType<typeof QualityModel>;

/* The month to draw, on formModel; the draw's outcome, or why it was refused, is said in its notice. */
const DrawFormModel = formModel<{ month: string }>();

/**
 * The month's quality sample: which month, how far its review has come, the scores per
 * standard, team and staff member, and the items to review. A manager sees their own team's.
 */
export function MonthView() {
  const m = useModel(QualityModel);
  return (
    <div class="quality">
      <Loaded loader={m.summary}>
        {(d) => (
          <>
            <p class="lede">
              On the first working day of each month the platform draws the month before: {d.sizes.perStaff} contacts of each staff member who had any, spread
              across their channels, and {d.sizes.casesPerDepartment} closed follow-up cases per department. Reviewers score each against the standards below.
            </p>
            <MonthPicker d={d} m={m} />
            {d.sample ? <Sample d={d} s={d.sample} m={m} /> : <NoSample d={d} />}
            <StandardsPanel canManage={d.can.manageStandards} />
          </>
        )}
      </Loaded>
    </div>
  );
}

function Select(props: { id: string; label: string; value: string; choices: readonly { value: string; label: string }[]; onChange: (v: string) => void }) {
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      <select id={props.id} value={props.value} onChange={(e) => props.onChange((e.target as HTMLSelectElement).value)}>
        {props.choices.map((c) => (
          <option value={c.value}>{c.label}</option>
        ))}
      </select>
    </div>
  );
}

function MonthPicker({ d, m }: { d: QualitySummary; m: Model }) {
  const months = d.months.map((x) => ({ value: x.month, label: `${monthName(x.month)} (${x.reviewed} of ${x.items} reviewed)` }));
  if (!d.months.some((x) => x.month === d.month)) months.unshift({ value: d.month, label: `${monthName(d.month)} (not drawn)` });
  const teams = options.value?.teams ?? [];
  return (
    <form class="filters" aria-label="Month and team" onSubmit={(e) => e.preventDefault()}>
      <Select id="qa-month" label="Month" value={d.month} choices={months} onChange={m.showMonth} />
      {teams.length > 1 ? (
        <Select
          id="qa-team"
          label="Team"
          value={url.query.value.team ?? ""}
          choices={[{ value: "", label: "All teams" }, ...teams.map((t) => ({ value: t.code, label: t.name }))]}
          onChange={(v) => url.setParams({ team: v || null, page: null })}
        />
      ) : null}
      {d.can.draw ? <DrawForm d={d} m={m} /> : null}
    </form>
  );
}

/** Administrators: draw a past month now (the platform draws last month's by itself). */
function DrawForm({ d, m }: { d: QualitySummary; m: Model }) {
  const f = useModel(() => new DrawFormModel({ month: d.months.some((x) => x.month === d.lastMonth) ? "" : d.lastMonth }, ["month"]));
  const n = m.drawNotice.value;
  return (
    <div class="qa-draw" role="group" aria-label="Draw a sample">
      <div class="field">
        <label for="qa-draw-month">Draw a past month</label>
        <input
          id="qa-draw-month"
          type="month"
          max={d.lastMonth}
          value={f.values.value.month}
          onInput={(e) => f.set("month", (e.target as HTMLInputElement).value)}
        />
      </div>
      <button type="button" disabled={f.busy.value} onClick={() => void f.submit((v) => m.draw(v.month))}>
        Draw the sample
      </button>
      <div class="qa-draw-notice" aria-live="polite">
        {n ? <p class={n.kind === "error" ? "error" : "success"}>{n.text}</p> : null}
      </div>
    </div>
  );
}

function NoSample({ d }: { d: QualitySummary }) {
  const past = d.month <= d.lastMonth;
  return (
    <section class="panel" aria-label="No sample">
      <p>
        <strong>No sample for {monthName(d.month)}.</strong>{" "}
        {past && d.month < d.lastMonth
          ? "The platform draws only last month's sample by itself; an administrator can draw an earlier month here."
          : `The platform draws it on ${formatDay(d.drawsOn, true)}, the first working day after the month.`}
      </p>
    </section>
  );
}

function Sample({ d, s, m }: { d: QualitySummary; s: QualitySample; m: Model }) {
  return (
    <>
      <section class="panel" aria-labelledby="qa-progress-h">
        <h2 id="qa-progress-h">Progress</h2>
        <Progress reviewed={s.progress.reviewed} items={s.progress.items} label={`Reviewed in ${monthName(d.month)}`} />
        <p class="small">
          Drawn on {formatDate(s.drawnAt)} with the seed <code>{s.seed}</code>: drawing again from it gives the same sample (
          <code>npm run cli -- qa check</code>).
        </p>
        <DataTable
          caption="Reviewed, by team"
          filename={`quality-progress-${d.month}.csv`}
          rowKey={(t) => t.code}
          rows={s.teams}
          empty="Nothing was sampled in this month."
          columns={[
            { header: "Team", cell: (t) => t.name, csv: (t) => t.name },
            {
              header: "Contacts",
              cell: (t) => `${t.contacts.reviewed} of ${t.contacts.items}`,
              csv: (t) => `${t.contacts.reviewed}/${t.contacts.items}`,
              numeric: true,
            },
            {
              header: "Closed cases",
              cell: (t) => `${t.cases.reviewed} of ${t.cases.items}`,
              csv: (t) => `${t.cases.reviewed}/${t.cases.items}`,
              numeric: true,
            },
            { header: "All", cell: (t) => `${t.reviewed} of ${t.items}`, csv: (t) => `${t.reviewed}/${t.items}`, numeric: true },
          ]}
        />
      </section>
      <Scores d={d} s={s} />
      <Items d={d} m={m} />
    </>
  );
}

function Scores({ d, s }: { d: QualitySummary; s: QualitySample }) {
  return (
    <section class="panel" aria-labelledby="qa-scores-h">
      <h2 id="qa-scores-h">Scores</h2>
      <p class="note" id="qa-scoring">
        The score is the share of standards met, counting <strong>partly as half</strong>: (met + ½ × partly) ÷ n, where n counts the scores given and leaves
        out “not applicable”. The range beside it is its 95% interval. A month's sample is small by design, so read a figure with a small n with care. Contacts
        and closed cases are scored apart; staff members are scored on their contacts.
      </p>
      <div class="grid-2">
        <DataTable
          caption="By standard"
          filename={`quality-standards-${d.month}.csv`}
          rowKey={(r) => String(r.id)}
          rows={s.standards}
          empty="There are no standards."
          columns={[
            {
              header: "Standard",
              cell: (r) =>
                r.retired ? (
                  <>
                    {r.text} <span class="muted-text">(retired)</span>
                  </>
                ) : (
                  r.text
                ),
              csv: (r) => r.text,
            },
            { header: "Contacts", cell: (r) => <QaFigureText f={r.figures.interaction} />, csv: (r) => r.figures.interaction.value, numeric: true },
            { header: "Closed cases", cell: (r) => <QaFigureText f={r.figures.case} />, csv: (r) => r.figures.case.value, numeric: true },
          ]}
        />
        <DataTable
          caption="By team"
          filename={`quality-teams-${d.month}.csv`}
          rowKey={(t) => t.code}
          rows={s.teams}
          empty="Nothing was sampled in this month."
          columns={[
            { header: "Team", cell: (t) => t.name, csv: (t) => t.name },
            { header: "Contacts", cell: (t) => <QaFigureText f={t.figures.interaction} />, csv: (t) => t.figures.interaction.value, numeric: true },
            { header: "Closed cases", cell: (t) => <QaFigureText f={t.figures.case} />, csv: (t) => t.figures.case.value, numeric: true },
          ]}
        />
      </div>
      <DataTable
        caption="By staff member (contacts)"
        filename={`quality-staff-${d.month}.csv`}
        rowKey={(r) => r.code}
        rows={s.staff}
        empty="No staff member's contacts were sampled."
        columns={[
          {
            header: "Staff member",
            cell: (r) => (
              <>
                {r.name}
                <span class="qa-kind">{r.team}</span>
              </>
            ),
            csv: (r) => r.name,
          },
          { header: "Reviewed", cell: (r) => `${r.reviewed} of ${r.items}`, csv: (r) => `${r.reviewed}/${r.items}`, numeric: true },
          { header: "Score", cell: (r) => <QaFigureText f={r.figure} />, csv: (r) => r.figure.value, numeric: true },
        ]}
      />
    </section>
  );
}

function Items({ d, m }: { d: QualitySummary; m: Model }) {
  const q = url.query.value;
  return (
    <section class="panel" aria-labelledby="qa-items-h">
      <h2 id="qa-items-h">Sampled items</h2>
      <form class="filters inset" aria-label="Item filters" onSubmit={(e) => e.preventDefault()}>
        <Select id="qa-status" label="Show" value={q.status ?? ""} choices={STATUS_FILTERS} onChange={(v) => url.setParam("status", v)} />
        <Select id="qa-kind" label="Kind" value={q.kind ?? ""} choices={KIND_FILTERS} onChange={(v) => url.setParam("kind", v)} />
      </form>
      <Loaded loader={m.items}>{(list) => <ItemTable list={list} month={d.month} />}</Loaded>
    </section>
  );
}

function ItemTable({ list, month }: { list: QualityItems; month: string }) {
  const first = list.page * list.pageSize + 1;
  const last = list.page * list.pageSize + list.items.length;
  return (
    <>
      <p class="small" role="status">
        {list.total === 0 ? "No items match." : `Items ${first}–${last} of ${list.total}: contacts by team and staff member, then closed cases.`}
      </p>
      {list.items.length > 0 ? (
        <div class="table-scroll qa-items-scroll" role="region" aria-label="Sampled items table" tabIndex={0}>
          <table class="qa-items" role="table">
            <caption class="sr-only">Sampled items of {monthName(month)}</caption>
            <thead role="rowgroup">
              <tr role="row">
                <th scope="col" role="columnheader">
                  Item
                </th>
                <th scope="col" role="columnheader">
                  Staff
                </th>
                <th scope="col" role="columnheader">
                  Team
                </th>
                <th scope="col" role="columnheader">
                  Channel
                </th>
                <th scope="col" role="columnheader">
                  Date
                </th>
                <th scope="col" role="columnheader">
                  Service
                </th>
                <th scope="col" role="columnheader">
                  Review
                </th>
              </tr>
            </thead>
            <tbody role="rowgroup">
              {list.items.map((i) => (
                <tr role="row" key={i.id} class={i.reviewedAt ? "reviewed" : undefined}>
                  <th scope="row" role="rowheader" data-label="Item">
                    <AppLink href={url.itemHref(String(i.id))} onFollow={() => url.openItem(String(i.id))}>
                      Item {i.id}
                    </AppLink>
                    <span class="qa-kind">{i.kind === "case" ? `${KIND_LABELS.case} ${i.caseId}` : KIND_LABELS.interaction}</span>
                  </th>
                  <td role="cell" data-label="Staff">
                    {i.staff ?? <span class="muted-text">not recorded</span>}
                  </td>
                  <td role="cell" data-label="Team">
                    {i.team.name}
                  </td>
                  <td role="cell" data-label="Channel">
                    {CHANNEL_NAMES[i.channel] ?? i.channel}
                  </td>
                  <td role="cell" data-label="Date" class="nowrap">
                    <time dateTime={i.occurredAt}>{formatDate(i.occurredAt)}</time>
                  </td>
                  <td role="cell" data-label="Service">
                    {i.service ?? <span class="muted-text">not recorded</span>}
                  </td>
                  <td role="cell" data-label="Review">
                    {i.reviewedAt ? (
                      <span>
                        <span aria-hidden="true">✓ </span>Reviewed {formatDate(i.reviewedAt)}
                        {i.reviewer ? <span class="small email"> by {i.reviewer}</span> : null}
                      </span>
                    ) : (
                      <strong>To review</strong>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <Pager label="Pages of items" page={list.page} hasMore={last < list.total} newer="Previous page" older="Next page" />
    </>
  );
}
