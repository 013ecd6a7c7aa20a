import { useModel } from "@preact/signals";
import { allowedSteps, type CaseModel, STEP_LABELS, type CaseDetail } from "../../models/follow-ups";
import { formModel } from "../../models/forms";

type Model = InstanceType<typeof CaseModel>;

/*
 * The case's forms hold their values and field errors on formModel; what a change did, or why
 * it was refused, is said once for all of them in the case's notice (CaseModel), and every
 * button waits while any change is under way (CaseModel's busy).
 */
const NoteFormModel = formModel<{ note: string }>();
const ReasonFormModel = formModel<{ reason: string }>();
const OwnerFormModel = formModel<{ choice: string }>();

/** After a change whose button has gone (a step taken), focus goes to the outcome, which says what happened. */
const focusNotice = () => requestAnimationFrame(() => document.getElementById("case-notice")?.focus());
const focusField = (id: string) => requestAnimationFrame(() => document.getElementById(id)?.focus());

/** A labelled textarea whose error, if any, is tied to it for screen readers. */
function NoteField(props: {
  id: string;
  label: string;
  hint?: string;
  value: string;
  error: string | undefined;
  required?: boolean;
  onInput: (v: string) => void;
}) {
  const { id, error } = props;
  const describedBy = [props.hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
  return (
    <div class="field wide">
      <label for={id}>{props.label}</label>
      <textarea
        id={id}
        rows={3}
        value={props.value}
        required={props.required}
        aria-invalid={error ? "true" : undefined}
        aria-describedby={describedBy}
        onInput={(e) => props.onInput((e.target as HTMLTextAreaElement).value)}
      />
      {props.hint ? (
        <span class="hint" id={`${id}-hint`}>
          {props.hint}
        </span>
      ) : null}
      {error ? (
        <span class="field-error" id={`${id}-error`}>
          {error}
        </span>
      ) : null}
    </div>
  );
}

const PII_HINT = "Kept in the case's history. Contact details belong in the CRM; any typed here are masked.";

/** The next steps the case allows (the server's order: acknowledge, respond, close), each with an optional note. */
function StepForm({ d, m }: { d: CaseDetail; m: Model }) {
  const f = useModel(() => new NoteFormModel({ note: "" }, ["note"]));
  const steps = allowedSteps(d.case.status);
  async function take(step: (typeof steps)[number]) {
    if (step === "close" && d.contact && !window.confirm("Close this case? The customer's contact details are deleted when a case closes.")) return;
    const r = await f.submit((v) => m.takeStep(step, v.note));
    if (r.sent) {
      f.set("note", "");
      focusNotice();
    } else if (r.first) focusField("case-step-note");
    else focusNotice();
  }
  return (
    <div class="case-form" role="group" aria-labelledby="case-step-h">
      <h3 id="case-step-h">Next step</h3>
      <NoteField
        id="case-step-note"
        label="Note (optional)"
        hint={PII_HINT}
        value={f.values.value.note}
        error={f.errors.value.note}
        onInput={(v) => f.set("note", v)}
      />
      <div class="form-actions">
        {steps.map((s, i) => (
          <button type="button" class={i === 0 ? undefined : "secondary"} disabled={m.busy.value} onClick={() => void take(s)}>
            {STEP_LABELS[s]}
          </button>
        ))}
      </div>
    </div>
  );
}

/** Who owns the case: a manager of its team, a director or an administrator. */
function OwnerForm({ d, m }: { d: CaseDetail; m: Model }) {
  const current = d.case.owner;
  const f = useModel(() => new OwnerFormModel({ choice: current ? String(current.id) : "" }, ["userId"]));
  const choice = f.values.value.choice;
  // The current owner stays a choice even if they could not be given the case today.
  const owners = current && !d.owners.some((o) => o.id === current.id) ? [{ ...current, role: "" }, ...d.owners] : d.owners;
  const error = f.errors.value.userId;
  async function submit(e: Event) {
    e.preventDefault();
    const r = await f.submit((v) => {
      const owner = owners.find((o) => String(o.id) === v.choice) ?? null;
      return m.assign(owner ? owner.id : null, owner ? owner.email : null);
    });
    if (!r.sent) focusField("case-owner");
  }
  return (
    <form class="case-form inline-form" onSubmit={submit} aria-labelledby="case-owner-h">
      <h3 id="case-owner-h">Owner</h3>
      <div class="field grow">
        <label for="case-owner">Assign to</label>
        <select
          id="case-owner"
          value={choice}
          aria-invalid={error ? "true" : undefined}
          aria-describedby={error ? "case-owner-error" : undefined}
          onChange={(e) => f.set("choice", (e.target as HTMLSelectElement).value)}
        >
          <option value="">Nobody (unassigned)</option>
          {owners.map((o) => (
            <option value={String(o.id)}>
              {o.email}
              {o.role ? ` (${o.role})` : ""}
            </option>
          ))}
        </select>
        {error ? (
          <span class="field-error" id="case-owner-error">
            {error}
          </span>
        ) : null}
      </div>
      <button type="submit" class="secondary" disabled={m.busy.value || choice === (current ? String(current.id) : "")}>
        Assign
      </button>
    </form>
  );
}

/** A safeguarding match judged not to be a concern, with the reason (required, kept in the history). */
function ClearForm({ m }: { m: Model }) {
  const f = useModel(() => new ReasonFormModel({ reason: "" }, ["reason"]));
  async function submit(e: Event) {
    e.preventDefault();
    const r = await f.submit((v) => m.notAConcern(v.reason));
    if (r.sent) {
      f.set("reason", "");
      focusNotice();
    } else if (r.first) focusField("case-clear-reason");
    else focusNotice();
  }
  return (
    <form class="case-form" onSubmit={submit} aria-labelledby="case-clear-h" noValidate>
      <h3 id="case-clear-h">Not a safeguarding concern?</h3>
      <p class="small">
        If the words matched but there is no risk to anyone (a figure of speech, a quotation), say why. The case stops being urgent and is due as any other
        case.
      </p>
      <NoteField
        id="case-clear-reason"
        label="Reason (required)"
        value={f.values.value.reason}
        error={f.errors.value.reason}
        required
        onInput={(v) => f.set("reason", v)}
      />
      <div class="form-actions">
        <button type="submit" class="secondary" disabled={m.busy.value}>
          Not a concern
        </button>
      </div>
    </form>
  );
}

/** What the viewer may do to the case; only what the server says they can, and what its status allows. */
export function CaseActions({ d, m }: { d: CaseDetail; m: Model }) {
  const c = d.case;
  const open = c.status !== "closed";
  const steps = d.can.act && allowedSteps(c.status).length > 0;
  const assign = d.can.assign && open;
  const clear = d.can.clear && open && !c.cleared && c.reasons.some((r) => r.rule === "safeguarding");
  if (!steps && !assign && !clear) return null;
  return (
    <section class="panel case-actions no-print" aria-labelledby="case-actions-h">
      <h2 id="case-actions-h">Work the case</h2>
      {steps ? <StepForm d={d} m={m} /> : null}
      {assign ? <OwnerForm key={c.owner?.id ?? "none"} d={d} m={m} /> : null}
      {clear ? <ClearForm m={m} /> : null}
    </section>
  );
}

/** A note for the history, without moving the case on. */
export function NoteForm({ m }: { m: Model }) {
  const f = useModel(() => new NoteFormModel({ note: "" }, ["note"]));
  async function submit(e: Event) {
    e.preventDefault();
    const r = await f.submit((v) => m.addNote(v.note));
    if (r.sent) f.set("note", "");
    else focusField("case-note");
  }
  return (
    <form class="case-form" onSubmit={submit} aria-labelledby="case-note-h" noValidate>
      <h3 id="case-note-h">Add a note</h3>
      <NoteField
        id="case-note"
        label="Note"
        hint={PII_HINT}
        value={f.values.value.note}
        error={f.errors.value.note}
        required
        onInput={(v) => f.set("note", v)}
      />
      <div class="form-actions">
        <button type="submit" class="secondary" disabled={m.busy.value}>
          Add the note
        </button>
      </div>
    </form>
  );
}
