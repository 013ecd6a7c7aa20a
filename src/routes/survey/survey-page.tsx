import { Layout } from "../../pages/layout";
import { answerOptions } from "../../domain/measure-kinds";
import { isQuestionKey, QUESTIONS, type Question } from "../../domain/measure-registry";
import { formatNumber, messages, type Language, type Messages } from "../../i18n/index";
import { CSRF_FIELD } from "../../middleware/csrf";
import { COMMENT_MAX, CONTACT_MESSAGE_MAX, type FormValues, type SurveyField } from "./form";
import { CONTACT_ANCHORS, ContactFields } from "./contact-fields";

/**
 * The faces of the CSAT question, drawn inline (emoji fonts vary and some systems have none;
 * inline SVG needs no image request and no CSP exception). Decorative: the label says it.
 */
const FACE_FILL = { 1: "#f2b8b0", 2: "#f6d0ae", 3: "#f7e59a", 4: "#d3e9b4", 5: "#b3e0bb" } as const;
const FACE_MOUTH = {
  1: "M12 29 Q20 19 28 29",
  2: "M13 28 Q20 23.5 27 28",
  3: "M13 27 L27 27",
  4: "M13 25 Q20 30.5 27 25",
  5: "M12 24 Q20 35 28 24",
} as const;

export function Face({ score }: { score: 1 | 2 | 3 | 4 | 5 }) {
  return (
    <svg class="face" viewBox="0 0 40 40" width="40" height="40" aria-hidden="true" focusable="false">
      <circle cx="20" cy="20" r="18" fill={FACE_FILL[score]} stroke="#0b0c0c" stroke-width="2" />
      <circle cx="14" cy="16" r="2.2" fill="#0b0c0c" />
      <circle cx="26" cy="16" r="2.2" fill="#0b0c0c" />
      <path d={FACE_MOUTH[score]} fill="none" stroke="#0b0c0c" stroke-width="2.5" stroke-linecap="round" />
    </svg>
  );
}

export type SurveyPageProps = {
  lang: Language;
  org: string;
  /** The form posts back here. */
  action: string;
  langHref: (lang: Language) => string;
  csrf: string;
  values: FormValues;
  errors: readonly SurveyField[];
  /** The form was sent empty. */
  nothing: boolean;
  /** A face chosen from an email (?csat=N), awaiting confirmation. */
  chosenCsat?: number | undefined;
  /** Set when the customer is changing saved answers: the formatted last day to change them. */
  editUntil?: string | undefined;
};

/** One answer: its value, its words, and what is drawn beside them (a face, a number, nothing). */
type Option = { value: string; label: string; face?: 1 | 2 | 3 | 4 | 5; badge?: string };

