import { useModel } from "@preact/signals";
import { CASE_PRIORITIES } from "../../../../src/domain/cases";
import { Pager } from "../../components/Pager";
import { formatDate, workingDays } from "../../lib/format";
import { options, url } from "../../models/app";
import { STATUS_LABELS } from "../../lib/case-words";
import { CaseListModel, OWNER_FILTERS, SORTS, STATUS_FILTERS, type CaseList as CaseListData, type CaseSummary } from "../../models/follow-ups";
import { Loaded } from "../common";
import { AppLink, Due, Priority, Reasons } from "./parts";

const PRIORITY_LABELS = { urgent: "Urgent", normal: "Normal" } as const satisfies Record<(typeof CASE_PRIORITIES)[number], string>;

function Select(props: { id: string; label: string; param: string; choices: readonly { value: string; label: string }[] }) {
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      <select id={props.id} value={url.query.value[props.param] ?? ""} onChange={(e) => url.setParam(props.param, (e.target as HTMLSelectElement).value)}>
        {props.choices.map((c) => (
          <option value={c.value}>{c.label}</option>
        ))}
      </select>
    </div>
  );
}

function CaseFilters() {
  const q = url.query.value;
  const teams = options.value?.teams ?? [];
  return (
    <form class="filters" aria-label="Case filters" onSubmit={(e) => e.preventDefault()}>
      <Select id="fu-status" label="Status" param="status" choices={STATUS_FILTERS} />
      <Select
        id="fu-priority"
        label="Priority"
        param="priority"
        choices={[{ value: "", label: "Any" }, ...CASE_PRIORITIES.map((p) => ({ value: p, label: PRIORITY_LABELS[p] }))]}
      />
      {teams.length > 1 ? (
        <Select id="fu-team" label="Team" param="team" choices={[{ value: "", label: "All teams" }, ...teams.map((t) => ({ value: t.code, label: t.name }))]} />
      ) : null}
      <Select id="fu-owner" label="Owner" param="owner" choices={OWNER_FILTERS} />
      <Select id="fu-sort" label="Order" param="sort" choices={SORTS} />
      <div class="field check">
        <input
          id="fu-overdue"
          type="checkbox"
          checked={q.overdue === "true"}
          onChange={(e) => url.setParam("overdue", (e.target as HTMLInputElement).checked ? "true" : null)}
        />
        <label for="fu-overdue">Overdue only</label>
      </div>
    </form>
  );
}

/** The three numbers a manager starts the day with, each a shortcut to its cases. */
function Counts({ counts }: { counts: CaseListData["counts"] }) {
  const q = url.query.value;
  const showing = (show: Record<string, string | null>) => Object.entries(show).every(([k, v]) => (q[k] ?? null) === v) && !q.owner;
  const cards = [
    {
      key: "urgent",
      label: "Urgent",
      n: counts.urgent,
      hint: "Safeguarding concerns not yet closed",
      show: { priority: "urgent", overdue: null, status: null },
    },
    {
      key: "overdue",
      label: "Overdue",
      n: counts.overdue,
      hint: "Past the date to acknowledge or respond",
      show: { overdue: "true", priority: null, status: null },
    },
    { key: "active", label: "Active", n: counts.active, hint: "Open, acknowledged or responded", show: { status: null, priority: null, overdue: null } },
  ] as const;
  return (
    <section class="cards compact case-counts" aria-label="Case counts">
      {cards.map((c) => (
        <article class={`card ${c.n > 0 && c.key !== "active" ? "red" : ""}`} data-testid={`count-${c.key}`}>
          <h2>{c.label}</h2>
          <p class={`big ${c.n > 0 && c.key !== "active" ? "bad" : ""}`}>{c.n}</p>
          <p class="small">{c.hint}</p>
          {c.n > 0 && !showing(c.show) ? (
            <button type="button" class="link-button small" onClick={() => url.setParams({ ...c.show, owner: null, page: null })}>
              Show {c.key === "active" ? "all active" : c.label.toLowerCase()} cases
            </button>
          ) : null}
        </article>
      ))}
    </section>
  );
}

