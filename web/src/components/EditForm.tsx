import { useState } from "preact/hooks";
import { ApiError } from "../api";
import { placeFieldErrors } from "../models/forms";

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

/**
 * One form for every settings change. The server validates (zod, one schema); a 400's field
 * errors go under their inputs, tied to them with aria-describedby and aria-invalid, and focus
 * moves to the first bad field, so a screen reader user hears what to fix.
 */
export function EditForm({ id, title, fields, initial, submitLabel, aliases, onSubmit, onCancel }: Props) {
  const [values, setValues] = useState<Record<string, string>>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const inputId = (name: string) => `${id}-${name.replace(/\W/g, "-")}`;

  async function submit(e: Event) {
    e.preventDefault();
    setBusy(true);
    try {
      await onSubmit(values);
    } catch (err) {
      const placed =
        err instanceof ApiError
          ? placeFieldErrors(
              err.fields,
              fields.map((f) => f.name),
              aliases,
            )
          : { byField: {}, rest: [] };
      setErrors(placed.byField);
      const message = err instanceof Error ? err.message : String(err);
      setFormError(
        placed.rest.length > 0
          ? `${message} ${placed.rest.join("; ")}`
          : Object.keys(placed.byField).length > 0
            ? "Please correct the fields marked below."
            : message,
      );
      const first = fields.find((f) => placed.byField[f.name]);
      if (first) requestAnimationFrame(() => document.getElementById(inputId(first.name))?.focus());
    } finally {
      setBusy(false);
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
            onInput: (e: Event) => setValues({ ...values, [f.name]: (e.currentTarget as HTMLInputElement).value }),
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
        <button type="submit" disabled={busy}>
          {submitLabel}
        </button>
        <button type="button" class="secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
