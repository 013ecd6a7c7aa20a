import { useState } from "preact/hooks";
import { allowedSteps, type CaseModel, STEP_LABELS, type CaseDetail } from "../../models/follow-ups";

type Model = InstanceType<typeof CaseModel>;

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
  const [note, setNote] = useState("");
  const steps = allowedSteps(d.case.status);
  async function take(step: (typeof steps)[number]) {
    if (step === "close" && d.contact && !window.confirm("Close this case? The customer's contact details are deleted when a case closes.")) return;
    if (await m.takeStep(step, note)) {
      setNote("");
      focusNotice();
    } else if (m.fieldErrors.value["step.note"]) focusField("case-step-note");
    else focusNotice();
  }
  return (
    <div class="case-form" role="group" aria-labelledby="case-step-h">
      <h3 id="case-step-h">Next step</h3>
      <NoteField id="case-step-note" label="Note (optional)" hint={PII_HINT} value={note} error={m.fieldErrors.value["step.note"]} onInput={setNote} />
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
  const [choice, setChoice] = useState(current ? String(current.id) : "");
  // The current owner stays a choice even if they could not be given the case today.
  const owners = current && !d.owners.some((o) => o.id === current.id) ? [{ ...current, role: "" }, ...d.owners] : d.owners;
  const error = m.fieldErrors.value["owner.userId"];
  async function submit(e: Event) {
    e.preventDefault();
    const owner = owners.find((o) => String(o.id) === choice) ?? null;
    if (!(await m.assign(owner ? owner.id : null, owner ? owner.email : null))) focusField("case-owner");
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
          onChange={(e) => setChoice((e.target as HTMLSelectElement).value)}
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
  const [reason, setReason] = useState("");
  async function submit(e: Event) {
    e.preventDefault();
    if (await m.notAConcern(reason)) {
      setReason("");
      focusNotice();
    } else if (m.fieldErrors.value["clear.reason"]) focusField("case-clear-reason");
    else focusNotice();
  }
  return (
    <form class="case-form" onSubmit={submit} aria-labelledby="case-clear-h" noValidate>
      <h3 id="case-clear-h">Not a safeguarding concern?</h3>
      <p class="small">
        If the words matched but there is no risk to anyone (a figure of speech, a quotation), say why. The case stops being urgent and is due as any other
        case.
      </p>
      <NoteField id="case-clear-reason" label="Reason (required)" value={reason} error={m.fieldErrors.value["clear.reason"]} required onInput={setReason} />
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
  const [note, setNote] = useState("");
  const error = m.fieldErrors.value["notes.note"];
  async function submit(e: Event) {
    e.preventDefault();
    if (await m.addNote(note)) setNote("");
    else focusField("case-note");
  }
  return (
    <form class="case-form" onSubmit={submit} aria-labelledby="case-note-h" noValidate>
      <h3 id="case-note-h">Add a note</h3>
      <NoteField id="case-note" label="Note" hint={PII_HINT} value={note} error={error} required onInput={setNote} />
      <div class="form-actions">
        <button type="submit" class="secondary" disabled={m.busy.value}>
          Add the note
        </button>
      </div>
    </form>
  );
}
