import { useModel } from "@preact/signals";
import { options } from "../../models/app";
import type { ActionFormValues, OwnerChoice } from "../../models/actions";
import { formModel } from "../../models/forms";

type Named = { code: string; name: string };
type LinkField = "themes" | "teams" | "departments";
const TEXT_FIELDS = ["ref", "text", "source", "responsibility", "owner", "dueDate"] as const;
const LINK_FIELDS = ["themes", "teams", "departments"] as const;
const FIELDS = [...TEXT_FIELDS, ...LINK_FIELDS];
const ActionFormModel = formModel<ActionFormValues>();

type Props = {
  id: string;
  title: string;
  initial: ActionFormValues;
  /** A new action has a reference to give; an existing one's cannot change. */
  creating: boolean;
  owners: readonly OwnerChoice[];
  /** What the action is linked to now, kept as choices even if since retired. */
  linked?: Partial<Record<LinkField, readonly Named[]>>;
  submitLabel: string;
  onSubmit: (v: ActionFormValues) => Promise<unknown>;
  onCancel: () => void;
};

/**
 * Adding or changing a recommendation. The server validates; its field errors go under their
 * inputs, tied to them for screen readers, and focus moves to the first one.
 */
export function ActionForm(p: Props) {
  const m = useModel(() => new ActionFormModel(p.initial, FIELDS));
  const v = m.values.value;
  const errors = m.errors.value;
  const formError = m.formError.value;
  const busy = m.busy.value;
  const fid = (name: string) => `${p.id}-${name}`;
  const set = m.set;

  async function submit(e: Event) {
    e.preventDefault();
    const r = await m.submit(p.onSubmit);
    if (!r.sent) requestAnimationFrame(() => document.getElementById(r.first ? fid(r.first) : `${p.id}-error`)?.focus());
  }

  const described = (name: string, hint?: boolean) =>
    [hint ? `${fid(name)}-hint` : "", errors[name] ? `${fid(name)}-error` : ""].filter(Boolean).join(" ") || undefined;
  const fieldError = (name: string) =>
    errors[name] ? (
      <span class="field-error" id={`${fid(name)}-error`}>
        {errors[name]}
      </span>
    ) : null;
  const text = (name: "ref" | "source", label: string, hint?: string) => (
    <div class="field">
      <label for={fid(name)}>{label}</label>
      <input
        id={fid(name)}
        type="text"
        value={v[name]}
        required
        aria-invalid={errors[name] ? "true" : undefined}
        aria-describedby={described(name, !!hint)}
        onInput={(e) => set(name, (e.target as HTMLInputElement).value)}
      />
      {hint ? (
        <span class="hint" id={`${fid(name)}-hint`}>
          {hint}
        </span>
      ) : null}
      {fieldError(name)}
    </div>
  );
  const o = options.value;
  const choices: Record<LinkField, Named[]> = {
    themes: withLinked(o?.themes ?? [], p.linked?.themes),
    teams: withLinked(o?.teams ?? [], p.linked?.teams),
    departments: withLinked(o?.departments ?? [], p.linked?.departments),
  };
  const links = (field: LinkField, legend: string) => (
    <fieldset class="link-choices" id={fid(field)} tabIndex={-1} aria-describedby={errors[field] ? `${fid(field)}-error` : undefined}>
      <legend>{legend}</legend>
      {choices[field].length === 0 ? <p class="small">None to choose from.</p> : null}
      <div class="link-list">
        {choices[field].map((c) => (
          <div class="check">
            <input
              id={fid(`${field}-${c.code}`)}
              type="checkbox"
              checked={v[field].includes(c.code)}
              onChange={(e) => set(field, (e.target as HTMLInputElement).checked ? [...v[field], c.code] : v[field].filter((x) => x !== c.code))}
            />
            <label for={fid(`${field}-${c.code}`)}>{c.name}</label>
          </div>
        ))}
      </div>
      {fieldError(field)}
    </fieldset>
  );

  return (
    <form class="edit-form action-form" onSubmit={submit} aria-labelledby={`${p.id}-title`} noValidate>
      <h2 id={`${p.id}-title`}>{p.title}</h2>
      {formError ? (
        <p class="error" role="alert" id={`${p.id}-error`} tabIndex={-1}>
          {formError}
        </p>
      ) : null}
      <div class="form-grid">
        {p.creating ? text("ref", "Reference", "As your tracker numbers it, e.g. CF-5. It cannot change later.") : null}
        {text("source", "Source", "Where it came from: a scrutiny review, an audit, what customers said.")}
        <div class="field wide">
          <label for={fid("text")}>Recommendation or action</label>
          <textarea
            id={fid("text")}
            rows={4}
            value={v.text}
            required
            aria-invalid={errors.text ? "true" : undefined}
            aria-describedby={described("text")}
            onInput={(e) => set("text", (e.target as HTMLTextAreaElement).value)}
          />
          {fieldError("text")}
        </div>
        <div class="field wide">
          <label for={fid("responsibility")}>Responsibility</label>
          <textarea
            id={fid("responsibility")}
            rows={2}
            value={v.responsibility}
            aria-invalid={errors.responsibility ? "true" : undefined}
            aria-describedby={described("responsibility", true)}
            onInput={(e) => set("responsibility", (e.target as HTMLTextAreaElement).value)}
          />
          <span class="hint" id={`${fid("responsibility")}-hint`}>
            The officers and roles responsible, as your tracker names them.
          </span>
          {fieldError("responsibility")}
        </div>
        <div class="field">
          <label for={fid("owner")}>Owner</label>
          <select
            id={fid("owner")}
            value={v.owner}
            aria-invalid={errors.owner ? "true" : undefined}
            aria-describedby={described("owner")}
            onChange={(e) => set("owner", (e.target as HTMLSelectElement).value)}
          >
            <option value="">Nobody</option>
            {withOwner(p.owners, v.owner).map((u) => (
              <option value={u.email}>
                {u.email}
                {u.role ? ` (${u.role})` : ""}
              </option>
            ))}
          </select>
          {fieldError("owner")}
        </div>
        <div class="field">
          <label for={fid("dueDate")}>Anticipated completion</label>
          <input
            id={fid("dueDate")}
            type="date"
            value={v.dueDate}
            aria-invalid={errors.dueDate ? "true" : undefined}
            aria-describedby={described("dueDate")}
            onInput={(e) => set("dueDate", (e.target as HTMLInputElement).value)}
          />
          {fieldError("dueDate")}
        </div>
      </div>
      <div class="link-grid">
        {links("themes", "Feedback themes it addresses")}
        {links("teams", "Teams")}
        {links("departments", "Departments")}
      </div>
      <div class="form-actions">
        <button type="submit" disabled={busy}>
          {p.submitLabel}
        </button>
        <button type="button" class="secondary" onClick={p.onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/** The live choices, plus what the action is linked to now (a retired theme keeps its place). */
function withLinked(live: readonly Named[], linked: readonly Named[] = []): Named[] {
  return [...live, ...linked.filter((l) => !live.some((x) => x.code === l.code))].map(({ code, name }) => ({ code, name }));
}

/** The owner stays a choice even if they could not be given an action today. */
function withOwner(owners: readonly OwnerChoice[], current: string): { email: string; role: string }[] {
  return current && !owners.some((o) => o.email === current) ? [{ email: current, role: "" }, ...owners] : [...owners];
}
