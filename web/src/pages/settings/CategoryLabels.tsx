import { useModel } from "@preact/signals";
import { ACTION_CATEGORIES, DEFAULT_CATEGORY_LABELS, type ActionCategory, type CategoryLabels } from "../../../../src/domain/actions";
import { CategoryLabelsModel } from "../../models/actions";
import { formModel } from "../../models/forms";
import { Loaded } from "../common";

type Model = InstanceType<typeof CategoryLabelsModel>;

const focusLater = (id: string) => requestAnimationFrame(() => document.getElementById(id)?.focus());

/** A box per category, empty where the default wording stands. */
const toForm = (labels: CategoryLabels) =>
  Object.fromEntries(ACTION_CATEGORIES.map((c) => [c, labels[c] === DEFAULT_CATEGORY_LABELS[c] ? "" : labels[c]])) as Record<ActionCategory, string>;

const LABEL_FIELDS = ACTION_CATEGORIES.map(String);
const LabelsFormModel = formModel<Record<ActionCategory, string>>();

function LabelsForm({ labels, m }: { labels: CategoryLabels; m: Model }) {
  const f = useModel(() => new LabelsFormModel(toForm(labels), LABEL_FIELDS, { aboveFields: "server" }));
  const values = f.values.value;
  const errors = f.errors.value;
  const formError = f.formError.value;
  const notice = m.notice.value;
  async function submit(e: Event) {
    e.preventDefault();
    const r = await f.submit(m.save);
    if (!r.sent && r.first) focusLater(`label-${r.first}`);
  }
  return (
    <form class="edit-form rules-form" onSubmit={submit} aria-labelledby="set-categoryLabels-h" noValidate>
      {formError ? (
        <p class="error" role="alert">
          {formError}
        </p>
      ) : null}
      <div class="form-grid">
        {ACTION_CATEGORIES.map((c) => {
          const id = `label-${c}`;
          const error = errors[String(c)];
          return (
            <div class="field">
              <label for={id}>Category {c}</label>
              <input
                id={id}
                type="text"
                value={values[c]}
                placeholder={DEFAULT_CATEGORY_LABELS[c]}
                maxLength={60}
                aria-invalid={error ? "true" : undefined}
                aria-describedby={[`${id}-hint`, error ? `${id}-error` : ""].filter(Boolean).join(" ")}
                onInput={(e) => f.set(c, (e.target as HTMLInputElement).value)}
              />
              <span class="hint" id={`${id}-hint`}>
                Default: {DEFAULT_CATEGORY_LABELS[c]}
              </span>
              {error ? (
                <span class="field-error" id={`${id}-error`}>
                  {error}
                </span>
              ) : null}
            </div>
          );
        })}
      </div>
      <div class="form-actions">
        <button type="submit" disabled={f.busy.value}>
          Save the labels
        </button>
        <span role="status" class="inline-status">
          {notice?.kind === "ok" ? notice.text : ""}
        </span>
      </div>
    </form>
  );
}

/** Administrators: the organisation's words for the four assessment categories of the recommendations tracker. */
export function CategoryLabelsSettings() {
  const m = useModel(CategoryLabelsModel);
  return (
    <section class="panel settings-section" id="set-categoryLabels" aria-labelledby="set-categoryLabels-h">
      <div class="section-head">
        <h2 id="set-categoryLabels-h">Assessment categories</h2>
      </div>
      <p class="small">
        How the recommendations tracker words its four assessments of progress. The numbers stay; leave a box empty for the default wording. A change applies to
        every review, past ones included.
      </p>
      <Loaded loader={m.labels}>{(d) => <LabelsForm key={JSON.stringify(d.labels)} labels={d.labels} m={m} />}</Loaded>
    </section>
  );
}
