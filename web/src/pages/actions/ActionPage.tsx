import { useModel } from "@preact/signals";
import { ACTION_CATEGORIES, categoryText, type ActionCategory, type CategoryLabels } from "../../../../src/domain/actions";
import { formatDateTime, formatDay } from "../../lib/format";
import { url } from "../../models/app";
import { ActionModel, formOf, type ActionDetail } from "../../models/actions";
import { formModel } from "../../models/forms";
import { Loaded } from "../common";
import { AppLink } from "../follow-up/parts";
import { ActionForm } from "./ActionForm";
import { CategoryBadge, DueDate } from "./parts";
import { todayIso } from "./wording";

type Model = InstanceType<typeof ActionModel>;

const focusLater = (id: string) => requestAnimationFrame(() => document.getElementById(id)?.focus());

/** One recommendation: what it is, who is responsible, and per review the evidence and assessment side by side. */
export function ActionPage({ actionRef }: { actionRef: string }) {
  const m = useModel(() => new ActionModel(actionRef));
  return (
    <div class="action-page">
      <p class="back no-print">
        <AppLink href={url.listHref()} onFollow={url.closeItem}>
          <span aria-hidden="true">← </span>All recommendations
        </AppLink>
      </p>
      <Loaded loader={m.detail}>{(d) => <Action d={d} m={m} />}</Loaded>
    </div>
  );
}

function Action({ d, m }: { d: ActionDetail; m: Model }) {
  const a = d.action;
  const n = m.notice.value;
  const linkTo = (param: "theme" | "team", code: string, name: string) => (
    <AppLink href={`/dashboard/actions?${param}=${encodeURIComponent(code)}`} onFollow={() => url.navigate("actions", { [param]: code })}>
      {name}
    </AppLink>
  );
  const facts: [string, preact.ComponentChildren][] = [
    ["Source", a.source],
    ["Responsibility", a.responsibility ? <span class="pre">{a.responsibility}</span> : "Not given"],
    ["Owner", a.owner ? <span class="email">{a.owner.email}</span> : "Nobody"],
    ["Anticipated completion", <DueDate dueDate={a.dueDate} overdue={a.overdue} />],
    ["Themes", a.themes.length ? joined(a.themes.map((t) => linkTo("theme", t.code, t.name))) : "None"],
    ["Teams", a.teams.length ? joined(a.teams.map((t) => linkTo("team", t.code, t.name))) : "None"],
    ["Departments", a.departments.length ? a.departments.map((x) => x.name).join(", ") : "None"],
  ];
  return (
    <>
      <section class="panel action-summary" aria-labelledby="action-text-h">
        <h2 id="action-text-h" class="sr-only">
          The recommendation
        </h2>
        <p class="action-state">
          <CategoryBadge category={a.latest?.category ?? null} labels={d.labels} />
          {a.latest ? (
            <span class="meta">
              {" "}
              at the review of <time dateTime={a.latest.date}>{formatDay(a.latest.date, true)}</time>
            </span>
          ) : null}
        </p>
        <p class="action-full-text pre">{a.text}</p>
        <dl class="facts">
          {facts.map(([k, v]) => (
            <div>
              <dt>{k}</dt>
              <dd>{v}</dd>
            </div>
          ))}
        </dl>
        {d.canEdit && !m.editing.value ? (
          <div class="form-actions no-print">
            <button type="button" class="secondary" onClick={m.openEdit}>
              Edit the recommendation
            </button>
          </div>
        ) : null}
      </section>
      <div id="action-notice" class="case-notice no-print" tabIndex={-1} aria-live={n?.kind === "error" ? "assertive" : "polite"}>
        {n ? <p class={n.kind === "error" ? "error" : "success"}>{n.text}</p> : null}
      </div>
      {m.editing.value ? (
        <div class="no-print">
          <ActionForm
            id="edit-action"
            title={`Edit ${a.ref}`}
            initial={formOf(a)}
            creating={false}
            owners={d.ownerChoices}
            linked={{ themes: a.themes, teams: a.teams, departments: a.departments }}
            submitLabel="Save changes"
            onSubmit={async (v) => {
              await m.save(v);
              focusLater("action-notice");
            }}
            onCancel={m.closeEdit}
          />
        </div>
      ) : null}
      <Reviews d={d} />
      {d.canEdit ? <ReviewForm labels={d.labels} m={m} /> : null}
    </>
  );
}

function joined(parts: preact.ComponentChildren[]) {
  return parts.flatMap((p, i) => (i === 0 ? [p] : [", ", p]));
}

