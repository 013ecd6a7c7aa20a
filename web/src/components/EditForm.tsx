import { useModel } from "@preact/signals";
import { formModel } from "../models/forms";

export type FieldSpec = {
  name: string;
  label: string;
  kind?: "text" | "email" | "number" | "select" | "textarea";
  choices?: { value: string; label: string }[];
  hint?: string;
  /** Shown but not editable (a code, which other systems refer to). */
  readOnly?: boolean;
  required?: boolean;
  dir?: "rtl" | "ltr";
};

type Props = {
  /** Prefix for the ids of the inputs, unique on the page. */
  id: string;
  title: string;
  fields: FieldSpec[];
  initial: Record<string, string>;
  submitLabel: string;
  /** Server paths that belong to a field under another name. */
  aliases?: Record<string, string>;
  onSubmit: (values: Record<string, string>) => Promise<void>;
  onCancel: () => void;
};

const EditFormModel = formModel<Record<string, string>>();

/**
 * One form for every settings change. The server validates (zod, one schema); a 400's field
 * errors go under their inputs, tied to them with aria-describedby and aria-invalid, and focus
 * moves to the first bad field, so a screen reader user hears what to fix.
 */
export function EditForm({ id, title, fields, initial, submitLabel, aliases, onSubmit, onCancel }: Props) {
  const m = useModel(
    () =>
      new EditFormModel(
        initial,
        fields.map((f) => f.name),
        { aliases },
      ),
  );
  const values = m.values.value;
  const errors = m.errors.value;
  const formError = m.formError.value;
  const inputId = (name: string) => `${id}-${name.replace(/\W/g, "-")}`;

  async function submit(e: Event) {
    e.preventDefault();
    const r = await m.submit(onSubmit);
    if (!r.sent && r.first) {
      const first = r.first;
      requestAnimationFrame(() => document.getElementById(inputId(first))?.focus());
    }
  }

  return (
    <form class="edit-form" onSubmit={submit} aria-labelledby={`${id}-title`} noValidate>
      <h3 id={`${id}-title`}>{title}</h3>
      {formError ? (
        <p class="error" role="alert">
          {formError}
        </p>
      ) : null}
      <div class="form-grid">
        {fields.map((f) => {
          const fid = inputId(f.name);
          const error = errors[f.name];
          const describedBy = [f.hint ? `${fid}-hint` : "", error ? `${fid}-error` : ""].filter(Boolean).join(" ") || undefined;
          const common = {
            id: fid,
            name: f.name,
            value: values[f.name] ?? "",
            readOnly: f.readOnly,
            required: f.required,
            dir: f.dir,
            "aria-invalid": error ? ("true" as const) : undefined,
            "aria-describedby": describedBy,
            onInput: (e: Event) => m.set(f.name, (e.currentTarget as HTMLInputElement).value),
          };
          return (
            <div class={`field${f.kind === "textarea" ? " wide" : ""}`}>
              <label for={fid}>{f.label}</label>
              {f.kind === "select" ? (
                <select {...common} onChange={common.onInput} disabled={f.readOnly}>
                  {(f.choices ?? []).map((c) => (
                    <option value={c.value}>{c.label}</option>
                  ))}
                </select>
              ) : f.kind === "textarea" ? (
                <textarea {...common} rows={4} />
              ) : f.kind === "email" ? (
                <input {...common} type="email" autoComplete="off" />
              ) : f.kind === "number" ? (
                <input {...common} type="text" inputMode="decimal" />
              ) : (
                <input {...common} type="text" />
              )}
              {f.hint ? (
                <span class="hint" id={`${fid}-hint`}>
                  {f.hint}
                </span>
              ) : null}
              {error ? (
                <span class="field-error" id={`${fid}-error`}>
                  {error}
                </span>
              ) : null}
            </div>
          );
        })}
      </div>
      <div class="form-actions">
        <button type="submit" disabled={m.busy.value}>
          {submitLabel}
        </button>
        <button type="button" class="secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
