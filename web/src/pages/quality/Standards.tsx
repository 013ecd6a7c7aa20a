import { useModel } from "@preact/signals";
import { useState } from "preact/hooks";
import { formModel } from "../../models/forms";
import { StandardsModel, type QualityStandard } from "../../models/quality";
import { Loaded } from "../common";

type Model = InstanceType<typeof StandardsModel>;

/* The wording of a standard, on formModel; why a change was refused is said in the panel's notice. */
const StandardFormModel = formModel<{ text: string }>();

/**
 * The checklist every item is scored against. Everyone reads it; administrators add, reword,
 * reorder, retire and bring back standards. A retired standard leaves the review form; the
 * scores it already has stay in the months they were given in.
 */
export function StandardsPanel({ canManage }: { canManage: boolean }) {
  const m = useModel(StandardsModel);
  const n = m.notice.value;
  return (
    <section class="panel" aria-labelledby="qa-standards-h">
      <h2 id="qa-standards-h">Standards</h2>
      {n ? (
        <p class={n.kind === "error" ? "error" : "success"} role={n.kind === "error" ? "alert" : "status"}>
          {n.text}
        </p>
      ) : null}
      <Loaded loader={m.list}>
        {(d) => {
          const active = d.items.filter((s) => !s.retired);
          const retired = d.items.filter((s) => s.retired);
          return (
            <>
              {d.items.length === 0 ? (
                <p>
                  No standards yet. {canManage ? "" : "An administrator adds them; "}The suggested ones are added with the first sample.{" "}
                  {canManage ? (
                    <button type="button" class="secondary" disabled={m.busy.value} onClick={() => void m.addDefaults()}>
                      Add the suggested standards
                    </button>
                  ) : null}
                </p>
              ) : null}
              <ol class="qa-standards">
                {active.map((s, i) => (
                  <StandardRow key={s.id} s={s} m={m} canManage={canManage} first={i === 0} last={i === active.length - 1} />
                ))}
              </ol>
              {retired.length > 0 ? (
                <>
                  <h3 class="subhead">Retired</h3>
                  <ul class="qa-standards retired">
                    {retired.map((s) => (
                      <StandardRow key={s.id} s={s} m={m} canManage={canManage} first last />
                    ))}
                  </ul>
                </>
              ) : null}
              {canManage ? <AddStandard m={m} /> : null}
            </>
          );
        }}
      </Loaded>
    </section>
  );
}

function StandardRow({ s, m, canManage, first, last }: { s: QualityStandard; m: Model; canManage: boolean; first: boolean; last: boolean }) {
  const [editing, setEditing] = useState(false);
  if (editing) return <RewordForm s={s} m={m} onClose={() => setEditing(false)} />;
  return (
    <li>
      <span class="qa-standard-text">{s.text}</span>
      {canManage ? (
        <span class="row-actions">
          {!s.retired ? (
            <>
              <button
                type="button"
                class="secondary small-button"
                disabled={first || m.busy.value}
                onClick={() => void m.move(s, -1)}
                aria-label={`Move ‘${s.text}’ up`}
              >
                Up
              </button>
              <button
                type="button"
                class="secondary small-button"
                disabled={last || m.busy.value}
                onClick={() => void m.move(s, 1)}
                aria-label={`Move ‘${s.text}’ down`}
              >
                Down
              </button>
              <button type="button" class="secondary small-button" onClick={() => setEditing(true)} aria-label={`Reword ‘${s.text}’`}>
                Reword
              </button>
            </>
          ) : null}
          <button
            type="button"
            class="secondary small-button"
            disabled={m.busy.value}
            onClick={() => void m.setRetired(s, !s.retired)}
            aria-label={`${s.retired ? "Bring back" : "Retire"} ‘${s.text}’`}
          >
            {s.retired ? "Bring back" : "Retire"}
          </button>
        </span>
      ) : null}
    </li>
  );
}

/** A standard's new wording, starting from its present one. */
function RewordForm({ s, m, onClose }: { s: QualityStandard; m: Model; onClose: () => void }) {
  const f = useModel(() => new StandardFormModel({ text: s.text }, ["text"]));
  return (
    <li>
      <form
        class="inline-form"
        aria-label={`Reword ‘${s.text}’`}
        onSubmit={async (e) => {
          e.preventDefault();
          if ((await f.submit((v) => m.rename(s, v.text))).sent) onClose();
        }}
      >
        <div class="field grow">
          <label for={`qa-standard-${s.id}`}>Standard</label>
          <input id={`qa-standard-${s.id}`} value={f.values.value.text} maxLength={200} onInput={(e) => f.set("text", (e.target as HTMLInputElement).value)} />
        </div>
        <div class="form-actions">
          <button type="submit" disabled={m.busy.value}>
            Save
          </button>
          <button type="button" class="secondary" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </li>
  );
}

function AddStandard({ m }: { m: Model }) {
  const f = useModel(() => new StandardFormModel({ text: "" }, ["text"]));
  return (
    <form
      class="inline-form qa-add-standard"
      aria-label="Add a standard"
      onSubmit={async (e) => {
        e.preventDefault();
        if ((await f.submit((v) => m.add(v.text))).sent) f.set("text", "");
      }}
    >
      <div class="field grow">
        <label for="qa-new-standard">New standard</label>
        <input
          id="qa-new-standard"
          value={f.values.value.text}
          maxLength={200}
          placeholder="e.g. Empathy shown"
          onInput={(e) => f.set("text", (e.target as HTMLInputElement).value)}
        />
      </div>
      <button type="submit" disabled={m.busy.value}>
        Add the standard
      </button>
    </form>
  );
}