function QuestionGroup(props: {
  name: Question["key"];
  legend: string;
  optional: string;
  options: Option[];
  selected: string | undefined;
  error: string | undefined;
}) {
  const errorId = `${props.name}-error`;
  return (
    <fieldset id={`${props.name}-group`} class={props.error ? "group-error" : undefined} aria-describedby={props.error ? errorId : undefined}>
      <legend>
        {props.legend} <span class="optional">{props.optional}</span>
      </legend>
      {props.error ? (
        <p id={errorId} class="error-message">
          {props.error}
        </p>
      ) : null}
      <div class={`scale scale-${props.options.length}`}>
        {props.options.map((o, i) => (
          <label class="option" for={`${props.name}-${i + 1}`}>
            <input type="radio" id={`${props.name}-${i + 1}`} name={props.name} value={o.value} checked={props.selected === o.value} />
            {o.face ? <Face score={o.face} /> : null}
            {o.badge ? (
              <span class="num" aria-hidden="true">
                {o.badge}
              </span>
            ) : null}
            <span class="text">{o.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/**
 * A question's answers in the registry's order with the catalogue's words: faces for a
 * five-point question drawn as faces, numbers beside a scale's labels, words alone for choices.
 */
function optionsOf(q: Question, m: Messages): Option[] {
  const labels: Record<string | number, string> = m.questions[q.key].labels;
  return answerOptions<Question>(q).map((v) => {
    const value = String(v);
    if (q.kind === "yesNo") return { value, label: labels[v]! };
    if ("faces" in q) return { value, label: labels[v]!, face: v as 1 | 2 | 3 | 4 | 5 };
    return { value, label: labels[v]!, badge: value };
  });
}

function legendOf(q: Question, m: Messages, org: string): string {
  const text: string | ((org: string) => string) = m.questions[q.key].text;
  return typeof text === "function" ? text(org) : text;
}

/** Where the error summary sends the customer for an error. */
function anchor(f: SurveyField): string {
  if (f === "comment") return "#comment";
  if (isQuestionKey(f)) return `#${f}-1`;
  return CONTACT_ANCHORS[f];
}

/**
 * The registry's questions, the comment box and the request to be contacted on one page, one
 * submit; no script needed.
 */
export function SurveyPage(p: SurveyPageProps) {
  const m = messages(p.lang);
  const q = m.questions;
  const has = (f: SurveyField) => p.errors.includes(f);
  const max = formatNumber(p.lang, COMMENT_MAX);
  const messageMax = formatNumber(p.lang, CONTACT_MESSAGE_MAX);
  const fieldError = (f: SurveyField): string | undefined => {
    if (!has(f)) return undefined;
    if (f === "comment") return m.errors.commentTooLong(max);
    if (f === "contactMessage") return m.errors.contactMessageTooLong(messageMax);
    return m.errors[f];
  };
  const summary: { href: string; text: string }[] = [
    ...(p.nothing ? [{ href: anchor(QUESTIONS[0].key), text: m.errors.nothingAnswered }] : []),
    ...p.errors.map((f) => ({ href: anchor(f), text: fieldError(f) ?? "" })),
  ];
  const title = p.editUntil ? m.edit.title : m.page.title;
  const chosenLabel = p.chosenCsat ? q.csat.labels[p.chosenCsat as 1 | 2 | 3 | 4 | 5] : undefined;
  const commentError = fieldError("comment");
  return (
    <Layout lang={p.lang} org={p.org} title={summary.length ? `${m.errors.titlePrefix}${title}` : title} langHref={p.langHref}>
      {summary.length ? (
        <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex={-1}>
          <h2 id="error-summary-title">{m.errors.summaryTitle}</h2>
          <ul>
            {summary.map((s) => (
              <li>
                <a href={s.href}>{s.text}</a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <h1>{title}</h1>
      <p class="lead">{p.editUntil ? m.edit.intro(p.editUntil) : m.page.intro}</p>
      {chosenLabel && !summary.length ? <p class="notice">{m.page.chosen(chosenLabel)}</p> : null}
      <form method="post" action={p.action} novalidate>
        <input type="hidden" name={CSRF_FIELD} value={p.csrf} />
        {QUESTIONS.map((question) => (
          <QuestionGroup
            name={question.key}
            legend={legendOf(question, m, p.org)}
            optional={m.page.optional}
            options={optionsOf(question, m)}
            selected={p.values[question.key]}
            error={fieldError(question.key)}
          />
        ))}
        <div class={commentError ? "field group-error" : "field"}>
          <label class="question" for="comment">
            {q.comment.text} <span class="optional">{m.page.optional}</span>
          </label>
          <p class="hint" id="comment-hint">
            {q.comment.hint} {m.page.charactersLeft(max)}
          </p>
          {commentError ? (
            <p id="comment-error" class="error-message">
              {commentError}
            </p>
          ) : null}
          <textarea
            id="comment"
            name="comment"
            rows={6}
            maxlength={COMMENT_MAX}
            dir="auto"
            class={commentError ? "invalid" : undefined}
            aria-describedby={commentError ? "comment-hint comment-error" : "comment-hint"}
            aria-invalid={commentError ? "true" : undefined}
          >
            {p.values.comment ?? ""}
          </textarea>
        </div>
        <ContactFields m={m} values={p.values} error={fieldError} messageMax={messageMax} />
        <button type="submit" class="button">
          {p.editUntil ? m.page.saveChanges : m.page.submit}
        </button>
      </form>
    </Layout>
  );
}
