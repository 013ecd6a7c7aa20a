import { useModel } from "@preact/signals";
import { ACTION_CATEGORIES, categoryText, type CategoryLabels } from "../../../../src/domain/actions";
import { formatDay } from "../../lib/format";
import { me, options, url } from "../../models/app";
import { emptyForm, TrackerModel, type ActionItem, type TrackerList } from "../../models/actions";
import { Loaded } from "../common";
import { AppLink } from "../follow-up/parts";
import { ActionForm } from "./ActionForm";
import { Addresses, CategoryBadge, DueDate } from "./parts";
import { categoryChoices, clip, reviewSlot, sharedReviewDates, todayIso, TRACKER_FILTERS } from "./wording";

type Model = InstanceType<typeof TrackerModel>;

const focusLater = (id: string) => requestAnimationFrame(() => document.getElementById(id)?.focus());

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

function TrackerFilters({ d }: { d: TrackerList }) {
  const o = options.value;
  const teams = o?.teams ?? [];
  return (
    <form class="filters no-print" aria-label="Filters" onSubmit={(e) => e.preventDefault()}>
      <Select id="ac-category" label="Latest assessment" param="category" choices={categoryChoices(d.labels)} />
      <Select
        id="ac-owner"
        label="Owner"
        param="owner"
        choices={[{ value: "", label: "Anyone" }, ...d.owners.map((u) => ({ value: u.email, label: u.email }))]}
      />
      <Select
        id="ac-theme"
        label="Theme"
        param="theme"
        choices={[{ value: "", label: "Any theme" }, ...(o?.themes ?? []).map((t) => ({ value: t.code, label: t.name }))]}
      />
      {teams.length > 1 ? (
        <Select id="ac-team" label="Team" param="team" choices={[{ value: "", label: "All teams" }, ...teams.map((t) => ({ value: t.code, label: t.name }))]} />
      ) : null}
    </form>
  );
}

/** How many stand in each category: each a shortcut to them, and said in words. */
function Counts({ d }: { d: TrackerList }) {
  const current = url.query.value.category ?? "";
  const cells = [...ACTION_CATEGORIES.map((c) => ({ value: String(c), category: c, n: d.counts[c] })), { value: "none", category: null, n: d.counts.none }];
  return (
    <ul class="category-counts" aria-label="Actions by latest assessment">
      {cells.map((c) => (
        <li>
          <button
            type="button"
            class="count-button"
            aria-pressed={current === c.value}
            onClick={() => url.setParam("category", current === c.value ? null : c.value)}
          >
            <span class="n">{c.n}</span> <CategoryBadge category={c.category} labels={d.labels} />
          </button>
        </li>
      ))}
    </ul>
  );
}

function LatestCell({ a, labels }: { a: ActionItem; labels: CategoryLabels }) {
  const r = a.latest;
  return (
    <>
      <CategoryBadge category={r?.category ?? null} labels={labels} />{" "}
      {r ? (
        <span class="small review-date">
          at the review of <time dateTime={r.date}>{formatDay(r.date, true)}</time>
        </span>
      ) : null}
    </>
  );
}