function CaseRow({ c }: { c: CaseSummary }) {
  const id = String(c.id);
  const pressing = c.priority === "urgent" && c.status === "open";
  return (
    <tr role="row" class={pressing ? "pressing" : undefined}>
      <th scope="row" role="rowheader" data-label="Case">
        <AppLink href={url.itemHref(id)} onFollow={() => url.openItem(id)}>
          Case {c.id}
        </AppLink>
        <span class="case-status">{STATUS_LABELS[c.status]}</span>
      </th>
      <td role="cell" data-label="Priority">
        <Priority c={c} />
      </td>
      <td role="cell" data-label="Reasons">
        <Reasons c={c} />
      </td>
      <td role="cell" data-label="Team">
        {c.team.name}
      </td>
      <td role="cell" data-label="Owner">
        {c.owner ? <span class="email">{c.owner.email}</span> : <span class="muted-text">Unassigned</span>}
      </td>
      <td role="cell" data-label="Opened" class="nowrap">
        <time dateTime={c.openedAt}>{formatDate(c.openedAt)}</time>
      </td>
      <td role="cell" data-label="Age" class="nowrap">
        {workingDays(c.ageWorkingDays)}
      </td>
      <td role="cell" data-label="Next due">
        <Due c={c} />
      </td>
    </tr>
  );
}

function CaseTable({ d }: { d: CaseListData }) {
  const first = d.page * d.pageSize + 1;
  const last = d.page * d.pageSize + d.items.length;
  const order = url.query.value.sort === "opened" ? "newest first" : "urgent first, then by the next due date";
  return (
    <>
      <p class="small" role="status">
        {d.total === 0 ? "No cases match these filters." : `Cases ${first}–${last} of ${d.total}, ${order}.`}
      </p>
      {d.items.length > 0 ? (
        <div class="table-scroll cases-scroll" role="region" aria-label="Follow-up cases table" tabIndex={0}>
          <table class="cases" role="table">
            {/* Explicit roles: on a phone the rows are laid out as cards, and some browsers drop a restyled table's semantics. */}
            <caption class="sr-only">Follow-up cases, {order}</caption>
            <thead role="rowgroup">
              <tr role="row">
                <th scope="col" role="columnheader">
                  Case
                </th>
                <th scope="col" role="columnheader">
                  Priority
                </th>
                <th scope="col" role="columnheader">
                  Reasons
                </th>
                <th scope="col" role="columnheader">
                  Team
                </th>
                <th scope="col" role="columnheader">
                  Owner
                </th>
                <th scope="col" role="columnheader">
                  Opened
                </th>
                <th scope="col" role="columnheader">
                  Age
                </th>
                <th scope="col" role="columnheader">
                  Next due
                </th>
              </tr>
            </thead>
            <tbody role="rowgroup">
              {d.items.map((c) => (
                <CaseRow key={c.id} c={c} />
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <Pager label="Pages of cases" page={d.page} hasMore={last < d.total} newer="Previous page" older="Next page" />
    </>
  );
}

/**
 * The follow-up cases a viewer may see: counts, filters in the URL, and one row per case with
 * why it was opened and what is due. A manager sees their own team's.
 */
export function CaseList() {
  const m = useModel(CaseListModel);
  return (
    <div class="follow-up case-list">
      <p class="lede">
        A case opens when an answer meets the follow-up rules: a low score, a request to be contacted, or words that may be a safeguarding concern (urgent).
        Each case has a date to acknowledge it by and a date to respond by, in working days.
      </p>
      <CaseFilters />
      <Loaded loader={m.list}>
        {(d) => (
          <>
            <Counts counts={d.counts} />
            <CaseTable d={d} />
          </>
        )}
      </Loaded>
    </div>
  );
}