/** The seed's columns turned on their side: one row per review date, the evidence and the assessment side by side. */
function Reviews({ d }: { d: ActionDetail }) {
  const a = d.action;
  return (
    <section class="panel reviews-panel" aria-labelledby="reviews-h">
      <h2 id="reviews-h">Progress at each review</h2>
      {a.reviews.length === 0 ? (
        <p>No reviews yet.</p>
      ) : (
        <div class="table-scroll" role="region" aria-label="Reviews table" tabIndex={0}>
          {/* Explicit roles: on a phone each review is laid out as a card, and some browsers drop a restyled table's semantics. */}
          <table class="reviews" role="table">
            <caption class="sr-only">{a.ref}: evidence of progress and assessment at each review, oldest first</caption>
            <thead role="rowgroup">
              <tr role="row">
                <th scope="col" role="columnheader">
                  Review date
                </th>
                <th scope="col" role="columnheader">
                  Evidence of progress
                </th>
                <th scope="col" role="columnheader">
                  Assessment of progress (categories 1–4)
                </th>
                <th scope="col" role="columnheader" class="no-print">
                  Recorded
                </th>
              </tr>
            </thead>
            <tbody role="rowgroup">
              {a.reviews.map((r) => (
                <tr key={r.id} role="row">
                  <th scope="row" role="rowheader" class="nowrap">
                    <time dateTime={r.date}>{formatDay(r.date, true)}</time>
                  </th>
                  <td role="cell" class="pre evidence">
                    {r.evidence}
                  </td>
                  <td role="cell" class="assess">
                    <CategoryBadge category={r.category} labels={d.labels} />
                  </td>
                  <td role="cell" class="small recorded no-print">
                    {r.recordedBy ?? "through the API"}, <time dateTime={r.recordedAt}>{formatDateTime(r.recordedAt)}</time>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

type ReviewValues = { date: string; category: ActionCategory | null; evidence: string };
const ReviewFormModel = formModel<ReviewValues>();
const REVIEW_FIELDS = ["date", "category", "evidence"];
/** Said at the field before asking the server. */
const reviewGaps = (v: ReviewValues): Record<string, string> => ({
  ...(v.date ? {} : { date: "Give the review date." }),
  ...(v.category === null ? { category: "Choose the assessment." } : {}),
  ...(v.evidence.trim() ? {} : { evidence: "Write the evidence of progress." }),
});

/** A review: the date, the assessment (in the organisation's words, with its number) and the evidence. */
function ReviewForm({ labels, m }: { labels: CategoryLabels; m: Model }) {
  const today = todayIso();
  // The server's refusal says what the field alone does not ("The review date is in the future.").
  const f = useModel(() => new ReviewFormModel({ date: today, category: null, evidence: "" }, REVIEW_FIELDS, { check: reviewGaps, aboveFields: "server" }));
  const { date, category, evidence } = f.values.value;
  const errors = f.errors.value;
  const formError = f.formError.value;

  async function submit(e: Event) {
    e.preventDefault();
    // reviewGaps has made sure of the category.
    const r = await f.submit((v) => m.addReview({ date: v.date, category: v.category!, evidence: v.evidence.trim() }));
    if (r.sent) {
      f.set("evidence", "");
      f.set("category", null);
      focusLater("action-notice");
    } else if (r.first) focusLater(`review-${r.first}`);
  }
  const errorOf = (name: string) =>
    errors[name] ? (
      <span class="field-error" id={`review-${name}-error`}>
        {errors[name]}
      </span>
    ) : null;
  return (
    <section class="panel no-print">
      <form class="review-form" onSubmit={submit} noValidate aria-labelledby="review-form-h">
        <h2 id="review-form-h">Record a review</h2>
        {formError ? (
          <p class="error" role="alert">
            {formError}
          </p>
        ) : null}
        <div class="field">
          <label for="review-date">Review date</label>
          <input
            id="review-date"
            type="date"
            value={date}
            max={today}
            aria-invalid={errors.date ? "true" : undefined}
            aria-describedby={errors.date ? "review-date-error" : undefined}
            onInput={(e) => f.set("date", (e.target as HTMLInputElement).value)}
          />
          {errorOf("date")}
        </div>
        <fieldset class="category-choices" id="review-category" tabIndex={-1} aria-describedby={errors.category ? "review-category-error" : undefined}>
          <legend>Assessment of progress</legend>
          {ACTION_CATEGORIES.map((c) => (
            <div class="check">
              <input id={`review-category-${c}`} type="radio" name="category" checked={category === c} onChange={() => f.set("category", c)} />
              <label for={`review-category-${c}`}>
                <span class={`category c${c}`}>{categoryText(c, labels)}</span>
              </label>
            </div>
          ))}
          {errorOf("category")}
        </fieldset>
        <div class="field wide">
          <label for="review-evidence">Evidence of progress</label>
          <textarea
            id="review-evidence"
            rows={5}
            value={evidence}
            aria-invalid={errors.evidence ? "true" : undefined}
            aria-describedby={["review-evidence-hint", errors.evidence ? "review-evidence-error" : ""].filter(Boolean).join(" ")}
            onInput={(e) => f.set("evidence", (e.target as HTMLTextAreaElement).value)}
          />
          <span class="hint" id="review-evidence-hint">
            What has been done since the last review, and what is still to do. Personal details typed here are masked.
          </span>
          {errorOf("evidence")}
        </div>
        <div class="form-actions">
          <button type="submit" disabled={f.busy.value}>
            Record the review
          </button>
        </div>
      </form>
    </section>
  );
}