/** The list on screen: one row per action (a card on a phone), its latest assessment in words. */
function ScreenTable({ d }: { d: TrackerList }) {
  if (d.items.length === 0) return <p class="no-print">No recommendations or actions match these filters.</p>;
  return (
    <div class="table-scroll tracker-scroll no-print" role="region" aria-label="Recommendations and actions table" tabIndex={0}>
      <table class="tracker" role="table">
        <caption class="sr-only">Recommendations and actions, by reference, with the latest assessment of each</caption>
        <thead role="rowgroup">
          <tr role="row">
            <th scope="col" role="columnheader">
              No
            </th>
            <th scope="col" role="columnheader">
              Recommendation
            </th>
            <th scope="col" role="columnheader">
              Responsibility
            </th>
            <th scope="col" role="columnheader">
              Anticipated completion
            </th>
            <th scope="col" role="columnheader">
              Latest assessment
            </th>
            <th scope="col" role="columnheader">
              Addresses
            </th>
          </tr>
        </thead>
        <tbody role="rowgroup">
          {d.items.map((a) => (
            <tr role="row" key={a.ref}>
              <th scope="row" role="rowheader" data-label="No">
                {/* Named by aria-label, not a hidden span inside the link: a hidden first child gave the
                    link a 1-pixel first box that a pointer aimed at the link's first box missed. */}
                <AppLink href={url.itemHref(a.ref)} onFollow={() => url.openItem(a.ref)} label={`Recommendation ${a.ref}`}>
                  {a.ref}
                </AppLink>
              </th>
              <td role="cell" data-label="Recommendation">
                <span class="action-text">{clip(a.text)}</span>
                <span class="small source">{a.source}</span>
              </td>
              <td role="cell" data-label="Responsibility">
                <div>
                  {a.responsibility ? <span class="pre">{a.responsibility}</span> : <span class="muted-text">Not given</span>}
                  {a.owner ? <span class="small email">Owner: {a.owner.email}</span> : null}
                </div>
              </td>
              <td role="cell" data-label="Completion">
                <DueDate dueDate={a.dueDate} overdue={a.overdue} />
              </td>
              <td role="cell" data-label="Assessment">
                <div>
                  <LatestCell a={a} labels={d.labels} />
                </div>
              </td>
              <td role="cell" data-label="Addresses">
                <Addresses a={a} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * The printed tracker, as the council's "Progress Update" table: for each action its two latest
 * reviews, evidence and assessment side by side. When every action was reviewed on the same
 * dates (a committee's review rounds) the dates head the columns, as in the seed; otherwise each
 * cell says its own date.
 */
export function PrintTable({ d, title }: { d: TrackerList; title: string }) {
  const heads = sharedReviewDates(d.items);
  /** The column's review date when all share it, as the seed heads its columns; else which review it is. */
  const when = (which: 0 | 1) => {
    const date = heads[which];
    return date ? ` ${formatDay(date, true)}` : which === 0 ? ", previous review" : ", latest review";
  };
  const cells = (a: ActionItem, which: 0 | 1) => {
    const r = reviewSlot(a, which);
    if (!r) return [<td class="empty">{which === 1 ? "No review yet" : ""}</td>, <td />];
    return [
      <td>
        {heads[which] === null ? <strong class="cell-date">{formatDay(r.date, true)}: </strong> : null}
        <span class="pre">{r.evidence}</span>
      </td>,
      <td class="assessment">{categoryText(r.category, d.labels)}</td>,
    ];
  };
  return (
    <div class="print-only print-tracker">
      <table class="progress-update">
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">No</th>
            <th scope="col">Recommendation</th>
            <th scope="col">Responsibility</th>
            <th scope="col">Anticipated completion date</th>
            {([0, 1] as const).map((w) => (
              <>
                <th scope="col">Evidence of progress{when(w)}</th>
                <th scope="col">Assessment of progress (categories 1–4){when(w)}</th>
              </>
            ))}
          </tr>
        </thead>
        <tbody>
          {d.items.map((a) => (
            <tr key={a.ref}>
              <th scope="row" class="nowrap">
                {a.ref}
              </th>
              <td>
                <span class="pre">{a.text}</span>
              </td>
              <td>
                <span class="pre">{a.responsibility ?? "TBC"}</span>
              </td>
              <td>{a.dueDate ? formatDay(a.dueDate, true) : "TBC"}</td>
              {cells(a, 0)}
              {cells(a, 1)}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * The recommendations and actions tracker: what was recommended, who is responsible, when it
 * should be done and how far it has come. Directors and administrators add and review actions;
 * managers see those that concern their team.
 */
export function Tracker() {
  const m = useModel(TrackerModel);
  return (
    <div class="tracker-page">
      <p class="lede no-print">
        Recommendations and actions from scrutiny reviews, audits and what customers say, with who is responsible, when each should be done, and the assessment
        at each review: 1 achieved fully, 2 on track, 3 slipped, 4 not achieved.
      </p>
      <Loaded loader={m.list}>{(d) => <TrackerBody d={d} m={m} />}</Loaded>
    </div>
  );
}

function TrackerBody({ d, m }: { d: TrackerList; m: Model }) {
  const n = m.notice.value;
  const title = `${me.value?.orgName ?? ""} progress update: recommendations and actions, ${formatDay(todayIso(), true)}`;
  return (
    <>
      <TrackerFilters d={d} />
      <div class="tracker-tools no-print">
        {d.canEdit ? (
          <button type="button" onClick={m.openAdd} aria-expanded={m.adding.value}>
            Add a recommendation
          </button>
        ) : null}
        <button type="button" class="secondary" onClick={() => window.print()}>
          Print the progress update
        </button>
        <a class="button secondary" href={m.csvHref.value} download>
          Download CSV
        </a>
      </div>
      {n ? (
        <p id="tracker-notice" tabIndex={-1} class={`no-print ${n.kind === "error" ? "error" : "success"}`} role={n.kind === "error" ? "alert" : "status"}>
          {n.text}
        </p>
      ) : null}
      {m.adding.value ? (
        <div class="no-print">
          <ActionForm
            id="new-action"
            title="Add a recommendation or action"
            initial={emptyForm()}
            creating
            owners={d.ownerChoices}
            submitLabel="Add it"
            onSubmit={async (v) => {
              await m.add(v);
              focusLater("tracker-notice");
            }}
            onCancel={m.closeAdd}
          />
        </div>
      ) : null}
      <Counts d={d} />
      <p class="small" role="status">
        {d.items.length === 1 ? "1 recommendation or action" : `${d.items.length} recommendations and actions`}
        {TRACKER_FILTERS.some((k) => url.query.value[k]) ? " match these filters." : "."}
      </p>
      <ScreenTable d={d} />
      <PrintTable d={d} title={title.trim()} />
    </>
  );
}
