import type { ComponentChildren } from "preact";
import { useRef, useState } from "preact/hooks";
import { EditForm, type FieldSpec } from "../../components/EditForm";
import { copyText, type Section, type SettingsPageModel } from "../../models/settings";

export const when = (ms: number | null) => (ms === null ? "" : new Date(ms).toISOString().slice(0, 10));
export const status = (retiredAt: number | null) => (retiredAt === null ? "active" : `retired ${when(retiredAt)}`);

type FormSpec = {
  fields: (code: string | null) => FieldSpec[];
  initial: (code: string | null) => Record<string, string>;
  submit: (code: string | null, values: Record<string, string>) => Promise<void>;
  aliases?: Record<string, string>;
  /** The heading of the form when editing; "Edit <noun> <code>" when not given. */
  editTitle?: (code: string) => string;
};

/**
 * One settings section: heading, "Add" button, the open form (create or edit), the outcome of
 * the last change, and the table. Only one form is open on the page at a time.
 */
export function SettingsSection(props: {
  m: SettingsPageModel;
  id: Section;
  title: string;
  noun: string;
  canAdd?: boolean;
  form: FormSpec;
  children: ComponentChildren;
}) {
  const { m, id, title, noun, form } = props;
  const open = m.editing.value?.section === id ? m.editing.value : null;
  const n = m.notice.value?.section === id ? m.notice.value : null;
  const sec = m.secret.value?.section === id ? m.secret.value : null;
  return (
    <section class="panel settings-section" id={`set-${id}`} aria-labelledby={`set-${id}-h`}>
      <div class="section-head">
        <h2 id={`set-${id}-h`}>{title}</h2>
        {props.canAdd !== false ? (
          <button type="button" class="secondary" onClick={() => m.openForm(id, null)} aria-expanded={open !== null && open.code === null}>
            Add {withArticle(noun)}
          </button>
        ) : null}
      </div>
      {n ? (
        <p class={n.kind === "error" ? "error" : "success"} role={n.kind === "error" ? "alert" : "status"}>
          {n.text}
        </p>
      ) : null}
      {sec ? <SecretBox label={sec.label} value={sec.value} /> : null}
      {open ? (
        <EditForm
          key={`${id}-${open.code ?? "new"}`}
          id={`form-${id}`}
          title={open.code ? (form.editTitle?.(open.code) ?? `Edit ${noun} ${open.code}`) : `Add ${withArticle(noun)}`}
          fields={form.fields(open.code)}
          initial={form.initial(open.code)}
          aliases={form.aliases}
          submitLabel={open.code ? "Save changes" : `Add ${noun}`}
          onSubmit={(v) => form.submit(open.code, v)}
          onCancel={m.closeForm}
        />
      ) : null}
      {props.children}
    </section>
  );
}

/** A password or key shown once: copy it now, it is not kept in readable form. */
function SecretBox({ label, value }: { label: string; value: string }) {
  const ref = useRef<HTMLTextAreaElement>(null);
  const [copied, setCopied] = useState("");
  return (
    <div class="secret" role="status">
      <p>
        <strong>{label}</strong>: shown this once only. Copy it now and pass it on securely; it cannot be shown again.
      </p>
      <textarea ref={ref} readOnly rows={1} aria-label={label} value={value} class="mono" />
      <button type="button" onClick={async () => setCopied((await copyText(value, ref.current)) ? "Copied." : "Select the text and copy it.")}>
        Copy
      </button>
      <span aria-live="polite"> {copied}</span>
    </div>
  );
}

/** Edit and retire / bring back, named for screen readers ("Edit Waste Services"). */
export function RowActions(props: {
  label: string;
  retired: boolean;
  onEdit?: () => void;
  onRetire: (retired: boolean) => void;
  children?: ComponentChildren;
}) {
  return (
    <div class="row-actions">
      {props.onEdit && !props.retired ? (
        <button type="button" class="small-button secondary" onClick={props.onEdit}>
          Edit<span class="sr-only"> {props.label}</span>
        </button>
      ) : null}
      {props.children}
      <button type="button" class="small-button secondary" onClick={() => props.onRetire(!props.retired)}>
        {props.retired ? "Bring back" : "Retire"}
        <span class="sr-only"> {props.label}</span>
      </button>
    </div>
  );
}

/** "a team", "an API key", "a user": the article English wants before a noun. */
function withArticle(noun: string): string {
  return /^[aeio]/i.test(noun) || /^u[^s]/i.test(noun) ? `an ${noun}` : `a ${noun}`;
}
