import type { Messages } from "../../i18n/index";
import { CONTACT_MESSAGE_MAX, CONTACT_WANTED, type ContactField, type FormValues, type SurveyField } from "./form";

/** Where the error summary sends the customer for each contact error. */
export const CONTACT_ANCHORS: Record<ContactField | "contactHow", string> = {
  contactHow: "#contactEmail",
  contactEmail: "#contactEmail",
  contactPhone: "#contactPhone",
  contactMessage: "#contactMessage",
};

/** The ids an input is described by: its hint if any, then its error if any. */
const describedBy = (...ids: (string | false | undefined)[]) => ids.filter(Boolean).join(" ") || undefined;

function ErrorMessage({ id, text }: { id: string; text: string | undefined }) {
  return text ? (
    <p id={id} class="error-message">
      {text}
    </p>
  ) : null;
}

function OneLineInput(props: {
  name: "contactEmail" | "contactPhone";
  type: "email" | "tel";
  label: string;
  value: string | undefined;
  error: string | undefined;
}) {
  const errorId = `${props.name}-error`;
  return (
    <div class="field">
      <label class="question" for={props.name}>
        {props.label}
      </label>
      <ErrorMessage id={errorId} text={props.error} />
      {/* Addresses and numbers read left to right, in an Arabic page too. */}
      <input
        type={props.type}
        id={props.name}
        name={props.name}
        value={props.value ?? ""}
        autocomplete={props.type}
        spellcheck={false}
        dir="ltr"
        class={props.error ? "input invalid" : "input"}
        aria-describedby={describedBy(props.error && errorId)}
        aria-invalid={props.error ? "true" : undefined}
      />
    </div>
  );
}

/**
 * "I would like someone to contact me about this": a checkbox, then the ways to reach the
 * customer. The fields are always in the page, so the form works without script or styles;
 * the stylesheet hides them until the box is ticked where the browser knows :has().
 * Saved contact details are never put back into the page: they are personal data.
 */
export function ContactFields(p: {
  m: Messages;
  values: FormValues;
  error: (f: SurveyField) => string | undefined;
  /** The limit of the message as the language writes numbers, e.g. "500". */
  messageMax: string;
}) {
  const { m, values } = p;
  const c = m.contact;
  const howError = p.error("contactHow");
  const messageError = p.error("contactMessage");
  return (
    <fieldset id="contact-group" class="contact">
      <legend>
        {c.legend} <span class="optional">{m.page.optional}</span>
      </legend>
      <label class="option" for="contact">
        <input type="checkbox" id="contact" name="contact" value={CONTACT_WANTED} checked={values.contact === CONTACT_WANTED} />
        <span class="text">{c.wanted}</span>
      </label>
      <div class="contact-details">
        <fieldset
          id="contactHow-group"
          class={howError ? "group-error" : undefined}
          aria-describedby={describedBy("contactHow-hint", howError && "contactHow-error")}
        >
          <legend>{c.how}</legend>
          <p class="hint" id="contactHow-hint">
            {c.howHint}
          </p>
          <ErrorMessage id="contactHow-error" text={howError} />
          <OneLineInput name="contactEmail" type="email" label={c.email} value={values.contactEmail} error={p.error("contactEmail")} />
          <OneLineInput name="contactPhone" type="tel" label={c.phone} value={values.contactPhone} error={p.error("contactPhone")} />
        </fieldset>
        <div class={messageError ? "field group-error" : "field"}>
          <label class="question" for="contactMessage">
            {c.message} <span class="optional">{m.page.optional}</span>
          </label>
          <p class="hint" id="contactMessage-hint">
            {m.page.charactersLeft(p.messageMax)}
          </p>
          <ErrorMessage id="contactMessage-error" text={messageError} />
          <textarea
            id="contactMessage"
            name="contactMessage"
            rows={3}
            maxlength={CONTACT_MESSAGE_MAX}
            dir="auto"
            class={messageError ? "invalid" : undefined}
            aria-describedby={describedBy("contactMessage-hint", messageError && "contactMessage-error")}
            aria-invalid={messageError ? "true" : undefined}
          >
            {values.contactMessage ?? ""}
          </textarea>
        </div>
        <p class="consent">{c.consent}</p>
      </div>
    </fieldset>
  );
}
